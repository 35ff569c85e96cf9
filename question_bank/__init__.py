"""question_bank: turn news articles into verifiable quiz questions.

The pipeline, each step a typed function::

    load_article(path) -> Article
    extract_facts(article) -> list[Fact]
    generate_questions(article, facts) -> Iterator[Question]

This package never imports Flask; the web app builds on it.
"""

from .articles import Article, ArticleError, load_article, parse_article
from .facts import Fact, Meeting, Quantity, Role, Source, Term, Trip, Visit
from .pipeline import extract_facts, generate_bank, process_articles
from .questions import KINDS, DistractorPool, Question, generate_questions

__all__ = [
    "KINDS",
    "Article",
    "ArticleError",
    "DistractorPool",
    "Fact",
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
