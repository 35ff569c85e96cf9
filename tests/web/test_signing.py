"""Session cookies verified once per worker, CSRF tokens signed once: nothing unsigned,
expired or signed with another key is accepted, and a remembered token still works."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp import signing

from .conftest import csrf_token, login


def _session_cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def _logged_in(client: FlaskClient) -> bool:
    return client.get("/decks").status_code == 200


@pytest.fixture
def student(app: Flask, make_user: Any) -> FlaskClient:
    """A logged-in student whose session cookie the worker has verified (and remembers)."""
    make_user("s@example.org")
    client = app.test_client()
    login(client, "s@example.org")
    assert _logged_in(client) and _logged_in(client)
    return client


def test_a_remembered_cookie_changed_by_one_character_is_refused(
    app: Flask, student: FlaskClient
) -> None:
    value = _session_cookie(student)
    body, _, signature = value.rpartition(".")
    forged = body + "." + ("A" if signature[0] != "A" else "B") + signature[1:]
    other = app.test_client()
    other.set_cookie("session", forged)
    assert not _logged_in(other)
    other.set_cookie("session", value)
    assert _logged_in(other)


def test_a_new_secret_key_verifies_remembered_cookies_anew(
    app: Flask, student: FlaskClient
) -> None:
    app.secret_key = "another-secret"
    assert not _logged_in(student)


def test_a_remembered_cookie_expires_like_a_verified_one(
    app: Flask, student: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    lifetime = app.permanent_session_lifetime.total_seconds()
    now = signing.time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now + lifetime + 5)
    assert not _logged_in(student)


def test_flashed_messages_are_shown_once(app: Flask, student: FlaskClient) -> None:
    assert student.post("/classes/join", data={"code": "NOPE"}).status_code == 302
    assert 'class="flash' in student.get("/decks").get_data(as_text=True)
    assert 'class="flash' not in student.get("/decks").get_data(as_text=True)


def test_a_remembered_csrf_token_is_accepted_and_bound_to_its_session(
    csrf_app: Flask, make_user: Any
) -> None:
    make_user("s@example.org")
    make_user("t@example.org")
    first = csrf_app.test_client()
    token = csrf_token(first, "/login")
    logged_in = first.post(
        "/login",
        data={"email": "s@example.org", "password": "correct horse battery", "csrf_token": token},
    )
    assert logged_in.status_code == 302
    page_token = csrf_token(first, "/decks")
    assert csrf_token(first, "/history") == page_token  # signed once, then remembered
    second = csrf_app.test_client()
    token = csrf_token(second, "/login")
    logged_in = second.post(
        "/login",
        data={"email": "t@example.org", "password": "correct horse battery", "csrf_token": token},
    )
    assert logged_in.status_code == 302
    # another session's token is refused; the session's own remembered one is accepted
    refused = second.post("/classes/join", data={"code": "NOPE", "csrf_token": page_token})
    assert refused.status_code == 400
    accepted = first.post("/classes/join", data={"code": "NOPE", "csrf_token": page_token})
    assert accepted.status_code == 302


def test_the_first_token_of_a_new_session_is_remembered_across_a_second(
    csrf_app: Flask, make_user: Any, monkeypatch: Any
) -> None:
    """A session with no CSRF value yet gets one on its first page; the token signed then
    is the one the next page shows, even a second later (it was signed only once)."""
    import itsdangerous.timed

    make_user("s@example.org")
    client = csrf_app.test_client()
    token = csrf_token(client, "/login")
    assert (
        client.post(
            "/login",
            data={
                "email": "s@example.org",
                "password": "correct horse battery",
                "csrf_token": token,
            },
        ).status_code
        == 302
    )
    first = csrf_token(client, "/decks")
    later = itsdangerous.timed.time.time() + 5

    class _Clock:
        @staticmethod
        def time() -> float:
            return later

    monkeypatch.setattr(itsdangerous.timed, "time", _Clock)
    assert csrf_token(client, "/history") == first
