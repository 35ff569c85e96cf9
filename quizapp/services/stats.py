"""Every derived number, counted from the append-only rows: quiz scores and lengths,
a class's report and item analysis, flashcard progress, mastery and a class's study.

Answers (:class:`Answer`) and reviews (:class:`Review`) are never updated; what a page
shows about them (a score, a streak, retention, mastery, facility) is a query over those
rows here, and nowhere else. The item analysis's arithmetic is :mod:`.items`, pure
functions this module feeds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from .. import srs
from ..extensions import db
from ..models import (
    APPROVED,
    Answer,
    Classroom,
    Deck,
    DeckQuestion,
    Question,
    QuizAttempt,
    Review,
    StudyCard,
    User,
)
from ..types import utcnow
from . import NotAllowed, access, classes, items, study
from .study import today, visible_teacher_decks

# -- quizzes ------------------------------------------------------------------------------


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


# -- a class's quiz report ------------------------------------------------------------


@dataclass(frozen=True)
class StudentRow:
    """A student's activity in a class report."""

    student: User
    quizzes: int
    answers: int
    correct: int
    last_active: object


@dataclass(frozen=True)
class QuestionRow:
    """How a class did on one question (item analysis): a bad question stands out."""

    question: Question
    figures: items.ItemFigures

    @property
    def answers(self) -> int:
        """How many answers the class gave to it."""
        return self.figures.answers

    @property
    def share(self) -> float:
        """Facility: the share of the answers that were right."""
        return self.figures.facility or 0.0


def class_report(
    teacher: User, class_id: int
) -> tuple[Classroom, list[StudentRow], list[QuestionRow]]:
    """Each student's scores and activity, and per question its facility and discrimination
    (see :mod:`.items`); only answers to questions the teacher manages are counted."""
    classroom = classes.get_class(teacher, class_id)
    students = classes.students_of(classroom)
    ids = [s.id for s in students]
    rows: list[StudentRow] = []
    if ids:
        stats = {
            r[0]: r[1:]
            for r in db.session.execute(
                select(
                    Answer.student_id,
                    func.count(func.distinct(Answer.attempt_id)),
                    func.count(Answer.id),
                    func.sum(func.cast(Answer.correct, db.Integer)),
                    func.max(Answer.created_at),
                )
                .join(Question, Question.id == Answer.question_id)
                .where(Answer.student_id.in_(ids), access.owner_managed(teacher, Question.owner_id))
                .group_by(Answer.student_id)
            )
        }
        for s in students:
            quizzes, answers, correct, last = stats.get(s.id, (0, 0, 0, None))
            rows.append(StudentRow(s, int(quizzes), int(answers), int(correct or 0), last))
    # item analysis over the questions this teacher manages (own and shared): another
    # teacher's private questions, answered in their class, stay out of this report
    figures = (
        items.analyse(
            db.session.execute(
                select(Answer.student_id, Answer.question_id, Answer.correct)
                .join(Question, Question.id == Answer.question_id)
                .where(
                    Answer.student_id.in_(ids),
                    access.owner_managed(teacher, Question.owner_id),
                )
            ).all()
        )
        if ids
        else {}
    )
    questions = {
        q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_(list(figures))))
    }
    qrows = sorted(
        (QuestionRow(questions[qid], f) for qid, f in figures.items() if qid in questions),
        key=lambda r: (r.share, -r.answers, r.question.prompt, r.question.kind),
    )
    return classroom, rows, qrows


# -- flashcards: the deck list's due counts ------------------------------------------------


def due_by_deck(student: User, now: dt.datetime | None = None) -> dict[int, int]:
    """Cards due today per deck id (learning cards due now count too); for the deck list."""
    now = now or utcnow()
    day = today(student, now)
    rows = db.session.execute(
        select(StudyCard.question_id, StudyCard.state, StudyCard.due, Question.article_id)
        .join(Question, Question.id == StudyCard.question_id)
        .where(
            StudyCard.student_id == student.id,
            StudyCard.due < max(day.end, now + srs.LEARN_AHEAD),
            Question.status == APPROVED,
        )
    ).all()
    due = [
        (qid, art)
        for qid, state, when, art in rows
        if (when < day.end if state == srs.REVIEW else when <= now + srs.LEARN_AHEAD)
    ]
    if not due:
        return {}
    out: Counter[int] = Counter()
    article_decks = dict(
        db.session.execute(
            select(Deck.article_id, Deck.id).where(
                Deck.article_id.in_({art for _, art in due if art is not None})
            )
        ).all()
    )
    for _, art in due:
        if art in article_decks:
            out[article_decks[art]] += 1
    for deck_id, count in db.session.execute(
        select(DeckQuestion.deck_id, func.count(DeckQuestion.id))
        .where(
            DeckQuestion.question_id.in_([qid for qid, _ in due]),
            DeckQuestion.deck_id.in_(visible_teacher_decks(student)),
        )
        .group_by(DeckQuestion.deck_id)
    ):
        out[deck_id] += int(count)
    return dict(out)


# -- progress ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    """A number for one study day (a bar of a chart)."""

    date: dt.date
    count: int
    extra: int = 0


@dataclass(frozen=True)
class DeckMastery:
    """How much of a deck the student has learnt."""

    deck: Deck
    cards: int
    studied: int
    mastered: int

    @property
    def share(self) -> float:
        """Mastered cards over the deck's cards."""
        return self.mastered / self.cards if self.cards else 0.0


@dataclass(frozen=True)
class Progress:
    """A student's study progress, counted from cards and the review log."""

    day: srs.StudyDay
    due_today: int
    forecast: list[DayCount]
    per_day: list[DayCount]
    streak: int
    reviews: int
    remembered: int
    reviews_today: int
    seconds_today: int
    decks: list[DeckMastery] = field(default_factory=list)

    @property
    def retention(self) -> float | None:
        """True retention: the share of reviews of learnt cards that were remembered."""
        return self.remembered / self.reviews if self.reviews else None


def _forecast(student: User, day: srs.StudyDay, days: int = 8) -> list[DayCount]:
    """Cards due on each of the next ``days`` study days (today includes overdue)."""
    horizon = srs.day_of(
        day.date + dt.timedelta(days=days - 1), student.timezone, study.day_start_hour()
    )
    counts: Counter[dt.date] = Counter()
    for (due,) in db.session.execute(
        select(StudyCard.due)
        .join(Question, Question.id == StudyCard.question_id)
        .where(
            StudyCard.student_id == student.id,
            StudyCard.due < horizon.end,
            Question.status == APPROVED,
        )
    ):
        date = srs.local_date(due, student.timezone, study.day_start_hour())
        counts[max(date, day.date)] += 1
    return [
        DayCount(day.date + dt.timedelta(days=i), counts[day.date + dt.timedelta(days=i)])
        for i in range(days)
    ]


def progress(student: User, now: dt.datetime | None = None, days: int = 30) -> Progress:
    """Due cards today and this week, reviews per day, streak, retention, mastery."""
    now = now or utcnow()
    day = today(student, now)
    hour = study.day_start_hour()
    per: Counter[dt.date] = Counter()
    again: Counter[dt.date] = Counter()
    study_days: set[dt.date] = set()
    reviews = remembered = seconds_today = reviews_today = 0
    for when, rating, before, duration in db.session.execute(
        select(Review.reviewed_at, Review.rating, Review.state_before, Review.duration_ms).where(
            Review.student_id == student.id
        )
    ):
        date = srs.local_date(when, student.timezone, hour)
        study_days.add(date)
        per[date] += 1
        if rating == srs.AGAIN:
            again[date] += 1
        if before == srs.REVIEW:
            reviews += 1
            remembered += rating != srs.AGAIN
        if date == day.date:
            reviews_today += 1
            seconds_today += (duration or 0) // 1000
    first = day.date - dt.timedelta(days=days - 1)
    per_day = [
        DayCount(
            first + dt.timedelta(days=i),
            per[first + dt.timedelta(days=i)],
            again[first + dt.timedelta(days=i)],
        )
        for i in range(days)
    ]
    forecast = _forecast(student, day)
    return Progress(
        day=day,
        due_today=forecast[0].count,
        forecast=forecast[1:],
        per_day=per_day,
        streak=srs.streak(study_days, day.date),
        reviews=reviews,
        remembered=remembered,
        reviews_today=reviews_today,
        seconds_today=seconds_today,
        decks=mastery(student),
    )


def mastery(student: User) -> list[DeckMastery]:
    """Per deck the student has studied: cards, cards studied, cards mastered."""
    cards = db.session.execute(
        select(StudyCard.question_id, StudyCard.stability, Question.article_id)
        .join(Question, Question.id == StudyCard.question_id)
        .where(StudyCard.student_id == student.id, Question.status == APPROVED)
    ).all()
    if not cards:
        return []
    stability = {qid: s or 0.0 for qid, s, _ in cards}
    by_article: dict[int, list[str]] = defaultdict(list)
    for qid, _, art in cards:
        if art is not None:
            by_article[art].append(qid)
    out: list[DeckMastery] = []
    if by_article:
        totals = dict(
            db.session.execute(
                select(Question.article_id, func.count(Question.id))
                .where(Question.article_id.in_(list(by_article)), Question.status == APPROVED)
                .group_by(Question.article_id)
            ).all()
        )
        for deck in db.session.scalars(select(Deck).where(Deck.article_id.in_(list(by_article)))):
            if deck.article_id is None:  # never: these are the articles' decks
                continue
            ids = by_article[deck.article_id]
            out.append(_mastery_row(deck, int(totals.get(deck.article_id, 0)), ids, stability))
    teacher_decks = db.session.scalars(
        select(Deck).where(Deck.id.in_(visible_teacher_decks(student)))
    ).all()
    for deck in teacher_decks:
        ids = list(
            db.session.scalars(
                select(DeckQuestion.question_id)
                .join(Question, Question.id == DeckQuestion.question_id)
                .where(DeckQuestion.deck_id == deck.id, Question.status == APPROVED)
            )
        )
        studied = [qid for qid in ids if qid in stability]
        if studied:
            out.append(_mastery_row(deck, len(ids), studied, stability))
    return sorted(out, key=lambda m: (-m.share, m.deck.name))


def _mastery_row(
    deck: Deck, total: int, studied: Sequence[str], stability: dict[str, float]
) -> DeckMastery:
    mastered = sum(1 for qid in studied if stability[qid] > srs.MASTERED_DAYS)
    return DeckMastery(deck, total, len(studied), mastered)


# -- a class, for its teacher -----------------------------------------------------------


@dataclass(frozen=True)
class StudentStudy:
    """One student's studying, for the teacher."""

    student: User
    reviews_week: int
    days_week: int
    reviews: int
    remembered: int
    cards: int
    mastered: int
    last: dt.datetime | None
    streak: int = 0

    @property
    def retention(self) -> float | None:
        """Share of reviews of learnt cards remembered."""
        return self.remembered / self.reviews if self.reviews else None


@dataclass(frozen=True)
class DeckRetention:
    """A deck's retention across a class."""

    deck: Deck
    reviews: int
    remembered: int
    students: int

    @property
    def retention(self) -> float | None:
        """Share of reviews of learnt cards remembered."""
        return self.remembered / self.reviews if self.reviews else None


@dataclass(frozen=True)
class HardCard:
    """A question the class forgets most."""

    question: Question
    reviews: int
    again: int
    lapses: int
    students: int

    @property
    def again_share(self) -> float:
        """Share of its reviews rated Again (or answered wrong)."""
        return self.again / self.reviews if self.reviews else 0.0


@dataclass(frozen=True)
class ClassStudy:
    """Who studies, retention per deck, and the hardest cards of one class."""

    students: list[StudentStudy]
    decks: list[DeckRetention]
    hardest: list[HardCard]
    per_day: list[DayCount] = field(default_factory=list)


def class_study(teacher: User, classroom: Classroom, now: dt.datetime | None = None) -> ClassStudy:
    """The study report of one of the teacher's classes (its students' reviews only)."""
    if classroom.teacher_id != teacher.id:
        raise NotAllowed("That class belongs to another teacher.")
    now = now or utcnow()
    students = classes.students_of(classroom)
    ids = [s.id for s in students]
    if not ids:
        return ClassStudy([], [], [])
    week_ago = now - dt.timedelta(days=7)
    hour = study.day_start_hour()
    per_student: dict[int, dict[str, Any]] = {
        i: {"week": 0, "days": set(), "dates": set(), "reviews": 0, "remembered": 0, "last": None}
        for i in ids
    }
    class_days: Counter[dt.date] = Counter()
    class_again: Counter[dt.date] = Counter()
    zones = {s.id: s.timezone for s in students}
    per_article: dict[int, list[Any]] = defaultdict(lambda: [0, 0, set()])
    per_question: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set()])
    for sid, when, rating, before, qid, art in db.session.execute(
        select(
            Review.student_id,
            Review.reviewed_at,
            Review.rating,
            Review.state_before,
            Review.question_id,
            Question.article_id,
        )
        .join(Question, Question.id == Review.question_id)
        .where(Review.student_id.in_(ids))
    ):
        row = per_student[sid]
        date = srs.local_date(when, zones[sid], hour)
        row["dates"].add(date)
        class_days[date] += 1
        class_again[date] += rating == srs.AGAIN
        if when >= week_ago:
            row["week"] += 1
            row["days"].add(date)
        if row["last"] is None or when > row["last"]:
            row["last"] = when
        q = per_question[qid]
        q[0] += 1
        q[1] += rating == srs.AGAIN
        q[2].add(sid)
        if before == srs.REVIEW:
            row["reviews"] += 1
            row["remembered"] += rating != srs.AGAIN
            if art is not None:
                a = per_article[art]
                a[0] += 1
                a[1] += rating != srs.AGAIN
                a[2].add(sid)
    cards: Counter[int] = Counter()
    mastered: Counter[int] = Counter()
    lapses: Counter[str] = Counter()
    for sid, qid, stab, lapse in db.session.execute(
        select(
            StudyCard.student_id, StudyCard.question_id, StudyCard.stability, StudyCard.lapses
        ).where(StudyCard.student_id.in_(ids))
    ):
        cards[sid] += 1
        mastered[sid] += (stab or 0) > srs.MASTERED_DAYS
        lapses[qid] += lapse
    rows = [
        StudentStudy(
            s,
            per_student[s.id]["week"],
            len(per_student[s.id]["days"]),
            per_student[s.id]["reviews"],
            per_student[s.id]["remembered"],
            cards[s.id],
            mastered[s.id],
            per_student[s.id]["last"],
            srs.streak(per_student[s.id]["dates"], today(s, now).date),
        )
        for s in students
    ]
    decks = [
        DeckRetention(
            d,
            per_article[d.article_id][0],
            per_article[d.article_id][1],
            len(per_article[d.article_id][2]),
        )
        for d in db.session.scalars(select(Deck).where(Deck.article_id.in_(list(per_article))))
        if d.article_id is not None  # always: these are the articles' decks
    ]
    decks.sort(key=lambda d: (d.retention if d.retention is not None else 1.0, d.deck.name))
    questions = {
        q.id: q
        for q in db.session.scalars(select(Question).where(Question.id.in_(list(per_question))))
    }
    hardest = sorted(
        (
            HardCard(questions[qid], n, a, lapses[qid], len(who))
            for qid, (n, a, who) in per_question.items()
            if qid in questions and a > 0
        ),
        key=lambda h: (-h.again_share, -h.reviews, h.question.id),
    )[:10]
    last_day = srs.study_day(now, teacher.timezone, hour).date
    per_day = [
        DayCount(d, class_days[d], class_again[d])
        for d in (last_day - dt.timedelta(days=29 - i) for i in range(30))
    ]
    return ClassStudy(rows, decks, hardest, per_day)
