"""Security: roles on every route, students see only their own data, CSRF, escaping, limits."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Article

from .conftest import csrf_token, login, logout

# (method, path template, {role: expected status}); "anon" redirects to the login page.
# Ownership: "teacher" (A) owns {article}, {deck} and {own_deck}, and "student" is in A's
# class; "other_teacher" (B) and "other_student" (in no class) are outsiders to them.
# {shared_article} and {shared_deck} are shared content (no owner, like the seeds).
OUTSIDERS = {"other_student": 403, "other_teacher": 403}
ROUTES = [
    ("GET", "/decks", {"anon": 302, "student": 200, "teacher": 200, "other_teacher": 200}),
    ("GET", "/decks/{deck}", {"anon": 302, "student": 200, "teacher": 200, **OUTSIDERS}),
    ("GET", "/decks/{own_deck}", {"anon": 302, "student": 200, "teacher": 200, **OUTSIDERS}),
    (
        "GET",
        "/decks/{shared_deck}",
        {"anon": 302, "student": 200, "teacher": 200, "other_student": 200, "other_teacher": 200},
    ),
    ("POST", "/decks/{deck}", {"anon": 302, "student": 302, "teacher": 403, **OUTSIDERS}),
    ("POST", "/decks/{own_deck}", {"anon": 302, "student": 302, **OUTSIDERS}),
    ("POST", "/decks/{shared_deck}", {"student": 302, "other_student": 302, "teacher": 403}),
    ("GET", "/decks/{deck}/anki", {"anon": 302, "student": 200, "teacher": 200, **OUTSIDERS}),
    ("GET", "/decks/{own_deck}/anki", {"student": 200, "teacher": 200, **OUTSIDERS}),
    ("GET", "/decks/{shared_deck}/anki", {"other_student": 200, "other_teacher": 200}),
    ("GET", "/history", {"anon": 302, "student": 200, "teacher": 403, "other_teacher": 403}),
    ("GET", "/quiz/{attempt}", {"anon": 302, "student": 200, "other_student": 403, "teacher": 403}),
    (
        "GET",
        "/quiz/{attempt}/results",
        {"anon": 302, "student": 200, "other_student": 403, "teacher": 403},
    ),
    ("POST", "/quiz/{attempt}/answer", {"anon": 302, "other_student": 403, "teacher": 403}),
    ("GET", "/articles/{article}", {"anon": 302, "student": 200, "teacher": 200, **OUTSIDERS}),
    (
        "GET",
        "/articles/{shared_article}",
        {"anon": 302, "student": 200, "teacher": 200, "other_student": 200, "other_teacher": 200},
    ),
    ("GET", "/teach/", {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 200}),
    ("GET", "/teach/articles", {"anon": 302, "student": 403, "teacher": 200}),
    (
        "GET",
        "/teach/articles/{article}",
        {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 403},
    ),
    (
        "GET",
        "/teach/articles/{shared_article}",
        {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 200},
    ),
    ("GET", "/teach/review", {"anon": 302, "student": 403, "teacher": 200}),
    ("GET", "/teach/questions", {"anon": 302, "student": 403, "teacher": 200}),
    ("GET", "/teach/questions/new", {"anon": 302, "student": 403, "teacher": 200}),
    (
        "GET",
        "/teach/questions/q0/edit",
        {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 403},
    ),
    (
        "GET",
        "/teach/questions/qs/edit",
        {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 200},
    ),
    ("POST", "/teach/questions/status", {"anon": 302, "student": 403, "other_teacher": 403}),
    ("GET", "/teach/decks", {"anon": 302, "student": 403, "teacher": 200}),
    # building a deck from question q0 (teacher A's): B may not take it
    ("POST", "/teach/decks", {"anon": 302, "student": 403, "other_teacher": 403, "teacher": 302}),
    (
        "GET",
        "/teach/decks/{deck}/export/gift",
        {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 403},
    ),
    (
        "GET",
        "/teach/decks/{own_deck}/export/csv",
        {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 403},
    ),
    (
        "GET",
        "/teach/decks/{shared_deck}/export/moodle-xml",
        {"student": 403, "teacher": 200, "other_teacher": 200},
    ),
    # exporting several decks at once: {deck} is teacher A's
    ("POST", "/teach/export", {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 403}),
    ("GET", "/teach/classes", {"anon": 302, "student": 403, "teacher": 200}),
    (
        "GET",
        "/teach/classes/{classroom}",
        {"anon": 302, "student": 403, "teacher": 200, "other_teacher": 403},
    ),
    ("POST", "/classes/join", {"anon": 302, "teacher": 403}),
    ("GET", "/study", {"anon": 302, "student": 200, "other_student": 200, "teacher": 403}),
    ("GET", "/study/deck/{deck}", {"anon": 302, "student": 200, "teacher": 403, **OUTSIDERS}),
    ("GET", "/study/deck/{own_deck}", {"student": 200, "other_student": 403}),
    ("GET", "/study/deck/{shared_deck}", {"student": 200, "other_student": 200}),
    ("GET", "/study/settings", {"anon": 302, "student": 200, "teacher": 403}),
    # rating question q0 (in teacher A's decks): not for a student outside A's classes
    ("POST", "/study/rate", {"anon": 302, "teacher": 403, "other_student": 403}),
    ("GET", "/progress", {"anon": 302, "student": 200, "teacher": 403, "other_teacher": 403}),
    # -- the teacher's everyday tools (issue 11, items 6 to 9). A POST that deletes or
    # removes lists its owner last: the rows before it must find the content still there.
    ("GET", "/teach/review?q=x&kind=mcq&page=2", {"anon": 302, "student": 403, "teacher": 200}),
    ("GET", "/teach/questions?status=retired&q=x", {"student": 403, "other_teacher": 200}),
    (
        "GET",
        "/teach/review/approve-all",
        {"anon": 302, "student": 403, "other_student": 403, "teacher": 200, "other_teacher": 200},
    ),
    # approving all of one's own drafts: "expected" is missing, so nothing changes (302 back)
    ("POST", "/teach/review/approve-all", {"anon": 302, "student": 403, "teacher": 302}),
    (
        "GET",
        "/teach/articles/{article}/delete",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 200},
    ),
    (
        "GET",
        "/teach/articles/{shared_article}/delete",
        {"anon": 302, "student": 403, "teacher": 403, "other_teacher": 403},
    ),
    (
        "POST",
        "/teach/articles/{shared_article}/delete",
        {"anon": 302, "student": 403, "teacher": 403, "other_teacher": 403},
    ),
    (
        "POST",
        "/teach/articles/{article}/delete",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 302},
    ),
    (
        "GET",
        "/teach/decks/{own_deck}/edit",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 200},
    ),
    # an article's deck holds its article's questions: not edited by hand, shared or not
    ("GET", "/teach/decks/{deck}/edit", {"teacher": 403, "other_teacher": 403}),
    ("GET", "/teach/decks/{shared_deck}/edit", {"teacher": 403, "other_teacher": 403}),
    (
        "POST",
        "/teach/decks/{own_deck}/edit",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 302},
    ),
    # adding q1 (teacher A's) to A's deck
    (
        "POST",
        "/teach/decks/{own_deck}/questions",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 302},
    ),
    ("POST", "/teach/decks/{shared_deck}/questions", {"teacher": 403, "other_teacher": 403}),
    (
        "GET",
        "/teach/decks/{own_deck}/delete",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 200},
    ),
    ("GET", "/teach/decks/{deck}/delete", {"teacher": 403, "other_teacher": 403}),
    ("POST", "/teach/decks/{shared_deck}/delete", {"teacher": 403, "other_teacher": 403}),
    (
        "POST",
        "/teach/decks/{own_deck}/delete",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 302},
    ),
    (
        "POST",
        "/teach/classes/{classroom}/rename",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 302},
    ),
    (
        "GET",
        "/teach/classes/{classroom}/archive",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 200},
    ),
    (
        "POST",
        "/teach/classes/{classroom}/archive",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 302},
    ),
    (
        "POST",
        "/teach/classes/{classroom}/unarchive",
        {"anon": 302, "student": 403, "other_teacher": 403, "teacher": 302},
    ),
    (
        "GET",
        "/teach/classes/{classroom}/students/{student}/remove",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 200},
    ),
    (
        "POST",
        "/teach/classes/{classroom}/students/{student}/remove",
        {"anon": 302, "student": 403, "other_student": 403, "other_teacher": 403, "teacher": 302},
    ),
    # leaving: only a member of the class; teachers never
    (
        "GET",
        "/classes/{classroom}/leave",
        {"anon": 302, "other_student": 403, "teacher": 403, "other_teacher": 403, "student": 200},
    ),
    (
        "POST",
        "/classes/{classroom}/leave",
        {"anon": 302, "other_student": 403, "teacher": 403, "other_teacher": 403, "student": 302},
    ),
]
EMAILS = {
    "student": "s@example.org",
    "other_student": "o@example.org",
    "teacher": "ta@example.org",
    "other_teacher": "tb@example.org",
}


@pytest.fixture
def attempt(app: Flask, client: FlaskClient, world) -> int:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    r = client.post(f"/decks/{world['deck']}", data={"length": 2})
    logout(client)
    return int(r.headers["Location"].rsplit("/", 1)[1])


@pytest.mark.parametrize(
    ("method", "path", "expected"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES]
)
def test_authorization_matrix(app: Flask, world, shared, attempt, method, path, expected) -> None:  # type: ignore[no-untyped-def]
    url = path.format(attempt=attempt, **world, **shared)
    data = {
        "ids": ["q0"],
        "status": "approved",
        "position": 0,
        "response": "x",
        "code": "JOINME22",
        "length": 2,
        "name": "New deck",
        "decks": [world["deck"]],
        "format": "gift",
        "question": "q0",
        "seq": 0,
        "rating": 3,
        "confirm": "yes",
        "add": ["q1"],
        "description": "",
    }
    for role, status in expected.items():
        client = app.test_client()
        if role != "anon":
            login(client, EMAILS[role])
        response = client.open(url, method=method, data=data if method == "POST" else None)
        assert response.status_code == status, (role, method, url, response.status_code)
        if role == "anon":
            assert "/login" in response.headers["Location"]


def test_students_never_see_each_others_answers(app: Flask, world, attempt) -> None:  # type: ignore[no-untyped-def]
    other = app.test_client()
    login(other, "o@example.org")
    assert other.get(f"/quiz/{attempt}/feedback/0").status_code == 403
    assert "Sam" not in other.get("/history").get_data(as_text=True)


def test_csrf_is_required_on_every_form(csrf_app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    client = csrf_app.test_client()
    # without a token, even logging in is refused
    r = client.post("/login", data={"email": "s@example.org", "password": "correct horse battery"})
    assert r.status_code == 400
    token = csrf_token(client, "/login")
    r = client.post(
        "/login",
        data={"email": "s@example.org", "password": "correct horse battery", "csrf_token": token},
    )
    assert r.status_code == 302
    assert client.post("/logout").status_code == 400
    assert client.post(f"/decks/{world['deck']}", data={"length": 2}).status_code == 400
    assert client.post("/classes/join", data={"code": "JOINME22"}).status_code == 400
    rating = {"question": "q0", "seq": "0", "rating": "3"}
    assert client.post("/study/rate", data=rating).status_code == 400
    settings = {"timezone": "UTC", "new_per_day": "5", "desired_retention": "0.9"}
    assert client.post("/study/settings", data=settings).status_code == 400
    teacher = csrf_app.test_client()
    token = csrf_token(teacher, "/login")
    assert (
        teacher.post(
            "/login",
            data={
                "email": "ta@example.org",
                "password": "correct horse battery",
                "csrf_token": token,
            },
        ).status_code
        == 302
    )
    for url, data in [
        ("/teach/articles", {"text": "x"}),
        ("/teach/questions/status", {"ids": ["q0"], "status": "retired"}),
        ("/teach/questions/new", {"kind": "short_answer", "prompt": "p", "answer": "a"}),
        ("/teach/classes", {"name": "C"}),
        ("/teach/decks", {"name": "D", "ids": ["q0"]}),
        ("/teach/review/approve-all", {"confirm": "yes", "expected": "1"}),
        (f"/teach/articles/{world['article']}/delete", {"confirm": "yes"}),
        (f"/teach/decks/{world['own_deck']}/edit", {"name": "D"}),
        (f"/teach/decks/{world['own_deck']}/questions", {"add": ["q1"]}),
        (f"/teach/decks/{world['own_deck']}/questions", {"remove": ["q0"], "confirm": "yes"}),
        (f"/teach/decks/{world['own_deck']}/delete", {"confirm": "yes"}),
        (f"/teach/classes/{world['classroom']}/rename", {"name": "C"}),
        (f"/teach/classes/{world['classroom']}/archive", {"confirm": "yes"}),
        (f"/teach/classes/{world['classroom']}/unarchive", {}),
        (
            f"/teach/classes/{world['classroom']}/students/{world['student']}/remove",
            {"confirm": "yes"},
        ),
    ]:
        assert teacher.post(url, data=data).status_code == 400, url
    assert (
        client.post(f"/classes/{world['classroom']}/leave", data={"confirm": "yes"}).status_code
        == 400
    )
    with csrf_app.app_context():
        from quizapp.models import Article, Deck, DeckQuestion, Enrollment

        assert db.session.get(Article, world["article"]).deleted_at is None
        assert db.session.scalar(select(func.count(Enrollment.id))) == 1
        assert db.session.scalar(select(func.count(DeckQuestion.id))) == 1
        assert db.session.get(Deck, world["own_deck"]).deleted_at is None


def test_article_text_is_escaped(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        art = db.session.get(Article, world["article"])
        art.text = "Officials said <script>alert('x')</script> was posted on Monday."
        art.title = "<b>Bold</b> claims"
        db.session.commit()
    login(client, "s@example.org")
    html = client.get(f"/articles/{world['article']}?start=0&end=9").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>Bold</b>" not in html
    assert '<mark id="cited">Officials</mark>' in html


def test_request_size_limit(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")
    login(client, "t@example.org")
    big = "x" * (3 * 1024 * 1024)
    r = client.post("/teach/articles", data={"text": big})
    assert r.status_code == 413
    assert "too large" in r.get_data(as_text=True)


def test_session_cookie_flags(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    r = client.post("/login", data={"email": "s@example.org", "password": "correct horse battery"})
    cookie = r.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and re.search(r"SameSite=Lax", cookie)
    assert app.config["DEBUG"] is False


def test_secure_cookies_behind_https(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from quizapp import create_app

    monkeypatch.setenv("QUIZAPP_SECURE_COOKIES", "1")
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_secret_key_is_generated_once_not_constant(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from quizapp import _secret_key

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("QUIZAPP_SECRET_KEY", raising=False)
    first = _secret_key(tmp_path)
    assert len(first) >= 32 and _secret_key(tmp_path) == first
    assert _secret_key(tmp_path / "other") != first
