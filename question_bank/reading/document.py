"""Reading stage 1, the document: which sentences are story (not bylines, captions,
credits or headings), transcript speaker turns, entities by sentence, and the source a fact
cites."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from ..articles import speaker_labels
from ..lexicon import (
    CREDIT_PATTERNS,
)
from ..model import Article, Fact, Source
from .words import text_names

_F = TypeVar("_F", bound=Fact)


class DocumentReading:
    """Stage 1: story sentences, entities by sentence, speaker turns, and cited sources."""

    def _read_document(self, article: Article, doc: Doc) -> None:
        """Stage 1: story sentences, entities by sentence, speaker turns."""
        self.article = article
        self.doc = doc
        # the text as read (a dateline there is blanked out), joined once: spaCy joins
        # every token again on each ``doc.text``
        self.read_text = whole = doc.text
        # the tokens, made once: each pass over ``doc`` builds every Token object anew
        self.tokens: list[Token] = list(doc)
        self._turns = speaker_labels(article.text)
        # a turn that opens with its speaker's name and office is read even when what
        # follows is short ("Anthony Albanese, Prime Minister: Good morning.")
        opens_turn = {start for start, end in self._turns if "," in whole[start:end]}
        self.sentences: list[Span] = [
            s for s in doc.sents if s.start_char in opens_turn or not self._is_noise(s, whole)
        ]
        self._story_tokens = {t.i for s in self.sentences for t in s}
        self.ents: list[Span] = list(doc.ents)
        self._ents_by_sentence: dict[int, list[Span]] = {}
        for e in self.ents:
            self._ents_by_sentence.setdefault(e.sent.start, []).append(e)
        self._ent_by_token = {i: e for e in self.ents for i in range(e.start, e.end)}
        self._labels: dict[str, list[str]] = {}
        for e in self.ents:
            self._labels.setdefault(e.text.lower(), []).append(e.label_)
            stripped = e.text.lower().rstrip("'s")
            if stripped != e.text.lower():
                self._labels.setdefault(stripped, []).append(e.label_)
        self._after_place_prep = {
            tok.lower_
            for prev, tok in pairwise(self.tokens)
            if prev.lower_ in ("to", "in", "from", "into", "across", "near")
            and not _possessor_at(tok)  # "in Hun Manet's honour": a person's
        }

    def source(self, sent: Span) -> Source:
        """The :class:`Source` of a sentence, offsets into the article text."""
        start, end = sent.start_char, sent.end_char
        read = self.read_text
        while end > start and read[end - 1].isspace():
            end -= 1
        while start < end and read[start].isspace():
            start += 1
        return Source(sentence=self.article.text[start:end], start=start, end=end)

    def cite_people(self, fact: _F) -> _F:
        """The fact, its source reaching back to name everyone it is about.

        "He met Netanyahu" names only one side; the question about the other needs
        the sentence that names "he". The source then runs from the nearest earlier
        story sentence (at most two back) that names each missing person, so every
        answer stays checkable against the cited text. Facts that name everyone, or
        whose people are not named close enough in the same paragraph, keep their
        sentence."""
        people = [
            p
            for p in (
                getattr(fact, "person", None),
                getattr(fact, "traveler", None),
                *getattr(fact, "participants", ()),
            )
            if isinstance(p, str)
        ]
        missing = [p for p in people if not text_names(fact.source.sentence, p)]
        if not missing:
            return fact
        index = next(
            (
                i
                for i, s in enumerate(self.sentences)
                if s.start_char <= fact.source.start < s.end_char
            ),
            None,
        )
        if index is None:
            return fact
        start = fact.source.start
        for person in missing:
            for back in range(1, 3):
                if index - back < 0:
                    return fact
                earlier = self.source(self.sentences[index - back])
                if back > 1 and "\n" in self.article.text[earlier.start : fact.source.start]:
                    return fact  # a source reaches at most the paragraph right before
                if text_names(earlier.sentence, person):
                    start = min(start, earlier.start)
                    break
            else:
                return fact
        text = self.article.text
        source = Source(sentence=text[start : fact.source.end], start=start, end=fact.source.end)
        return replace(fact, source=source)

    def original(self, start_char: int, end_char: int) -> str:
        """The article's own characters (curly quotes and all) at these offsets."""
        return self.article.text[start_char:end_char]

    @staticmethod
    def _is_noise(sent: Span, whole: str) -> bool:
        """Bylines, photo credits, captions and headings are not story sentences."""
        text = sent.text.strip()
        if not text:
            return True
        if CREDIT_PATTERNS.search(text):
            return True
        if text.rstrip("\"”’' )").endswith("?"):
            return True  # a question asserts nothing
        label = re.match(r"^[A-Z][A-Z .'-]{2,}(\([^)]*\))?:", text)
        if label and not (label.group(1) and _DATED.search(label.group(1))):
            # a transcript's speaker label: "CLARKE: ...", "CLARKE (Labour): ..."; but
            # "JAKARTA (Jan 8): ..." is a dateline before the story's first sentence
            return True
        words = [t for t in sent if t.is_alpha]
        if _title_case_line(sent, words, whole):
            return True  # "Lula and Xi Sign 15 Partnership Agreements in Beijing": a headline
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent)
        if not has_verb and len(words) < 10:
            return True
        # A glued caption: "Antony BlinkenREUTERS/Remo Casilli".
        return bool(re.search(r"[a-z][A-Z]{3,}/", text))

    def tokens_of(self, span: Span) -> list[Token]:
        """The tokens of a sentence or span, from the list made once (iterating a span
        builds every Token object anew)."""
        return self.tokens[span.start : span.end]

    def is_story(self, token: Token) -> bool:
        """True when the token is in a story sentence."""
        return token.i in self._story_tokens

    def entities_in(self, sent: Span) -> list[Span]:
        """The named entities of a sentence (computed once per article)."""
        return self._ents_by_sentence.get(sent.start, [])

    def entity_containing(self, tok: Token) -> Span | None:
        """The named entity a token is part of."""
        return self._ent_by_token.get(tok.i)

    def entity_starting(self, tok: Token) -> Span | None:
        """The named entity that starts at a token."""
        ent = self._ent_by_token.get(tok.i)
        return ent if ent is not None and ent.start == tok.i else None


_DATED = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?", re.IGNORECASE
)
"""A date in a dateline's brackets ("(Jan 8)", "(Bernama)" has none)."""

_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or over the to up with vs".split()
)


def _title_case_line(sent: Span, words: list[Token], whole: str) -> bool:
    """A whole line in title case with no closing full stop: a headline, not a sentence
    ("PM Modi & Bangladesh PM Sheikh Hasina Exchange 7 MoUs In Bilateral Talks")."""
    text = sent.text.strip()
    if len(words) < 4 or text.endswith((".", "!", "?", ":", '"', "”")):
        return False
    before = whole[: sent.start_char].rstrip(" \t")
    after = whole[sent.start_char + len(sent.text.rstrip()) :].lstrip(" \t")
    if (before and not before.endswith("\n")) or (after and not after.startswith("\n")):
        return False  # only a line of its own
    content = [t for t in words if t.lower_ not in _MINOR_WORDS]
    return len(content) >= 4 and all(t.text[:1].isupper() for t in content)


def _possessor_at(tok: Token) -> bool:
    """Whether the proper name starting at ``tok`` owns what follows ("Hun Manet's")."""
    doc = tok.doc
    for k in range(tok.i, min(tok.i + 4, len(doc))):
        if doc[k].tag_ == "POS" or doc[k].text in ("'s", "’s"):
            return k > tok.i
        if doc[k].pos_ != "PROPN":
            return False
    return False
