"""The same article is stored once: its fingerprint ignores line endings, titles, header
lines and spacing; the refusal links to the article already there."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Question, User
from quizapp.services import library

from .conftest import login

ARTICLE = (
    "Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday for talks with "
    "Norwegian Prime Minister Jonas Berg.\n"
    "It is Ms Lindqvist's third visit to Norway since taking office, her spokesman said.\n"
    "\n"
    "The two leaders discussed a fishing accord under which about 1,200 boats would share "
    "the northern grounds for five years.\n"
)
OTHER = ARTICLE.replace("third visit", "fourth visit")

# (name, text, title): the same article as ARTICLE, as people paste it again
SAME = [
    ("CRLF line endings", ARTICLE.replace("\n", "\r\n"), ""),
    ("old Mac line endings", ARTICLE.replace("\n", "\r"), ""),
    ("another title", ARTICLE, "A completely different title"),
    ("trailing spaces", ARTICLE.replace("\n", "  \n") + "\n\n   ", ""),
    ("leading blank lines", "\n\n" + ARTICLE, ""),
    ("runs of spaces and tabs", ARTICLE.replace(" for talks", "  for\ttalks"), ""),
    ("no-break spaces", ARTICLE.replace("Prime Minister", "Prime\u00a0Minister"), ""),
    (
        "header lines",
        "Title: Lindqvist in Oslo\nDate: 2025-03-14\nSource: https://example.org/a\n\n" + ARTICLE,
        "",
    ),
    ("header lines without the blank line", "Title: Lindqvist in Oslo\n" + ARTICLE, ""),
    ("one paragraph", " ".join(ARTICLE.split()), ""),
]


def count_articles(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Article.id))) or 0


@pytest.fixture
def first(app: Flask, make_user) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """A teacher with ARTICLE added once."""
    teacher = make_user("t@example.org", "teacher")
    with app.app_context():
        article, added = library.add_article(db.session.get(User, teacher), ARTICLE, "Oslo talks")
        assert added > 0
        return {"teacher": teacher, "article": article.id}


@pytest.mark.parametrize(("name", "text", "title"), SAME, ids=[s[0] for s in SAME])
def test_the_same_article_again_is_refused(
    app: Flask, first: dict[str, int], name: str, text: str, title: str
) -> None:
    with app.app_context():
        teacher = db.session.get(User, first["teacher"])
        with pytest.raises(library.DuplicateArticle) as refused:
            library.add_article(teacher, text, title)
        assert refused.value.article_id == first["article"]
        assert refused.value.title == "Oslo talks"
        assert "already in the bank" in str(refused.value)
        with pytest.raises(library.DuplicateArticle):
            library.add_article(teacher, text.encode("utf-8"), title)  # as an upload too
    assert count_articles(app) == 1


def test_a_different_article_is_not_a_duplicate(app: Flask, first: dict[str, int]) -> None:
    with app.app_context():
        teacher = db.session.get(User, first["teacher"])
        library.add_article(teacher, OTHER)
        # case is kept: a changed capital is another text
        library.add_article(teacher, ARTICLE.replace("Monday", "MONDAY"))
    assert count_articles(app) == 3


def test_fingerprints_ignore_layout_but_not_words() -> None:
    base = library.article_fingerprint(ARTICLE)
    assert len(base) == 64
    for name, same, _ in SAME:
        assert library.article_fingerprint(same) == base, name
    assert library.article_fingerprint(OTHER) != base
    assert library.article_fingerprint(ARTICLE.lower()) != base
    # a Source: line inside the story is text, not a header
    assert library.article_fingerprint(ARTICLE + "Source: Reuters\n") != base


def test_the_page_links_to_the_article_already_there(
    app: Flask, client: FlaskClient, first: dict[str, int]
) -> None:
    login(client, "t@example.org")
    crlf = ARTICLE.replace("\n", "\r\n").encode()
    for data in (
        {"text": ARTICLE.replace("\n", "\r\n"), "title": "Again"},
        {"upload": (io.BytesIO(crlf), "again.txt")},
    ):
        response = client.post("/teach/articles", data=data, content_type="multipart/form-data")
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        link = f'<a href="/teach/articles/{first["article"]}">Oslo talks</a>'
        assert f"This article is already in the bank: {link}." in page
        assert client.get(f"/teach/articles/{first['article']}").status_code == 200
    assert count_articles(app) == 1


def test_the_title_in_the_link_is_escaped(
    app: Flask, client: FlaskClient, first: dict[str, int]
) -> None:
    with app.app_context():
        db.session.get(Article, first["article"]).title = "<b>Oslo</b> & talks"
        db.session.commit()
    login(client, "t@example.org")
    page = client.post("/teach/articles", data={"text": ARTICLE}).get_data(as_text=True)
    assert "&lt;b&gt;Oslo&lt;/b&gt; &amp; talks</a>" in page and "<b>Oslo</b>" not in page


def test_a_shared_article_is_a_duplicate_for_every_teacher(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    teacher = make_user("t@example.org", "teacher")
    with app.app_context():
        shared, _ = library.add_article(None, ARTICLE)  # as the seeds and the CLI add them
        with pytest.raises(library.DuplicateArticle) as refused:
            library.add_article(db.session.get(User, teacher), ARTICLE.replace("\n", "\r\n"))
        assert refused.value.article_id == shared.id
        with pytest.raises(library.DuplicateArticle):
            library.add_article(None, ARTICLE + "  ")


def test_another_teachers_private_copy_is_neither_shown_nor_in_the_way(
    app: Flask, first: dict[str, int], make_user
) -> None:  # type: ignore[no-untyped-def]
    """Teacher B cannot see teacher A's article, so B may add the same text as B's own;
    the refusal would otherwise link to a page B may not open, and tell B its title."""
    other = make_user("b@example.org", "teacher")
    with app.app_context():
        b = db.session.get(User, other)
        article, added = library.add_article(b, ARTICLE, "Oslo talks")  # same text and title
        assert article.id != first["article"] and article.owner_id == other and added > 0
        a_questions = set(
            db.session.scalars(select(Question.id).where(Question.article_id == first["article"]))
        )
        b_questions = set(
            db.session.scalars(select(Question.id).where(Question.article_id == article.id))
        )
        assert b_questions and not a_questions & b_questions
        with pytest.raises(library.DuplicateArticle) as refused:
            library.add_article(b, ARTICLE.replace("\n", "\r\n"))
        assert refused.value.article_id == article.id  # B's own copy, not A's


def test_import_articles_command_names_the_duplicate(app: Flask, tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(ARTICLE)
    two.write_bytes(("Title: Again\n\n" + ARTICLE).replace("\n", "\r\n").encode())
    result = app.test_cli_runner().invoke(args=["import-articles", str(one), str(two)])
    # a duplicate is reported, not an error: importing a folder again is harmless
    assert result.exit_code == 0
    assert "1 added, 1 duplicate(s), 0 refused." in result.output
    assert "already in the bank" in result.output and "(article 1)" in result.output
    assert count_articles(app) == 1


def test_seed_import_stays_idempotent(app: Flask, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "001_oslo.txt").write_text("Title: Oslo talks\n\n" + ARTICLE)
    (seeds / "002_other.txt").write_text(OTHER)
    (seeds / "003_copy.txt").write_text(ARTICLE.replace("\n", "\r\n"))  # a copy of 001
    with app.app_context():
        assert library.import_seed_articles(seeds) == 2
        assert library.import_seed_articles(seeds) == 0
        keys = set(db.session.scalars(select(Article.key)))
        assert keys == {"001_oslo", "002_other"}
        assert all(db.session.scalars(select(Article.fingerprint)))


def test_the_migration_fingerprints_the_stored_articles(tmp_path: Path) -> None:
    """A database from before fingerprints: the oldest of each owner's copies gets the
    fingerprint (the same as the service computes), later copies keep theirs empty."""
    from flask_migrate import downgrade, upgrade

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "k",
            "IMPORT_SEEDS": False,
            "RATELIMIT_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite'}",
        }
    )
    directory = app.extensions["migrate"].directory
    rows = [  # (id, owner, text)
        (1, None, ARTICLE),
        (2, None, ARTICLE.replace("\n", "\r\n")),  # a copy stored before the check
        (3, 1, ARTICLE),  # the teacher's own copy
        (4, 1, OTHER),
    ]
    with app.app_context():
        upgrade(directory=directory, revision="160af9b9e14f")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO user (id, email, name, password_hash, role, created_at) "
                    "VALUES (1, 't@example.org', 'T', 'x', 'teacher', '2026-01-01 00:00:00')"
                )
            )
            for article_id, owner, body in rows:
                conn.execute(
                    text(
                        "INSERT INTO article (id, key, title, text, owner_id, created_at) "
                        "VALUES (:id, :key, 'T', :text, :owner, '2026-01-01 00:00:00')"
                    ),
                    {"id": article_id, "key": f"k{article_id}", "text": body, "owner": owner},
                )
            conn.execute(
                text(
                    "INSERT INTO question (id, article_id, kind, prompt, answer, accepted, "
                    "choices, fact, tags, status, origin, version, created_at, updated_at) "
                    "VALUES ('q', 2, 'short_answer', 'p', 'a', '[]', '[]', '{}', '[]', "
                    "'approved', 'generated', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
                )
            )
        upgrade(directory=directory)
        stored = dict(db.session.execute(text("SELECT id, fingerprint FROM article")).all())
        assert stored == {
            1: library.article_fingerprint(ARTICLE),
            2: None,
            3: library.article_fingerprint(ARTICLE),
            4: library.article_fingerprint(OTHER),
        }
        assert db.session.execute(text("SELECT session_version FROM user")).scalar() == 0
        # the service now refuses the copy, for the shared bank and for the teacher
        with pytest.raises(library.DuplicateArticle) as refused:
            library.add_article(None, ARTICLE)
        assert refused.value.article_id == 1
        with pytest.raises(library.DuplicateArticle) as refused:
            library.add_article(db.session.get(User, 1), OTHER + "\n")
        assert refused.value.article_id == 4
        db.session.remove()
        downgrade(directory=directory, revision="160af9b9e14f")
        assert db.session.execute(text("SELECT count(*) FROM article")).scalar() == 4
        assert db.session.execute(text("SELECT article_id FROM question")).scalar() == 2
        db.session.remove()
        db.engine.dispose()
