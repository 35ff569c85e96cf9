"""GIFT, Moodle's plain-text question format: written for export and read back.

The dialect written by :func:`to_gift`:

* one ``$CATEGORY: News Quiz/<deck>`` line (in a block of its own) before each
  deck's questions; decks come in first-seen order, a ``/`` inside a deck name is
  doubled as Moodle's category paths want;
* before each question a comment ``// [id:<question id>] [tag:<tag>] ...``, which
  Moodle reads into the question's ID number and tags (a ``]`` inside is ``\\]``);
* ``::<question id>::`` as the question's title, then ``[plain]`` so Moodle shows
  the text as plain text (a ``<script>`` in a news sentence stays text), then the
  prompt and the answer block;
* ``~ = # { } :`` and the backslash are escaped with a backslash in titles,
  prompts and answers, and a line break is written ``\\n``; an answer that starts
  with ``%`` or with a format marker such as ``[html]`` gets its own ``[plain]``
  so it is not read as a weight or a format;
* a cloze is a "missing word" question: the answer block stands where the blank
  was; when the blank ends the prompt, an escaped line break follows the block
  so the question still reads as missing-word (Moodle trims it away).

:func:`parse_gift` reads that dialect and hand-written GIFT of the same four
kinds. Raw line breaks inside a question are layout and read as one space;
``\\n`` is a real line break. Answer feedback (``#...``) and general feedback
(``####...``) are read and dropped. Anything else GIFT can say (numerical,
matching, essay, description, partial-credit weights) raises :class:`GiftError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..model import BLANK, Question, find_blank
from . import PARENT_DECK, ExportError, ExportItem, require_items

SPECIAL = "\\~=#{}:"
"""Characters GIFT gives a meaning; a backslash before one makes it plain text."""

_TRIM = " \t\n\r\x00\x0b"
"""What Moodle's trim() removes at the ends of a text (PHP's default set)."""

_LAYOUT = " \t\n"
_FORMAT_MARKER = re.compile(r"\[(?:plain|html|moodle|markdown)\]")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
_TAG_DROP = re.compile(r"[<>`\\\x00-\x1f\x7f]")
_ID_IN_COMMENT = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG_IN_COMMENT = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f])+)\]")
_TRUE_FALSE = {"T": "True", "TRUE": "True", "F": "False", "FALSE": "False"}


# ---- shared by the exporters -------------------------------------------------------


def clean_tag(tag: str) -> str:
    """A tag as LMSs and flashcard apps take it: spaces as ``_``, no ``<>`\\``."""
    return _TAG_DROP.sub("", "_".join(tag.split()))


def item_tags(item: ExportItem) -> tuple[str, ...]:
    """An exported question's tags: article id, fact type, kind, then the teacher's."""
    q = item.question
    fact_type = q.fact.get("type")
    raw = [q.article, fact_type if isinstance(fact_type, str) else "", q.kind, *item.tags]
    return tuple(dict.fromkeys(t for t in map(clean_tag, raw) if t))


def category_path(deck: str) -> str:
    """The Moodle category path of a deck, under the parent: ``News Quiz/<deck>``."""
    name = " ".join(deck.split()).strip("/")
    parts = [PARENT_DECK, name] if name else [PARENT_DECK]
    return "/".join(p.replace("/", "//") for p in parts)


def group_by_deck(items: Iterable[ExportItem]) -> list[tuple[str, list[ExportItem]]]:
    """The items grouped by deck, decks in first-seen order, items in input order."""
    groups: dict[str, list[ExportItem]] = {}
    for item in items:
        groups.setdefault(item.deck, []).append(item)
    return list(groups.items())


def mcq_options(question: Question) -> list[tuple[str, bool]]:
    """A multiple-choice question's options in display order, the right one marked.

    The answer is put first when the choices lack it; only its first occurrence
    counts as right.
    """
    choices = list(question.choices)
    if question.answer not in choices:
        choices.insert(0, question.answer)
    marked = False
    options: list[tuple[str, bool]] = []
    for choice in choices:
        right = not marked and choice == question.answer
        marked = marked or right
        options.append((choice, right))
    return options


# ---- writing -------------------------------------------------------------------------


def gift_escape(text: str) -> str:
    """Text with GIFT's special characters backslash-escaped and line breaks as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for ch in text:
        if ch in SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return "".join(out)


def _comment_value(value: str) -> str:
    """An id or tag as written inside ``[id:...]``: no control characters, ``]`` escaped."""
    return _TAG_DROP.sub("", value.replace("\n", " ")).replace("]", "\\]")


def _answer_text(text: str, question: Question, matching_risk: bool) -> str:
    """One answer, escaped; an :class:`ExportError` if GIFT cannot carry it."""
    value = text.strip(_TRIM)
    if not value:
        raise ExportError(f"Question {question.id} has an empty answer; GIFT cannot carry it.")
    if matching_risk and "->" in value:
        raise ExportError(
            f"Question {question.id}: the answer {value!r} contains '->', which GIFT "
            "reads as a matching question."
        )
    guard = "[plain]" if value.startswith("%") or _FORMAT_MARKER.match(value) else ""
    return guard + gift_escape(value)


def _answer_block(question: Question) -> str:
    """The ``{...}`` part of a question."""
    q = question
    if q.kind == "mcq":
        options = mcq_options(q)
        if len(options) < 2:
            raise ExportError(f"Question {q.id} is multiple choice with fewer than two choices.")
        marks = [("=" if right else "~") + _answer_text(c, q, False) for c, right in options]
        return "{" + " ".join(marks) + "}"
    if q.kind in ("short_answer", "cloze"):
        answers = [_answer_text(a, q, True) for a in (q.answer, *q.accepted)]
        return "{" + " ".join("=" + a for a in answers) + "}"
    if q.kind == "true_false":
        value = q.answer.strip(_TRIM).lower()
        if value in ("true", "t"):
            return "{TRUE}"
        if value in ("false", "f"):
            return "{FALSE}"
        raise ExportError(f"Question {q.id} is true/false but its answer is {q.answer!r}.")
    raise ExportError(f"Question {q.id} has a kind GIFT export does not know: {q.kind!r}.")


def gift_question(item: ExportItem) -> str:
    """One question as GIFT lines: the id and tags comment, then the question line."""
    q = item.question
    prompt = q.prompt.replace("\r\n", "\n").replace("\r", "\n").strip(_TRIM)
    if not prompt:
        raise ExportError(f"Question {q.id} has an empty prompt; GIFT cannot carry it.")
    tags = " ".join(f"[tag:{_comment_value(t)}]" for t in item_tags(item))
    comment = f"// [id:{_comment_value(q.id)}]" + (f" {tags}" if tags else "")
    title = f"::{gift_escape(q.id)}::" if q.id.strip(_TRIM) else ""
    block = _answer_block(q)
    blank = find_blank(prompt) if q.kind == "cloze" else None
    if blank is None:
        body = f"{gift_escape(prompt)} {block}"
    else:
        before, after = prompt[: blank.start()], prompt[blank.end() :]
        body = gift_escape(before) + block + (gift_escape(after) if after else "\\n")
    return f"{comment}\n{title}[plain]{body}"


def to_gift(items: Iterable[ExportItem]) -> str:
    """The questions as a GIFT file, one ``$CATEGORY`` per deck (see the module doc)."""
    lines: list[str] = []
    for deck, group in group_by_deck(require_items(items)):
        lines += [f"$CATEGORY: {category_path(deck)}", ""]
        for item in group:
            lines += [gift_question(item), ""]
    return "\n".join(lines)


# ---- reading -------------------------------------------------------------------------


class GiftError(ValueError):
    """GIFT that cannot be read; the message names the line (``line 12: ...``)."""

    def __init__(self, line: int, message: str) -> None:
        """Remember the line and the message."""
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple[type[GiftError], tuple[int, str]]:
        """Pickle with the constructor's two arguments."""
        return (type(self), (self.line, self.message))


@dataclass(frozen=True)
class GiftQuestion:
    """One question read from GIFT, in the bank's terms (kinds, ``_____`` blanks)."""

    kind: str
    prompt: str
    answer: str
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    id: str | None = None
    tags: tuple[str, ...] = ()
    category: str | None = None
    title: str | None = field(default=None, compare=False)
    line: int = field(default=0, compare=False)
    id_line: int = field(default=0, compare=False)
    """The line of the ``[id:...]`` comment (0 without one)."""


@dataclass(frozen=True)
class _Src:
    """Decoded question text: each character, whether it was escaped, and its line."""

    text: str
    literal: tuple[bool, ...]
    lines: tuple[int, ...]
    fallback: int

    def __len__(self) -> int:
        """The number of characters."""
        return len(self.text)

    def cut(self, start: int, end: int | None = None) -> _Src:
        """The characters from ``start`` to ``end``."""
        end = len(self.text) if end is None else end
        line = self.lines[start] if start < len(self.lines) else self.fallback
        return _Src(self.text[start:end], self.literal[start:end], self.lines[start:end], line)

    def line(self, index: int) -> int:
        """The source line of a character (the last one's when past the end)."""
        if not self.lines:
            return self.fallback
        return self.lines[min(max(index, 0), len(self.lines) - 1)]

    def find(self, needle: str, start: int = 0) -> int:
        """Where ``needle`` first occurs unescaped at or after ``start``, or -1."""
        at = self.text.find(needle, start)
        while at >= 0 and any(self.literal[at : at + len(needle)]):
            at = self.text.find(needle, at + 1)
        return at

    def rfind(self, needle: str) -> int:
        """Where ``needle`` last occurs unescaped, or -1."""
        at = self.text.rfind(needle)
        while at >= 0 and any(self.literal[at : at + len(needle)]):
            at = self.text.rfind(needle, 0, at + len(needle) - 1)
        return at

    def strip(self) -> _Src:
        """Without unescaped blanks at either end."""
        i, j = 0, len(self.text)
        while i < j and not self.literal[i] and self.text[i] in _TRIM:
            i += 1
        while j > i and not self.literal[j - 1] and self.text[j - 1] in _TRIM:
            j -= 1
        return self.cut(i, j)

    def split_at(self, marks: str) -> list[_Src]:
        """Pieces starting at each unescaped mark; the first piece is what precedes them."""
        starts = [i for i, ch in enumerate(self.text) if ch in marks and not self.literal[i]]
        bounds = [0, *starts, len(self.text)]
        return [self.cut(a, b) for a, b in pairwise(bounds)]

    def plain(self) -> str:
        """The text, with each run of layout blanks holding a raw line break as one space."""
        out: list[str] = []
        i, n = 0, len(self.text)
        while i < n:
            if self.literal[i] or self.text[i] not in _LAYOUT:
                out.append(self.text[i])
                i += 1
                continue
            j = i
            while j < n and not self.literal[j] and self.text[j] in _LAYOUT:
                j += 1
            run = self.text[i:j]
            out.append(" " if "\n" in run else run)
            i = j
        return "".join(out)


def _decode(lines: Sequence[tuple[int, str]]) -> _Src:
    """Join a question's lines, resolving GIFT's backslash escapes."""
    chars: list[str] = []
    literal: list[bool] = []
    numbers: list[int] = []

    def put(ch: str, lit: bool, number: int) -> None:
        """Add one decoded character."""
        chars.append(ch)
        literal.append(lit)
        numbers.append(number)

    for k, (number, line) in enumerate(lines):
        if k:
            put("\n", False, lines[k - 1][0])
        i = 0
        while i < len(line):
            ch = line[i]
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if ch == "\\" and nxt and nxt in SPECIAL:
                put(nxt, True, number)
                i += 2
            elif ch == "\\" and nxt == "n":
                put("\n", True, number)
                i += 2
            else:
                put(ch, False, number)
                i += 1
    return _Src("".join(chars), tuple(literal), tuple(numbers), lines[0][0] if lines else 0)


def _finish(text: str) -> str:
    """A text as Moodle keeps it: trimmed, without a leading format marker."""
    text = text.strip(_TRIM)
    marker = _FORMAT_MARKER.match(text)
    return text[marker.end() :].strip(_TRIM) if marker else text


def _comment_values(pattern: re.Pattern[str], comments: str) -> list[str]:
    """The ``[id:...]`` or ``[tag:...]`` values of a question's comments."""
    return [m.group(1).replace("\\]", "]").strip(_TRIM) for m in pattern.finditer(comments)]


@dataclass(frozen=True)
class _Answer:
    """One answer of an answer block: its text and whether it earns full credit."""

    text: str
    right: bool


def _read_answer(piece: _Src, mark: str, mcq: bool) -> _Answer:
    """One ``=answer`` or ``~answer`` with its weight and feedback handled."""
    body = piece.cut(len(mark)).strip() if mark else piece.strip()
    right = mark != "~"
    weight = _WEIGHT.match(body.text)
    if weight:
        value = float(weight.group(1))
        if value == 100:
            right = True
        elif value == 0 and mcq and mark == "~":
            right = False
        else:
            raise GiftError(
                piece.line(0), f"partial-credit weight {weight.group(0)} is not supported"
            )
        body = body.cut(weight.end()).strip()
    feedback = body.find("#")
    if feedback >= 0:
        body = body.cut(0, feedback)
    text = _finish(body.plain())
    if not text:
        raise GiftError(piece.line(0), "empty answer in the answer block")
    return _Answer(text, right)


def _parse_question(
    content: Sequence[tuple[int, str]],
    comments: Sequence[tuple[int, str]],
    category: str | None,
) -> GiftQuestion:
    """One question block (comment lines removed; they are given apart, with their lines)."""
    first_line = content[0][0]
    comment_text = "\n".join(line for _, line in comments)
    id_lines = [n for n, line in comments if _ID_IN_COMMENT.search(line)]
    src = _decode(content).strip()
    title: str | None = None
    if src.find("::") == 0:
        end = src.find("::", 2)
        if end < 0:
            raise GiftError(src.line(0), "unclosed :: around the question title")
        title = src.cut(2, end).plain().strip(_TRIM)
        src = src.cut(end + 2).strip()
    start, close = src.find("{"), src.find("}")
    if start < 0 and close < 0:
        raise GiftError(
            first_line, "no answer block {...} in question (descriptions not supported)"
        )
    if start < 0 or 0 <= close < start:
        raise GiftError(src.line(close), "} without an opening { in question")
    if close < 0:
        raise GiftError(src.line(start), "unclosed { in question")
    nested = src.find("{", start + 1)
    if 0 <= nested < close:
        raise GiftError(src.line(nested), "{ inside an answer block (write \\{ for a brace)")
    extra = [i for i in (src.find("{", close + 1), src.find("}", close + 1)) if i >= 0]
    if extra:
        raise GiftError(
            src.line(min(extra)),
            "a second answer block in one question (write \\{ and \\} for braces)",
        )
    block = src.cut(start + 1, close)
    after = src.cut(close + 1)
    missing_word = len(after.strip()) > 0
    prompt = _finish(src.cut(0, start).plain() + (BLANK + after.plain() if missing_word else ""))
    if not prompt:
        raise GiftError(first_line, "question has no text")
    at = src.line(start)

    general = block.rfind("####")
    if general >= 0:
        block = block.cut(0, general)
    answers = block.strip()
    if not answers.text:
        raise GiftError(at, "essay questions ({}) are not supported")
    if answers.text[0] == "#" and not answers.literal[0]:
        raise GiftError(at, "numerical questions ({#...}) are not supported")
    ids = _comment_values(_ID_IN_COMMENT, comment_text)
    tags = tuple(_comment_values(_TAG_IN_COMMENT, comment_text))

    def make(
        kind: str, answer: str, accepted: Sequence[str], choices: Sequence[str]
    ) -> GiftQuestion:
        """The question with this block's prompt, id, tags and category."""
        return GiftQuestion(
            kind=kind,
            prompt=prompt,
            answer=answer,
            accepted=tuple(accepted),
            choices=tuple(choices),
            id=ids[0] if ids else None,
            tags=tags,
            category=category,
            title=title,
            line=first_line,
            id_line=id_lines[0] if ids and id_lines else 0,
        )

    if answers.find("~") >= 0:
        pieces = answers.split_at("~=")
        if pieces[0].strip().text:
            raise GiftError(pieces[0].line(0), "text before the first = or ~ in the answer block")
        read = [_read_answer(p, p.text[0], mcq=True) for p in pieces[1:]]
        right = [a.text for a in read if a.right]
        if len(right) != 1:
            raise GiftError(
                at, f"a multiple-choice question needs exactly one right answer, found {len(right)}"
            )
        return make("mcq", right[0], (), [a.text for a in read])

    arrow = answers.find("->")
    if arrow >= 0 and answers.find("=") >= 0:
        raise GiftError(answers.line(arrow), "matching questions (->) are not supported")

    feedback = answers.find("#")
    verdict = (answers.cut(0, feedback) if feedback >= 0 else answers).strip()
    if verdict.text in _TRUE_FALSE and not any(verdict.literal):
        return make("true_false", _TRUE_FALSE[verdict.text], (), ("True", "False"))

    pieces = answers.split_at("=")
    read = [_read_answer(p, "", mcq=False) for p in pieces[:1] if p.strip().text]
    read += [_read_answer(p, "=", mcq=False) for p in pieces[1:]]
    kind = "cloze" if missing_word else "short_answer"
    texts = [a.text for a in read]
    return make(kind, texts[0], texts[1:], ())


def _blocks(lines: Sequence[str]) -> Iterable[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its 1-based number."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip(_TRIM):
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def parse_gift(text: str) -> list[GiftQuestion]:
    """Every question of a GIFT text, or a :class:`GiftError` naming the first bad line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    questions: list[GiftQuestion] = []
    category: str | None = None
    for block in _blocks(text.split("\n")):
        is_comment = [line.strip(_TRIM).startswith("//") for _, line in block]
        comments = [entry for entry, c in zip(block, is_comment, strict=True) if c]
        content = [entry for entry, c in zip(block, is_comment, strict=True) if not c]
        if content and content[0][1].strip(_TRIM).startswith("$CATEGORY:"):
            number, line = content[0]
            name = line.strip(_TRIM)[len("$CATEGORY:") :].strip(_TRIM)
            if not name:
                raise GiftError(number, "$CATEGORY: without a category name")
            category = name
            content = content[1:]
        if content:
            questions.append(_parse_question(content, comments, category))
    return questions
