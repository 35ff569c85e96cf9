"""The access policy: one teacher's work never reaches another teacher or a student
outside that teacher's classes, and only http(s) source links are stored or shown."""

from __future__ import annotations

import io

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Article, Deck, DeckQuestion, Question, User
from quizapp.services import access, library, study

from .conftest import add_question, login

ARTICLE = (
    "Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday for talks with "
    "Norwegian Prime Minister Jonas Berg. It is Ms Lindqvist's third visit to Norway since "
    "taking office, her spokesman said."
)


def _count(app: Flask, model: type) -> int:
    with app.app_context():
        return int(db.session.scalar(select(func.count()).select_from(model)) or 0)


# -- H1: only http(s) sources ------------------------------------------------------------


def test_a_javascript_source_header_is_refused_pasted_or_uploaded(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    before = _count(app, Article), _count(app, Question)
    text = "Source: javascript:alert(document.cookie)\n\n" + ARTICLE
    for data in (
        {"text": text},
        {"upload": (io.BytesIO(text.encode()), "story.txt")},
        {"text": "Source: data:text/html,<script>alert(1)</script>\n\n" + ARTICLE},
        {"text": "URL: //evil.example/x\n\n" + ARTICLE},
    ):
        r = client.post("/teach/articles", data=data, content_type="multipart/form-data")
        assert r.status_code == 400
        assert "is not a web address" in r.get_data(as_text=True)
        assert (_count(app, Article), _count(app, Question)) == before


def test_an_https_source_header_is_kept_and_linked(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    text = "Source: https://news.example.org/oslo-talks\n\n" + ARTICLE
    r = client.post("/teach/articles", data={"text": text})
    assert r.status_code == 302
    with app.app_context():
        art = db.session.scalar(select(Article).where(Article.title.contains("Lindqvist")))
        assert art is not None and art.source_url == "https://news.example.org/oslo-talks"
        art_id = art.id
    page = client.get(f"/articles/{art_id}").get_data(as_text=True)
    assert 'href="https://news.example.org/oslo-talks"' in page


def test_a_stored_non_http_source_is_never_rendered_as_a_link(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    # a row written before the check (or by hand) must still not become a link
    with app.app_context():
        art = db.session.get(Article, world["article"])
        art.source_url = "javascript:alert(1)"
        db.session.commit()
    login(client, "s@example.org")
    page = client.get(f"/articles/{world['article']}").get_data(as_text=True)
    assert "javascript:" not in page and ">source</a>" not in page


def test_a_malformed_date_header_is_refused_with_a_message(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    before = _count(app, Article)
    r = client.post("/teach/articles", data={"text": "Date: next Tuesdayish\n\n" + ARTICLE})
    assert r.status_code == 400 and "Date: header" in r.get_data(as_text=True)
    assert _count(app, Article) == before
    # a date given on the form replaces the header's, so nothing is lost
    r = client.post(
        "/teach/articles",
        data={"text": "Date: next Tuesdayish\n\n" + ARTICLE, "published": "2025-03-14"},
    )
    assert r.status_code == 302


# -- H2: the deck builder offers only the teacher's own and shared questions ------------------


def test_the_deck_pick_list_offers_only_own_and_shared_questions(
    app: Flask, client: FlaskClient, world, shared
) -> None:  # type: ignore[no-untyped-def]
    login(client, "tb@example.org")
    page = client.get("/teach/decks").get_data(as_text=True)
    assert 'value="q0"' not in page and "Where did the minister fly?" not in page
    assert 'value="qs"' in page  # shared
    owner = app.test_client()
    login(owner, "ta@example.org")
    page = owner.get("/teach/decks").get_data(as_text=True)
    assert 'value="q0"' in page and 'value="qs"' in page


def test_another_teacher_s_questions_cannot_be_taken_by_id_or_by_tag(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    add_question(app, "private-tagged", owner_id=world["teacher_a"], tags=["oslo"])
    decks_before = _count(app, Deck)
    login(client, "tb@example.org")
    r = client.post("/teach/decks", data={"name": "Stolen", "ids": ["q0", "q1"]})
    assert r.status_code == 403
    r = client.post("/teach/decks", data={"name": "Stolen", "tag": "oslo"})
    assert r.status_code == 400
    assert "Choose at least one approved question" in r.get_data(as_text=True)
    assert _count(app, Deck) == decks_before
    # teacher A may use the same tag
    owner = app.test_client()
    login(owner, "ta@example.org")
    r = owner.post("/teach/decks", data={"name": "Mine", "tag": "oslo"})
    assert r.status_code == 302
    with app.app_context():
        deck = db.session.scalar(select(Deck).where(Deck.name == "Mine"))
        assert deck is not None
        picked = db.session.scalars(
            select(DeckQuestion.question_id).where(DeckQuestion.deck_id == deck.id)
        ).all()
        assert picked == ["private-tagged"]


# -- H3: a teacher's articles and decks are not public -----------------------------------


def test_students_outside_the_class_and_other_teachers_do_not_see_the_decks(
    app: Flask, client: FlaskClient, world, shared
) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")  # in teacher A's class
    page = client.get("/decks").get_data(as_text=True)
    assert "Talks in Oslo" in page and "A&#39;s picks" in page and "Shared talks" in page
    for outsider in ("o@example.org", "tb@example.org"):
        other = app.test_client()
        login(other, outsider)
        page = other.get("/decks").get_data(as_text=True)
        assert "Shared talks" in page
        assert "Talks in Oslo" not in page and "A&#39;s picks" not in page, outsider


def test_an_outside_student_s_flashcards_never_draw_on_a_teacher_s_questions(
    app: Flask, world, shared
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        olga = db.session.scalar(select(User).where(User.email == "o@example.org"))
        sam = db.session.scalar(select(User).where(User.email == "s@example.org"))
        assert olga is not None and sam is not None
        olga_queue = study.queue(olga)
        assert olga_queue.new == 1 and olga_queue.question is not None
        assert olga_queue.question.id == "qs"
        assert study.queue(sam).new == 4  # q0, q1, q2 of teacher A, and the shared one


def test_other_teachers_do_not_list_or_count_a_teacher_s_articles(
    app: Flask, client: FlaskClient, world, shared
) -> None:  # type: ignore[no-untyped-def]
    login(client, "tb@example.org")
    page = client.get("/teach/articles").get_data(as_text=True)
    assert "Shared talks" in page and "Talks in Oslo" not in page
    with app.app_context():
        teacher_b = db.session.get(User, world["teacher_b"])
        teacher_a = db.session.get(User, world["teacher_a"])
        assert library.dashboard_counts(teacher_b) == {"approved": 1, "articles": 1}
        assert library.dashboard_counts(teacher_a) == {
            "approved": 4,
            "draft": 1,
            "articles": 2,
        }


def test_distractors_are_not_drawn_from_another_teacher_s_facts(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    add_question(
        app, "secret", owner_id=world["teacher_a"], fact={"type": "visit", "places": ["Tromsø"]}
    )
    add_question(app, "seedlike", fact={"type": "visit", "places": ["Bergen"]})
    with app.app_context():
        teacher_a = db.session.get(User, world["teacher_a"])
        teacher_b = db.session.get(User, world["teacher_b"])
        assert "Tromsø" in library._pool(teacher_a).places
        assert "Tromsø" not in library._pool(teacher_b).places
        assert "Bergen" in library._pool(teacher_b).places


def test_the_policy_as_sql_agrees_with_the_policy_one_object_at_a_time(
    app: Flask, world, shared
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        users = db.session.scalars(select(User)).all()
        decks = db.session.scalars(select(Deck)).all()
        for user in users:
            listed = set(
                db.session.scalars(select(Deck.id).where(access.owner_visible(user, Deck.owner_id)))
            )
            one_by_one = {d.id for d in decks if access.can_see_deck(user, d)}
            assert listed == one_by_one, user.email


def test_a_plain_credit_source_header_is_accepted_but_never_linked(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    r = client.post("/teach/articles", data={"text": "Source: Reuters\n\n" + ARTICLE})
    assert r.status_code == 302
    with app.app_context():
        art = db.session.scalar(select(Article).where(Article.title.contains("Lindqvist")))
        assert art is not None and art.source_url is None


def test_a_file_and_pasted_text_together_are_refused_and_nothing_is_stored(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    before = _count(app, Article)
    data = {"text": ARTICLE, "upload": (io.BytesIO(ARTICLE.encode()), "story.txt")}
    r = client.post("/teach/articles", data=data, content_type="multipart/form-data")
    assert r.status_code == 400 and "not both" in r.get_data(as_text=True)
    assert _count(app, Article) == before
