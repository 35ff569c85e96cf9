"""Exports of approved questions (Anki, GIFT, Moodle XML, CSV, TSV, Quizlet) and GIFT import."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from question_bank import Question as BankQuestion
from question_bank.exporters import ExportError, ExportItem, export_filename, export_text
from question_bank.exporters.gift import GiftError, GiftQuestion, parse_gift

from ..extensions import db
from ..models import (
    DRAFT,
    MAX_ANSWER,
    MAX_ANSWER_LIST,
    MAX_PROMPT,
    MAX_QUESTION_ID,
    MAX_TAGS,
    Deck,
    Question,
    User,
)
from . import NotAllowed, ServiceError
from .deck_lookup import can_see_deck, deck_question_ids

FORMATS = {
    "anki": "application/octet-stream",
    "gift": "text/plain; charset=utf-8",
    "moodle-xml": "application/xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "quizlet": "text/plain; charset=utf-8",
}
"""The MIME type of each export format (file names end as ``question_bank`` names them)."""
MAX_GIFT_BYTES = 1_000_000


@dataclass(frozen=True)
class Download:
    """A file to send: its bytes, a download name and a MIME type."""

    data: bytes
    filename: str
    mimetype: str


def _items(decks: Sequence[Deck]) -> list[ExportItem]:
    """Approved questions of the decks as export items."""
    items: list[ExportItem] = []
    for deck in decks:
        ids = deck_question_ids(deck)
        if not ids:
            continue
        rows = db.session.scalars(
            select(Question).where(Question.id.in_(ids)).order_by(Question.id)
        )
        for q in rows:
            article = q.article
            items.append(
                ExportItem(
                    question=BankQuestion.from_dict(q.as_bank_dict()),
                    deck=deck.name,
                    tags=tuple(t for t in (q.tags or []) if t),
                    article_title=article.title if article else None,
                    article_date=article.published.isoformat()
                    if article and article.published
                    else None,
                )
            )
    return items


def _decks(user: User | None, deck_ids: Sequence[int]) -> list[Deck]:
    """The decks, each one the user may see (``None``: the operator, from the CLI)."""
    if not deck_ids:
        raise ServiceError("Choose at least one deck to export.")
    decks = []
    for deck_id in deck_ids:
        deck = db.session.get(Deck, deck_id)
        if deck is None or deck.deleted_at is not None:
            raise ServiceError("That deck does not exist.")
        if user is not None and not can_see_deck(user, deck):
            raise NotAllowed("That deck belongs to another teacher.")
        decks.append(deck)
    return decks


def export_decks(user: User | None, deck_ids: Sequence[int], fmt: str) -> Download:
    """One file with the approved questions of the chosen decks.

    ``user`` is checked against each deck; ``None`` is the operator at the command line.
    """
    if fmt not in FORMATS:
        raise ServiceError(f"Unknown export format {fmt!r}.")
    if fmt != "anki" and user is not None and not user.is_teacher:
        raise NotAllowed("Teachers export to LMS formats; students download Anki decks.")
    decks = _decks(user, deck_ids)
    items = _items(decks)
    mimetype = FORMATS[fmt]
    filename = export_filename(decks[0].name if len(decks) == 1 else None, fmt)
    try:
        if fmt == "anki":
            from question_bank.exporters.anki import write_apkg

            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "deck.apkg")
                write_apkg(items, path)
                with open(path, "rb") as fh:
                    data = fh.read()
        else:
            data = export_text(items, fmt).encode("utf-8")
    except ExportError as exc:
        raise ServiceError(str(exc)) from None
    return Download(data, filename, mimetype)


def _form_length(text: str) -> int:
    """A text's length as the question form counts it: a browser sends line breaks as CRLF."""
    return len(text) + text.count("\n")


def _not_importable(g: GiftQuestion) -> tuple[int, str] | None:
    """The line and why a question read from GIFT cannot be stored as it is, or ``None``.

    Its id must work in a web address (the edit page's), and its fields must fit the
    question form, or the question could never be edited.
    """
    if g.id:
        if "/" in g.id or g.id in (".", ".."):
            return g.id_line or g.line, (
                f"the id {g.id!r} cannot be part of a web address (no '/', not '.' or '..'), "
                "so the question could not be edited; change or remove its [id:...]."
            )
        if len(g.id) > MAX_QUESTION_ID:
            return g.id_line or g.line, (
                f"the id is {len(g.id)} characters long; at most {MAX_QUESTION_ID} fit. "
                "Shorten or remove its [id:...]."
            )
    distractors = "\n".join(c for c in g.choices if c != g.answer)
    limits = (
        ("question", _form_length(g.prompt), MAX_PROMPT),
        ("answer", _form_length(g.answer), MAX_ANSWER),
        ("list of other accepted answers", _form_length("\n".join(g.accepted)), MAX_ANSWER_LIST),
        ("list of wrong choices", _form_length(distractors), MAX_ANSWER_LIST),
        ("list of tags", len(", ".join(t for t in g.tags if t)), MAX_TAGS),
    )
    for what, length, limit in limits:
        if length > limit:
            return g.line, (
                f"the {what} is {length:,} characters long; the question form allows at most "
                f"{limit:,}."
            )
    return None


def import_gift(teacher: User, data: bytes) -> int:
    """Add the questions of a GIFT file as drafts, all or nothing; returns how many."""
    if not teacher.is_teacher:
        raise NotAllowed("Only teachers import questions.")
    if len(data) > MAX_GIFT_BYTES:
        raise ServiceError("The GIFT file is too large (at most 1 MB).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ServiceError("The GIFT file is not UTF-8 text.") from None
    try:
        parsed = parse_gift(text)
    except GiftError as exc:
        raise ServiceError(f"The GIFT file was not imported: {exc}") from None
    if not parsed:
        raise ServiceError("The GIFT file holds no questions.")
    for g in parsed:
        problem = _not_importable(g)
        if problem:
            line, why = problem
            raise ServiceError(f"The GIFT file was not imported: line {line}: {why}")
    added = 0
    for g in parsed:
        qid = (
            g.id if g.id and db.session.get(Question, g.id) is None else "g_" + secrets.token_hex(8)
        )
        db.session.add(
            Question(
                id=qid,
                kind=g.kind,
                prompt=g.prompt,
                answer=g.answer,
                accepted=list(g.accepted),
                choices=list(g.choices),
                fact={"type": "imported"},
                tags=[t for t in g.tags if t],
                status=DRAFT,
                origin="gift",
                owner_id=teacher.id,
            )
        )
        added += 1
    db.session.commit()
    return added
