"""Classes: teachers create them, students join with a code, teachers follow results."""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Answer, Classroom, Enrollment, Question, User
from . import NotAllowed, ServiceError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def create_class(teacher: User, name: str) -> Classroom:
    """A new class with a fresh join code."""
    if not teacher.is_teacher:
        raise NotAllowed("Only teachers create classes.")
    name = name.strip()
    if not name or len(name) > 120:
        raise ServiceError("Give the class a name (at most 120 characters).")
    classroom = Classroom(name=name, join_code=_code(), teacher_id=teacher.id)
    db.session.add(classroom)
    db.session.commit()
    return classroom


def join_class(student: User, code: str) -> Classroom:
    """Join the class with this code (joining twice is harmless)."""
    if student.is_teacher:
        raise ServiceError("Teachers do not join classes; share the code with your students.")
    code = code.strip().upper().replace(" ", "")
    classroom: Classroom | None = db.session.scalar(
        select(Classroom).where(Classroom.join_code == code)
    )
    if classroom is None:
        raise ServiceError("No class has that code; check it with your teacher.")
    exists = db.session.scalar(
        select(Enrollment.id).where(
            Enrollment.classroom_id == classroom.id, Enrollment.student_id == student.id
        )
    )
    if exists is None:
        db.session.add(Enrollment(classroom_id=classroom.id, student_id=student.id))
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
    return classroom


def classes_of_student(student: User) -> list[Classroom]:
    """The classes a student has joined."""
    return list(
        db.session.scalars(
            select(Classroom)
            .join(Enrollment, Enrollment.classroom_id == Classroom.id)
            .where(Enrollment.student_id == student.id)
        )
    )


def classes_of_teacher(teacher: User) -> list[Classroom]:
    """A teacher's own classes."""
    return list(
        db.session.scalars(
            select(Classroom).where(Classroom.teacher_id == teacher.id).order_by(Classroom.name)
        )
    )


def get_class(teacher: User, class_id: int) -> Classroom:
    """One of the teacher's own classes."""
    classroom = db.session.get(Classroom, class_id)
    if classroom is None:
        raise ServiceError("That class does not exist.")
    if classroom.teacher_id != teacher.id:
        raise NotAllowed("That class belongs to another teacher.")
    return classroom


def students_of(classroom: Classroom) -> list[User]:
    """The students who joined a class, by name."""
    return list(
        db.session.scalars(
            select(User)
            .join(Enrollment, Enrollment.student_id == User.id)
            .where(Enrollment.classroom_id == classroom.id)
            .order_by(User.name)
        )
    )


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
    """How a class did on one question: a bad question stands out."""

    question: Question
    answers: int
    correct: int

    @property
    def share(self) -> float:
        """Share of the answers that were right."""
        return self.correct / self.answers if self.answers else 0.0


def report(teacher: User, class_id: int) -> tuple[Classroom, list[StudentRow], list[QuestionRow]]:
    """Each student's scores and activity, and per question the share answered right."""
    classroom = get_class(teacher, class_id)
    students = students_of(classroom)
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
                .where(Answer.student_id.in_(ids))
                .group_by(Answer.student_id)
            )
        }
        for s in students:
            quizzes, answers, correct, last = stats.get(s.id, (0, 0, 0, None))
            rows.append(StudentRow(s, int(quizzes), int(answers), int(correct or 0), last))
    per_question: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    if ids:
        for qid, n, c in db.session.execute(
            select(
                Answer.question_id,
                func.count(Answer.id),
                func.sum(func.cast(Answer.correct, db.Integer)),
            )
            .where(Answer.student_id.in_(ids))
            .group_by(Answer.question_id)
        ):
            per_question[qid] = [int(n), int(c or 0)]
    questions = {
        q.id: q
        for q in db.session.scalars(select(Question).where(Question.id.in_(list(per_question))))
    }
    qrows = sorted(
        (
            QuestionRow(questions[qid], n, c)
            for qid, (n, c) in per_question.items()
            if qid in questions
        ),
        key=lambda r: (r.share, -r.answers),
    )
    return classroom, rows, qrows
