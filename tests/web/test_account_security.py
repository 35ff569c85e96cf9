"""Account protections: the ``next`` check, no enumeration, sessions that end, passwords."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from email.utils import parsedate_to_datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.blueprints import auth
from quizapp.extensions import db
from quizapp.models import User
from quizapp.services import accounts, classes

from .conftest import PASSWORD, csrf_token, login

NEW_PASSWORD = "a brand new passphrase"

# ``next`` values as they appear in the query string, each a way a browser would read
# as another site (or that used to crash the login).
TRICKS = [
    "/%09/evil.example",  # tab: browsers drop it, leaving //evil.example
    "/%0a/evil.example",  # line feed, dropped the same way
    "/%0d/evil.example",  # carriage return
    "/x%0d%0aSet-Cookie:%20a=b",  # a header injection attempt (was a 500)
    "//evil.example",
    "///evil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",  # /\evil.example: a backslash is a slash to a browser
    "%5C%5Cevil.example",
    "/%5C/evil.example",
    "%20//evil.example",  # leading space: browsers strip it
    "%00//evil.example",
    "https://evil.example/",
    "HTTPS://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",  # not a path
]


@pytest.mark.parametrize("trick", TRICKS)
def test_login_next_never_leaves_the_site(client: FlaskClient, make_user, trick: str) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    response = client.post(
        f"/login?next={trick}", data={"email": "s@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.get("/decks").status_code == 200  # the login itself went through


@pytest.mark.parametrize("target", ["/decks", "/decks/3?length=5", "/study/deck/2#top"])
def test_login_next_keeps_local_paths(client: FlaskClient, make_user, target: str) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": "s@example.org", "password": PASSWORD},
    )
    assert response.headers["Location"] == target


def _flashes(html: str) -> list[str]:
    return re.findall(r'<p class="flash [a-z]+">(.*?)</p>', html)


def test_unknown_email_and_wrong_password_get_the_same_answer(
    client: FlaskClient, make_user
) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    wrong = client.post("/login", data={"email": "s@example.org", "password": "not the password"})
    unknown = client.post(
        "/login", data={"email": "nobody@example.org", "password": "not the password"}
    )
    assert wrong.status_code == unknown.status_code == 401
    wrong_html = wrong.get_data(as_text=True)
    unknown_html = unknown.get_data(as_text=True)
    assert _flashes(wrong_html) == _flashes(unknown_html)
    assert _flashes(wrong_html) == ["That email and password do not match an account."]
    # the pages differ only by the email typed back into the form
    assert wrong_html.replace("s@example.org", "EMAIL") == unknown_html.replace(
        "nobody@example.org", "EMAIL"
    )


@pytest.fixture
def hash_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every password check the accounts service makes, by the stored hash's method.

    The real check still runs: this wraps werkzeug's function, it does not replace it."""
    calls: list[str] = []
    real = accounts.check_password_hash

    def counting(pwhash: str, password: str) -> bool:
        calls.append(pwhash.split("$", 1)[0])
        return real(pwhash, password)

    monkeypatch.setattr(accounts, "check_password_hash", counting)
    return calls


def test_an_unknown_email_costs_the_same_password_hash(
    app: Flask, make_user, hash_checks: list[str]
) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    with app.app_context():
        assert accounts.authenticate("s@example.org", "not the password") is None
        assert accounts.authenticate("nobody@example.org", "not the password") is None
        assert accounts.authenticate("s@example.org", PASSWORD) is not None
    # one real hash check each, with the same method and cost as a stored password
    assert hash_checks == ["pbkdf2:sha256:1000"] * 3


def test_the_dummy_hash_follows_the_configured_method(app: Flask, hash_checks: list[str]) -> None:
    app.config["PASSWORD_HASH_METHOD"] = "scrypt:16384:8:1"
    with app.app_context():
        assert accounts.authenticate("nobody@example.org", "whatever") is None
    assert hash_checks == ["scrypt:16384:8:1"]


def test_registration_does_not_tell_which_emails_have_accounts(
    app: Flask, make_user, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A taken email and a new one get the same answer, the same pages after it and the
    same password hash; the existing account is left exactly as it was."""
    make_user("s@example.org", name="Sam")
    with app.app_context():
        code = classes.create_class(
            db.session.get(User, make_user("t@example.org", role="teacher")), "C"
        ).join_code
        before = db.session.scalar(select(User).where(User.email == "s@example.org"))
        sam = (before.id, before.name, before.password_hash, before.session_version)
    hashes: list[str] = []
    real = accounts.generate_password_hash

    def counting(password: str, method: str = "scrypt", salt_length: int = 16) -> str:
        hashes.append(method)
        return real(password, method=method, salt_length=salt_length)

    monkeypatch.setattr(accounts, "generate_password_hash", counting)
    answers = []
    for email in ("S@example.org", "new@example.org"):
        client = app.test_client()
        data = {
            "name": "Eve",
            "email": email,
            "password": "a guessed password",
            "confirm": "a guessed password",
            "join_code": code,
        }
        response = client.post("/register", data=data)
        cookies = sorted(c.split("=", 1)[0] for c in response.headers.getlist("Set-Cookie"))
        following = client.get(response.headers["Location"]).get_data(as_text=True)
        decks = client.get("/decks")
        answers.append(
            (
                response.status_code,
                response.headers["Location"],
                cookies,
                following,
                decks.status_code,
            )
        )
    assert answers[0] == answers[1]
    status, location, _, page, decks_status = answers[0]
    assert (status, location, decks_status) == (302, "/login", 302)  # nobody logged in
    assert _flashes(page) == [html.escape(auth.REGISTERED, quote=True)]
    assert hashes == ["pbkdf2:sha256:1000"] * 2  # one hash each, of the configured method
    with app.app_context():
        after = db.session.scalar(select(User).where(User.email == "s@example.org"))
        assert (after.id, after.name, after.password_hash, after.session_version) == sam
        assert classes.classes_of_student(after) == []  # the code did not enrol Sam
        assert (
            db.session.scalar(select(func.count(User.id)).where(User.email == "s@example.org")) == 1
        )
        new = db.session.scalar(select(User).where(User.email == "new@example.org"))
        assert [c.join_code for c in classes.classes_of_student(new)] == [code]
    # the owner logs in with their own password as before; the guess opens nothing
    owner = app.test_client()
    login(owner, "s@example.org")
    guess = app.test_client().post(
        "/login", data={"email": "s@example.org", "password": "a guessed password"}
    )
    assert guess.status_code == 401


def test_a_bad_class_code_is_refused_whoever_has_the_email(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    pages = []
    for email in ("s@example.org", "new@example.org"):
        data = {
            "name": "Eve",
            "email": email,
            "password": "a guessed password",
            "confirm": "a guessed password",
            "join_code": "NOSUCH99",
        }
        response = app.test_client().post("/register", data=data)
        assert response.status_code == 400
        pages.append(response.get_data(as_text=True).replace(email, "EMAIL"))
    assert pages[0] == pages[1]
    assert "No class has that code" in pages[0]
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "new@example.org")) is None


def _copy_cookies(source: FlaskClient, target: FlaskClient, *names: str) -> None:
    for name in names:
        cookie = source.get_cookie(name)
        assert cookie is not None, name
        target.set_cookie(name, cookie.value)


def test_logout_ends_copied_session_and_remember_cookies(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    owner = app.test_client()
    assert (
        owner.post(
            "/login", data={"email": "s@example.org", "password": PASSWORD, "remember": "y"}
        ).status_code
        == 302
    )

    def copy(*names: str) -> FlaskClient:
        thief = app.test_client()
        _copy_cookies(owner, thief, *names)
        return thief

    # before the logout, each copied cookie on its own is a login
    assert copy("session").get("/decks").status_code == 200
    assert copy("remember_token").get("/decks").status_code == 200
    session_jar = copy("session")
    remember_jar = copy("remember_token")

    assert owner.post("/logout").status_code == 302
    assert owner.get("/decks").status_code == 302
    for jar in (session_jar, remember_jar):
        response = jar.get("/decks")
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_remember_me_lasts_thirty_days(client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    response = client.post(
        "/login", data={"email": "s@example.org", "password": PASSWORD, "remember": "y"}
    )
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if "remember_token=" in c)
    expires = parsedate_to_datetime(re.search(r"Expires=([^;]+)", cookie).group(1))  # type: ignore[union-attr]
    days = (expires - dt.datetime.now(dt.UTC)).total_seconds() / 86400
    assert 29.9 < days <= 30
    assert "HttpOnly" in cookie


def _change(client: FlaskClient, current: str, new: str, confirm: str | None = None):  # type: ignore[no-untyped-def]
    return client.post(
        "/account/password",
        data={"current_password": current, "password": new, "confirm": confirm or new},
    )


def test_password_change_ends_every_other_session(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    here, elsewhere, remembered = app.test_client(), app.test_client(), app.test_client()
    login(here, "s@example.org")
    login(elsewhere, "s@example.org")
    assert (
        remembered.post(
            "/login", data={"email": "s@example.org", "password": PASSWORD, "remember": "y"}
        ).status_code
        == 302
    )
    cookie_only = app.test_client()
    _copy_cookies(remembered, cookie_only, "remember_token")

    assert here.get("/account/password").status_code == 200
    response = _change(here, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302
    page = here.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Your password is changed" in page
    assert here.get("/decks").status_code == 200  # the session that changed it stays
    for other in (elsewhere, remembered, cookie_only):
        assert other.get("/decks").status_code == 302
    with app.app_context():
        assert accounts.authenticate("s@example.org", PASSWORD) is None
        assert accounts.authenticate("s@example.org", NEW_PASSWORD) is not None


def test_password_change_keeps_this_browsers_remember_me(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    client = app.test_client()
    assert (
        client.post(
            "/login", data={"email": "s@example.org", "password": PASSWORD, "remember": "y"}
        ).status_code
        == 302
    )
    assert _change(client, PASSWORD, NEW_PASSWORD).status_code == 302
    later = app.test_client()  # the browser restarted: only the remember cookie is left
    _copy_cookies(client, later, "remember_token")
    assert later.get("/decks").status_code == 200


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        ("not my password", NEW_PASSWORD, NEW_PASSWORD, "current password is not right"),
        (PASSWORD, "short", "short", "at least 8"),
        (PASSWORD, NEW_PASSWORD, "something else", "passwords differ"),
        (PASSWORD, PASSWORD, PASSWORD, "differs from the current one"),
    ],
)
def test_password_change_refusals(
    app: Flask, client: FlaskClient, make_user, current: str, new: str, confirm: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")  # teachers change their password the same way
    login(client, "t@example.org")
    response = _change(client, current, new, confirm)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert client.get("/teach/").status_code == 200  # still logged in
    with app.app_context():
        assert accounts.authenticate("t@example.org", PASSWORD) is not None


def test_password_change_needs_a_login_and_a_csrf_token(csrf_app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    client = csrf_app.test_client()
    response = client.get("/account/password")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    token = csrf_token(client, "/login")
    assert (
        client.post(
            "/login", data={"email": "s@example.org", "password": PASSWORD, "csrf_token": token}
        ).status_code
        == 302
    )
    data = {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert client.post("/account/password", data=data).status_code == 400
    with csrf_app.app_context():
        assert accounts.authenticate("s@example.org", PASSWORD) is not None
    token = csrf_token(client, "/account/password")
    response = client.post("/account/password", data={**data, "csrf_token": token})
    assert response.status_code == 302


def test_every_page_links_to_the_password_page(client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    login(client, "s@example.org")
    assert 'href="/account/password"' in client.get("/decks").get_data(as_text=True)


def _session_version(app: Flask, email: str) -> int:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        assert user is not None
        return user.session_version


def test_reset_password_command_prompts_and_ends_sessions(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    client = app.test_client()
    login(client, "s@example.org")
    before = _session_version(app, "s@example.org")
    result = app.test_cli_runner().invoke(
        args=["reset-password", "S@example.org"], input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert NEW_PASSWORD not in result.output  # the prompt does not echo it
    assert "every session" in result.output
    assert _session_version(app, "s@example.org") == before + 1
    assert client.get("/decks").status_code == 302
    with app.app_context():
        assert accounts.authenticate("s@example.org", NEW_PASSWORD) is not None
        assert accounts.authenticate("s@example.org", PASSWORD) is None


def test_reset_password_command_can_generate_a_password(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    runner = app.test_cli_runner()
    first = runner.invoke(args=["reset-password", "s@example.org", "--generate"])
    assert first.exit_code == 0, first.output
    password = re.search(r"New password for s@example.org: (\S+)", first.output).group(1)  # type: ignore[union-attr]
    assert len(password) >= 16
    second = runner.invoke(args=["reset-password", "s@example.org", "--generate"])
    assert password not in second.output  # random each time
    again = re.search(r"New password for s@example.org: (\S+)", second.output).group(1)  # type: ignore[union-attr]
    with app.app_context():
        assert accounts.authenticate("s@example.org", again) is not None
        assert accounts.authenticate("s@example.org", password) is None


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (
            ["reset-password", "nobody@example.org"],
            "a long password\na long password\n",
            "No account",
        ),
        (["reset-password", "s@example.org"], "short\nshort\n", "at least 8"),
    ],
)
def test_reset_password_command_refusals(
    app: Flask, make_user: Callable[..., int], args: list[str], stdin: str, message: str
) -> None:
    make_user("s@example.org")
    result = app.test_cli_runner().invoke(args=args, input=stdin)
    assert result.exit_code != 0
    assert message in result.output
    with app.app_context():
        assert accounts.authenticate("s@example.org", PASSWORD) is not None
