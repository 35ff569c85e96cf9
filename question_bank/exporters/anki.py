"""Anki decks: the bank's questions as an .apkg package, written with genanki.

Each question becomes one note of a note type of our own:

- short answer and true/false: a basic note (Question, Answer, Accepted, Source, Article);
- cloze: a cloze note whose prompt's blank becomes ``{{c1::answer}}``;
- multiple choice: a note listing the choices on the front and the answer on the back.

A note's GUID comes from the question id alone, so a question edited in the bank and
exported again updates the note a student already has (and keeps its review history)
instead of adding a second one. Deck ids are hashes of the deck names, so they are
stable too. Every field is HTML-escaped: a prompt's ``<script>`` shows as text.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import os
import sqlite3
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import genanki

from ..model import Question, find_blank
from . import FILE_MODE, ExportItem, deck_name, existing_folder, require_items

# Model ids were drawn once at random from genanki's recommended range
# [2**30, 2**31). Never change them: Anki matches note types by id, and a new id
# would make every re-import create a second copy of the note type.
BASIC_MODEL_ID = 1216572626
CLOZE_MODEL_ID = 1400727253
MCQ_MODEL_ID = 1398214261

_ID_LOW = 1 << 30
_ID_SPAN = 1 << 30
"""Deck ids are hashed into genanki's recommended id range [2**30, 2**31)."""

CSS = """\
.card {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 20px;
  line-height: 1.45;
  color: #1d1d1f;
  background: #ffffff;
  text-align: left;
  max-width: 42em;
  margin: 0 auto;
  padding: 0 0.5em;
}
.nightMode.card, .night_mode .card { color: #e8e8e8; background: #1e1e1e; }
.prompt { font-weight: 600; }
.choices { margin: 0.75em 0 0 1.5em; padding: 0; }
.choices li { margin: 0.25em 0; }
.answer { font-size: 1.2em; font-weight: 700; color: #0a6b2d; }
.nightMode .answer, .night_mode .answer { color: #7ddc97; }
.cloze { font-weight: 700; color: #0b57d0; }
.nightMode .cloze, .night_mode .cloze { color: #8ab4f8; }
.accepted { margin-top: 0.4em; font-size: 0.85em; }
.source {
  margin: 1em 0 0;
  padding: 0.4em 0.8em;
  border-left: 4px solid #c7c7cc;
  font-size: 0.85em;
  font-style: italic;
}
.article { margin-top: 0.6em; font-size: 0.75em; color: #6e6e73; }
.label { font-weight: 600; font-style: normal; }
"""

_ANSWER = '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
_ACCEPTED = (
    "{{#Accepted}}"
    '<div class="accepted"><span class="label">Also accepted:</span> {{Accepted}}</div>'
    "{{/Accepted}}"
)
_SOURCE_AND_ARTICLE = (
    '{{#Source}}<blockquote class="source">{{Source}}</blockquote>{{/Source}}'
    '{{#Article}}<div class="article">{{Article}}</div>{{/Article}}'
)

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "News Quiz Basic",
    fields=[
        {"name": "Question"},
        {"name": "Answer"},
        {"name": "Accepted"},
        {"name": "Source"},
        {"name": "Article"},
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="prompt">{{Question}}</div>',
            "afmt": _ANSWER + _ACCEPTED + _SOURCE_AND_ARTICLE,
        }
    ],
    css=CSS,
)
"""Short-answer and true/false questions: the prompt on the front, the answer behind."""

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "News Quiz Cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": '<div class="prompt">{{cloze:Text}}</div>',
            "afmt": '<div class="prompt">{{cloze:Text}}</div><hr id="answer">{{Back Extra}}',
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)
"""Cloze questions: the blank is a ``{{c1::...}}`` deletion; the back adds the source."""

MCQ_MODEL = genanki.Model(
    MCQ_MODEL_ID,
    "News Quiz Multiple Choice",
    fields=[
        {"name": "Question"},
        {"name": "Choices"},
        {"name": "Answer"},
        {"name": "Source"},
        {"name": "Article"},
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="prompt">{{Question}}</div>{{Choices}}',
            "afmt": _ANSWER + _SOURCE_AND_ARTICLE,
        }
    ],
    css=CSS,
)
"""Multiple-choice questions: the prompt and lettered choices, the keyed answer behind."""


@dataclass(frozen=True)
class AnkiStats:
    """What an export wrote: notes, decks and notes per question kind."""

    notes: int
    decks: int
    kinds: Mapping[str, int]


def write_apkg(
    items: Iterable[ExportItem], path: str | Path, *, timestamp: float | None = None
) -> AnkiStats:
    """Write the items as an Anki package at ``path``, atomically, with mode 0644.

    Raises ExportError when there is nothing to export or the folder is missing.

    ``timestamp`` (seconds since the epoch, default now) stamps the notes'
    modification time; Anki updates an existing note only from a newer one.
    A question id that appears twice is written once, in its first item's deck.
    """
    listed = require_items(items)
    existing_folder(path)
    target = Path(path)
    stamp = time.time() if timestamp is None else timestamp

    decks: dict[str, genanki.Deck] = {}
    deck_ids: set[int] = set()
    seen: set[str] = set()
    kinds: Counter[str] = Counter()
    for position, item in enumerate(listed):
        if item.question.id in seen:
            continue
        seen.add(item.question.id)
        name = deck_name(item.deck)
        deck = decks.get(name)
        if deck is None:
            deck = genanki.Deck(_free_deck_id(name, deck_ids), name)
            deck_ids.add(deck.deck_id)
            decks[name] = deck
        note = build_note(item)
        note.due = position
        deck.add_note(note)
        kinds[item.question.kind] += 1

    _write_package(genanki.Package(list(decks.values())), target, stamp)
    return AnkiStats(notes=len(seen), decks=len(decks), kinds=dict(kinds))


def deck_id(name: str) -> int:
    """A stable deck id from a deck name: its sha256, folded into [2**30, 2**31)."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()[:8]
    return _ID_LOW + int.from_bytes(digest, "big") % _ID_SPAN


def _free_deck_id(name: str, taken: set[int]) -> int:
    """The deck's hashed id, or the next free one when two names of an export collide."""
    candidate = deck_id(name)
    while candidate in taken:
        candidate = _ID_LOW + (candidate - _ID_LOW + 1) % _ID_SPAN
    return candidate


def anki_tags(item: ExportItem) -> list[str]:
    """The note's tags: article id, fact type, kind, then the teacher's; no spaces, no repeats.

    Whitespace becomes "_", empty "::" levels are dropped, and repeats are
    dropped case-insensitively (as Anki compares tags).
    """
    question = item.question
    raw = (question.article, str(question.fact.get("type") or ""), question.kind, *item.tags)
    return list(_clean_tags(raw))


@lru_cache(maxsize=4096)
def _clean_tags(raw: tuple[str, ...]) -> tuple[str, ...]:
    """Cleaned, de-duplicated tags (cached: most notes of an export share their tags)."""
    out: list[str] = []
    seen: set[str] = set()
    for tag in raw:
        cleaned = "::".join(part for part in "_".join(tag.split()).split("::") if part)
        if cleaned and cleaned.lower() not in seen:
            seen.add(cleaned.lower())
            out.append(cleaned)
    return tuple(out)


def build_note(item: ExportItem) -> genanki.Note:
    """The genanki note of one item: its note type by kind, escaped fields, tags and GUID."""
    question = item.question
    if question.kind == "mcq" and question.choices:
        model, fields = MCQ_MODEL, _mcq_fields(item)
    elif question.kind == "cloze" and find_blank(question.prompt):
        model, fields = CLOZE_MODEL, _cloze_fields(item)
    else:
        model, fields = BASIC_MODEL, _basic_fields(item)
    return genanki.Note(
        model=model,
        fields=fields,
        tags=anki_tags(item),
        guid=genanki.guid_for(question.id),
    )


def _basic_fields(item: ExportItem) -> list[str]:
    """Question, Answer, Accepted, Source and Article, escaped."""
    q = item.question
    return [
        _escape(q.prompt),
        _escape(q.answer),
        _accepted(q),
        _escape(q.source.sentence),
        _article_line(item),
    ]


def _cloze_fields(item: ExportItem) -> list[str]:
    """Text (the first blank as ``{{c1::answer}}``) and Back Extra, escaped."""
    q = item.question
    line = _one_line(q.prompt)
    blank = find_blank(line)
    before, after = (line[: blank.start()], line[blank.end() :]) if blank else (line, "")
    deletion = "{{c1::" + _cloze_safe(_escape(q.answer)).replace(":", "&#58;") + "}}"
    text = _cloze_safe(html.escape(before)) + deletion + _cloze_safe(html.escape(after))
    extra: list[str] = []
    accepted = _accepted(q)
    if accepted:
        label = '<span class="label">Also accepted:</span>'
        extra.append(f'<div class="accepted">{label} {accepted}</div>')
    extra.append(f'<blockquote class="source">{_escape(q.source.sentence)}</blockquote>')
    extra.append(f'<div class="article">{_article_line(item)}</div>')
    return [text, "".join(extra)]


def _mcq_fields(item: ExportItem) -> list[str]:
    """Question, Choices (a lettered list), Answer (with its letter), Source, Article."""
    q = item.question
    choices = "".join(f"<li>{_escape(c)}</li>" for c in q.choices)
    answer = _escape(q.answer)
    if q.answer in q.choices:
        answer = f"{_letter(q.choices.index(q.answer))}. {answer}"
    return [
        _escape(q.prompt),
        f'<ol class="choices" type="A">{choices}</ol>',
        answer,
        _escape(q.source.sentence),
        _article_line(item),
    ]


def _letter(index: int) -> str:
    """The letter of a choice: 0 -> "A"."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _accepted(question: Question) -> str:
    """The other accepted answers, escaped and joined with semicolons."""
    return "; ".join(_escape(a) for a in question.accepted if a and a != question.answer)


def _article_line(item: ExportItem) -> str:
    """The article's title and date (the article id when it has no title), escaped."""
    title = item.article_title or item.question.article
    if item.article_date:
        return f"{_escape(title)} · {_escape(item.article_date)}"
    return _escape(title)


def _one_line(text: str) -> str:
    """The text with runs of whitespace made single spaces, trimmed."""
    return " ".join(text.split())


def _escape(text: str) -> str:
    """HTML-escaped text on one line: markup in a question shows as text."""
    return html.escape(_one_line(text))


def _cloze_safe(text: str) -> str:
    """Escape braces so a question's own text never reads as a cloze deletion."""
    return text.replace("{", "&#123;").replace("}", "&#125;")


def _write_package(package: genanki.Package, target: Path, timestamp: float) -> None:
    """Write the package to a temporary file beside ``target`` and rename it into place.

    genanki's ``write_to_file`` leaves its temporary database behind, so the
    collection is built here in a temporary directory that is always removed.
    """
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory(prefix="quiz-apkg-") as work:
            db_path = os.path.join(work, "collection.anki2")
            conn = sqlite3.connect(db_path)
            try:
                ids = itertools.count(int(timestamp * 1000))
                package.write_to_db(conn.cursor(), timestamp, ids)
                conn.commit()
            finally:
                conn.close()
            # deflate level 1: a fifth of the size of an uncompressed package, at little cost
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
                archive.write(db_path, "collection.anki2")
                archive.writestr("media", "{}")
        os.chmod(partial, FILE_MODE)  # mkstemp makes it private; an export is for sharing
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


__all__ = [
    "BASIC_MODEL_ID",
    "CLOZE_MODEL_ID",
    "MCQ_MODEL_ID",
    "AnkiStats",
    "anki_tags",
    "build_note",
    "deck_id",
    "deck_name",
    "write_apkg",
]
