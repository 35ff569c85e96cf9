"""Classes: teachers create them, students join with a code, teachers follow results."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Answer, Classroom, Enrollment, User
from ..types import utcnow
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


def joinable(code: str) -> Classroom:
    """The class a join code opens (ServiceError for an unknown code or an archived class)."""
    code = code.strip().upper().replace(" ", "")
    classroom: Classroom | None = db.session.scalar(
        select(Classroom).where(Classroom.join_code == code)
    )
    if classroom is None:
        raise ServiceError("No class has that code; check it with your teacher.")
    if classroom.archived:
        raise ServiceError(
            f"{classroom.name} is archived and takes no new students; ask your teacher."
        )
    return classroom


def join_class(student: User, code: str) -> Classroom:
    """Join the class with this code (joining twice is harmless)."""
    if student.is_teacher:
        raise ServiceError("Teachers do not join classes; share the code with your students.")
    classroom = joinable(code)
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


def classes_of_teacher(teacher: User, archived: bool = False) -> list[Classroom]:
    """A teacher's own current classes (or the archived ones)."""
    archived_at = Classroom.archived_at
    return list(
        db.session.scalars(
            select(Classroom)
            .where(
                Classroom.teacher_id == teacher.id,
                archived_at.is_not(None) if archived else archived_at.is_(None),
            )
            .order_by(Classroom.name)
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


# -- changing a class ----------------------------------------------------------------------


def rename_class(teacher: User, class_id: int, name: str) -> Classroom:
    """Give one of the teacher's classes another name."""
    classroom = get_class(teacher, class_id)
    name = name.strip()
    if not name or len(name) > 120:
        raise ServiceError("Give the class a name (at most 120 characters).")
    classroom.name = name
    db.session.commit()
    return classroom


def set_archived(teacher: User, class_id: int, archived: bool) -> Classroom:
    """Archive a class (its code stops working; its students, their access to the
    teacher's decks and its report stay), or bring it back."""
    classroom = get_class(teacher, class_id)
    classroom.archived_at = (classroom.archived_at or utcnow()) if archived else None
    db.session.commit()
    return classroom


@dataclass(frozen=True)
class Leaving:
    """What a student leaving a class (or removed from it) means for the data."""

    classroom: Classroom
    student: User
    answers: int
    other_classes: int  # the student's other classes with the same teacher

    @property
    def keeps_access(self) -> bool:
        """Whether the student still sees the teacher's decks through another class."""
        return self.other_classes > 0


def _leaving(classroom: Classroom, student_id: int) -> Leaving:
    """The plan for one member of a class (ServiceError when not a member)."""
    student = db.session.scalar(
        select(User)
        .join(Enrollment, Enrollment.student_id == User.id)
        .where(Enrollment.classroom_id == classroom.id, User.id == student_id)
    )
    if student is None:
        raise ServiceError("That student is not in this class.")
    answers = db.session.scalar(
        select(func.count(Answer.id)).where(Answer.student_id == student_id)
    )
    others = db.session.scalar(
        select(func.count(Enrollment.id))
        .join(Classroom, Classroom.id == Enrollment.classroom_id)
        .where(
            Enrollment.student_id == student_id,
            Classroom.teacher_id == classroom.teacher_id,
            Classroom.id != classroom.id,
        )
    )
    return Leaving(classroom, student, int(answers or 0), int(others or 0))


def removal_plan(teacher: User, class_id: int, student_id: int) -> Leaving:
    """What removing a student from one of the teacher's classes means."""
    return _leaving(get_class(teacher, class_id), student_id)


def remove_student(teacher: User, class_id: int, student_id: int) -> Leaving:
    """Take a student out of one of the teacher's classes. Their answers, flashcards and
    reviews stay theirs; they leave the class report, and see the teacher's decks only
    through another class of the teacher."""
    plan = removal_plan(teacher, class_id, student_id)
    _unenrol(plan)
    return plan


def _membership(student: User, class_id: int) -> Classroom:
    """A class the student is in (NotAllowed for one they are not in)."""
    classroom = db.session.get(Classroom, class_id)
    if classroom is None:
        raise ServiceError("That class does not exist.")
    member = db.session.scalar(
        select(Enrollment.id).where(
            Enrollment.classroom_id == classroom.id, Enrollment.student_id == student.id
        )
    )
    if member is None:
        raise NotAllowed("You are not in that class.")
    return classroom


def leaving_plan(student: User, class_id: int) -> Leaving:
    """What leaving one of the student's classes means."""
    return _leaving(_membership(student, class_id), student.id)


def leave_class(student: User, class_id: int) -> Leaving:
    """The student leaves one of their classes; their history stays theirs."""
    plan = leaving_plan(student, class_id)
    _unenrol(plan)
    return plan


def _unenrol(plan: Leaving) -> None:
    """Delete the enrollment (the only row that goes)."""
    try:
        db.session.execute(
            delete(Enrollment).where(
                Enrollment.classroom_id == plan.classroom.id,
                Enrollment.student_id == plan.student.id,
            )
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
