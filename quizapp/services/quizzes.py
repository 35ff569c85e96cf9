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

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from flask import current_app
from sqlalchemy import (
    String,
    and_,
    any_,
    bindparam,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.expression import Grouping

from question_bank.grading import grade

from ..extensions import db
from ..models import (
    APPROVED,
    Answer,
    Article,
    Deck,
    Question,
    QuizAttempt,
    StudyCard,
    User,
)
from ..types import utcnow
from . import NotAllowed, ServiceError, access, stats, study

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


def visible_decks(user: User) -> list[DeckSummary]:
    """Decks the user can take, with approved counts and the user's last and best score."""
    out = []
    for deck in db.session.scalars(
        select(Deck)
        .outerjoin(Article, Article.id == Deck.article_id)
        .where(access.owner_visible(user, Deck.owner_id), Article.deleted_at.is_(None))
        .where(Deck.deleted_at.is_(None))
        .order_by(Deck.created_at.desc(), Deck.id.desc())
    ):
        count = len(deck_question_ids(deck))
        if count == 0 and not user.is_teacher:
            continue
        done = stats.finished_attempts(user, deck.id)
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

    @cached_property
    def id_array(self) -> dict[str, Any]:
        """The question ids as one array parameter, ``ids`` (PostgreSQL; :class:`_Ids`)."""
        return {"ids": list(self.question_ids)}

    @cached_property
    def id_json(self) -> dict[str, Any]:
        """The question ids as one JSON array parameter, ``ids`` (SQLite; :class:`_Ids`)."""
        return {"ids": json.dumps(self.question_ids)}


# The answer path's statements, built once: building a statement and computing its
# cache key cost more than running it. They run on the session's connection (Core),
# in the session's transaction, without the ORM's per-row work.
_QUIZ = select(QuizAttempt.student_id, QuizAttempt.deck_id, QuizAttempt.question_ids).where(
    QuizAttempt.id == bindparam("attempt")
)
# the unanswered questions still approved (only when the next one was withdrawn)
_LIVE = select(Question.id).where(
    Question.id.in_(bindparam("pending", expanding=True)), Question.status == APPROVED
)
_KEY = (
    select(
        Question.id,
        Question.kind,
        Question.prompt,
        Question.answer,
        Question.accepted,
        Question.choices,
        Question.fact,
        Question.version,
        Question.status,
        *study.card_columns(),
    )
    .outerjoin(
        StudyCard,
        and_(StudyCard.student_id == bindparam("student"), StudyCard.question_id == Question.id),
    )
    .where(Question.id == bindparam("qid"))
)
"""The answer's question and, in the same statement, the student's card of it."""
_INSERT_ANSWER = insert(Answer)
_GIVEN = select(Answer.id, Answer.correct).where(
    Answer.attempt_id == bindparam("attempt"), Answer.position == bindparam("position")
)
_ANSWERED_APPROVED = (
    select(func.count(Answer.id))
    .join(Question, Question.id == Answer.question_id)
    .where(Answer.attempt_id == bindparam("attempt"), Question.status == APPROVED)
    .scalar_subquery()
)


_ID_ARRAY = bindparam("ids", type_=postgresql.ARRAY(String))
_ID_JSON = bindparam("ids", type_=String)


@dataclass(frozen=True)
class _Ids:
    """How a statement names a quiz's question ids, in the quiz's order: as one parameter,
    ``ids``, whatever the quiz's length. On PostgreSQL (``array``) an array; elsewhere
    (SQLite) a JSON array, read with SQLite's JSON functions.

    With one parameter per question, psycopg parsed the statements of a 50-question quiz
    again on every execution (it remembers the parse of statements of at most 50
    parameters), and SQLAlchemy and sqlite3 handled 50 values for each one."""

    array: bool

    def among(self, column: Any) -> Any:
        """``column`` is one of the quiz's ids."""
        if self.array:
            return column == any_(_ID_ARRAY)
        each = func.json_each(_ID_JSON).table_valued("value")
        return column.in_(select(each.c.value))

    def at(self, position: Any) -> Any:
        """The quiz's id at ``position`` (from 0; NULL past the end)."""
        if self.array:
            return Grouping(_ID_ARRAY)[position + literal_column("1")]
        path = literal_column("'$['").concat(position).concat(literal_column("']'"))
        return func.json_extract(_ID_JSON, path)

    def order(self, column: Any) -> Any:
        """The position in the quiz of the id in ``column`` (an order to sort by)."""
        if self.array:
            return func.array_position(_ID_ARRAY, column)
        each = func.json_each(_ID_JSON).table_valued("key", "value")
        return select(each.c.key).where(each.c.value == column).scalar_subquery()


def _ids(quiz: Quiz) -> tuple[_Ids, dict[str, Any]]:
    """How this database's statements take the quiz's ids (:class:`_Ids`), and the
    parameter that passes them."""
    if db.session.connection().dialect.name == "postgresql":
        return _Ids(array=True), quiz.id_array
    return _Ids(array=False), quiz.id_json


def _unanswered_approved(ids: _Ids) -> Any:
    """How many of a quiz's unanswered questions are still approved: its questions still
    approved, minus its answered ones still approved (a quiz's questions are distinct and
    each is answered at most once; two counts, no per-question subquery)."""
    approved = select(func.count(Question.id)).where(
        ids.among(Question.id), Question.status == APPROVED
    )
    return (approved.scalar_subquery() - _ANSWERED_APPROVED).label("live")


_ANSWERED = (
    select(func.count(Answer.id)).where(Answer.attempt_id == bindparam("attempt")).scalar_subquery()
)
_DECK_NAME = select(Deck.name).where(Deck.id == bindparam("deck")).scalar_subquery()


@cache
def _shown_in_order(ids: _Ids) -> Any:
    """The question page in one statement, when the quiz was answered in order: the
    question after the answered ones (position = how many are answered), what the page
    shows of it, the deck's name, how many are answered, the last answered position (to
    tell whether they are the first ones) and how many of the quiz's unanswered
    questions are still approved. No row: every question is answered, or the next one
    no longer exists."""
    last = select(func.max(Answer.position)).where(Answer.attempt_id == bindparam("attempt"))
    return select(
        Question.id,
        Question.kind,
        Question.prompt,
        Question.choices,
        Question.status,
        _DECK_NAME.label("deck"),
        _ANSWERED.label("answered"),
        last.scalar_subquery().label("last"),
        _unanswered_approved(ids),
    ).where(Question.id == ids.at(_ANSWERED))


@cache
def _first_approved(ids: _Ids) -> Any:
    """The question page when :func:`_shown_in_order` does not apply (a question before
    was withdrawn and skipped, or the next one is): the quiz's first unanswered question
    that is still approved, what the page shows of it, the deck's name, how many are
    answered, and how many unanswered ones are still approved. A quiz's questions are
    distinct and each is answered at most once, so a question is unanswered when no
    answer of the quiz names it."""
    answered = select(Answer.question_id).where(Answer.attempt_id == bindparam("attempt"))
    return (
        select(
            Question.id,
            Question.kind,
            Question.prompt,
            Question.choices,
            _DECK_NAME.label("deck"),
            _ANSWERED.label("answered"),
            func.count().over().label("live"),  # the rows before LIMIT: approved, unanswered
        )
        .where(ids.among(Question.id), Question.status == APPROVED, Question.id.not_in(answered))
        .order_by(ids.order(Question.id))
        .limit(1)
    )


@cache
def _feedback(ids: _Ids) -> Any:
    """An answer with its question, its number, the quiz's answers and how many of its
    unanswered questions are still approved."""
    return (
        select(
            Answer.correct,
            Answer.response,
            Answer.expected,
            Answer.reason,
            Question.prompt,
            Question.source_sentence,
            Question.article_id,
            Question.source_start,
            Question.source_end,
            _ANSWERED.label("answered"),
            select(func.count(Answer.id))
            .where(
                Answer.attempt_id == bindparam("attempt"), Answer.position < bindparam("position")
            )
            .scalar_subquery()
            .label("before"),
            _unanswered_approved(ids),
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


def _progress(question_ids: Sequence[str], done: set[int], live: set[str]) -> Progress:
    """Progress from the answered positions and the approved unanswered questions."""
    pending = [qid for pos, qid in enumerate(question_ids) if pos not in done]
    position = next(
        (pos for pos, qid in enumerate(question_ids) if pos not in done and qid in live),
        None,
    )
    return Progress(len(done) + sum(1 for q in pending if q in live), len(done), position)


def progress(attempt: QuizAttempt) -> Progress:
    """The quiz's length, answers and next question; withdrawn questions are skipped."""
    done = {a.position for a in answers_of(attempt)}
    pending = [qid for pos, qid in enumerate(attempt.question_ids) if pos not in done]
    live = set(_run(_LIVE, pending=pending).scalars()) if pending else set()
    return _progress(attempt.question_ids, done, live)


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
    progress: Progress
    deck_name: str
    question: Shown

    @property
    def number(self) -> int:
        """The question's number as the student sees it."""
        return self.progress.number

    @property
    def length(self) -> int:
        """The quiz's length (without questions withdrawn before they were answered)."""
        return self.progress.length


def next_question(student: User, attempt_id: int) -> QuestionPage | None:
    """The quiz's first unanswered question that is still approved, or None when there is
    none left. A question withdrawn (retired, rejected, deleted) before it was answered is
    skipped and leaves the quiz's length.

    One statement while the quiz is answered in order (:func:`_shown_in_order`); a
    second one (:func:`_first_approved`) once a withdrawn question was skipped, and when
    the quiz is finished."""
    quiz = _quiz(student, attempt_id)
    ids, id_params = _ids(quiz)
    params = {"attempt": attempt_id, "deck": quiz.deck_id, **id_params}
    row = _run(_shown_in_order(ids), **params).first()
    answered = -1 if row is None else int(row.answered)
    if row is not None and row.status == APPROVED and row.last in (None, answered - 1):
        position = answered  # the answered positions are 0 .. answered - 1
    else:
        row = _run(_first_approved(ids), **params).first()
        if row is None:
            return None
        answered = int(row.answered)
        position = quiz.question_ids.index(row.id)
    state = Progress(answered + int(row.live), answered, position)
    return QuestionPage(
        attempt_id, position, state, row.deck, Shown(row.kind, row.prompt, row.choices)
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


def submit_answer(
    student: User, attempt_id: int, position: int, response: str, skip: bool = False
) -> Recorded:
    """Grade and record an answer, and count it as a review of the student's card, in one
    commit. A second submission for the same question (a double click, or a retry after
    a dropped connection) is not recorded again: the first answer stands and is returned.

    An empty answer is recorded only when the student confirmed the skip (``skip``),
    as a wrong answer with the reason "skipped"; otherwise :class:`EmptyAnswer` is
    raised and nothing is recorded. A question withdrawn since the quiz started
    raises :class:`Withdrawn` (unless it was answered before it was withdrawn).
    """
    quiz = _quiz(student, attempt_id)
    if not 0 <= position < quiz.length:
        raise ServiceError("There is no such question in this quiz.")
    question = _run(_KEY, qid=quiz.question_ids[position], student=student.id).first()
    response = (response or "").strip()[:1000]
    withdrawn = question is None or question.status != APPROVED
    if withdrawn or (not response and not skip):
        # rare paths: an answer given before stands (a retry); otherwise nothing is recorded
        given = _run(_GIVEN, attempt=attempt_id, position=position).first()
        if given is not None:
            return Recorded(given.id, position, given.correct, duplicate=True)
        if withdrawn:
            raise Withdrawn("Your teacher withdrew that question, so it is skipped.")
        raise EmptyAnswer("The answer is empty.")
    result = grade(_grading_key(question), response)
    answer = {
        "attempt_id": attempt_id,
        "student_id": student.id,
        "question_id": question.id,
        "question_version": question.version,
        "position": position,
        "response": response,
        "correct": result.correct,
        "reason": result.reason if response else SKIPPED,
        "expected": question.answer,
        "created_at": utcnow(),
    }
    try:
        # (attempt, position) is unique: a repeat fails here, before its review
        answer_id = int(_run(_INSERT_ANSWER, **answer).inserted_primary_key[0])
        study.review_quiz_answer(
            student,
            question.id,
            question.version,
            answer_id,
            result.correct,
            answer["created_at"],
            study.card_of(question),
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
    number: int
    length: int
    answered: int
    correct: bool
    skipped: bool
    response: str
    expected: str
    question: Source | None

    @property
    def finished(self) -> bool:
        """True when every question still in the quiz is answered."""
        return self.answered >= self.length


def feedback(student: User, attempt_id: int, position: int) -> Feedback:
    """The answer given at a position of one of the student's quizzes, its question, its
    number, the quiz's length (without questions withdrawn before they were answered)
    and whether the quiz is finished (one query)."""
    quiz = _quiz(student, attempt_id)
    ids, id_params = _ids(quiz)
    row = _run(_feedback(ids), attempt=attempt_id, position=position, **id_params).first()
    if row is None:
        raise ServiceError("That question has not been answered yet.")
    source = None
    if row.prompt is not None:
        source = Source(
            row.prompt, row.source_sentence, row.article_id, row.source_start, row.source_end
        )
    answered = int(row.answered)
    return Feedback(
        attempt_id,
        position,
        int(row.before) + 1,
        answered + int(row.live),
        answered,
        bool(row.correct),
        row.reason == SKIPPED,
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


def unfinished(student: User) -> list[QuizAttempt]:
    """Quizzes the student left half-way, newest first (they can be resumed)."""
    return [a for a, _, given, length in stats.history(student) if given < length]
