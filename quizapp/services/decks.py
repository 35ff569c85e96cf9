"""Decks a teacher builds: by tag, by article, or question by question."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from ..extensions import db
from ..models import APPROVED, Deck, DeckQuestion, Question, User
from . import NotAllowed, ServiceError, access


def create_deck(
    teacher: User, name: str, description: str = "", question_ids: Sequence[str] = (), tag: str = ""
) -> Deck:
    """A teacher's deck of approved questions, picked by hand and/or by tag."""
    if not teacher.is_teacher:
        raise NotAllowed("Only teachers create decks.")
    name = name.strip()
    if not name or len(name) > 200:
        raise ServiceError("Give the deck a name (at most 200 characters).")
    chosen = set(question_ids)
    usable = access.owner_managed(teacher, Question.owner_id)
    if chosen:
        foreign = db.session.scalar(
            select(func.count(Question.id)).where(Question.id.in_(chosen), ~usable)
        )
        if foreign:
            raise NotAllowed("A deck can only hold your own questions and the shared ones.")
    if tag.strip():
        wanted = tag.strip().lower()
        for q in db.session.scalars(select(Question).where(Question.status == APPROVED, usable)):
            if wanted in [t.lower() for t in q.tags or []]:
                chosen.add(q.id)
    approved = set(
        db.session.scalars(
            select(Question.id).where(Question.id.in_(chosen), Question.status == APPROVED, usable)
        )
    )
    if not approved:
        raise ServiceError("Choose at least one approved question (by hand or by tag).")
    deck = Deck(name=name, description=description.strip(), owner_id=teacher.id)
    db.session.add(deck)
    db.session.flush()
    for qid in sorted(approved):
        db.session.add(DeckQuestion(deck_id=deck.id, question_id=qid))
    db.session.commit()
    return deck


def pickable_questions(teacher: User, limit: int = 1000) -> list[Question]:
    """Approved questions the teacher may put in a deck: their own and the shared ones."""
    return list(
        db.session.scalars(
            select(Question)
            .where(Question.status == APPROVED, access.owner_managed(teacher, Question.owner_id))
            .order_by(Question.article_id, Question.id)
            .limit(limit)
        )
    )


def teacher_decks(teacher: User) -> list[Deck]:
    """The teacher's own decks."""
    return list(
        db.session.scalars(
            select(Deck)
            .where(Deck.owner_id == teacher.id, Deck.article_id.is_(None))
            .order_by(Deck.name)
        )
    )
