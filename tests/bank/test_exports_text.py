"""Export files as the command line writes them: CSV and TSV imported by the real Anki
with its default options, Quizlet text, file modes, a missing folder, the article's
title and date from the bank line, and file names that keep a deck name's letters."""

from __future__ import annotations

import json
import stat
import zipfile
from collections import Counter
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from question_bank import Question, Source, extract_facts, generate_questions, load_article
from question_bank.cli import main
from question_bank.exporters import (
    FORMATS,
    ExportError,
    ExportItem,
    ascii_filename,
    deck_name,
    export_filename,
    export_text,
    slugify,
    write_export,
)
from question_bank.exporters.gift import item_tags
from question_bank.exporters.tabular import front_back, to_csv, to_quizlet

from ..anki_text import import_text
from .conftest import SEEDS

SEED = SEEDS / "000_ac724d6cf199b366.txt"
SENTENCE = "The minister flew to Oslo on Monday, officials said."
GREEK = "Ειδήσεις: Ιανουάριος"
JAPANESE = "ニュース 一月"


def make(qid: str, kind: str, prompt: str, answer: str, **fields: Any) -> Question:
    """A question of the bank with a fixed source."""
    return Question(
        id=qid,
        article="art_1",
        kind=kind,
        prompt=prompt,
        answer=answer,
        accepted=tuple(fields.pop("accepted", ())),
        choices=tuple(fields.pop("choices", ())),
        fact={"type": "visit"},
        source=Source(SENTENCE, 0, len(SENTENCE)),
        **fields,
    )


def tricky_items() -> list[ExportItem]:
    """Markup, a leading '#', every separator and quotes, three decks, teachers' tags."""
    return [
        ExportItem(
            make(
                "q_markup",
                "short_answer",
                "<b>Where</b> did the minister fly? <script>alert('x')</script> & back",
                "Oslo",
                accepted=("oslo <i>city</i>",),
            ),
            GREEK,
            ("Middle East", "week 1"),
        ),
        ExportItem(
            make("q_hash", "short_answer", "#1 on the list: which city?", "Oslo"),
            GREEK,
            ("geo::europe",),
        ),
        ExportItem(
            make(
                "q_separators",
                "short_answer",
                'He said "yes,\tno"; then\nhe left: why | how?',
                "yes, no",
            ),
            JAPANESE,
        ),
        ExportItem(
            make(
                "q_mcq",
                "mcq",
                "Which city did the minister visit?",
                "Oslo",
                choices=("Bergen", "Oslo", "Rome", "Cairo"),
            ),
            "Week 1",
        ),
        ExportItem(
            make(
                "q_tf",
                "true_false",
                "True or false? The minister flew to Oslo.",
                "True",
                choices=("True", "False"),
            ),
            "Week 1",
        ),
    ]


EXPECTED_FRONTS = {
    "q_markup": "<b>Where</b> did the minister fly? <script>alert('x')</script> & back",
    "q_hash": "#1 on the list: which city?",
    "q_separators": 'He said "yes, no"; then he left: why | how?',
    "q_mcq": "Which city did the minister visit? A) Bergen; B) Oslo; C) Rome; D) Cairo",
    "q_tf": "True or false? The minister flew to Oslo.",
}
EXPECTED_BACKS = {
    "q_markup": "Oslo (also accepted: oslo <i>city</i>)",
    "q_hash": "Oslo",
    "q_separators": "yes, no",
    "q_mcq": "B) Oslo",
    "q_tf": "True",
}


@pytest.fixture(scope="module")
def seed_items() -> list[ExportItem]:
    """Questions generated from a seed article, in the "Seeds" deck."""
    article = load_article(SEED)
    return [
        ExportItem(q, "Seeds", ("seed",))
        for q in generate_questions(article, extract_facts(article))
    ]


def folded(tags: Any) -> set[str]:
    """Tags as Anki compares them: case-insensitively."""
    return {t.casefold() for t in tags}


# ---- CSV and TSV in the real Anki ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_import_into_anki_with_its_default_options(
    tmp_path: Path, fmt: str, seed_items: list[ExportItem]
) -> None:
    """Each question is one Basic note: front and back as plain text (markup shows as
    text), its tags, its deck under "News Quiz"; nothing is skipped."""
    items = tricky_items() + seed_items
    path = tmp_path / f"quiz.{fmt}"
    assert write_export(items, fmt, path) == len(items)
    separator = "Comma" if fmt == "csv" else "Tab"
    assert path.read_text(encoding="utf-8").splitlines()[:5] == [
        f"#separator:{separator}",
        "#html:false",
        "#notetype:Basic",
        "#tags column:3",
        "#deck column:4",
    ]

    result = import_text(path, tmp_path / "anki")

    assert result.is_html is False
    assert (result.new, result.skipped, len(result.notes)) == (len(items), 0, len(items))
    assert {n.notetype for n in result.notes} == {"Basic"}
    assert not any("<" in f or ">" in f for n in result.notes for f in n.fields)  # no live HTML
    expected = []
    for item in items:
        front, back = front_back(item.question)  # one line each: the seeds' are already
        qid = item.question.id
        expected.append(
            (
                EXPECTED_FRONTS.get(qid, front),
                EXPECTED_BACKS.get(qid, back),
                frozenset(folded(item_tags(item))),
                deck_name(item.deck),
            )
        )
    got = [
        (unescape(n.fields[0]), unescape(n.fields[1]), frozenset(folded(n.tags)), n.deck)
        for n in result.notes
    ]
    assert Counter(got) == Counter(expected)
    (markup,) = [n for n in result.notes if "Where" in n.fields[0]]
    assert markup.fields[0].startswith("&lt;b&gt;Where&lt;/b&gt;")
    assert {n.deck for n in result.notes} == {
        f"News Quiz::{GREEK}",
        f"News Quiz::{JAPANESE}",
        "News Quiz::Week 1",
        "News Quiz::Seeds",
    }


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_anki_uses_basic_whatever_note_type_was_used_last(tmp_path: Path, fmt: str) -> None:
    """Without "#notetype:Basic", Anki would fill the last used note type (here Cloze)."""

    def cloze_last(col: Any) -> None:
        col.set_config("curModel", col.models.by_name("Cloze")["id"])

    path = tmp_path / f"quiz.{fmt}"
    write_export(tricky_items(), fmt, path)
    result = import_text(path, tmp_path / "anki", prepare=cloze_last)
    assert {n.notetype for n in result.notes} == {"Basic"}
    assert len(result.notes) == len(tricky_items())


def test_a_header_row_becomes_anki_column_names_not_a_card(tmp_path: Path) -> None:
    path = tmp_path / "quiz.csv"
    path.write_text(to_csv(tricky_items(), header=True, anki_header=True), encoding="utf-8")
    assert "#columns:front,back,tags,deck" in path.read_text(encoding="utf-8").splitlines()
    result = import_text(path, tmp_path / "anki")
    assert len(result.notes) == len(tricky_items())
    assert "front" not in {n.fields[0] for n in result.notes}


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_the_command_line_writes_what_anki_imports(tmp_path: Path, fmt: str) -> None:
    """`question-bank export csv|tsv` uses the header: Anki reads every field and tag."""
    bank = tmp_path / "bank.jsonl"
    bank.write_text(
        "".join(json.dumps(i.question.to_dict()) + "\n" for i in tricky_items()),
        encoding="utf-8",
    )
    out = tmp_path / f"out.{fmt}"
    assert main(["export", fmt, str(bank), "-o", str(out), "--deck", GREEK]) == 0
    result = import_text(out, tmp_path / "anki")
    assert len(result.notes) == len(tricky_items()) and result.skipped == 0
    assert {n.deck for n in result.notes} == {f"News Quiz::{GREEK}"}
    assert {unescape(n.fields[0]) for n in result.notes} == set(EXPECTED_FRONTS.values())
    assert all("art_1" in n.tags for n in result.notes)


# ---- Quizlet ---------------------------------------------------------------------------


def test_quizlet_text_is_term_tab_definition_and_nothing_else(tmp_path: Path) -> None:
    """What Quizlet's import reads by default: a tab between term and definition, a new
    line between cards; no header, tags, deck or quotes to clean up by hand."""
    items = tricky_items()
    text = to_quizlet(items)
    assert export_text(items, "quizlet") == text
    lines = text.splitlines()
    assert len(lines) == len(items) and text.endswith("\n")
    assert [line.split("\t") for line in lines] == [
        [EXPECTED_FRONTS[i.question.id], EXPECTED_BACKS[i.question.id]] for i in items
    ]
    path = tmp_path / "quiz.txt"
    assert main(["export", "quizlet", _bank(tmp_path, items), "-o", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == text


def _bank(tmp_path: Path, items: list[ExportItem]) -> str:
    """The items' questions as a bank file; its path."""
    bank = tmp_path / "bank.jsonl"
    bank.write_text(
        "".join(json.dumps(i.question.to_dict(), ensure_ascii=False) + "\n" for i in items),
        encoding="utf-8",
    )
    return str(bank)


# ---- files: mode and folder -------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_is_written_with_mode_0644(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", fmt, _bank(tmp_path, tricky_items()), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_folder_is_one_line_not_a_traceback(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _bank(tmp_path, tricky_items())
    capsys.readouterr()
    missing = tmp_path / "no" / "such"
    assert main(["export", fmt, bank, "-o", str(missing / "out.x")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"the folder {missing} does not exist" in err
    with pytest.raises(ExportError, match="does not exist"):
        write_export(tricky_items(), fmt, missing / "out.x")


def test_generate_into_a_missing_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "such"
    assert main(["generate", str(SEED), "-o", str(missing / "bank.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"the folder {missing} does not exist" in err


# ---- the article's title and date, from the bank line to the card ----------------------


def test_bank_lines_carry_the_title_and_date_onto_the_anki_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "blinken.txt"
    body = SEED.read_text(encoding="utf-8")
    article.write_text(f"Title: Blinken returns\nDate: 2024-01-04\n\n{body}", encoding="utf-8")
    bank = tmp_path / "bank.jsonl"
    assert main(["generate", str(article), "-o", str(bank)]) == 0
    rows = [json.loads(line) for line in bank.read_text(encoding="utf-8").splitlines()]
    assert rows
    assert {(r["article_title"], r["article_date"]) for r in rows} == {
        ("Blinken returns", "2024-01-04")
    }

    out = tmp_path / "deck.apkg"
    assert main(["export", "anki", str(bank), "-o", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    collection_module = pytest.importorskip("anki.collection", exc_type=ImportError)
    from anki.import_export_pb2 import ImportAnkiPackageRequest

    col = collection_module.Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(out)))
        notes = [col.get_note(n) for n in col.find_notes("")]
        assert len(notes) == len(rows)
        for note in notes:
            back = note["Back Extra"] if "Back Extra" in note else note["Article"]
            assert "Blinken returns · 2024-01-04" in back
            assert "Blinken returns · 2024-01-04" in note.cards()[0].answer()
    finally:
        col.close()


def test_a_bank_line_without_title_or_date_still_reads() -> None:
    q = make("q1", "short_answer", "Where?", "Oslo")
    line = q.to_dict()
    assert (line["article_title"], line["article_date"]) == (None, None)
    for key in ("article_title", "article_date"):
        del line[key]
    assert Question.from_dict(line) == q
    titled = make("q1", "short_answer", "Where?", "Oslo", article_title="T", article_date="D")
    assert Question.from_dict(json.loads(json.dumps(titled.to_dict()))) == titled


# ---- file names keep a deck name's letters ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        (GREEK, "Ειδήσεις-Ιανουάριος"),
        (JAPANESE, "ニュース-一月"),
        ("हिन्दी समाचार", "हिन्दी-समाचार"),  # vowel signs are marks, and stay
        ("Talks in Oslo / Week 1", "Talks-in-Oslo-Week-1"),
        ("Ｑ１ ﬁnal", "Q1-final"),
        ("Café: politique", "Café-politique"),
        ("🗞️ ✨", "news-quiz"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "CON-deck"),
        ("", "news-quiz"),
    ],
)
def test_slugs_keep_letters_of_every_script(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_file_names() -> None:
    assert export_filename(GREEK, "csv") == "Ειδήσεις-Ιανουάριος.csv"
    assert export_filename(None, "gift") == "news-quiz.gift.txt"
    assert export_filename("x", "quizlet") == "x.quizlet.txt"
    long = slugify("λ" * 200)
    assert len(long) == 60
    assert len(slugify("😀" * 100).encode("utf-8")) <= 180
    assert ascii_filename("Café-politique.csv") == "Cafe-politique.csv"
    assert ascii_filename("Ειδήσεις-Ιανουάριος.csv") == "news-quiz.csv"
    with pytest.raises(ExportError):
        export_filename("x", "pdf")


def test_the_command_line_names_the_file_after_the_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path, tricky_items())
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["export", "gift", bank, "-o", str(folder), "--deck", GREEK]) == 0
    assert [p.name for p in folder.iterdir()] == ["Ειδήσεις-Ιανουάριος.gift.txt"]
    monkeypatch.chdir(folder)
    assert main(["export", "csv", bank, "--deck", JAPANESE]) == 0
    assert (folder / "ニュース-一月.csv").is_file()
    assert main(["export", "tsv", bank]) == 0  # no deck: named after the bank
    assert (folder / "bank.tsv").is_file()
