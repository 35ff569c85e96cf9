"""Security headers on every response, and templates that need no inline script or style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from .conftest import login
from .test_security import EMAILS, ROUTES

TEMPLATES = Path(__file__).resolve().parents[2] / "quizapp" / "templates"


def csp_directives(response: TestResponse) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: sources}."""
    policy = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in policy.split(";"):
        if part.strip():
            name, *sources = part.split()
            directives[name] = sources
    return directives


def assert_security_headers(response: TestResponse, where: object) -> None:
    """The headers every response must carry."""
    csp = csp_directives(response)
    assert csp.get("script-src") == ["'self'"], where
    assert csp.get("style-src") == ["'self'"], where
    assert csp.get("frame-ancestors") == ["'none'"], where
    assert csp.get("object-src") == ["'none'"], where
    assert csp.get("default-src") == ["'self'"], where
    assert not any("unsafe" in s for sources in csp.values() for s in sources), where
    assert response.headers.get("X-Content-Type-Options") == "nosniff", where
    assert response.headers.get("X-Frame-Options") == "DENY", where
    assert response.headers.get("Referrer-Policy") == "same-origin", where


def test_every_route_of_the_authorization_matrix_sends_the_headers(
    app: Flask, world, shared, attempt
) -> None:  # type: ignore[no-untyped-def]
    data = {"ids": ["q0"], "status": "approved", "position": 0, "response": "x", "code": "JOINME22"}
    for method, path, expected in ROUTES:
        url = path.format(attempt=attempt, **world, **shared)
        for role in expected:
            client = app.test_client()
            if role != "anon":
                login(client, EMAILS[role])
            response = client.open(url, method=method, data=data if method == "POST" else None)
            assert_security_headers(response, (role, method, url, response.status_code))


def _sample_url(rule, world: dict[str, int], attempt: int) -> str:  # type: ignore[no-untyped-def]
    """A URL for a rule, with ids from the world fixture (or 1)."""
    values = {}
    for name in rule.arguments:
        if name in ("deck_id", "deck"):
            values[name] = world["deck"]
        elif name in ("attempt_id",):
            values[name] = attempt
        elif name in ("article_id",):
            values[name] = world["article"]
        elif name in ("class_id", "classroom_id"):
            values[name] = world["classroom"]
        elif name == "question_id":
            values[name] = "q0"
        elif name == "filename":
            values[name] = "style.css"
        elif name == "fmt":
            values[name] = "gift"
        else:
            values[name] = 1
    path = rule.rule
    for name, value in values.items():
        path = re.sub(rf"<(?:[^:<>]+:)?{name}>", str(value), path)
    return path


@pytest.mark.parametrize("role", ["anon", "student", "teacher"])
def test_every_url_of_the_app_sends_the_headers(app: Flask, world, attempt, role: str) -> None:  # type: ignore[no-untyped-def]
    """Every rule and method, whatever the answer: pages, redirects, errors, files."""
    client = app.test_client()
    if role != "anon":
        login(client, EMAILS[role])
    rules = [r for r in app.url_map.iter_rules() if r.endpoint != "auth.logout"]
    assert len(rules) > 30
    for rule in rules:
        url = _sample_url(rule, world, attempt)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method, data={})
            response.close()  # static files are streamed
            assert_security_headers(response, (role, method, url, response.status_code))
    # and a 404 and a 405 of the framework itself
    assert_security_headers(client.get("/no/such/page"), "404")
    assert_security_headers(client.put("/login"), "405")
    assert_security_headers(client.post("/logout"), "logout")


@pytest.fixture
def attempt(app: Flask, world) -> int:  # type: ignore[no-untyped-def]
    client = app.test_client()
    login(client, "s@example.org")
    r = client.post(f"/decks/{world['deck']}", data={"length": 2})
    return int(r.headers["Location"].rsplit("/", 1)[1])


def test_templates_hold_no_inline_script_style_or_handlers() -> None:
    """The policy allows only files from the site: no <script> body, no on*= attribute,
    no <style> block and no style= attribute in any template."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        for pattern in (
            r"<script(?![^>]*\bsrc=)[^>]*>",  # a script without src: inline code
            r"<style\b",
            r"\sstyle\s*=",
            r"\son[a-z]+\s*=",
            r"javascript:",
        ):
            found += [f"{path.name}: {m.group(0)}" for m in re.finditer(pattern, text, re.I)]
    assert found == []
    assert len(list(TEMPLATES.rglob("*.html"))) > 20


def test_pages_load_their_scripts_from_static_files(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    html = client.get("/register").get_data(as_text=True)
    assert re.search(r'<script src="/static/zone\.js" defer></script>', html)
    login(client, "s@example.org")
    html = client.get(f"/study/deck/{world['deck']}").get_data(as_text=True)
    assert re.search(r'<script src="/static/study\.js" defer></script>', html)
    script = client.get("/static/study.js")
    script.close()
    assert script.status_code == 200 and "javascript" in script.content_type
    assert_security_headers(script, "static")
