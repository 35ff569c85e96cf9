"""Exporters: the bank's questions as Anki decks, GIFT, Moodle XML and CSV.

Every exporter takes :class:`ExportItem` objects: a question plus the deck it goes
in, the teacher's tags and the article's title and date for the card's back.
Only approved questions should be passed in; the caller decides that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Question

PARENT_DECK = "News Quiz"
"""Every exported deck is named under this parent: "News Quiz::<deck>"."""


class ExportError(ValueError):
    """An export that cannot be made (for example, nothing to export)."""


@dataclass(frozen=True)
class ExportItem:
    """One question to export, with where it goes and what the card's back shows."""

    question: Question
    deck: str
    tags: tuple[str, ...] = field(default=())
    article_title: str | None = None
    article_date: str | None = None


def require_items(items: Iterable[ExportItem]) -> Sequence[ExportItem]:
    """The items as a list, or an :class:`ExportError` when there are none."""
    listed = list(items)
    if not listed:
        raise ExportError("There are no approved questions to export in this selection.")
    return listed
