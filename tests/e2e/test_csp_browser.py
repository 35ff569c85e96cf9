"""The Content-Security-Policy in a real browser: the app's own scripts run, every page
loads without a single violation, and inline script is refused."""

from __future__ import annotations

import re

from .conftest import Live
from .test_study_browser import PASSWORD, _setup


def _watch(page, violations: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Collect what the browser reports as a Content-Security-Policy violation."""
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )


def _log_in(page, live: Live, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_pages_run_under_the_policy_without_violations(live_server: Live, browser) -> None:  # type: ignore[no-untyped-def]
    deck_id = _setup(live_server)
    violations: list[str] = []

    # registration: zone.js fills in the device's time zone
    visitor = browser.new_context(timezone_id="Europe/Oslo").new_page()
    _watch(visitor, violations)
    visitor.goto(live_server.url + "/register")
    assert visitor.locator('input[name="timezone"]').input_value() == "Europe/Oslo"

    # a student: the study page's script reveals and rates in place, then the charts
    student = browser.new_page()
    _watch(student, violations)
    _log_in(student, live_server, "sam@example.org")
    student.goto(f"{live_server.url}/study/deck/{deck_id}")
    url = student.url
    student.keyboard.press("Space")
    assert student.locator("[data-back]").is_visible()
    student.keyboard.press("3")
    student.wait_for_function(
        "() => /1 learning/.test(document.querySelector('.counts').innerText)"
    )
    assert student.url == url  # no page load: fetch and swap ran
    for path in ("/decks", "/progress", "/history", "/study/settings", "/account/password"):
        student.goto(live_server.url + path)
        assert student.locator("h1").count() == 1, path

    # a teacher's pages
    teacher = browser.new_page()
    _watch(teacher, violations)
    _log_in(teacher, live_server, "t@example.org")
    for path in ("/teach/", "/teach/review", "/teach/articles", "/teach/questions", "/teach/decks"):
        teacher.goto(live_server.url + path)
        assert teacher.locator("h1").count() == 1, path

    assert violations == []

    # the control: an inline script added to a page is refused, and reported
    ran = student.evaluate(
        """() => {
            const s = document.createElement('script');
            s.textContent = 'window.inlineRan = true';
            document.body.appendChild(s);
            return window.inlineRan === true;
        }"""
    )
    student.wait_for_timeout(200)
    assert ran is False
    assert violations and re.search(r"script-src 'self'", violations[0])
