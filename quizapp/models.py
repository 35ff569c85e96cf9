"""Database models. Answers are append-only; scores are derived from them by query."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db
from .types import UTCDateTime, utcnow

STUDENT = "student"
TEACHER = "teacher"

DRAFT = "draft"
APPROVED = "approved"
REJECTED = "rejected"
RETIRED = "retired"
STATUSES = (DRAFT, APPROVED, REJECTED, RETIRED)


class User(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    """A student or a teacher. Passwords are stored only as hashes."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=STUDENT)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # study settings: the zone that decides where a study day starts, new cards a
    # day, and the share of cards the scheduler aims to have remembered when due
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    new_per_day: Mapped[int] = mapped_column(default=20, server_default="20")
    desired_retention: Mapped[float] = mapped_column(default=0.9, server_default="0.9")
    # part of every session's login id: raising it (logout, a new password) ends every
    # session of the user, remember-me cookies included
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    @property
    def is_teacher(self) -> bool:
        """True for teachers."""
        return self.role == TEACHER

    def get_id(self) -> str:
        """The login id kept in the session and the remember-me cookie: id and session version."""
        return f"{self.id}:{self.session_version}"


class SetupToken(db.Model):  # type: ignore[name-defined,misc]
    """A one-time link that lets the first teacher create an account."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Classroom(db.Model):  # type: ignore[name-defined,misc]
    """A teacher's class; students join it with its code."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # an archived class takes no new students and leaves the teacher's list of current
    # classes; its students, their access and its report stay
    archived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    teacher: Mapped[User] = relationship()

    @property
    def archived(self) -> bool:
        """True once the teacher has archived the class."""
        return self.archived_at is not None


class Enrollment(db.Model):  # type: ignore[name-defined,misc]
    """A student's membership of a class."""

    __table_args__ = (UniqueConstraint("classroom_id", "student_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    joined_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship()
    student: Mapped[User] = relationship()


class Article(db.Model):  # type: ignore[name-defined,misc]
    """A news article and the text its questions cite.

    ``fingerprint`` is the sha256 of the normalised text (see
    ``services.library.article_fingerprint``), unique per owner so that no one stores the
    same article twice. Copies stored before fingerprints existed keep it empty."""

    __table_args__ = (
        Index("ix_article_owner_fingerprint", "owner_id", "fingerprint", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(nullable=True)
    source_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # a deleted article is a tombstone: its text is erased and it leaves every page;
    # the row stays for the retired questions and quizzes that still refer to it
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    owner: Mapped[User | None] = relationship()


MAX_QUESTION_ID = 40
"""The longest question id (the id column's size)."""

# The question form's limits. The GIFT import checks them too, so that every question
# in the bank can be opened and saved in the form.
MAX_PROMPT = 2000
"""The prompt."""
MAX_ANSWER = 500
"""The answer."""
MAX_ANSWER_LIST = 2000
"""The other accepted answers, or the wrong choices: one per line."""
MAX_TAGS = 300
"""The tags, comma-separated."""


class Question(db.Model):  # type: ignore[name-defined,misc]
    """A question of the bank. Its id is stable: edits keep it; retiring keeps history."""

    __table_args__ = (
        Index("ix_question_status_article", "status", "article_id"),
        # new flashcards are drawn newest first without sorting the whole bank
        Index("ix_question_status_created", "status", "created_at", "id"),
    )

    id: Mapped[str] = mapped_column(String(MAX_QUESTION_ID), primary_key=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    accepted: Mapped[list[str]] = mapped_column(JSON, default=list)
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    fact: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    source_sentence: Mapped[str | None] = mapped_column(Text, nullable=True)
    source_start: Mapped[int | None] = mapped_column(nullable=True)
    source_end: Mapped[int | None] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=DRAFT, index=True)
    origin: Mapped[str] = mapped_column(String(16), default="generated")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    version: Mapped[int] = mapped_column(default=1)
    # how far the generator trusts the question (0-1), when the generator says; None
    # for questions from before it did, and for those a teacher wrote or imported
    confidence: Mapped[float | None] = mapped_column(nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    article: Mapped[Article | None] = relationship()

    def as_bank_dict(self) -> dict[str, Any]:
        """The question in question_bank's JSON shape (for grading and exports)."""
        return {
            "id": self.id,
            "article": self.article.key if self.article else "",
            "kind": self.kind,
            "prompt": self.prompt,
            "answer": self.answer,
            "accepted": list(self.accepted or []),
            "choices": list(self.choices or []),
            "fact": dict(self.fact or {}),
            "source": {
                "sentence": self.source_sentence or "",
                "start": self.source_start or 0,
                "end": self.source_end or 0,
            },
        }


class Deck(db.Model):  # type: ignore[name-defined,misc]
    """A set of questions: one per article, or one a teacher puts together."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("article.id"), nullable=True, unique=True
    )
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # a deleted deck that quizzes were taken on stays as a tombstone (their history
    # names it); it holds no questions and leaves every list and page
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    article: Mapped[Article | None] = relationship()


class DeckQuestion(db.Model):  # type: ignore[name-defined,misc]
    """A question chosen by hand for a teacher's deck."""

    __table_args__ = (UniqueConstraint("deck_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("deck.id"), index=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"), index=True)


class QuizAttempt(db.Model):  # type: ignore[name-defined,misc]
    """A quiz a student started: the questions are fixed when it starts."""

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("deck.id"), index=True)
    question_ids: Mapped[list[str]] = mapped_column(JSON)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    deck: Mapped[Deck] = relationship()

    @property
    def length(self) -> int:
        """How many questions the quiz has."""
        return len(self.question_ids)


class Answer(db.Model):  # type: ignore[name-defined,misc]
    """One answer a student gave. Rows are only ever inserted, never changed."""

    __table_args__ = (
        UniqueConstraint("attempt_id", "position"),
        Index("ix_answer_question_correct", "question_id", "correct"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempt.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"))
    question_version: Mapped[int] = mapped_column(default=1)
    position: Mapped[int]
    response: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool]
    reason: Mapped[str] = mapped_column(String(32))
    expected: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class StudyCard(db.Model):  # type: ignore[name-defined,misc]
    """A student's memory of one question: the FSRS state, created at the first review.

    The state is what the review log adds up to; it is kept here so that the due queue
    is one indexed query. Editing the question keeps the card (the id is stable)."""

    __tablename__ = "study_card"
    __table_args__ = (
        UniqueConstraint("student_id", "question_id"),
        Index("ix_study_card_student_due", "student_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"), index=True)
    state: Mapped[int]
    step: Mapped[int | None] = mapped_column(nullable=True)
    stability: Mapped[float | None] = mapped_column(nullable=True)
    difficulty: Mapped[float | None] = mapped_column(nullable=True)
    due: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_review: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reps: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)
    scheduler: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship()


class Review(db.Model):  # type: ignore[name-defined,misc]
    """One rating of a card, from studying or from a quiz answer. Only ever inserted.

    ``seq`` numbers a card's reviews from 0; (card, seq) is unique, so a rating sent
    twice for the same state of the card is recorded once."""

    __table_args__ = (
        UniqueConstraint("card_id", "seq"),
        Index("ix_review_student_time", "student_id", "reviewed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("study_card.id"))
    student_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"), index=True)
    question_version: Mapped[int] = mapped_column(default=1)
    seq: Mapped[int]
    rating: Mapped[int]
    source: Mapped[str] = mapped_column(String(16), default="study")
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answer.id"), nullable=True, unique=True
    )
    reviewed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int | None] = mapped_column(nullable=True)
    state_before: Mapped[int | None] = mapped_column(nullable=True)
    state_after: Mapped[int]
    stability: Mapped[float | None] = mapped_column(nullable=True)
    difficulty: Mapped[float | None] = mapped_column(nullable=True)
    due: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    scheduler: Mapped[str] = mapped_column(String(32))


JOB_QUEUED = "queued"
JOB_GENERATING = "generating"
JOB_DONE = "done"
JOB_FAILED = "failed"
JOB_STATES = (JOB_QUEUED, JOB_GENERATING, JOB_DONE, JOB_FAILED)


class ArticleJob(db.Model):  # type: ignore[name-defined,misc]
    """One article on its way into the bank: fetched (for a URL), then generated.

    The row is the job's state for the pages (queued, generating, done, failed with
    ``error``); RQ only carries its id. A job ends ``done`` with the article it added
    (``article_id``, ``drafts``) or the article it duplicates (``duplicate_of_id``).
    A job whose input was refused before it could run (an unreadable file in a bulk
    upload) is stored ``failed``, so that the bulk report can name it; no article,
    question or deck is ever stored for a failed job.
    """

    __tablename__ = "article_job"
    __table_args__ = (
        Index("ix_article_job_owner_created", "owner_id", "created_at"),
        Index("ix_article_job_state", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    batch: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(500))
    """What the teacher gave: a URL, a file name (``week.zip:story.html``) or "pasted text"."""
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    """A page to fetch in the job; None when the text is given."""
    title: Mapped[str] = mapped_column(String(300), default="")
    published: Mapped[dt.date | None] = mapped_column(nullable=True)
    source_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    """The text to generate from; emptied once the article holds it."""
    state: Mapped[str] = mapped_column(String(16), default=JOB_QUEUED)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(default=0)
    rq_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    worker: Mapped[str | None] = mapped_column(String(300), nullable=True)
    """``host:pid`` of the process that last ran the job."""
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id"), nullable=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("article.id"), nullable=True)
    drafts: Mapped[int | None] = mapped_column(nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    article: Mapped[Article | None] = relationship(foreign_keys=[article_id])
    duplicate_of: Mapped[Article | None] = relationship(foreign_keys=[duplicate_of_id])

    @property
    def pending(self) -> bool:
        """Whether the job has not ended yet (queued or generating)."""
        return self.state in (JOB_QUEUED, JOB_GENERATING)
