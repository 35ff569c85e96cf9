"""The quizapp command on an empty database, and migrations that match the models."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from sqlalchemy import func, select, text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Question


def test_init_imports_the_seeds_and_prints_a_setup_link(tmp_path: Path) -> None:
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "k",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'q.sqlite'}",
        }
    )
    runner = app.test_cli_runner()
    result = runner.invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert "Imported 5 articles" in result.output
    assert "/setup/" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Article.id))) == 5
        drafts = db.session.scalar(
            select(func.count(Question.id)).where(Question.status == "draft")
        )
        assert drafts and drafts > 100
    again = runner.invoke(args=["init"])  # idempotent: nothing imported twice
    assert "Imported" not in again.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Article.id))) == 5
        db.engine.dispose()


def test_migrations_match_the_models(app: Flask) -> None:
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert compare_metadata(context, db.metadata) == []
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_quizapp_console_script_help() -> None:
    exe = Path(sys.executable).with_name("quizapp")
    result = subprocess.run(
        [str(exe), "--help"], capture_output=True, text=True, check=False, env={**os.environ}
    )
    assert result.returncode == 0, result.stderr
    for command in ("run", "init", "create-teacher", "import-articles", "worker", "db"):
        assert command in result.stdout


def test_upgrading_to_the_study_schema_keeps_the_data(tmp_path: Path) -> None:
    """A database made before flashcards (revision 0bdf1b24ef51) keeps its users and
    answers through the upgrade; the users get the default study settings."""
    from flask_migrate import downgrade, upgrade

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "k",
            "IMPORT_SEEDS": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite'}",
        }
    )
    directory = app.extensions["migrate"].directory
    with app.app_context():
        upgrade(directory=directory, revision="0bdf1b24ef51")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO user (email, name, password_hash, role, created_at) "
                    "VALUES ('a@example.org', 'Ann', 'x', 'student', '2026-01-01 00:00:00')"
                )
            )
        upgrade(directory=directory)
        row = db.session.execute(
            text("SELECT name, timezone, new_per_day, desired_retention FROM user")
        ).one()
        assert tuple(row) == ("Ann", "UTC", 20, 0.9)
        assert db.session.execute(text("SELECT count(*) FROM study_card")).scalar() == 0
        db.session.remove()
        downgrade(directory=directory, revision="0bdf1b24ef51")
        assert db.session.execute(text("SELECT name FROM user")).scalar() == "Ann"
        db.session.remove()
        db.engine.dispose()
