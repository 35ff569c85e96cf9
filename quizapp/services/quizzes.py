"""Quizzes: decks a student can see, starting a quiz, answering, results, history.

Answers are append-only rows; every score is counted from them.

A question leaves a quiz when it is withdrawn (retired, rejected, or deleted with its
article) before the student answers it: it is skipped when the quiz is resumed and not
counted. An answer already given stays and counts. So a quiz's length is the questions
answered plus those still to answer that are approved, and its score is the right
answers over that length; a finished quiz's score never changes. A skipped question
(an empty answer the student confirmed) is an answer: it counts as wrong.
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
    APPROVED,
    Answer,
    Article,
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
SKIPPED = "skipped"


class EmptyAnswer(ServiceError):
    """An empty answer the student has not confirmed as a skip: nothing is recorded."""


class Withdrawn(ServiceError):
    """The question was withdrawn (retired, rejected or deleted) before it was answered."""


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


def quiz_lengths(attempts: Sequence[QuizAttempt]) -> dict[int, int]:
    """attempt id -> its length: the questions answered, and those still to answer that
    are approved (a question withdrawn before it was answered is not counted)."""
    if not attempts:
        return {}
    answered: dict[int, set[int]] = {a.id: set() for a in attempts}
    for attempt_id, position in db.session.execute(
        select(Answer.attempt_id, Answer.position).where(Answer.attempt_id.in_(list(answered)))
    ):
        answered[attempt_id].add(position)
    pending = {
        qid for a in attempts for pos, qid in enumerate(a.question_ids) if pos not in answered[a.id]
    }
    live = (
        set(
            db.session.scalars(
                select(Question.id).where(Question.id.in_(pending), Question.status == APPROVED)
            )
        )
        if pending
        else set()
    )
    return {
        a.id: sum(
            1 for pos, qid in enumerate(a.question_ids) if pos in answered[a.id] or qid in live
        )
        for a in attempts
    }


def finished_attempts(
    student: User, deck_id: int | None = None
) -> list[tuple[QuizAttempt, int, int]]:
    """The student's completed quizzes (every question in them answered):
    (attempt, correct answers, length)."""
    scores = attempt_scores(student.id, deck_id)
    stmt = select(QuizAttempt).where(QuizAttempt.student_id == student.id)
    if deck_id is not None:
        stmt = stmt.where(QuizAttempt.deck_id == deck_id)
    attempts = list(db.session.scalars(stmt.order_by(QuizAttempt.started_at, QuizAttempt.id)))
    lengths = quiz_lengths(attempts)
    out = []
    for attempt in attempts:
        correct, given = scores.get(attempt.id, (0, 0))
        if given >= lengths[attempt.id]:
            out.append((attempt, correct, lengths[attempt.id]))
    return out


def visible_decks(user: User) -> list[DeckSummary]:
    """Decks the user can take, with approved counts and the user's last and best score."""
    out = []
    for deck in db.session.scalars(
        select(Deck)
        .outerjoin(Article, Article.id == Deck.article_id)
        .where(access.owner_visible(user, Deck.owner_id), Article.deleted_at.is_(None))
        .order_by(Deck.created_at.desc(), Deck.id.desc())
    ):
        count = len(deck_question_ids(deck))
        if count == 0 and not user.is_teacher:
            continue
        done = finished_attempts(user, deck.id)
        pct = [correct / length for _, correct, length in done if length]
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


@dataclass(frozen=True)
class Progress:
    """Where a quiz stands: its length (questions withdrawn before they were answered
    left it), how many are answered, and the next question's position (None: finished)."""

    length: int
    answered: int
    position: int | None

    @property
    def number(self) -> int:
        """The next question's number as the student sees it ("Question 3 of 9")."""
        return self.answered + 1


def progress(attempt: QuizAttempt) -> Progress:
    """The quiz's length, answers and next question; withdrawn questions are skipped."""
    done = {a.position for a in answers_of(attempt)}
    pending = [qid for pos, qid in enumerate(attempt.question_ids) if pos not in done]
    live = (
        set(
            db.session.scalars(
                select(Question.id).where(Question.id.in_(pending), Question.status == APPROVED)
            )
        )
        if pending
        else set()
    )
    position = next(
        (pos for pos, qid in enumerate(attempt.question_ids) if pos not in done and qid in live),
        None,
    )
    return Progress(len(done) + sum(1 for q in pending if q in live), len(done), position)


def question_at(attempt: QuizAttempt, position: int) -> Question:
    """The question at a position of a quiz."""
    if not 0 <= position < attempt.length:
        raise ServiceError("There is no such question in this quiz.")
    question = db.session.get(Question, attempt.question_ids[position])
    if question is None:
        raise ServiceError("That question no longer exists.")
    return question


def submit_answer(
    student: User, attempt_id: int, position: int, response: str, skip: bool = False
) -> Answer:
    """Grade and record an answer, and count it as a review of the student's card. A
    second submission for the same question is not recorded again: the first answer
    stands and is returned.

    An empty answer is recorded only when the student confirmed the skip (``skip``),
    as a wrong answer with the reason "skipped"; otherwise :class:`EmptyAnswer` is
    raised and nothing is recorded. A question withdrawn since the quiz started
    raises :class:`Withdrawn`."""
    attempt = get_attempt(student, attempt_id)
    if not 0 <= position < attempt.length:
        raise ServiceError("There is no such question in this quiz.")
    existing: Answer | None = db.session.scalar(
        select(Answer).where(Answer.attempt_id == attempt.id, Answer.position == position)
    )
    if existing is not None:
        return existing
    question = db.session.get(Question, attempt.question_ids[position])
    if question is None or question.status != APPROVED:
        raise Withdrawn("Your teacher withdrew that question, so it is skipped.")
    response = (response or "").strip()[:1000]
    if not response and not skip:
        raise EmptyAnswer("The answer is empty.")
    result = grade(question.as_bank_dict(), response)
    answer = Answer(
        attempt_id=attempt.id,
        student_id=student.id,
        question_id=question.id,
        question_version=question.version,
        position=position,
        response=response,
        correct=result.correct,
        reason=SKIPPED if not response else result.reason,
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
    length: int

    @property
    def correct(self) -> int:
        """How many answers were right."""
        return sum(1 for a in self.answers if a.correct)

    @property
    def finished(self) -> bool:
        """True when every question still in the quiz was answered."""
        return len(self.answers) >= self.length

    @property
    def withdrawn(self) -> int:
        """Questions withdrawn before they were answered (left out of the score)."""
        return self.attempt.length - self.length


def result(student: User, attempt_id: int) -> Result:
    """The score and review of one of the student's quizzes."""
    attempt = get_attempt(student, attempt_id)
    answers = answers_of(attempt)
    questions = {
        q.id: q
        for q in db.session.scalars(select(Question).where(Question.id.in_(attempt.question_ids)))
    }
    return Result(attempt, answers, questions, progress(attempt).length)


def history(student: User) -> list[tuple[QuizAttempt, int, int, int]]:
    """Every quiz the student started: (attempt, correct, answered, length), newest first."""
    scores = attempt_scores(student.id)
    attempts = list(
        db.session.scalars(
            select(QuizAttempt)
            .where(QuizAttempt.student_id == student.id)
            .order_by(QuizAttempt.started_at.desc(), QuizAttempt.id.desc())
        )
    )
    lengths = quiz_lengths(attempts)
    return [(a, *scores.get(a.id, (0, 0)), lengths[a.id]) for a in attempts]


def unfinished(student: User) -> list[QuizAttempt]:
    """Quizzes the student left half-way, newest first (they can be resumed)."""
    return [a for a, _, given, length in history(student) if given < length]
