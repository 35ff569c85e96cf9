"""A deck the user may see, and the approved questions it holds.

Quizzes, flashcard study and exports all start from a deck; they share these few
functions from here, so that none of those services has to import another.
"""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import APPROVED, Deck, DeckQuestion, Question, User
from . import NotAllowed, ServiceError, access


def deck_question_ids(deck: Deck) -> list[str]:
    """Approved questions of a deck, in a stable order."""
    if deck.article_id is not None:
        stmt = select(Question.id).where(
            Question.article_id == deck.article_id, Question.status == APPROVED
        )
    else:
        stmt = (
            select(Question.id)
            .join(DeckQuestion, DeckQuestion.question_id == Question.id)
            .where(DeckQuestion.deck_id == deck.id, Question.status == APPROVED)
        )
    return list(db.session.scalars(stmt.order_by(Question.id)))


def can_see_deck(user: User, deck: Deck) -> bool:
    """Whether the user may see the deck (the access policy decides)."""
    return access.can_see_deck(user, deck)


def get_deck(user: User, deck_id: int) -> Deck:
    """A deck the user may see."""
    deck = db.session.get(Deck, deck_id)
    if (
        deck is None
        or deck.deleted_at is not None
        or (deck.article is not None and deck.article.deleted_at is not None)
    ):
        raise ServiceError("That deck does not exist.")
    if not can_see_deck(user, deck):
        raise NotAllowed("That deck belongs to another teacher.")
    return deck
