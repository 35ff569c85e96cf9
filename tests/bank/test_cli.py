"""The question-bank command: JSON Lines out, bad files reported, others still done."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from question_bank.cli import main

from .conftest import SEEDS

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
