"""CSV and TSV flashcards for Anki's and Quizlet's text import.

One row per question, three columns: front, back and tags. The front is the
prompt (a multiple-choice front lists its choices as ``A) ... ; B) ...``); the
back is the answer, with the other accepted answers after it; tags are separated
by spaces and have none inside. Every field is kept on one line (Quizlet reads a
line break as the next card) and the ``csv`` module quotes a field only when it
must. No header row by default, since Quizlet imports every row as a card;
``anki_header`` adds Anki's ``#separator``/``#html:false``/``#tags column``
lines so Anki shows the text as text and files the tags.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from ..model import Question
from . import ExportItem, require_items
from .gift import item_tags, mcq_options

COLUMNS = ("front", "back", "tags")
"""The columns of every row."""

_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")
_ANKI_SEPARATORS = {",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe", ":": "colon"}


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


def to_csv(
    items: Iterable[ExportItem],
    delimiter: str = ",",
    *,
    header: bool = False,
    tags: bool = True,
    anki_header: bool = False,
) -> str:
    """The questions as rows of front, back and tags, split by ``delimiter``.

    ``header`` adds a ``front,back,tags`` row, ``tags=False`` leaves the tags
    column out, and ``anki_header`` starts the file with Anki's import directives.
    """
    listed = require_items(items)
    out = io.StringIO()
    if anki_header:
        separator = _ANKI_SEPARATORS.get(delimiter, delimiter)
        out.write(f"#separator:{separator}\n#html:false\n")
        if tags:
            out.write(f"#tags column:{len(COLUMNS)}\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS if tags else COLUMNS[:2])
    for item in listed:
        front, back = front_back(item.question)
        row = [_one_line(front), _one_line(back)]
        if tags:
            row.append(" ".join(item_tags(item)))
        writer.writerow(row)
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
