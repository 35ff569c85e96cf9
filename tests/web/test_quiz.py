"""Students: decks, quizzes one question per page, feedback, results, history."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Answer, QuizAttempt

from .conftest import answered, login, logout


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
        answered(client, attempt, pos, ans if right else "zzz")


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
    answered(client, attempt, 1, "oslo")
    answered(client, attempt, 2, "  OSLO. ")
    # every question answered: the quiz shows its results
    assert client.get(f"/quiz/{attempt}").headers["Location"].endswith(f"/quiz/{attempt}/results")
    results = client.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "You scored" in results


def test_double_submit_is_recorded_once(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 2)
    for _ in range(3):
        answered(client, attempt, 0, "first")
    answered(client, attempt, 0, "second try")
    with app.app_context():
        rows = db.session.scalars(select(Answer).where(Answer.attempt_id == attempt)).all()
        assert len(rows) == 1 and rows[0].response == "first"


def test_resume_a_quiz_left_half_way(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    answered(client, attempt, 0, "x")
    logout(client)
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
    # twice is harmless: the same message, one membership, the teacher's deck still open
    again = client.post("/classes/join", data={"code": "JOINME22"}, follow_redirects=True)
    assert again.status_code == 200 and "You joined Year 10" in again.get_data(as_text=True)
    with app.app_context():
        from quizapp.models import Enrollment

        rows = db.session.scalars(
            select(Enrollment).where(Enrollment.classroom_id == world["classroom"])
        ).all()
        assert sorted(e.student_id for e in rows) == sorted(
            [world["student"], world["other_student"]]
        )
    assert client.get(f"/decks/{world['deck']}").status_code == 200


def test_answers_survive_a_restart(app: Flask, client: FlaskClient, world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    answered(client, attempt, 0, "Oslo")
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


def _retire(app: Flask, qid: str, status: str = "retired") -> None:
    from quizapp.models import Question

    with app.app_context():
        db.session.get(Question, qid).status = status
        db.session.commit()


def _order(app: Flask, attempt: int) -> list[str]:
    with app.app_context():
        return list(db.session.get(QuizAttempt, attempt).question_ids)


def test_a_question_withdrawn_during_a_quiz_is_skipped(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    first, second, third = _order(app, attempt)
    with app.app_context():
        from quizapp.models import Question

        right = db.session.get(Question, first).answer
    answered(client, attempt, 0, right)
    _retire(app, second, "retired")
    page = client.get(f"/quiz/{attempt}").get_data(as_text=True)
    # the retired question is skipped: the third one is next, as question 2 of 2
    assert "Question 2 of 2" in page
    assert 'name="position" type="hidden" value="2"' in page
    # an answer sent for the withdrawn question (a page left open) is not recorded
    r = client.post(f"/quiz/{attempt}/answer", data={"position": 1, "response": "x"})
    assert r.headers["Location"].endswith(f"/quiz/{attempt}")
    assert "withdrew that question" in client.get(r.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Answer.id))) == 1
    _retire(app, third, "rejected")
    assert client.get(f"/quiz/{attempt}").headers["Location"].endswith("/results")
    results = client.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "You scored <strong>1 / 1</strong> (100%)" in results
    assert "withdrew 2 questions of this quiz" in results
    history = client.get("/history").get_data(as_text=True)
    assert "1 / 1" in history and ">Review</a>" in history and ">Resume</a>" not in history


def test_an_answered_question_withdrawn_later_still_counts(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    answer_all(client, attempt, app, right=False)
    _retire(app, _order(app, attempt)[0])
    results = client.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "You scored <strong>0 / 3</strong>" in results  # a finished quiz keeps its score
    assert "withdrew" not in results
    assert "0 / 3" in client.get(f"/decks/{world['deck']}").get_data(as_text=True)


def test_a_quiz_whose_questions_were_all_withdrawn(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 2)
    for qid in _order(app, attempt):
        _retire(app, qid)
    assert client.get(f"/quiz/{attempt}").headers["Location"].endswith("/results")
    results = client.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "Every question of this quiz was withdrawn" in results
    assert "Continue where you left off" not in client.get("/decks").get_data(as_text=True)


def test_an_empty_answer_asks_to_skip_first(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 1)
    r = client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "   "})
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"/quiz/{attempt}?skip=0#skip")
    with app.app_context():
        assert db.session.scalar(select(func.count(Answer.id))) == 0  # nothing recorded yet
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Skip this question?" in page and "counts as a wrong answer" in page
    assert '<input type="hidden" name="skip" value="1">' in page
    # without the question in the URL, no question is asked
    assert "Skip this question?" not in client.get(f"/quiz/{attempt}").get_data(as_text=True)
    r = client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": "", "skip": "1"})
    assert r.headers["Location"].endswith(f"/quiz/{attempt}/feedback/0")
    assert "Skipped." in client.get(r.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        row = db.session.scalar(select(Answer))
        assert (row.response, row.correct, row.reason) == ("", False, "skipped")
    results = client.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "You scored <strong>0 / 1</strong>" in results and "✗ Skipped" in results


def test_skip_confirmation_does_not_skip_a_typed_answer(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 1)
    qid = _order(app, attempt)[0]
    with app.app_context():
        from quizapp.models import Question

        right = db.session.get(Question, qid).answer
    answered(client, attempt, 0, right, skip="1")
    with app.app_context():
        row = db.session.scalar(select(Answer))
        assert row.correct and row.reason != "skipped"


def test_withdrawn_questions_and_retries_on_the_fast_answer_path(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    """The skip rules on perf's answer path: an answer given before its question was
    withdrawn stands when the POST is retried (also empty), the feedback page counts
    without the withdrawn question, and a retried skip records nothing twice."""
    login(client, "s@example.org")
    attempt = start(client, world["deck"], 3)
    first, second, _third = _order(app, attempt)
    with app.app_context():
        from quizapp.models import Question

        right = db.session.get(Question, first).answer
    r = client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": right})
    assert r.headers["Location"].endswith(f"/quiz/{attempt}/feedback/0")
    _retire(app, first)
    _retire(app, second)
    # a retry of the first answer (even an empty one) shows the first answer's feedback
    for response in (right, ""):
        again = client.post(f"/quiz/{attempt}/answer", data={"position": 0, "response": response})
        assert again.headers["Location"].endswith(f"/quiz/{attempt}/feedback/0")
    page = client.get(f"/quiz/{attempt}/feedback/0").get_data(as_text=True)
    assert "Right!" in page and "Question 1 of 2" in page and "Next question" in page
    page = client.get(f"/quiz/{attempt}").get_data(as_text=True)
    assert "Question 2 of 2" in page and 'name="position" type="hidden" value="2"' in page
    assert "Skip this question?" not in page
    for _ in range(2):  # a confirmed skip, sent twice
        r = client.post(
            f"/quiz/{attempt}/answer", data={"position": 2, "response": " ", "skip": "1"}
        )
        assert r.headers["Location"].endswith(f"/quiz/{attempt}/feedback/2")
    page = client.get(f"/quiz/{attempt}/feedback/2").get_data(as_text=True)
    assert "Skipped." in page and "Question 2 of 2" in page and "See your score" in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Answer.id))) == 2
    assert client.get(f"/quiz/{attempt}").headers["Location"].endswith("/results")
    results = client.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "You scored <strong>1 / 2</strong>" in results
