"""Decks a teacher builds: by tag, by article, or question by question."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import APPROVED, Article, Deck, DeckQuestion, Question, QuizAttempt, User
from ..types import utcnow
from . import NotAllowed, ServiceError, access, review


def create_deck(
    teacher: User, name: str, description: str = "", question_ids: Sequence[str] = (), tag: str = ""
) -> Deck:
    """A teacher's deck of approved questions, picked by hand and/or by tag."""
    if not teacher.is_teacher:
        raise NotAllowed("Only teachers create decks.")
    name = name.strip()
    if not name or len(name) > 200:
        raise ServiceError("Give the deck a name (at most 200 characters).")
    chosen = set(question_ids)
    usable = access.owner_managed(teacher, Question.owner_id)
    if chosen:
        foreign = db.session.scalar(
            select(func.count(Question.id)).where(Question.id.in_(chosen), ~usable)
        )
        if foreign:
            raise NotAllowed("A deck can only hold your own questions and the shared ones.")
    if tag.strip():
        wanted = tag.strip().lower()
        for q in db.session.scalars(select(Question).where(Question.status == APPROVED, usable)):
            if wanted in [t.lower() for t in q.tags or []]:
                chosen.add(q.id)
    approved = set(
        db.session.scalars(
            select(Question.id).where(Question.id.in_(chosen), Question.status == APPROVED, usable)
        )
    )
    if not approved:
        raise ServiceError("Choose at least one approved question (by hand or by tag).")
    deck = Deck(name=name, description=description.strip(), owner_id=teacher.id)
    db.session.add(deck)
    db.session.flush()
    for qid in sorted(approved):
        db.session.add(DeckQuestion(deck_id=deck.id, question_id=qid))
    db.session.commit()
    return deck


def teacher_decks(teacher: User) -> list[Deck]:
    """The teacher's own decks."""
    return list(
        db.session.scalars(
            select(Deck)
            .where(
                Deck.owner_id == teacher.id, Deck.article_id.is_(None), Deck.deleted_at.is_(None)
            )
            .order_by(Deck.name)
        )
    )


# -- editing a deck ----------------------------------------------------------------------


def managed_deck(teacher: User, deck_id: int) -> Deck:
    """A deck the teacher may edit: one built by hand, theirs (or shared)."""
    deck = db.session.get(Deck, deck_id)
    if deck is None or deck.deleted_at is not None:
        raise ServiceError("That deck does not exist.")
    if not access.can_manage(teacher, deck):
        raise NotAllowed("That deck belongs to another teacher.")
    if deck.article_id is not None:
        raise NotAllowed(
            "An article's deck holds the article's approved questions; "
            "build a deck of your own to choose them."
        )
    return deck


def update_deck(teacher: User, deck_id: int, name: str, description: str) -> Deck:
    """Rename and describe one of the teacher's decks."""
    deck = managed_deck(teacher, deck_id)
    name = name.strip()
    if not name or len(name) > 200:
        raise ServiceError("Give the deck a name (at most 200 characters).")
    if len(description) > 2000:
        raise ServiceError("The description is too long (at most 2,000 characters).")
    deck.name = name
    deck.description = description.strip()
    db.session.commit()
    return deck


@dataclass(frozen=True)
class DeckContents:
    """A deck's questions as its editor shows them, with their articles' titles."""

    deck: Deck
    questions: list[Question]
    titles: dict[int, str]

    @property
    def in_use(self) -> int:
        """The approved questions: the ones quizzes and flashcards draw on."""
        return sum(1 for q in self.questions if q.status == APPROVED)


def deck_contents(teacher: User, deck_id: int) -> DeckContents:
    """The deck's questions (approved ones first), for its editor."""
    deck = managed_deck(teacher, deck_id)
    questions = list(
        db.session.scalars(
            select(Question)
            .join(DeckQuestion, DeckQuestion.question_id == Question.id)
            .where(DeckQuestion.deck_id == deck.id)
            .order_by(Question.status != APPROVED, Question.prompt, Question.id)
        )
    )
    return DeckContents(deck, questions, _titles(questions))


def _titles(questions: Sequence[Question]) -> dict[int, str]:
    """Article id -> title, for the questions' articles."""
    ids = {q.article_id for q in questions if q.article_id is not None}
    if not ids:
        return {}
    return {
        int(i): str(t)
        for i, t in db.session.execute(select(Article.id, Article.title).where(Article.id.in_(ids)))
    }


def pick_list(
    teacher: User, filters: review.Filters, page: int = 1, deck_id: int | None = None
) -> review.Listing:
    """Approved questions the teacher may put in a deck (their own and the shared ones),
    filtered and searched, a page at a time; those already in ``deck_id`` are left out."""
    filters = replace(filters, status=APPROVED)
    exclude = None
    if deck_id is not None:
        exclude = select(DeckQuestion.question_id).where(DeckQuestion.deck_id == deck_id)
    return review.listing(teacher, filters, page, exclude=exclude)


def change_questions(
    teacher: User, deck_id: int, add: Sequence[str] = (), remove: Sequence[str] = ()
) -> tuple[int, int]:
    """Add approved questions to a deck and take others out; returns (added, removed).

    Only the teacher's own and shared questions can go in. Taking a question out of a
    deck keeps it in the bank, with every answer and review."""
    deck = managed_deck(teacher, deck_id)
    usable = access.owner_managed(teacher, Question.owner_id)
    wanted = set(add) - set(remove)
    if wanted:
        foreign = db.session.scalar(
            select(func.count(Question.id)).where(Question.id.in_(wanted), ~usable)
        )
        if foreign:
            raise NotAllowed("A deck can only hold your own questions and the shared ones.")
    present = set(
        db.session.scalars(select(DeckQuestion.question_id).where(DeckQuestion.deck_id == deck.id))
    )
    to_add = set(
        db.session.scalars(
            select(Question.id).where(
                Question.id.in_(wanted - present), Question.status == APPROVED, usable
            )
        )
    )
    to_remove = set(remove) & present
    if not to_add and not to_remove:
        raise ServiceError("Select the questions to add or to take out.")
    try:
        for qid in sorted(to_add):
            db.session.add(DeckQuestion(deck_id=deck.id, question_id=qid))
        if to_remove:
            db.session.execute(
                delete(DeckQuestion).where(
                    DeckQuestion.deck_id == deck.id, DeckQuestion.question_id.in_(to_remove)
                )
            )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ServiceError("The deck changed meanwhile; try again.") from None
    return len(to_add), len(to_remove)


@dataclass(frozen=True)
class DeckEditor:
    """What a deck's editor shows: the deck's questions and a page of questions to add."""

    contents: DeckContents
    picks: review.Listing


def editor(teacher: User, deck_id: int, filters: review.Filters, page: int = 1) -> DeckEditor:
    """The deck's questions, and the questions the teacher may add (filtered, a page)."""
    contents = deck_contents(teacher, deck_id)
    return DeckEditor(contents, pick_list(teacher, filters, page, deck_id=contents.deck.id))


# -- deleting a deck ---------------------------------------------------------------------


@dataclass(frozen=True)
class DeckDeletion:
    """What deleting a deck does: its questions stay in the bank, its quizzes in the
    students' history; ``only_here`` questions are in no other deck students can take."""

    deck: Deck
    questions: int
    only_here: int
    quizzes: int
    students: int


def deletion_plan(teacher: User, deck_id: int) -> DeckDeletion:
    """What deleting one of the teacher's decks would do (nothing is changed)."""
    deck = managed_deck(teacher, deck_id)
    ids = list(
        db.session.scalars(select(DeckQuestion.question_id).where(DeckQuestion.deck_id == deck.id))
    )
    elsewhere: set[str] = set()
    if ids:
        # in another live deck, or in their article's deck (a live article)
        elsewhere |= set(
            db.session.scalars(
                select(DeckQuestion.question_id)
                .join(Deck, Deck.id == DeckQuestion.deck_id)
                .where(
                    DeckQuestion.question_id.in_(ids),
                    DeckQuestion.deck_id != deck.id,
                    Deck.deleted_at.is_(None),
                )
            )
        )
        elsewhere |= set(
            db.session.scalars(
                select(Question.id)
                .join(Article, Article.id == Question.article_id)
                .where(Question.id.in_(ids), Article.deleted_at.is_(None))
            )
        )
    quizzes, students = db.session.execute(
        select(func.count(QuizAttempt.id), func.count(func.distinct(QuizAttempt.student_id))).where(
            QuizAttempt.deck_id == deck.id
        )
    ).one()
    return DeckDeletion(deck, len(ids), len(set(ids) - elsewhere), int(quizzes), int(students))


def delete_deck(teacher: User, deck_id: int) -> DeckDeletion:
    """Delete one of the teacher's decks. Its questions stay in the bank with every answer
    and review; students' flashcards of them stay theirs. A deck no quiz was taken on goes
    altogether; one with quizzes stays as a tombstone that their history names."""
    plan = deletion_plan(teacher, deck_id)
    try:
        db.session.execute(delete(DeckQuestion).where(DeckQuestion.deck_id == plan.deck.id))
        if plan.quizzes:
            plan.deck.deleted_at = utcnow()
        else:
            db.session.delete(plan.deck)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return plan
