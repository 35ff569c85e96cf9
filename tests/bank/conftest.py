"""Fixtures for the question_bank tests: the parsed model, article helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from question_bank import Article, Fact, extract_facts, parse_article
from question_bank.nlp import get_nlp

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
OWN_ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline, loaded once for the session."""
    return get_nlp()


@pytest.fixture
def article() -> Callable[..., Article]:
    """Build an article from text (padded to pass the prose check when short)."""

    def make(text: str, article_id: str = "test", **meta: str) -> Article:
        header = "".join(f"{k.title()}: {v}\n" for k, v in meta.items())
        return parse_article(header + ("\n" if header else "") + text, article_id)

    return make


@pytest.fixture
def facts(nlp, article) -> Callable[..., list[Fact]]:  # type: ignore[no-untyped-def]
    """Extract the facts of a text."""

    def run(text: str) -> list[Fact]:
        return extract_facts(article(text), nlp=nlp)

    return run


def of_type(facts: list[Fact], kind: str) -> list[dict[str, object]]:
    """The facts of one type as plain dicts."""
    return [f.to_dict() for f in facts if f.type == kind]
