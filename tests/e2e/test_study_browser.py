"""A flashcard session in a real browser: keyboard with script, plain forms without,
a phone's tap targets, and the progress page's charts."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import APPROVED, Article, Deck, Question, Review
from quizapp.services import accounts, classes, library

from .conftest import Live, shot

ARTICLE = (
    "Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday for talks with "
    "Norwegian Prime Minister Jonas Berg. It is Ms Lindqvist's third visit to Norway since "
    "taking office, her spokesman said. The two leaders discussed a fishing accord under which "
    "about 1,200 boats would share the northern grounds for five years."
)
PASSWORD = "correct horse battery"


def _setup(live: Live) -> int:
    """A teacher's article with every question approved; a student in the teacher's
    class (the only way a student sees a teacher's decks). The deck's id."""
    with live.app.app_context():
        teacher = accounts.create_teacher("t@example.org", "Tess", PASSWORD)
        student = accounts.register_student("sam@example.org", "Sam", PASSWORD)
        classes.join_class(student, classes.create_class(teacher, "Year 10").join_code)
        library.add_article(teacher, ARTICLE, title="Swedish minister in Oslo")
        article = db.session.scalar(select(Article))
        assert article is not None
        ids = list(db.session.scalars(select(Question.id)))
        library.set_status(teacher, ids, APPROVED)
        deck = db.session.scalar(select(Deck).where(Deck.article_id == article.id))
        assert deck is not None
        return deck.id


def _reviews(live: Live) -> int:
    with live.app.app_context():
        return int(db.session.scalar(select(func.count(Review.id))) or 0)


def _log_in(page, live: Live) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/login")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _counts(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(".counts").inner_text()


def test_a_study_session_with_the_keyboard(live_server: Live, browser) -> None:  # type: ignore[no-untyped-def]
    deck_id = _setup(live_server)
    page = browser.new_page()
    _log_in(page, live_server)
    page.locator("header.site").get_by_role("link", name="Study", exact=True).click()
    assert re.search(r"0 learning\s+0 due\s+\d+ new", _counts(page))
    new_before = int(re.search(r"(\d+) new", _counts(page)).group(1))  # type: ignore[union-attr]
    assert new_before >= 4
    back = page.locator("[data-back]")
    assert back.is_hidden()
    prompt = page.locator(".flashcard .prompt").inner_text()
    page.keyboard.press("Space")
    assert back.is_visible()
    assert page.get_by_role("link", name="See it in the article").is_visible()
    shot(page, "study-back")
    url = page.url
    page.keyboard.press("3")  # Good
    page.wait_for_function(
        "(p) => document.querySelector('.flashcard .prompt')?.innerText !== p", arg=prompt
    )
    assert page.url == url  # the next card came in place, no page load
    assert f"{new_before - 1} new" in _counts(page) and "1 learning" in _counts(page)
    assert page.locator("[data-back]").is_hidden()
    assert _reviews(live_server) == 1
    # Again on the next card; the session goes on
    page.keyboard.press("Space")
    page.keyboard.press("1")
    page.wait_for_function("() => /2 learning/.test(document.querySelector('.counts').innerText)")
    assert _reviews(live_server) == 2
    # keys do nothing while the answer is hidden
    page.keyboard.press("4")
    page.wait_for_timeout(300)
    assert _reviews(live_server) == 2

    page.locator("header.site").get_by_role("link", name="Progress").click()
    assert page.locator("figure.chart svg").count() == 2
    assert "2 reviews today" in re.sub(r"\s+", " ", page.locator(".tiles").inner_text())
    assert page.get_by_role("link", name="Swedish minister in Oslo").is_visible()
    shot(page, "progress")
    page.goto(f"{live_server.url}/study/deck/{deck_id}")
    assert "Swedish minister in Oslo" in page.locator("h1").inner_text()


def test_a_study_session_without_javascript_on_a_phone(live_server: Live, browser) -> None:  # type: ignore[no-untyped-def]
    _setup(live_server)
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, has_touch=True
    )
    page = context.new_page()
    _log_in(page, live_server)
    page.goto(live_server.url + "/study")
    page.get_by_role("link", name="Show answer").click()
    assert page.locator("[data-back]").is_visible()
    buttons = page.locator("button.rate")
    assert buttons.count() == 4
    for i in range(4):
        box = buttons.nth(i).bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= 390
    shot(page, "study-phone")
    page.get_by_role("button", name=re.compile("^Easy")).click()
    assert _reviews(live_server) == 1
    assert "1 learning" not in _counts(page)  # Easy graduates a new card at once
    # the browser's back button and a resubmit of the same form record nothing more
    page.go_back()
    page.go_back()
    if page.get_by_role("button", name=re.compile("^Easy")).count():
        page.get_by_role("button", name=re.compile("^Easy")).click()
    assert _reviews(live_server) == 1
    # the progress charts fit the phone's width, and their text stays readable
    page.goto(live_server.url + "/progress")
    for chart in page.locator("figure.chart svg").all():
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    labels = page.locator("figure.chart text").all()
    assert labels
    for label in labels:
        box = label.bounding_box()
        assert box is not None and box["height"] >= 11 and box["x"] + box["width"] <= 390
    shot(page, "progress-phone")
    context.close()
