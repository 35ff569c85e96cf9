"""``quizapp import-articles`` with URLs and the new file types, one report line per article."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from question_bank.sources import ALLOW_PRIVATE_ENV
from quizapp.extensions import db
from quizapp.models import Article, Question

from ..bank import newsite

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ac724d6cf199b366.txt"


def test_urls_files_and_zips_are_imported_with_a_report_per_article(
    app: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    pdf = tmp_path / "cycling.pdf"
    pdf.write_bytes(newsite.make_pdf(newsite.PDF_STORY, newsite.PDF_TITLE))
    bundle = tmp_path / "week.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("fisheries.docx", newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY))
        zf.writestr("../evil.txt", newsite.TEXT_STORY)
    with newsite.serve() as site:
        page, missing = site.url("/page.html"), site.url("/missing")
        result = app.test_cli_runner().invoke(
            args=["import-articles", page, page, str(pdf), str(bundle), missing, str(SEED)]
        )
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{page}: added with ")
    assert lines[0].endswith(f" drafts ({newsite.PAGE_TITLE})")
    assert lines[1].startswith(f"{page}: duplicate: This article is already in the bank: ")
    assert lines[2].startswith(f"{pdf}: added with ")
    assert lines[3].startswith(f"{bundle}:fisheries.docx: added with ")
    assert lines[4].startswith(f"{bundle}:../evil.txt: refused: unsafe path in the zip")
    assert lines[5] == f"{missing}: refused: not found (HTTP 404)"
    assert lines[6].startswith(f"{SEED}: added with ")
    assert lines[7] == "4 added, 1 duplicate(s), 2 refused."
    with app.app_context():
        stored = db.session.scalar(select(Article).where(Article.source_url == page))
        assert stored is not None
        assert stored.title == newsite.PAGE_TITLE
        assert stored.published == dt.date(2025, 4, 8)
        assert stored.text.startswith("Norland's Foreign Minister Ilse Marwick")
        assert not any(name in stored.text for name in newsite.FURNITURE_NAMES)
        drafts = db.session.scalar(
            select(func.count()).select_from(Question).where(Question.article_id == stored.id)
        )
        assert drafts and f"added with {drafts} drafts" in lines[0]
        titles = set(db.session.scalars(select(Article.title)))
        assert {newsite.PDF_TITLE, newsite.DOCX_TITLE} <= titles


def test_a_text_file_is_stored_as_before_and_is_a_duplicate_the_second_time(
    app: Flask,
) -> None:
    runner = app.test_cli_runner()
    first = runner.invoke(args=["import-articles", str(SEED)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(args=["import-articles", str(SEED)])
    assert again.exit_code == 0
    assert f"{SEED}: duplicate" in again.output
    assert "0 added, 1 duplicate(s), 0 refused." in again.output


def test_private_url_is_refused_and_nothing_is_stored(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ALLOW_PRIVATE_ENV, raising=False)
    with newsite.serve() as site:
        url = site.url("/page.html")
        result = app.test_cli_runner().invoke(args=["import-articles", url])
        assert site.requests == []
    assert result.exit_code == 1
    assert f"{url}: refused: 127.0.0.1 is a loopback address" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == 0
