"""Articles from URLs and files: a real HTTP server on loopback, real files, real extraction.

Nothing here is mocked: httpx fetches from a server in a thread on 127.0.0.1,
trafilatura, pypdf and python-docx read what it serves. The SSRF tests check
addresses before any connection, so they send nothing anywhere.
"""

from __future__ import annotations

import ipaddress
import time
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from question_bank.articles import ArticleError
from question_bank.sources import (
    SourceError,
    SourceSettings,
    address_problem,
    check_url,
    fetch,
    load_file,
    load_source,
    load_url,
    plan_sources,
    read_sources,
)

from . import newsite
from .newsite import FURNITURE, FURNITURE_NAMES, PAGE_TITLE, STORY, STORY_END, NewsSite

OPEN = SourceSettings(allow_private=True, read_timeout=2, total_timeout=5)
"""Private addresses allowed: the tests' server is on loopback."""
CLOSED = SourceSettings(read_timeout=2, total_timeout=5)
"""The default: private addresses refused."""


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    """The news site, served for this module."""
    with newsite.serve() as running:
        yield running


def refused(reason: str, call: object, *args: object, **kwargs: object) -> SourceError:
    """Call and expect a SourceError with this reason."""
    assert callable(call)
    with pytest.raises(SourceError) as info:
        call(*args, **kwargs)
    assert info.value.reason == reason, str(info.value)
    return info.value


# --------------------------------------------------------------------------- extraction


def test_news_page_gives_the_story_and_its_metadata_without_the_furniture(
    site: NewsSite,
) -> None:
    url = site.url("/page.html")
    article = load_url(url, OPEN)
    assert article.title == PAGE_TITLE
    assert article.source == url
    assert article.date is not None and article.date.isoformat() == "2025-04-08"
    assert article.author == "Petra Lindqvist"
    assert article.site_name == "The Northern Ledger"
    # the story, whole, without its dateline
    assert article.text.startswith("Norland's Foreign Minister Ilse Marwick arrived in Vilnius")
    for paragraph in [*STORY[1:], STORY_END]:
        assert paragraph in article.text
    assert "(NL)" not in article.text and "VILNIUS" not in article.text
    # and nothing else
    assert PAGE_TITLE not in article.text
    for what, text in FURNITURE.items():
        assert text not in article.text, what
    for name in FURNITURE_NAMES:
        assert name not in article.text, name


def test_plain_page_loses_its_byline_date_line_caption_and_dateline(site: NewsSite) -> None:
    article = load_url(site.url("/plain.html"), OPEN)
    assert article.title == "Ferry strike ends after nine days"
    assert article.date is not None and article.date.isoformat() == "2025-05-14"
    assert article.text.startswith("The ferry workers' union ended its nine-day strike")
    for gone in ("Tomas Eriksen", "Updated", "Lena Voss", "KLAIPEDA, Lithuania", "Courier Media"):
        assert gone not in article.text
    assert article.text.count("\n\n") == 2  # three paragraphs


def test_saved_page_reads_the_article_not_the_markup(tmp_path: Path) -> None:
    saved = tmp_path / "story.html"
    saved.write_text(newsite.NEWS_PAGE, encoding="utf-8")
    article = load_file(saved, OPEN)
    assert article.id == "story"
    assert article.title == PAGE_TITLE
    assert article.path == str(saved)
    assert "<" not in article.text and "doctype" not in article.text.lower()
    assert "cookies" not in article.text


def test_page_without_an_article_is_refused(site: NewsSite, tmp_path: Path) -> None:
    error = refused("no_article", load_url, site.url("/no-article.html"), OPEN)
    assert "no article text found" in str(error)
    saved = tmp_path / "sections.htm"
    saved.write_text(newsite.NO_ARTICLE_PAGE)
    refused("no_article", load_file, saved, OPEN)


def test_text_url_and_a_page_without_content_type(site: NewsSite) -> None:
    article = load_url(site.url("/story.txt"), OPEN)
    assert article.title == "Lighthouse keepers return to Hiiumaa"
    assert article.source == site.url("/story.txt")
    assert load_url(site.url("/no-type"), OPEN).title == PAGE_TITLE


def test_url_ids_are_stable_and_distinct(site: NewsSite) -> None:
    one = load_url(site.url("/page.html"), OPEN)
    assert one.id == load_url(site.url("/page.html"), OPEN).id
    assert one.id.startswith("page-")
    assert one.id != load_url(site.url("/old-page"), OPEN).id


# --------------------------------------------------------------------------- fetch failures


def test_redirects_are_followed_and_limited(site: NewsSite) -> None:
    article = load_url(site.url("/old-page"), OPEN)
    assert article.title == PAGE_TITLE
    assert article.source == site.url("/old-page")
    error = refused("redirects", fetch, site.url("/loop/0"), OPEN)
    assert "more than 5 redirects" in str(error)


def test_error_statuses_and_wrong_content_types(site: NewsSite) -> None:
    assert "not found (HTTP 404)" in str(refused("not_found", fetch, site.url("/missing"), OPEN))
    assert "HTTP 500" in str(refused("http_error", fetch, site.url("/broken"), OPEN))
    error = refused("not_html", fetch, site.url("/photo.png"), OPEN)
    assert "content type image/png" in str(error)


def test_slow_page_times_out_quickly(site: NewsSite) -> None:
    started = time.monotonic()
    error = refused("timeout", fetch, site.url("/slow.html"), replace(OPEN, read_timeout=0.3))
    assert "timed out" in str(error)
    assert time.monotonic() - started < 2


def test_a_page_that_drips_hits_the_total_deadline(site: NewsSite) -> None:
    started = time.monotonic()
    settings = replace(OPEN, read_timeout=1, total_timeout=0.5)
    refused("timeout", fetch, site.url("/drip.html"), settings)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("path", ["/huge-declared.html", "/huge-streamed.html"])
def test_huge_page_is_refused_at_the_cap(site: NewsSite, path: str) -> None:
    error = refused("too_big", fetch, site.url(path), replace(OPEN, max_download_bytes=200_000))
    assert "too big" in str(error)


def test_unreachable_server() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = refused("unreachable", fetch, f"http://127.0.0.1:{port}/", OPEN)
    assert "refused" in str(error)


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "gopher://127.0.0.1/", "http:///path"]
)
def test_only_http_and_https(url: str) -> None:
    refused("bad_url", fetch, url, OPEN)


# --------------------------------------------------------------------------- SSRF


@pytest.mark.parametrize(
    ("host", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("10.20.30.40", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.7", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::5", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a00:1", "private"),
        ("2002:7f00:1::", "loopback"),
    ],
)
def test_private_addresses_are_named(host: str, problem: str) -> None:
    found = address_problem(ipaddress.ip_address(host))
    assert found is not None and found.startswith(problem)


@pytest.mark.parametrize("host", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_pass(host: str) -> None:
    assert address_problem(ipaddress.ip_address(host)) is None


def test_private_urls_are_refused_before_any_connection(site: NewsSite) -> None:
    before = len(site.requests)
    port = site.port
    # Fetched for real: every one of these is on this machine, so a broken check
    # could only ever reach loopback.
    for url, shown in [
        (site.url("/page.html"), "127.0.0.1 is a loopback address"),
        (f"http://[::1]:{port}/page.html", "::1 is a loopback address"),
        (f"http://localhost:{port}/page.html", "localhost (127.0.0.1) is a loopback address"),
        (f"http://2130706433:{port}/page.html", "(127.0.0.1) is a loopback address"),
        (f"http://0x7f.1:{port}/page.html", "(127.0.0.1) is a loopback address"),
        (f"http://0.0.0.0:{port}/page.html", "is a unspecified address"),
        (f"http://[::ffff:127.0.0.1]:{port}/page.html", "loopback"),
    ]:
        error = refused("private_address", load_url, url, CLOSED)
        assert shown in str(error), str(error)
        assert "QUESTION_BANK_ALLOW_PRIVATE_URLS=1" in str(error)
    assert len(site.requests) == before  # the server was never asked


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://10.0.0.1/page.html", "10.0.0.1 is a private address"),
        ("http://192.168.0.10:8080/", "192.168.0.10 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local"),
        ("https://[fd00::1]/", "fd00::1 is a private address"),
        ("http://[::ffff:a9fe:a9fe]/", "is a link-local"),
    ],
)
def test_private_addresses_off_this_machine_are_refused(url: str, shown: str) -> None:
    # check_url is the check every hop of a fetch goes through; it only resolves
    # (here: IP literals, no lookup) and never connects, so nothing is sent.
    error = refused("private_address", check_url, url, CLOSED)
    assert shown in str(error)


def test_every_redirect_hop_is_checked(site: NewsSite) -> None:
    only_this_server = replace(CLOSED, allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    assert load_url(site.url("/page.html"), only_this_server).title == PAGE_TITLE
    before = len(site.requests)
    error = refused("private_address", load_url, site.url("/to-other-loopback"), only_this_server)
    assert f"redirected to http://127.0.0.2:{site.port}/page.html" in str(error)
    assert "127.0.0.2 is a loopback address" in str(error)
    error = refused("private_address", load_url, site.url("/to-ipv6-loopback"), only_this_server)
    assert "::1 is a loopback address" in str(error)
    # the server saw the first hops only
    assert site.requests[before:] == ["/to-other-loopback", "/to-ipv6-loopback"]


def test_the_environment_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUESTION_BANK_ALLOW_PRIVATE_URLS", raising=False)
    assert not SourceSettings.from_env().allow_private
    for value in ("1", "true", "yes"):
        monkeypatch.setenv("QUESTION_BANK_ALLOW_PRIVATE_URLS", value)
        assert SourceSettings.from_env().allow_private
    monkeypatch.setenv("QUESTION_BANK_ALLOW_PRIVATE_URLS", "0")
    assert not SourceSettings.from_env().allow_private
    monkeypatch.setenv("QUESTION_BANK_ALLOW_PRIVATE_URLS", "10.1.0.0/16, 192.168.5.7")
    settings = SourceSettings.from_env()
    assert not settings.allow_private
    assert [str(n) for n in settings.allowed_networks] == ["10.1.0.0/16", "192.168.5.7/32"]
    monkeypatch.setenv("QUESTION_BANK_ALLOW_PRIVATE_URLS", "intranet please")
    with pytest.raises(ValueError, match="QUESTION_BANK_ALLOW_PRIVATE_URLS"):
        SourceSettings.from_env()


def test_load_source_reads_the_setting(site: NewsSite, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUESTION_BANK_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(SourceError, match="loopback"):
        load_source(site.url("/page.html"))
    monkeypatch.setenv("QUESTION_BANK_ALLOW_PRIVATE_URLS", "1")
    assert load_source(site.url("/page.html")).title == PAGE_TITLE


# --------------------------------------------------------------------------- PDF and Word


def test_pdf_by_url_and_from_a_file(site: NewsSite, tmp_path: Path) -> None:
    article = load_url(site.url("/story.pdf"), OPEN)
    assert article.title == newsite.PDF_TITLE
    assert article.source == site.url("/story.pdf")
    # hard-wrapped lines are joined back into the paragraphs
    assert article.text.split("\n\n") == newsite.PDF_STORY
    path = tmp_path / "cycling.pdf"
    path.write_bytes(newsite.make_pdf(newsite.PDF_STORY))
    from_file = load_file(path, OPEN)
    assert from_file.id == "cycling" and from_file.title is None
    assert from_file.text == article.text


def test_scanned_pdf_says_it_has_no_text(site: NewsSite, tmp_path: Path) -> None:
    error = refused("scanned", load_url, site.url("/scan.pdf"), OPEN)
    assert "no text layer" in str(error) and "scanned" in str(error)
    path = tmp_path / "scan.pdf"
    path.write_bytes(newsite.make_pdf(None))
    refused("scanned", load_file, path, OPEN)


@pytest.mark.parametrize(
    "data",
    [
        newsite.make_pdf(newsite.PDF_STORY)[:700],  # truncated
        b"%PDF-1.4\n" + bytes(range(256)) * 8,  # garbage after the signature
        b"This is not a PDF at all, only a text file with the wrong name.",
    ],
)
def test_corrupt_pdf_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    error = refused("corrupt", load_file, path, OPEN)
    assert str(path) in str(error)
    assert "PDF" in error.problem


def test_docx(tmp_path: Path) -> None:
    path = tmp_path / "fisheries.docx"
    path.write_bytes(newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY))
    article = load_file(path, OPEN)
    assert article.title == newsite.DOCX_TITLE
    assert article.text.split("\n\n") == newsite.DOCX_STORY
    broken = tmp_path / "broken.docx"
    broken.write_bytes(path.read_bytes()[:2000])
    assert "not a readable Word document" in str(refused("corrupt", load_file, broken, OPEN))
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert "save it as .docx" in str(refused("unsupported", load_file, old, OPEN))


def test_files_keep_the_loader_checks(tmp_path: Path) -> None:
    short = tmp_path / "short.html"
    short.write_text("<html><body><article><p>Blinken visits Cairo.</p></article></body></html>")
    refused("no_article", load_file, short, OPEN)
    empty_docx = tmp_path / "empty.docx"
    empty_docx.write_bytes(newsite.make_docx("Only a title here", []))
    with pytest.raises(ArticleError, match="empty"):
        load_file(empty_docx, OPEN)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b" " * 2000)
    refused("too_big", load_file, big, replace(OPEN, max_file_bytes=1000))


# --------------------------------------------------------------------------- bulk


def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_reports_each_member(tmp_path: Path) -> None:
    archive = _zip(
        tmp_path / "articles.zip",
        {
            "week1/story.html": newsite.NEWS_PAGE,
            "week1/": b"",
            "ferry.txt": newsite.TEXT_STORY,
            "cycling.pdf": newsite.make_pdf(newsite.PDF_STORY, newsite.PDF_TITLE),
            "fisheries.docx": newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY),
            "../evil.txt": newsite.TEXT_STORY,
            "/etc/evil.txt": newsite.TEXT_STORY,
            "photo.png": b"\x89PNG\r\n\x1a\n",
            "inner.zip": b"PK\x05\x06" + b"\x00" * 18,
            "__MACOSX/._story.html": b"\x00\x05\x16\x07",
        },
    )
    items = list(read_sources([str(archive)], OPEN))
    by_member = {item.name.split(":", 1)[1]: item for item in items}
    assert set(by_member) == {
        "week1/story.html",
        "ferry.txt",
        "cycling.pdf",
        "fisheries.docx",
        "../evil.txt",
        "/etc/evil.txt",
        "photo.png",
        "inner.zip",
    }
    assert by_member["week1/story.html"].article is not None
    assert by_member["week1/story.html"].article.title == PAGE_TITLE
    assert by_member["ferry.txt"].original_text == newsite.TEXT_STORY
    assert by_member["cycling.pdf"].ok and by_member["fisheries.docx"].ok
    for name in ("../evil.txt", "/etc/evil.txt"):
        error = by_member[name].error
        assert isinstance(error, SourceError) and error.reason == "unsafe_path"
    assert "not an article file (.png)" in str(by_member["photo.png"].error)
    assert "zip inside a zip" in str(by_member["inner.zip"].error)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_is_refused_whole(tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.zip", {"bomb.txt": b" " * 5_000_000, "ok.txt": newsite.TEXT_STORY})
    assert bomb.stat().st_size < 50_000  # highly compressible
    items = list(read_sources([str(bomb)], replace(OPEN, max_unpacked_bytes=1_000_000)))
    assert len(items) == 1 and not items[0].ok
    assert isinstance(items[0].error, SourceError) and items[0].error.reason == "too_big"
    assert "would unpack to 5,00" in str(items[0].error)


def test_zip_member_past_the_file_limit_is_refused_alone(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "two.zip", {"big.html": b" " * 300_000, "ok.txt": newsite.TEXT_STORY})
    items = list(read_sources([str(archive)], replace(OPEN, max_file_bytes=100_000)))
    outcome = {item.name.rsplit(":", 1)[1]: item for item in items}
    assert outcome["ok.txt"].ok
    assert "unpacks past the size limit" in str(outcome["big.html"].error)


@pytest.mark.parametrize(
    "data", [b"PK\x03\x04this is not really a zip", b"", b"just text named .zip"]
)
def test_corrupt_zip_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(data)
    items = list(read_sources([str(path)], OPEN))
    assert len(items) == 1 and items[0].name == str(path)
    assert "not a valid zip file" in str(items[0].error)


def test_url_list_and_mixed_inputs(site: NewsSite, tmp_path: Path) -> None:
    links = tmp_path / "links.txt"
    links.write_text(
        f"# this week's reading\n{site.url('/page.html')}\n\n{site.url('/missing')}\n"
        f"{site.url('/story.pdf')}\n"
    )
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "fisheries.docx").write_bytes(
        newsite.make_docx(newsite.DOCX_TITLE, newsite.DOCX_STORY)
    )
    (folder / "notes.md").write_text("ignored: not an article type")
    pending = plan_sources([str(links), str(folder), site.url("/plain.html")], OPEN)
    assert [p.name for p in pending] == [
        site.url("/page.html"),
        site.url("/missing"),
        site.url("/story.pdf"),
        str(folder / "fisheries.docx"),
        site.url("/plain.html"),
    ]
    items = [p.read() for p in pending]
    assert [item.ok for item in items] == [True, False, True, True, True]
    assert "not found (HTTP 404)" in str(items[1].error)


def test_text_file_with_prose_is_an_article_not_a_url_list(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(newsite.TEXT_STORY + "\nMore at https://example.org/story\n")
    items = list(read_sources([str(path)], OPEN))
    assert len(items) == 1 and items[0].ok
    assert items[0].article is not None and items[0].article.id == "story"
