"""The question-bank command: JSON Lines out, bad files reported, others still done."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from question_bank.cli import main
from question_bank.sources import ALLOW_PRIVATE_ENV, url_article_id

from . import newsite
from .conftest import SEEDS
from .newsite import FURNITURE_NAMES, PAGE_TITLE, STORY, STORY_END, NewsSite

SEED = SEEDS / "000_ac724d6cf199b366.txt"


def test_generate_writes_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", str(SEED)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    for row in rows:
        assert set(row) >= {
            "id",
            "article",
            "kind",
            "prompt",
            "answer",
            "accepted",
            "choices",
            "fact",
            "source",
        }
        assert row["article"] == "000_ac724d6cf199b366"
    assert "questions from 1 article" in err


def test_bad_file_is_reported_and_the_rest_still_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert main(["generate", str(empty), str(SEED), str(binary)]) == 1
    out, err = capsys.readouterr()
    assert f"{empty}: the article is empty" in err
    assert f"{binary}: binary data" in err
    articles = {json.loads(line)["article"] for line in out.splitlines()}
    assert articles == {"000_ac724d6cf199b366"}
    assert "2 refused" in err


def test_out_file_and_facts_mode(tmp_path: Path) -> None:
    out = tmp_path / "bank.jsonl"
    assert main(["generate", str(SEED), "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["kind"] for line in lines)
    facts = tmp_path / "facts.jsonl"
    assert main(["generate", str(SEED), "--facts", "-o", str(facts)]) == 0
    types = {json.loads(line)["fact"]["type"] for line in facts.read_text().splitlines()}
    assert {"trip", "meeting", "visit", "role"} <= types


def test_kinds_option_and_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", str(SEED), "--kinds", "cloze"]) == 0
    kinds = {json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines()}
    assert kinds == {"cloze"}
    assert main(["generate", str(SEED), "--kinds", "essay"]) == 2
    assert "unknown kind" in capsys.readouterr().err


def test_directory_argument_reads_its_articles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", str(SEEDS), "--kinds", "short_answer"]) == 0
    articles = {json.loads(line)["article"] for line in capsys.readouterr().out.splitlines()}
    assert len(articles) == 5


def test_failed_run_leaves_no_half_written_out_file(tmp_path: Path) -> None:
    out = tmp_path / "bank.jsonl"
    out.write_text("previous bank\n")
    missing = tmp_path / "missing.txt"
    assert main(["generate", str(missing), "-o", str(out)]) == 1
    # The run produced nothing usable, but it completed: the file holds its (empty) output.
    assert out.read_text() == ""
    assert not list(tmp_path.glob(".bank-*"))


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "question_bank", "generate", str(SEED), "--kinds", "mcq"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert all(json.loads(line)["kind"] == "mcq" for line in result.stdout.splitlines())


# --------------------------------------------------------------------------- URLs and files


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    """The news site of the import tests, on loopback."""
    with newsite.serve() as running:
        yield running


def _env(allow_private: bool) -> dict[str, str]:
    """This process's environment, with private URLs allowed or not."""
    env = {k: v for k, v in os.environ.items() if k != ALLOW_PRIVATE_ENV}
    if allow_private:
        env[ALLOW_PRIVATE_ENV] = "1"
    return env


def _run(*args: str, allow_private: bool) -> subprocess.CompletedProcess[str]:
    """``python -m question_bank ...`` in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "question_bank", *args],
        capture_output=True,
        text=True,
        env=_env(allow_private),
        timeout=300,
        check=False,
    )


def test_generate_from_a_url_gives_questions_from_the_story_only(site: NewsSite) -> None:
    url = site.url("/page.html")
    result = _run("generate", url, allow_private=True)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 10
    assert {row["article"] for row in rows} == {url_article_id(url)}
    # the article's title is the page's title, and its date the page's date
    assert f"{url}: {len(rows)} questions ({PAGE_TITLE})" in result.stderr
    assert all("8 April 2025" in row["prompt"] for row in rows)
    story = " ".join([STORY[0].split(" — ", 1)[1], *STORY[1:], STORY_END])
    for row in rows:
        sentence = row["source"]["sentence"]
        assert sentence in story, sentence
        assert not any(name in sentence for name in FURNITURE_NAMES), sentence
        assert "VILNIUS" not in sentence and "(NL)" not in sentence


def test_generate_refuses_a_private_url_without_the_setting(site: NewsSite) -> None:
    url = site.url("/page.html")
    before = len(site.requests)
    result = _run("generate", url, allow_private=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{url}: 127.0.0.1 is a loopback address; fetching from private" in result.stderr
    assert f"{ALLOW_PRIVATE_ENV}=1" in result.stderr
    assert "0 questions from 0 article(s); 1 refused" in result.stderr
    assert len(site.requests) == before  # refused before connecting


def test_a_refused_url_does_not_stop_the_other_inputs(
    site: NewsSite,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    saved = tmp_path / "ferry.html"
    saved.write_text(newsite.PLAIN_PAGE)
    missing = site.url("/missing")
    assert main(["generate", missing, str(SEED), str(saved), "--kinds", "short_answer"]) == 1
    out, err = capsys.readouterr()
    assert f"{missing}: not found (HTTP 404)" in err
    articles = {json.loads(line)["article"] for line in out.splitlines()}
    assert articles == {SEED.stem, "ferry"}
    assert "from 2 article(s); 1 refused" in err


def test_generate_reads_pdf_docx_and_zip_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "cycling.pdf"
    pdf.write_bytes(newsite.make_pdf(newsite.PDF_STORY, newsite.PDF_TITLE))
    docx = tmp_path / "fisheries.docx"
    docx.write_bytes(newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY))
    bundle = tmp_path / "week.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("lighthouse.txt", newsite.TEXT_STORY)
        zf.writestr("pages/marwick.html", newsite.NEWS_PAGE)
        zf.writestr("../evil.txt", newsite.TEXT_STORY)
    assert main(["generate", str(pdf), str(docx), str(bundle)]) == 1
    out, err = capsys.readouterr()
    articles = {json.loads(line)["article"] for line in out.splitlines()}
    assert articles == {"cycling", "fisheries", "lighthouse", "marwick"}
    assert f"{bundle}:../evil.txt: unsafe path in the zip" in err
    assert f"{pdf}: " in err and f"({newsite.PDF_TITLE})" in err
    assert "from 4 article(s); 1 refused" in err


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    second = SEEDS / "001_b4819f1f6ebbb994.txt"
    assert main(["generate", str(SEED), str(second), "--kinds", "cloze"]) == 0
    err = capsys.readouterr().err
    assert "2/2" not in err and "\r" not in err
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["generate", str(SEED), str(second), "--kinds", "cloze"]) == 0
    shown = terminal.getvalue()
    assert "2/2" in shown and "article" in shown
    assert shown.rstrip().splitlines()[-1].startswith("question-bank: ")
    assert "questions from 2 article(s)" in shown


def test_an_article_the_generator_fails_on_is_skipped_and_the_rest_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import question_bank.pipeline as pipeline

    real = pipeline.generate_questions

    def failing(article, facts, pool, kinds):  # type: ignore[no-untyped-def]
        if article.id == "broken":
            raise IndexError("list index out of range")
        return real(article, facts, pool, kinds)

    monkeypatch.setattr(pipeline, "generate_questions", failing)
    broken = tmp_path / "broken.txt"
    broken.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["generate", str(broken), str(SEED)]) == 1
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert rows and {r["article"] for r in rows} == {SEED.stem}
    assert "broken.txt: skipped, the generator failed on it (IndexError" in captured.err
    assert "1 failed" in captured.err
