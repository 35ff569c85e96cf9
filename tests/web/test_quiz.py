"""Students: decks, quizzes one question per page, feedback, results, history."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Answer, QuizAttempt

from .conftest import login


def start(client: FlaskClient, deck_id: int, length: int = 3) -> int:
    response = client.post(f"/decks/{deck_id}", data={"length": length})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return int(re.search(r"/quiz/(\d+)", response.headers["Location"]).group(1))


def answer_all(client: FlaskClient, attempt: int, app: Flask, right: bool = True) -> None:
    with app.app_context():
        qa = db.session.get(QuizAttempt, attempt)
        from quizapp.models import Question

        answers = [db.session.get(Question, qid).answer for qid in qa.question_ids]
    for pos, ans in enumerate(answers):
        client.post(
            f"/quiz/{attempt}/answer", data={"position": pos, "response": ans if right else "zzz"}
        )


def test_decks_show_approved_counts_and_scores(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    page = client.get("/decks").get_data(as_text=True)
    assert "Talks in Oslo" in page
    assert '<td data-label="Questions">3</td>' in page  # the draft is not counted
    attempt = start(client, world["deck"])
    answer_all(client, attempt, app)
    page = client.get("/decks").get_data(as_text=True)
    assert "100%" in page


def test_a_quiz_from_start_to_score(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    page = client.get(f"/quiz/{attempt}").get_data(as_text=True)
    assert "Question 1 of 3" in page
    with app.app_context():
        qids = db.session.get(QuizAttempt, attempt).question_ids
    assert "qd" not in qids  # drafts never reach students
    # answer the first one wrong, leniently graded text elsewhere
    response = client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "Stavanger"})
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Not quite" in feedback and "The right answer" in feedback
    assert "The minister flew to Oslo on Monday." in feedback
    assert f"/articles/{world['article']}?start=0&amp;end=36#cited" in feedback
    client.post(f"/quiz/{attempt}/answer", data={"position": 1, "response": "oslo"})
    client.post(f"/quiz/{attempt}/answer", data={"position": 2, "response": "  OSLO. "})
    # every question answered: the quiz shows its results
    assert client.get(f"/quiz/{attempt}").headers["Location"].endswith(f"/quiz/{attempt}/results")
    results = client.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "You scored" in results


def test_double_submit_is_recorded_once(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 2)
    for _ in range(3):
        client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "first"})
    client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "second try"})
    with app.app_context():
        rows = db.session.scalars(select(Answer).where(Answer.attempt_id == attempt)).all()
        assert len(rows) == 1 and rows[0].response == "first"


def test_resume_a_quiz_left_half_way(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "x"})
    client.post("/logout")
    login(client, "s@example.org")
    decks = client.get("/decks").get_data(as_text=True)
    assert "Continue where you left off" in decks
    page = client.get(f"/quiz/{attempt}").get_data(as_text=True)
    assert "Question 2 of 3" in page
    history = client.get("/history").get_data(as_text=True)
    assert "Resume" in history


def test_scores_are_derived_from_answer_rows(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    first = start(client, world["deck"], 3)
    answer_all(client, first, app, right=False)
    second = start(client, world["deck"], 3)
    answer_all(client, second, app, right=True)
    page = client.get(f"/decks/{world['deck']}").get_data(as_text=True)
    assert "0 / 3" in page and "3 / 3" in page
    listing = client.get("/decks").get_data(as_text=True)
    assert listing.count("100%") == 2  # last and best
    with app.app_context():
        assert db.session.scalar(select(func.count(Answer.id))) == 6


def test_bad_quiz_requests(client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    assert (
        client.post(f"/decks/{world['deck']}", data={"length": 0}).status_code == 200
    )  # form error shown
    assert client.post(f"/decks/{world['deck']}", data={"length": 500}).status_code == 200
    attempt = start(client, world["deck"], 1)
    assert (
        client.post(f"/quiz/{attempt}/answer", data={"position": 7, "response": "x"}).status_code
        == 400
    )
    assert client.post(f"/quiz/{attempt}/answer", data={"response": "x"}).status_code == 400
    assert client.get("/quiz/99999").status_code == 404


def test_class_join_by_code(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "o@example.org")
    response = client.post("/classes/join", data={"code": "nope"}, follow_redirects=True)
    assert "No class has that code" in response.get_data(as_text=True)
    response = client.post("/classes/join", data={"code": " joinme22 "}, follow_redirects=True)
    assert "You joined Year 10" in response.get_data(as_text=True)
    client.post("/classes/join", data={"code": "JOINME22"})  # twice is harmless


def test_answers_survive_a_restart(app: Flask, client: FlaskClient, world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "Oslo"})
    from quizapp import create_app

    again = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "WTF_CSRF_ENABLED": False,
        }
    )
    try:
        other = again.test_client()
        login(other, "s@example.org")
        assert "Question 2 of 3" in other.get(f"/quiz/{attempt}").get_data(as_text=True)
    finally:
        with again.app_context():
            db.engine.dispose()
