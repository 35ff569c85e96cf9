"""Tables on a 390 px phone, in a real browser: no column and no action is hidden, each
action link sits inside the screen and takes a tap, and times read in the user's zone."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import APPROVED, Article, Deck, Question
from quizapp.services import accounts, classes, decks, library, quizzes, study

from .conftest import SHOTS, Live, shot
from .test_study_browser import ARTICLE, PASSWORD

WIDTH = 390
LONG_DECK = "Nordic fisheries, the northern grounds and the Oslo talks: revision for week 48"


def _first_teacher(live: Live, browser) -> None:  # type: ignore[no-untyped-def]
    """The first teacher signs up through the setup link on a phone in New York."""
    with live.app.app_context():
        token = accounts.issue_setup_token()
    page = _phone(browser, timezone_id="America/New_York").new_page()
    page.goto(f"{live.url}/setup/{token}")
    page.get_by_label("Your name").fill("Tess")
    page.get_by_label("Email").fill("t@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_role("button", name="Create the teacher account").click()
    assert "Review drafts" in page.content()
    page.context.close()


def _setup(live: Live) -> dict[str, int]:
    """The teacher's class; a student (Paris) in it who finished one quiz, left another
    half-way and studied; two drafts left for review."""
    with live.app.app_context():
        teacher = accounts.find_user("t@example.org")
        assert teacher is not None and teacher.timezone == "America/New_York"
        student = accounts.register_student(
            "sam@example.org", "Samantha Long-Surname", PASSWORD, "Europe/Paris"
        )
        classroom = classes.create_class(teacher, "Year 10 current affairs")
        classes.join_class(student, classroom.join_code)
        library.add_article(teacher, ARTICLE, title="Swedish minister in Oslo")
        ids = sorted(db.session.scalars(select(Question.id)))
        assert len(ids) >= 6
        library.set_status(teacher, ids[:-2], APPROVED)  # two drafts stay for the review page
        article = db.session.scalar(select(Article))
        assert article is not None
        deck = db.session.scalar(select(Deck).where(Deck.article_id == article.id))
        assert deck is not None
        own = decks.create_deck(teacher, LONG_DECK, question_ids=ids[:3])
        done = quizzes.start_quiz(student, deck.id, 2)
        for position in range(2):
            quizzes.submit_answer(student, done.id, position, "Oslo")
        half = quizzes.start_quiz(student, own.id, 3)
        quizzes.submit_answer(student, half.id, 0, "Oslo")
        q = study.queue(student)
        assert q.question is not None
        study.rate(student, q.question.id, 3, q.card.reps if q.card else 0)
        db.session.commit()
        return {"deck": deck.id, "own": own.id, "class": classroom.id, "half": half.id}


def _shot_of(locator, name: str) -> None:  # type: ignore[no-untyped-def]
    """Save a screenshot of one part of a page when QUIZAPP_SCREENSHOTS names a folder."""
    if SHOTS:
        locator.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def _phone(browser, **options):  # type: ignore[no-untyped-def]
    """A browser context the size of a phone, with a touch screen."""
    return browser.new_context(
        viewport={"width": WIDTH, "height": 844}, has_touch=True, is_mobile=True, **options
    )


def _log_in(page, live: Live, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def _fits(page) -> None:  # type: ignore[no-untyped-def]
    """The page itself never scrolls sideways."""
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def _cells_shown(page, table: str) -> int:  # type: ignore[no-untyped-def]
    """Every cell of the tables is displayed (no column hidden); how many there are."""
    cells = page.locator(f"{table} td")
    for i in range(cells.count()):
        cell = cells.nth(i)
        assert cell.evaluate("c => getComputedStyle(c).display") != "none", cell.inner_text()
        if cell.inner_text().strip():
            assert cell.is_visible(), cell.inner_text()
    return cells.count()


def _labels(page, row: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The column names a card's cells show before their values (the header row is
    hidden on a phone): what the browser draws as each cell's ``::before``."""
    return page.locator(row).first.evaluate(
        """tr => [...tr.cells].map(c => getComputedStyle(c, '::before').content)
            .filter(c => c && c !== 'none' && c !== 'normal').map(c => JSON.parse(c))"""
    )


def _actions_on_screen(page, scope: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every link and button in ``scope`` is visible, lies inside the screen's width and
    would take a click (nothing covers it); their names."""
    items = page.locator(f"{scope} a, {scope} button")
    names = []
    for i in range(items.count()):
        item = items.nth(i)
        name = item.inner_text().strip()
        assert item.is_visible(), name
        item.click(trial=True)  # visible, stable, enabled and not covered: a tap would land
        box = item.bounding_box()
        assert box is not None, name
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, (name, box)
        assert box["width"] > 0 and box["height"] > 0, name
        names.append(name)
    return names


def test_every_table_action_is_on_a_phones_screen(live_server: Live, browser) -> None:  # type: ignore[no-untyped-def]
    _first_teacher(live_server, browser)
    ids = _setup(live_server)
    # --- the student: decks, history and progress
    page = _phone(browser).new_page()
    _log_in(page, live_server, "sam@example.org")
    page.goto(live_server.url + "/decks")
    _fits(page)
    assert _cells_shown(page, "table.list") >= 10
    names = _actions_on_screen(page, "table.list")
    assert "Swedish minister in Oslo" in names and LONG_DECK in names
    assert len([n for n in names if n.startswith("Study")]) == 2, names
    assert _labels(page, "table.list tbody tr") == ["Questions", "Last score", "Best score"]
    shot(page, "phone-decks")
    page.locator("table.list").get_by_role("link", name=re.compile("^Study")).first.click()
    assert "/study/deck/" in page.url

    page.goto(live_server.url + "/history")
    _fits(page)
    assert _cells_shown(page, "table.list") == 8
    assert sorted(_actions_on_screen(page, "table.list")) == ["Resume", "Review"]
    text = page.locator("table.list").inner_text()
    assert text.count("(Europe/Paris)") == 2 and "UTC" not in text
    shot(page, "phone-history")
    page.get_by_role("link", name="Resume").click()
    assert page.url.endswith(f"/quiz/{ids['half']}")
    assert "Question 2 of 3" in page.content()
    page.go_back()
    page.get_by_role("link", name="Review").click()
    assert "/results" in page.url

    page.goto(live_server.url + "/progress")
    _fits(page)
    _cells_shown(page, "table.list")
    assert len(_actions_on_screen(page, "main > table.list")) >= 1
    shot(page, "phone-progress")

    # --- the teacher: classes, the class report, the review queue
    teacher = _phone(browser).new_page()
    _log_in(teacher, live_server, "t@example.org")
    teacher.goto(live_server.url + "/teach/classes")
    _fits(teacher)
    assert _actions_on_screen(teacher, "table.list") == ["Year 10 current affairs"]
    teacher.goto(f"{live_server.url}/teach/classes/{ids['class']}")
    _fits(teacher)
    assert _cells_shown(teacher, "table.list") >= 20
    _actions_on_screen(teacher, "table.list")
    # questions and decks: cards with labelled numbers
    assert _labels(teacher, "table.list.cards tbody tr") == [
        "Kind",
        "Answers",
        "Facility",
        "Discrimination",
    ]
    # the two tables of students scroll inside their box; the student's name stays in view
    shot(teacher, "phone-class")
    scrollers = teacher.locator(".table-scroll")
    assert scrollers.count() == 2
    for i in range(2):
        scroller = scrollers.nth(i)
        assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")
        name = scroller.locator("tbody td").first
        last = scroller.locator("tbody td").last
        assert name.inner_text().startswith("Samantha Long-Surname")
        before = name.bounding_box()
        assert before is not None and before["x"] >= 0
        _shot_of(scroller, f"phone-class-table-{i}")
        scroller.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
        after, end = name.bounding_box(), last.bounding_box()
        assert after is not None and end is not None
        assert abs(after["x"] - before["x"]) < 1  # the first column stays put
        assert end["x"] + end["width"] <= WIDTH  # and the last one came into view
        assert re.fullmatch(r"\d\d \w{3} \d{4}, \d\d:\d\d \(America/New_York\)", last.inner_text())
        _shot_of(scroller, f"phone-class-table-{i}-scrolled")

    teacher.goto(live_server.url + "/teach/review")
    _fits(teacher)
    actions = _actions_on_screen(teacher, "ul.questions")
    assert actions.count("Edit") == 2 and actions.count("Approve") == 2
    shot(teacher, "phone-review")
