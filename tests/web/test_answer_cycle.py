"""The answer cycle's database work: statements per page, which pages run without a
transaction on PostgreSQL, and pooled connections the server closed.

A cycle is the question page, the answer POST and the feedback page. Each page loads
the session's user (one statement) and then does its own work: the question page and
the feedback page one statement each, the POST one read (the question and the card)
and three writes in one transaction.
"""

from __future__ import annotations

import os
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from quizapp.extensions import db
from quizapp.models import RETIRED, Question, QuizAttempt

from .conftest import login
from .test_answer_faults import POSITION, _rows, _start

ON_POSTGRES = os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql")


@dataclass
class Sent:
    """The statements sent to the database, with whether the driver was in autocommit."""

    statements: list[str] = field(default_factory=list)
    autocommit: list[bool] = field(default_factory=list)

    def clear(self) -> None:
        """Forget what was sent so far."""
        self.statements.clear()
        self.autocommit.clear()


@pytest.fixture
def sent(app: Flask) -> Iterator[Sent]:
    """Every statement the app sends while the test runs."""
    seen = Sent()

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.statements.append(" ".join(statement.split()))
        seen.autocommit.append(bool(getattr(conn.connection.dbapi_connection, "autocommit", 0)))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def _position(html: str) -> str:
    """The position in a question page's answer form."""
    found = POSITION.search(html)
    assert found, html[:500]
    return found.group(1)


def _cycle(client: FlaskClient, attempt: int, sent: Sent) -> dict[str, list[str]]:
    """One answer cycle; the statements of each page."""
    pages: dict[str, list[str]] = {}
    sent.clear()
    page = client.get(f"/quiz/{attempt}")
    assert page.status_code == 200
    pages["question"] = list(sent.statements)
    position = _position(page.get_data(as_text=True))
    sent.clear()
    reply = client.post(f"/quiz/{attempt}/answer", data={"position": position, "response": "Oslo"})
    assert reply.status_code == 302
    pages["answer"] = list(sent.statements)
    sent.clear()
    assert client.get(reply.headers["Location"]).status_code == 200
    pages["feedback"] = list(sent.statements)
    return pages


def test_each_page_of_the_answer_cycle_sends_its_statements(
    app: Flask, client: FlaskClient, world: dict[str, int], sent: Sent
) -> None:
    """Question page: the user and one SELECT; answer POST: the user, one SELECT (the
    question with the student's card) and three INSERTs the first time a card is
    reviewed (answer, card, review); feedback page: the user and one SELECT."""
    login(client, "s@example.org")
    attempt = _start(app, world)
    assert client.get(f"/quiz/{attempt}").status_code == 200  # the quiz is read once
    pages = _cycle(client, attempt, sent)
    assert [len(pages[p]) for p in ("question", "answer", "feedback")] == [2, 5, 2], pages
    assert all(s.startswith("SELECT") for s in pages["question"] + pages["feedback"])
    assert [s.split()[0] for s in pages["answer"]] == ["SELECT", "SELECT"] + ["INSERT"] * 3
    assert "study_card" in pages["answer"][1]  # the card comes with the question
    assert _rows(app, attempt) == (1, 1)


def test_a_card_reviewed_before_is_updated_with_the_same_statements(
    app: Flask, client: FlaskClient, world: dict[str, int], sent: Sent
) -> None:
    """A second quiz on the same questions: the card read with the question is moved on
    (an UPDATE instead of its INSERT), still one SELECT before the writes."""
    login(client, "s@example.org")
    first = _start(app, world)
    for _ in range(3):
        _cycle(client, first, sent)
    again = _start(app, world)
    assert client.get(f"/quiz/{again}").status_code == 200  # the quiz is read once
    pages = _cycle(client, again, sent)
    assert [s.split()[0] for s in pages["answer"]] == [
        "SELECT",
        "SELECT",
        "INSERT",
        "UPDATE",
        "INSERT",
    ]
    assert _rows(app, again) == (1, 1)


def test_the_question_page_after_a_withdrawn_question_takes_a_second_statement(
    app: Flask, client: FlaskClient, world: dict[str, int], sent: Sent
) -> None:
    """The next question is the first unanswered one still approved. While the quiz is
    answered in order the page finds it in one statement; once a withdrawn question was
    skipped (or the next one is withdrawn) a second statement finds it, and the quiz's
    length leaves the withdrawn one out."""
    login(client, "s@example.org")
    attempt = _start(app, world)
    with app.app_context():
        qa = db.session.get(QuizAttempt, attempt)
        assert qa is not None
        order = list(qa.question_ids)
        question = db.session.get(Question, order[0])
        assert question is not None
        question.status = RETIRED
        db.session.commit()
    assert client.get(f"/quiz/{attempt}").status_code == 200  # the quiz is read once
    sent.clear()
    page = client.get(f"/quiz/{attempt}").get_data(as_text=True)
    assert len(sent.statements) == 3  # the user, the next in order (withdrawn), the first approved
    assert _position(page) == "1"
    assert "Question 1 of 2" in page
    reply = client.post(f"/quiz/{attempt}/answer", data={"position": 1, "response": "Oslo"})
    assert reply.status_code == 302
    sent.clear()
    page = client.get(f"/quiz/{attempt}").get_data(as_text=True)
    assert len(sent.statements) == 3  # answered: position 1 only, not the first ones
    assert _position(page) == "2"
    assert "Question 2 of 2" in page
    reply = client.post(f"/quiz/{attempt}/answer", data={"position": 2, "response": "Oslo"})
    assert reply.status_code == 302
    assert "/results" in client.get(f"/quiz/{attempt}").headers["Location"]


def test_the_read_only_pages_run_without_a_transaction_on_postgresql(
    app: Flask, client: FlaskClient, world: dict[str, int], sent: Sent
) -> None:
    """On PostgreSQL the question and feedback pages read in autocommit (no BEGIN and
    ROLLBACK round trips); the answer POST, from the same pool, is one transaction. On
    SQLite nothing changes: the driver opens no transaction for a read."""
    login(client, "s@example.org")
    attempt = _start(app, world)
    assert client.get(f"/quiz/{attempt}").status_code == 200  # the quiz is read once
    autocommit: dict[str, list[bool]] = {"question": [], "answer": [], "feedback": []}
    sent.clear()
    for _ in range(2):
        page = client.get(f"/quiz/{attempt}")
        autocommit["question"] += sent.autocommit
        sent.clear()
        position = _position(page.get_data(as_text=True))
        reply = client.post(
            f"/quiz/{attempt}/answer", data={"position": position, "response": "Oslo"}
        )
        autocommit["answer"] += sent.autocommit
        sent.clear()
        assert client.get(reply.headers["Location"]).status_code == 200
        autocommit["feedback"] += sent.autocommit
        sent.clear()
    assert autocommit["answer"] and not any(autocommit["answer"])
    expected = ON_POSTGRES
    assert autocommit["question"] and all(a == expected for a in autocommit["question"])
    assert autocommit["feedback"] and all(a == expected for a in autocommit["feedback"])
    assert _rows(app, attempt) == (2, 2)


def _terminate_app_connections(app: Flask) -> None:
    """End, on the server, every connection to the app's database (as a restart does),
    and wait until they are gone."""
    import psycopg

    url = urllib.parse.urlsplit(os.environ["TEST_DATABASE_URL"])
    database = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (database,),
        )
        for _ in range(100):
            left = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,)
            ).fetchone()
            if left is not None and left[0] == 0:
                return
            time.sleep(0.05)
    raise AssertionError("the connections were not ended")


@pytest.mark.skipif(not ON_POSTGRES, reason="needs TEST_DATABASE_URL=postgresql://...")
@pytest.mark.parametrize(
    "app_overrides",
    [{}, {"SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "pool_size": 10}}],
    ids=["checkout-check", "pre-ping"],
)
def test_pooled_connections_the_server_ended_are_replaced_on_checkout(
    app: Flask, client: FlaskClient, world: dict[str, int]
) -> None:
    """Every pooled connection is ended by the server (pg_terminate_backend, as in a
    restart): the next pages and answers succeed at once, no 503, because a connection
    whose socket the server closed is replaced as it leaves the pool; the same with
    SQLAlchemy's pre-ping configured instead."""
    login(client, "s@example.org")
    attempt = _start(app, world)
    for _ in range(2):
        assert client.get(f"/quiz/{attempt}").status_code == 200
        _terminate_app_connections(app)
        page = client.get(f"/quiz/{attempt}")
        assert page.status_code == 200
        position = _position(page.get_data(as_text=True))
        _terminate_app_connections(app)
        reply = client.post(
            f"/quiz/{attempt}/answer", data={"position": position, "response": "Oslo"}
        )
        assert reply.status_code == 302
        _terminate_app_connections(app)
        assert client.get(reply.headers["Location"]).status_code == 200
    assert _rows(app, attempt) == (2, 2)


@pytest.mark.skipif(not ON_POSTGRES, reason="needs TEST_DATABASE_URL=postgresql://...")
def test_a_pooled_connection_with_something_to_read_is_pinged_not_dropped(
    app: Flask, client: FlaskClient, world: dict[str, int]
) -> None:
    """A healthy pooled connection whose socket has something to read (here a
    notification it listens for, sent while it waits in the pool) is pinged, found
    alive and kept: it serves the next request, no new connection replaces it."""
    import psycopg

    login(client, "s@example.org")
    attempt = _start(app, world)
    assert client.get(f"/quiz/{attempt}").status_code == 200
    with app.app_context():
        engine = db.engine
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        pid = raw.info.backend_pid
        raw.commit()
        raw.autocommit = True
        raw.execute("LISTEN quizapp_test")
        raw.autocommit = False
    with psycopg.connect(os.environ["TEST_DATABASE_URL"], autocommit=True) as other:
        other.execute("NOTIFY quizapp_test")
    time.sleep(0.2)  # delivered to the idle listener's socket
    pids: list[int] = []

    def remember(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        pids.append(dbapi_connection.info.backend_pid)

    event.listen(engine, "checkout", remember)
    try:
        for _ in range(5):  # until the pool hands that connection out
            assert client.get(f"/quiz/{attempt}").status_code == 200
            if pid in pids:
                break
    finally:
        event.remove(engine, "checkout", remember)
    assert pid in pids, (pid, pids)
