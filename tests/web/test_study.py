"""Flashcard study: the queue, ratings, quiz answers as reviews, progress, class view."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp import srs
from quizapp.extensions import db
from quizapp.models import (
    APPROVED,
    Article,
    Classroom,
    Deck,
    Enrollment,
    Question,
    Review,
    StudyCard,
    User,
)
from quizapp.services import NotAllowed, ServiceError, library, stats, study
from quizapp.services.study import NotDue

from .conftest import add_question, answered, login

NOON = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.UTC)


def _student(email: str = "s@example.org") -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    assert user is not None
    return user


def _second_class(student: User, teacher_id: int) -> None:
    """Put the student in another class of the same teacher (so not in the world's class)."""
    classroom = Classroom(name="Year 11", join_code="OTHER233", teacher_id=teacher_id)
    db.session.add(classroom)
    db.session.flush()
    db.session.add(Enrollment(classroom_id=classroom.id, student_id=student.id))
    db.session.commit()


def _form(html: str) -> dict[str, str]:
    """The hidden fields of the rating form on a study page."""
    form = html[html.index('action="/study/rate"') :]
    return dict(
        re.findall(r'name="(\w+)" type="hidden" value="([^"]*)"', form[: form.index("</form>")])
    )


def _reviews(app: Flask, **where: Any) -> list[Review]:
    with app.app_context():
        stmt = select(Review).order_by(Review.id)
        for key, value in where.items():
            stmt = stmt.where(getattr(Review, key) == value)
        return list(db.session.scalars(stmt))


def _rate_all(
    student: User, now: dt.datetime, rating: int = srs.GOOD, deck: int | None = None
) -> list[str]:
    """Rate every card the queue offers at ``now``; the question ids in order."""
    seen = []
    while True:
        q = study.queue(student, deck, now)
        if q.question is None:
            return seen
        seen.append(q.question.id)
        study.rate(
            student, q.question.id, rating, q.card.reps if q.card else 0, deck_id=deck, now=now
        )
        assert len(seen) < 100


# -- studying through the pages ----------------------------------------------------------


def test_a_study_session_through_the_pages(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    page = client.get(f"/study/deck/{world['deck']}").get_data(as_text=True)
    assert "3 new" in page and "Show answer" in page
    # the back is in the page but hidden until revealed (without script: ?show=1)
    assert re.search(r'class="back" data-back\s+hidden', page)
    shown = client.get(f"/study/deck/{world['deck']}?show=1").get_data(as_text=True)
    assert not re.search(r'class="back" data-back\s+hidden', shown)
    assert "The minister flew to Oslo on Monday." in shown
    assert "See it in the article" in shown
    # each rating button says when the card comes back
    assert re.search(r"Again</span> <small>1 min</small>", shown)
    assert re.search(r"Good</span> <small>10 min</small>", shown)
    fields = _form(shown)
    assert fields["seq"] == "0" and fields["card"] == ""
    r = client.post("/study/rate", data={**fields, "rating": "3"})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/study/deck/{world['deck']}")
    follow = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "2 new" in follow and "1 learning" in follow
    [review] = _reviews(app)
    assert (review.question_id, review.rating, review.seq, review.source) == (
        fields["question"],
        3,
        0,
        "study",
    )
    assert review.state_before is None and review.state_after == srs.LEARNING
    assert review.scheduler == srs.SCHEDULER_VERSION
    assert review.reviewed_at.tzinfo is not None and review.duration_ms is not None


def test_all_decks_draws_on_every_visible_deck(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    add_question(app, "t1", owner_id=world["teacher_b"])
    with app.app_context():
        # teacher B's deck: not one of Sam's teachers, so not in Sam's queue
        deck = Deck(name="B's deck", owner_id=world["teacher_b"])
        db.session.add(deck)
        db.session.flush()
        from quizapp.models import DeckQuestion

        db.session.add(DeckQuestion(deck_id=deck.id, question_id="t1"))
        db.session.commit()
        sam = _student()
        assert study.queue(sam, None, NOON).new == 3
        with pytest.raises(NotAllowed):
            study.queue(sam, deck.id, NOON)
        with pytest.raises(NotAllowed, match="not in any deck"):
            study.rate(sam, "t1", srs.GOOD, 0, now=NOON)


def test_due_cards_come_before_new_and_new_cards_stop_at_the_limit(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    for i in range(6):
        add_question(app, f"n{i}", article_id=world["article"])
    with app.app_context():
        sam = _student()
        study.update_settings(sam, "UTC", 2, 0.9)
        day1 = _rate_all(sam, NOON)
        # two new cards rated Good, then (nothing else left, so learning ahead as Anki
        # does) their ten-minute learning step, which graduates them
        assert len(day1) == 4 and day1[:2] == day1[2:] and len(set(day1)) == 2
        assert study.queue(sam, None, NOON).new == 0
        other_new = next(f"n{i}" for i in range(6) if f"n{i}" not in day1)
        with pytest.raises(NotDue, match="today's 2 new cards"):
            study.rate(sam, other_new, srs.GOOD, 0, now=NOON)
        day1 = day1[:2]
        # some days later both are due again: they come before the day's new cards
        days_later = NOON + dt.timedelta(days=30)
        q = study.queue(sam, None, days_later)
        assert q.review == 2 and q.new == 2
        assert q.card is not None and q.question is not None and q.question.id in day1
        order = _rate_all(sam, days_later)
        assert order[:2] == sorted(day1, key=order.index)[:2] and set(order[:2]) == set(day1)
        assert len(set(order[2:]) - set(day1)) == 2


def test_a_learning_card_comes_back_within_the_session(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        sam = _student()
        study.update_settings(sam, "UTC", 1, 0.9)
        q = study.queue(sam, world["deck"], NOON)
        assert q.question is not None
        qid = q.question.id
        study.rate(sam, qid, srs.AGAIN, 0, now=NOON)
        # nothing else left: the learning card is shown early (learn-ahead), as in Anki
        again = study.queue(sam, world["deck"], NOON)
        assert again.question is not None and again.question.id == qid and again.learning == 1
        study.rate(sam, qid, srs.GOOD, 1, now=NOON + dt.timedelta(minutes=1))
        study.rate(sam, qid, srs.GOOD, 2, now=NOON + dt.timedelta(minutes=11))
        card = db.session.scalar(select(StudyCard).where(StudyCard.question_id == qid))
        assert card is not None and card.state == srs.REVIEW and card.reps == 3
        done = study.queue(sam, world["deck"], NOON + dt.timedelta(minutes=12))
        assert done.question is None and done.remaining == 0


def test_a_learning_card_due_later_is_announced(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    # the page reads the real clock: study in a zone where it is about noon now, so the
    # study day (which turns at 4 in the morning) does not turn during the test
    now = dt.datetime.now(dt.UTC)
    offset = (12 - now.hour + 12) % 24 - 12  # local hour about 12, offset in -12..11
    zone = "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"
    with app.app_context():
        sam = _student()
        study.update_settings(sam, zone, 1, 0.9)
        q = study.queue(sam, world["deck"], now)
        assert q.question is not None
        # Hard, then Again's step is past: force a step due in 30 minutes by editing time
        study.rate(sam, q.question.id, srs.GOOD, 0, now=now - dt.timedelta(minutes=5))
        card = db.session.scalar(select(StudyCard))
        assert card is not None
        card.due = now + dt.timedelta(minutes=30)
        db.session.commit()
        local = card.due.astimezone(srs.zone(zone)).strftime("%H:%M")
    login(client, "s@example.org")
    page = client.get(f"/study/deck/{world['deck']}").get_data(as_text=True)
    assert "Done for now." in page and f"come back at {local}" in page


def test_new_cards_of_one_fact_are_not_shown_on_the_same_day(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    fact = {"type": "visit", "visitor": "Ana Silva", "places": ["Lima"]}
    for qid in ("sib-a", "sib-b", "sib-c"):
        add_question(app, qid, article_id=world["article"], fact=fact)
    with app.app_context():
        sam = _student()
        first_day = _rate_all(sam, NOON)
        siblings = {q for q in first_day if q.startswith("sib-")}
        assert len(siblings) == 1  # one question per fact a day
        next_day = _rate_all(sam, NOON + dt.timedelta(days=1))
        assert len({q for q in next_day if q.startswith("sib-")} - siblings) == 1


# -- time zones --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "due_today"),
    [("Pacific/Auckland", True), ("America/Los_Angeles", False), ("UTC", False)],
)
def test_review_cards_due_today_depend_on_the_student_s_zone(
    app: Flask, world, zone: str, due_today: bool
) -> None:  # type: ignore[no-untyped-def]
    """Days start at midnight here. At 13:00 UTC on 10 June it is already 01:00 on
    11 June in Auckland, whose day ends at 12:00 UTC on 11 June; a card due at 08:00 UTC
    on 11 June is due today there, but after the end of today in Los Angeles (07:00 UTC)
    and in UTC (00:00)."""
    app.config["STUDY_DAY_STARTS_AT"] = 0
    with app.app_context():
        sam = _student()
        study.update_settings(sam, zone, 0, 0.9)
        q = study.queue(sam, world["deck"], NOON - dt.timedelta(days=5))
        sam.new_per_day = 1
        db.session.commit()
        assert q.question is None
        first = study.queue(sam, world["deck"], NOON - dt.timedelta(days=5)).question
        assert first is not None
        study.rate(sam, first.id, srs.EASY, 0, now=NOON - dt.timedelta(days=5))
        card = db.session.scalar(select(StudyCard))
        assert card is not None and card.state == srs.REVIEW
        card.due = dt.datetime(2026, 6, 11, 8, 0, tzinfo=dt.UTC)
        db.session.commit()
        sam.new_per_day = 0
        db.session.commit()
        now = dt.datetime(2026, 6, 10, 13, 0, tzinfo=dt.UTC)
        q = study.queue(sam, world["deck"], now)
        assert (q.review == 1) is due_today
        if not due_today:
            with pytest.raises(NotDue, match="not due until"):
                study.rate(sam, first.id, srs.GOOD, 1, now=now)
            assert db.session.scalar(select(func.count(Review.id))) == 1


def test_the_new_card_limit_resets_at_the_local_day_start(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    """Tokyo is UTC+9 and the day starts at 4 a.m.: 18:59 UTC is 03:59, still the day
    before; 19:00 UTC starts a new day with a fresh limit."""
    with app.app_context():
        sam = _student()
        study.update_settings(sam, "Asia/Tokyo", 1, 0.9)
        before = dt.datetime(2026, 6, 10, 18, 59, tzinfo=dt.UTC)
        assert len(set(_rate_all(sam, before))) == 1
        assert study.queue(sam, None, before + dt.timedelta(seconds=30)).new == 0
        after = dt.datetime(2026, 6, 10, 19, 0, tzinfo=dt.UTC)
        assert study.queue(sam, None, after).new == 1


# -- ratings: never lost, never twice ----------------------------------------------------


def test_a_double_submitted_rating_is_recorded_once(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    fields = _form(client.get("/study?show=1").get_data(as_text=True))
    first = client.post("/study/rate", data={**fields, "rating": "1"})
    second = client.post("/study/rate", data={**fields, "rating": "1"})
    assert first.status_code == second.status_code == 302
    assert len(_reviews(app, question_id=fields["question"])) == 1
    # a second rating of the card's next state is a new review
    fields2 = _form(client.get("/study?show=1").get_data(as_text=True))
    assert fields2["question"] == fields["question"] or fields2["seq"] == "0"


def test_a_repeat_of_an_older_rating_changes_nothing(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        sam = _student()
        first = study.rate(sam, "q0", srs.AGAIN, 0, now=NOON)
        second = study.rate(sam, "q0", srs.GOOD, 1, now=NOON + dt.timedelta(minutes=2))
        card = db.session.scalar(select(StudyCard))
        assert card is not None
        before = (card.reps, card.due, card.stability)
        repeat = study.rate(sam, "q0", srs.GOOD, 0, now=NOON + dt.timedelta(minutes=3))
        assert repeat.duplicate and repeat.review.id == first.review.id
        assert not second.duplicate
        db.session.refresh(card)
        assert (card.reps, card.due, card.stability) == before
        with pytest.raises(ServiceError, match="changed since"):
            study.rate(sam, "q0", srs.GOOD, 5, now=NOON)


def test_ratings_of_cards_not_due_or_not_yours_are_refused(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        sam = _student()
        olga = _student("o@example.org")
        _second_class(olga, world["teacher_a"])
        study.rate(olga, "q0", srs.EASY, 0, now=dt.datetime.now(dt.UTC))
        olgas_card = db.session.scalar(select(StudyCard.id).where(StudyCard.student_id == olga.id))
        study.rate(sam, "q1", srs.EASY, 0, now=dt.datetime.now(dt.UTC))
        with pytest.raises(NotAllowed, match="someone else"):
            study.rate(sam, "q0", srs.GOOD, 1, card_id=olgas_card)
    login(client, "s@example.org")
    r = client.post(
        "/study/rate", data={"question": "q0", "card": olgas_card, "seq": "1", "rating": "3"}
    )
    assert r.status_code == 403 and "belongs to someone else" in r.get_data(as_text=True)
    # Sam's own card was rated Easy: due in days, so a rating now is refused
    r = client.post(
        "/study/rate", data={"question": "q1", "seq": "1", "rating": "3"}, follow_redirects=True
    )
    assert "not due until" in r.get_data(as_text=True) and "nothing was recorded" in r.get_data(
        as_text=True
    )
    assert len(_reviews(app, question_id="q1")) == 1
    for bad in [
        {"question": "q1", "seq": "1", "rating": "7"},
        {"question": "q1", "seq": "x", "rating": "3"},
        {"question": "", "seq": "0", "rating": "3"},
    ]:
        assert client.post("/study/rate", data=bad).status_code == 400
    r = client.post(
        "/study/rate", data={"question": "nope", "seq": "0", "rating": "3"}, follow_redirects=True
    )
    assert "That card does not exist." in r.get_data(as_text=True)
    assert len(_reviews(app)) == 2


def test_teachers_do_not_study(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    for url in ("/study", f"/study/deck/{world['deck']}", "/progress", "/study/settings"):
        assert client.get(url).status_code == 403
    assert (
        client.post("/study/rate", data={"question": "q0", "seq": "0", "rating": "3"}).status_code
        == 403
    )


# -- the teacher changes the bank --------------------------------------------------------


def test_an_edited_question_keeps_its_schedule_and_a_retired_one_leaves(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        sam = _student()
        teacher = db.session.get(User, world["teacher_a"])
        study.rate(sam, "q0", srs.EASY, 0, now=NOON)
        card = db.session.scalar(select(StudyCard).where(StudyCard.question_id == "q0"))
        assert card is not None
        schedule = (card.id, card.due, card.stability, card.difficulty, card.reps)
        library.edit_question(
            teacher, "q0", {"prompt": "Which city did the minister fly to?", "answer": "Oslo"}
        )
        db.session.refresh(card)
        assert (card.id, card.due, card.stability, card.difficulty, card.reps) == schedule
        later = card.due + dt.timedelta(hours=1)
        q = study.queue(sam, world["deck"], later)
        assert q.card is not None and q.card.id == card.id
        assert q.question is not None and q.question.prompt == "Which city did the minister fly to?"
        review = study.rate(sam, "q0", srs.GOOD, 1, now=later).review
        assert review.question_version == 2
        # retired: out of the queue, and a rating is refused with a message
        library.set_status(teacher, ["q0"], "retired")
        much_later = later + dt.timedelta(days=400)
        assert all(
            q.id != "q0" for q in [study.queue(sam, world["deck"], much_later).question] if q
        )
        assert study.queue(sam, world["deck"], much_later).review == 0
        with pytest.raises(ServiceError, match="withdrawn"):
            study.rate(sam, "q0", srs.GOOD, 2, now=much_later)


# -- quizzes count as reviews ------------------------------------------------------------


def test_quiz_answers_are_reviews_wrong_again_right_good(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    r = client.post(f"/decks/{world['deck']}", data={"length": 3})
    attempt = int(r.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        from quizapp.models import QuizAttempt

        order = db.session.get(QuizAttempt, attempt).question_ids
    answers = {"q0": "Oslo", "q1": "Bergen", "q2": "True"}
    for pos, qid in enumerate(order):
        answered(client, attempt, pos, answers[qid])
        # the same answer sent twice is one answer and one review
        answered(client, attempt, pos, answers[qid])
    reviews = {r.question_id: r for r in _reviews(app)}
    assert len(_reviews(app)) == 3
    assert reviews["q0"].rating == srs.GOOD and reviews["q1"].rating == srs.AGAIN
    assert {r.source for r in reviews.values()} == {"quiz"}
    assert all(r.answer_id is not None for r in reviews.values())
    # the cards now exist: studying continues from the quiz's memory state
    with app.app_context():
        sam = _student()
        q = study.queue(sam, world["deck"], dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2))
        assert q.new == 0 and q.card is not None and q.card.question_id == "q1"


# -- settings ----------------------------------------------------------------------------


def test_study_settings_are_validated_and_nothing_changes_on_error(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    page = client.get("/study/settings").get_data(as_text=True)
    assert 'value="Europe/Oslo"' in page and "4 a.m." in page
    for bad, message in [
        (
            {"timezone": "Mars/Olympus", "new_per_day": "20", "desired_retention": "0.9"},
            "Not a valid choice",
        ),
        ({"timezone": "UTC", "new_per_day": "-1", "desired_retention": "0.9"}, "between 0 and 999"),
        (
            {"timezone": "UTC", "new_per_day": "20", "desired_retention": "0.5"},
            "between 0.70 and 0.99",
        ),
        ({"timezone": "UTC", "new_per_day": "", "desired_retention": "0.9"}, "from 0 to 999"),
    ]:
        r = client.post("/study/settings", data=bad)
        assert r.status_code == 200 and message in r.get_data(as_text=True), bad
    with app.app_context():
        sam = _student()
        assert (sam.timezone, sam.new_per_day, sam.desired_retention) == ("UTC", 20, 0.9)
    r = client.post(
        "/study/settings",
        data={"timezone": "Europe/Oslo", "new_per_day": "0", "desired_retention": "0.85"},
        follow_redirects=True,
    )
    assert "Study settings saved." in r.get_data(as_text=True)
    with app.app_context():
        sam = _student()
        assert (sam.timezone, sam.new_per_day, sam.desired_retention) == ("Europe/Oslo", 0, 0.85)
    page = client.get("/study").get_data(as_text=True)
    assert "Done for now." in page and "today's new cards" in page


def test_desired_retention_changes_the_intervals(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        sam = _student()
        study.update_settings(sam, "UTC", 20, 0.8)
        relaxed = study.interval_labels(sam, None, NOON)
        study.update_settings(sam, "UTC", 20, 0.97)
        strict = study.interval_labels(sam, None, NOON)
        assert relaxed[srs.EASY] != strict[srs.EASY]


# -- progress ----------------------------------------------------------------------------


def test_progress_counts_streak_retention_forecast_and_mastery(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    app.config["STUDY_DAY_STARTS_AT"] = 0
    with app.app_context():
        sam = _student()
        start = NOON - dt.timedelta(days=3)
        # three days in a row: q0 remembered each time, q1 forgotten once after learning
        study.rate(sam, "q0", srs.EASY, 0, now=start)
        study.rate(sam, "q1", srs.EASY, 0, now=start)
        card0 = db.session.scalar(select(StudyCard).where(StudyCard.question_id == "q0"))
        card1 = db.session.scalar(select(StudyCard).where(StudyCard.question_id == "q1"))
        assert card0 is not None and card1 is not None
        day2 = start + dt.timedelta(days=1)
        card0.due = card1.due = day2
        db.session.commit()
        study.rate(sam, "q0", srs.GOOD, 1, now=day2)
        study.rate(sam, "q1", srs.AGAIN, 1, now=day2)
        card0.stability = 40.0  # as if learnt long ago: mastered
        db.session.commit()
        study.rate(sam, "q1", srs.GOOD, 2, now=day2 + dt.timedelta(minutes=10))
        p = stats.progress(sam, NOON)
    # studied three and two days ago, not yesterday: the streak is broken
    assert p.streak == 0
    assert p.reviews == 2 and p.remembered == 1 and p.retention == 0.5
    per_day = {d.date: (d.count, d.extra) for d in p.per_day}
    assert per_day[start.date()] == (2, 0)
    assert per_day[day2.date()] == (3, 1)
    assert sum(d.count for d in p.per_day) == 5
    assert [d.date for d in p.forecast] == [NOON.date() + dt.timedelta(days=i) for i in range(1, 8)]
    [deck] = [d for d in p.decks if d.deck.id == world["deck"]]
    assert (deck.cards, deck.studied, deck.mastered) == (3, 2, 1)


def test_streak_reaches_today(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    app.config["STUDY_DAY_STARTS_AT"] = 0
    with app.app_context():
        sam = _student()
        study.update_settings(sam, "UTC", 1, 0.9)
        for back in (2, 1, 0):
            _rate_all(sam, NOON - dt.timedelta(days=back))
        assert stats.progress(sam, NOON).streak == 3
        assert stats.progress(sam, NOON + dt.timedelta(days=1)).streak == 3
        assert stats.progress(sam, NOON + dt.timedelta(days=2)).streak == 0


def test_the_progress_page_draws_charts(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        study.rate(_student(), "q0", srs.GOOD, 0)
    login(client, "s@example.org")
    page = client.get("/progress").get_data(as_text=True)
    assert page.count("<svg") == 2 and 'role="img"' in page
    assert "Cards due in the next 7 days" in page and "Reviews per day, last 30 days" in page
    assert ": 1 review, 0 forgotten" in page
    assert "Talks in Oslo" in page and "1 of 3" in page
    # the other student sees none of it
    other = app.test_client()
    login(other, "o@example.org")
    assert ": 1 review," not in other.get("/progress").get_data(as_text=True)


# -- the teacher's class view ------------------------------------------------------------


def test_the_class_page_shows_who_studies_and_the_hardest_cards(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        sam = _student()
        olga = _student("o@example.org")  # in another of A's classes: must not appear
        _second_class(olga, world["teacher_a"])
        now = dt.datetime.now(dt.UTC)
        # both of Sam's reviews in the middle of his previous study day, so they never
        # straddle the day's start (4 a.m.) whatever the hour the suite runs at
        today = srs.study_day(now, sam.timezone, study.day_start_hour())
        midday = today.start - dt.timedelta(hours=12)
        study.rate(sam, "q0", srs.AGAIN, 0, now=midday)
        study.rate(sam, "q0", srs.GOOD, 1, now=midday + dt.timedelta(minutes=10))
        study.rate(olga, "q2", srs.AGAIN, 0, now=now)
    login(client, "ta@example.org")
    page = client.get(f"/teach/classes/{world['classroom']}").get_data(as_text=True)
    assert "Flashcard study" in page and "Sam Student" in page
    assert page.count("<svg") == 1 and ": 2 reviews, 1 forgotten" in page  # Sam's, not Olga's
    hardest = page[page.index("Hardest cards") :]
    assert "Where did the minister fly?" in hardest and "1 of 2 (50%)" in hardest
    assert "True or false? The minister flew to Oslo." not in hardest  # Olga's review
    assert "Olga" not in page


def test_class_study_is_only_for_the_class_s_teacher(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        from quizapp.models import Classroom

        other = db.session.get(User, world["teacher_b"])
        classroom = db.session.get(Classroom, world["classroom"])
        with pytest.raises(NotAllowed):
            stats.class_study(other, classroom)


def test_imported_articles_are_studied_one_fact_at_a_time(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    """Generated questions, approved, studied: every card cites its sentence."""
    with app.app_context():
        teacher = db.session.get(User, world["teacher_a"])
        library.add_article(
            teacher,
            "Premier Lena Dahl made her third visit to Kenya on Tuesday. "
            "She met President William Ruto in Nairobi to discuss trade.",
            title="Dahl in Kenya",
        )
        article = db.session.scalar(select(Article).where(Article.title == "Dahl in Kenya"))
        assert article is not None
        ids = list(db.session.scalars(select(Question.id).where(Question.article_id == article.id)))
        assert ids
        library.set_status(teacher, ids, APPROVED)
        deck = db.session.scalar(select(Deck).where(Deck.article_id == article.id))
        assert deck is not None
        sam = _student()
        studied = _rate_all(sam, NOON, deck=deck.id)
        facts = {
            study._sibling_key(q.id, q.article_id, q.fact)
            for q in db.session.scalars(select(Question).where(Question.id.in_(studied)))
        }
        assert len(facts) == len(set(studied)) >= 3


def test_registration_keeps_the_device_s_time_zone(app: Flask, client: FlaskClient) -> None:
    data = {
        "name": "Zed",
        "email": "zed@example.org",
        "password": "long enough pw",
        "confirm": "long enough pw",
    }
    assert client.post("/register", data={**data, "timezone": "Asia/Kolkata"}).status_code == 302
    other = app.test_client()
    bad = {**data, "email": "zoe@example.org", "timezone": "Nowhere/Land"}
    assert other.post("/register", data=bad).status_code == 302
    with app.app_context():
        assert _student("zed@example.org").timezone == "Asia/Kolkata"
        assert _student("zoe@example.org").timezone == "UTC"


def test_the_same_rating_sent_at_the_same_instant_is_recorded_once(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    """Two requests race on one new card; whichever way they interleave, one review is
    recorded and neither request fails."""
    import threading

    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def submit() -> None:
        with app.app_context():
            sam = _student()
            barrier.wait()
            try:
                outcomes.append(study.rate(sam, "q0", srs.GOOD, 0, now=NOON))
            except Exception as exc:  # pragma: no cover - reported by the assertion
                outcomes.append(exc)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(o, study.Rated) for o in outcomes), outcomes
    assert sorted(o.duplicate for o in outcomes) == [False, True]  # type: ignore[attr-defined]
    assert len(_reviews(app)) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count(StudyCard.id))) == 1


def test_bar_chart_geometry() -> None:
    from quizapp import charts

    chart = charts.bar_chart("t", [("a", "A", 3, 1), ("b", "", 0, 0), ("c", "C", 7, 7)])
    assert [t for _, t in chart.ticks] == [0, 5, 10]  # a round axis above the top bar
    assert chart.ticks[0][0] == chart.bottom  # zero on the baseline
    a, b, c = chart.bars
    assert b.height == 0 and c.height == pytest.approx(a.height * 7 / 3)
    assert c.part_height == c.height and a.part_height == pytest.approx(a.height / 3)
    assert 0 <= a.x < b.x < c.x and c.x + c.width <= 100  # percent of the width
    assert (a.tick_anchor, c.tick_anchor) == ("start", "end")
    assert chart.total == 10
    empty = charts.bar_chart("none", [("a", "A", 0, 0)])
    assert [t for _, t in empty.ticks] == [0, 1]


def test_a_quiz_answer_is_kept_when_its_review_cannot_be_written(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    """The review shares the answer's commit through a savepoint: if the review collides
    (here, a review row already holds the card's next number), the answer still lands."""
    from quizapp.models import Answer
    from quizapp.services import quizzes

    with app.app_context():
        sam = _student()
        study.rate(sam, "q0", srs.AGAIN, 0, now=NOON)
        card = db.session.scalar(select(StudyCard))
        assert card is not None
        clash = Review(
            card_id=card.id,
            student_id=sam.id,
            question_id="q0",
            seq=card.reps,
            rating=srs.GOOD,
            reviewed_at=NOON,
            state_after=srs.LEARNING,
            due=NOON,
            scheduler=srs.SCHEDULER_VERSION,
        )
        db.session.add(clash)
        db.session.commit()
        attempt = quizzes.start_quiz(sam, world["deck"], 3)
        position = attempt.question_ids.index("q0")
        answer = quizzes.submit_answer(sam, attempt.id, position, "Oslo")
        assert answer.id is not None and answer.correct
        assert db.session.scalar(select(func.count(Answer.id))) == 1
        assert db.session.scalar(select(Review).where(Review.answer_id == answer.id)) is None
        # the other answers of the quiz get their reviews as usual
        other = next(p for p in range(3) if p != position)
        second = quizzes.submit_answer(sam, attempt.id, other, "Oslo")
        assert db.session.scalar(select(Review).where(Review.answer_id == second.id)) is not None
