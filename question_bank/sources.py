"""Articles from where teachers find them: web pages, saved pages, PDFs, Word files, zips.

Every reader ends in :func:`~question_bank.articles.parse_article`, so empty,
binary, oversized and non-prose text is refused exactly as the plain-text loader
refuses it. What cannot be read raises :class:`SourceError` (an
:class:`~question_bank.articles.ArticleError`) whose message says why::

    article = load_source("https://news.example/2025/04/08/grain-talks")
    article = load_source("story.html")          # or .pdf, .docx, .txt
    for item in read_sources(["stories.zip", "links.txt", "a.pdf"]):
        print(item.name, item.article or item.error)

Fetching (:func:`fetch`) uses httpx with timeouts, a size cap and redirects
followed by hand. Every hop's host is resolved and each of its addresses
checked: private, loopback, link-local (cloud metadata), unspecified and
multicast addresses are refused unless ``QUESTION_BANK_ALLOW_PRIVATE_URLS`` allows
them. The connection then goes to the address that was checked, so a name that
resolves differently a second time cannot slip through.

The main text and metadata of a page come from trafilatura. Its headline,
byline and date lines at the top and a leading dateline ("VILNIUS (AP) —") are
removed, so the body holds only the story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import ipaddress
import os
import re
import socket
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Literal

import httpx

from .articles import (
    MAX_BYTES,
    decode_article_bytes,
    load_article,
    parse_article,
    parse_header_date,
)
from .model import Article, ArticleError

ALLOW_PRIVATE_ENV = "QUESTION_BANK_ALLOW_PRIVATE_URLS"
"""``1`` allows private addresses; a comma-separated list of networks allows only those."""

USER_AGENT = "question-bank/0.1 (news quiz article import)"

Kind = Literal["text", "html", "pdf", "docx"]

FILE_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
"""The article files read by extension; anything else is read as text, as before."""

CONTENT_KINDS: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
"""The content types a fetched URL may have."""

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class SourceError(ArticleError):
    """A URL or file that gives no usable article, with the reason in words.

    ``reason`` is a short code for programs: ``bad_url``, ``private_address``,
    ``unreachable``, ``timeout``, ``not_found``, ``http_error``, ``redirects``,
    ``not_html``, ``too_big``, ``no_article``, ``corrupt``, ``scanned``,
    ``encrypted``, ``unsafe_path`` or ``unsupported``.
    """

    def __init__(self, source: str, problem: str, reason: str) -> None:
        super().__init__(source, problem)
        self.reason = reason


@dataclass(frozen=True)
class SourceSettings:
    """Limits for fetching and unpacking; the defaults suit news articles."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    """Seconds for a whole fetch, redirects included (a server that drips bytes)."""
    max_download_bytes: int = 10_000_000
    max_redirects: int = 5
    max_file_bytes: int = 10_000_000
    """Largest .html, .pdf or .docx file (or zip member) read."""
    max_unpacked_bytes: int = 100_000_000
    """Largest total a zip may unpack to (zip bombs are refused)."""
    max_zip_members: int = 1000
    max_urls: int = 1000
    """Most URLs read from one list file."""
    allow_private: bool = False
    """Fetch from any address, private ones included (tests, intranets)."""
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    """Private networks allowed even when ``allow_private`` is off."""

    @classmethod
    def from_env(cls) -> SourceSettings:
        """Defaults, with ``QUESTION_BANK_ALLOW_PRIVATE_URLS`` read from the environment.

        ``1`` (or ``true``, ``yes``) allows every private address; a comma-separated
        list of networks (``10.1.0.0/16,192.168.5.7``) allows only those. Raises
        :class:`ValueError` for a value that is neither.
        """
        value = os.environ.get(ALLOW_PRIVATE_ENV, "").strip()
        allow_all = value.lower() in ("1", "true", "yes", "on")
        networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
        if value and not allow_all and value.lower() not in ("0", "false", "no", "off"):
            try:
                networks = tuple(
                    ipaddress.ip_network(part.strip(), strict=False)
                    for part in value.split(",")
                    if part.strip()
                )
            except ValueError:
                raise ValueError(
                    f"{ALLOW_PRIVATE_ENV}={value!r}: use 1 to allow private addresses, "
                    "or a comma-separated list of networks such as 10.1.0.0/16"
                ) from None
        return cls(allow_private=allow_all, allowed_networks=networks)


# --------------------------------------------------------------------------- addresses

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def address_problem(ip: IPAddress) -> str | None:
    """Why a fetch must not go to this address (``"loopback"``...), or None if public.

    IPv6 forms that embed an IPv4 address (``::ffff:127.0.0.1``, 6to4, NAT64)
    are judged by the IPv4 address inside.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is None and ip in _NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return address_problem(inner)
        if ip.is_site_local:
            return "private"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local, where cloud metadata services live"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private or ip.is_reserved or not ip.is_global:
        return "private"
    return None


def _resolve(host: str, port: int, name: str) -> list[IPAddress]:
    """Every address a host name (or an IP literal) stands for."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise SourceError(
            name, f"unreachable: the host name {host!r} could not be resolved", "unreachable"
        ) from None
    addresses: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise SourceError(name, f"unreachable: {host!r} has no address", "unreachable")
    return addresses


@dataclass(frozen=True)
class _Target:
    """A URL that passed the checks, with the addresses it may be fetched from."""

    url: httpx.URL
    addresses: list[IPAddress]


def check_url(url: str, settings: SourceSettings | None = None, name: str | None = None) -> None:
    """Raise :class:`SourceError` unless ``url`` is http(s) on an address we may fetch from.

    The host is resolved and every address it resolves to is checked.
    """
    _check_url(url, settings or SourceSettings.from_env(), name or url)


def _check_url(url: str, settings: SourceSettings, name: str) -> _Target:
    """The checked URL and its allowed addresses (see :func:`check_url`)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise SourceError(name, f"not a valid web address: {url!r}", "bad_url") from None
    if parsed.scheme not in ("http", "https"):
        raise SourceError(
            name,
            f"only http:// and https:// addresses can be fetched, not {parsed.scheme or 'this'}:",
            "bad_url",
        )
    host = parsed.raw_host.decode("ascii")
    if not host:
        raise SourceError(name, f"the address {url!r} has no host", "bad_url")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    addresses = _resolve(host, port, name)
    if not settings.allow_private:
        for ip in addresses:
            problem = address_problem(ip)
            if problem and not any(ip in net for net in settings.allowed_networks):
                shown = host if host == str(ip) else f"{host} ({ip})"
                raise SourceError(
                    name,
                    f"{shown} is a {problem} address; fetching from private addresses "
                    f"is not allowed (set {ALLOW_PRIVATE_ENV}=1 to allow it)",
                    "private_address",
                )
    return _Target(parsed, addresses)


# --------------------------------------------------------------------------- fetching


@dataclass(frozen=True)
class Fetched:
    """A fetched document: its final URL, kind, bytes and declared charset."""

    url: str
    kind: Kind
    data: bytes
    charset: str | None = None


def fetch(url: str, settings: SourceSettings | None = None) -> Fetched:
    """Download a web page, text file, PDF or .docx, within the settings' limits.

    Redirects are followed by hand, at most ``max_redirects``, and each hop is
    checked like the first URL. Raises :class:`SourceError` for a refused
    address, a failed connection, a timeout, an HTTP error, a document that is
    not a page or is too big.
    """
    settings = settings or SourceSettings.from_env()
    deadline = time.monotonic() + settings.total_timeout
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,"
        "*/*;q=0.1",
    }
    current = url
    # trust_env=False: a proxy from the environment would connect on our behalf,
    # to an address we never checked.
    with httpx.Client(
        timeout=timeout, follow_redirects=False, trust_env=False, headers=headers
    ) as client:
        for _hop in range(settings.max_redirects + 1):
            label = url if current == url else f"{url} (redirected to {current})"
            target = _check_url(current, settings, label)
            response = _send_pinned(client, target, label)
            try:
                location = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    current = str(target.url.join(location))
                    continue
                _check_status(response, label)
                kind = _content_kind(response, label)
                data = _read_capped(response, settings, deadline, label)
                if kind is None:
                    kind = _sniff(data, label)
                return Fetched(str(target.url), kind, data, response.charset_encoding)
            finally:
                response.close()
    raise SourceError(
        url, f"more than {settings.max_redirects} redirects; not followed", "redirects"
    )


def _send_pinned(client: httpx.Client, target: _Target, name: str) -> httpx.Response:
    """Send a GET to one of the checked addresses, with the real host name for
    the Host header and TLS (certificate checks still use the name)."""
    url = target.url
    host = url.raw_host.decode("ascii")
    bracketed = f"[{host}]" if ":" in host else host
    host_header = bracketed if url.port is None else f"{bracketed}:{url.port}"
    failure = "the connection failed"
    for ip in target.addresses:
        request = client.build_request(
            "GET",
            url.copy_with(host=str(ip)),
            headers={"Host": host_header},
            extensions={"sni_hostname": host},
        )
        try:
            return client.send(request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            failure = _connect_failure(exc)
            continue
        except httpx.TimeoutException:
            raise SourceError(
                name, "timed out: the server did not answer in time", "timeout"
            ) from None
        except httpx.HTTPError as exc:
            raise SourceError(
                name, f"unreachable: {type(exc).__name__}: {exc}", "unreachable"
            ) from None
    raise SourceError(name, f"unreachable: {failure}", "unreachable")


def _connect_failure(exc: httpx.HTTPError) -> str:
    """A short description of a failed connection."""
    if isinstance(exc, httpx.ConnectTimeout):
        return "the connection timed out"
    text = str(exc)
    if "refused" in text.lower():
        return "the connection was refused"
    return f"the connection failed ({text or type(exc).__name__})"


def _check_status(response: httpx.Response, name: str) -> None:
    """Refuse error statuses with a message that says which."""
    status = response.status_code
    if status in (404, 410):
        raise SourceError(name, f"not found (HTTP {status})", "not_found")
    if status in (401, 403):
        raise SourceError(name, f"access denied (HTTP {status})", "http_error")
    if status in _REDIRECTS:
        raise SourceError(name, f"a redirect (HTTP {status}) without a Location", "http_error")
    if status >= 400 or status == 204:
        raise SourceError(name, f"the server answered HTTP {status}", "http_error")


def _content_kind(response: httpx.Response, name: str) -> Kind | None:
    """The kind from the Content-Type header; None when the server sent none."""
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if not content_type:
        return None
    kind = CONTENT_KINDS.get(content_type)
    if kind is None:
        raise SourceError(
            name,
            f"not a web page or an article document (content type {content_type})",
            "not_html",
        )
    return kind


def _read_capped(
    response: httpx.Response, settings: SourceSettings, deadline: float, name: str
) -> bytes:
    """The body, streamed; refused as soon as it passes the size cap or the deadline."""
    cap = settings.max_download_bytes
    too_big = f"too big: more than {cap:,} bytes (the limit for one article)"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise SourceError(name, f"too big: {int(declared):,} bytes, over the limit", "too_big")
    chunks: list[bytes] = []
    total = 0
    try:
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > cap:
                raise SourceError(name, too_big, "too_big")
            if time.monotonic() > deadline:
                raise SourceError(
                    name, f"timed out: the page took over {settings.total_timeout:g} s", "timeout"
                )
            chunks.append(chunk)
    except httpx.TimeoutException:
        raise SourceError(name, "timed out while reading the page", "timeout") from None
    except httpx.HTTPError as exc:
        raise SourceError(
            name, f"unreachable: the download broke off ({type(exc).__name__})", "unreachable"
        ) from None
    return b"".join(chunks)


def _sniff(data: bytes, name: str) -> Kind:
    """The kind of a document sent without a content type, from its first bytes."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if b"\x00" in head:
        raise SourceError(name, "not a web page (binary data without a content type)", "not_html")
    return "text"


# --------------------------------------------------------------------------- readers


def url_article_id(url: str) -> str:
    """A stable article id for a URL: a slug of its last path part and a short hash."""
    parsed = httpx.URL(url)
    stem = PurePosixPath(parsed.path).stem or parsed.host or "page"
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:50] or "page"
    return f"{slug}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


_Reader = Callable[[bytes, str, str, str | None, str | None], Article]


def read_text(
    data: bytes, name: str, article_id: str, url: str | None = None, charset: str | None = None
) -> Article:
    """A plain-text article (with its optional header), as the file loader reads it."""
    article = parse_article(decode_article_bytes(data, name), article_id, name)
    return replace(article, source=article.source or url, path=name)


def read_html(
    data: bytes | str,
    name: str,
    article_id: str,
    url: str | None = None,
    charset: str | None = None,
) -> Article:
    """The story of a web page: its main text, title, date, site name and author.

    Navigation, cookie banners, captions, asides and footers are left out by
    trafilatura; the headline, byline and date lines it keeps at the top, and
    a dateline opening the first paragraph, are removed here. The page's
    canonical URL (or ``url``) becomes the source.
    """
    import trafilatura
    from trafilatura.settings import Document

    html: bytes | str = data
    if isinstance(data, bytes) and charset:
        try:
            html = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            html = data
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        raise SourceError(name, "no article text found on the page", "no_article")
    title = " ".join((doc.title or "").split()) or None
    date = _iso_date(doc.date)
    text, found_date = _clean_story(doc.text or "", title)
    date = date or found_date
    if not text.strip():
        raise SourceError(name, "no article text found on the page", "no_article")
    source = url or (doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None)
    article = _checked_article(text, article_id, name, no_article=True)
    return replace(
        article,
        title=title,
        date=date,
        source=source,
        author=(doc.author or None),
        site_name=(doc.sitename or None),
        path=name,
    )


def read_pdf(
    data: bytes, name: str, article_id: str, url: str | None = None, charset: str | None = None
) -> Article:
    """The text of a PDF (its text layer), with its title from the PDF's metadata.

    A PDF without a text layer, such as a scan, is refused with a message saying so.
    """
    from pypdf import PdfReader

    if b"%PDF-" not in data[:1024]:
        raise SourceError(name, "not a PDF file (it does not start like one)", "corrupt")
    pages: list[str] = []
    title: str | None = None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(name, "the PDF is password-protected", "encrypted")
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            size += len(text)
            if size > MAX_BYTES:
                raise SourceError(
                    name, f"too big: the PDF holds over {MAX_BYTES:,} characters", "too_big"
                )
            pages.append(text)
        meta_title = reader.metadata.title if reader.metadata else None
        title = _document_title(meta_title)
    except SourceError:
        raise
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, KeyError...)
        raise SourceError(
            name, f"a damaged PDF that cannot be read ({type(exc).__name__})", "corrupt"
        ) from None
    text = "\n\n".join(_reflow(_CONTROLS.sub(" ", p)) for p in pages if p.strip())
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 3:
        raise SourceError(
            name,
            "the PDF has no text layer: it looks like a scanned document; "
            "run it through OCR or paste the text instead",
            "scanned",
        )
    article = _checked_article(text, article_id, name)
    return replace(article, title=title or article.title, source=url, path=name)


def read_docx(
    data: bytes, name: str, article_id: str, url: str | None = None, charset: str | None = None
) -> Article:
    """The paragraphs of a Word (.docx) document; its title from the document's
    properties or its Title/Heading 1 paragraph at the top."""
    import docx

    _check_container(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [
            (p.style.name if p.style is not None else "", " ".join(p.text.split()))
            for p in document.paragraphs
        ]
        title = _document_title(document.core_properties.title)
    except Exception as exc:  # python-docx raises many types for a broken package
        raise SourceError(
            name,
            f"not a readable Word document (.docx): it is damaged or not a .docx file "
            f"({type(exc).__name__})",
            "corrupt",
        ) from None
    paragraphs = [(style, text) for style, text in paragraphs if text]
    if paragraphs and paragraphs[0][0] in ("Title", "Heading 1"):
        heading = paragraphs.pop(0)[1]
        title = title or heading
    article = _checked_article("\n\n".join(text for _, text in paragraphs), article_id, name)
    return replace(article, title=title or article.title, source=url, path=name)


READERS: dict[Kind, _Reader] = {
    "text": read_text,
    "html": read_html,
    "pdf": read_pdf,
    "docx": read_docx,
}
"""One reader per kind of document: ``reader(data, name, article_id, url, charset)``."""


def _checked_article(text: str, article_id: str, name: str, no_article: bool = False) -> Article:
    """An article of extracted text, after the loader's checks (size, binary, prose).

    The text is all body: it is never read for a ``Title:`` header.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise SourceError(
            name,
            f"the text is {size:,} bytes; articles are limited to {MAX_BYTES:,} bytes",
            "too_big",
        )
    try:
        parse_article(text, article_id, name)
    except ArticleError as exc:
        if no_article:
            raise SourceError(
                name, f"no article text found on the page ({exc.problem})", "no_article"
            ) from None
        raise
    return Article(id=article_id, text=text, path=name)


def _iso_date(value: str | None) -> dt.date | None:
    """A date from trafilatura's ``YYYY-MM-DD``."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _document_title(value: str | None) -> str | None:
    """A PDF's or Word file's stored title, unless it is a file name or a placeholder."""
    title = " ".join((value or "").split())
    if len(title.split()) < 2 or re.search(r"\.(docx?|pdf|txt|html?)$", title, re.I):
        return None
    if title.lower().startswith(("microsoft word -", "untitled")):
        return None
    return title


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BYLINE = re.compile(r"^(?:by|from|words by|written by)\s+[A-Z][\w.'’-]*", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^(?:(?:first\s+)?published|updated|last\s+updated|posted|modified)\b[: ]*(?:on\s+)?(.*)$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"""^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})   # VILNIUS, NEW YORK, ST. PETERSBURG
    (?:,\s+[A-Z][\w.]*(?:\s+[\w.]+){0,2})?                 # , Lithuania  , March 3
    \s*(?:\([^()\n]{1,40}\))?                              # (AP)
    \s*(?:—|–|--|-)\s+""",
    re.VERBOSE,
)


def _clean_story(text: str, title: str | None) -> tuple[str, dt.date | None]:
    """Drop the headline, byline and date lines above the story and a leading dateline.

    Returns the story as paragraphs separated by blank lines, and a date read
    from a removed date line ("Updated 14 May 2025").
    """
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    key = _title_key(title or "")
    found: dt.date | None = None
    while paragraphs:
        furniture, date = _top_furniture(paragraphs[0], key)
        if not furniture:
            break
        paragraphs.pop(0)
        found = found or date
    if paragraphs:
        paragraphs[0] = _DATELINE.sub("", paragraphs[0], count=1)
    return "\n\n".join(paragraphs), found


def _top_furniture(line: str, title_key: str) -> tuple[bool, dt.date | None]:
    """Whether a line above the story is its headline, byline or date (and the date)."""
    if title_key and _title_key(line) == title_key:
        return True, None
    words = line.split()
    if len(words) >= 8 and line[-1] in ".!?\"'”’)":
        return False, None  # a sentence: the story has begun
    if len(words) <= 15 and _BYLINE.match(line):
        return True, None
    match = _DATE_LINE.match(line)
    if match and len(words) <= 10:
        return True, parse_header_date(match.group(1))
    if len(words) <= 6 and (date := parse_header_date(line)):
        return True, date
    return False, None


def _title_key(text: str) -> str:
    """A title reduced to its letters and digits, for comparison."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _reflow(page: str) -> str:
    """Join a PDF page's hard-wrapped lines into paragraphs.

    A line ends a paragraph when it is clearly shorter than the page's long
    lines and ends a sentence; a hyphen at a line's end before a lower-case
    letter joins the word.
    """
    lines = [" ".join(line.split()) for line in page.splitlines()]
    longest = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if len(line) < longest * 0.75 and re.search(r"[.!?][\"'”’)]*$", line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _check_container(data: bytes, name: str, limit: int = 50_000_000) -> None:
    """Refuse a .docx (a zip inside) that would unpack to more than ``limit`` bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SourceError(
            name,
            "not a readable Word document (.docx): it is damaged or not a .docx file",
            "corrupt",
        ) from None
    if total > limit:
        raise SourceError(name, f"the document would unpack to {total:,} bytes; refused", "too_big")


# --------------------------------------------------------------------------- one source


def is_url(value: str) -> bool:
    """Whether an input names a URL (``scheme://...``) rather than a file."""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value))


def load_url(url: str, settings: SourceSettings | None = None) -> Article:
    """Fetch a URL and read its article; the URL is the article's source."""
    fetched = fetch(url, settings)
    reader = READERS[fetched.kind]
    try:
        article = reader(fetched.data, url, url_article_id(url), url, fetched.charset)
    except SourceError:
        raise
    except ArticleError as exc:
        # the message names the URL given, not the final address
        raise SourceError(url, exc.problem, "no_article") from None
    return replace(article, source=url)


def load_file(path: str | Path, settings: SourceSettings | None = None) -> Article:
    """Read an article file by its extension: .txt, .html/.htm, .pdf or .docx.

    Text files (and files of any other extension) are read by
    :func:`~question_bank.articles.load_article`, exactly as before.
    """
    settings = settings or SourceSettings.from_env()
    p = Path(path)
    kind = FILE_KINDS.get(p.suffix.lower())
    if p.suffix.lower() == ".doc":
        raise SourceError(
            str(path), "a .doc (Word 97-2003) file is not read; save it as .docx", "unsupported"
        )
    if kind is None or kind == "text":
        return load_article(path)
    data = _read_file(p, settings.max_file_bytes)
    return READERS[kind](data, str(path), p.stem, None, None)


def load_source(value: str, settings: SourceSettings | None = None) -> Article:
    """An article from a URL or a file (see :func:`load_url` and :func:`load_file`)."""
    return load_url(value, settings) if is_url(value) else load_file(value, settings)


def _read_file(path: Path, limit: int) -> bytes:
    """A file's bytes, refusing a missing, unreadable or oversized file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise SourceError(
                name, f"the file is {size:,} bytes; the limit is {limit:,} bytes", "too_big"
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise ArticleError(name, "is a directory, not an article file") from None
    except FileNotFoundError:
        raise ArticleError(name, "no such file") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None


# --------------------------------------------------------------------------- bulk


@dataclass(frozen=True)
class SourceItem:
    """One input's outcome: an article, or the error that refused it."""

    name: str
    article: Article | None = None
    error: ArticleError | None = None
    original_text: str | None = field(default=None, repr=False)
    """For a plain-text input, its text as given (header block included)."""

    @property
    def ok(self) -> bool:
        """Whether an article was read."""
        return self.article is not None


@dataclass(frozen=True)
class PendingSource:
    """An input found by :func:`plan_sources`, read when :meth:`read` is called."""

    name: str
    reader: Callable[[], SourceItem] = field(repr=False)

    def read(self) -> SourceItem:
        """Read it: never raises for a bad input, the item carries the error."""
        return self.reader()


def plan_sources(
    inputs: Iterable[str], settings: SourceSettings | None = None
) -> list[PendingSource]:
    """Expand inputs into the articles to read, without reading them yet.

    - a URL is one article;
    - a directory stands for its article files (.txt, .html, .htm, .pdf, .docx);
    - a .zip stands for its members (each article file in it);
    - a text file whose every line is an http(s) URL is a list of URLs;
    - any other file is one article.

    Zips and URL lists are opened here (cheaply) to count their items.
    """
    settings = settings or SourceSettings.from_env()
    out: list[PendingSource] = []
    for value in inputs:
        if is_url(value):
            out.append(_pending_url(value, settings))
            continue
        path = Path(value)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file() and child.suffix.lower() in FILE_KINDS:
                    out.extend(_plan_file(child, settings))
        else:
            out.extend(_plan_file(path, settings))
    return out


def read_sources(
    inputs: Iterable[str], settings: SourceSettings | None = None
) -> Iterator[SourceItem]:
    """Read every article the inputs stand for (see :func:`plan_sources`), one by one."""
    for pending in plan_sources(inputs, settings):
        yield pending.read()


def _plan_file(path: Path, settings: SourceSettings) -> list[PendingSource]:
    """A file's articles: a zip's members, a URL list's URLs, or the file itself."""
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return _plan_zip(path, settings)
    if suffix in ("", ".txt", ".text", ".urls", ".list"):
        urls = _url_list(path)
        if urls is not None:
            if len(urls) > settings.max_urls:
                error = SourceError(
                    str(path),
                    f"lists {len(urls):,} URLs; at most {settings.max_urls:,} are read at once",
                    "too_big",
                )
                return [_failed(str(path), error)]
            return [_pending_url(u, settings) for u in urls]
    return [PendingSource(str(path), lambda: _read_file_item(path, settings))]


def _url_list(path: Path) -> list[str] | None:
    """The URLs of a file that lists only URLs (blank lines and ``#`` comments
    allowed), or None for any other file."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if not lines or not all(re.match(r"^https?://\S+$", line, re.I) for line in lines):
        return None
    return lines


def _pending_url(url: str, settings: SourceSettings) -> PendingSource:
    """A URL to fetch."""

    def read() -> SourceItem:
        try:
            return SourceItem(url, load_url(url, settings))
        except ArticleError as exc:
            return SourceItem(url, error=exc)

    return PendingSource(url, read)


def _read_file_item(path: Path, settings: SourceSettings) -> SourceItem:
    """Read one file into an item."""
    name = str(path)
    try:
        article = load_file(path, settings)
    except ArticleError as exc:
        return SourceItem(name, error=exc)
    original = None
    if FILE_KINDS.get(path.suffix.lower(), "text") == "text":
        original = decode_article_bytes(path.read_bytes(), name)
    return SourceItem(name, article, original_text=original)


def _failed(name: str, error: ArticleError) -> PendingSource:
    """An input already known to be refused."""
    return PendingSource(name, lambda: SourceItem(name, error=error))


def _plan_zip(path: Path, settings: SourceSettings) -> list[PendingSource]:
    """One pending item per member of a zip, after checking the zip as a whole.

    Refused whole: a missing, corrupt or oversized zip, one with too many
    members, or one whose members would unpack past ``max_unpacked_bytes``.
    Refused member by member: unsafe paths (``..``, absolute), nested zips,
    unsupported types, and members that unpack past the limits while read.
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_unpacked_bytes:
            raise SourceError(name, f"the zip is {size:,} bytes; refused", "too_big")
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
    except FileNotFoundError:
        return [_failed(name, ArticleError(name, "no such file"))]
    except SourceError as exc:
        return [_failed(name, exc)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        error = SourceError(name, "not a valid zip file (corrupt or truncated)", "corrupt")
        return [_failed(name, error)]
    infos = [i for i in infos if not i.filename.startswith("__MACOSX/")]
    if len(infos) > settings.max_zip_members:
        error = SourceError(
            name,
            f"the zip holds {len(infos):,} files; at most {settings.max_zip_members:,} are read",
            "too_big",
        )
        return [_failed(name, error)]
    declared = sum(i.file_size for i in infos)
    if declared > settings.max_unpacked_bytes:
        error = SourceError(
            name,
            f"the zip would unpack to {declared:,} bytes, over the limit of "
            f"{settings.max_unpacked_bytes:,} (a zip bomb?); nothing in it was read",
            "too_big",
        )
        return [_failed(name, error)]
    budget = [settings.max_unpacked_bytes]
    return [_pending_member(path, info, settings, budget) for info in infos]


def _unsafe_member(filename: str) -> bool:
    """Whether a member's path is absolute or climbs out with ``..``."""
    normalised = filename.replace("\\", "/")
    if normalised.startswith("/") or re.match(r"^[A-Za-z]:", normalised):
        return True
    return ".." in normalised.split("/")


def _pending_member(
    path: Path, info: zipfile.ZipInfo, settings: SourceSettings, budget: list[int]
) -> PendingSource:
    """A zip member to read, sharing the zip's unpacking budget with its siblings."""
    name = f"{path}:{info.filename}"
    member = PurePosixPath(info.filename.replace("\\", "/"))
    suffix = member.suffix.lower()
    if _unsafe_member(info.filename):
        error = SourceError(
            name, "unsafe path in the zip (absolute or with ..); not read", "unsafe_path"
        )
        return _failed(name, error)
    if suffix == ".zip":
        return _failed(name, SourceError(name, "a zip inside a zip is not read", "unsupported"))
    kind = FILE_KINDS.get(suffix)
    if kind is None:
        error = SourceError(
            name,
            f"not an article file ({suffix or 'no extension'}); "
            "a zip may hold .txt, .html, .pdf and .docx files",
            "unsupported",
        )
        return _failed(name, error)

    def read() -> SourceItem:
        try:
            data = _read_member(path, info, min(settings.max_file_bytes, budget[0]), name)
            budget[0] -= len(data)
            article = READERS[kind](data, name, member.stem, None, None)
        except ArticleError as exc:
            return SourceItem(name, error=exc)
        original = decode_article_bytes(data, name) if kind == "text" else None
        return SourceItem(name, article, original_text=original)

    return PendingSource(name, read)


def _read_member(path: Path, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """A member's bytes, read in chunks and refused past ``limit`` (sizes in a zip can lie)."""
    chunks: list[bytes] = []
    total = 0
    try:
        with zipfile.ZipFile(path) as zf, zf.open(info) as fh:
            while chunk := fh.read(65536):
                total += len(chunk)
                if total > limit:
                    raise SourceError(
                        name,
                        "unpacks past the size limit (a zip bomb?); not read",
                        "too_big",
                    )
                chunks.append(chunk)
    except SourceError:
        raise
    except RuntimeError:  # zipfile: "File ... is encrypted, password required"
        raise SourceError(name, "the file is encrypted in the zip", "encrypted") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SourceError(
            name, f"damaged in the zip ({type(exc).__name__}); not read", "corrupt"
        ) from None
    return b"".join(chunks)
