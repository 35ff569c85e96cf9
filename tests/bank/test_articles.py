"""Loading articles: metadata headers, offsets, and refusing bad input clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from question_bank.articles import (
    MAX_BYTES,
    ArticleError,
    derive_title,
    http_url,
    load_article,
    parse_article,
)

PROSE = (
    "The foreign minister travelled to Geneva on Monday for talks with her counterpart, "
    "officials said, as negotiations over the border dispute entered a second week."
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    """Write bytes to a file in the temporary folder."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_header_is_read_and_stripped() -> None:
    text = f"Title: Talks in Geneva\nDate: 2025-03-14\nSource: https://example.org/a\n\n{PROSE}\n"
    art = parse_article(text, "a1")
    assert art.title == "Talks in Geneva"
    assert art.date == dt.date(2025, 3, 14)
    assert art.source == "https://example.org/a"
    assert art.text.startswith("The foreign minister")
    assert art.display_title == "Talks in Geneva"


def test_no_header_means_whole_text_is_body_and_title_is_derived() -> None:
    art = parse_article(PROSE, "a2")
    assert art.text == PROSE
    assert art.date is None
    assert art.display_title.startswith("The foreign minister travelled to Geneva")


def test_header_without_blank_line_is_body() -> None:
    text = f"Title: Not really a header\n{PROSE}"
    art = parse_article(text, "a3")
    assert art.title is None
    assert art.text.startswith("Title: Not really a header")


def test_written_dates_are_read_and_an_unreadable_one_is_ignored_with_a_warning() -> None:
    for written in ("2025-03-14", "14 March 2025", "Friday, 14 March 2025", "March 14, 2025"):
        assert parse_article(f"Date: {written}\n\n{PROSE}", "a4").date == dt.date(2025, 3, 14)
    art = parse_article(f"Date: 14 March\n\n{PROSE}", "a4")
    assert art.date is None
    assert art.text.startswith("The foreign minister")
    assert "14 March" in art.warnings[0] and "ignored" in art.warnings[0]


def test_derived_title_skips_captions_and_section_labels() -> None:
    text = "Jane Doe\nLive updates: follow the latest news\n" + PROSE
    assert derive_title(text).startswith("The foreign minister travelled")


def test_file_id_is_the_stem(tmp_path: Path) -> None:
    path = write(tmp_path, "007_abc.txt", PROSE.encode())
    art = load_article(path)
    assert art.id == "007_abc"
    assert art.path == str(path)


def test_nlp_text_keeps_offsets() -> None:
    text = (
        "He said \u201chello\u201d\u00a0and the four\u2011day truce began, "
        "officials said on Monday in Cairo today."
    )
    art = parse_article(text + " " + PROSE, "q")
    assert len(art.nlp_text) == len(art.text)
    assert '"hello"' in art.nlp_text
    assert "four-day" in art.nlp_text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n  ", "empty"),
        ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Caf\u00e9 talks in Z\u00fcrich".encode("latin-1") * 5, "not UTF-8"),
        ("short.txt", b"Blinken visits Cairo.", "too little text"),
        ("numbers.txt", b"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 " * 5, "too little"),
        ("lorem.txt", b"zxq vbn qwe rty uio pas dfg hjk lzx cvb nmq wer " * 5, "English prose"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", (PROSE + "\n").encode() * (MAX_BYTES // len(PROSE) + 10))
    with pytest.raises(ArticleError, match="limited to"):
        load_article(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


def test_utf8_bom_and_crlf_are_normal_text(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + PROSE.replace(" ", "\r\n", 1).encode())
    art = load_article(path)
    assert art.text.startswith("The\nforeign")


@pytest.mark.parametrize(
    "source",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "/relative/path",
        "http://",
        "https://exa mple.org/",
        "http://[::1",
        "ftp://files.example.org/a.txt",
    ],
)
def test_a_source_header_that_is_not_an_http_address_is_refused(source: str) -> None:
    with pytest.raises(ArticleError, match="is not a web address"):
        parse_article(f"Source: {source}\n\n{PROSE}", "a")
    assert http_url(source) is None


def test_http_and_https_sources_are_kept() -> None:
    for source in ("https://news.example.org/a?b=1#c", "http://example.org"):
        assert parse_article(f"Source: {source}\n\n{PROSE}", "a").source == source
        assert http_url(source) == source


def test_a_plain_credit_as_source_is_kept_as_text_but_is_no_address() -> None:
    article = parse_article(f"Source: Reuters\n\n{PROSE}", "a")
    assert article.source == "Reuters" and http_url("Reuters") is None
