"""Accounts: registration, login, logout, the first teacher's setup link."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import User
from quizapp.services import accounts

from .conftest import PASSWORD, login


def test_register_creates_the_account_then_asks_to_log_in(app: Flask, client: FlaskClient) -> None:
    response = client.post(
        "/register",
        data={"name": "Ada", "email": "Ada@Example.org", "password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert "/login" in client.get("/decks").headers["Location"]  # not logged in yet
    login(client, "ada@example.org")
    assert client.get("/decks").status_code == 200
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "ada@example.org"))
        assert user is not None and user.role == "student"
        assert PASSWORD not in user.password_hash and user.password_hash.startswith("pbkdf2:")


def test_register_refuses_bad_input_with_messages(client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("taken@example.org")
    cases = [
        (
            {"name": "A", "email": "not-an-email", "password": PASSWORD, "confirm": PASSWORD},
            "valid email",
        ),
        (
            {"name": "A", "email": "a@example.org", "password": "short", "confirm": "short"},
            "at least 8",
        ),
        (
            {"name": "A", "email": "a@example.org", "password": PASSWORD, "confirm": "different!"},
            "passwords differ",
        ),
        (
            {
                "name": "A",
                "email": "c@example.org",
                "password": PASSWORD,
                "confirm": PASSWORD,
                "join_code": "NOSUCH99",
            },
            "no class has that code",
        ),
        (
            {"name": "", "email": "b@example.org", "password": PASSWORD, "confirm": PASSWORD},
            "required",
        ),
    ]
    for data, message in cases:
        response = client.post("/register", data=data)
        assert response.status_code == 400, data
        assert message in response.get_data(as_text=True).lower() or message in response.get_data(
            as_text=True
        )


def test_login_wrong_password_and_logout(client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    response = client.post("/login", data={"email": "s@example.org", "password": "wrong password"})
    assert "do not match" in response.get_data(as_text=True)
    login(client, "s@example.org")
    assert client.get("/decks").status_code == 200
    assert client.post("/logout").status_code == 302
    assert client.get("/decks").status_code == 302  # back to the login page


def test_login_never_redirects_off_site(client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    response = client.post(
        "/login?next=//evil.example/x", data={"email": "s@example.org", "password": PASSWORD}
    )
    assert response.headers["Location"] in ("/", "/decks")


def test_setup_link_creates_the_first_teacher_once(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        token = accounts.issue_setup_token()
    assert token
    assert client.get(f"/setup/{token}").status_code == 200
    assert client.get("/setup/not-a-token").status_code == 404
    response = client.post(
        f"/setup/{token}",
        data={
            "name": "Tess",
            "email": "tess@example.org",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert client.get("/teach/").status_code == 200
    assert client.get(f"/setup/{token}").status_code == 404  # used up
    with app.app_context():
        assert accounts.issue_setup_token() is None  # a teacher exists now


def test_create_teacher_command(app: Flask) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-teacher", "t@example.org", "--name", "T"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    again = runner.invoke(
        args=["create-teacher", "t@example.org"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert again.exit_code != 0 and "already exists" in again.output


def test_production_hashes_passwords_with_scrypt() -> None:
    from quizapp import create_app

    app = create_app({"SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["PASSWORD_HASH_METHOD"] == "scrypt"
