"""In a real browser: a teacher adds an article by its URL and checks it on the preview;
then uploads several at once and watches the report fill in as a worker generates
them (Redis and a ``quizapp worker`` process of the test's own)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Article, ArticleJob
from quizapp.services import accounts

from ..bank import newsite
from .conftest import Live, shot
from .test_csp_browser import _watch

PASSWORD = "correct horse battery"


def log_in_teacher(live: Live, browser, violations: list[str]):  # type: ignore[no-untyped-def]
    """A teacher's page, logged in; what it reports as CSP violations goes to ``violations``."""
    with live.app.app_context():
        accounts.create_teacher("tess@example.org", "Tess Teacher", PASSWORD)
    page = browser.new_page()
    _watch(page, violations)
    page.goto(f"{live.url}/login")
    page.get_by_label("Email").fill("tess@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Articles", exact=True).click()
    return page


def test_add_an_article_by_url_with_its_preview(serve_app: Callable[..., Live], browser) -> None:  # type: ignore[no-untyped-def]
    live = serve_app(ALLOW_PRIVATE_URLS=True)
    violations: list[str] = []
    page = log_in_teacher(live, browser, violations)
    with newsite.serve() as site:
        url = site.url("/page.html")
        page.get_by_label("Web address").fill(url)
        page.get_by_role("button", name="Fetch and preview").click()

        # the preview: what was read, to check and edit
        expect(page.get_by_role("heading", name="Check the article")).to_be_visible()
        assert page.get_by_label("Title").input_value() == newsite.PAGE_TITLE
        assert page.get_by_label("Date (optional)").input_value() == "2025-04-08"
        text = page.get_by_label("Article text").input_value()
        assert text.startswith("Norland's Foreign Minister Ilse Marwick arrived in Vilnius")
        assert not any(name in text for name in newsite.FURNITURE_NAMES)
        assert "The Northern Ledger" in page.content()
        shot(page, "teacher-preview")
        with live.app.app_context():
            assert db.session.scalar(select(func.count(Article.id))) == 0

        page.get_by_label("Title").fill("Grain corridor talks in Vilnius")
        page.get_by_role("button", name="Add the article and generate questions").click()
    expect(page.get_by_role("heading", name="Grain corridor talks in Vilnius")).to_be_visible()
    assert re.search(r"Added “Grain corridor talks in Vilnius” with \d+ draft", page.content())
    shot(page, "teacher-article-from-url")
    with live.app.app_context():
        article = db.session.scalar(select(Article))
        assert article is not None and article.source_url == url

    # a refused page: the reason, and the teacher stays on the Articles page
    page.get_by_role("link", name="Articles", exact=True).click()
    page.get_by_label("Web address").fill("http://127.0.0.1:9/gone.html")
    page.get_by_role("button", name="Fetch and preview").click()
    expect(page.locator(".flash.error")).to_contain_text("unreachable: the connection was refused")
    with live.app.app_context():
        assert db.session.scalar(select(func.count(Article.id))) == 1
    assert violations == []  # the Content-Security-Policy holds on these pages


def week_zip() -> bytes:
    """Two articles and a file with a path that climbs out of the zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("fisheries.docx", newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY))
        zf.writestr("hiiumaa.txt", newsite.TEXT_STORY)
        zf.writestr("../evil.txt", newsite.TEXT_STORY)
    return out.getvalue()


def test_bulk_upload_reported_per_article_as_a_worker_runs_it(  # type: ignore[no-untyped-def]
    serve_app: Callable[..., Live],
    browser,
    redis_url: str,
    queue_name: str,
    start_worker: Callable[..., subprocess.Popen[str]],
    tmp_path: Path,
) -> None:
    live = serve_app(
        ALLOW_PRIVATE_URLS=True, REDIS_URL=redis_url, ARTICLE_QUEUE=queue_name, JOB_PAGE_REFRESH=1
    )
    violations: list[str] = []
    page = log_in_teacher(live, browser, violations)
    bundle = tmp_path / "week.zip"
    bundle.write_bytes(week_zip())
    pdf = tmp_path / "cycling.pdf"
    pdf.write_bytes(newsite.make_pdf(newsite.PDF_STORY, newsite.PDF_TITLE))
    with newsite.serve() as site:
        story, missing = site.url("/page.html"), site.url("/missing")
        page.get_by_text("Several at once").click()
        page.get_by_label("Files").set_input_files([str(bundle), str(pdf)])
        page.get_by_label("Links to pages, one per line").fill(f"{story}\n{missing}\n{story}\n")
        page.get_by_role("button", name="Add them all").click()

        # the request returned at once: everything waits for a worker
        expect(page.get_by_role("heading", name="Articles added together")).to_be_visible()
        assert "still in progress" in page.content()
        with live.app.app_context():
            assert db.session.scalar(select(func.count(Article.id))) == 0
        shot(page, "teacher-bulk-queued")

        database = live.app.config["SQLALCHEMY_DATABASE_URI"]
        worker = start_worker(
            {
                "QUIZAPP_DATABASE_URL": database,
                "QUIZAPP_REDIS_URL": redis_url,
                "QUIZAPP_ARTICLE_QUEUE": queue_name,
                "QUIZAPP_ALLOW_PRIVATE_URLS": "1",
            }
        )
        # the page refreshes by itself until every article has its outcome
        summary = page.locator("p.summary")
        summary.filter(has_text="4 added, 1 duplicate, 2 refused.").wait_for(timeout=120_000)
        assert worker.poll() is None
    shot(page, "teacher-bulk-report")
    rows = page.locator("table.report tbody tr")
    assert rows.count() == 7
    outcomes = {
        rows.nth(i).locator("td").nth(1).inner_text(): rows.nth(i).locator("td").nth(3).inner_text()
        for i in range(7)
    }
    assert outcomes[missing] == "refused: not found (HTTP 404)"
    assert outcomes["week.zip:../evil.txt"].startswith("refused: unsafe path in the zip")
    for name in ("week.zip:fisheries.docx", "week.zip:hiiumaa.txt", "cycling.pdf"):
        assert re.match(r"added with \d+ drafts: ", outcomes[name]), outcomes[name]
    duplicate = rows.nth(2)  # the story listed twice: the second is a duplicate, linked
    assert duplicate.locator("td").nth(3).inner_text() == f"duplicate of {newsite.PAGE_TITLE}"
    duplicate.get_by_role("link", name=newsite.PAGE_TITLE).click()
    expect(page.get_by_role("heading", name=newsite.PAGE_TITLE)).to_be_visible()
    with live.app.app_context():
        assert db.session.scalar(select(func.count(Article.id))) == 4
        assert db.session.scalar(select(func.count(ArticleJob.id))) == 7

    # the Articles page lists them; a job's own page tells its outcome
    page.get_by_role("link", name="Articles", exact=True).click()
    shot(page, "teacher-articles")
    page.locator("table.jobs").get_by_role("link", name="cycling.pdf").click()
    expect(page.get_by_role("heading", name=newsite.PDF_TITLE)).to_be_visible()
    assert re.search(r"added with \d+ drafts", page.locator("div.job").inner_text())
    page.get_by_role("link", name="Review the drafts").click()
    page.wait_for_url(re.compile(r"/teach/articles/\d+$"))
    expect(page.get_by_role("heading", name=newsite.PDF_TITLE)).to_be_visible()
    assert violations == []
