"""Flashcard study on FSRS: the due queue, ratings, quiz answers as reviews, progress.

A card is one student's memory of one question. It is made at the first review, its
state moves on with :func:`quizapp.srs.review`, and every rating is an appended
:class:`Review` row. Studying and quizzing share one memory model: a quiz answer is a
review too (wrong is Again, right is Good).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Protocol

from flask import current_app
from sqlalchemy import Select, and_, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError

from .. import srs
from ..extensions import db
from ..models import (
    APPROVED,
    Deck,
    DeckQuestion,
    Question,
    Review,
    StudyCard,
    User,
)
from ..types import utcnow
from . import NotAllowed, ServiceError, access, deck_lookup

MAX_NEW_PER_DAY = 999
MAX_DURATION_MS = 60_000  # as Anki: a card left open longer counts as a minute


class NotDue(ServiceError):
    """A rating for a card that is not due: refused, nothing recorded."""


def day_start_hour() -> int:
    """The hour (local) a study day starts at."""
    return int(current_app.config.get("STUDY_DAY_STARTS_AT", 4))


def _fuzz() -> bool:
    return bool(current_app.config.get("STUDY_FUZZ", True))


def today(student: User, now: dt.datetime | None = None) -> srs.StudyDay:
    """The student's current study day, in their time zone."""
    return srs.study_day(now or utcnow(), student.timezone, day_start_hour())


# -- settings ---------------------------------------------------------------------------


def update_settings(
    student: User, timezone: str, new_per_day: int, desired_retention: float
) -> None:
    """Change the student's time zone, daily new-card limit and desired retention."""
    if timezone not in srs.timezone_names():
        raise ServiceError(f"Unknown time zone {timezone!r}; pick one from the list.")
    if not 0 <= new_per_day <= MAX_NEW_PER_DAY:
        raise ServiceError(f"New cards a day must be between 0 and {MAX_NEW_PER_DAY}.")
    if not srs.MIN_RETENTION <= desired_retention <= srs.MAX_RETENTION:
        raise ServiceError(
            f"Desired retention must be between {srs.MIN_RETENTION:.2f} and "
            f"{srs.MAX_RETENTION:.2f}."
        )
    student.timezone = timezone
    student.new_per_day = new_per_day
    student.desired_retention = round(desired_retention, 2)
    db.session.commit()


# -- scope: which questions a study session draws on ------------------------------------


def visible_teacher_decks(student: User) -> Select[Any]:
    """Ids of the teacher-made decks a student may study (shared ones and their teachers')."""
    return select(Deck.id).where(
        Deck.article_id.is_(None),
        Deck.deleted_at.is_(None),
        access.owner_visible(student, Deck.owner_id),
    )


def _in_scope(student: User, deck: Deck | None) -> Any:
    """A condition on Question: approved and part of the deck (or of any visible deck)."""
    if deck is not None and deck.article_id is not None:
        where = Question.article_id == deck.article_id
    elif deck is not None:
        where = Question.id.in_(
            select(DeckQuestion.question_id).where(DeckQuestion.deck_id == deck.id)
        )
    else:
        # the article decks and teacher decks the student may see (the access policy)
        where = or_(
            Question.article_id.in_(access.visible_article_ids(student)),
            Question.id.in_(
                select(DeckQuestion.question_id).where(
                    DeckQuestion.deck_id.in_(visible_teacher_decks(student))
                )
            ),
        )
    return and_(Question.status == APPROVED, where)


def _sibling_key(question_id: str, article_id: int | None, fact: dict[str, Any] | None) -> str:
    """Questions asked about the same fact are siblings; only one is new on a day."""
    fact = fact or {}
    if set(fact) <= {"type"}:
        return question_id
    return f"{article_id}:{json.dumps(fact, sort_keys=True)}"


# -- the queue --------------------------------------------------------------------------


@dataclass(frozen=True)
class Queue:
    """What a study session shows next, and what is left today."""

    day: srs.StudyDay
    deck: Deck | None
    card: StudyCard | None
    question: Question | None
    learning: int
    review: int
    new: int
    new_limit: int
    next_learning: dt.datetime | None = None

    @property
    def remaining(self) -> int:
        """Cards left to study today (learning cards due later not counted)."""
        return self.learning + self.review + self.new

    @property
    def is_new(self) -> bool:
        """True when the card shown is a new one."""
        return self.question is not None and self.card is None


def _new_introduced(student: User, day: srs.StudyDay) -> int:
    """New cards the student saw for the first time during this study day."""
    return int(
        db.session.scalar(
            select(func.count(Review.id)).where(
                Review.student_id == student.id,
                Review.reviewed_at >= day.start,
                Review.reviewed_at < day.end,
                Review.seq == 0,
            )
        )
        or 0
    )


def _new_candidates(student: User, deck: Deck | None, day: srs.StudyDay, limit: int) -> list[str]:
    """Up to ``limit`` new question ids, newest first, one per fact (siblings wait)."""
    if limit <= 0:
        return []
    seen_today = {
        _sibling_key(qid, art, fact)
        for qid, art, fact in db.session.execute(
            select(Question.id, Question.article_id, Question.fact)
            .join(Review, Review.question_id == Question.id)
            .where(Review.student_id == student.id, Review.reviewed_at >= day.start)
        )
    }
    has_card = exists().where(
        StudyCard.student_id == student.id, StudyCard.question_id == Question.id
    )
    rows = db.session.execute(
        select(Question.id, Question.article_id, Question.fact)
        .where(_in_scope(student, deck), ~has_card)
        .order_by(Question.created_at.desc(), Question.id.desc())
        .limit(limit * 4 + 10)
    )
    chosen: list[str] = []
    for qid, art, fact in rows:
        key = _sibling_key(qid, art, fact)
        if key in seen_today:
            continue
        seen_today.add(key)
        chosen.append(qid)
        if len(chosen) == limit:
            break
    return chosen


def queue(student: User, deck_id: int | None = None, now: dt.datetime | None = None) -> Queue:
    """The next card to study: learning cards that are due, then today's reviews, then
    new cards up to the daily limit, then learning cards due within the next minutes."""
    now = now or utcnow()
    deck = deck_lookup.get_deck(student, deck_id) if deck_id is not None else None
    day = today(student, now)
    rows = db.session.execute(
        select(StudyCard.id, StudyCard.state, StudyCard.due)
        .join(Question, Question.id == StudyCard.question_id)
        .where(
            StudyCard.student_id == student.id,
            # a learning step may fall just after the day's end: learn ahead still
            StudyCard.due < max(day.end, now + srs.LEARN_AHEAD),
        )
        .where(_in_scope(student, deck))
        .order_by(StudyCard.due, StudyCard.id)
    ).all()
    learning_now, reviews, ahead, later = [], [], [], []
    for card_id, state, due in rows:
        if state == srs.REVIEW:
            if due < day.end:
                reviews.append(card_id)
        elif due <= now:
            learning_now.append(card_id)
        elif due <= now + srs.LEARN_AHEAD:
            ahead.append(card_id)
        else:
            later.append(due)
    new_limit = max(0, student.new_per_day - _new_introduced(student, day))
    new_ids = _new_candidates(student, deck, day, new_limit)
    card = question = None
    due_now = learning_now or reviews
    pick = due_now[0] if due_now else None
    if pick is None and not new_ids and ahead:
        pick = ahead[0]
    if pick is not None:
        card = db.session.get(StudyCard, pick)
        question = card.question if card else None
    elif new_ids:
        question = db.session.get(Question, new_ids[0])
    return Queue(
        day=day,
        deck=deck,
        card=card,
        question=question,
        learning=len(learning_now) + len(ahead),
        review=len(reviews),
        new=len(new_ids),
        new_limit=new_limit,
        next_learning=min(later) if later else None,
    )


# -- ratings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rated:
    """A recorded rating; ``duplicate`` when it had been recorded before."""

    review: Review
    duplicate: bool = False


class _CardLike(Protocol):
    """A card's scheduling columns: a StudyCard, or a row of :data:`_CARD`."""

    id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: dt.datetime
    last_review: dt.datetime | None
    reps: int
    lapses: int


def _state(card: _CardLike | None) -> srs.CardState:
    if card is None:
        return srs.CardState()
    return srs.CardState(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


# Built once: a statement's cache key is then computed once, not on every answer.
_CARD_FIELDS = (
    "id",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
)
_CARD = select(*(getattr(StudyCard, name) for name in _CARD_FIELDS)).where(
    StudyCard.student_id == bindparam("student"), StudyCard.question_id == bindparam("qid")
)


@dataclass
class Card:
    """A card's scheduling columns, read by another service's statement (the quiz answer
    reads its question and the student's card in one)."""

    id: int
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: dt.datetime
    last_review: dt.datetime | None
    reps: int
    lapses: int


def card_columns() -> list[Any]:
    """The card's scheduling columns, labelled ``card_<name>``, for a statement that
    outer-joins the student's :class:`StudyCard` (read back with :func:`card_of`)."""
    return [getattr(StudyCard, name).label(f"card_{name}") for name in _CARD_FIELDS]


def card_of(row: Any) -> Card | None:
    """The card in a row with :func:`card_columns`, or None when the student has none."""
    if row.card_id is None:
        return None
    return Card(*(getattr(row, f"card_{name}") for name in _CARD_FIELDS))


_INSERT_CARD = insert(StudyCard)
_UPDATE_CARD = update(StudyCard).where(StudyCard.id == bindparam("card"))
_INSERT_REVIEW = insert(Review)


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT gave its row."""
    key = result.inserted_primary_key
    if key is None:  # never for a single-row INSERT
        raise RuntimeError("The INSERT returned no primary key.")
    return int(key[0])


def _apply(
    student: User,
    question_id: str,
    question_version: int,
    card: _CardLike | None,
    rating: int,
    now: dt.datetime,
    source: str,
    answer_id: int | None = None,
    duration_ms: int | None = None,
) -> int:
    """Move the card on by one rating and append the review; returns the review's id.

    The caller commits. Written with Core statements (one INSERT or UPDATE of the card,
    one INSERT of the review): the quiz answer path runs this on every answer. A card
    loaded in the session is stale until that commit expires it."""
    before = _state(card)
    after = srs.review(
        before, rating, now, desired_retention=student.desired_retention, fuzz=_fuzz()
    )
    seq = card.reps if card is not None else 0
    values: dict[str, Any] = {
        "state": after.state or srs.LEARNING,
        "step": after.step,
        "stability": after.stability,
        "difficulty": after.difficulty,
        "due": after.due or now,
        "last_review": after.last_review,
        "reps": seq + 1,
        "lapses": (card.lapses if card is not None else 0)
        + (before.state == srs.REVIEW and rating == srs.AGAIN),
        "scheduler": srs.SCHEDULER_VERSION,
    }
    conn = db.session.connection()
    if card is None:
        inserted = conn.execute(
            _INSERT_CARD,
            {**values, "student_id": student.id, "question_id": question_id, "created_at": now},
        )
        card_id = _new_id(inserted)
    else:
        card_id = card.id
        conn.execute(_UPDATE_CARD, {**values, "card": card_id})
    review = conn.execute(
        _INSERT_REVIEW,
        {
            "card_id": card_id,
            "student_id": student.id,
            "question_id": question_id,
            "question_version": question_version,
            "seq": seq,
            "rating": rating,
            "source": source,
            "answer_id": answer_id,
            "reviewed_at": now,
            "duration_ms": duration_ms,
            "state_before": before.state,
            "state_after": values["state"],
            "stability": values["stability"],
            "difficulty": values["difficulty"],
            "due": values["due"],
            "scheduler": srs.SCHEDULER_VERSION,
        },
    )
    return _new_id(review)


def _recorded(student: User, question_id: str, seq: int) -> Review | None:
    return db.session.scalar(
        select(Review)
        .join(StudyCard, StudyCard.id == Review.card_id)
        .where(
            StudyCard.student_id == student.id,
            StudyCard.question_id == question_id,
            Review.seq == seq,
        )
    )


def rate(
    student: User,
    question_id: str,
    rating: int,
    seq: int,
    *,
    card_id: int | None = None,
    deck_id: int | None = None,
    duration_ms: int | None = None,
    now: dt.datetime | None = None,
) -> Rated:
    """Record a study rating of the card at review number ``seq`` (0 for a new card).

    Sent twice, the rating is recorded once. A card that is not due, not the student's,
    or not in use any more is refused with a message, and nothing is recorded."""
    now = now or utcnow()
    if rating not in srs.RATINGS:
        raise ServiceError("Rate the card Again (1), Hard (2), Good (3) or Easy (4).")
    if card_id is not None:
        owned = db.session.get(StudyCard, card_id)
        if owned is None or owned.question_id != question_id:
            raise ServiceError("That card does not exist.")
        if owned.student_id != student.id:
            raise NotAllowed("That card belongs to someone else.")
    deck = deck_lookup.get_deck(student, deck_id) if deck_id is not None else None
    question = db.session.scalar(
        select(Question).where(Question.id == question_id, _in_scope(student, deck))
    )
    if question is None:
        if db.session.get(Question, question_id) is None:
            raise ServiceError("That card does not exist.")
        in_use = db.session.scalar(
            select(Question.id).where(Question.id == question_id, Question.status == APPROVED)
        )
        if in_use is None:
            raise ServiceError("That question was withdrawn by the teacher; nothing was recorded.")
        raise NotAllowed("That card is not in any deck you can study.")
    card = db.session.scalar(
        select(StudyCard).where(
            StudyCard.student_id == student.id, StudyCard.question_id == question_id
        )
    )
    reps = card.reps if card else 0
    if seq < reps:
        first = _recorded(student, question_id, seq)
        if first is not None:
            return Rated(first, duplicate=True)
    if seq != reps:
        raise ServiceError("That card changed since the page was shown; here is the next one.")
    day = today(student, now)
    if card is None:
        if _new_introduced(student, day) >= student.new_per_day:
            raise NotDue(
                f"You have studied today's {student.new_per_day} new cards; "
                "nothing was recorded. Change the limit in the study settings."
            )
    elif not _is_due(card, now, day):
        local = card.due.astimezone(srs.zone(student.timezone))
        raise NotDue(
            f"That card is not due until {local:%d %b %Y %H:%M} ({student.timezone}); "
            "nothing was recorded."
        )
    if duration_ms is not None:
        duration_ms = max(0, min(int(duration_ms), MAX_DURATION_MS))
    try:
        review_id = _apply(
            student,
            question.id,
            question.version,
            card,
            rating,
            now,
            "study",
            duration_ms=duration_ms,
        )
        db.session.commit()
    except IntegrityError:
        # the same rating arrived twice at once: the first one stands
        db.session.rollback()
        first = _recorded(student, question_id, seq)
        if first is None:
            raise
        return Rated(first, duplicate=True)
    return Rated(db.session.get_one(Review, review_id))


def _is_due(card: StudyCard, now: dt.datetime, day: srs.StudyDay) -> bool:
    if card.state == srs.REVIEW:
        return card.due < day.end
    return card.due <= now + srs.LEARN_AHEAD


def review_quiz_answer(
    student: User,
    question_id: str,
    question_version: int,
    answer_id: int,
    correct: bool,
    when: dt.datetime,
    card: Card | None,
) -> None:
    """Add the review a quiz answer makes (wrong is Again, right is Good) to the answer's
    own transaction; the caller commits. ``card`` is the student's card of the question
    as the caller read it (:func:`card_columns`, :func:`card_of`; None: no card yet).
    If a rating of the same card got in since, this (or the commit) raises
    IntegrityError (a card and its review sequence are unique): the caller rolls back,
    commits the answer alone and calls :func:`record_quiz_answer`."""
    rating = srs.GOOD if correct else srs.AGAIN
    _apply(student, question_id, question_version, card, rating, when, "quiz", answer_id)


def record_quiz_answer(
    student: User,
    answer_id: int,
    question_id: str,
    correct: bool,
    when: dt.datetime,
    attempts: int = 3,
) -> Review | None:
    """Count a committed quiz answer as a review of its card, in its own transaction.

    The answer is kept even if this fails; a concurrent rating of the same card is
    retried on the card's new state."""
    question = db.session.get(Question, question_id)
    if question is None:
        return None
    rating = srs.GOOD if correct else srs.AGAIN
    for _ in range(attempts):
        done: Review | None = db.session.scalar(select(Review).where(Review.answer_id == answer_id))
        if done is not None:
            return done
        card = db.session.connection().execute(_CARD, {"student": student.id, "qid": question_id})
        try:
            review_id = _apply(
                student,
                question_id,
                question.version,
                card.first(),
                rating,
                when,
                "quiz",
                answer_id,
            )
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            continue
        return db.session.get(Review, review_id)
    return None


def interval_labels(
    student: User, card: StudyCard | None, now: dt.datetime | None = None
) -> dict[int, str]:
    """For each rating button, when the card would come back ("10 min", "3 d")."""
    gaps = srs.intervals(_state(card), now or utcnow(), student.desired_retention)
    return {rating: srs.describe(gap) for rating, gap in gaps.items()}
