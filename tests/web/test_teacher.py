"""Teachers: articles in, review, authoring, decks, classes."""

from __future__ import annotations

import io

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import APPROVED, DRAFT, RETIRED, Answer, Article, Deck, Question, QuizAttempt

from .conftest import answered, login, logout

ARTICLE = (
    "Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday for talks with "
    "Norwegian Prime Minister Jonas Berg. It is Ms Lindqvist's third visit to Norway since "
    "taking office, her spokesman said. The two leaders discussed a fishing accord under which "
    "about 1,200 boats would share the northern grounds for five years."
)


def counts(app: Flask) -> tuple[int, int]:
    with app.app_context():
        return (
            db.session.scalar(select(func.count(Article.id))) or 0,
            db.session.scalar(select(func.count(Question.id))) or 0,
        )


def test_add_article_by_paste_generates_drafts(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")
    login(client, "t@example.org")
    response = client.post(
        "/teach/articles",
        data={"title": "Swedish minister in Oslo", "published": "2025-03-14", "text": ARTICLE},
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Swedish minister in Oslo" in page
    with app.app_context():
        questions = db.session.scalars(select(Question)).all()
        assert questions and all(q.status == DRAFT for q in questions)
        assert any("14 March 2025" in q.prompt for q in questions)
        assert db.session.scalar(select(func.count(Deck.id))) == 1


def test_add_article_by_upload(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")
    login(client, "t@example.org")
    data = {"upload": (io.BytesIO(ARTICLE.encode()), "oslo.txt")}
    response = client.post("/teach/articles", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    assert counts(app)[0] == 1


def test_bad_articles_are_refused_and_nothing_is_half_stored(
    app: Flask, client: FlaskClient, make_user
) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")
    login(client, "t@example.org")
    assert client.post("/teach/articles", data={"text": ARTICLE}).status_code == 302
    before = counts(app)
    cases = [
        ({"text": "   "}, "Paste the article"),
        ({"text": "Too short to parse."}, "too little text"),
        ({"text": ARTICLE * 400}, "too long"),
        ({"text": ARTICLE}, "already in the bank"),
        ({"upload": (io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), "x.txt")}, "binary"),
        ({"upload": (io.BytesIO("caf\u00e9 ".encode("latin-1") * 40), "x.txt")}, "not UTF-8"),
        ({"upload": (io.BytesIO(b"hello"), "x.pdf")}, "plain-text .txt"),
        ({"text": ARTICLE + " x", "source_url": "javascript:alert(1)"}, "Invalid URL"),
    ]
    for data, message in cases:
        response = client.post("/teach/articles", data=data, content_type="multipart/form-data")
        assert response.status_code == 400, (data.keys(), response.status_code)
        assert message in response.get_data(as_text=True), message
        assert counts(app) == before


def test_review_approve_reject_and_bulk(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    page = client.get("/teach/review").get_data(as_text=True)
    assert "Draft?" in page
    assert (
        client.post(
            "/teach/questions/status", data={"ids": ["qd"], "status": "rejected"}
        ).status_code
        == 302
    )
    with app.app_context():
        assert db.session.get(Question, "qd").status == "rejected"
    assert (
        client.post(
            "/teach/questions/status", data={"ids": ["qd", "q0"], "status": "approved"}
        ).status_code
        == 302
    )
    with app.app_context():
        assert db.session.get(Question, "qd").status == APPROVED
    response = client.post(
        "/teach/questions/status", data={"status": "approved"}, follow_redirects=True
    )
    assert "Select at least one question" in response.get_data(as_text=True)


def test_edit_keeps_the_id_and_the_history(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    r = client.post(f"/decks/{world['deck']}", data={"length": 3})
    attempt = int(r.headers["Location"].rsplit("/", 1)[1])
    for pos in range(3):
        answered(client, attempt, pos, "Oslo")
    logout(client)
    login(client, "ta@example.org")
    response = client.post(
        "/teach/questions/q0/edit",
        data={
            "kind": "short_answer",
            "prompt": "Which city did the minister fly to?",
            "answer": "Oslo",
            "accepted": "Christiania",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        q = db.session.get(Question, "q0")
        assert q.prompt == "Which city did the minister fly to?" and q.version == 2
        assert q.accepted == ["Christiania"]
        assert (
            db.session.scalar(select(func.count(Answer.id)).where(Answer.question_id == "q0")) == 1
        )


def test_retire_removes_from_quizzes_but_keeps_history(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    assert (
        client.post(
            "/teach/questions/status", data={"ids": ["q1"], "status": "retired"}
        ).status_code
        == 302
    )
    logout(client)
    login(client, "s@example.org")
    r = client.post(f"/decks/{world['deck']}", data={"length": 10})
    attempt = int(r.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        assert "q1" not in db.session.get(QuizAttempt, attempt).question_ids
        assert db.session.get(Question, "q1").status == RETIRED


def test_authoring_validates_every_kind(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")
    login(client, "t@example.org")
    bad = [
        (
            {
                "kind": "mcq",
                "prompt": "Capital of Norway?",
                "answer": "Oslo",
                "distractors": "Bergen",
            },
            "at least two different distractors",
        ),
        (
            {
                "kind": "mcq",
                "prompt": "Capital of Norway?",
                "answer": "Oslo",
                "distractors": "Oslo\nBergen\nRome",
            },
            "repeats the correct answer",
        ),
        (
            {
                "kind": "mcq",
                "prompt": "Capital of Norway?",
                "answer": "Oslo",
                "distractors": "Rome\nrome",
            },
            "at least two different",
        ),
        (
            {"kind": "cloze", "prompt": "The capital of Norway is Oslo.", "answer": "Oslo"},
            "needs a blank",
        ),
        (
            {"kind": "true_false", "prompt": "Oslo is the capital of Norway.", "answer": "Maybe"},
            "True or False",
        ),
        (
            {"kind": "short_answer", "prompt": "Capital of Norway?", "answer": ""},
            "Give the correct answer",
        ),
        ({"kind": "short_answer", "prompt": "", "answer": "Oslo"}, "This field is required"),
        ({"kind": "essay", "prompt": "Why?", "answer": "x"}, "Not a valid choice"),
    ]
    for data, message in bad:
        response = client.post("/teach/questions/new", data=data)
        assert response.status_code == 400, data
        assert message in response.get_data(as_text=True), message
    good = [
        {
            "kind": "mcq",
            "prompt": "Capital of Norway?",
            "answer": "Oslo",
            "distractors": "Bergen\nTromsø",
        },
        {"kind": "cloze", "prompt": "The capital of Norway is ___.", "answer": "Oslo"},
        {"kind": "true_false", "prompt": "Oslo is the capital of Norway.", "answer": "true"},
        {
            "kind": "short_answer",
            "prompt": "Capital of Norway?",
            "answer": "Oslo",
            "accepted": "Kristiania",
            "tags": "geography, norway",
        },
    ]
    for data in good:
        assert client.post("/teach/questions/new", data=data).status_code == 302, data
    with app.app_context():
        rows = db.session.scalars(select(Question).where(Question.origin == "authored")).all()
        assert len(rows) == 4 and all(q.status == APPROVED and q.id.startswith("t_") for q in rows)
        mcq = next(q for q in rows if q.kind == "mcq")
        assert sorted(mcq.choices) == ["Bergen", "Oslo", "Tromsø"]


def test_decks_by_tag_and_by_hand(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    assert (
        client.post(
            "/teach/questions/new",
            data={"kind": "short_answer", "prompt": "Capital?", "answer": "Oslo", "tags": "geo"},
        ).status_code
        == 302
    )
    r = client.post("/teach/decks", data={"name": "Geography", "tag": "geo", "ids": ["q0"]})
    assert r.status_code == 302
    r = client.post("/teach/decks", data={"name": "Empty"})
    assert r.status_code == 400 and "at least one approved question" in r.get_data(as_text=True)
    logout(client)
    login(client, "s@example.org")  # in teacher A's class: sees the deck
    assert "Geography" in client.get("/decks").get_data(as_text=True)
    logout(client)
    login(client, "o@example.org")  # not in the class: does not
    assert "Geography" not in client.get("/decks").get_data(as_text=True)


def test_class_report_shows_scores_and_hard_questions(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    r = client.post(f"/decks/{world['deck']}", data={"length": 3})
    attempt = int(r.headers["Location"].rsplit("/", 1)[1])
    for pos in range(3):
        answered(client, attempt, pos, "wrong")
    logout(client)
    login(client, "ta@example.org")
    page = client.get(f"/teach/classes/{world['classroom']}").get_data(as_text=True)
    assert "Sam Student" in page and "JOINME22" in page
    assert "0%" in page
    r = client.post("/teach/classes", data={"name": "Year 11"}, follow_redirects=True)
    assert "Its join code is" in r.get_data(as_text=True)
