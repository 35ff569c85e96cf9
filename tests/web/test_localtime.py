"""Times on pages: stored in UTC, shown in the user's own zone, which the page names."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask, render_template_string
from flask.testing import FlaskClient
from flask_login import login_user
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.localtime import format_local
from quizapp.models import Answer, QuizAttempt, User
from quizapp.services import accounts

from .conftest import login

UTC = dt.UTC


def at(*args: int) -> dt.datetime:
    """A UTC moment."""
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "zone", "shown"),
    [
        # Paris in winter is UTC+1, in summer UTC+2
        (at(2026, 11, 30, 13, 5), "Europe/Paris", "30 Nov 2026, 14:05 (Europe/Paris)"),
        (at(2026, 7, 1, 12, 5), "Europe/Paris", "01 Jul 2026, 14:05 (Europe/Paris)"),
        # the spring DST day in Paris: clocks jump from 02:00 to 03:00 at 01:00 UTC
        (at(2026, 3, 29, 0, 30), "Europe/Paris", "29 Mar 2026, 01:30 (Europe/Paris)"),
        (at(2026, 3, 29, 1, 30), "Europe/Paris", "29 Mar 2026, 03:30 (Europe/Paris)"),
        # the autumn DST day: 02:30 happens twice, an hour apart in UTC
        (at(2026, 10, 25, 0, 30), "Europe/Paris", "25 Oct 2026, 02:30 (Europe/Paris)"),
        (at(2026, 10, 25, 1, 30), "Europe/Paris", "25 Oct 2026, 02:30 (Europe/Paris)"),
        # New York's spring change is on another day, and the date can go back one
        (at(2026, 3, 8, 6, 59), "America/New_York", "08 Mar 2026, 01:59 (America/New_York)"),
        (at(2026, 3, 8, 7, 0), "America/New_York", "08 Mar 2026, 03:00 (America/New_York)"),
        (at(2026, 1, 1, 3, 0), "America/New_York", "31 Dec 2025, 22:00 (America/New_York)"),
        # half-hour zones, and a date that moves forward
        (at(2026, 5, 4, 20, 0), "Asia/Kolkata", "05 May 2026, 01:30 (Asia/Kolkata)"),
        (at(2026, 5, 4, 20, 0), "UTC", "04 May 2026, 20:00 (UTC)"),
    ],
)
def test_a_utc_time_in_the_users_zone_names_the_zone(
    moment: dt.datetime, zone: str, shown: str
) -> None:
    assert format_local(moment, zone) == shown


def test_odd_values_fall_back_to_utc_and_a_dash() -> None:
    naive = dt.datetime(2026, 7, 1, 12, 5)  # the database's UTC without its zone
    assert format_local(naive, "Europe/Paris") == "01 Jul 2026, 14:05 (Europe/Paris)"
    assert format_local(at(2026, 7, 1, 12, 5), "Mars/Olympus") == "01 Jul 2026, 12:05 (UTC)"
    assert format_local(at(2026, 7, 1, 12, 5), "") == "01 Jul 2026, 12:05 (UTC)"
    assert format_local(None, "Europe/Paris") == "–"
    assert format_local(at(2026, 7, 1, 12, 5), "Europe/Paris", "%H:%M") == "14:05 (Europe/Paris)"
    # an aware time in another zone is the same moment
    other = at(2026, 7, 1, 12, 5).astimezone(dt.timezone(dt.timedelta(hours=-3)))
    assert format_local(other, "Asia/Tokyo") == "01 Jul 2026, 21:05 (Asia/Tokyo)"


def test_the_filter_uses_the_logged_in_users_zone_and_utc_for_anonymous(
    app: Flask, make_user
) -> None:  # type: ignore[no-untyped-def]
    uid = make_user("paris@example.org")
    template = "{{ when|localtime }} / {{ when|localtime('%H:%M') }}"
    when = at(2026, 3, 29, 1, 30)
    with app.test_request_context("/"):
        assert (
            render_template_string(template, when=when) == "29 Mar 2026, 01:30 (UTC) / 01:30 (UTC)"
        )
    with app.test_request_context("/"):
        user = db.session.get(User, uid)
        assert user is not None
        user.timezone = "Europe/Paris"
        login_user(user)
        assert (
            render_template_string(template, when=when)
            == "29 Mar 2026, 03:30 (Europe/Paris) / 03:30 (Europe/Paris)"
        )


def _zone(app: Flask, uid: int, zone: str) -> None:
    with app.app_context():
        user = db.session.get(User, uid)
        assert user is not None
        user.timezone = zone
        db.session.commit()


def test_pages_show_times_in_the_users_zone(
    app: Flask, client: FlaskClient, world: dict[str, int]
) -> None:
    """History, the Decks page's unfinished quizzes, a deck's scores, and the teacher's
    class report: each in its reader's own zone, named on the page."""
    _zone(app, world["student"], "Europe/Paris")
    _zone(app, world["teacher_a"], "America/New_York")
    with app.app_context():
        finished = QuizAttempt(
            student_id=world["student"],
            deck_id=world["deck"],
            question_ids=["q0"],
            started_at=at(2026, 7, 1, 12, 5),
        )
        half = QuizAttempt(
            student_id=world["student"],
            deck_id=world["deck"],
            question_ids=["q0", "q1"],
            started_at=at(2026, 11, 30, 23, 40),  # already 1 December in Paris
        )
        db.session.add_all([finished, half])
        db.session.flush()
        db.session.add(
            Answer(
                attempt_id=finished.id,
                student_id=world["student"],
                question_id="q0",
                position=0,
                response="Oslo",
                correct=True,
                reason="exact",
                expected="Oslo",
                created_at=at(2026, 7, 1, 12, 9),
            )
        )
        db.session.commit()

    login(client, "s@example.org")
    history = client.get("/history").get_data(as_text=True)
    assert "01 Jul 2026, 14:05 (Europe/Paris)" in history
    assert "01 Dec 2026, 00:40 (Europe/Paris)" in history
    assert "12:05" not in history and "(UTC)" not in history
    decks = client.get("/decks").get_data(as_text=True)
    assert "started 01 Dec 2026, 00:40 (Europe/Paris)" in decks
    deck = client.get(f"/decks/{world['deck']}").get_data(as_text=True)
    assert "01 Jul 2026, 14:05 (Europe/Paris)" in deck

    teacher = app.test_client()
    login(teacher, "ta@example.org")
    report = teacher.get(f"/teach/classes/{world['classroom']}").get_data(as_text=True)
    # the last answer, in the teacher's zone (New York: UTC-4 in July)
    assert "01 Jul 2026, 08:09 (America/New_York)" in report
    assert "(UTC)" not in report


def test_a_user_without_a_zone_reads_utc_and_is_told_so(
    app: Flask, client: FlaskClient, world: dict[str, int]
) -> None:
    with app.app_context():
        db.session.add(
            QuizAttempt(
                student_id=world["student"],
                deck_id=world["deck"],
                question_ids=["q0"],
                started_at=at(2026, 7, 1, 12, 5),
            )
        )
        db.session.commit()
        zone = db.session.scalar(select(User.timezone).where(User.id == world["student"]))
        assert zone == "UTC"
    login(client, "s@example.org")
    assert "01 Jul 2026, 12:05 (UTC)" in client.get("/history").get_data(as_text=True)


def test_the_first_teacher_keeps_the_browsers_zone(app: Flask, client: FlaskClient) -> None:
    """The setup page sends the device's zone (zone.js) as registration does."""
    with app.app_context():
        token = accounts.issue_setup_token()
    page = client.get(f"/setup/{token}").get_data(as_text=True)
    assert 'name="timezone"' in page and "zone.js" in page
    response = client.post(
        f"/setup/{token}",
        data={
            "name": "Tess",
            "email": "tess@example.org",
            "password": "correct horse battery",
            "confirm": "correct horse battery",
            "timezone": "Asia/Kolkata",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        zone = db.session.scalar(select(User.timezone).where(User.email == "tess@example.org"))
    assert zone == "Asia/Kolkata"


def test_create_teacher_takes_a_zone(app: Flask) -> None:
    runner = app.test_cli_runner()
    password = "correct horse battery\ncorrect horse battery\n"
    result = runner.invoke(
        args=["create-teacher", "t@example.org", "--timezone", "Europe/Paris"], input=password
    )
    assert result.exit_code == 0, result.output
    wrong = runner.invoke(
        args=["create-teacher", "u@example.org", "--timezone", "Europe/Pariss"], input=password
    )
    assert wrong.exit_code != 0 and "unknown time zone 'Europe/Pariss'" in wrong.output
    with app.app_context():
        zones = {e: z for e, z in db.session.execute(select(User.email, User.timezone))}
    assert zones == {"t@example.org": "Europe/Paris"}
