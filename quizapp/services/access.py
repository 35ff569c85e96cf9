"""The one access policy: who may see and who may change articles, questions and decks.

- Shared content (the seeds: no owner) is seen by everyone who is logged in, and
  managed by every teacher.
- A teacher's own content is theirs alone: other teachers neither see nor use it.
- A student sees a teacher's articles and decks only through a class of that teacher.

Every route and service that shows or changes such content asks this module, either
one object at a time (``can_*``) or as a SQL condition on an owner column
(:func:`owner_visible`), so that lists and single pages never disagree.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from ..extensions import db
from ..models import Article, ArticleJob, Classroom, Deck, Enrollment, Question, User


def teachers_of(student_id: int) -> Select[Any]:
    """Ids of the teachers whose classes the student has joined (a subquery)."""
    return (
        select(Classroom.teacher_id)
        .join(Enrollment, Enrollment.classroom_id == Classroom.id)
        .where(Enrollment.student_id == student_id)
    )


def owner_visible(user: User, owner_column: Any) -> ColumnElement[bool]:
    """A condition on an owner column: the row is shared, or this user may see it."""
    if user.is_teacher:
        return or_(owner_column.is_(None), owner_column == user.id)
    return or_(owner_column.is_(None), owner_column.in_(teachers_of(user.id)))


def owner_managed(user: User, owner_column: Any) -> ColumnElement[bool]:
    """A condition on an owner column: rows this teacher manages (own or shared)."""
    return or_(owner_column.is_(None), owner_column == user.id)


def can_see_owned(user: User, owner_id: int | None) -> bool:
    """Whether content with this owner is visible to the user."""
    if owner_id is None or owner_id == user.id:
        return True
    if user.is_teacher:
        return False
    return (
        db.session.scalar(
            select(Classroom.id)
            .join(Enrollment, Enrollment.classroom_id == Classroom.id)
            .where(Enrollment.student_id == user.id, Classroom.teacher_id == owner_id)
            .limit(1)
        )
        is not None
    )


def can_see_article(user: User, article: Article) -> bool:
    """Shared articles for all; a teacher's own for that teacher and their students."""
    return can_see_owned(user, article.owner_id)


def can_see_deck(user: User, deck: Deck) -> bool:
    """Shared decks for all; a teacher's decks (article decks too) for them and their students."""
    return can_see_owned(user, deck.owner_id)


def can_manage(user: User, obj: Article | Question | Deck) -> bool:
    """Teachers change their own content and the shared content; nobody else changes it."""
    return user.is_teacher and obj.owner_id in (None, user.id)


def can_use_question(user: User, question: Question) -> bool:
    """A question a teacher may put in a deck: their own or a shared one."""
    return can_manage(user, question)


def visible_article_ids(user: User) -> Select[Any]:
    """Ids of the articles the user may see (a subquery); deleted ones are gone."""
    return select(Article.id).where(
        owner_visible(user, Article.owner_id), Article.deleted_at.is_(None)
    )


def can_see_job(user: User, job: ArticleJob) -> bool:
    """An article job (queued, generating or ended) is seen by the teacher who made it alone."""
    return user.is_teacher and job.owner_id == user.id


def own_jobs(user: User) -> ColumnElement[bool]:
    """A condition on article jobs: the ones this teacher made."""
    return ArticleJob.owner_id == user.id
