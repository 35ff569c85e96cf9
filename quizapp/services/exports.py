"""Exports of approved questions (Anki, GIFT, Moodle XML, CSV) and GIFT import."""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from question_bank import Question as BankQuestion
from question_bank.exporters import ExportError, ExportItem

from ..extensions import db
from ..models import DRAFT, Deck, Question, User
from . import NotAllowed, ServiceError
from .deck_lookup import can_see_deck, deck_question_ids

FORMATS = {
    "anki": ("apkg", "application/octet-stream"),
    "gift": ("gift.txt", "text/plain; charset=utf-8"),
    "moodle-xml": ("xml", "application/xml"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "tsv": ("tsv", "text/tab-separated-values; charset=utf-8"),
}
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
        if deck is None:
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
    suffix, mimetype = FORMATS[fmt]
    stem = re.sub(r"[^A-Za-z0-9]+", "-", decks[0].name if len(decks) == 1 else "news-quiz").strip(
        "-"
    )
    filename = f"{stem[:60] or 'news-quiz'}.{suffix}"
    try:
        if fmt == "anki":
            from question_bank.exporters.anki import write_apkg

            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "deck.apkg")
                write_apkg(items, path)
                with open(path, "rb") as fh:
                    data = fh.read()
        elif fmt == "gift":
            from question_bank.exporters.gift import to_gift

            data = to_gift(items).encode("utf-8")
        elif fmt == "moodle-xml":
            from question_bank.exporters.moodle import to_moodle_xml

            data = to_moodle_xml(items).encode("utf-8")
        else:
            from question_bank.exporters.tabular import to_csv

            data = to_csv(items, delimiter="\t" if fmt == "tsv" else ",").encode("utf-8")
    except ExportError as exc:
        raise ServiceError(str(exc)) from None
    return Download(data, filename, mimetype)


def import_gift(teacher: User, data: bytes) -> int:
    """Add the questions of a GIFT file as drafts, all or nothing; returns how many."""
    from question_bank.exporters.gift import GiftError, parse_gift

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
