"""Item analysis on the class page: facility and the upper/lower 27% discrimination
index per question, the mcq and short-answer versions of one prompt apart."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Answer, Classroom, Deck, DeckQuestion, Enrollment, QuizAttempt
from quizapp.services import items

from .conftest import add_question, login


def _rows(rest: dict[int, tuple[int, int]], item: dict[int, bool]) -> list[tuple[int, str, bool]]:
    """Answer rows: each student's answers to other questions (right, of n), and to "x"."""
    rows = []
    for student, (right, n) in rest.items():
        rows += [(student, f"other{i}", i < right) for i in range(n)]
    rows += [(student, "x", ok) for student, ok in item.items()]
    return rows


def test_facility_and_discrimination_by_hand() -> None:
    # ten students whose scores on the other questions run 0/10 .. 9/10
    rest = {s: (s, 10) for s in range(10)}
    # the three best and the weakest got "x" right
    item = {s: s in (0, 7, 8, 9) for s in range(10)}
    figures = items.analyse(_rows(rest, item))["x"]
    assert (figures.answers, figures.correct, figures.students) == (10, 4, 10)
    assert figures.facility == pytest.approx(0.4)
    # 27% of 10 students is 3: upper {7, 8, 9} all right, lower {0, 1, 2} one right
    assert figures.discrimination == pytest.approx(1 - 1 / 3)


def test_a_question_the_weaker_students_get_right_has_a_negative_index() -> None:
    rest = {s: (s, 10) for s in range(8)}
    item = {s: s < 3 for s in range(8)}
    figures = items.analyse(_rows(rest, item))["x"]
    # 27% of 8 is 2: upper {6, 7} none right, lower {0, 1} both right
    assert figures.discrimination == pytest.approx(-1.0)


def test_the_item_does_not_rank_itself_and_small_groups_get_no_index() -> None:
    # four students: too few for an index; facility still counted
    figures = items.analyse(_rows({s: (s, 4) for s in range(4)}, {s: True for s in range(4)}))
    assert figures["x"].discrimination is None and figures["x"].facility == 1.0
    # a student with no other answers is not ranked (nothing to rank them by), but counts
    rows = [*_rows({s: (s, 5) for s in range(5)}, {s: s >= 3 for s in range(5)}), (99, "x", True)]
    x = items.analyse(rows)["x"]
    assert x.answers == 6 and x.correct == 3 and x.students == 6
    # ranked by the other questions only: 27% of 5 is 1, upper {4} right, lower {0} wrong
    assert x.discrimination == pytest.approx(1.0)
    # the same student answering twice: their item score is their share right on it
    twice = items.analyse([(1, "x", True), (1, "x", False)])["x"]
    assert twice.answers == 2 and twice.facility == 0.5 and twice.students == 1


def test_class_page_tells_the_kinds_of_one_prompt_apart(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    # an mcq version of q0's prompt, in the same article
    add_question(
        app,
        "q0m",
        prompt="Where did the minister fly?",
        kind="mcq",
        choices=["Oslo", "Rome", "Cairo"],
        article_id=world["article"],
        owner_id=world["teacher_a"],
    )
    # teacher B's private question, answered by the same student in B's class
    add_question(app, "secret", owner_id=world["teacher_b"], prompt="B's private question?")
    with app.app_context():
        b_class = Classroom(name="B's class", join_code="BCLASS23", teacher_id=world["teacher_b"])
        b_deck = Deck(name="B's deck", owner_id=world["teacher_b"])
        db.session.add_all([b_class, b_deck])
        db.session.flush()
        db.session.add(Enrollment(classroom_id=b_class.id, student_id=world["student"]))
        db.session.add(DeckQuestion(deck_id=b_deck.id, question_id="secret"))
        attempt = QuizAttempt(
            student_id=world["student"], deck_id=world["deck"], question_ids=["q0", "q0m", "secret"]
        )
        db.session.add(attempt)
        db.session.flush()
        for pos, (qid, ok) in enumerate([("q0", False), ("q0m", True), ("secret", True)]):
            db.session.add(
                Answer(
                    attempt_id=attempt.id,
                    student_id=world["student"],
                    question_id=qid,
                    position=pos,
                    response="x",
                    correct=ok,
                    reason="test",
                    expected="Oslo",
                )
            )
        db.session.commit()
    login(client, "ta@example.org")
    page = client.get(f"/teach/classes/{world['classroom']}").get_data(as_text=True)
    table = page.split('class="list cards items"')[1].split("</table>")[0]
    rows = re.findall(
        r"<tr[^>]*><td>(.*?)</td>\s*<td[^>]*>(.*?)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)%</td>\s*<td[^>]*>(.*?)</td></tr>",
        table,
        re.S,
    )
    assert [(p.strip(), k, n, f, d) for p, k, n, f, d in rows] == [
        ("Where did the minister fly?", "short answer", "1", "0", "–"),
        ("Where did the minister fly?", "mcq", "1", "100", "–"),
    ]
    assert "B&#39;s private question" not in page and "B's private question" not in page
    assert "<strong>Facility</strong>: the share of the class's answers that were right" in page
    assert "<strong>Discrimination</strong>: the share right among the top 27%" in page
    # the student row counts only answers to questions this teacher manages
    assert re.search(r"<td>Sam Student <a [^>]*>Remove.*?</a></td><td>1</td><td>2</td>", page)


def test_class_page_shows_the_discrimination_index(
    app: Flask, client: FlaskClient, world, make_user
) -> None:  # type: ignore[no-untyped-def]
    ids = [world["student"]] + [make_user(f"k{k}@example.org") for k in range(1, 6)]
    with app.app_context():
        for k, sid in enumerate(ids):
            if k:
                db.session.add(Enrollment(classroom_id=world["classroom"], student_id=sid))
            attempt = QuizAttempt(
                student_id=sid, deck_id=world["deck"], question_ids=["q0", "q1", "q2"]
            )
            db.session.add(attempt)
            db.session.flush()
            # q1 right from the 3rd student on, q2 from the 5th: the rest scores for q0
            for pos, (qid, ok) in enumerate([("q0", k >= 3), ("q1", k >= 2), ("q2", k >= 4)]):
                db.session.add(
                    Answer(
                        attempt_id=attempt.id,
                        student_id=sid,
                        question_id=qid,
                        position=pos,
                        response="x",
                        correct=ok,
                        reason="test",
                        expected="x",
                    )
                )
        db.session.commit()
    login(client, "ta@example.org")
    page = client.get(f"/teach/classes/{world['classroom']}").get_data(as_text=True)
    row = re.search(r"<td>Where did the minister fly\?.*?</tr>", page, re.S).group(0)
    # 27% of 6 students is 2: the two best on q1 and q2 got q0 right, the two weakest did not
    assert ">50%</td>" in row and ">+1.00</td>" in row
