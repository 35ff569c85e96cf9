"""The answer path when things fail: a POST retried after a dropped connection, two
copies of an answer at once, and the 503 page while the database cannot be reached.

The retry tests run the app behind a real HTTP server on 127.0.0.1 (CSRF on) and talk
to it over sockets, so a connection can really be cut in the middle of a request.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Answer, QuizAttempt, Review, User
from quizapp.services import quizzes

from .conftest import PASSWORD

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
POSITION = re.compile(r'name="position" type="hidden" value="(\d+)"')


@dataclass
class Browser:
    """A student's cookie against a server on loopback."""

    port: int
    cookie: str = ""

    def request(self, method: str, path: str, form: dict[str, object] | None = None) -> Reply:
        """One request on a new connection; keeps the session cookie."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            body = urllib.parse.urlencode(form) if form is not None else None
            headers = {"Cookie": self.cookie}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            text = resp.read().decode()
        finally:
            conn.close()
        for value in resp.headers.get_all("Set-Cookie") or []:
            if value.startswith("session="):
                self.cookie = value.split(";", 1)[0]
        return Reply(resp.status, resp.headers.get("Location", ""), text)

    def raw(self, path: str, form: dict[str, object], send: float = 1.0) -> None:
        """POST a form on a socket and close it without reading the answer; with
        ``send`` < 1, only that share of the body is sent before the connection drops."""
        body = urllib.parse.urlencode(form).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            f"Cookie: {self.cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(head + body[: int(len(body) * send)])

    def log_in(self, email: str) -> None:
        """Log in through the form, with its CSRF token."""
        token = CSRF.search(self.request("GET", "/login").text)
        assert token
        form = {"email": email, "password": PASSWORD, "csrf_token": token.group(1)}
        assert self.request("POST", "/login", form).status == 302

    def question(self, attempt: int) -> dict[str, object]:
        """The answer form of the quiz's next question (its token and position)."""
        page = self.request("GET", f"/quiz/{attempt}")
        assert page.status == 200, page.text[:300]
        token, position = CSRF.search(page.text), POSITION.search(page.text)
        assert token and position
        return {"position": position.group(1), "response": "Oslo", "csrf_token": token.group(1)}


@dataclass(frozen=True)
class Reply:
    """What came back."""

    status: int
    location: str
    text: str


@pytest.fixture
def served(app: Flask, world: dict[str, int]) -> Iterator[int]:
    """The app with CSRF on, served on 127.0.0.1; yields the port."""
    app.config["WTF_CSRF_ENABLED"] = True
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        thread.join(10)


def _start(app: Flask, world: dict[str, int], length: int = 3) -> int:
    with app.app_context():
        sam = db.session.scalar(select(User).where(User.email == "s@example.org"))
        assert sam is not None
        return quizzes.start_quiz(sam, world["deck"], length).id


def _rows(app: Flask, attempt: int) -> tuple[int, int]:
    """(answer rows, their reviews) of a quiz."""
    with app.app_context():
        answers = db.session.scalar(
            select(func.count(Answer.id)).where(Answer.attempt_id == attempt)
        )
        reviews = db.session.scalar(
            select(func.count(Review.id))
            .join(Answer, Answer.id == Review.answer_id)
            .where(Answer.attempt_id == attempt)
        )
        return int(answers or 0), int(reviews or 0)


def _wait_for(check: Callable[[], bool]) -> None:
    """Until the server has done what a dropped request asked (bounded)."""
    for _ in range(200):
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("the server never finished the request")


def test_an_answer_retried_after_a_dropped_connection_is_recorded_once(
    app: Flask, world: dict[str, int], served: int
) -> None:
    """The answer reached the server and was committed, but the connection dropped
    before the reply: the browser sends the same form again, and gets the feedback of
    the answer already recorded; there is one answer and one review."""
    student = Browser(served)
    student.log_in("s@example.org")
    attempt = _start(app, world)
    form = student.question(attempt)
    student.raw(f"/quiz/{attempt}/answer", form)
    _wait_for(lambda: _rows(app, attempt) == (1, 1))
    retry = student.request("POST", f"/quiz/{attempt}/answer", form)
    assert retry.status == 302
    assert retry.location.endswith(f"/quiz/{attempt}/feedback/{form['position']}")
    assert _rows(app, attempt) == (1, 1)
    feedback = student.request("GET", urllib.parse.urlsplit(retry.location).path)
    assert feedback.status == 200 and "Your answer: <strong>Oslo</strong>" in feedback.text
    # the quiz moves on to the next question, not back to the one answered
    assert student.question(attempt)["position"] != form["position"]


def test_an_answer_cut_off_in_flight_is_recorded_once_when_sent_again(
    app: Flask, world: dict[str, int], served: int
) -> None:
    """The connection dropped half-way through the body: nothing is recorded, and the
    same form sent again is recorded once."""
    student = Browser(served)
    student.log_in("s@example.org")
    attempt = _start(app, world)
    form = student.question(attempt)
    student.raw(f"/quiz/{attempt}/answer", form, send=0.5)
    time.sleep(0.2)
    assert _rows(app, attempt) == (0, 0)
    assert student.request("POST", f"/quiz/{attempt}/answer", form).status == 302
    assert student.request("POST", f"/quiz/{attempt}/answer", form).status == 302
    assert _rows(app, attempt) == (1, 1)


def test_the_same_answer_sent_twice_at_once_is_recorded_once(
    app: Flask, world: dict[str, int], served: int
) -> None:
    """Two copies of one answer in flight together (a retry racing the original): both
    get the feedback page, the database holds one answer and one review."""
    student = Browser(served)
    student.log_in("s@example.org")
    attempt = _start(app, world)
    for _ in range(3):
        form = student.question(attempt)
        barrier = threading.Barrier(2)
        replies: list[Reply] = []

        def send(form: dict[str, object], barrier: threading.Barrier, out: list[Reply]) -> None:
            barrier.wait()
            out.append(student.request("POST", f"/quiz/{attempt}/answer", form))

        threads = [threading.Thread(target=send, args=(form, barrier, replies)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        assert [r.status for r in replies] == [302, 302]
        assert len({r.location for r in replies}) == 1
    assert _rows(app, attempt) == (3, 3)


def test_an_answer_needs_its_csrf_token(app: Flask, world: dict[str, int], served: int) -> None:
    """The answer form leaves its token to CSRFProtect: without it, or with another
    one, the POST is refused and nothing is recorded."""
    student = Browser(served)
    student.log_in("s@example.org")
    attempt = _start(app, world)
    form = student.question(attempt)
    for token in (None, "forged", form["csrf_token"] + "x"):
        bad = {k: v for k, v in form.items() if k != "csrf_token"}
        if token is not None:
            bad["csrf_token"] = token
        assert student.request("POST", f"/quiz/{attempt}/answer", bad).status == 400
    assert _rows(app, attempt) == (0, 0)
    assert student.request("POST", f"/quiz/{attempt}/answer", form).status == 302


def test_a_repeated_answer_returns_the_first(app: Flask, world: dict[str, int]) -> None:
    """The service side of a retry: the second submission is the first answer."""
    attempt = _start(app, world, 2)
    with app.app_context():
        sam = db.session.scalar(select(User).where(User.email == "s@example.org"))
        assert sam is not None
        first = quizzes.submit_answer(sam, attempt, 0, "Oslo")
        again = quizzes.submit_answer(sam, attempt, 0, "Bergen")
        assert not first.duplicate and again.duplicate
        assert (again.id, again.correct) == (first.id, first.correct)
        qa = db.session.get(QuizAttempt, attempt)
        assert qa is not None and qa.length == 2
    assert _rows(app, attempt) == (1, 1)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_app_answers_503_while_the_database_is_unreachable(kind: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A database that cannot be reached (here: an SQLite file that cannot be opened, or
    a PostgreSQL address where nothing listens) gives a clear 503 page, not a 500."""
    url = (
        f"sqlite:///{tmp_path / 'missing' / 'db.sqlite'}"
        if kind == "sqlite"
        else f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/quizapp"
    )
    app = create_app(
        {"SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": url, "IMPORT_SEEDS": False}
    )
    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "1:0"  # a login id: user id and session version
        session["_fresh"] = True
    for method, path in [("GET", "/quiz/1"), ("POST", "/quiz/1/answer"), ("GET", "/decks")]:
        response = client.open(path, method=method, data={"position": "0", "response": "x"})
        assert response.status_code == 503, (path, response.status_code)
        assert response.headers["Retry-After"] == "5"
        page = response.get_data(as_text=True)
        assert "Back in a moment" in page
        assert "nothing you just sent was saved" in page
    assert client.get("/healthz").status_code == 200
    with app.app_context():
        db.engine.dispose()


class Proxy:
    """A TCP relay on 127.0.0.1 to the test PostgreSQL: stopping it is, for the app, a
    database restart (every connection dropped, new ones refused), without stopping the
    server that other tests share."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = _closed_port()
        self.socks: list[socket.socket] = []
        self.listener: socket.socket | None = None

    def start(self) -> None:
        """Listen and relay."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.socks += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        """Drop every connection and refuse new ones."""
        if self.listener is not None:
            with contextlib.suppress(OSError):  # wakes the thread blocked in accept()
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
        for s in self.socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self.socks.clear()


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="needs TEST_DATABASE_URL=postgresql://...",
)
def test_the_app_recovers_by_itself_after_a_database_restart(
    app: Flask, world: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL goes away and comes back (a relay in front of it stops and starts):
    503 while it is away, and the first request after it is back succeeds, on the same
    app and pool (the check on checkout replaces the dead pooled connections)."""
    real = urllib.parse.urlsplit(os.environ["TEST_DATABASE_URL"])
    proxy = Proxy((real.hostname or "127.0.0.1", real.port or 5432))
    proxy.start()
    netloc = f"{real.username}@127.0.0.1:{proxy.port}"
    monkeypatch.setenv("DATABASE_URL", real._replace(netloc=netloc).geturl())
    relayed = create_app({"SECRET_KEY": "test-secret", "IMPORT_SEEDS": False})
    relayed.config["WTF_CSRF_ENABLED"] = False
    client = relayed.test_client()
    assert client.post("/login", data={"email": "s@example.org", "password": PASSWORD})
    attempt = _start(app, world)
    try:
        assert client.get(f"/quiz/{attempt}").status_code == 200
        proxy.stop()
        assert client.get(f"/quiz/{attempt}").status_code == 503
        answer = client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "Oslo"})
        assert answer.status_code == 503
        assert _rows(app, attempt) == (0, 0)
        proxy.start()
        assert client.get(f"/quiz/{attempt}").status_code == 200
        answer = client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "Oslo"})
        assert answer.status_code == 302
        assert _rows(app, attempt) == (1, 1)
    finally:
        proxy.stop()
        with relayed.app_context():
            db.engine.dispose()
