"""Quizzes: decks a student can see, starting a quiz, answering, results, history.

Answers are append-only rows; every score is counted from them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.exc import IntegrityError

from question_bank.grading import grade

from ..extensions import db
from ..models import (
    APPROVED,
    Answer,
    Deck,
    DeckQuestion,
    Question,
    QuizAttempt,
    User,
)
from ..types import utcnow
from . import NotAllowed, ServiceError, access, study

MAX_QUIZ = 50


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


def get_deck(user: User, deck_id: int) -> Deck:
    """A deck the user may see."""
    deck = db.session.get(Deck, deck_id)
    if deck is None:
        raise ServiceError("That deck does not exist.")
    if not can_see_deck(user, deck):
        raise NotAllowed("That deck belongs to another teacher.")
    return deck


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


class NoSuchQuiz(ServiceError):
    """The quiz does not exist (views answer 404)."""


def get_attempt(student: User, attempt_id: int) -> QuizAttempt:
    """One of the student's own quizzes (another student's is not allowed)."""
    attempt = db.session.get(QuizAttempt, attempt_id)
    if attempt is None:
        raise NoSuchQuiz("That quiz does not exist.")
    if attempt.student_id != student.id:
        raise NotAllowed("That quiz belongs to someone else.")
    return attempt


@dataclass(frozen=True)
class Quiz:
    """What never changes in a started quiz: its student, deck and questions."""

    id: int
    student_id: int
    deck_id: int
    question_ids: tuple[str, ...]

    @property
    def length(self) -> int:
        """How many questions the quiz has."""
        return len(self.question_ids)


# The answer path's statements, built once: building a statement and computing its
# cache key cost more than running it. They run on the session's connection (Core),
# in the session's transaction, without the ORM's per-row work.
_QUIZ = select(QuizAttempt.student_id, QuizAttempt.deck_id, QuizAttempt.question_ids).where(
    QuizAttempt.id == bindparam("attempt")
)
_POSITIONS = select(Answer.position).where(Answer.attempt_id == bindparam("attempt"))
_SHOWN = (
    select(Question.kind, Question.prompt, Question.choices, Deck.name)
    .join(Deck, Deck.id == bindparam("deck"))
    .where(Question.id == bindparam("qid"))
)
_KEY = select(
    Question.id,
    Question.kind,
    Question.prompt,
    Question.answer,
    Question.accepted,
    Question.choices,
    Question.fact,
    Question.version,
).where(Question.id == bindparam("qid"))
_INSERT_ANSWER = insert(Answer)
_GIVEN = select(Answer.id, Answer.correct).where(
    Answer.attempt_id == bindparam("attempt"), Answer.position == bindparam("position")
)
_FEEDBACK = (
    select(
        Answer.correct,
        Answer.response,
        Answer.expected,
        Question.prompt,
        Question.source_sentence,
        Question.article_id,
        Question.source_start,
        Question.source_end,
        select(func.count(Answer.id))
        .where(Answer.attempt_id == bindparam("attempt"))
        .scalar_subquery()
        .label("answered"),
    )
    .outerjoin(Question, Question.id == Answer.question_id)
    .where(Answer.attempt_id == bindparam("attempt"), Answer.position == bindparam("position"))
)
# started quizzes never change: each worker keeps the ones it has read
_QUIZ_CACHE_SIZE = 20_000


def _run(stmt: Any, **params: Any) -> Any:
    """Execute a prebuilt statement on the session's connection and transaction."""
    return db.session.connection().execute(stmt, params)


def _quiz(student: User, attempt_id: int) -> Quiz:
    """One of the student's own quizzes (read once per worker: a quiz never changes)."""
    cache: dict[int, Quiz] = current_app.extensions.setdefault("quizapp.quizzes", {})
    quiz = cache.get(attempt_id)
    if quiz is None:
        row = _run(_QUIZ, attempt=attempt_id).first()
        if row is None:
            raise NoSuchQuiz("That quiz does not exist.")
        quiz = Quiz(attempt_id, row.student_id, row.deck_id, tuple(row.question_ids))
        if len(cache) >= _QUIZ_CACHE_SIZE:
            cache.clear()
        cache[attempt_id] = quiz
    if quiz.student_id != student.id:
        raise NotAllowed("That quiz belongs to someone else.")
    return quiz


def answers_of(attempt: QuizAttempt) -> list[Answer]:
    """The answers given in a quiz, in question order."""
    return list(
        db.session.scalars(
            select(Answer).where(Answer.attempt_id == attempt.id).order_by(Answer.position)
        )
    )


@dataclass(frozen=True)
class Shown:
    """A question as the question page shows it."""

    kind: str
    prompt: str
    choices: list[str]


@dataclass(frozen=True)
class QuestionPage:
    """The next question of a quiz."""

    attempt_id: int
    position: int
    length: int
    deck_name: str
    question: Shown


def next_question(student: User, attempt_id: int) -> QuestionPage | None:
    """The quiz's first unanswered question, or None when every question is answered.

    A question retired after the quiz started is still asked: a quiz's questions are
    fixed when it starts."""
    quiz = _quiz(student, attempt_id)
    done = set(_run(_POSITIONS, attempt=attempt_id).scalars())
    position = next((pos for pos in range(quiz.length) if pos not in done), None)
    if position is None:
        return None
    row = _run(_SHOWN, deck=quiz.deck_id, qid=quiz.question_ids[position]).first()
    if row is None:
        raise ServiceError("That question no longer exists.")
    return QuestionPage(
        attempt_id, position, quiz.length, row.name, Shown(row.kind, row.prompt, row.choices)
    )


def _grading_key(row: Any) -> dict[str, Any]:
    """What the grader reads of a question (question_bank's bank shape, no source)."""
    return {
        "id": row.id,
        "kind": row.kind,
        "prompt": row.prompt,
        "answer": row.answer,
        "accepted": list(row.accepted or []),
        "choices": list(row.choices or []),
        "fact": dict(row.fact or {}),
    }


@dataclass(frozen=True)
class Recorded:
    """An answer as recorded: ``duplicate`` when it had been recorded before."""

    id: int
    position: int
    correct: bool
    duplicate: bool = False


def submit_answer(student: User, attempt_id: int, position: int, response: str) -> Recorded:
    """Grade and record an answer, and count it as a review of the student's card, in one
    commit. A second submission for the same question (a double click, or a retry after
    a dropped connection) is not recorded again: the first answer stands and is returned.
    """
    quiz = _quiz(student, attempt_id)
    if not 0 <= position < quiz.length:
        raise ServiceError("There is no such question in this quiz.")
    question = _run(_KEY, qid=quiz.question_ids[position]).first()
    if question is None:
        raise ServiceError("That question no longer exists.")
    response = (response or "").strip()[:1000]
    result = grade(_grading_key(question), response)
    answer = {
        "attempt_id": attempt_id,
        "student_id": student.id,
        "question_id": question.id,
        "question_version": question.version,
        "position": position,
        "response": response,
        "correct": result.correct,
        "reason": result.reason,
        "expected": question.answer,
        "created_at": utcnow(),
    }
    try:
        # (attempt, position) is unique: a repeat fails here, before its review
        answer_id = int(_run(_INSERT_ANSWER, **answer).inserted_primary_key[0])
        study.review_quiz_answer(
            student, question.id, question.version, answer_id, result.correct, answer["created_at"]
        )
        db.session.commit()
        return Recorded(answer_id, position, result.correct)
    except IntegrityError:
        db.session.rollback()
    first = _run(_GIVEN, attempt=attempt_id, position=position).first()
    db.session.commit()
    if first is not None:
        # the same answer arrived before (a retry), or at the same time: the first stands
        return Recorded(first.id, position, first.correct, duplicate=True)
    # the answer is new, but a rating of the same card got in first: the answer is
    # committed alone, and its review retried on the card's new state
    answer_id = int(_run(_INSERT_ANSWER, **answer).inserted_primary_key[0])
    db.session.commit()
    study.record_quiz_answer(student, answer_id, question.id, result.correct, answer["created_at"])
    return Recorded(answer_id, position, result.correct)


@dataclass(frozen=True)
class Source:
    """The question a feedback page shows, with the sentence it cites."""

    prompt: str
    source_sentence: str | None
    article_id: int | None
    source_start: int | None
    source_end: int | None


@dataclass(frozen=True)
class Feedback:
    """One recorded answer of a quiz, as its feedback page shows it."""

    attempt_id: int
    position: int
    length: int
    answered: int
    correct: bool
    response: str
    expected: str
    question: Source | None

    @property
    def finished(self) -> bool:
        """True when every question of the quiz is answered."""
        return self.answered >= self.length


def feedback(student: User, attempt_id: int, position: int) -> Feedback:
    """The answer given at a position of one of the student's quizzes, its question and
    whether the quiz is finished (one query)."""
    quiz = _quiz(student, attempt_id)
    row = _run(_FEEDBACK, attempt=attempt_id, position=position).first()
    if row is None:
        raise ServiceError("That question has not been answered yet.")
    source = None
    if row.prompt is not None:
        source = Source(
            row.prompt, row.source_sentence, row.article_id, row.source_start, row.source_end
        )
    return Feedback(
        attempt_id,
        position,
        quiz.length,
        int(row.answered),
        bool(row.correct),
        row.response,
        row.expected,
        source,
    )


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
