"""Reading one parsed article: which sentences are story, who the people are, and
who each "he", "Mr Blinken" or "the top U.S. diplomat" stands for.

The small English model mislabels names now and then ("Blinken" as a place,
"Cameron" as an organisation), so people are found across the whole article and
a token is judged by every mention of its name, not by its own label alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from .articles import speaker_labels
from .gazetteer import country_of_capital, is_firm_place
from .lexicon import (
    CREDIT_PATTERNS,
    GROUP_WORDS,
    HONORIFICS,
    MONTHS,
    NAME_SUFFIXES,
    ORGANISATION_NOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_FIRST,
    PRONOUNS_MALE,
    RANKS,
    ROYAL_STYLES,
    TITLE_HEADS,
    TITLE_SYNONYMS,
    TITLE_TAILS,
    WEAK_TITLE_HEADS,
    WEEKDAYS,
)
from .model import Article, Fact, Source

_F = TypeVar("_F", bound=Fact)

PLACE_LABELS = frozenset({"GPE", "LOC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
REPORTING_VERBS = frozenset(
    "say tell add note confirm state announce explain stress emphasize emphasise write".split()
)
TITLE_MODIFIERS = frozenset(
    "top senior former acting interim caretaker chief deputy outgoing incoming veteran "
    "foreign defence defense interior finance prime military presidential parliamentary "
    "opposition".split()
)
_NAME_PART = re.compile(
    r"[^\W\d_][\w'’.-]*$|(?:al|el|bin|ibn|van|von|de|da|di|der|le|la|du|bint|abu)$"
)


@dataclass
class Person:
    """One person of the article, named as the article first gives the full name."""

    name: str
    parts: tuple[str, ...]
    gender: str | None = None
    titles: list[str] = field(default_factory=list)
    origins: set[str] = field(default_factory=set)
    """Countries a title ties the person to ("Japan's Foreign Minister": Japan)."""

    @property
    def surname(self) -> str:
        """The last part of the name, lower-cased."""
        return self.parts[-1]


@dataclass(frozen=True)
class Mention:
    """A token range that refers to a person."""

    start: int
    end: int
    person: str
    subject: bool
    speaker: bool = False


@dataclass(frozen=True)
class TitleMention:
    """A title written next to a person's name, with its token range."""

    person: str
    title: str
    start: int
    end: int
    name_start: int


class Analysis:
    """Article-level knowledge the extractors share: story sentences, people, references."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.sentences: list[Span] = [s for s in doc.sents if not self._is_noise(s)]
        self._story_tokens = {t.i for s in self.sentences for t in s}
        self.ents: list[Span] = list(doc.ents)
        self._ents_by_sentence: dict[int, list[Span]] = {}
        for e in self.ents:
            self._ents_by_sentence.setdefault(e.sent.start, []).append(e)
        self._ent_by_token = {i: e for e in self.ents for i in range(e.start, e.end)}
        self._named_by_title: set[int] = set()  # names in apposition to a title word
        self._labels: dict[str, list[str]] = {}
        for e in self.ents:
            self._labels.setdefault(e.text.lower(), []).append(e.label_)
            stripped = e.text.lower().rstrip("'s")
            if stripped != e.text.lower():
                self._labels.setdefault(stripped, []).append(e.label_)
        lowered = [t.lower_ for t in doc]
        self._after_place_prep = {
            low
            for prev, low in pairwise(lowered)
            if prev in ("to", "in", "from", "into", "across", "near")
        }
        self.persons: dict[str, Person] = {}
        self._token_person: dict[int, str] = {}
        self._person_texts: set[str] = set()
        self._collect_names()
        self.titles: list[TitleMention] = []
        self._collect_titles()
        self.mentions: list[Mention] = []
        self._turns = speaker_labels(article.text)
        self._resolve_references()
        self._counterpart_titles()

    # ---- sentences ---------------------------------------------------------------

    def source(self, sent: Span) -> Source:
        """The :class:`Source` of a sentence, offsets into the article text."""
        start, end = sent.start_char, sent.end_char
        text = self.article.text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        return Source(sentence=text[start:end], start=start, end=end)

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
        missing = [p for p in people if not _names(fact.source.sentence, p)]
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
                if "\n" in self.article.text[earlier.start : fact.source.start]:
                    return fact  # a source stays inside its paragraph
                if _names(earlier.sentence, person):
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
    def _is_noise(sent: Span) -> bool:
        """Bylines, photo credits, captions and headings are not story sentences."""
        text = sent.text.strip()
        if not text:
            return True
        if CREDIT_PATTERNS.search(text):
            return True
        if text.rstrip("\"”’' )").endswith("?"):
            return True  # a question asserts nothing
        if re.match(r"^[A-Z][A-Z .'-]{2,}(\([^)]*\))?:", text):
            return True  # a transcript's speaker label: "CLARKE: ..."
        words = [t for t in sent if t.is_alpha]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent)
        if not has_verb and len(words) < 10:
            return True
        # A glued caption: "Antony BlinkenREUTERS/Remo Casilli".
        return bool(re.search(r"[a-z][A-Z]{3,}/", text))

    def is_story(self, token: Token) -> bool:
        """True when the token is in a story sentence."""
        return token.i in self._story_tokens

    # ---- people ------------------------------------------------------------------

    def _name_tokens(self, ent: Span) -> list[Token]:
        """The tokens of a PERSON entity that are the name itself, widened to the full name."""
        tokens = list(ent)
        while tokens and (
            tokens[0].lower_ in HONORIFICS
            or tokens[0].lower_ in TITLE_HEADS
            or tokens[0].lower_ in TITLE_TAILS
            or tokens[0].lower_ in ("the", "a", "an")
            or not tokens[0].text[:1].isupper()
        ):
            tokens.pop(0)
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in ("'s", "'", "’s", "’")):
            tokens.pop()
        while tokens and not tokens[-1].text[:1].isalpha():
            tokens.pop()
        if not tokens or any(t.like_num or t.is_digit for t in tokens):
            return []
        start, end = self._name_run(tokens[0].i, tokens[-1].i + 1)
        return list(self.doc[start:end])

    def _name_run(self, start: int, end: int) -> tuple[int, int]:
        """Widen a name over particles, hyphenated pieces and further name words.

        "Ursula von" -> "Ursula von der Leyen"; "Espen Barth" -> "Espen Barth Eide";
        "Ndiaye" -> "Ndiaye-Sarr".
        """
        doc = self.doc
        sent_end = doc[start].sent.end
        while end < sent_end:
            tok, prev = doc[end], doc[end - 1]
            nxt = doc[end + 1] if end + 1 < sent_end else None
            words = {t.lower_ for t in doc[start:end]}
            if end - start >= 6 or (tok.lower_ in words and tok.is_alpha):
                break  # a name does not run on, nor repeat a word
            if prev.tag_ == "POS" or prev.text in (",", "'s"):
                break
            if tok.text == "-" and prev.whitespace_ == "" and nxt is not None and nxt.is_alpha:
                end += 2
                continue
            if tok.lower_ in _PARTICLES and nxt is not None and nxt.text[:1].isupper():
                end += 2
                continue
            if (
                tok.pos_ == "PROPN"
                and tok.text[:1].isupper()
                and tok.is_alpha
                and (
                    tok.ent_type_ in ("", "PERSON")
                    # "General Vytautas Žukauskas" tagged as one organisation
                    or (
                        tok.ent_type_ == "ORG"
                        and self._ent_by_token.get(tok.i) is not None
                        and self._ent_by_token.get(tok.i) is self._ent_by_token.get(start)
                    )
                )
                and tok.lower_ not in TITLE_HEADS
                and tok.lower_ not in TITLE_MODIFIERS
                and tok.lower_ not in HONORIFICS
                and tok.lower_ not in WEEKDAYS
            ):
                end += 1
                continue
            break
        return start, end

    def _honorific_names(self) -> list[tuple[int, int, str, str | None]]:
        """ "Mr Blinken", "Ms von der Leyen", "Gen. Osman": names after honorifics and ranks."""
        out: list[tuple[int, int, str, str | None]] = []
        doc = self.doc
        for tok in doc:
            if tok.lower_ not in HONORIFICS or not self.is_story(tok) or tok.i + 1 >= len(doc):
                continue
            if tok.lower_ in RANKS and not tok.text[:1].isupper():
                continue  # "a major focus" is no rank
            j = tok.i + 1
            while j < len(doc) and doc[j].lower_ in HONORIFICS:
                j += 1
            if j >= len(doc):
                continue
            first = doc[j]
            if not (first.text[:1].isupper() and first.is_alpha) and first.lower_ not in _PARTICLES:
                continue
            if first.ent_type_ in ("GPE", "LOC", "NORP", "DATE") or first.lower_ in TITLE_HEADS:
                continue
            start, end = self._name_run(j, j + 1)
            out.append(
                (start, end, _join(list(doc[start:end])), _gender_from_honorific(doc, start))
            )
        return out

    def _who_names(
        self, spans: list[tuple[int, int, str, str | None]]
    ) -> list[tuple[int, int, str, str | None]]:
        """ "Jean-Paul Habimana, who serves as chair": "who" is said of people, so a name
        the model called an organisation is a person's."""
        doc = self.doc
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        out: list[tuple[int, int, str, str | None]] = []
        for tok in doc:
            if tok.text != "who" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if tok.head.dep_ != "relcl" or tok.i < 2 or doc[tok.i - 1].text != ",":
                continue
            antecedent = tok.head.head
            ent = self._ent_by_token.get(antecedent.i)
            if ent is None or ent.label_ not in ("ORG", "FAC", "PRODUCT") or ent.end != tok.i - 1:
                continue
            tokens = [t for t in ent if t.lower_ not in HONORIFICS]
            if not (
                2 <= len([t for t in tokens if t.text != "-"]) <= 5
                and all(
                    (t.is_alpha and t.text[:1].isupper()) or t.text == "-" or t.lower_ in _PARTICLES
                    for t in tokens
                )
                and not any(t.i in taken for t in tokens)
                and not any(
                    t.lower_ in TITLE_HEADS or t.lower_ in ORGANISATION_NOUNS for t in tokens
                )
                and not is_firm_place(ent.text)
            ):
                continue
            out.append((tokens[0].i, tokens[-1].i + 1, _join(tokens), None))
            taken.update(t.i for t in tokens)
        return out

    def _backfill_full_names(
        self, spans: list[tuple[int, int, str, str | None]]
    ) -> list[tuple[int, int, str, str | None]]:
        """A surname known from "Ms Ndiaye-Sarr" finds its full name "Aïssatou Ndiaye-Sarr"."""
        doc = self.doc
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        surnames = {text for _, _, text, _ in spans if len(text.split()) == 1}
        out: list[tuple[int, int, str, str | None]] = []
        by_first: dict[str, list[Token]] = {}
        for tok in doc:
            if tok.i and tok.text[:1].isupper() and self.is_story(tok):
                by_first.setdefault(tok.text, []).append(tok)
        for surname in surnames:
            first_piece = re.split(r"[\s-]", surname, maxsplit=1)[0]
            for tok in by_first.get(first_piece, ()):
                if tok.i in taken:
                    continue
                start, end = self._name_run(tok.i, tok.i + 1)
                if _join(list(doc[start:end])) != surname:
                    continue
                prev = doc[start - 1]
                if not (
                    prev.pos_ == "PROPN"
                    and prev.text[:1].isupper()
                    and prev.is_alpha
                    and prev.lower_ not in HONORIFICS
                    and prev.lower_ not in TITLE_HEADS
                    and prev.ent_type_ not in ("GPE", "LOC", "NORP", "DATE")
                    and (prev.ent_type_ != "ORG" or _same_short_entity(prev, tok))
                    and prev.i not in taken
                ):
                    continue
                first = prev.i
                while (
                    first - 1 >= doc[first].sent.start
                    and doc[first - 1].pos_ == "PROPN"
                    and doc[first - 1].text[:1].isupper()
                    and doc[first - 1].lower_ not in HONORIFICS
                    and doc[first - 1].lower_ not in TITLE_HEADS
                    and doc[first - 1].ent_type_ in ("", "PERSON")
                    and prev.i - first < 2
                ):
                    first -= 1
                out.append((first, end, _join(list(doc[first:end])), None))
                taken.update(range(first, end))
        return out

    def _collect_names(self) -> None:
        """Find the people: PERSON entities, names after honorifics, clustered by surname."""
        spans: list[tuple[int, int, str, str | None]] = []
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or not self.is_story(ent[0]):
                continue
            tokens = self._name_tokens(ent)
            while tokens and tokens[0].i > 0:
                # "Cardinal Matteo Sforzini" with only "Sforzini" tagged: the given name
                # the parser hangs on the surname belongs to the name
                prev = self.doc[tokens[0].i - 1]
                if not (
                    prev.pos_ == "PROPN"
                    and prev.dep_ == "compound"
                    and ent.start <= prev.head.i < ent.end
                    and prev.text[:1].isupper()
                    and prev.is_alpha
                    and prev.ent_type_ == ""
                    and prev.lower_ not in HONORIFICS
                    and prev.lower_ not in TITLE_HEADS
                    and prev.lower_ not in TITLE_MODIFIERS
                    and prev.lower_ not in WEEKDAYS
                ):
                    break
                tokens.insert(0, prev)
            if not tokens or not all(
                (_NAME_PART.match(t.text) and (t.text[:1].isupper() or t.lower_ in _PARTICLES))
                or t.text == "-"
                or _after_hyphen(t)
                for t in tokens
            ):
                continue
            gender = _gender_from_honorific(self.doc, tokens[0].i)
            spans.append((tokens[0].i, tokens[-1].i + 1, _join(tokens), gender))
        covered = {i for s, e, _, _ in spans for i in range(s, e)}
        for span in self._honorific_names():
            if not any(i in covered for i in range(span[0], span[1])):
                spans.append(span)
                covered.update(range(span[0], span[1]))
        spans.extend(self._titled_names(spans))
        spans.extend(self._who_names(spans))
        spans.extend(self._backfill_full_names(spans))
        spans.sort()
        spans = [
            sp
            for sp in spans
            if not is_firm_place(sp[2])
            and not _is_descriptor(sp[2])
            and not _no_name(sp[2])
            and (
                len(sp[2].split()) < 2
                # "Fiji's deputy prime minister, Josefa Vakaloloma": a person, whatever
                # label the model gave the name
                or sp[0] in self._named_by_title
                or not self._is_place_name(sp[2], sp[0])
            )
        ]
        # Full names first, in order of appearance; then short names attach to them.
        for _start, _end, text, gender in spans:
            words = _words(text)
            if len(words) < 2:
                continue
            person = self._find_person(words)
            if person is None:
                person = Person(name=text, parts=words)
                self.persons[text] = person
            if gender and not person.gender:
                person.gender = gender
        for start, end, text, gender in spans:
            words = _words(text)
            person = self._find_person(words)
            if person is None:
                if self._ambiguous(words) or self._mostly_not_person(text):
                    continue
                person = Person(name=text, parts=words)
                self.persons[text] = person
            if gender and not person.gender:
                person.gender = gender
            self._person_texts.add(text.lower())
            for i in range(start, end):
                self._token_person[i] = person.name
        self._label_slips()

    def _label_slips(self) -> None:
        """Names the model labelled as something else ("Blinken" as GPE)."""
        by_key: dict[str, list[Person]] = {}
        for person in self.persons.values():
            for key in _short_forms(person):
                by_key.setdefault(key, []).append(person)
        for tok in self.doc:
            if tok.i in self._token_person or not self.is_story(tok):
                continue
            if tok.pos_ != "PROPN" and not tok.text[:1].isupper():
                continue
            candidates = by_key.get(tok.lower_)
            if not candidates or len({p.name for p in candidates}) != 1:
                continue
            if (
                tok.ent_type_ in PLACE_LABELS
                and tok.lower_ not in self._person_texts
                and (is_firm_place(tok.text) or len(candidates[0].parts) < 2)
            ):
                continue  # "Jordan" the country; but "Kamikawa" of Kamikawa Yoko is her
            prev = self.doc[tok.i - 1] if tok.i else None
            if (
                prev is not None
                and prev.text[:1].isupper()
                and prev.i not in self._token_person
                and prev.pos_ == "PROPN"
                and prev.lower_ not in HONORIFICS
                and prev.lower_ not in TITLE_HEADS
            ):
                continue  # part of another name ("Michael Jordan" is not "Jordan")
            self._token_person[tok.i] = candidates[0].name

    def _is_place_name(self, text: str, start: int) -> bool:
        """A multi-word "person" the article also uses as a place ("Burkina Faso")."""
        low = text.lower()
        place_labels = sum(1 for lab in self._labels.get(low, ()) if lab in PLACE_LABELS)
        person_labels = sum(1 for lab in self._labels.get(low, ()) if lab == "PERSON")
        if place_labels > person_labels:
            return True
        prev = self.doc[start - 1] if start > 0 else None
        if prev is not None and prev.lower_ in HONORIFICS:
            return False
        return self._after_place_preposition(low) and not self._acts_as_person(low)

    def _after_place_preposition(self, low: str) -> bool:
        """The name follows "to", "in" or "from" somewhere ("a visit to Kyiv")."""
        return low.split()[0] in self._after_place_prep

    def _acts_as_person(self, low: str) -> bool:
        """The name is the subject of a verb of saying or meeting somewhere."""
        last = low.split()[-1]
        for tok in self.doc:
            if (
                tok.lower_ == last
                and tok.dep_ in ("nsubj", "nsubjpass")
                and tok.head.lemma_
                in (
                    "say",
                    "tell",
                    "meet",
                    "add",
                    "visit",
                    "travel",
                    "arrive",
                    "land",
                    "hold",
                    "speak",
                )
            ):
                return True
        return False

    def _ambiguous(self, words: tuple[str, ...]) -> bool:
        """A short name that fits more than one known person ("Kim" with two Kims)."""
        if len(words) != 1:
            return False
        hits = {p.name for p in self.persons.values() if words[0] in _short_forms(p)}
        return len(hits) > 1

    def _mostly_not_person(self, text: str) -> bool:
        """A single word the article uses as a place, organisation or group."""
        low = text.lower()
        labels = self._labels.get(low, [])
        person = sum(1 for lab in labels if lab == "PERSON")
        if len(labels) - person > person:
            return True
        for tok in self.doc:
            if tok.lower_ != low:
                continue
            prev = self.doc[tok.i - 1].lower_ if tok.i else ""
            if prev in HONORIFICS:
                return False
            # "a visit to Kyiv": a place
            if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "in", "from", "into", "at"):
                return True
            # "the Forum's secretariat": a person's name takes no article
            if prev == "the" and tok.tag_ == "NNP":
                return True
            # "the Planalto presidential palace", "Azerbaijani Foreign Minister": a modifier
            if tok.dep_ in ("compound", "amod") and (
                tok.head.pos_ == "NOUN" or tok.head.lower_ in TITLE_HEADS
            ):
                return True
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if nxt is not None and (nxt.lower_ in TITLE_MODIFIERS or nxt.lower_ in TITLE_HEADS):
                return True
        # "Houthis": a plural proper noun names a group.
        return any(t.lower_ == low and t.tag_ == "NNPS" for t in self.doc)

    def _find_person(self, words: tuple[str, ...]) -> Person | None:
        """The known person these name words refer to, if exactly one fits."""
        if not words:
            return None
        exact = self.persons.get(" ".join(words))
        if exact:
            return exact
        found: dict[str, Person] = {}
        for person in self.persons.values():
            if len(words) == 1:
                if words[0] in _short_forms(person):
                    found[person.name] = person
            elif (set(words) <= set(person.parts) or set(person.parts) <= set(words)) and words[
                -1
            ] == person.surname:
                found[person.name] = person
        if len(found) == 1:
            return next(iter(found.values()))
        if len(words) == 1:
            surname_hits = [p for p in found.values() if p.surname == words[0]]
            if len(surname_hits) == 1:
                return surname_hits[0]
        return None

    def _titled_names(
        self, spans: list[tuple[int, int, str, str | None]]
    ) -> list[tuple[int, int, str, str | None]]:
        """Proper-name runs right after a title word or in apposition to one.

        "Foreign Minister Murat Nurtleu" is a person even when the model calls
        "Murat Nurtleu" an organisation.
        """
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        out: list[tuple[int, int, str, str | None]] = []
        doc = self.doc
        for tok in doc:
            if (
                not self.is_story(tok)
                or tok.lower_ not in TITLE_HEADS
                or tok.lower_ in WEAK_TITLE_HEADS
            ):
                continue
            head = tok.head
            if (
                tok.dep_ == "appos"
                and head.pos_ == "PROPN"
                and head.i < tok.i
                and doc[tok.i - 1].text != "("  # "Chief of Army Staff (COAS)": an alias
                and head.i not in taken
                and head.ent_type_ not in ("GPE", "LOC", "NORP")
                and head.lower_ not in TITLE_HEADS
                and not is_firm_place(head.text)
            ):
                # "Pistorius, the German defence minister, ...": the head is a name, the
                # proper nouns that run up to it without a break
                run = [head]
                while run[0].i > head.left_edge.i and doc[run[0].i - 1].pos_ == "PROPN":
                    run.insert(0, doc[run[0].i - 1])
                if run and run[-1].i == head.i and all(t.i not in taken for t in run):
                    while run and run[0].lower_ in HONORIFICS:
                        run.pop(0)
                    if run:
                        out.append((run[0].i, run[-1].i + 1, _join(run), None))
                        taken.update(t.i for t in run)
            for child in tok.children:
                # "The UN special envoy for Afghanistan, Karin Holmqvist, ..."
                if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > tok.i:
                    run = list(doc[child.left_edge.i : child.i + 1])
                    if (
                        2 <= len(run) <= 6
                        and all(
                            t.pos_ == "PROPN" or t.lower_ in _PARTICLES or t.text == "-"
                            for t in run
                        )
                        and not any(t.i in taken for t in run)
                        and not any(
                            t.ent_type_ in ("GPE", "LOC", "NORP")
                            # the model calls some names places ("Josefa Vakaloloma")
                            and (is_firm_place(t.text) or t.ent_type_ != "GPE")
                            for t in run
                        )
                        and not is_firm_place(_join(run))
                    ):
                        while run and run[0].lower_ in HONORIFICS:
                            run.pop(0)
                        if len(run) >= 2:
                            out.append((run[0].i, run[-1].i + 1, _join(run), None))
                            taken.update(t.i for t in run)
                            self._named_by_title.add(run[0].i)
            start = tok.i + 1
            after_phrase = False
            if start < len(doc) and doc[start].lower_ in ("of", "for", "to", "at"):
                # "Brazil's special envoy for the Middle East, Paulo Rezende Matos, ..."
                comma = _comma_after_phrase(tok)
                if comma is not None:
                    start, after_phrase = comma + 1, True
            if not after_phrase and start < len(doc) and doc[start].text == ",":
                start += 1  # "Qatar's emir, Sheikh Tamim"
                if not any(c.dep_ == "appos" for c in tok.children):
                    continue
            while start < len(doc) and doc[start].lower_ in HONORIFICS:
                start += 1
            end = start
            while (
                end < len(doc)
                and end - start < 6
                and (
                    doc[end].pos_ == "PROPN"
                    or doc[end].lower_ in _PARTICLES
                    or doc[end].text == "-"
                )
                and (
                    doc[end].text[:1].isupper()
                    or doc[end].lower_ in _PARTICLES
                    or doc[end].text == "-"
                )
                and doc[end].ent_type_ not in ("GPE", "LOC", "NORP", "DATE")
                and doc[end].lower_ not in TITLE_HEADS
            ):
                end += 1
            if end - start < 2 or any(i in taken for i in range(start, end)):
                continue
            if doc[end - 1].text == "-" or doc[end - 1].lower_ in _PARTICLES:
                continue
            if after_phrase and (end >= len(doc) or doc[end].text not in (",", ".", ";")):
                continue  # only a name set off by commas, as an appositive is
            tokens = list(doc[start:end])
            out.append((start, end, _join(tokens), _gender_from_honorific(doc, start)))
            taken.update(range(start, end))
        return out

    def person_at(self, token: Token) -> str | None:
        """The person a token names or refers to, if any."""
        return self._token_person.get(token.i)

    def name_tokens(self, person: str, sent: Span) -> list[Token] | None:
        """The tokens of the last proper-name mention of ``person`` in ``sent``."""
        best: list[Token] = []
        run: list[Token] = []
        for tok in sent:
            if self._token_person.get(tok.i) == person and (tok.pos_ == "PROPN" or tok.text == "-"):
                run.append(tok)
            else:
                if run:
                    best = run
                run = []
        if run:
            best = run
        return best or None

    def is_person_head(self, token: Token) -> bool:
        """True when the token names a person (not just sits in a title before the name)."""
        return token.i in self._token_person

    def person_of_np(self, head: Token) -> str | None:
        """The person a noun phrase headed by ``head`` refers to.

        "Omani Foreign Minister Sayyid Badr al-Busaidi" and "Mr Blinken" name one;
        "leaders in Israel" and "Hamas" do not.
        """
        p = self._token_person.get(head.i)
        if p:
            return p
        if head.lower_ in GROUP_WORDS:
            return None
        # The head may be a title word with the name as a compound or appositive.
        for child in head.children:
            if child.dep_ in ("appos", "compound", "flat") and child.i in self._token_person:
                return self._token_person[child.i]
        # "Qatar's emir, Sheikh Tamim ...", whatever the parser made of the comma.
        if head.lower_ in TITLE_HEADS:
            doc = self.doc
            j = head.i + 1
            if j < len(doc) and doc[j].lower_ == "of":
                # "chief of staff, Kang Hoon-sik", "the speaker of the Armenian
                # parliament, Narine Avetisyan": the name follows the whole "of" phrase
                j = _comma_after_phrase(head) or j
            if j < len(doc) and doc[j].text == ",":
                j += 1
                while j < len(doc) and doc[j].lower_ in HONORIFICS:
                    j += 1
                if (
                    j < len(doc)
                    and j in self._token_person
                    and doc[j].sent.start == head.sent.start
                ):
                    return self._token_person[j]
        return None

    def is_place(self, token: Token) -> bool:
        """True when the token is part of a place name and not a person's name."""
        if token.i in self._token_person:
            return False
        if token.ent_type_ in PLACE_LABELS:
            return True
        ent = self._ent_by_token.get(token.i)
        name = ent.text if ent is not None else token.text
        return token.pos_ == "PROPN" and is_firm_place(name)

    # ---- titles ------------------------------------------------------------------

    def _collect_titles(self) -> None:
        """Titles written before names, in apposition and after "is the"."""
        seen_name_starts: set[int] = set()
        for start, person in sorted(self._name_starts().items()):
            if start in seen_name_starts:
                continue
            seen_name_starts.add(start)
            mention = self._title_before(start, person)
            if mention:
                self.titles.append(mention)
        for tok in self.doc:
            if not self.is_story(tok):
                continue
            mention = self._title_in_apposition(tok) or self._title_by_copula(tok)
            if mention:
                self.titles.append(mention)
        covered = {m.name_start for m in self.titles}
        for start, person in sorted(self._name_starts().items()):
            if start in covered:
                continue
            mention = self._title_comma_before(start, person) or self._title_comma_after(
                start, person
            )
            if mention:
                self.titles.append(mention)
        for tok in self.doc:
            if self.is_story(tok):
                mention = self._title_by_heading(tok) or self._title_by_appointment(tok)
                if mention:
                    self.titles.append(mention)
        self.titles = [
            m
            for m in self.titles
            if self._clean_title_span(m)
            and m.title.lower() not in _BARE_MODIFIERS
            and not self._held_before(m)
            and not self._belongs_to_next(m)
        ]
        for m in self.titles:
            titles = self.persons[m.person].titles
            if m.title not in titles:
                titles.append(m.title)

    def _counterpart_titles(self) -> None:
        """ "his French counterpart, Emmanuel Macron": a title relative to the possessor,
        once pronouns are resolved ("Alberto Fernández's French counterpart")."""
        doc = self.doc
        covered = {m.name_start for m in self.titles}
        for start, person in sorted(self._name_starts().items()):
            if start in covered or not self.is_story(doc[start]):
                continue
            i = start - 1
            while i >= 0 and (doc[i].lower_ in HONORIFICS or doc[i].text == ","):
                i -= 1
            if i < 0 or doc[i].lower_ != "counterpart":
                continue
            end = i + 1
            while (
                i - 1 >= 0
                and doc[i - 1].pos_ in ("ADJ", "PROPN")
                and doc[i - 1].i not in (self._token_person)
            ):
                i -= 1  # "his Russian counterpart", "his new Japanese counterpart"
            owner_tok = doc[i - 1] if i >= 1 else None
            if owner_tok is not None and owner_tok.tag_ == "POS" and i >= 2:
                owner_tok = doc[i - 2]
            owner = self._token_person.get(owner_tok.i) if owner_tok is not None else None
            if not owner or owner == person:
                continue
            title = f"{owner}'s {_clean_title(doc[i:end].text)}"
            mention = TitleMention(person, title, owner_tok.i, end, start)  # type: ignore[union-attr]
            self.titles.append(mention)
            if title not in self.persons[person].titles:
                self.persons[person].titles.append(title)

    def is_home(self, person: str, place: str) -> bool:
        """Whether the place is the person's own country or its capital, as their titles
        say ("Japan's Foreign Minister" going to Japan or Tokyo is going home)."""
        if person not in self.persons:
            return False
        known = self.persons[person]
        ties = [*known.titles, *known.origins]
        country = country_of_capital(place) or place
        return any(_same_origin(n, t) for n in {country, place} for t in ties)

    def _belongs_to_next(self, mention: TitleMention) -> bool:
        """ "X, the Minister for Foreign Affairs, Y, and ...": in a list of titled names a
        title after one name and a comma, then another name, is the next name's."""
        if mention.start <= mention.name_start:
            return False
        doc = self.doc
        i = mention.end
        if i >= len(doc) or doc[i].text not in (",", ";"):
            return False
        i += 1
        while i < len(doc) and doc[i].lower_ in HONORIFICS:
            i += 1
        other = self._token_person.get(i)
        return other is not None and other != mention.person

    def _held_before(self, mention: TitleMention) -> bool:
        """ "Selin Başaran, until then her spokeswoman": a title the person no longer holds."""
        before = self.doc[max(mention.start - 3, 0) : mention.start].text.lower()
        return bool(re.search(r"\b(until then|until recently|formerly|previously)\b", before))

    def _clean_title_span(self, mention: TitleMention) -> bool:
        """A title names no one but, at most, a possessor ("Joe Biden's adviser")."""
        doc = self.doc
        for i in range(mention.start, mention.end):
            if i in self._token_person and doc[i].pos_ == "PROPN":
                j = i
                while (
                    j + 1 < mention.end and self._token_person.get(j + 1) == self._token_person[i]
                ):
                    j += 1
                if not (j + 1 < len(doc) and doc[j + 1].tag_ == "POS"):
                    return False
        return mention.person not in mention.title

    def _name_starts(self) -> dict[int, str]:
        """First token of every name mention, with its person."""
        starts: dict[int, str] = {}
        for i, person in self._token_person.items():
            if i - 1 not in self._token_person or self._token_person[i - 1] != person:
                starts[i] = person
        return starts

    def _title_before(self, name_start: int, person: str) -> TitleMention | None:
        """ "Omani Foreign Minister Sayyid Badr al-Busaidi": the words before the name."""
        doc = self.doc
        i = name_start - 1
        if i < 0:
            return None
        sent_start = doc[name_start].sent.start
        while i >= sent_start and doc[i].lower_ in HONORIFICS:
            # "Secretary General Mark Rutte": a rank after a title word is part of the title
            if (
                doc[i].lower_ in RANKS
                and i - 1 >= sent_start
                and (_is_title_word(doc[i - 1]) or doc[i - 1].text == "-")
            ):
                break
            i -= 1
        royal = self._royal_title(i + 1, name_start, person)
        if i < sent_start:
            return royal
        if not (_is_title_word(doc[i]) or doc[i].lower_ in RANKS) and not _ends_of_phrase(doc, i):
            return royal
        end = i + 1
        possessor: str | None = None
        start = i
        while i >= sent_start:
            tok = doc[i]
            if tok.tag_ == "POS" or tok.text in ("'s", "’s", "'"):
                owner = self._token_person.get(i - 1)
                if owner and owner != person:
                    possessor = owner
                elif i >= 1 and doc[i - 1].ent_type_ in ("GPE", "NORP"):
                    self.persons[person].origins.add(doc[i - 1].text)
                break
            if tok.i in self._token_person:
                break
            ok = (
                _is_title_word(tok)
                or (tok.lower_ in RANKS and tok.i == end - 1)
                or (
                    tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.is_alpha
                )
                or (tok.text[:1].isupper() and tok.ent_type_ in ("GPE", "ORG", "NORP"))
                or tok.lower_ in TITLE_MODIFIERS
                # "opposition leader", "health minister": a noun compound of the title
                or (
                    tok.pos_ == "NOUN"
                    and tok.dep_ == "compound"
                    and tok.is_alpha
                    and tok.is_lower
                    and i < tok.head.i < end
                )
                or (tok.lower_ == "of" and i > sent_start and _is_title_word(doc[i - 1]))
                or (
                    tok.text == "-"
                    and i > sent_start
                    and doc[i - 1].is_alpha
                    and tok.whitespace_ == ""
                )
                or (tok.text == "." and tok.ent_type_ == "GPE")
                # "President of the Republic of Korea (ROK) Lee": an abbreviation in brackets
                or (tok.text in ("(", ")") and i > sent_start)
                or (tok.is_upper and tok.is_alpha and i + 1 < end and doc[i + 1].text == ")")
                # "Deputy regional secretary": a lower-case adjective inside the title,
                # kept only if the title goes on to its left (trimmed below otherwise)
                or (tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.is_lower and tok.is_alpha)
            )
            if not ok or (tok.pos_ in ("VERB", "AUX") and not _is_title_word(tok)):
                break
            if tok.i == sent_start and tok.lower_ in ("the", "a"):
                break
            start = i
            i -= 1
        while start < end - 1 and doc[start].pos_ == "ADJ" and doc[start].is_lower:
            if doc[start].lower_ in TITLE_MODIFIERS:
                break
            start += 1  # "the new minister": an adjective that opens the phrase is no title
        words = doc[start:end]
        if not any(_is_title_word(t) for t in words):
            return None
        # Drop a leading "of" or hyphen left by the walk.
        while start < end and (doc[start].lower_ in ("of", "and") or doc[start].text == "-"):
            start += 1
        if start >= end:
            return None
        title = _clean_title(doc[start:end].text)
        if not title or title.lower() in WEAK_TITLE_HEADS or title.lower() in ("counterpart",):
            return None
        if _is_past_title(title):
            return None
        if possessor:
            title = f"{possessor}'s {title}"
        return TitleMention(person, title, start, end, name_start)

    def _royal_title(self, start: int, name_start: int, person: str) -> TitleMention | None:
        """ "King Felipe", "Crown Prince Mohammed": a ruler's style is the title when no
        other title stands before it."""
        words = self.doc[start:name_start]
        if not len(words) or not all(t.lower_ in ROYAL_STYLES for t in words):
            return None
        if not any(t.text[:1].isupper() for t in words):
            return None
        return TitleMention(person, _clean_title(words.text), start, name_start, name_start)

    def _title_comma_before(self, name_start: int, person: str) -> TitleMention | None:
        """ "Qatar's emir, Sheikh Tamim": a title, a comma, then the name (any parse)."""
        doc = self.doc
        i = name_start - 1
        while i >= 0 and doc[i].lower_ in HONORIFICS:
            i -= 1
        if i < 2 or doc[i].text != ",":
            return None
        title_tok = doc[i - 1]
        last = title_tok
        if not _is_title_word(title_tok):
            # "Lee's chief of staff, Kang", "the speaker of the Armenian parliament, Narine
            # Avetisyan", "Brazil's special envoy for the Middle East, Paulo Rezende Matos"
            for k in range(i - 2, max(0, i - 11), -1):
                if (
                    doc[k].lower_ in ("of", "for", "to", "at")
                    and k > 0
                    and _is_title_word(doc[k - 1])
                ):
                    title_tok = doc[k - 1]
                    break
                if doc[k].text in (",", ";") or doc[k].pos_ in ("VERB", "AUX"):
                    break
        if not _is_title_word(title_tok) or title_tok.i in self._token_person:
            return None
        if title_tok.sent.start != doc[name_start].sent.start:
            return None
        left = title_tok.left_edge.i
        if title_tok.i - left > 7:
            return None
        span = doc[left : last.i + 1]
        if any(t.i in self._token_person for t in span) or any(t.text == "," for t in span):
            return None
        text = self._render_title(span)
        if not text or _is_past_title(text):
            return None
        return TitleMention(person, text, span.start, span.end, name_start)

    def _render_title(self, span: Span) -> str:
        """A title's words with a possessor written as the person's full name."""
        out: list[str] = []
        skip_person: str | None = None
        for tok in span:
            person = self._token_person.get(tok.i)
            if person and tok.pos_ in ("PROPN", "PRON"):
                if skip_person != person:
                    out.append(person + " ")
                    skip_person = person
                continue
            if (
                tok.lower_ in HONORIFICS
                and tok.i + 1 < len(self.doc)
                and (tok.i + 1) in self._token_person
            ):
                continue
            skip_person = None
            out.append(tok.text + (tok.whitespace_ and " "))  # "vice-president" stays one word
        text = "".join(out)
        text = re.sub(r"\s+(['’]s?)\b", r"\1", text).replace("’s", "'s")
        return _clean_title(text)

    def _title_comma_after(self, name_start: int, person: str) -> TitleMention | None:
        """ "Boris Pistorius, the German defence minister," and "Fatou Sy, an economist at ..."."""
        doc = self.doc
        end = name_start
        while end < len(doc) and self._token_person.get(end) == person:
            end += 1
        if end + 2 >= len(doc) or doc[end].text != ",":
            return None
        if doc[end].sent.start != doc[name_start].sent.start:
            return None
        j = end + 1
        if doc[j].text in ("who", "which"):  # "WHO" is the organisation
            return None
        if doc[j].pos_ in ("ADP", "SCONJ", "ADV", "VERB", "AUX"):
            return None  # "Abe, during talks with President X, ...": no appositive title
        # the first noun that heads the phrase after the comma
        k = j
        while k < len(doc) and k - j < 7 and doc[k].text not in (",", ".", ";", '"'):
            if _is_title_word(doc[k]) and doc[k].i not in self._token_person:
                head = doc[k]
                # "deputy governor", "director general": the title is the whole noun
                while (
                    head.dep_ in ("amod", "compound", "nmod")
                    and head.head.i > head.i
                    and head.head.i - j < 9
                ):
                    head = head.head
                span = _np_without_clauses(head)
                if span.start < j:
                    span = doc[j : span.end]
                if any(t.i in self._token_person for t in span if t.pos_ == "PROPN"):
                    return None
                text = self._render_title(span)
                if not text or _is_past_title(text) or len(span) > 12:
                    return None
                return TitleMention(person, text, span.start, span.end, name_start)
            if doc[k].pos_ in ("VERB", "AUX"):
                return None
            k += 1
        return None

    def _title_by_appointment(self, verb: Token) -> TitleMention | None:
        """ "Macron was appointed prime minister", "Lee, who serves as chief of staff"."""
        if verb.lemma_ in ("appoint", "name", "elect", "nominate", "install", "swear"):
            title = next((c for c in verb.children if c.dep_ == "oprd"), None)
            if title is None:
                as_objects = prep_objects_of(verb, "as")  # "named X as special envoy"
                title = as_objects[0] if as_objects else None
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is None:
                subj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                subj = verb.head  # "Seo Eun-ji, who was appointed governor of ..."
        elif verb.lemma_ in ("serve", "act"):
            preps = prep_objects_of(verb, "as")
            title = preps[0] if preps else None
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                subj = verb.head
        else:
            return None
        if title is None or subj is None or title.lower_ not in TITLE_HEADS:
            return None
        person = self._antecedent_person(subj)
        if not person:
            return None
        span = _np_without_clauses(title)
        text = self._render_title(span)
        if not text or _is_past_title(text) or len(span) > 10:
            return None
        return TitleMention(person, text, span.start, span.end, subj.i)

    def _title_by_heading(self, verb: Token) -> TitleMention | None:
        """ "Kyrylo Budanov, who heads Ukraine's military intelligence agency"."""
        roles = {
            "head": "head",
            "lead": "leader",
            "chair": "chair",
            "co-chair": "co-chair",
            "run": "head",
            "command": "commander",
        }
        if verb.dep_ != "relcl" or verb.lemma_ not in roles:
            return None
        if verb.tag_ == "VBD":
            return None  # "who led the city's first trade mission in 2012": not now
        if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
            return None
        person = self._antecedent_person(verb.head)  # "X, the former minister who chairs ..."
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if not person or obj is None:
            return None
        if verb.lemma_ in ("lead", "run", "command") and not (
            obj.ent_type_ == "ORG" or obj.lemma_.lower() in ORGANISATION_NOUNS
        ):
            return None  # "who led the previous round" names no office
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children):
            return None  # "who is leading a delegation": a task, not an office
        span = _np_without_clauses(obj)
        if not span or len(span) > 12 or any(t.i in self._token_person for t in span):
            return None
        article = "the " if span.start > 0 and self.doc[span.start - 1].lower_ == "the" else ""
        text = f"{roles[verb.lemma_]} of {article}{self._render_title(span)}"
        return TitleMention(person, text, span.start, span.end, verb.head.i)

    def _antecedent_person(self, tok: Token) -> str | None:
        """The person a noun refers to, through an appositive: in "David Pryce, the former
        England captain who was named ...", the captain is David Pryce."""
        person = self.person_of_np(tok)
        if person is None and tok.dep_ == "appos":
            person = self.person_of_np(tok.head)
        return person

    def _title_in_apposition(self, tok: Token) -> TitleMention | None:
        """ "Yahya Sinwar, the leader of Hamas" and "Qatar's prime minister, Sheikh X"."""
        if tok.dep_ != "appos":
            return None
        head = tok.head
        a, b = (head, tok)
        for person_tok, title_tok in ((a, b), (b, a)):
            person = self._token_person.get(person_tok.i)
            if not person or title_tok.i in self._token_person:
                continue
            if title_tok.lower_ not in TITLE_HEADS or title_tok.lower_ in WEAK_TITLE_HEADS:
                continue
            span = _np_without_clauses(title_tok)
            text = self._render_title(span)
            if text and len(span) <= 10 and not _is_past_title(text):
                return TitleMention(person, text, span.start, span.end, person_tok.i)
        return None

    def _title_by_copula(self, tok: Token) -> TitleMention | None:
        """ "Jane Doe is the foreign minister of Ruritania"."""
        if tok.dep_ != "attr" or tok.head.lemma_ != "be" or tok.lower_ not in TITLE_HEADS:
            return None
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if not subjects:
            return None
        subject = subjects[0]
        if subject.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
            subject = tok.head.head
        person = self.person_of_np(subject)
        if not person or tok.i in self._token_person:
            return None
        span = _np_without_clauses(tok)
        text = _clean_title(span.text)
        if (
            text
            and len(span) <= 10
            and not _is_past_title(text)
            and not any(t.i in self._token_person for t in span)
        ):
            return TitleMention(person, text, span.start, span.end, subject.i)
        return None

    # ---- pronouns and title references --------------------------------------------

    def _resolve_references(self) -> None:
        """One pass in reading order: record name mentions, resolve pronouns and titles."""
        quoted = _quoted_tokens(self.doc)
        for sent in self.sentences:
            for tok in sent:
                if tok.i in self._token_person:
                    if (
                        tok.i - 1 in self._token_person
                        and self._token_person[tok.i - 1] == self._token_person[tok.i]
                    ):
                        continue
                    self._add_mention(tok, self._token_person[tok.i])
                    continue
                low = tok.lower_
                person: str | None = None
                if low in PRONOUNS_MALE or low in PRONOUNS_FEMALE:
                    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
                        person = self._resolve_pronoun(tok, sent, tok.i in quoted)
                elif low in PRONOUNS_FIRST and tok.pos_ == "PRON":
                    person = self._first_person(tok, sent, quoted)
                elif _could_be_title_reference(tok):
                    person = self._resolve_title_reference(tok)
                if person:
                    self._token_person[tok.i] = person
                    self._add_mention(tok, person)

    def _first_person(self, tok: Token, sent: Span, quoted: set[int]) -> str | None:
        """ "I", "me", "my": the speaker. In a transcript, the person the turn's label
        names; inside quotes, the person a reporting verb outside them gives the words
        to ("'He confirmed to me ...,' Blinken wrote")."""
        if tok.i not in quoted:
            return self._turn_speaker(tok.idx)
        for candidate in (sent, *self._neighbours(sent)):
            for verb in candidate:
                if verb.i in quoted or verb.lemma_.lower() not in REPORTING_VERBS:
                    continue
                subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None and subject.i not in quoted:
                    person = self.person_of_np(subject) or self._token_person.get(subject.i)
                    if not person and subject.lower_ in PRONOUNS_MALE | PRONOUNS_FEMALE:
                        person = self._resolve_pronoun(subject, candidate, False)
                    if person:
                        return person
        return None

    def _neighbours(self, sent: Span) -> list[Span]:
        """The story sentences just before and after, when in the same paragraph."""
        out: list[Span] = []
        index = next((i for i, s in enumerate(self.sentences) if s.start == sent.start), None)
        if index is None:
            return out
        for other in (index + 1, index - 1):
            if 0 <= other < len(self.sentences):
                near = self.sentences[other]
                lo, hi = sorted((near.start_char, sent.start_char))
                if "\n" not in self.article.text[lo:hi].strip():
                    out.append(near)
        return out

    def _turn_speaker(self, char: int) -> str | None:
        """The person who speaks at this offset of a transcript, or None."""
        speaker = None
        for start, end in self._turns:
            if start > char:
                break
            span = self.doc.char_span(start, end, alignment_mode="expand") or ()
            names = {self._token_person[t.i] for t in span if t.i in self._token_person}
            speaker = next(iter(names)) if len(names) == 1 else None
        return speaker

    def _add_mention(self, tok: Token, person: str) -> None:
        """Record a mention with its grammatical role."""
        head = tok
        while (
            head.dep_ in ("compound", "flat", "poss", "amod")
            and head.head.i != head.i
            and head.head.i in self._token_person
        ):
            head = head.head
        subject = head.dep_ in SUBJECT_DEPS
        speaker = subject and head.head.lemma_ in REPORTING_VERBS
        self.mentions.append(Mention(tok.i, tok.i + 1, person, subject, speaker))

    def _resolve_pronoun(self, tok: Token, sent: Span, in_quote: bool) -> str | None:
        """Resolve he/she/his/her to the most salient person that fits."""
        gender = "m" if tok.lower_ in PRONOUNS_MALE else "f"
        # "where Ana Rusu received him": an object pronoun is not its clause's subject.
        own_subject = None
        if tok.dep_ in ("dobj", "dative", "pobj") and tok.lower_ in ("him", "her"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            subject_tok = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject_tok is not None:
                own_subject = self.person_of_np(subject_tok)
        before = [
            m for m in self.mentions if sent.start <= m.start < tok.i and m.person != own_subject
        ]
        fits = [m for m in before if self._gender_fits(m.person, gender)]
        subjects = [m for m in fits if m.subject]
        if subjects:
            return subjects[-1].person
        # "Accompanied by Dr Tesfaye, he toured ...": a subject pronoun after a fronted
        # phrase refers to the topic, not to the person inside the phrase.
        if fits and not in_quote and tok.dep_ not in SUBJECT_DEPS:
            return fits[-1].person
        # Cataphora: "On his fifth trip, Blinken will visit ...": the subject of the
        # first verb above the pronoun.
        for anc in tok.ancestors:
            if anc.pos_ not in ("VERB", "AUX"):
                continue
            for child in anc.children:
                if child.dep_ in SUBJECT_DEPS and child.i > tok.i:
                    p = self.person_of_np(child)
                    if p and self._gender_fits(p, gender):
                        return p
            break
        earlier = [
            m for m in self.mentions if m.start < sent.start and self._gender_fits(m.person, gender)
        ]
        if not earlier:
            return None
        recent_sents: list[int] = []
        for m in reversed(earlier):
            s = self.doc[m.start].sent.start
            if s not in recent_sents:
                recent_sents.append(s)
            if len(recent_sents) > 3:
                break
        for s in recent_sents[:3]:
            in_sent = [m for m in earlier if self.doc[m.start].sent.start == s]
            subj = [m for m in in_sent if m.subject and not m.speaker]
            if in_quote and subj:
                return subj[-1].person
            subj_all = [m for m in in_sent if m.subject]
            if subj_all:
                return subj_all[-1].person if not in_quote else subj_all[0].person
            if in_sent:
                if self._unknown_subject(self.doc[s].sent):
                    # "MoS will call on President X ... He will then travel": the topic
                    # is a subject we could not name, not the person in the object
                    return None
                return in_sent[-1].person
        return earlier[-1].person

    def _unknown_subject(self, sent: Span) -> bool:
        """Whether the sentence's main subject is a noun phrase that names nobody we know."""
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            return False
        return subject.i not in self._token_person and not self.person_of_np(subject)

    def _gender_fits(self, person: str, gender: str) -> bool:
        """Unknown gender fits either pronoun."""
        g = self.persons[person].gender if person in self.persons else None
        return g is None or g == gender

    def _resolve_title_reference(self, tok: Token) -> str | None:
        """ "the Secretary", "the top U.S. diplomat": the person holding that title."""
        wanted = TITLE_SYNONYMS.get(tok.lower_, (tok.lower_,))
        seen = {m.person for m in self.mentions}  # only people already met in the text
        holders = [
            p.name
            for p in self.persons.values()
            if p.name in seen and any(w in t.lower() for t in p.titles for w in wanted)
        ]
        # "the Portuguese leader", "the Saudi official": only a holder whose title says so
        origins = [
            c.lower_
            for c in tok.children
            if c.dep_ in ("amod", "compound", "nmod")
            and c.text[:1].isupper()
            and c.ent_type_ in ("NORP", "GPE")
        ]
        if origins:
            titles = {p.name: p.titles for p in self.persons.values()}
            named = [
                h for h in holders if any(_same_origin(o, t) for t in titles[h] for o in origins)
            ]
            holders = named or holders  # nobody's title says where they are from: as before
        # "the foreign minister": prefer holders whose title has the reference's own words
        words = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
        if words and len(holders) > 1:
            titles_of = {p.name: [t.lower() for t in p.titles] for p in self.persons.values()}
            closer = [h for h in holders if any(all(w in t for w in words) for t in titles_of[h])]
            holders = closer or holders
        if len(holders) > 1 and tok.dep_ in ("dobj", "pobj"):
            # "Ferreira welcomed the minister": the object is not the clause's own subject
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            doer = self.person_at(subject) if subject is not None else None
            holders = [h for h in holders if h != doer] or holders
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        recent = self.mentions[-12:]
        for m in reversed(recent):
            if m.person in holders and m.subject and not m.speaker:
                return m.person
        for m in reversed(self.mentions):
            if m.person in holders:
                return m.person
        return None

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

    def negated(self, verb: Token) -> bool:
        """ "did not meet", "declined to see her", "refused to travel": it did not happen."""
        cur: Token | None = verb
        for _ in range(3):
            if cur is None:
                return False
            if any(c.dep_ == "neg" for c in cur.children):
                return True
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
                return True  # "if he went to Beira, he would see ...": a hypothesis
            if cur.lemma_ in ("expect", "schedule", "plan", "due", "intend", "slate") and any(
                c.dep_ == "aux" and c.lower_ in ("had", "'d")
                for c in (*cur.children, *(cur.head.children if cur.dep_ == "acomp" else ()))
            ):
                return True  # "she had been expected in Suva, but ...": it did not happen
            if any(
                c.dep_ == "conj" and c.lemma_ in ("cancel", "postpone", "scrap", "call")
                for c in cur.children
            ):
                return True  # "was due to leave for Baku but cancelled the trip"
            if cur.dep_ in ("xcomp", "ccomp") and cur.head.lemma_ in (
                "want",
                "urge",
                "ask",
                "invite",
                "press",
                "encourage",
                "wish",
                "like",
            ):
                return True  # "her allies want her to visit Washington": a wish
            if cur.lemma_ in (
                "decline",
                "refuse",
                "fail",
                "cancel",
                "postpone",
                "deny",
                "reject",
                "scrap",
            ):
                return cur is not verb
            cur = cur.head if cur.dep_ in ("xcomp", "ccomp") and cur.head.i != cur.i else None
        return False

    def negated_noun(self, noun: Token) -> bool:
        """ "cancelled his trip to Nairobi", "did not make the trip": it did not happen."""
        if noun.dep_ not in ("dobj", "nsubjpass"):
            return False
        verb = noun.head
        return verb.lemma_ in (
            "cancel",
            "postpone",
            "scrap",
            "abandon",
            "shelve",
            "delay",
            "decline",
            "refuse",
        ) or self.negated(verb)

    def planned(self, verb: Token) -> bool:
        """True when a verb announces an event rather than reports one."""
        seen = 0
        cur: Token | None = verb
        while cur is not None and seen < 4:
            for child in cur.children:
                if child.dep_ == "aux" and child.lower_ in ("will", "would", "'ll", "shall"):
                    return True
                if child.dep_ == "aux" and child.lemma_ == "be" and cur.tag_ == "VBG":
                    # "is heading to": arrangements in progress
                    return True
            if cur.lemma_ in (
                "expect",
                "set",
                "schedule",
                "plan",
                "due",
                "slate",
                "poise",
                "intend",
                "hope",
                "prepare",
                "aim",
            ):
                return True
            if cur.lower_ == "planned" and cur.dep_ == "amod":
                return True
            if any(
                c.dep_ == "amod" and c.lower_ in ("planned", "upcoming", "forthcoming", "proposed")
                for c in cur.children
            ):
                return True
            if cur.dep_ in ("xcomp", "ccomp", "acomp") and cur.head.i != cur.i:
                cur = cur.head
                seen += 1
                continue
            break
        return False

    def date_phrase(self, head: Token) -> str | None:
        """When: a date attached to this verb or noun ("on Tuesday", "next week").

        Dates inside other phrases ("since October 7") do not count.
        """
        cur: Token | None = head
        for _ in range(3):
            if cur is None:
                break
            for child in cur.children:
                ent = None
                if (
                    child.dep_ in ("npadvmod", "tmod", "advmod", "obl")
                    and child.ent_type_ == "DATE"
                ):
                    ent = self.entity_containing(child)
                elif child.dep_ == "prep" and child.lower_ in (
                    "on",
                    "in",
                    "at",
                    "during",
                    "this",
                    "over",
                ):
                    objs = [o for o in child.children if o.dep_ == "pobj" and o.ent_type_ == "DATE"]
                    if objs:
                        ent = self.entity_containing(objs[0])
                if (
                    ent is not None
                    and _is_calendar_date(ent)
                    and ent[0].lower_ not in ("their", "his", "her", "its", "our", "my")
                ):
                    return _date_words(ent)  # not "their first day": whose is unclear
            cur = cur.head if cur.dep_ in ("xcomp", "ccomp") else None
        return None


# ---- helpers -------------------------------------------------------------------


_PARTICLES = frozenset("al el bin ibn van von de da di der le la du bint abu".split())


def _no_name(text: str) -> bool:
    """ "Aug.", "H.E.", "Mr": words that stand beside names but are none themselves."""
    words = [w for w in re.split(r"\s+", text.lower()) if w]
    return all(w in MONTHS or w in HONORIFICS or w.rstrip(".") in MONTHS for w in words)


def _names(text: str, person: str) -> bool:
    """Whether the text names the person by some capitalised part of the name."""
    words = set(re.findall(r"\w+", text.lower()))
    return any(
        w[:1].isupper() and len(w) >= 3 and w.lower() in words for w in re.split(r"[\s-]+", person)
    )


def _join(tokens: list[Token]) -> str:
    """Join name tokens as written (no space inside "al-Busaidi")."""
    out = ""
    for i, t in enumerate(tokens):
        out += t.text
        if i < len(tokens) - 1:
            out += t.whitespace_
    return out.strip()


def _words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name (split on spaces), without honorifics or "Jr."."""
    words = [w for w in name.lower().replace("’", "'").split() if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1].rstrip(",") in NAME_SUFFIXES:
        words.pop()
    return tuple(words)


def _short_forms(person: Person) -> set[str]:
    """Single words that can stand for a person: the surname, its hyphen pieces, other name words.

    "Sayyid Badr al-Busaidi" -> {"al-busaidi", "busaidi", "sayyid", "badr"};
    "Kim Jong Un" -> {"kim", "jong", "un"} (Korean names lead with the family name).
    """
    forms = {w for w in person.parts if w not in _PARTICLES}
    surname = person.surname
    if "-" in surname:
        pieces = [p for p in surname.split("-") if p and p not in _PARTICLES]
        if pieces:
            forms.add(pieces[-1])
    return forms


def _gender_from_honorific(doc: Doc, name_start: int) -> str | None:
    """ "Mr" before a name says he, "Ms"/"Mrs" says she."""
    if name_start == 0:
        return None
    prev = doc[name_start - 1].lower_.rstrip(".")
    if prev in ("mr", "sir", "lord"):
        return "m"
    if prev in ("ms", "mrs", "miss", "dame", "lady", "madam"):
        return "f"
    return None


def _is_title_word(tok: Token) -> bool:
    """A title head word: Minister, spokesman, Secretary-General."""
    low = tok.lower_
    return low in TITLE_HEADS and low not in WEAK_TITLE_HEADS


_BARE_MODIFIERS = frozenset("deputy chief general vice acting senior".split())


def _ends_of_phrase(doc: Doc, i: int) -> bool:
    """True for the last word of "Secretary of State" and the like."""
    j = i
    while j > max(0, i - 4):
        if doc[j].lower_ == "of" and j > 0 and _is_title_word(doc[j - 1]):
            return all(t.text[:1].isupper() for t in doc[j + 1 : i + 1])
        j -= 1
    return False


def prep_objects_of(head: Token, prep: str) -> list[Token]:
    """Objects of one preposition attached to ``head``."""
    return [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == prep
        for o in c.children
        if o.dep_ == "pobj"
    ]


def _same_short_entity(a: Token, b: Token) -> bool:
    """Two tokens that make up a whole two- or three-word entity (a name the model mislabelled)."""
    return (
        a.ent_type_ == b.ent_type_
        and a.ent_iob_ == "B"
        and b.ent_iob_ == "I"
        and (b.i + 1 >= len(b.doc) or b.doc[b.i + 1].ent_iob_ != "I")
        and b.i - a.i <= 2
    )


def _is_descriptor(text: str) -> bool:
    """ "Dakar-based", "Iranian-backed": a describing word, not a name."""
    return bool(re.search(r"-(based|backed|led|born|run|owned|made|funded|allied)$", text.lower()))


def _after_hyphen(tok: Token) -> bool:
    """ "sik" in "Kang Hoon-sik": a lower-case name piece glued to a hyphen."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "-" and doc[tok.i - 1].whitespace_ == ""


def _is_past_title(title: str) -> bool:
    """ "former provincial governor" is not a title the person holds."""
    return bool(re.match(r"(former|ex-|ex |late |then-|one-time|onetime)", title.lower()))


def _comma_after_phrase(title: Token, limit: int = 8) -> int | None:
    """The comma that ends the phrase after a title word ("envoy for the Middle East,"),
    if it comes within ``limit`` words, in the same sentence and before any verb."""
    doc = title.doc
    k = title.i + 2
    while (
        k < len(doc)
        and k - title.i <= limit
        and doc[k].text != ","
        and doc[k].pos_ not in ("VERB", "AUX")
        and doc[k].sent.start == title.sent.start
    ):
        k += 1
    return k if k < len(doc) and doc[k].text == "," else None


def _clean_title(text: str) -> str:
    """Strip determiners, an unresolved possessive pronoun ("its chief executive"), stray
    punctuation and white space from a title."""
    text = " ".join(text.replace("’", "'").split())
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(his|her|their|its|our|my)\s+", "", text, flags=re.IGNORECASE)
    return text.strip(" ,;:-'\"")


def _np_without_clauses(head: Token) -> Span:
    """The noun phrase of ``head`` without relative clauses, appositives or commas."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl"):
            break
        right = child.right_edge.i
    for i in range(head.i + 1, right + 1):
        if doc[i].text in (",", ";", "(", "—"):
            right = i - 1
            break
    # the parser splits "vice-president" and "co-founder" into three words and keeps
    # only the last in the phrase: take the prefix back, with what it governs
    while (
        left >= 2
        and doc[left - 1].text == "-"
        and not doc[left - 1].whitespace_
        and not doc[left - 2].whitespace_
        and doc[left - 2].is_alpha
        and doc[left - 2].is_lower
    ):
        left = min(doc[left - 2].left_edge.i, left - 2)
    while left < head.i and doc[left].lower_ in ("the", "a", "an", ","):
        left += 1
    return doc[left : right + 1]


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside double quotes, across the whole article."""
    inside: set[int] = set()
    opened = False
    for tok in doc:
        if tok.text == '"':
            opened = not opened
            continue
        if "\n" in tok.text_with_ws and tok.text.strip() == "":
            opened = False  # a quote never runs past a paragraph without closing
        if opened:
            inside.add(tok.i)
    return inside


def _same_origin(origin: str, title: str) -> bool:
    """ "U.S." in "US Secretary of State", "Portuguese" in "Portugal's minister": a title
    that names the same country or nationality (a shared word, or a shared stem)."""
    origin = origin.replace(".", "").lower()
    words = re.findall(r"[a-z]+", title.replace(".", "").lower())
    if origin in words:
        return True
    return len(origin) >= 5 and any(len(w) >= 5 and w[:5] == origin[:5] for w in words)


def _could_be_title_reference(tok: Token) -> bool:
    """ "the Secretary", "the top U.S. diplomat", "the Israeli leader"."""
    low = tok.lower_
    if low not in TITLE_SYNONYMS and low not in TITLE_HEADS:
        return False
    if low in WEAK_TITLE_HEADS or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("compound", "amod"):
        return False
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the":
        return False
    # "the Secretary of State" is fine; "the leader of Hamas" names a different role.
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = [c for c in child.children if c.dep_ == "pobj"]
            if obj and not obj[0].text[:1].isupper():
                return False
            if obj and obj[0].ent_type_ in ("ORG", "NORP"):
                return False
        if child.dep_ in ("appos",):
            return False
    return not (tok.tag_ == "NNS" or tok.lower_ in GROUP_WORDS)


def _date_words(ent: Span) -> str:
    """A date as it reads inside a sentence: "on Tuesday", "next week", "last month"."""
    text = ent.text.strip(" ,")
    words = text.split()
    first = words[0].lower().rstrip(".,")
    if first in WEEKDAYS or first in MONTHS or re.match(r"^\d", first):
        return "on " + text
    if ent[0].pos_ != "PROPN":
        text = text[0].lower() + text[1:]
    return text


def _is_calendar_date(ent: Span) -> bool:
    """A point in time ("Tuesday", "next week", "Oct. 7"), not a duration ("60 days")."""
    low = ent.text.lower()
    if re.search(
        r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[ -]"
        r"(day|week|month|year|hour)s?\b",
        low,
    ):
        return bool(re.search(r"\b(ago|later|earlier)\b", low))
    return True
