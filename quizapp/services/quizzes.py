"""Quizzes: decks a student can see, starting a quiz, answering, results, history.

Answers are append-only rows; every score is counted from them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from question_bank.grading import grade

from ..extensions import db
from ..models import (
    Answer,
    Deck,
    Question,
    QuizAttempt,
    User,
)
from . import NotAllowed, ServiceError, access, study

# a deck and its questions come from deck_lookup (study needs them too, and must not
# import this module); the names stay reachable here for existing callers
from .deck_lookup import can_see_deck as can_see_deck
from .deck_lookup import deck_question_ids as deck_question_ids
from .deck_lookup import get_deck as get_deck

MAX_QUIZ = 50


@dataclass(frozen=True)
class DeckSummary:
    """A deck as a student sees it in the list."""

    deck: Deck
    questions: int
    last_score: float | None
    best_score: float | None


def attempt_scores(student_id: int, deck_id: int | None = None) -> dict[int, tuple[int, int]]:
    """attempt id -> (correct answers, answers given), counted from answer rows."""
    stmt = (
        select(
            Answer.attempt_id,
            func.sum(func.cast(Answer.correct, db.Integer)),
            func.count(Answer.id),
        )
        .where(Answer.student_id == student_id)
        .group_by(Answer.attempt_id)
    )
    if deck_id is not None:
        stmt = stmt.join(QuizAttempt, QuizAttempt.id == Answer.attempt_id).where(
            QuizAttempt.deck_id == deck_id
        )
    return {row[0]: (int(row[1] or 0), int(row[2])) for row in db.session.execute(stmt)}


def finished_attempts(student: User, deck_id: int | None = None) -> list[tuple[QuizAttempt, int]]:
    """The student's completed quizzes (all questions answered) with their correct counts."""
    scores = attempt_scores(student.id, deck_id)
    stmt = select(QuizAttempt).where(QuizAttempt.student_id == student.id)
    if deck_id is not None:
        stmt = stmt.where(QuizAttempt.deck_id == deck_id)
    out = []
    for attempt in db.session.scalars(stmt.order_by(QuizAttempt.started_at, QuizAttempt.id)):
        correct, given = scores.get(attempt.id, (0, 0))
        if given >= attempt.length:
            out.append((attempt, correct))
    return out


def visible_decks(user: User) -> list[DeckSummary]:
    """Decks the user can take, with approved counts and the user's last and best score."""
    out = []
    for deck in db.session.scalars(
        select(Deck)
        .where(access.owner_visible(user, Deck.owner_id))
        .order_by(Deck.created_at.desc(), Deck.id.desc())
    ):
        count = len(deck_question_ids(deck))
        if count == 0 and not user.is_teacher:
            continue
        done = finished_attempts(user, deck.id)
        pct = [correct / a.length for a, correct in done if a.length]
        out.append(DeckSummary(deck, count, pct[-1] if pct else None, max(pct) if pct else None))
    return out


def start_quiz(student: User, deck_id: int, length: int) -> QuizAttempt:
    """Start a quiz of ``length`` approved questions drawn at random from the deck."""
    deck = get_deck(student, deck_id)
    ids = deck_question_ids(deck)
    if not ids:
        raise ServiceError("This deck has no approved questions yet.")
    if not 1 <= length <= MAX_QUIZ:
        raise ServiceError(f"Choose between 1 and {MAX_QUIZ} questions.")
    chosen = random.sample(ids, min(length, len(ids)))
    attempt = QuizAttempt(student_id=student.id, deck_id=deck.id, question_ids=chosen)
    db.session.add(attempt)
    db.session.commit()
    return attempt


def get_attempt(student: User, attempt_id: int) -> QuizAttempt:
    """One of the student's own quizzes (another student's is not allowed)."""
    attempt = db.session.get(QuizAttempt, attempt_id)
    if attempt is None:
        raise ServiceError("That quiz does not exist.")
    if attempt.student_id != student.id:
        raise NotAllowed("That quiz belongs to someone else.")
    return attempt


def answers_of(attempt: QuizAttempt) -> list[Answer]:
    """The answers given in a quiz, in question order."""
    return list(
        db.session.scalars(
            select(Answer).where(Answer.attempt_id == attempt.id).order_by(Answer.position)
        )
    )


def next_position(attempt: QuizAttempt) -> int | None:
    """The first unanswered question's position, or None when the quiz is finished."""
    done = {a.position for a in answers_of(attempt)}
    for pos in range(attempt.length):
        if pos not in done:
            return pos
    return None


def question_at(attempt: QuizAttempt, position: int) -> Question:
    """The question at a position of a quiz."""
    if not 0 <= position < attempt.length:
        raise ServiceError("There is no such question in this quiz.")
    question = db.session.get(Question, attempt.question_ids[position])
    if question is None:
        raise ServiceError("That question no longer exists.")
    return question


def submit_answer(student: User, attempt_id: int, position: int, response: str) -> Answer:
    """Grade and record an answer, and count it as a review of the student's card. A
    second submission for the same question is not recorded again: the first answer
    stands and is returned."""
    attempt = get_attempt(student, attempt_id)
    question = question_at(attempt, position)
    existing: Answer | None = db.session.scalar(
        select(Answer).where(Answer.attempt_id == attempt.id, Answer.position == position)
    )
    if existing is not None:
        return existing
    response = (response or "").strip()[:1000]
    result = grade(question.as_bank_dict(), response)
    answer = Answer(
        attempt_id=attempt.id,
        student_id=student.id,
        question_id=question.id,
        question_version=question.version,
        position=position,
        response=response,
        correct=result.correct,
        reason=result.reason,
        expected=question.answer,
    )
    db.session.add(answer)
    try:
        db.session.flush()
        # the review goes in the same commit; if it cannot (a rating of the same card
        # at the same instant), the answer is committed alone and the review retried
        reviewed = study.review_quiz_answer(student, question, answer)
        db.session.commit()
    except IntegrityError:
        # the same answer arrived twice at once: keep the first
        db.session.rollback()
        first: Answer | None = db.session.scalar(
            select(Answer).where(Answer.attempt_id == attempt.id, Answer.position == position)
        )
        if first is None:
            raise
        return first
    if not reviewed:
        study.record_quiz_answer(student, answer)
    return answer


@dataclass(frozen=True)
class Result:
    """A quiz's score and its answers."""

    attempt: QuizAttempt
    answers: Sequence[Answer]
    questions: dict[str, Question]

    @property
    def correct(self) -> int:
        """How many answers were right."""
        return sum(1 for a in self.answers if a.correct)

    @property
    def finished(self) -> bool:
        """True when every question was answered."""
        return len(self.answers) >= self.attempt.length


def result(student: User, attempt_id: int) -> Result:
    """The score and review of one of the student's quizzes."""
    attempt = get_attempt(student, attempt_id)
    answers = answers_of(attempt)
    questions = {
        q.id: q
        for q in db.session.scalars(select(Question).where(Question.id.in_(attempt.question_ids)))
    }
    return Result(attempt, answers, questions)


def history(student: User) -> list[tuple[QuizAttempt, int, int]]:
    """Every quiz the student started: (attempt, correct, answered), newest first."""
    scores = attempt_scores(student.id)
    attempts = db.session.scalars(
        select(QuizAttempt)
        .where(QuizAttempt.student_id == student.id)
        .order_by(QuizAttempt.started_at.desc(), QuizAttempt.id.desc())
    )
    return [(a, *scores.get(a.id, (0, 0))) for a in attempts]


def unfinished(student: User) -> list[QuizAttempt]:
    """Quizzes the student left half-way, newest first (they can be resumed)."""
    return [a for a, _, given in history(student) if given < a.length]
