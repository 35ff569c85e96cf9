"""Exports from the app: Anki downloads, LMS formats, several decks, GIFT import."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import DRAFT, Deck, Question

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
