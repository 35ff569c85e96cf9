"""Fixtures for the web app: an app on a fresh database per test, users, a small bank.

The database is SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL
is set (each test then gets its own schema-less reset: all tables dropped and made).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import (
    APPROVED,
    DRAFT,
    Article,
    Classroom,
    Deck,
    DeckQuestion,
    Enrollment,
    Question,
)
from quizapp.services import accounts

PASSWORD = "correct horse battery"


@pytest.fixture
def _push_request_context() -> None:
    """Override pytest-flask: each request gets its own context, as in production."""
    return None


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A plain test client: pytest-flask's keeps the last request's context open
    (``with client:``), which leaks the logged-in user into other clients."""
    return app.test_client()


def _config(url: str) -> dict[str, Any]:
    """The test configuration; a module may add to it with an ``app_overrides`` fixture."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,
        "IMPORT_SEEDS": False,
        # a cheap hash keeps the suite fast; production uses scrypt
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        # login throttling is off here; tests/web/test_throttle.py turns it on
        "RATELIMIT_ENABLED": False,
    }


@pytest.fixture
def app_overrides() -> dict[str, Any]:
    """Config keys a test module sets on top of the test configuration."""
    return {}


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once; each test starts from a copy of it."""
    path = tmp_path_factory.mktemp("template") / "schema.sqlite"
    app = create_app(_config(f"sqlite:///{path}"))
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
        db.engine.dispose()
    return path


@pytest.fixture
def app(tmp_path: Path, sqlite_template: Path, app_overrides: dict[str, Any]) -> Iterator[Flask]:
    """The app on an empty database with the schema made by the migrations."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        app = create_app({**_config(url), **app_overrides})
        with app.app_context():
            _reset(app)
    else:
        target = tmp_path / "test.sqlite"
        shutil.copyfile(sqlite_template, target)
        app = create_app({**_config(f"sqlite:///{target}"), **app_overrides})
    yield app
    with app.app_context():
        db.session.remove()
        _reset(app, create=False)
        db.engine.dispose()


def _reset(app: Flask, create: bool = True) -> None:
    """Drop everything, then build the schema through the migrations (as production does)."""
    db.drop_all()
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    if create:
        upgrade(directory=app.extensions["migrate"].directory)


@pytest.fixture
def csrf_app(app: Flask) -> Flask:
    """The same app with CSRF protection on, as in production."""
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def make_user(app: Flask) -> Callable[..., int]:
    """Create a user; returns its id."""

    def make(email: str, role: str = "student", name: str = "") -> int:
        with app.app_context():
            create = accounts.create_teacher if role == "teacher" else accounts.register_student
            return create(email, name or email.split("@")[0].title(), PASSWORD).id

    return make


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> None:
    """Log a test client in (CSRF off)."""
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


def logout(client: FlaskClient) -> None:
    """Log a test client out (CSRF off); it is anonymous afterwards."""
    assert client.post("/logout").status_code == 302
    assert "/login" in client.get("/history").headers["Location"]


def answered(client: FlaskClient, attempt: int, position: int, response: str, **extra: str) -> str:
    """Answer a quiz's question; the answer is taken (its feedback page is next)."""
    reply = client.post(
        f"/quiz/{attempt}/answer", data={"position": position, "response": response, **extra}
    )
    assert reply.status_code == 302, reply.get_data(as_text=True)[:500]
    assert reply.headers["Location"] == f"/quiz/{attempt}/feedback/{position}"
    return reply.headers["Location"]


def csrf_token(client: FlaskClient, url: str) -> str:
    """Read the CSRF token from a page's form."""
    html = client.get(url).get_data(as_text=True)
    match = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"', html
    )
    assert match, f"no CSRF token on {url}"
    return match.group(1) or match.group(2)


def add_question(app: Flask, qid: str, status: str = APPROVED, **fields: Any) -> str:
    """Insert a question directly (for tests that do not need generation)."""
    with app.app_context():
        data: dict[str, Any] = {
            "id": qid,
            "kind": "short_answer",
            "prompt": f"Question {qid}?",
            "answer": "Oslo",
            "accepted": [],
            "choices": [],
            "fact": {"type": "visit"},
            "status": status,
            **fields,
        }
        db.session.add(Question(**data))
        db.session.commit()
    return qid


@pytest.fixture
def world(app: Flask, make_user: Callable[..., int]) -> dict[str, int]:
    """Two teachers, two students, an article deck with approved questions, a class.

    Teacher A owns the article, its questions, a class (student S joined), the article's
    deck and a deck built by hand. Teacher B and student O (in no class) are outsiders.
    """
    ids = {
        "teacher_a": make_user("ta@example.org", "teacher", "Teacher A"),
        "teacher_b": make_user("tb@example.org", "teacher", "Teacher B"),
        "student": make_user("s@example.org", "student", "Sam Student"),
        "other_student": make_user("o@example.org", "student", "Olga Other"),
    }
    with app.app_context():
        article = Article(
            key="art-1",
            title="Talks in Oslo",
            text="The minister flew to Oslo on Monday.",
            owner_id=ids["teacher_a"],
        )
        db.session.add(article)
        db.session.flush()
        deck = Deck(name="Talks in Oslo", article_id=article.id, owner_id=ids["teacher_a"])
        db.session.add(deck)
        for i, (prompt, answer, kind, choices) in enumerate(
            [
                ("Where did the minister fly?", "Oslo", "short_answer", []),
                (
                    "Which city did the minister visit?",
                    "Oslo",
                    "mcq",
                    ["Oslo", "Bergen", "Rome", "Cairo"],
                ),
                (
                    "True or false? The minister flew to Oslo.",
                    "True",
                    "true_false",
                    ["True", "False"],
                ),
            ]
        ):
            db.session.add(
                Question(
                    id=f"q{i}",
                    article_id=article.id,
                    kind=kind,
                    prompt=prompt,
                    answer=answer,
                    accepted=[],
                    choices=choices,
                    fact={"type": "visit"},
                    status=APPROVED,
                    owner_id=ids["teacher_a"],
                    source_sentence="The minister flew to Oslo on Monday.",
                    source_start=0,
                    source_end=36,
                )
            )
        db.session.add(
            Question(
                id="qd",
                article_id=article.id,
                kind="short_answer",
                prompt="Draft?",
                answer="x",
                status=DRAFT,
                owner_id=ids["teacher_a"],
                fact={"type": "visit"},
            )
        )
        # teacher A's own deck, built by hand from A's question
        own_deck = Deck(name="A's picks", owner_id=ids["teacher_a"])
        db.session.add(own_deck)
        db.session.flush()
        db.session.add(DeckQuestion(deck_id=own_deck.id, question_id="q0"))
        classroom = Classroom(name="Year 10", join_code="JOINME22", teacher_id=ids["teacher_a"])
        db.session.add(classroom)
        db.session.flush()
        db.session.add(Enrollment(classroom_id=classroom.id, student_id=ids["student"]))
        db.session.commit()
        ids.update(
            article=article.id,
            deck=deck.id,
            classroom=classroom.id,
            own_deck=own_deck.id,
        )
    return ids


@pytest.fixture
def shared(app: Flask) -> dict[str, int]:
    """Shared content, as the seeds are: an article with no owner, its deck and a question."""
    with app.app_context():
        shared = Article(key="shared-1", title="Shared talks", text="The envoy met the king.")
        db.session.add(shared)
        db.session.flush()
        shared_deck = Deck(name="Shared talks", article_id=shared.id)
        db.session.add(shared_deck)
        db.session.add(
            Question(
                id="qs",
                article_id=shared.id,
                kind="short_answer",
                prompt="Whom did the envoy meet?",
                answer="the king",
                fact={"type": "meeting"},
                status=APPROVED,
                source_sentence="The envoy met the king.",
                source_start=0,
                source_end=23,
            )
        )
        db.session.commit()
        return {"shared_article": shared.id, "shared_deck": shared_deck.id}
