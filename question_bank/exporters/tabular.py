"""CSV and TSV flashcards for Anki's text import, and plain text for Quizlet's.

One row per question. The front is the prompt (a multiple-choice front lists its
choices as ``A) ... ; B) ...``); the back is the answer, with the other accepted
answers after it. Every field is kept on one line and the ``csv`` module quotes a
field only when it must.

With ``anki_header`` (what the command lines and the app write), the file starts
with the header lines Anki's text import reads, so its default options import it
right::

    #separator:Comma        (or Tab)
    #html:false             the fields are plain text: "<b>" shows as "<b>"
    #notetype:Basic         not whatever note type was used last (a Cloze would break)
    #tags column:3          front, back, tags (spaces between tags), deck
    #deck column:4          "News Quiz::<deck>", as in the .apkg; Anki creates it

and a front that starts with ``#`` is quoted, since Anki skips a line starting
with ``#`` as a comment. Without it the rows are front, back and tags only.

Quizlet's import reads "term<tab>definition" lines and knows no header, tags or
quoting: :func:`to_quizlet` writes exactly that.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from ..model import Question
from . import ExportItem, deck_name, require_items
from .gift import item_tags, mcq_options

COLUMNS = ("front", "back", "tags")
"""The columns of every row (Anki's files add a fourth: the deck)."""

_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")
_ANKI_SEPARATORS = {
    ",": "Comma",
    "\t": "Tab",
    ";": "Semicolon",
    "|": "Pipe",
    ":": "Colon",
    " ": "Space",
}
"""Anki's names of the separators it reads (its manual's spelling)."""


def _one_line(text: str) -> str:
    """A field on one line: line breaks and tabs become single spaces."""
    return _LINE_BREAKS.sub(" ", text.replace("\t", " ")).strip()


def _letter(index: int) -> str:
    """The label of the choice at an index: A, B, C ..."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def front_back(question: Question) -> tuple[str, str]:
    """A question's card: the front (prompt, with choices for mcq) and the back."""
    q = question
    if q.kind == "mcq":
        options = mcq_options(q)
        listed = "; ".join(f"{_letter(i)}) {c}" for i, (c, _) in enumerate(options))
        right = [f"{_letter(i)}) {c}" for i, (c, ok) in enumerate(options) if ok]
        return f"{q.prompt} {listed}", right[0] if right else q.answer
    accepted = [a for a in dict.fromkeys(q.accepted) if a != q.answer]
    back = q.answer + (f" (also accepted: {'; '.join(accepted)})" if accepted else "")
    return q.prompt, back


def anki_header_lines(delimiter: str, *, tags: bool = True) -> list[str]:
    """Anki's import header for rows of front, back, [tags,] deck split by ``delimiter``."""
    if delimiter not in _ANKI_SEPARATORS:
        raise ValueError(f"Anki's text import cannot read {delimiter!r} as a separator.")
    lines = [f"#separator:{_ANKI_SEPARATORS[delimiter]}", "#html:false", "#notetype:Basic"]
    if tags:
        lines.append(f"#tags column:{len(COLUMNS)}")
    lines.append(f"#deck column:{len(COLUMNS) + (1 if tags else 0)}")
    return lines


def to_csv(
    items: Iterable[ExportItem],
    delimiter: str = ",",
    *,
    header: bool = False,
    tags: bool = True,
    anki_header: bool = False,
) -> str:
    """The questions as rows of front, back and tags, split by ``delimiter``.

    ``header`` adds a ``front,back,tags`` row (with ``anki_header``, Anki's
    ``#columns:`` line instead, since Anki would import a row as a card);
    ``tags=False`` leaves the tags column out; ``anki_header`` starts the file with
    Anki's import header and adds the deck column (see the module doc).
    """
    listed = require_items(items)
    out = io.StringIO()
    names = list(COLUMNS if tags else COLUMNS[:2])
    if anki_header:
        names.append("deck")
        for line in anki_header_lines(delimiter, tags=tags):
            out.write(line + "\n")
        if header:
            out.write("#columns:" + delimiter.join(names) + "\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    # Anki skips any line that starts with "#": such a front is quoted
    quoted = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if header and not anki_header:
        writer.writerow(names)
    for item in listed:
        front, back = front_back(item.question)
        row = [_one_line(front), _one_line(back)]
        if tags:
            row.append(" ".join(item_tags(item)))
        if anki_header:
            row.append(deck_name(item.deck))
        (quoted if anki_header and row[0].startswith("#") else writer).writerow(row)
    return out.getvalue()


def to_tsv(
    items: Iterable[ExportItem],
    *,
    header: bool = False,
    tags: bool = True,
    anki_header: bool = False,
) -> str:
    """The questions as tab-separated rows (:func:`to_csv` with a tab)."""
    return to_csv(items, "\t", header=header, tags=tags, anki_header=anki_header)


def to_quizlet(items: Iterable[ExportItem]) -> str:
    """The questions as Quizlet's import reads them by default: "front<tab>back" lines.

    No header, no tags, no quoting: Quizlet would show quotes and extra columns as
    part of the definition. Tabs and line breaks inside a field are spaces.
    """
    return "".join(
        f"{_one_line(front)}\t{_one_line(back)}\n"
        for front, back in (front_back(item.question) for item in require_items(items))
    )
