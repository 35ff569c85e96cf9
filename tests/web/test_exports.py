"""Exports from the app: Anki downloads, LMS formats, several decks, GIFT import."""

from __future__ import annotations

import html
import io
import stat
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.http import parse_options_header

from quizapp.extensions import db
from quizapp.models import DRAFT, Deck, Question

from ..anki_text import import_text
from .conftest import login


def test_student_downloads_an_anki_package(client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    page = client.get(f"/decks/{world['deck']}").get_data(as_text=True)
    assert "Download for Anki" in page and "GIFT" not in page
    r = client.get(f"/decks/{world['deck']}/anki")
    assert r.status_code == 200
    assert (
        "attachment" in r.headers["Content-Disposition"]
        and ".apkg" in r.headers["Content-Disposition"]
    )
    assert zipfile.is_zipfile(io.BytesIO(r.data))
    assert client.get(f"/teach/decks/{world['deck']}/export/gift").status_code == 403


def test_teacher_exports_lms_formats(client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    gift = client.get(f"/teach/decks/{world['deck']}/export/gift")
    assert gift.status_code == 200 and "$CATEGORY:" in gift.get_data(as_text=True)
    assert "[id:q0]" in gift.get_data(as_text=True) and "Draft?" not in gift.get_data(as_text=True)
    xml = client.get(f"/teach/decks/{world['deck']}/export/moodle-xml")
    root = ET.fromstring(xml.data)
    assert root.tag == "quiz"
    assert {q.get("type") for q in root.findall("question")} >= {
        "category",
        "shortanswer",
        "multichoice",
        "truefalse",
    }
    csv = client.get(f"/teach/decks/{world['deck']}/export/csv").get_data(as_text=True)
    assert "Where did the minister fly?" in csv
    assert client.get(f"/teach/decks/{world['deck']}/export/pdf").status_code == 404


def test_empty_deck_gets_a_message_not_an_empty_file(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        deck = Deck(name="Empty", owner_id=world["teacher_a"])
        db.session.add(deck)
        db.session.commit()
        deck_id = deck.id
    login(client, "ta@example.org")
    r = client.get(f"/decks/{deck_id}/anki", follow_redirects=True)
    assert "no approved questions" in r.get_data(as_text=True)


def test_several_decks_at_once(client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    r = client.post("/teach/export", data={"decks": [world["deck"]], "format": "tsv"})
    assert r.status_code == 200 and "\t" in r.get_data(as_text=True)
    r = client.post("/teach/export", data={"format": "gift"}, follow_redirects=True)
    assert "Choose at least one deck" in r.get_data(as_text=True)


def test_gift_import_all_or_nothing(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    good = (
        "// [id:x1] [tag:geo]\n::Q1:: What is the capital of Norway? {=Oslo =Christiania}\n\n"
        "::Q2:: Oslo is in Norway. {TRUE}\n\n"
        "::Q3:: Which is a Nordic capital? {=Oslo ~Rome ~Cairo}\n"
    )
    r = client.post(
        "/teach/import",
        data={"upload": (io.BytesIO(good.encode()), "q.gift")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    with app.app_context():
        drafts = db.session.scalars(select(Question).where(Question.origin == "gift")).all()
        assert len(drafts) == 3 and all(q.status == DRAFT for q in drafts)
        before = db.session.scalar(select(func.count(Question.id)))
    bad = "::Q1:: Fine {=Oslo}\n\n::Q2:: Broken question {=Oslo\n"
    r = client.post(
        "/teach/import",
        data={"upload": (io.BytesIO(bad.encode()), "q.gift")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 400 and "line" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Question.id))) == before
    r = client.post("/teach/import", data={}, content_type="multipart/form-data")
    assert r.status_code == 400 and "Choose a GIFT file" in r.get_data(as_text=True)


def test_gift_round_trip_through_the_app(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    gift = client.get(f"/teach/decks/{world['deck']}/export/gift").data
    r = client.post(
        "/teach/import",
        data={"upload": (io.BytesIO(gift), "back.gift")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    with app.app_context():
        imported = db.session.scalars(select(Question).where(Question.origin == "gift")).all()
        originals = {
            q.prompt: q
            for q in db.session.scalars(select(Question).where(Question.origin == "generated"))
        }
        assert imported
        for q in imported:
            assert q.prompt in originals
            assert q.answer == originals[q.prompt].answer and q.kind == originals[q.prompt].kind


def test_export_command(app: Flask, world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "deck.apkg"
    result = app.test_cli_runner().invoke(
        args=["export", "anki", "--deck", str(world["deck"]), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(out)
    missing = app.test_cli_runner().invoke(
        args=["export", "gift", "--deck", "999", "-o", str(tmp_path / "x")]
    )
    assert missing.exit_code != 0 and "does not exist" in missing.output


# ---- files that import with the consumer's defaults -----------------------------------


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_downloads_import_into_anki_with_its_defaults(
    client: FlaskClient, world, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    r = client.get(f"/teach/decks/{world['deck']}/export/{fmt}")
    assert r.status_code == 200
    text = r.get_data(as_text=True)
    assert text.startswith("#separator:" + ("Comma" if fmt == "csv" else "Tab") + "\n#html:false\n")
    path = tmp_path / f"deck.{fmt}"
    path.write_bytes(r.data)
    result = import_text(path, tmp_path / "anki")
    assert result.is_html is False and result.skipped == 0
    notes = sorted((n.fields[0], n.fields[1], sorted(n.tags), n.deck) for n in result.notes)
    deck = "News Quiz::Talks in Oslo"
    assert notes == [
        (
            "True or false? The minister flew to Oslo.",
            "True",
            ["art-1", "true_false", "visit"],
            deck,
        ),
        ("Where did the minister fly?", "Oslo", ["art-1", "short_answer", "visit"], deck),
        (
            "Which city did the minister visit? A) Oslo; B) Bergen; C) Rome; D) Cairo",
            "A) Oslo",
            ["art-1", "mcq", "visit"],
            deck,
        ),
    ]


def test_quizlet_download_is_plain_term_and_definition(client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    r = client.get(f"/teach/decks/{world['deck']}/export/quizlet")
    assert r.status_code == 200
    lines = r.get_data(as_text=True).splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 2 for line in lines)
    assert "Where did the minister fly?\tOslo" in lines
    assert 'filename="Talks-in-Oslo.quizlet.txt"' in r.headers["Content-Disposition"]
    page = client.get(f"/decks/{world['deck']}").get_data(as_text=True)
    assert f"/teach/decks/{world['deck']}/export/quizlet" in page


@pytest.mark.parametrize(
    ("name", "stem", "fallback"),
    [
        ("Ειδήσεις: Ιανουάριος", "Ειδήσεις-Ιανουάριος", "news-quiz"),
        ("ニュース 一月", "ニュース-一月", "news-quiz"),
        ("Café politique", "Café-politique", "Cafe-politique"),
    ],
)
def test_download_names_keep_the_deck_names_letters(
    app: Flask, client: FlaskClient, world, name: str, stem: str, fallback: str
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        db.session.get(Deck, world["deck"]).name = name
        db.session.commit()
    login(client, "ta@example.org")
    for fmt, ending in (("csv", "csv"), ("gift", "gift.txt")):
        r = client.get(f"/teach/decks/{world['deck']}/export/{fmt}")
        header = r.headers["Content-Disposition"]
        assert header == (
            f'attachment; filename="{fallback}.{ending}"; '
            f"filename*=UTF-8''{quote(stem + '.' + ending, safe='')}"
        )
        assert header.isascii()
        # a reader of RFC 6266 (here Werkzeug's) takes filename* over filename
        assert parse_options_header(header) == ("attachment", {"filename": f"{stem}.{ending}"})
    r = client.get(f"/decks/{world['deck']}/anki")
    assert f"filename*=UTF-8''{quote(stem + '.apkg', safe='')}" in r.headers["Content-Disposition"]


def test_export_command_files_are_0644_and_named_after_the_deck(
    app: Flask, world, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        db.session.get(Deck, world["deck"]).name = "Ειδήσεις"
        db.session.commit()
    runner = app.test_cli_runner()
    for fmt, name in (("csv", "Ειδήσεις.csv"), ("anki", "Ειδήσεις.apkg")):
        result = runner.invoke(
            args=["export", fmt, "--deck", str(world["deck"]), "-o", str(tmp_path)]
        )
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    assert (tmp_path / "Ειδήσεις.csv").read_text(encoding="utf-8").startswith("#separator:Comma\n")
    out = tmp_path / "given.tsv"
    result = runner.invoke(args=["export", "tsv", "--deck", str(world["deck"]), "-o", str(out)])
    assert result.exit_code == 0 and stat.S_IMODE(out.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_command_into_a_missing_folder_is_one_line(
    app: Flask, world, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "no" / "such"
    for fmt in ("csv", "anki"):
        result = app.test_cli_runner().invoke(
            args=["export", fmt, "--deck", str(world["deck"]), "-o", str(missing / "x")]
        )
        assert result.exit_code == 1
        assert result.output == (
            f"Error: Cannot write {missing / 'x'}: the folder {missing} does not exist.\n"
        )
        assert isinstance(result.exception, SystemExit)


# ---- GIFT that the app could not edit --------------------------------------------------


def _import(client: FlaskClient, gift: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/teach/import",
        data={"upload": (io.BytesIO(gift.encode()), "q.gift")},
        content_type="multipart/form-data",
    )


def _count(app: Flask) -> int:
    with app.app_context():
        return int(db.session.scalar(select(func.count(Question.id))) or 0)


WRONG = " ".join(f"~{'y' * 299}{i}" for i in range(7))  # 7 x 300 characters
ACCEPTED = " ".join(f"=x{i:02}{'a' * 28}" for i in range(70))  # 70 x 31 characters
TAGS = " ".join(f"[tag:t{i:03}]" for i in range(61))  # 61 x 4 characters


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "// [id:unit1/q3]\n::Q:: Capital of Norway? {=Oslo}",
            "line 4: the id 'unit1/q3' cannot be part of a web address",
        ),
        ("// [id:..]\n::Q:: Capital of Norway? {=Oslo}", "line 4: the id '..' cannot be part"),
        (
            f"// [id:{'x' * 41}]\n::Q:: Capital of Norway? {{=Oslo}}",
            "line 4: the id is 41 characters long; at most 40 fit",
        ),
        (
            f"// about Norway\n::Q:: {'W' * 1991}hy Norway? {{=Oslo}}",
            "line 5: the question is 2,001 characters long; the question form allows at most 2,000",
        ),
        (
            f"// huge\n::Q:: {'W' * 100_000}hy? {{=Oslo}}",
            "line 5: the question is 100,003 characters long",
        ),
        (
            f"// long answer\n::Q:: Which? {{={'O' * 501}}}",
            "line 5: the answer is 501 characters long; the question form allows at most 500",
        ),
        (
            f"// many answers\n::Q:: Which? {{=Oslo {ACCEPTED}}}",
            # one per line in the form, and a browser sends each line break as two characters
            "line 5: the list of other accepted answers is 2,308 characters long",
        ),
        (
            f"// long choices\n::Q:: Which? {{=Oslo {WRONG}}}",
            "line 5: the list of wrong choices is 2,112 characters long",
        ),
        (
            f"// {TAGS}\n::Q:: Which? {{=Oslo}}",
            "line 5: the list of tags is 364 characters long; the question form allows at most 300",
        ),
    ],
)
def test_gift_the_form_could_not_edit_is_refused_naming_the_line(
    app: Flask, client: FlaskClient, world, question: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    before = _count(app)
    gift = "::Fine:: Capital of Sweden? {=Stockholm}\n\n// a comment\n" + question + "\n"
    r = _import(client, gift)
    body = html.unescape(r.get_data(as_text=True))
    assert r.status_code == 400
    assert "The GIFT file was not imported: " + words in body
    assert _count(app) == before


def test_gift_at_the_form_limits_is_imported_and_editable(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    odd_ids = ["unit 1: q?#%2F&é", "x" * 40, "a.b", "50%"]
    gift = "\n\n".join(
        [f"// [id:{qid}]\n::Q:: Capital number {i}? {{=Oslo}}" for i, qid in enumerate(odd_ids)]
        + [f"::Long:: {'W' * 1997}hy? {{={'O' * 500}}}"]
    )
    r = _import(client, gift + "\n")
    assert r.status_code == 302, html.unescape(r.get_data(as_text=True))[:2000]
    with app.app_context():
        stored = {
            q.id: q for q in db.session.scalars(select(Question).where(Question.origin == "gift"))
        }
        assert set(odd_ids) <= set(stored)
        (long,) = [q for q in stored.values() if q.id not in odd_ids]
        assert len(long.prompt) == 2000 and len(long.answer) == 500
        with app.test_request_context():
            urls = {qid: url_for("teacher.edit_question", question_id=qid) for qid in stored}
    for qid, url in urls.items():
        page = client.get(url)
        assert page.status_code == 200, (qid, url)
        r = client.post(
            url,
            data={
                "kind": stored[qid].kind,
                "prompt": stored[qid].prompt,
                "answer": stored[qid].answer,
                "accepted": "",
                "distractors": "",
                "tags": "",
            },
        )
        assert r.status_code == 302, (qid, html.unescape(r.get_data(as_text=True))[:1500])
