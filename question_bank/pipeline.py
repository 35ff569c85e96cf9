"""The library's steps as typed functions: load, analyse, extract, generate.

    article = load_article("seeds/000_ac724d6cf199b366.txt")
    facts = extract_facts(article)
    questions = list(generate_questions(article, facts))

For many articles, :func:`generate_bank` parses them in batches with
``nlp.pipe`` and streams questions out, holding one batch at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .analysis import Analysis
from .extractors import run_extractors
from .model import KINDS, Article, Fact, Question
from .nlp import get_nlp
from .questions import DistractorPool, generate_questions


def analyse(article: Article, doc: Doc | None = None, nlp: Language | None = None) -> Analysis:
    """Parse an article (unless ``doc`` is given) and read its people and references."""
    if doc is None:
        doc = (nlp or get_nlp())(article.nlp_text)
    return Analysis(article, doc)


def extract_facts(
    article: Article, doc: Doc | None = None, nlp: Language | None = None
) -> list[Fact]:
    """The facts of one article, each stated once, in the order of the text."""
    facts = list(run_extractors(analyse(article, doc, nlp)))
    facts.sort(key=lambda f: (f.source.start, f.type))
    return facts


@dataclass(frozen=True)
class ArticleResult:
    """One article's facts and questions (which carry the article's title and date)."""

    article: Article
    facts: list[Fact]
    questions: list[Question]
    # an unexpected failure while reading this one article (a bug): the others go on
    error: Exception | None = None


def process_articles(
    articles: Iterable[Article],
    pool: DistractorPool | None = None,
    kinds: Sequence[str] = KINDS,
    nlp: Language | None = None,
    batch_size: int = 32,
) -> Iterator[ArticleResult]:
    """Facts and questions for many articles, parsed in batches, streamed in order."""
    pipeline = nlp
    pool = pool if pool is not None else DistractorPool()
    it = iter(articles)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        if pipeline is None:  # loaded only when there is an article to parse
            pipeline = get_nlp()
        docs = pipeline.pipe((a.nlp_text for a in batch), batch_size=batch_size)
        for article, doc in zip(batch, docs, strict=True):
            try:
                facts = extract_facts(article, doc)
                questions = [
                    with_article(q, article)
                    for q in generate_questions(article, facts, pool, kinds)
                ]
            except Exception as exc:
                yield ArticleResult(article, [], [], error=exc)
                continue
            yield ArticleResult(article, facts, questions)


def with_article(question: Question, article: Article) -> Question:
    """The question carrying its article's title and date (for the bank line and cards)."""
    date = article.date.isoformat() if article.date else None
    return replace(question, article_title=article.display_title or None, article_date=date)


def generate_bank(
    articles: Iterable[Article],
    pool: DistractorPool | None = None,
    kinds: Sequence[str] = KINDS,
    nlp: Language | None = None,
) -> Iterator[Question]:
    """Every question for every article, streamed."""
    for result in process_articles(articles, pool, kinds, nlp):
        if result.error is not None:
            raise result.error
        yield from result.questions
