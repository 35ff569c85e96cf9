"""Reading news articles: plain UTF-8 text with an optional metadata header.

An article file is one article. It may start with a header block of
``Title:``, ``Date:`` (ISO date) and ``Source:`` lines followed by a blank line;
everything after that is the body. Character offsets used anywhere in the
library refer to :attr:`Article.text`, the body.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from .lexicon import TITLE_HEADS
from .model import Article, ArticleError

MAX_BYTES = 1_000_000
"""Articles larger than this are refused (a news article is a few kilobytes)."""

MIN_WORDS = 12
"""An article needs at least this many English words to be worth parsing."""

_HEADER_LINE = re.compile(r"^(Title|Date|Source|URL):[ \t]*(.*)$", re.IGNORECASE)
# A Source: value that is meant as an address (a scheme, or a path): it must be http(s).
# A plain credit ("Reuters", "Wire") is kept as text and never becomes a link.
_LINK_LIKE = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|[/\\])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_COMMON_WORDS = frozenset(
    "the a an of to in and is was were are for on with as by at from that this said has have "
    "will be it its he she they his her their not but after who which".split()
)

# One-to-one character replacements: the normalised text keeps every offset.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\ufeff": " ",
        "\u200b": " ",
    }
)


def normalize_same_length(text: str) -> str:
    """Replace curly quotes, odd spaces and hyphens with ASCII ones, keeping length, and
    write transcript speaker labels in title case ("PRIME MINISTER ALBANESE:" becomes
    "Prime Minister Albanese:") so that the model reads them as names."""
    text = text.translate(_SAME_LENGTH)
    # an image's file name left from the page ("Berg_in_Oslo2.jpgBerg said"): blanked
    text = _IMAGE_FILE.sub(lambda m: " " * len(m.group(0)), text)
    turns = speaker_labels(text)
    if not turns:
        # a dateline is no part of the story's first sentence: blank it (offsets kept),
        # and a byline glued before it ("By Ana Rios WINDHOEK A colourful display ...")
        text = _BYLINE_LEAD.sub(lambda m: " " * len(m.group(0)), text)
        return _DATELINE.sub(lambda m: " " * len(m.group(0)), text)
    out = list(text)
    for start, end in turns:
        out[start:end] = _title_case(text[start:end])
    return "".join(out)


# A picture's file name, maybe glued to the next word: "Talks_in_Oslo_2.jpgThe minister".
_IMAGE_FILE = re.compile(r"[\w\-]+\.(?i:jpe?g|png|gif|webp)(?![a-z])")

# A dateline at the start of a paragraph: "TOKYO, Aug. 23 (Xinhua) -- ", "KATHMANDU, May 6: ",
# "MANILA - ", "NEW DELHI: ", "BEIRUT (Reuters) - ".
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]{1,30}[A-Z.]"
    r"(?:, ?(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?)?"
    r"(?: ?\([A-Za-z .]{1,30}\))?"
    r" ?(?:--|[-–—:]) ?(?=[A-Z\"'])"
    # "Mexico City, Nov 24 (Prensa Latina) Honduran ...": a place in title case, a date
    # and the agency in brackets, with no dash
    r"|^[ \t]*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, ?(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} "
    r"[A-Z][a-z]{2,8}\.?) ?\([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2}\) ?(?:--|[-–—:])? ?"
    r"(?=[A-Z\"'])",
    re.M,
)

# A byline run into the dateline and the story's first words on one line: "By Ana Rios
# WINDHOEK A colourful display ..." (the dateline's place in capitals ends it).
_BYLINE_LEAD = re.compile(
    r"^[ \t]*By (?:[A-Z][\w'’.-]+ ){1,4}[A-Z]{3,}(?: [A-Z]{3,})*\s*[-–—:,]?\s*(?=[A-Z][a-z ])",
    re.M,
)

# A transcript's speaker label: capitals at the start of a line, then a colon.
_SPEAKER_LABEL = re.compile(r"^[ \t]*([A-Z][A-Z.'\- ]{1,60}(?:,[A-Z.'\- ]{2,60})?)(?=:\s)", re.M)


# The same in title case, a name then its office: "Anthony Albanese, Prime Minister:". One
# such line is enough, as the office tells it from "Photo:" or "Subject:".
_NAMED_LABEL = re.compile(
    r"^[ \t]*((?:[A-Z][\w.'\u2019-]+ ){1,3}[A-Z][\w'\u2019-]+, (?:the )?[A-Z][\w'\u2019 -]{1,60})"
    r"(?=:\s)",
    re.M,
)


def speaker_labels(text: str) -> list[tuple[int, int]]:
    """Offsets of the speaker labels of a transcript ("ANTHONY ALBANESE, PRIME MINISTER:").

    A text is a transcript when at least two lines open with such a label; a single
    capitalised line with a colon is a dateline ("NEW DELHI:"), not a speaker. A label in
    title case counts when it gives a name and an office ("Anthony Albanese, Prime
    Minister:"), and then the capitalised ones beside it count too."""
    found = [m.span(1) for m in _SPEAKER_LABEL.finditer(text)]
    named = [
        m.span(1)
        for m in _NAMED_LABEL.finditer(text)
        if TITLE_HEADS & set(m.group(1).split(",", 1)[1].lower().split())
    ]
    if named:
        return sorted(set(found) | set(named))
    return found if len(found) >= 2 else []


def _title_case(label: str) -> str:
    """ "SITIVENI RABUKA, PRIME MINISTER OF FIJI" -> "Sitiveni Rabuka, Prime Minister of
    Fiji" (same length)."""
    words = re.split(r"(\W+)", label)
    return "".join(
        w.lower() if w.lower() in ("of", "and", "the", "for") and i else w.capitalize()
        for i, w in enumerate(words)
    )


_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*$")


def derive_title(text: str, limit: int = 90) -> str:
    """A display title from the first line that reads as a sentence of the story.

    Section labels and captions ("Live updates: ...", "Antony Blinken") are
    skipped; the first sentence of the story makes a fair headline.
    """
    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    candidates = [ln for ln in lines if len(_WORD.findall(ln)) >= 8 and _SENTENCE_END.search(ln)]
    fallback = [ln for ln in lines if len(_WORD.findall(ln)) >= 4]
    if candidates:
        line = candidates[0]
        first = re.split(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])", line, maxsplit=1)[0]
        line = first
    elif fallback:
        line = fallback[0]
    else:
        line = " ".join(text.split())
    if len(line) <= limit:
        return line.rstrip(".")
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def parse_article(raw: str, article_id: str, source_name: str | None = None) -> Article:
    """Build an :class:`Article` from text, reading and stripping the header block.

    Raises :class:`ArticleError` when the text is empty or is not English prose.
    """
    name = source_name or article_id
    if "\x00" in raw:
        raise ArticleError(name, "binary data (NUL bytes), not a text article")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not raw.strip():
        raise ArticleError(name, "the article is empty")
    meta, body = _split_header(raw)
    if not body.strip():
        raise ArticleError(name, "the article has a header but no text")
    _check_prose(name, body)
    date = None
    warnings: list[str] = []
    if meta.get("date"):
        date = parse_header_date(meta["date"])
        if date is None:
            warnings.append(
                f"the Date: header {meta['date']!r} was ignored: write a full date such as "
                "2025-03-14 or 14 March 2025"
            )
    source = meta.get("source") or meta.get("url") or None
    if source is not None and _LINK_LIKE.match(source) and http_url(source) is None:
        raise ArticleError(
            name,
            f"the Source: header {source[:80]!r} is not a web address: "
            "write one that starts with http:// or https://",
        )
    return Article(
        id=article_id,
        text=body,
        title=meta.get("title") or None,
        date=date,
        source=source,
        path=None,
        warnings=tuple(warnings),
    )


def http_url(value: str) -> str | None:
    """The value as a web address when it is a plain ``http(s)://host...`` URL, else None.

    Anything else (``javascript:``, ``data:``, a relative path, a value with spaces or
    control characters) is refused, so only http(s) links are ever stored or shown.
    """
    value = value.strip()
    if not value or len(value) > 2000 or any(ch.isspace() or ord(ch) < 32 for ch in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # a malformed address such as "http://[::1"
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return value


def parse_header_date(value: str) -> dt.date | None:
    """An ISO date, or a written one with a year ("14 May 2025", "Thursday, 3 April 2025").

    A date without a day and a year ("7 September", "November 2025") is not enough.
    """
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    if not re.search(r"\b\d{4}\b", value) or not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", value):
        return None
    from dateutil import parser

    try:
        parsed: dt.datetime = parser.parse(value, dayfirst=True, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    return parsed.date()


def load_article(path: str | Path) -> Article:
    """Read one article file; its id is the file name without the extension.

    Raises :class:`ArticleError` (naming the file) for a missing, oversized,
    binary, non-UTF-8, empty or non-prose file.
    """
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(
                name, f"the file is {size:,} bytes; articles are limited to {MAX_BYTES:,} bytes"
            )
        data = p.read_bytes()
    except IsADirectoryError:
        raise ArticleError(name, "is a directory, not an article file") from None
    except FileNotFoundError:
        raise ArticleError(name, "no such file") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    text = decode_article_bytes(data, name)
    article = parse_article(text, p.stem, name)
    return Article(
        id=article.id,
        text=article.text,
        title=article.title,
        date=article.date,
        source=article.source,
        path=name,
        warnings=article.warnings,
    )


def decode_article_bytes(data: bytes, name: str) -> str:
    """Decode UTF-8 article bytes, refusing binary data with a clear message."""
    if len(data) > MAX_BYTES:
        raise ArticleError(
            name, f"the text is {len(data):,} bytes; articles are limited to {MAX_BYTES:,} bytes"
        )
    if b"\x00" in data:
        raise ArticleError(name, "binary data (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            name, f"not UTF-8 text (undecodable byte at offset {exc.start}); save it as UTF-8"
        ) from None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 1000):
        raise ArticleError(name, "binary data (control characters), not a text article")
    return text


def _split_header(raw: str) -> tuple[dict[str, str], str]:
    """Split a leading ``Key: value`` block (ended by a blank line) from the body."""
    lines = raw.split("\n")
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip() and i < 3:
        i += 1
    while i < len(lines):
        m = _HEADER_LINE.match(lines[i].strip())
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if not meta or (i < len(lines) and lines[i].strip()):
        # No header, or the block is not followed by a blank line: all of it is body.
        return {}, raw
    while i < len(lines) and not lines[i].strip():
        i += 1
    return meta, "\n".join(lines[i:])


def _check_prose(name: str, body: str) -> None:
    """Refuse text with too little English prose to parse."""
    words = _WORD.findall(body)
    if len(words) < MIN_WORDS:
        raise ArticleError(
            name,
            f"too little text to parse ({len(words)} words; an article needs at least {MIN_WORDS})",
        )
    common = sum(1 for w in words if w.lower() in _COMMON_WORDS)
    if common < max(2, len(words) // 30):
        raise ArticleError(name, "does not read as English prose (too few common English words)")
    letters = sum(ch.isalpha() for ch in body)
    if letters < len(body.strip()) * 0.5:
        raise ArticleError(name, "does not read as prose (mostly digits or symbols)")
