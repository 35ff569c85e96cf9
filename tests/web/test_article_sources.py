"""The Articles page: an article by URL or file, checked on a preview before it is
added; several at once with a report per article; bad input refused with the
library's message and nothing stored. Pages come from a news site on loopback."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import TestResponse, encode_multipart

from question_bank.sources import ALLOW_PRIVATE_ENV
from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, ArticleJob, Question
from quizapp.services import sources

from ..bank import newsite
from .conftest import csrf_token, login, logout


@pytest.fixture
def site() -> Iterator[newsite.NewsSite]:
    """The news site on 127.0.0.1."""
    with newsite.serve() as running:
        yield running


@pytest.fixture
def teacher(app: Flask, client: FlaskClient, make_user: Callable[..., int]) -> FlaskClient:
    """A logged-in teacher's client, with loopback pages allowed and tight fetch limits."""
    app.config.update(
        ALLOW_PRIVATE_URLS=True,
        SOURCE_SETTINGS={"read_timeout": 1.5, "total_timeout": 3, "max_download_bytes": 1_000_000},
    )
    make_user("t@example.org", "teacher")
    login(client, "t@example.org")
    return client


def counts(app: Flask) -> tuple[int, int, int]:
    """Articles, questions and jobs stored."""
    with app.app_context():
        return (
            db.session.scalar(select(func.count(Article.id))) or 0,
            db.session.scalar(select(func.count()).select_from(Question)) or 0,
            db.session.scalar(select(func.count(ArticleJob.id))) or 0,
        )


def textarea(page: str, name: str) -> str:
    """The text of a form's textarea."""
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {name}"
    return match.group(1)


def value(page: str, name: str) -> str:
    """The value of a form's input."""
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    assert match, f"no input {name}"
    return match.group(1)


def test_a_page_is_previewed_edited_and_added(
    app: Flask, teacher: FlaskClient, site: newsite.NewsSite
) -> None:
    url = site.url("/page.html")
    response = teacher.post("/teach/articles/preview", data={"url": url})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert value(page, "title") == newsite.PAGE_TITLE
    assert value(page, "published") == "2025-04-08"
    assert value(page, "source_url") == url
    text = textarea(page, "text")
    assert text.lstrip().startswith("Norland&#39;s Foreign Minister Ilse Marwick arrived")
    assert not any(name in text for name in newsite.FURNITURE_NAMES)
    assert "The Northern Ledger" in page  # the site's name, shown to check
    assert counts(app) == (0, 0, 0)  # a preview stores nothing

    story = "\n\n".join(newsite.STORY).replace("VILNIUS (NL) — ", "")
    response = teacher.post(
        "/teach/articles/confirm",
        data={
            "name": url,
            "title": "Grain corridor talks in Vilnius",  # edited by the teacher
            "published": "2025-04-08",
            "source_url": url,
            "text": story,
        },
    )
    assert response.status_code == 302
    assert re.search(r"/teach/articles/\d+$", response.headers["Location"])
    with app.app_context():
        article = db.session.scalar(select(Article))
        assert article is not None
        assert article.title == "Grain corridor talks in Vilnius"
        assert article.source_url == url
        assert article.published == dt.date(2025, 4, 8)
        job = db.session.scalar(select(ArticleJob))
        assert job is not None and job.name == url and job.article_id == article.id
        assert job.drafts == counts(app)[1] > 3
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Grain corridor talks in Vilnius" in page


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "not found (HTTP 404)"),
        ("/photo.png", "not a web page or an article document (content type image/png)"),
        ("/huge-declared.html", "too big"),
        ("/slow.html", "timed out"),
        ("/no-article.html", "no article text found on the page"),
        ("/broken", "the server answered HTTP 500"),
    ],
)
def test_a_page_that_gives_no_article_is_refused_with_a_message(
    app: Flask, teacher: FlaskClient, site: newsite.NewsSite, path: str, message: str
) -> None:
    response = teacher.post("/teach/articles/preview", data={"url": site.url(path)})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert f"{site.url(path)}: {message}" in page
    assert counts(app) == (0, 0, 0)


def test_unreachable_and_bad_addresses_are_refused(app: Flask, teacher: FlaskClient) -> None:
    cases = [
        ("http://127.0.0.1:9/page.html", "unreachable: the connection was refused"),
        ("ftp://example.org/story", "starts with http:// or https://"),
        ("", "Enter a web address or choose a file"),
    ]
    for url, message in cases:
        response = teacher.post("/teach/articles/preview", data={"url": url})
        assert response.status_code == 400
        assert message in response.get_data(as_text=True), url
    assert counts(app) == (0, 0, 0)


def test_private_addresses_are_refused_unless_allowed(
    app: Flask, teacher: FlaskClient, site: newsite.NewsSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ALLOW_PRIVATE_ENV, raising=False)
    app.config["ALLOW_PRIVATE_URLS"] = False
    url = site.url("/page.html")
    response = teacher.post("/teach/articles/preview", data={"url": url})
    assert response.status_code == 400
    assert "127.0.0.1 is a loopback address; fetching from private addresses is not allowed" in (
        response.get_data(as_text=True)
    )
    # a page that redirects to a private address is refused at that hop too
    app.config["ALLOW_PRIVATE_URLS"] = "127.0.0.1/32"  # only this one is allowed
    response = teacher.post("/teach/articles/preview", data={"url": site.url("/to-ipv6-loopback")})
    assert response.status_code == 400
    assert "::1 is a loopback address" in response.get_data(as_text=True)
    assert site.requests == ["/to-ipv6-loopback"]
    assert counts(app) == (0, 0, 0)
    # the library's own setting allows them too
    app.config["ALLOW_PRIVATE_URLS"] = False
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    assert teacher.post("/teach/articles/preview", data={"url": url}).status_code == 200


def test_the_app_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_PRIVATE_ENV, raising=False)
    monkeypatch.setenv("QUIZAPP_ALLOW_PRIVATE_URLS", "1")
    app = create_app({"SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        assert sources.source_settings().allow_private
    monkeypatch.setenv("QUIZAPP_ALLOW_PRIVATE_URLS", "10.1.0.0/16")
    app = create_app({"SECRET_KEY": "k", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        settings = sources.source_settings()
        assert not settings.allow_private
        assert [str(n) for n in settings.allowed_networks] == ["10.1.0.0/16"]


def upload(name: str, data: bytes) -> dict[str, object]:
    """A file for the preview form."""
    return {"upload": (io.BytesIO(data), name)}


def test_files_are_previewed_through_the_same_extraction(app: Flask, teacher: FlaskClient) -> None:
    cases = [
        ("story.html", newsite.NEWS_PAGE.encode(), newsite.PAGE_TITLE, "Norland"),
        (
            "cycling.pdf",
            newsite.make_pdf(newsite.PDF_STORY, newsite.PDF_TITLE),
            newsite.PDF_TITLE,
            "Mayor Anneli Rask",
        ),
        (
            "fisheries.docx",
            newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY),
            newsite.DOCX_TITLE,
            "Fisheries Minister Halvard Brekke",
        ),
        (
            "hiiumaa.txt",
            newsite.TEXT_STORY.encode(),
            "Lighthouse keepers return to Hiiumaa",
            "Culture Minister Maret Kask",
        ),
    ]
    for name, data, title, start in cases:
        response = teacher.post(
            "/teach/articles/preview", data=upload(name, data), content_type="multipart/form-data"
        )
        assert response.status_code == 200, name
        page = response.get_data(as_text=True)
        assert value(page, "title") == title, name
        assert textarea(page, "text").lstrip().startswith(start), name
        assert "<!doctype" not in textarea(page, "text").lower()
    assert counts(app) == (0, 0, 0)


def test_bad_files_are_refused_with_the_libraries_message(app: Flask, teacher: FlaskClient) -> None:
    app.config["SOURCE_SETTINGS"] = {"max_file_bytes": 200_000}
    cases = [
        ("scan.pdf", newsite.make_pdf(None), "the PDF has no text layer"),
        ("broken.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50, "a damaged PDF that cannot be read"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable Word document"),
        ("huge.html", b"<p>" + b"word " * 60_000 + b"</p>", "the limit is 200,000 bytes"),
        ("menu.html", newsite.NO_ARTICLE_PAGE.encode(), "no article text found on the page"),
        ("photo.png", b"\x89PNG\r\n\x1a\n", "Choose a saved web page"),
    ]
    for name, data, message in cases:
        response = teacher.post(
            "/teach/articles/preview", data=upload(name, data), content_type="multipart/form-data"
        )
        assert response.status_code == 400, name
        assert message in response.get_data(as_text=True), name
    assert counts(app) == (0, 0, 0)


def post_file(client: FlaskClient, path: str, field: str, name: str, data: bytes) -> TestResponse:
    """POST one big file, its multipart body built in memory (the test client would
    spool it to a temporary file that a refused request leaves open)."""
    boundary, body = encode_multipart({field: FileStorage(io.BytesIO(data), name)})
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_an_upload_over_the_request_limit_is_refused(app: Flask, teacher: FlaskClient) -> None:
    app.config["ARTICLE_UPLOAD_MAX_BYTES"] = 3 * 1024 * 1024
    big = b"x" * (4 * 1024 * 1024)
    response = post_file(teacher, "/teach/articles/bulk", "uploads", "big.txt", big)
    assert response.status_code == 413
    assert "the limit is 3 MB" in response.get_data(as_text=True)
    # the article pages take more than the app's 2 MB: a 2.5 MB PDF is read (and refused
    # by the library for what it is, not by the request limit)
    pdf = b"%PDF-1.4\n" + b"0" * 2_500_000
    response = post_file(teacher, "/teach/articles/preview", "upload", "big.pdf", pdf)
    assert response.status_code == 400
    assert "big.pdf: a damaged PDF" in response.get_data(as_text=True)
    assert counts(app) == (0, 0, 0)


def test_a_confirmed_article_can_still_be_refused(app: Flask, teacher: FlaskClient) -> None:
    response = teacher.post(
        "/teach/articles/confirm", data={"name": "x.html", "title": "T", "text": "Too short."}
    )
    assert response.status_code == 400
    assert "too little text" in response.get_data(as_text=True)
    assert counts(app) == (0, 0, 0)


def bulk_zip() -> bytes:
    """A week's articles in a zip: a Word file, a PDF, a text file, a path with ..,
    a picture and a zip inside the zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "week/fisheries.docx", newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY)
        )
        zf.writestr("week/cycling.pdf", newsite.make_pdf(newsite.PDF_STORY, newsite.PDF_TITLE))
        zf.writestr("week/hiiumaa.txt", newsite.TEXT_STORY)
        zf.writestr("../evil.txt", newsite.TEXT_STORY)
        zf.writestr("week/photo.png", b"\x89PNG\r\n\x1a\n")
        zf.writestr("week/more.zip", b"PK\x05\x06" + b"\x00" * 18)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A small zip that would unpack to far more than the limit."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", b"0" * 5_000_000)
    return out.getvalue()


def test_several_at_once_are_each_reported(
    app: Flask, teacher: FlaskClient, site: newsite.NewsSite
) -> None:
    app.config["SOURCE_SETTINGS"] = {"max_unpacked_bytes": 2_000_000}
    page, missing = site.url("/page.html"), site.url("/missing")
    listed = f"{page}\n{site.url('/no-article.html')}\n".encode()
    files = [
        (io.BytesIO(bulk_zip()), "week.zip"),
        (io.BytesIO(zip_bomb()), "bomb.zip"),
        (io.BytesIO(b"PK\x03\x04 truncated"), "broken.zip"),
        (io.BytesIO(listed), "links.txt"),
    ]
    response = teacher.post(
        "/teach/articles/bulk",
        data={"uploads": files, "urls": f"{page}\n\n{missing}\nnot a link"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    report = teacher.get(response.headers["Location"]).get_data(as_text=True)
    rows = re.findall(
        r'<td class="source-name">(.*?)</td><td>.*?</td><td>(.*?)</td></tr>', report, re.S
    )
    outcome: dict[str, str] = {}  # each input's outcome (the first, for a name given twice)
    for name, text in rows:
        outcome.setdefault(name, " ".join(re.sub(r"<[^>]+>", "", text).split()))
    assert [name for name, _ in rows][:3] == [page, missing, "not a link"]  # in the order given
    assert outcome[page].startswith("added with ") and newsite.PAGE_TITLE in outcome[page]
    assert outcome[missing] == "refused: not found (HTTP 404)"
    assert outcome["not a link"].startswith("refused: not a web address")
    assert outcome["week.zip:week/fisheries.docx"].startswith("added with")
    assert outcome["week.zip:week/cycling.pdf"].startswith("added with")
    assert outcome["week.zip:week/hiiumaa.txt"].startswith("added with")
    assert outcome["week.zip:../evil.txt"].startswith("refused: unsafe path in the zip")
    assert outcome["week.zip:week/photo.png"].startswith("refused: not an article file (.png)")
    assert outcome["week.zip:week/more.zip"] == "refused: a zip inside a zip is not read"
    assert "(a zip bomb?)" in outcome["bomb.zip"]
    assert outcome["broken.zip"] == "refused: not a valid zip file (corrupt or truncated)"
    # the list's first page is the same article as the URL above: a duplicate, linked
    duplicate = [text for name, text in rows if name == page]
    assert len(duplicate) == 2 and "duplicate of" in duplicate[1]
    assert re.search(r'duplicate of <a href="/teach/articles/\d+">', duplicate[1])
    assert outcome[site.url("/no-article.html")].startswith("refused: no article text found")
    assert "4 added, 1 duplicate, 8 refused." in report
    with app.app_context():
        titles = set(db.session.scalars(select(Article.title)))
    assert titles == {
        newsite.PAGE_TITLE,
        newsite.PDF_TITLE,
        newsite.DOCX_TITLE,
        "Lighthouse keepers return to Hiiumaa",
    }


def test_bulk_needs_something_and_reports_are_private(
    app: Flask, teacher: FlaskClient, make_user: Callable[..., int]
) -> None:
    response = teacher.post("/teach/articles/bulk", data={"urls": "  \n"})
    assert response.status_code == 400
    assert "Choose some files, or list web addresses" in response.get_data(as_text=True)
    long_url = "https://news.example/" + "a" * 600
    response = teacher.post("/teach/articles/bulk", data={"urls": f"nothing here\n{long_url}"})
    report = response.headers["Location"]
    page = teacher.get(report).get_data(as_text=True)
    assert "refused: not a web address that starts with http:// or https://" in page
    assert "refused: not a web address that is at most 500 characters long" in page
    assert counts(app) == (0, 0, 2)
    make_user("other@example.org", "teacher")
    logout(teacher)
    login(teacher, "other@example.org")
    assert teacher.get(report).status_code == 403
    assert teacher.get("/teach/articles/batches/nosuchbatch").status_code == 404


def test_the_new_forms_need_their_csrf_token(
    csrf_app: Flask, client: FlaskClient, make_user: Callable[..., int], site: newsite.NewsSite
) -> None:
    csrf_app.config["ALLOW_PRIVATE_URLS"] = True
    make_user("t@example.org", "teacher")
    token = csrf_token(client, "/login")
    assert (
        client.post(
            "/login",
            data={
                "email": "t@example.org",
                "password": "correct horse battery",
                "csrf_token": token,
            },
        ).status_code
        == 302
    )
    for path, data in [
        ("/teach/articles/preview", {"url": site.url("/page.html")}),
        ("/teach/articles/confirm", {"title": "T", "text": "x " * 100}),
        ("/teach/articles/bulk", {"urls": site.url("/page.html")}),
    ]:
        assert client.post(path, data=data).status_code == 400, path
    assert site.requests == []
    token = csrf_token(client, "/teach/articles")
    response = client.post(
        "/teach/articles/preview", data={"url": site.url("/page.html"), "csrf_token": token}
    )
    assert response.status_code == 200
    assert 'name="csrf_token"' in response.get_data(as_text=True)  # the confirm form too
