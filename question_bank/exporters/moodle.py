"""Moodle XML: the question bank as a ``<quiz>`` file Moodle's question import reads.

Each deck opens with a category question (``$course$/News Quiz/<deck>``); each
question carries its id as ``<idnumber>``, its tags, and its source sentence as
general feedback. Multiple choice is ``multichoice`` (one right answer, shuffled),
short answer and cloze are ``shortanswer`` (every accepted answer full credit, case
ignored; a cloze shows its blank in the text) and true/false is ``truefalse``.

Texts marked ``format="html"`` hold HTML, so prompts, choices and feedback are
HTML-escaped first (a ``<script>`` in a news sentence is shown, not run); the XML
writer then escapes that again as XML. Short answers are matched against what
the student types, so they stay raw, with Moodle's ``*`` wildcard escaped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..model import Question
from . import ExportError, ExportItem, require_items
from .gift import category_path, group_by_deck, item_tags, mcq_options

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

MOODLE_TYPES = {
    "mcq": "multichoice",
    "short_answer": "shortanswer",
    "cloze": "shortanswer",
    "true_false": "truefalse",
}
"""The Moodle question type of each kind of the bank."""


def _clean(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks as ``<br>``."""
    return html.escape(_clean(text).strip(), quote=False).replace("\n", "<br>\n")


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """Add ``<tag attrs><text>text</text></tag>`` to a parent."""
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    """Add ``<tag>value</tag>`` to a parent."""
    ET.SubElement(parent, tag).text = value


def _answer(parent: ET.Element, fraction: int, text: str, fmt: str) -> None:
    """Add an ``<answer>`` with its fraction, text and empty feedback."""
    answer = _text(parent, "answer", text, fraction=str(fraction), format=fmt)
    _text(answer, "feedback", "", format="html")


def _shortanswer_text(text: str) -> str:
    """An accepted answer as Moodle matches it: ``*`` is a wildcard, so escape it."""
    return _clean(text).strip().replace("*", "\\*")


def _feedback(item: ExportItem) -> str:
    """The general feedback: the source sentence and where it comes from."""
    sentence = " ".join(item.question.source.sentence.split())  # one line, across paragraphs
    where = ", ".join(x for x in (item.article_title, item.article_date) if x)
    text = f"Source: “{sentence}”" if sentence else ""
    if where:
        text = f"{text} ({where})" if text else f"Source: {where}"
    return _html(text)


def _answers(question: ET.Element, q: Question) -> None:
    """Add the answers and options of a question's Moodle type."""
    if q.kind == "mcq":
        options = mcq_options(q)
        if len(options) < 2:
            raise ExportError(f"Question {q.id} is multiple choice with fewer than two choices.")
        _value(question, "single", "true")
        _value(question, "shuffleanswers", "true")
        _value(question, "answernumbering", "abc")
        for choice, right in options:
            _answer(question, 100 if right else 0, _html(choice), "html")
    elif q.kind in ("short_answer", "cloze"):
        _value(question, "usecase", "0")
        seen: set[str] = set()
        for accepted in (q.answer, *q.accepted):
            text = _shortanswer_text(accepted)
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                _answer(question, 100, text, "moodle_auto_format")
        if not seen:
            raise ExportError(f"Question {q.id} has an empty answer.")
    elif q.kind == "true_false":
        value = q.answer.strip().lower()
        if value not in ("true", "false", "t", "f"):
            raise ExportError(f"Question {q.id} is true/false but its answer is {q.answer!r}.")
        is_true = value in ("true", "t")
        _answer(question, 100 if is_true else 0, "true", "moodle_auto_format")
        _answer(question, 0 if is_true else 100, "false", "moodle_auto_format")


def _question(quiz: ET.Element, item: ExportItem) -> None:
    """Add one question of the bank to the quiz."""
    q = item.question
    qtype = MOODLE_TYPES.get(q.kind)
    if qtype is None:
        raise ExportError(f"Question {q.id} has a kind Moodle export does not know: {q.kind!r}.")
    if not q.prompt.strip():
        raise ExportError(f"Question {q.id} has an empty prompt.")
    question = ET.SubElement(quiz, "question", type=qtype)
    _text(question, "name", _clean(q.id) or "question")
    _text(question, "questiontext", _html(q.prompt), format="html")
    _text(question, "generalfeedback", _feedback(item), format="html")
    _value(question, "defaultgrade", "1")
    _value(question, "penalty", "1" if qtype == "truefalse" else "0.3333333")
    _value(question, "hidden", "0")
    _value(question, "idnumber", _clean(q.id))
    _answers(question, q)
    tags = ET.SubElement(question, "tags")
    for tag in item_tags(item):
        _text(tags, "tag", tag)


def to_moodle_xml(items: Iterable[ExportItem]) -> str:
    """The questions as a Moodle XML ``<quiz>``, one category per deck, pretty-printed."""
    quiz = ET.Element("quiz")
    for deck, group in group_by_deck(require_items(items)):
        category = ET.SubElement(quiz, "question", type="category")
        _text(category, "category", _clean(f"$course$/{category_path(deck)}"))
        _text(category, "info", "", format="html")
        for item in group:
            _question(quiz, item)
    ET.indent(quiz, space="  ")
    data: bytes = ET.tostring(quiz, encoding="UTF-8", xml_declaration=True)
    return data.decode("utf-8") + "\n"
