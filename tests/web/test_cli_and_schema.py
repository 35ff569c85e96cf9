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
        per_article = db.session.execute(
            select(Question.article_id, func.count(Question.id))
            .where(Question.status == "draft")
            .group_by(Question.article_id)
        ).all()
        # every seed gives drafts (at most two a fact: the five give about 95 in all)
        assert len(per_article) == 5 and all(n >= 5 for _, n in per_article)
        assert sum(n for _, n in per_article) >= 80
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


def test_teacher_tools_migration_keeps_the_data_both_ways(tmp_path: Path) -> None:
    """0004_teacher_tools adds question confidence, class archiving and article deletion
    to a database with rows that refer to each other, and drops them again."""
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
        upgrade(directory=directory, revision="62834274e9c6")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO user (id, email, name, password_hash, role, created_at) VALUES "
                    "(1, 't@example.org', 'Tess', 'x', 'teacher', '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO article (id, key, title, text, owner_id, created_at) "
                    "VALUES (1, 'a', 'A', 'text', 1, '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO classroom (id, name, join_code, teacher_id, created_at) "
                    "VALUES (1, 'C', 'CODE2345', 1, '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO question (id, article_id, kind, prompt, answer, accepted, "
                    "choices, fact, tags, status, origin, owner_id, version, created_at, "
                    "updated_at) VALUES ('q', 1, 'cloze', 'p ___', 'a', '[]', '[]', '{}', "
                    "'[]', 'approved', 'generated', 1, 1, '2026-01-01 00:00:00', "
                    "'2026-01-01 00:00:00')"
                )
            )
        upgrade(directory=directory)
        row = db.session.execute(
            text(
                "SELECT q.confidence, a.deleted_at, c.archived_at FROM question q "
                "JOIN article a ON a.id = q.article_id JOIN classroom c ON c.teacher_id = a.owner_id"
            )
        ).one()
        assert tuple(row) == (None, None, None)
        db.session.remove()
        downgrade(directory=directory, revision="62834274e9c6")
        assert db.session.execute(text("SELECT count(*) FROM question")).scalar() == 1
        columns = {r[1] for r in db.session.execute(text("PRAGMA table_info(question)"))}
        assert "confidence" not in columns
        db.session.remove()
        db.engine.dispose()
