"""Articles from web pages and files, for the Articles page: a page or a file to
preview before it is added, and bulk uploads (several files, zips, lists of URLs).

Everything is read by :mod:`question_bank.sources`, exactly as the CLI reads it:
the same fetch limits and private-address checks, the same extraction, the same
messages. Uploaded files are written to a private temporary folder for the
library to read, and removed at the end of the request.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from werkzeug.utils import secure_filename

from question_bank import ArticleError
from question_bank.sources import (
    SourceItem,
    SourceSettings,
    is_url,
    load_file,
    load_url,
    plan_sources,
)

from ..models import User
from . import NotAllowed, ServiceError, jobs, library
from .fetch_settings import source_settings

PREVIEW_SUFFIXES = (".html", ".htm", ".pdf", ".docx", ".txt")
"""Files read one at a time, with a preview."""

_URL_LINE = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class Preview:
    """What was read from a page or a file, for the teacher to check and edit."""

    name: str
    title: str
    published: dt.date | None
    text: str
    source_url: str
    site_name: str | None = None
    author: str | None = None


def _url_problem(url: str) -> str | None:
    """What keeps a line from being a URL to add (it becomes the article's source)."""
    if not _URL_LINE.match(url):
        return "starts with http:// or https:// (one per line)"
    if len(url) > library.MAX_SOURCE:
        return f"is at most {library.MAX_SOURCE} characters long"
    return None


def _settings() -> SourceSettings:
    """:func:`source_settings`, with a bad setting reported as a ServiceError."""
    try:
        return source_settings()
    except ValueError as exc:
        raise ServiceError(str(exc)) from None


def _teacher(user: User) -> None:
    """Only teachers add articles."""
    if not user.is_teacher:
        raise NotAllowed("Only teachers add articles.")


def preview_url(user: User, url: str) -> Preview:
    """Fetch a page (or a PDF, .docx or text file at a URL) and read its article.

    Raises :class:`ServiceError` saying why nothing could be read: not found, not a
    page, too big, timed out, no article text, a private address... Nothing is stored.
    """
    _teacher(user)
    url = (url or "").strip()
    problem = _url_problem(url)
    if problem:
        raise ServiceError(f"Enter a web address that {problem}.")
    try:
        article = load_url(url, _settings())
    except ArticleError as exc:
        raise ServiceError(f"{url}: {exc.problem}") from None
    return Preview(
        name=url,
        title=(article.title or "")[: library.MAX_TITLE],
        published=article.date,
        text=article.text,
        source_url=article.source or url,
        site_name=article.site_name,
        author=article.author,
    )


def preview_file(user: User, filename: str, data: bytes) -> Preview:
    """Read an uploaded saved page (.html), PDF, Word file (.docx) or text file.

    Raises :class:`ServiceError` saying why nothing could be read (corrupt, scanned,
    too big, no article text...). Nothing is stored.
    """
    _teacher(user)
    shown = Path(filename or "").name or "the file"
    if Path(shown).suffix.lower() not in PREVIEW_SUFFIXES:
        raise ServiceError(
            f"{shown}: choose a .html, .pdf, .docx or .txt file "
            "(several files or a .zip go in “Several at once”)."
        )
    settings = _settings()
    with tempfile.TemporaryDirectory(prefix="quizapp-upload-") as folder:
        path = _save(Path(folder), 0, shown, data)
        try:
            article = load_file(path, settings)
        except ArticleError as exc:
            raise ServiceError(f"{shown}: {exc.problem}") from None
    return Preview(
        name=shown,
        title=(article.title or "")[: library.MAX_TITLE],
        published=article.date,
        text=article.text,
        source_url=article.source or "",
        site_name=article.site_name,
        author=article.author,
    )


def add_many(user: User, files: Sequence[tuple[str, bytes]], urls: str = "") -> str:
    """Add several articles in one go: uploaded files (zips and lists of URLs
    included) and URLs one per line. Returns the batch id for the report.

    Each input becomes a job of the batch: pages are fetched by the job; files are
    read here (the worker may run on another host), and a file that cannot be read
    is stored as a refused job with the library's reason, for the report.
    """
    _teacher(user)
    lines = [line.strip() for line in (urls or "").splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if not files and not lines:
        raise ServiceError("Choose some files, or list web addresses one per line.")
    settings = _settings()
    specs: list[jobs.NewJob] = []
    for line in lines:
        problem = _url_problem(line)
        if problem is None:
            specs.append(jobs.NewJob(name=line, url=line))
        else:
            specs.append(jobs.NewJob(name=line[:200], error=f"not a web address that {problem}"))
    with tempfile.TemporaryDirectory(prefix="quizapp-upload-") as folder:
        names: dict[str, str] = {}
        paths = []
        for index, (filename, data) in enumerate(files):
            shown = Path(filename or "").name or f"file {index + 1}"
            path = _save(Path(folder), index, shown, data)
            names[str(path)] = shown
            paths.append(str(path))
        for pending in plan_sources(paths, settings):
            name = _shown_name(pending.name, names)
            if is_url(pending.name):
                specs.append(jobs.NewJob(name=name, url=pending.name))
            else:
                specs.append(_file_job(name, pending.read()))
    limit = int(current_app.config["ARTICLE_BULK_MAX"])
    for index in range(limit, len(specs)):
        specs[index] = jobs.NewJob(
            name=specs[index].name,
            error=f"more than {limit} articles in one go; add the rest separately",
        )
    batch = secrets.token_hex(8)
    jobs.submit(user, specs, batch=batch)
    return batch


def _file_job(name: str, item: SourceItem) -> jobs.NewJob:
    """The job for one file read by the library: its article's text, or the refusal."""
    article = item.article
    if article is None:
        problem = item.error.problem if item.error else "could not be read"
        return jobs.NewJob(name=name, error=problem)
    if item.original_text is not None:  # a text file: its header lines are read on adding
        text, title, published, source = item.original_text, "", None, ""
    else:
        text = article.text
        title = (article.title or "")[: library.MAX_TITLE]
        published, source = article.date, article.source or ""
    try:
        text, title, source = library.check_article(text, title, published, source)
    except ServiceError as exc:
        return jobs.NewJob(name=name, error=str(exc))
    return jobs.NewJob(
        name=name,
        text=text,
        title=title,
        published=published,
        source_url=source or None,
    )


def _save(folder: Path, index: int, filename: str, data: bytes) -> Path:
    """Write an upload into its own subfolder under a safe name with its extension."""
    suffix = Path(filename).suffix.lower()
    safe = secure_filename(filename) or f"upload{suffix}"
    if Path(safe).suffix.lower() != suffix:
        safe = f"upload{suffix}"
    target = folder / str(index)
    target.mkdir()
    path = target / safe
    path.write_bytes(data)
    return path


def _shown_name(name: str, names: dict[str, str]) -> str:
    """An item's name as the teacher knows it: the uploaded file's name, with the
    member's path for a zip member (``week.zip:story.html``)."""
    for path, shown in names.items():
        if name == path:
            return shown
        if name.startswith(path + ":"):
            return shown + name[len(path) :]
    return name
