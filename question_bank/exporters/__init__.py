"""Exporters: the bank's questions as Anki decks, GIFT, Moodle XML, CSV/TSV and Quizlet text.

Every exporter takes :class:`ExportItem` objects: a question plus the deck it goes
in, the teacher's tags and the article's title and date for the card's back.
Only approved questions should be passed in; the caller decides that.

:func:`export_text` and :func:`write_export` are what the command lines and the app
use, so every caller writes the same files: CSV and TSV with Anki's header lines,
text files and packages with mode 0644, file names from :func:`export_filename`.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Question

PARENT_DECK = "News Quiz"
"""Every exported deck is named under this parent: "News Quiz::<deck>"."""

FORMATS = ("anki", "gift", "moodle-xml", "csv", "tsv", "quizlet")
"""Every export format, by the name the command lines and the app use."""

SUFFIXES = {
    "anki": "apkg",
    "gift": "gift.txt",
    "moodle-xml": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "quizlet": "quizlet.txt",
}
"""The file name ending of each format."""

FALLBACK_STEM = "news-quiz"
"""The file name stem of an export of several decks, or of a name with no letters."""

FILE_MODE = 0o644
"""Exports are for sharing: readable by everyone, like a file a browser downloads."""

_MAX_STEM_CHARS = 60
_MAX_STEM_BYTES = 180  # far below the 255 bytes of a file name on common file systems
_WINDOWS_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com\d|lpt\d)")


class ExportError(ValueError):
    """An export that cannot be made (for example, nothing to export)."""


@dataclass(frozen=True)
class ExportItem:
    """One question to export, with where it goes and what the card's back shows."""

    question: Question
    deck: str
    tags: tuple[str, ...] = field(default=())
    article_title: str | None = None
    article_date: str | None = None


def require_items(items: Iterable[ExportItem]) -> Sequence[ExportItem]:
    """The items as a list, or an :class:`ExportError` when there are none."""
    listed = list(items)
    if not listed:
        raise ExportError("There are no approved questions to export in this selection.")
    return listed


def deck_name(deck: str) -> str:
    """The full Anki deck name of a deck: "News Quiz::<deck>" (the parent alone if blank)."""
    cleaned = " ".join(deck.split())
    return f"{PARENT_DECK}::{cleaned}" if cleaned else PARENT_DECK


# ---- file names ----------------------------------------------------------------------


def slugify(name: str, fallback: str = FALLBACK_STEM) -> str:
    """A file name stem that keeps a name's letters, in any script.

    Letters and digits stay, with their marks (after NFKC normalisation, so "Ｑ１" is
    "Q1"); every other run of characters becomes one ``-``. The stem is at most 60 characters and
    180 UTF-8 bytes, never a reserved Windows device name, and ``fallback`` when
    nothing is left. "Ειδήσεις: Ιανουάριος" gives "Ειδήσεις-Ιανουάριος".
    """
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKC", name):
        kind = unicodedata.category(ch)[0]
        # a mark stays with the letter it belongs to (a vowel sign, an accent), not
        # alone (the variation selector after an emoji)
        attached = kind == "M" and bool(kept) and kept[-1] != "-"
        kept.append(ch if kind in "LN" or attached else "-")
    slug = re.sub(r"-+", "-", "".join(kept)).strip("-")[:_MAX_STEM_CHARS]
    while len(slug.encode("utf-8")) > _MAX_STEM_BYTES:
        slug = slug[:-1]
    slug = slug.strip("-")
    if _WINDOWS_RESERVED.fullmatch(slug):
        slug += "-deck"
    return slug or fallback


def ascii_filename(filename: str, fallback: str = FALLBACK_STEM) -> str:
    """An ASCII stand-in for a file name (for clients that cannot read a UTF-8 one).

    Accents are dropped ("Café.csv" gives "Cafe.csv"); a name with no Latin letters
    gets ``fallback`` as its stem.
    """
    stem, dot, suffix = filename.partition(".")
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    return slugify(plain, fallback) + dot + suffix


def export_filename(deck: str | None, fmt: str) -> str:
    """The file name of an export: the deck name's slug and the format's ending.

    ``deck=None`` (several decks) gives "news-quiz.<ending>".
    """
    if fmt not in SUFFIXES:
        raise ExportError(f"Unknown export format {fmt!r}.")
    stem = slugify(deck) if deck is not None else FALLBACK_STEM
    return f"{stem}.{SUFFIXES[fmt]}"


# ---- writing -------------------------------------------------------------------------


def export_text(items: Iterable[ExportItem], fmt: str) -> str:
    """The items in a text format: gift, moodle-xml, csv, tsv or quizlet.

    CSV and TSV start with Anki's header lines (see :mod:`.tabular`), so Anki's
    text import reads them right with its default options; quizlet is plain
    "term<tab>definition" lines, as Quizlet's import reads them by default.
    """
    if fmt == "gift":
        from .gift import to_gift

        return to_gift(items)
    if fmt == "moodle-xml":
        from .moodle import to_moodle_xml

        return to_moodle_xml(items)
    if fmt in ("csv", "tsv"):
        from .tabular import to_csv

        return to_csv(items, delimiter="\t" if fmt == "tsv" else ",", anki_header=True)
    if fmt == "quizlet":
        from .tabular import to_quizlet

        return to_quizlet(items)
    raise ExportError(f"Unknown text export format {fmt!r}.")


def existing_folder(path: str | Path) -> Path:
    """The folder a file will be written in; an :class:`ExportError` if it is missing."""
    folder = Path(os.path.abspath(path)).parent
    if not folder.is_dir():
        raise ExportError(f"Cannot write {path}: the folder {folder} does not exist.")
    return folder


def write_file(data: bytes | str, path: str | Path) -> None:
    """Write an export atomically (a temporary file beside it, renamed), with mode 0644.

    A missing folder is an :class:`ExportError` naming it; other failures are ``OSError``.
    """
    folder = existing_folder(path)
    target = Path(path)
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(partial, FILE_MODE)  # mkstemp makes it private; an export is for sharing
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def write_export(items: Iterable[ExportItem], fmt: str, path: str | Path) -> int:
    """Write the items in a format to ``path`` (mode 0644); how many questions were written.

    Raises :class:`ExportError` for nothing to export, an unknown format or a missing
    folder, before anything is written.
    """
    listed = require_items(items)
    if fmt == "anki":
        from .anki import write_apkg

        return write_apkg(listed, path).notes
    existing_folder(path)
    write_file(export_text(listed, fmt), path)
    return len(listed)
