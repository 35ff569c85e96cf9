"""The question bank in the database: articles in, generated drafts, review, authoring."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.exc import IntegrityError

from question_bank import ArticleError, parse_article
from question_bank import Question as BankQuestion
from question_bank.articles import decode_article_bytes, http_url
from question_bank.model import KINDS
from question_bank.pipeline import extract_facts
from question_bank.questions import DistractorPool, generate_questions

from ..extensions import db
from ..models import (
    APPROVED,
    DRAFT,
    REJECTED,
    RETIRED,
    Answer,
    Article,
    Deck,
    DeckQuestion,
    Question,
    QuizAttempt,
    Review,
    StudyCard,
    User,
)
from ..types import utcnow
from . import NotAllowed, ServiceError, access

MAX_ARTICLE_CHARS = 100_000
MAX_TITLE = 300
MAX_SOURCE = 500
# the header lines of an article file (question_bank.articles reads the same keys)
_HEADER_LINE = re.compile(r"^\s*(title|date|source|url)\s*:", re.IGNORECASE)


class DuplicateArticle(ServiceError):
    """The article is already in the bank; ``article_id`` names the one already there."""

    def __init__(self, article_id: int, title: str) -> None:
        super().__init__(f"This article is already in the bank: “{title}” (article {article_id}).")
        self.article_id = article_id
        self.title = title


def article_fingerprint(text: str) -> str:
    """The sha256 of an article's text as a reader sees it: leading ``Title:``/``Date:``/
    ``Source:`` lines dropped, line endings and runs of whitespace made one space, case kept.

    The same story pasted with other line endings, another title or trailing spaces has
    the same fingerprint. Migration 0003 holds a copy of this function for old rows."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = 0
    while start < len(lines) and (not lines[start].strip() or _HEADER_LINE.match(lines[start])):
        start += 1
    body = " ".join(" ".join(lines[start:]).split())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _same_article(owner: User | None, fingerprint: str) -> Article | None:
    """The article with this fingerprint that the owner already sees: theirs or a shared one."""
    owners: ColumnElement[bool] = Article.owner_id.is_(None)
    if owner is not None:
        owners = or_(owners, Article.owner_id == owner.id)
    return db.session.scalar(
        select(Article).where(Article.fingerprint == fingerprint, owners).order_by(Article.id)
    )


def _slug(text: str, limit: int = 60) -> str:
    """A URL-friendly fragment of a title."""
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return words[:limit].rstrip("-") or "article"


def _pool(owner: User | None) -> DistractorPool:
    """Distractors from the approved and draft questions the article's owner may use.

    Another teacher's private questions never lend their facts to this article."""
    pool = DistractorPool()
    visible = (
        Question.owner_id.is_(None)
        if owner is None
        else access.owner_managed(owner, Question.owner_id)
    )
    rows = db.session.scalars(
        select(Question.fact).where(Question.status.in_((APPROVED, DRAFT)), visible).limit(2000)
    )
    pool.add_questions({"fact": fact} for fact in rows)
    return pool


def can_manage_article(user: User, article: Article) -> bool:
    """Teachers manage their own articles and the shared ones (the seeds)."""
    return access.can_manage(user, article)


def can_manage_question(user: User, question: Question) -> bool:
    """Teachers manage their own questions and the shared ones."""
    return access.can_manage(user, question)


def get_article(user: User, article_id: int) -> Article:
    """An article the user may read, or an error (NotAllowed for another's article)."""
    article = db.session.get(Article, article_id)
    if article is None or article.deleted_at is not None:
        raise ServiceError("That article does not exist.")
    if not access.can_see_article(user, article):
        raise NotAllowed("That article belongs to another teacher.")
    return article


def managed_article(user: User, article_id: int) -> tuple[Article, list[Question]]:
    """An article the teacher manages, with all its questions by status."""
    article = get_article(user, article_id)
    if not access.can_manage(user, article):
        raise NotAllowed("That article belongs to another teacher.")
    questions = db.session.scalars(
        select(Question)
        .where(Question.article_id == article.id)
        .order_by(Question.status, Question.id)
    ).all()
    return article, list(questions)


def articles_of(user: User) -> list[tuple[Article, int]]:
    """The articles a teacher manages (own and shared), newest first, with question counts."""
    rows = db.session.execute(
        select(Article, func.count(Question.id))
        .outerjoin(Question, Question.article_id == Article.id)
        .where(access.owner_managed(user, Article.owner_id), Article.deleted_at.is_(None))
        .group_by(Article.id)
        .order_by(Article.created_at.desc())
    ).all()
    return [(article, int(count)) for article, count in rows]


def dashboard_counts(user: User) -> dict[str, int]:
    """Question counts by status and the article count, over what the teacher manages."""
    counts = {
        status: int(n)
        for status, n in db.session.execute(
            select(Question.status, func.count(Question.id))
            .where(access.owner_managed(user, Question.owner_id))
            .group_by(Question.status)
        )
    }
    counts["articles"] = int(
        db.session.scalar(
            select(func.count(Article.id)).where(
                access.owner_managed(user, Article.owner_id), Article.deleted_at.is_(None)
            )
        )
        or 0
    )
    return counts


def check_article(
    text: str | bytes,
    title: str = "",
    published: dt.date | None = None,
    source_url: str = "",
) -> tuple[str, str, str]:
    """The checks :func:`add_article` makes before it generates anything.

    Returns the text, title and source cleaned. Raises :class:`ServiceError` with a
    message for empty, binary, oversized or non-prose text, a title that is too long,
    a source that is no web address, or a header date that cannot be read (unless a
    date is given). Duplicates are found when the article is added.
    """
    if isinstance(text, bytes):
        try:
            text = decode_article_bytes(text, "the file")
        except ArticleError as exc:
            raise ServiceError(f"The upload was refused: {exc.problem}.") from None
    if len(text) > MAX_ARTICLE_CHARS:
        raise ServiceError(
            f"The article is {len(text):,} characters long; the limit is {MAX_ARTICLE_CHARS:,}."
        )
    title = (title or "").strip()
    if len(title) > MAX_TITLE:
        raise ServiceError(f"The title is too long (at most {MAX_TITLE} characters).")
    if source_url and http_url(source_url) is None:
        raise ServiceError("The source must be a web address starting with http:// or https://.")
    if len(source_url.strip()) > MAX_SOURCE:
        raise ServiceError(f"The source URL is too long (at most {MAX_SOURCE} characters).")
    try:
        parsed = parse_article(text, "check")
    except ArticleError as exc:
        raise ServiceError(f"The article was refused: {exc.problem}.") from None
    if parsed.warnings and not published:
        raise ServiceError("The article was refused: " + "; ".join(parsed.warnings) + ".")
    return text, title, source_url.strip()


def add_article(
    owner: User | None,
    text: str | bytes,
    title: str = "",
    published: dt.date | None = None,
    source_url: str = "",
    key: str | None = None,
    on_stored: Callable[[Article, int], None] | None = None,
) -> tuple[Article, int]:
    """Store an article and its generated questions as drafts, all or nothing.

    Returns the article and how many draft questions it gave. Raises
    :class:`ServiceError` with a message for empty, binary, oversized or
    non-prose text (see :func:`check_article`), and :class:`DuplicateArticle` for
    an article already in the bank; nothing is stored then. Generation runs
    before anything is written. ``on_stored(article, drafts)`` is called after
    the rows are added and before the commit, in the same transaction: what it
    writes is committed with them, and if it raises, nothing is stored.
    """
    text, title, source_url = check_article(text, title, published, source_url)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    key = key or f"{_slug(title or text[:80])}-{digest}"
    same_key = db.session.scalar(select(Article).where(Article.key == key))
    if same_key is not None:
        if same_key.owner_id in (None, owner.id if owner else None):
            raise DuplicateArticle(same_key.id, same_key.title)
        # another teacher's private copy: this one gets its own key (and question ids)
        key = f"{key}-{owner.id if owner else 'shared'}"
    try:
        parsed = parse_article(text, key)
    except ArticleError as exc:
        raise ServiceError(f"The article was refused: {exc.problem}.") from None
    fingerprint = article_fingerprint(parsed.text)
    same_text = _same_article(owner, fingerprint)
    if same_text is not None:
        raise DuplicateArticle(same_text.id, same_text.title)
    if title:
        parsed = type(parsed)(
            id=parsed.id,
            text=parsed.text,
            title=title,
            date=published or parsed.date,
            source=source_url or parsed.source,
        )
    elif published or source_url:
        parsed = type(parsed)(
            id=parsed.id,
            text=parsed.text,
            title=parsed.title,
            date=published or parsed.date,
            source=source_url or parsed.source,
        )
    try:
        facts = extract_facts(parsed)
        generated = list(generate_questions(parsed, facts, _pool(owner)))
        article = Article(
            key=key,
            title=parsed.display_title[:MAX_TITLE],
            text=parsed.text,
            published=parsed.date,
            source_url=http_url(parsed.source) if parsed.source else None,
            owner_id=owner.id if owner else None,
            fingerprint=fingerprint,
        )
        db.session.add(article)
        db.session.flush()
        db.session.add(
            Deck(name=article.title[:200], article_id=article.id, owner_id=article.owner_id)
        )
        added = _import(generated, article)
        if on_stored is not None:
            on_stored(article, added)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        same_text = _same_article(owner, fingerprint)  # added by a request at the same time
        if same_text is not None:
            raise DuplicateArticle(same_text.id, same_text.title) from None
        raise
    except Exception:
        db.session.rollback()
        raise
    return article, added


def _import(questions: Iterable[BankQuestion], article: Article) -> int:
    """Insert generated questions as drafts; an id already present is left as it is."""
    added = 0
    for q in questions:
        if db.session.get(Question, q.id) is not None:
            continue
        db.session.add(
            Question(
                id=q.id,
                article_id=article.id,
                kind=q.kind,
                prompt=q.prompt,
                answer=q.answer,
                accepted=list(q.accepted),
                choices=list(q.choices),
                fact=q.fact,
                tags=[q.fact.get("type", "")],
                source_sentence=q.source.sentence,
                source_start=q.source.start,
                source_end=q.source.end,
                status=DRAFT,
                origin="generated",
                owner_id=article.owner_id,
                confidence=getattr(q, "confidence", None),
            )
        )
        added += 1
    return added


def import_seed_articles(seed_dir: str | Path) -> int:
    """Import the seed articles that are not in the bank yet; returns how many."""
    count = 0
    for path in sorted(Path(seed_dir).glob("*.txt")):
        if db.session.scalar(select(Article.id).where(Article.key == path.stem)) is not None:
            continue
        try:
            add_article(None, path.read_bytes(), key=path.stem)
        except ServiceError:
            continue
        count += 1
    return count


def managed_question(user: User, question_id: str) -> Question:
    """A question the teacher may edit: ServiceError when there is none, NotAllowed when
    it is another teacher's."""
    return _managed(user, question_id)


def _managed(user: User, question_id: str) -> Question:
    """A question the teacher may change, or an error."""
    question = db.session.get(Question, question_id)
    if question is None:
        raise ServiceError("That question does not exist.")
    if not can_manage_question(user, question):
        raise NotAllowed("You cannot change another teacher's question.")
    return question


def set_status(user: User, question_ids: Sequence[str], status: str) -> int:
    """Approve, reject or retire questions; returns how many changed."""
    if status not in (APPROVED, REJECTED, RETIRED, DRAFT):
        raise ServiceError("Unknown status.")
    if not question_ids:
        raise ServiceError("Select at least one question.")
    changed = 0
    for qid in question_ids:
        question = _managed(user, qid)
        if question.status != status:
            question.status = status
            question.updated_at = utcnow()
            changed += 1
    db.session.commit()
    return changed


def validate_fields(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Check a question's fields for its kind; returns them cleaned."""
    if kind not in KINDS:
        raise ServiceError(f"Unknown question kind {kind!r}.")
    prompt = str(fields.get("prompt") or "").strip()
    answer = str(fields.get("answer") or "").strip()
    accepted = [a.strip() for a in fields.get("accepted") or [] if a.strip()]
    distractors = [d.strip() for d in fields.get("distractors") or [] if d.strip()]
    if not prompt:
        raise ServiceError("Write the question.")
    if kind == "true_false":
        if answer.lower() not in ("true", "false"):
            raise ServiceError("A true/false question's answer is True or False.")
        answer = answer.capitalize()
        return {"prompt": prompt, "answer": answer, "accepted": [], "choices": ["True", "False"]}
    if not answer:
        raise ServiceError("Give the correct answer.")
    if kind == "cloze" and "___" not in prompt:
        raise ServiceError("A cloze question needs a blank: write ___ where the answer goes.")
    if kind == "mcq":
        lowered = {d.lower() for d in distractors}
        if answer.lower() in lowered:
            raise ServiceError(
                "A distractor repeats the correct answer: "
                "a multiple-choice question has one correct answer."
            )
        if len(lowered) < 2 or len(lowered) != len(distractors):
            raise ServiceError(
                "A multiple-choice question needs at least two different distractors."
            )
        if len(distractors) > 5:
            raise ServiceError("Give at most five distractors.")
        choices = [answer, *distractors]
        rng = secrets.SystemRandom()
        rng.shuffle(choices)
        return {"prompt": prompt, "answer": answer, "accepted": [], "choices": choices}
    return {"prompt": prompt, "answer": answer, "accepted": accepted, "choices": []}


def create_question(
    user: User, kind: str, fields: dict[str, Any], tags: Sequence[str] = ()
) -> Question:
    """A teacher's own question, approved at once (the teacher wrote it)."""
    if not user.is_teacher:
        raise NotAllowed("Only teachers write questions.")
    clean = validate_fields(kind, fields)
    question = Question(
        id="t_" + secrets.token_hex(8),
        kind=kind,
        fact={"type": "authored"},
        tags=[t.strip() for t in tags if t.strip()],
        status=APPROVED,
        origin="authored",
        owner_id=user.id,
        **clean,
    )
    db.session.add(question)
    db.session.commit()
    return question


def edit_question(
    user: User, question_id: str, fields: dict[str, Any], approve: bool = False
) -> Question:
    """Change a question's text, keeping its id (history and exports stay linked)."""
    question = _managed(user, question_id)
    clean = validate_fields(question.kind, fields)
    if question.kind == "mcq" and set(clean["choices"]) == set(question.choices or []):
        clean["choices"] = list(question.choices)  # same options: keep their order
    for key, value in clean.items():
        setattr(question, key, value)
    question.version += 1
    question.updated_at = utcnow()
    if approve:
        question.status = APPROVED
    db.session.commit()
    return question


# -- deleting an article -----------------------------------------------------------------


@dataclass(frozen=True)
class ArticleDeletion:
    """What deleting an article does, counted before it is done (and done as counted).

    Questions nobody answered or studied are deleted; those with history (quiz answers,
    flashcards, reviews) are kept, retired, so that history and scores stay whole."""

    article: Article
    drafts: int
    unused: int
    kept: int
    kept_in_use: int
    quizzes: int
    decks: list[str]

    @property
    def deleted(self) -> int:
        """Questions deleted: the drafts and the others nobody answered or studied."""
        return self.drafts + self.unused


def _with_history(question_ids: Sequence[str]) -> set[str]:
    """The questions that have answers, flashcards or reviews."""
    if not question_ids:
        return set()
    ids = list(question_ids)
    found: set[str] = set()
    for column in (Answer.question_id, StudyCard.question_id, Review.question_id):
        found.update(db.session.scalars(select(column).where(column.in_(ids)).distinct()))
    return found


def _deletion(user: User, article_id: int) -> tuple[ArticleDeletion, list[Question], set[str]]:
    """The plan, the article's questions and those with history."""
    article = get_article(user, article_id)
    if not access.can_manage(user, article):
        raise NotAllowed("That article belongs to another teacher.")
    if article.owner_id is None:
        raise NotAllowed(
            "Shared articles (the seeds) belong to every teacher; they cannot be deleted here."
        )
    questions = list(db.session.scalars(select(Question).where(Question.article_id == article.id)))
    history = _with_history([q.id for q in questions])
    deck_id = db.session.scalar(select(Deck.id).where(Deck.article_id == article.id))
    quizzes = (
        int(
            db.session.scalar(
                select(func.count(QuizAttempt.id)).where(QuizAttempt.deck_id == deck_id)
            )
            or 0
        )
        if deck_id is not None
        else 0
    )
    decks = sorted(
        set(
            db.session.scalars(
                select(Deck.name)
                .join(DeckQuestion, DeckQuestion.deck_id == Deck.id)
                .where(DeckQuestion.question_id.in_([q.id for q in questions]))
            )
        )
    )
    plan = ArticleDeletion(
        article=article,
        drafts=sum(1 for q in questions if q.id not in history and q.status == DRAFT),
        unused=sum(1 for q in questions if q.id not in history and q.status != DRAFT),
        kept=len(history),
        kept_in_use=sum(1 for q in questions if q.id in history and q.status == APPROVED),
        quizzes=quizzes,
        decks=decks,
    )
    return plan, questions, history


def deletion_plan(user: User, article_id: int) -> ArticleDeletion:
    """What deleting the article would do (for the confirmation page)."""
    return _deletion(user, article_id)[0]


def delete_article(user: User, article_id: int) -> ArticleDeletion:
    """Delete one of the teacher's articles, as :func:`deletion_plan` says.

    The drafts and the questions nobody answered or studied are deleted (and leave the
    teacher's decks). Questions with history are retired and kept. The article's text
    is erased; its row stays as a tombstone (renamed key, no fingerprint, so the same
    article can be added again) for the questions and quizzes that refer to it, and it
    leaves every list, page and deck list with its deck."""
    plan, questions, history = _deletion(user, article_id)
    article = plan.article
    doomed = [q.id for q in questions if q.id not in history]
    now = utcnow()
    try:
        if doomed:
            db.session.execute(delete(DeckQuestion).where(DeckQuestion.question_id.in_(doomed)))
            db.session.execute(delete(Question).where(Question.id.in_(doomed)))
        for q in questions:
            if q.id in history and q.status in (APPROVED, DRAFT):
                q.status = RETIRED
                q.updated_at = now
        article.deleted_at = now
        article.text = ""
        article.fingerprint = None
        article.key = f"deleted-{article.id}-{article.key}"[:120]
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return plan
