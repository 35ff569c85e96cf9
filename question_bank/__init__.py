"""question_bank: turn news articles into verifiable quiz questions.

The pipeline, each step a typed function::

    load_article(path) -> Article
    extract_facts(article) -> list[Fact]
    generate_questions(article, facts) -> Iterator[Question]

The types live in :mod:`question_bank.model`. The generator (and spaCy with it) is
imported only when one of its functions is first used, so grading and the exporters
stay light. This package never imports Flask; the web app builds on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .articles import load_article, parse_article
from .model import (
    BLANK,
    KINDS,
    Article,
    ArticleError,
    Fact,
    Grade,
    Kind,
    Meeting,
    Quantity,
    Question,
    Role,
    Source,
    Term,
    Trip,
    Visit,
)

if TYPE_CHECKING:
    from .pipeline import extract_facts, generate_bank, process_articles
    from .questions import DistractorPool, generate_questions

_LAZY = {
    "extract_facts": "pipeline",
    "generate_bank": "pipeline",
    "process_articles": "pipeline",
    "DistractorPool": "questions",
    "generate_questions": "questions",
}


def __getattr__(name: str) -> Any:
    """Import the generator's parts on first use (PEP 562)."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BLANK",
    "KINDS",
    "Article",
    "ArticleError",
    "DistractorPool",
    "Fact",
    "Grade",
    "Kind",
    "Meeting",
    "Quantity",
    "Question",
    "Role",
    "Source",
    "Term",
    "Trip",
    "Visit",
    "extract_facts",
    "generate_bank",
    "generate_questions",
    "load_article",
    "parse_article",
    "process_articles",
]
