"""Anki export: a real .apkg imported by the real Anki library, then updated in place."""

from __future__ import annotations

import dataclasses
import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import genanki
import pytest

from question_bank import Question, Source, extract_facts, generate_questions, load_article
from question_bank.exporters import PARENT_DECK, ExportError, ExportItem
from question_bank.exporters.anki import (
    BASIC_MODEL_ID,
    CLOZE_MODEL_ID,
    MCQ_MODEL_ID,
    AnkiStats,
    anki_tags,
    build_note,
    deck_id,
    deck_name,
    write_apkg,
)

from .conftest import SEEDS

SEED = SEEDS / "000_ac724d6cf199b366.txt"
SENTENCE = "It will be Blinken’s fifth trip to the region since October 7, officials said."
SOURCE = Source(SENTENCE, 650, 650 + len(SENTENCE))
TITLE = "Blinken returns to the Middle East"
DATE = "2024-01-04"
TEACHER_TAGS = ("Middle East", "  current   affairs ", "", "week 1", "Week_1", "::geo::")
NOTE_TYPES = {"News Quiz Basic", "News Quiz Cloze", "News Quiz Multiple Choice"}


def handmade() -> list[Question]:
    """One question per kind, with markup, an ampersand and a blank to export."""
    trip = {"type": "trip", "traveler": "Antony Blinken", "ordinal": 5}
    return [
        Question(
            id="q_short",
            article="art_1",
            kind="short_answer",
            prompt="<script>alert('x')</script> Which trip was it for Antony Blinken?",
            answer="fifth",
            accepted=("5th", "5"),
            choices=(),
            fact=trip,
            source=SOURCE,
        ),
        Question(
            id="q_tf",
            article="art_1",
            kind="true_false",
            prompt="True or false? It was Blinken's fifth trip to the region.",
            answer="True",
            accepted=(),
            choices=("True", "False"),
            fact=trip,
            source=SOURCE,
        ),
        Question(
            id="q_cloze",
            article="art_1",
            kind="cloze",
            prompt="Fill in the blank. “It will be Blinken’s _____ trip to the region & beyond.”",
            answer="fifth",
            accepted=("5th",),
            choices=(),
            fact=trip,
            source=SOURCE,
        ),
        Question(
            id="q_mcq",
            article="art_1",
            kind="mcq",
            prompt="Which trip to the region was it for Antony Blinken?",
            answer="fifth",
            accepted=(),
            choices=("fourth", "fifth", "sixth", "third"),
            fact=trip,
            source=SOURCE,
        ),
    ]


def handmade_items(questions: list[Question] | None = None) -> list[ExportItem]:
    """The handmade questions in the "Handmade" deck, with the teacher's tags."""
    return [
        ExportItem(q, "Handmade", TEACHER_TAGS, article_title=TITLE, article_date=DATE)
        for q in questions or handmade()
    ]


@pytest.fixture(scope="module")
def seed_items() -> list[ExportItem]:
    """Questions generated from a seed article, in the "Seeds" deck."""
    article = load_article(SEED)
    questions = list(generate_questions(article, extract_facts(article)))
    assert {q.kind for q in questions} == {"mcq", "short_answer", "cloze", "true_false"}
    return [
        ExportItem(q, "Seeds", ("seed",), article_title=article.display_title) for q in questions
    ]


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty Anki collection (skips when the anki package cannot be imported)."""
    collection_module = pytest.importorskip(
        "anki.collection",
        reason="the anki package (pip install anki) is not importable here",
        exc_type=ImportError,
    )
    col = collection_module.Collection(str(tmp_path / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_apkg(col: Any, path: Path) -> Any:
    """Import a package with Anki's default options (update notes only if newer); the log."""
    from anki.import_export_pb2 import ImportAnkiPackageRequest

    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path))).log


def note_for(col: Any, question_id: str) -> Any:
    """The collection's note whose GUID is the question's."""
    guid = genanki.guid_for(question_id)
    (note,) = [n for n in map(col.get_note, col.find_notes("")) if n.guid == guid]
    return note


# ---- the package ---------------------------------------------------------------------


def test_model_ids_are_fixed_constants() -> None:
    """The note types' ids never change: Anki matches note types by id."""
    assert (BASIC_MODEL_ID, CLOZE_MODEL_ID, MCQ_MODEL_ID) == (1216572626, 1400727253, 1398214261)


def test_stats_count_notes_decks_and_kinds(tmp_path: Path, seed_items: list[ExportItem]) -> None:
    """The stats say how many notes, decks and notes of each kind were written."""
    items = handmade_items() + seed_items
    stats = write_apkg(items, tmp_path / "quiz.apkg")
    assert isinstance(stats, AnkiStats)
    assert stats.notes == len(items)
    assert stats.decks == 2
    assert sum(stats.kinds.values()) == len(items)
    assert stats.kinds["cloze"] == 1 + sum(i.question.kind == "cloze" for i in seed_items)
    with zipfile.ZipFile(tmp_path / "quiz.apkg") as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.apkg"]


def test_a_repeated_question_is_written_once(tmp_path: Path) -> None:
    """The same question twice in a selection makes one note, in its first deck."""
    items = handmade_items()
    items.append(dataclasses.replace(items[0], deck="Elsewhere"))
    stats = write_apkg(items, tmp_path / "quiz.apkg")
    assert (stats.notes, stats.decks) == (4, 1)


def test_empty_selection_raises_and_writes_nothing(tmp_path: Path) -> None:
    """No items: ExportError, and no file (not even a temporary one) is left behind."""
    target = tmp_path / "empty.apkg"
    with pytest.raises(ExportError):
        write_apkg([], target)
    with pytest.raises(ExportError):
        write_apkg(iter(()), target)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export that fails halfway leaves the previous file intact and no partial file."""
    target = tmp_path / "quiz.apkg"
    write_apkg(handmade_items(), target)
    before = target.read_bytes()

    def boom(*args: object, **kwargs: object) -> None:
        """Fail while writing the collection."""
        raise RuntimeError("interrupted")

    monkeypatch.setattr(genanki.Package, "write_to_db", boom)
    with pytest.raises(RuntimeError):
        write_apkg(handmade_items(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.apkg"]


def test_deck_names_and_ids_are_stable() -> None:
    """Decks sit under the parent deck; their ids are hashes of the names, in range."""
    assert deck_name("Week 1") == f"{PARENT_DECK}::Week 1"
    assert deck_name("  Week   1 ") == f"{PARENT_DECK}::Week 1"
    assert deck_name("   ") == PARENT_DECK
    ids = {deck_id(deck_name(f"Week {n}")) for n in range(200)}
    assert len(ids) == 200
    assert all(1 << 30 <= i < 1 << 31 for i in ids)
    assert deck_id("News Quiz::Week 1") == deck_id("News Quiz::Week 1")


def test_tags_have_no_spaces_and_no_repeats() -> None:
    """Tags: article id, fact type, kind, then the teacher's, whitespace made "_"."""
    item = handmade_items()[0]
    assert anki_tags(item) == [
        "art_1",
        "trip",
        "short_answer",
        "Middle_East",
        "current_affairs",
        "week_1",
        "geo",
    ]


def test_guid_comes_from_the_question_id_only() -> None:
    """Editing a question's text never changes its note's GUID."""
    item = handmade_items()[0]
    edited = dataclasses.replace(
        item,
        question=dataclasses.replace(item.question, prompt="New text", answer="5th"),
        tags=("other",),
    )
    assert build_note(item).guid == build_note(edited).guid == genanki.guid_for("q_short")


def test_cloze_braces_in_text_never_make_deletions() -> None:
    """A prompt's own "{{c2::...}}" is escaped; a cloze without a blank becomes a basic note."""
    cloze = handmade()[2]
    braces = dataclasses.replace(cloze, prompt="{{c2::x}} _____ here", answer="a::b}}")
    (text, _extra) = build_note(ExportItem(braces, "d")).fields
    assert text == "&#123;&#123;c2::x&#125;&#125; {{c1::a&#58;&#58;b&#125;&#125;}} here"
    no_blank = dataclasses.replace(cloze, prompt="No blank here.")
    assert build_note(ExportItem(no_blank, "d")).model.model_id == BASIC_MODEL_ID


# ---- imported by Anki ----------------------------------------------------------------


def test_import_into_a_fresh_collection(
    tmp_path: Path, collection: Any, seed_items: list[ExportItem]
) -> None:
    """Every question becomes one note with one card, in its deck, with its note type."""
    items = handmade_items() + seed_items
    path = tmp_path / "quiz.apkg"
    write_apkg(items, path)
    log = import_apkg(collection, path)
    assert len(log.new) == len(items)
    assert collection.note_count() == len(items)
    assert collection.card_count() == len(items)

    decks = {d.name for d in collection.decks.all_names_and_ids()}
    assert {PARENT_DECK, f"{PARENT_DECK}::Handmade", f"{PARENT_DECK}::Seeds"} <= decks
    assert len(collection.find_cards(f'"deck:{PARENT_DECK}::Handmade"')) == 4
    assert len(collection.find_cards(f'"deck:{PARENT_DECK}::Seeds"')) == len(seed_items)

    models = {m.name for m in collection.models.all_names_and_ids()}
    assert models >= NOTE_TYPES
    for item in items:
        note = note_for(collection, item.question.id)
        expected = {
            "mcq": "News Quiz Multiple Choice",
            "cloze": "News Quiz Cloze",
        }.get(item.question.kind, "News Quiz Basic")
        assert note.note_type()["name"] == expected
        assert len(note.cards()) == 1


def test_imported_fields_are_escaped(tmp_path: Path, collection: Any) -> None:
    """Fields hold escaped text, and the rendered card shows markup as text."""
    path = tmp_path / "quiz.apkg"
    write_apkg(handmade_items(), path)
    import_apkg(collection, path)

    short = note_for(collection, "q_short")
    assert short["Question"] == (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Which trip was it for Antony Blinken?"
    )
    assert short["Answer"] == "fifth"
    assert short["Accepted"] == "5th; 5"
    assert short["Source"] == SENTENCE
    assert short["Article"] == f"{TITLE} · {DATE}"
    card = short.cards()[0]
    assert "<script" not in card.question()
    assert "&lt;script&gt;" in card.question()
    answer = card.answer()
    assert "fifth" in answer and "5th; 5" in answer and SENTENCE in answer and DATE in answer

    tf = note_for(collection, "q_tf")
    assert (tf["Answer"], tf["Accepted"]) == ("True", "")
    assert "Also accepted" not in tf.cards()[0].answer()

    cloze = note_for(collection, "q_cloze")
    assert cloze["Text"] == (
        "Fill in the blank. “It will be Blinken’s {{c1::fifth}} trip to the region &amp; beyond.”"
    )
    assert SENTENCE in cloze["Back Extra"] and TITLE in cloze["Back Extra"]
    front, back = cloze.cards()[0].question(), cloze.cards()[0].answer()
    shown = re.sub(r"<style>.*?</style>|<[^>]+>", "", front, flags=re.S)
    assert "[...]" in shown and "fifth" not in shown
    assert "fifth" in back and SENTENCE in back

    mcq = note_for(collection, "q_mcq")
    assert mcq["Choices"] == (
        '<ol class="choices" type="A"><li>fourth</li><li>fifth</li>'
        "<li>sixth</li><li>third</li></ol>"
    )
    assert mcq["Answer"] == "B. fifth"
    front = mcq.cards()[0].question()
    assert all(choice in front for choice in ("fourth", "fifth", "sixth", "third"))
    assert "B. fifth" in mcq.cards()[0].answer()


def test_imported_tags(tmp_path: Path, collection: Any, seed_items: list[ExportItem]) -> None:
    """Tags survive the import unchanged and none contains whitespace."""
    path = tmp_path / "quiz.apkg"
    write_apkg(handmade_items() + seed_items, path)
    import_apkg(collection, path)
    tags = collection.tags.all()
    assert tags and not any(any(ch.isspace() for ch in tag) for tag in tags)
    short = note_for(collection, "q_short")
    assert sorted(short.tags, key=str.lower) == sorted(
        ["art_1", "trip", "short_answer", "Middle_East", "current_affairs", "week_1", "geo"],
        key=str.lower,
    )
    seed_note = note_for(collection, seed_items[0].question.id)
    assert {"000_ac724d6cf199b366", "seed", seed_items[0].question.kind} <= set(seed_note.tags)


def test_reimport_updates_notes_in_place_and_keeps_reviews(
    tmp_path: Path, collection: Any, seed_items: list[ExportItem]
) -> None:
    """An edited question (same id) updates its note; ids and the card's review survive."""
    items = handmade_items() + seed_items
    path = tmp_path / "quiz.apkg"
    first = time.time()
    write_apkg(items, path, timestamp=first)
    import_apkg(collection, path)
    count = collection.note_count()

    note = note_for(collection, "q_short")
    note_id, guid = note.id, note.guid
    card = note.cards()[0]
    card.start_timer()
    collection.sched.answerCard(card, 3)  # "Good": the card is now in learning/review
    card.load()
    reviewed = (card.id, card.reps, card.ivl, card.type, card.queue, card.due)
    assert card.reps == 1

    edited = dataclasses.replace(items[0].question, prompt="Edited: <b>which</b> trip was it?")
    items[0] = dataclasses.replace(items[0], question=edited)
    # Anki updates a note only from a newer one: the re-export is a minute "later".
    write_apkg(items, path, timestamp=first + 60)
    log = import_apkg(collection, path)
    assert len(log.new) == 0
    assert len(log.updated) == len(items)

    assert collection.note_count() == count
    assert collection.card_count() == count
    note = note_for(collection, "q_short")
    assert (note.id, note.guid) == (note_id, guid)
    assert note["Question"] == "Edited: &lt;b&gt;which&lt;/b&gt; trip was it?"
    card.load()
    assert (card.id, card.reps, card.ivl, card.type, card.queue, card.due) == reviewed
    models = [m.name for m in collection.models.all_names_and_ids()]
    assert sorted(n for n in models if n in NOTE_TYPES) == sorted(NOTE_TYPES)
