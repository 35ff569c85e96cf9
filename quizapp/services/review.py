"""The review queue and the Questions page: filters, a search box, pages of 25, the
drafts of one fact side by side, and "approve all" that says how many first."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Select, Text, cast, func, or_, select, update

from question_bank.model import KINDS

from ..extensions import db
from ..models import APPROVED, DRAFT, STATUSES, Article, Question, User
from ..types import utcnow
from . import NotAllowed, ServiceError, access

PER_PAGE = 25
# the generator's confidence, in bands a teacher can pick: [low, high)
CONFIDENCE_BANDS: dict[str, tuple[float, float]] = {
    "low": (0.0, 0.5),
    "medium": (0.5, 0.8),
    "high": (0.8, 1.01),
}
CONFIDENCE_LABELS = {
    "low": "Low (under 0.5)",
    "medium": "Medium (0.5 to 0.8)",
    "high": "High (0.8 and over)",
    "unrated": "Not rated",
}
MAX_SEARCH = 200


class QueueChanged(ServiceError):
    """The drafts that match changed since the teacher confirmed: nothing was approved."""

    def __init__(self, count: int) -> None:
        super().__init__(
            f"The queue changed since you confirmed: {count} draft"
            f"{'' if count == 1 else 's'} match now. Nothing was approved; check and confirm again."
        )
        self.count = count


@dataclass(frozen=True)
class Filters:
    """What a list of questions is narrowed to. Empty values mean "any"."""

    status: str = DRAFT
    article: int | None = None
    kind: str = ""
    fact_type: str = ""
    confidence: str = ""
    q: str = ""

    @classmethod
    def from_args(cls, args: Mapping[str, str], status: str = DRAFT) -> Filters:
        """Filters from a page's query arguments; a value that means nothing is dropped."""
        status = args.get("status", status) or status
        if status not in STATUSES:
            status = DRAFT
        try:
            article: int | None = int(args.get("article", "") or "")
        except ValueError:
            article = None
        kind = args.get("kind", "")
        confidence = args.get("confidence", "")
        return cls(
            status=status,
            article=article,
            kind=kind if kind in KINDS else "",
            fact_type=(args.get("fact_type", "") or "").strip()[:40],
            confidence=confidence if confidence in CONFIDENCE_LABELS else "",
            q=" ".join((args.get("q", "") or "").split())[:MAX_SEARCH],
        )

    def args(self, with_status: bool = False) -> dict[str, Any]:
        """The filters as query arguments (only those set), for links that keep them."""
        out: dict[str, Any] = {"status": self.status} if with_status else {}
        for key in ("article", "kind", "fact_type", "confidence", "q"):
            value = getattr(self, key)
            if value not in (None, ""):
                out[key] = value
        return out

    @property
    def narrowed(self) -> bool:
        """Whether any filter besides the status is set."""
        return bool(self.args())


def matching(user: User, filters: Filters) -> Select[Any]:
    """The questions the teacher manages that match the filters (not ordered)."""
    stmt = select(Question).where(
        Question.status == filters.status, access.owner_managed(user, Question.owner_id)
    )
    if filters.article is not None:
        stmt = stmt.where(Question.article_id == filters.article)
    if filters.kind:
        stmt = stmt.where(Question.kind == filters.kind)
    if filters.fact_type:
        stmt = stmt.where(Question.fact["type"].as_string() == filters.fact_type)
    if filters.confidence == "unrated":
        stmt = stmt.where(Question.confidence.is_(None))
    elif filters.confidence in CONFIDENCE_BANDS:
        low, high = CONFIDENCE_BANDS[filters.confidence]
        stmt = stmt.where(Question.confidence >= low, Question.confidence < high)
    if filters.q:
        words = filters.q.lower().split()
        for word in words:
            stmt = stmt.where(
                or_(
                    func.lower(Question.prompt).contains(word, autoescape=True),
                    func.lower(Question.answer).contains(word, autoescape=True),
                    func.lower(func.coalesce(Question.source_sentence, "")).contains(
                        word, autoescape=True
                    ),
                )
            )
    return stmt


def fact_key(question: Question) -> str:
    """Questions about the same fact of an article share this key (the mcq, short answer,
    cloze and true/false of one fact); a question with no fact of its own is alone."""
    fact = question.fact or {}
    if question.article_id is None or set(fact) <= {"type"}:
        return f"q:{question.id}"
    return f"{question.article_id}:{json.dumps(fact, sort_keys=True)}"


@dataclass(frozen=True)
class Group:
    """The questions of one fact on a page (one question when it stands alone)."""

    key: str
    questions: list[Question]
    continued: bool = False
    continues: bool = False

    @property
    def first(self) -> Question:
        """The group's first question (its article and source sentence stand for all)."""
        return self.questions[0]


@dataclass(frozen=True)
class Choices:
    """What the filter menus offer: the values present among the listed status."""

    articles: list[tuple[int, str, int]]
    fact_types: list[str]
    kinds: tuple[str, ...] = KINDS
    rated: bool = False

    @property
    def confidence_labels(self) -> dict[str, str]:
        """The confidence bands a teacher can filter by, with their labels."""
        return CONFIDENCE_LABELS


@dataclass(frozen=True)
class Listing:
    """One page of a filtered list of questions."""

    filters: Filters
    page: int
    pages: int
    total: int
    groups: list[Group]
    choices: Choices
    per_page: int = PER_PAGE
    titles: dict[int, str] = field(default_factory=dict)

    @property
    def questions(self) -> list[Question]:
        """The page's questions in order."""
        return [q for g in self.groups for q in g.questions]

    @property
    def first_index(self) -> int:
        """The 1-based number of the page's first question in the whole list."""
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        """The 1-based number of the page's last question in the whole list."""
        return min(self.page * self.per_page, self.total)

    def neighbour(self, question_id: str) -> str | None:
        """The question after this one on the page (else the one before): where the
        teacher's place is once this one leaves the list."""
        ids = [q.id for q in self.questions]
        if question_id not in ids:
            return None
        i = ids.index(question_id)
        if i + 1 < len(ids):
            return ids[i + 1]
        return ids[i - 1] if i > 0 else None

    def page_numbers(self, around: int = 2) -> list[int | None]:
        """Page links to show: the first, the last, and those near this one (None: a gap)."""
        wanted = {1, self.pages, *range(self.page - around, self.page + around + 1)}
        shown = sorted(n for n in wanted if 1 <= n <= self.pages)
        out: list[int | None] = []
        previous = 0
        for n in shown:
            if previous and n - previous > 1:
                out.append(None)
            out.append(n)
            previous = n
        return out


def _choices(user: User, status: str) -> Choices:
    """The filter menus' values among the teacher's questions of this status."""
    managed = access.owner_managed(user, Question.owner_id)
    articles = [
        (int(i), str(t), int(n))
        for i, t, n in db.session.execute(
            select(Article.id, Article.title, func.count(Question.id))
            .join(Question, Question.article_id == Article.id)
            .where(Question.status == status, managed)
            .group_by(Article.id, Article.title)
            .order_by(Article.title, Article.id)
        )
    ]
    fact_type = Question.fact["type"].as_string()
    fact_types = sorted(
        str(t)
        for t in db.session.scalars(
            select(fact_type).where(Question.status == status, managed).distinct()
        )
        if t
    )
    rated = (
        db.session.scalar(
            select(Question.id)
            .where(Question.status == status, managed, Question.confidence.is_not(None))
            .limit(1)
        )
        is not None
    )
    return Choices(articles, fact_types, rated=rated)


def listing(
    user: User,
    filters: Filters,
    page: int = 1,
    per_page: int = PER_PAGE,
    exclude: Select[Any] | None = None,
) -> Listing:
    """A page of the teacher's questions that match the filters.

    Drafts (the review queue) come by article, oldest first, and the drafts of one fact
    side by side, grouped; other statuses come most recently changed first. A page past
    the end shows the last page. ``exclude``: a subquery of question ids to leave out."""
    if not user.is_teacher:
        raise NotAllowed("Only teachers review questions.")
    base = matching(user, filters)
    if exclude is not None:
        base = base.where(Question.id.not_in(exclude))
    total = int(db.session.scalar(select(func.count()).select_from(base.subquery())) or 0)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    if filters.status == DRAFT:
        order: list[Any] = [
            Question.article_id.is_(None),
            Question.article_id,
            cast(Question.fact, Text),
            Question.kind,
            Question.id,
        ]
    else:
        order = [Question.updated_at.desc(), Question.id]
    rows = list(
        db.session.scalars(base.order_by(*order).offset((page - 1) * per_page).limit(per_page + 1))
    )
    after = rows[per_page] if len(rows) > per_page else None
    rows = rows[:per_page]
    before = None
    if page > 1 and rows:
        before = db.session.scalar(base.order_by(*order).offset((page - 1) * per_page - 1).limit(1))
    groups: list[Group] = []
    for q in rows:
        key = fact_key(q) if filters.status == DRAFT else f"q:{q.id}"
        if groups and groups[-1].key == key:
            groups[-1].questions.append(q)
        else:
            groups.append(Group(key, [q]))
    if groups and before is not None and fact_key(before) == groups[0].key:
        groups[0] = Group(groups[0].key, groups[0].questions, continued=True)
    if groups and after is not None and fact_key(after) == groups[-1].key:
        last = groups[-1]
        groups[-1] = Group(last.key, last.questions, last.continued, continues=True)
    ids = {q.article_id for q in rows if q.article_id is not None}
    titles = (
        dict(db.session.execute(select(Article.id, Article.title).where(Article.id.in_(ids))).all())
        if ids
        else {}
    )
    return Listing(
        filters, page, pages, total, groups, _choices(user, filters.status), per_page, titles
    )


def count_matching(user: User, filters: Filters) -> int:
    """How many of the teacher's questions match the filters (for "approve all")."""
    if not user.is_teacher:
        raise NotAllowed("Only teachers review questions.")
    return int(
        db.session.scalar(select(func.count()).select_from(matching(user, filters).subquery())) or 0
    )


def approve_all(user: User, filters: Filters, expected: int) -> int:
    """Approve every draft that matches the filters, once the teacher has seen how many.

    ``expected`` is the number the confirmation showed; when the drafts that match now
    are another number, nothing is approved (:class:`QueueChanged`)."""
    filters = replace(filters, status=DRAFT)
    count = count_matching(user, filters)
    if count == 0:
        raise ServiceError("No draft matches these filters.")
    if count != expected:
        raise QueueChanged(count)
    ids = matching(user, filters).with_only_columns(Question.id).scalar_subquery()
    try:
        db.session.execute(
            update(Question)
            .where(Question.id.in_(ids))
            .values(status=APPROVED, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return count
