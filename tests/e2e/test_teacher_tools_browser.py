"""The teacher's tools in a real browser: the review queue's pages and keyboard
shortcuts (approve, reject, next, previous, on to the next page), its search and
"approve all" with its confirmation; and a deck's editor."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import APPROVED, DRAFT, REJECTED, Article, Deck, DeckQuestion, Question
from quizapp.services import accounts

from .conftest import Live, shot

PASSWORD = "correct horse battery"


def _teacher_with_drafts(live: Live, facts: int = 10, status: str = DRAFT) -> int:
    """A teacher with an article of ``facts`` facts, three questions each."""
    with live.app.app_context():
        teacher = accounts.create_teacher("t@example.org", "Tess", PASSWORD)
        article = Article(key="lima", title="Summit in Lima", text="x", owner_id=teacher.id)
        db.session.add(article)
        db.session.flush()
        db.session.add(Deck(name=article.title, article_id=article.id, owner_id=teacher.id))
        for n in range(facts):
            for kind in ("mcq", "short_answer", "true_false"):
                db.session.add(
                    Question(
                        id=f"f{n:02d}-{kind}",
                        article_id=article.id,
                        kind=kind,
                        prompt=f"Whom did the minister meet ({n:02d}, {kind})?",
                        answer=f"Envoy {n:02d}",
                        choices=[f"Envoy {n:02d}", "Someone", "Nobody"] if kind == "mcq" else [],
                        fact={"type": "meeting", "who": f"Envoy {n:02d}"},
                        status=status,
                        owner_id=teacher.id,
                        source_sentence=f"The minister met Envoy {n:02d} in Lima.",
                    )
                )
        db.session.commit()
        return teacher.id


def _status(live: Live, qid: str) -> str:
    with live.app.app_context():
        return db.session.get(Question, qid).status


def _log_in(page, live: Live) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/login")
    page.get_by_label("Email").fill("t@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _watch(page, violations: list[str]) -> None:  # type: ignore[no-untyped-def]
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )


def _current(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("li.qrow.current").get_attribute("id")


def _ready(page) -> None:  # type: ignore[no-untyped-def]
    """Wait for review.js to have run on the page just loaded (it marks a current draft)."""
    page.locator("li.qrow.current").wait_for()


def test_review_queue_pages_with_the_keyboard(live_server: Live, browser) -> None:  # type: ignore[no-untyped-def]
    _teacher_with_drafts(live_server)
    page = browser.new_page()
    violations: list[str] = []
    _watch(page, violations)
    _log_in(page, live_server)
    page.goto(live_server.url + "/teach/review")
    _ready(page)
    items = page.locator("li.qrow")
    assert items.count() == 25
    assert page.get_by_text("30 drafts: 1–25 on this page (1 of 2)").is_visible()
    assert page.locator("[data-shortcuts]").is_visible()  # the script shows the keys
    ids = [items.nth(i).get_attribute("id") for i in range(25)]
    assert _current(page) == ids[0]
    # one fact's three drafts under one heading with their sentence once
    assert page.locator("section.fact-group").count() == 9
    shot(page, "review-queue")

    page.keyboard.press("j")
    assert _current(page) == ids[1]
    page.keyboard.press("a")  # approve: a form post that comes back to the next draft
    page.wait_for_url(re.compile(rf"#{re.escape(ids[2])}$"))
    assert _status(live_server, ids[1]) == APPROVED
    assert _current(page) == ids[2]
    page.keyboard.press("r")
    page.wait_for_url(re.compile(rf"#{re.escape(ids[3])}$"))
    assert _status(live_server, ids[2]) == REJECTED
    assert _current(page) == ids[3]
    page.keyboard.press("k")
    assert _current(page) == ids[0]
    assert page.locator("li.qrow").count() == 25  # the next drafts moved up

    # j past the page's last draft goes on to the next page
    for _ in range(25):
        page.keyboard.press("j")
    page.wait_for_url(re.compile(r"page=2"))
    _ready(page)
    assert page.locator("li.qrow").count() == 3
    assert page.get_by_text("28 drafts: 26–28 on this page (2 of 2)").is_visible()
    page.keyboard.press("k")  # and k before the first goes back
    page.wait_for_url(re.compile(r"page=1"))
    _ready(page)

    # typing in the search box is not a shortcut
    page.get_by_label("Search").fill("envoy 05 jar")
    assert page.get_by_label("Search").input_value() == "envoy 05 jar"
    assert _status(live_server, "f00-mcq") == DRAFT
    page.get_by_label("Search").fill("envoy 05")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"q=envoy"))
    _ready(page)
    assert page.locator("li.qrow").count() == 3
    page.keyboard.press("a")
    page.wait_for_url(re.compile(r"q=envoy.*#f05-short_answer$"))
    assert _status(live_server, "f05-mcq") == APPROVED
    assert page.locator("li.qrow").count() == 2
    assert page.get_by_label("Search").input_value() == "envoy 05"

    # approve all: says how many, and approves only after the confirmation
    page.get_by_role("link", name=re.compile(r"Approve all 2 drafts that match")).click()
    assert page.get_by_text("This approves 2 draft questions that match your filters").is_visible()
    assert _status(live_server, "f05-short_answer") == DRAFT
    page.get_by_role("button", name="Approve 2 questions").click()
    assert page.get_by_text("Approved 2 questions.").is_visible()
    assert _status(live_server, "f05-short_answer") == APPROVED
    assert _status(live_server, "f06-mcq") == DRAFT
    assert violations == []


def test_editing_a_deck(live_server: Live, browser) -> None:  # type: ignore[no-untyped-def]
    teacher_id = _teacher_with_drafts(live_server, facts=4, status=APPROVED)
    with live_server.app.app_context():
        deck = Deck(name="Friday", owner_id=teacher_id)
        db.session.add(deck)
        db.session.flush()
        db.session.add(DeckQuestion(deck_id=deck.id, question_id="f00-mcq"))
        db.session.commit()
        deck_id = deck.id
    page = browser.new_page()
    violations: list[str] = []
    _watch(page, violations)
    _log_in(page, live_server)
    page.goto(live_server.url + "/teach/decks")
    page.get_by_role("link", name="Edit Friday").click()
    assert page.get_by_role("heading", name="In this deck (1)").is_visible()

    # rename and describe
    page.get_by_label("Deck name").fill("Friday quiz")
    page.get_by_label("Description").fill("Lima, week 3")
    page.get_by_role("button", name="Save name and description").click()
    assert page.get_by_text("Deck saved.").is_visible()
    assert page.get_by_role("heading", name="Edit “Friday quiz”").is_visible()

    # search the pick list: each question shows its answer, kind and article
    page.get_by_label("Search").fill("envoy 02")
    page.get_by_label("Kind").select_option("short_answer")
    page.get_by_role("button", name="Filter").click()
    picks = page.locator("[data-pick-list] li")
    assert picks.count() == 1
    assert "Answer: Envoy 02 · short answer · Summit in Lima" in picks.first.inner_text()
    picks.first.get_by_role("checkbox").check()
    page.get_by_role("button", name="Add the selected questions").click()
    assert page.get_by_text("Deck changed: added 1 question.").is_visible()
    assert page.get_by_role("heading", name="In this deck (2)").is_visible()
    assert page.get_by_label("Search").input_value() == "envoy 02"  # the search is kept
    shot(page, "deck-editor")

    # take one out: a confirmation that says it stays in the bank
    page.locator("[data-deck-contents] li", has_text="(00, mcq)").get_by_role("checkbox").check()
    page.get_by_role("button", name="Take the selected questions out…").click()
    assert page.get_by_text("They stay in the question bank").is_visible()
    with live_server.app.app_context():
        assert (
            db.session.scalar(
                select(func.count(DeckQuestion.id)).where(DeckQuestion.deck_id == deck_id)
            )
            == 2
        )
    page.get_by_role("button", name="Take it out").click()
    assert page.get_by_text("Deck changed: took 1 question out.").is_visible()
    assert page.get_by_role("heading", name="In this deck (1)").is_visible()
    with live_server.app.app_context():
        held = db.session.scalars(
            select(DeckQuestion.question_id).where(DeckQuestion.deck_id == deck_id)
        ).all()
        assert held == ["f02-short_answer"]
        assert db.session.get(Deck, deck_id).description == "Lima, week 3"
    assert violations == []
