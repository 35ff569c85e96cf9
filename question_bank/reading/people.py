"""Reading stage 2, people: names found across the whole article, the small model's
label slips repaired, short forms ("Blinken", "Ms Seo") tied to full names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..gazetteer import country_of_word, is_city, is_country, is_firm_place
from ..lexicon import (
    COUNTERPART_WORDS,
    FACILITY_NOUNS,
    GENERIC_PLACE_NOUNS,
    GROUP_WORDS,
    HONORIFICS,
    MONTHS,
    NAME_INTERNAL_STYLES,
    NAME_LIKE_STYLES,
    OFFICE_HEADS,
    ORGANISATION_NOUNS,
    PARTICLES,
    PATRONYMICS,
    POST_NOMINALS,
    POSTED_TITLE_HEADS,
    RANKS,
    RELATIVE_WORDS,
    ROYAL_STYLES,
    RULER_WORDS,
    STYLE_NOUNS,
    SURNAME_LIKE_FIELDS,
    SURNAME_LIKE_TITLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_TAILS,
    VEHICLE_NOUNS,
    WEAK_TITLE_HEADS,
    WEEKDAYS,
)
from ..wordings import COPULAS
from .document import DocumentReading
from .words import (
    NAME_PART,
    PLACE_LABELS,
    after_hyphen,
    comma_after_phrase,
    gender_from_honorific,
    is_descriptor,
    is_style_word,
    join_tokens,
    name_words,
    no_name,
    plain_name,
    same_short_entity,
    singular_title,
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
    aliases: set[str] = field(default_factory=set)
    """Initials the article gives in brackets after the name ("Bassirou Diomaye Faye
    (BDF)"), lower-cased."""

    @property
    def surname(self) -> str:
        """The last part of the name, lower-cased."""
        return self.parts[-1]


_TITLE_SHORT_FORMS = frozenset("pres pres. gov gov. sen sen. rep rep. min min. sec sec.".split())
"""Offices shortened before a name in headlines ("Pres Samia", "Sen. Cole")."""

_PERSON_VERBS = frozenset(
    "meet visit travel arrive land accompany receive welcome greet host thank tell say".split()
)
"""Verbs whose subject is a person: a name doing them was mislabelled when the model
called it a body."""


class PeopleReading(DocumentReading):
    """Stage 2 (on the document): the people and the tokens that name them."""

    def _read_people(self) -> None:
        """Stage 2: the people of the article and the tokens that name them."""
        # names in apposition to a title word, or saying something: people, whatever the
        # model's label
        self._named_by_title: set[int] = set()
        self.persons: dict[str, Person] = {}
        self._token_person: dict[int, str] = {}
        self._person_texts: set[str] = set()
        self._nicknames: dict[int, str] = {}  # the start of a name: its quoted nickname
        self._titled_texts: set[str] = set()  # names written right after a title
        self._relatives: set[str] = set()  # people introduced as someone's relative
        self._collect_names()

    def principal_of(self, name: str) -> str | None:
        """The person a relative shares a family name with ("Tomas Varga" for "First Lady
        Elena Varga"), when the article names exactly one; None for anyone else."""
        person = self.persons.get(name)
        if person is None or name not in self._relatives:
            return None
        kin = {
            p.name
            for p in self.persons.values()
            if p.surname == person.surname and len(p.parts) > 1 and p.name not in self._relatives
        }
        return next(iter(kin)) if len(kin) == 1 else None

    def _name_tokens(self, ent: Span) -> list[Token]:
        """The tokens of a PERSON entity that are the name itself, widened to the full name."""
        tokens = list(ent)
        while tokens and tokens[0].lower_ in PATRONYMICS and tokens[0].i > 0:
            # "Prince Sultan [bin Saad]", "Abdulaziz bin Turki [bin Faisal]": the names
            # before "bin" belong to it
            prev = self.doc[tokens[0].i - 1]
            if not (prev.text[:1].isupper() and prev.is_alpha):
                break
            tokens.insert(0, prev)
            if prev.i > 0 and self.doc[prev.i - 1].lower_ in PATRONYMICS:
                tokens.insert(0, self.doc[prev.i - 1])
        while (
            tokens
            and tokens[0].i >= 2
            and self.doc[tokens[0].i - 1].lower_ in PATRONYMICS
            and self.doc[tokens[0].i - 2].is_alpha
            and self.doc[tokens[0].i - 2].text[:1].isupper()
        ):
            # "Rima bint Bandar bin Sultan" tagged from "Bandar": a lineage names the
            # person before it
            tokens[:0] = [self.doc[tokens[0].i - 2], self.doc[tokens[0].i - 1]]
        while (
            tokens
            and not _before_patronymic(tokens[0])
            and not style_as_given_name(tokens[0])
            and (
                tokens[0].lower_ in HONORIFICS
                or tokens[0].lower_ in TITLE_HEADS
                or tokens[0].lower_ in TITLE_TAILS
                or tokens[0].lower_ in ("the", "a", "an")
                or not tokens[0].text[:1].isupper()
            )
        ):
            tokens.pop(0)
        if (
            len(tokens) >= 3
            and tokens[0].i > 0
            and self.doc[tokens[0].i - 1].lower_ in ("to", "in", "of")
            and is_firm_place(tokens[0].text)
        ):
            tokens.pop(0)  # "Ambassador to Ghana Harriet Cole" tagged "Ghana Harriet Cole"
        # "Foreign Ministers Alexandra Papas" as one entity: the title words before a name
        last_title = max(
            (
                k
                for k, t in enumerate(tokens[:-1])
                if (t.lower_ in TITLE_HEADS or singular_title(t) is not None)
                and not _before_patronymic(t)
                and not style_as_given_name(t)
            ),
            default=-1,
        )
        if last_title >= 0 and all(
            t.lower_ in TITLE_MODIFIERS | TITLE_HEADS | HONORIFICS or singular_title(t)
            for t in tokens[:last_title]
        ):
            tokens = tokens[last_title + 1 :]
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in ("'s", "'", "’s", "’")):
            tokens.pop()
        while len(tokens) > 1 and tokens[-1].lower_ in POST_NOMINALS:
            tokens.pop()  # "Helen McEntee T.D."
        if tokens and (
            (is_style(tokens[-1]) and tokens[-1].lower_ not in RANKS)
            or (tokens[-1].lower_ in TITLE_HEADS and tokens[-1].lower_ not in SURNAME_LIKE_TITLES)
        ):
            # "BNP Chairperson", "Jamaat-e-Islami Ameer Dr" tagged as names: a title and
            # what it belongs to, the name (if any) comes after
            return []
        while tokens and not tokens[-1].text[:1].isalpha():
            tokens.pop()
        if not tokens or any(t.like_num or t.is_digit for t in tokens):
            return []
        start, end = self._name_run(tokens[0].i, tokens[-1].i + 1)
        start = self._after_country(start, end)
        run = list(self.doc[start : self._before_country(start, end)])
        quoted = _quoted_in(run)
        if quoted and run[0].i not in self._nicknames:
            nick = " ".join(t.text for t in quoted if not t.is_quote)
            if nick:
                self._nicknames[run[0].i] = nick.lower()
        return [t for t in run if t not in quoted] if quoted else run

    def _after_country(self, start: int, end: int) -> int:
        """Where a name starts when a country's name ends inside it: "President of
        Guinea-Bissau Umaro Sissoco Embaló" widened over the hyphen, "of Sierra Leone Julius
        Maada Bio" tagged from "Leone": the name is what follows the country (two words at
        least)."""
        doc = self.doc
        for k in range(min(end - 2, start + 4), start, -1):
            for first in (start, start - 1):
                if first < 0 or (first < start and doc[first].ent_type_ not in ("", "GPE")):
                    continue
                if is_firm_place(doc[first:k].text) and country_of_word(doc[first:k].text):
                    return k
        return start

    def _before_country(self, start: int, end: int) -> int:
        """Where a name stops when a country's name begins inside it: "President
        Ramaphosa Côte d'Ivoire's order" tagged "Ramaphosa Côte" is "Ramaphosa"."""
        doc = self.doc
        for k in range(start + 1, end):
            # only a country that runs on past the name ("Michael Jordan" stays whole)
            for stop in range(end + 1, min(end + 3, len(doc)) + 1):
                if is_firm_place(doc[k:stop].text):
                    return k
        return end

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
            if end - start >= 6 or (
                tok.lower_ in words
                and tok.is_alpha
                and (end - start < 3 or prev.lower_ == tok.lower_)
            ):
                # a name does not run on, nor repeat a word, except a long one ending as it
                # began ("Nana Addo Dankwa Akufo Addo")
                break
            if prev.tag_ == "POS" or prev.text in (",", "'s") or tok.lower_ in POST_NOMINALS:
                break
            if tok.text == "-" and prev.whitespace_ == "" and nxt is not None and nxt.is_alpha:
                end += 2
                continue
            if tok.is_quote and (nick := _nickname_length(doc, end, sent_end)):
                end += nick  # Ferdinand "Bongbong" Marcos: a nickname inside the name
                continue
            if (
                tok.lower_ in PARTICLES | NAME_INTERNAL_STYLES
                and nxt is not None
                and nxt.text[:1].isupper()
                and nxt.is_alpha
            ):
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
        for tok in self.tokens:
            if not is_style(tok) or not self.is_story(tok) or tok.i + 1 >= len(doc):
                continue
            if tok.lower_ in RANKS and not tok.text[:1].isupper():
                continue  # "a major focus" is no rank
            if _before_patronymic(tok):
                continue  # "Sultan bin Saad": a given name, not a style
            j = tok.i + 1
            while j < len(doc) and is_style(doc[j]) and not _before_patronymic(doc[j]):
                j += 1
            if j >= len(doc):
                continue
            first = doc[j]
            if not (first.text[:1].isupper() and first.is_alpha) and first.lower_ not in PARTICLES:
                continue
            if (
                tok.i > 0
                and doc[tok.i - 1].text[:1].isupper()
                and doc[tok.i - 1].is_alpha
                and (first.lower_ in VEHICLE_NOUNS | ORGANISATION_NOUNS | GENERIC_PLACE_NOUNS)
            ):
                continue  # "the Diamond Princess Ship": a style inside another name
            if first.lower_ in TITLE_HEADS or (
                first.ent_type_ in ("GPE", "LOC", "NORP", "DATE")
                # "Empress Masako" labelled a nationality: no nationality's word
                and not (first.ent_type_ == "NORP" and country_of_word(first.text) is None)
            ):
                continue
            start, end = self._name_run(j, j + 1)
            out.append(
                (start, end, join_tokens(list(doc[start:end])), gender_from_honorific(doc, start))
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
        for tok in self.tokens:
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
                    (t.is_alpha and t.text[:1].isupper()) or t.text == "-" or t.lower_ in PARTICLES
                    for t in tokens
                )
                and not any(t.i in taken for t in tokens)
                and not any(
                    t.lower_ in TITLE_HEADS or t.lower_ in ORGANISATION_NOUNS for t in tokens
                )
                and not is_firm_place(ent.text)
                # "Manchester United, who confirmed ...": a name the article uses again
                # and again as an organisation stays one
                and self._labels.get(ent.text.lower(), []).count(ent.label_) < 2
            ):
                continue
            out.append((tokens[0].i, tokens[-1].i + 1, join_tokens(tokens), None))
            taken.update(t.i for t in tokens)
        return out

    def _coordinated_names(
        self, spans: list[tuple[int, int, str, str | None]]
    ) -> list[tuple[int, int, str, str | None]]:
        """ "Ararat Mirzoyan and Jeyhun Bayramov discussed ...": a name of two or three
        capitalised words joined by "and" to a person's name, the two the subject of a
        verb, is a person's too, whatever label the model gave it (none of its words an
        office, a body, a place or a people)."""
        doc = self.doc
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        heads = {e - 1 for s, e, _, _ in spans}
        out: list[tuple[int, int, str, str | None]] = []
        for tok in self.tokens:
            if tok.pos_ != "PROPN" or tok.i in taken or not self.is_story(tok):
                continue
            partner = tok.head if tok.dep_ == "conj" else None
            if partner is None:
                partner = next((c for c in tok.children if c.dep_ == "conj"), None)
            if partner is None or not any(t.i in heads for t in partner.subtree):
                continue  # "X and his counterpart Jeyhun Bayramov": a name inside the other
            first = tok if tok.dep_ != "conj" else tok.head
            if first.dep_ not in ("nsubj", "nsubjpass"):
                continue  # only the pair who do something ("... travel to A, B and C")
            run = [tok]
            while run[0].i > 0:
                prev = doc[run[0].i - 1]
                if prev.dep_ == "compound" and prev.head.i == tok.i:
                    run.insert(0, prev)
                elif _hyphen_joins(prev):
                    run[:0] = [doc[prev.i - 1], prev]  # "Kassym-Jomart Tokayev"
                else:
                    break
            words = [t for t in run if t.text != "-"]
            if not (
                2 <= len(words) <= 4
                and all(t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" for t in words)
                and not any(t.i in taken for t in run)
                and not any(
                    t.lower_ in TITLE_HEADS | TITLE_MODIFIERS | ORGANISATION_NOUNS | HONORIFICS
                    or t.lower_ in FACILITY_NOUNS | GENERIC_PLACE_NOUNS
                    or is_firm_place(t.text)
                    or t.ent_type_ in ("GPE", "LOC", "FAC")
                    or country_of_word(t.text) is not None
                    for t in run
                )
                and not is_firm_place(join_tokens(run))
            ):
                continue
            out.append((run[0].i, run[-1].i + 1, join_tokens(run), None))
            taken.update(t.i for t in run)
        return out

    def _title_holder_names(
        self, spans: list[tuple[int, int, str, str | None]]
    ) -> list[tuple[int, int, str, str | None]]:
        """ "since Ebrahim Raisi became Iran's new president": only a person holds an
        office, so the subject of "is/became <office>" is a person, whatever the model's
        label (a firm can be "legal counsel", so only offices count)."""
        doc = self.doc
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        out: list[tuple[int, int, str, str | None]] = []
        for tok in self.tokens:
            if tok.dep_ != "attr" or tok.head.lemma_ not in COPULAS:
                continue
            if tok.lower_ not in OFFICE_HEADS:
                continue
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ != "PROPN" or subject.i in taken:
                continue
            tokens = [subject]
            while tokens[0].i > 0 and doc[tokens[0].i - 1].pos_ == "PROPN":
                tokens.insert(0, doc[tokens[0].i - 1])
            while tokens and tokens[0].lower_ in HONORIFICS | TITLE_HEADS | TITLE_TAILS:
                tokens.pop(0)
            if not (
                2 <= len(tokens) <= 4
                and all(t.is_alpha and t.text[:1].isupper() for t in tokens)
                and not any(t.i in taken for t in tokens)
                and not is_firm_place(join_tokens(tokens))
                and not any(t.lower_ in ORGANISATION_NOUNS for t in tokens)
            ):
                continue
            out.append((tokens[0].i, tokens[-1].i + 1, join_tokens(tokens), None))
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
        for tok in self.tokens:
            if tok.i and tok.text[:1].isupper() and self.is_story(tok):
                by_first.setdefault(tok.text, []).append(tok)
        for surname in surnames:
            first_piece = re.split(r"[\s-]", surname, maxsplit=1)[0]
            for tok in by_first.get(first_piece, ()):
                if tok.i in taken:
                    continue
                start, end = self._name_run(tok.i, tok.i + 1)
                if join_tokens(list(doc[start:end])) != surname:
                    continue
                prev = doc[start - 1]
                if not (
                    prev.pos_ == "PROPN"
                    and prev.text[:1].isupper()
                    and prev.is_alpha
                    and prev.lower_ not in HONORIFICS
                    and prev.lower_ not in TITLE_HEADS
                    and prev.lower_ not in TITLE_TAILS  # "Minister for Foreign Affairs X Y"
                    and prev.ent_type_ not in ("GPE", "LOC", "NORP", "DATE")
                    and (prev.ent_type_ != "ORG" or same_short_entity(prev, tok))
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
                    and doc[first - 1].lower_ not in TITLE_TAILS
                    and doc[first - 1].ent_type_ in ("", "PERSON")
                    and prev.i - first < 2
                ):
                    first -= 1
                out.append((first, end, join_tokens(list(doc[first:end])), None))
                taken.update(range(first, end))
        return out

    def _collect_names(self) -> None:
        """Find the people: PERSON entities, names after honorifics, clustered by surname."""
        spans: list[tuple[int, int, str, str | None]] = []
        for ent in self.doc.ents:
            speaker = ent.label_ != "PERSON" and self._speaker_mislabelled(ent)
            if not (ent.label_ == "PERSON" or speaker):
                continue
            if speaker:
                self._named_by_title.add(ent.start)  # a person, whatever the label says
            if not self.is_story(ent[0]):
                continue
            tokens = self._name_tokens(ent)
            while tokens and tokens[0].i > 0:
                prev = self.doc[tokens[0].i - 1]
                if (
                    prev.lower_ in NAME_INTERNAL_STYLES
                    and prev.i > 0
                    and self.doc[prev.i - 1].pos_ == "PROPN"
                    and self.doc[prev.i - 1].is_alpha
                    and self.doc[prev.i - 1].text[:1].isupper()
                    and self.doc[prev.i - 1].lower_ not in HONORIFICS | TITLE_HEADS | TITLE_TAILS
                ):
                    # "Zafrul Tengku Abdul Aziz" with only "Abdul Aziz" tagged: the style
                    # stands inside the name, before the father's
                    tokens[:0] = [self.doc[prev.i - 1], prev]
                    continue
                # "Cardinal Matteo Sforzini" with only "Sforzini" tagged: the given name
                # the parser hangs on the surname belongs to the name
                prev = self.doc[tokens[0].i - 1]
                if not (
                    prev.pos_ == "PROPN"
                    and prev.dep_ == "compound"
                    and prev.i < prev.head.i < ent.end
                    and prev.text[:1].isupper()
                    and prev.is_alpha
                    # "counterpart Ana Cecilia Gervasi Diaz" with "Cecilia" taken for a
                    # place: a given name, unless it is a city's or a country's name
                    and (
                        prev.ent_type_ == ""
                        or (
                            prev.ent_type_ == "GPE"
                            and not is_city(prev.text)
                            and country_of_word(prev.text) is None
                        )
                    )
                    and prev.lower_ not in HONORIFICS
                    and prev.lower_ not in TITLE_HEADS
                    and singular_title(prev) is None  # "Prime Ministers Carla Reid and ..."
                    and prev.lower_ not in TITLE_MODIFIERS
                    and prev.lower_ not in TITLE_TAILS  # "for Foreign Affairs Narayankaji X"
                    and prev.lower_ not in WEEKDAYS
                    and not is_firm_place(prev.text)  # "President of Uzbekistan Shavkat X"
                    # "President of Sierra Leone Julius X": the end of a country's name
                    and not any(
                        is_firm_place(self.doc[prev.i - k : prev.i + 1].text)
                        for k in (1, 2)
                        if prev.i - k >= 0
                    )
                ):
                    break
                tokens.insert(0, prev)
            while len(tokens) > 2 and (
                tokens[0].lower_ in ("h.", "e.", "h.e.") or tokens[0].text in ("HE", "HH")
            ):
                tokens = tokens[1:]  # "H. E. Obiang Nguema", "HE Saad": His Excellency, no name
            while tokens:
                # "Shah Mahmood" tagged a person and "Qureshi" a place: the word the name's
                # last word is a compound of is the surname
                last, nxt = tokens[-1], tokens[-1].head
                if not (
                    last.dep_ == "compound"
                    and nxt.i == last.i + 1
                    and nxt.pos_ == "PROPN"
                    and nxt.is_alpha
                    and nxt.text[:1].isupper()
                    and nxt.ent_type_ != "PERSON"
                    and not is_firm_place(nxt.text)
                    and not is_city(nxt.text)
                    and nxt.lower_ not in TITLE_HEADS
                    and nxt.lower_ not in ORGANISATION_NOUNS
                ):
                    break
                tokens.append(nxt)
            if (
                len(tokens) >= 3
                and tokens[0].i >= 2
                and self.doc[tokens[0].i - 1].lower_ == "of"
                and self.doc[tokens[0].i - 2].lower_ in TITLE_HEADS
            ):
                # "Chief of Protocol Aini Mohd Atan": "Protocol" is his office's
                tokens = tokens[1:]
            if not tokens or not all(
                (NAME_PART.match(t.text) and (t.text[:1].isupper() or t.lower_ in PARTICLES))
                or t.text == "-"
                or after_hyphen(t)
                for t in tokens
            ):
                continue
            gender = gender_from_honorific(self.doc, tokens[0].i)
            spans.append((tokens[0].i, tokens[-1].i + 1, join_tokens(tokens), gender))
        covered = {i for s, e, _, _ in spans for i in range(s, e)}
        for span in self._honorific_names():
            if not any(i in covered for i in range(span[0], span[1])):
                spans.append(span)
                covered.update(range(span[0], span[1]))
        spans.extend(self._titled_names(spans))
        spans.extend(self._who_names(spans))
        spans.extend(self._title_holder_names(spans))
        spans.extend(self._coordinated_names(spans))
        spans.extend(self._backfill_full_names(spans))
        spans = self._joined_names(sorted(spans))
        spans = [self._without_country(sp) for sp in spans]
        spans = [
            sp
            for sp in spans
            if not is_firm_place(sp[2])
            and not is_descriptor(sp[2])
            # "Sri Lankan", "Bangladeshi": a nationality the model took for a name
            and not (" " in sp[2] and country_of_word(sp[2]) is not None)
            and not _nationality(sp[2])
            # "Russian Foreign Ministry", "the Defence Council": a body, never a person
            and sp[2].split()[-1].lower() not in ORGANISATION_NOUNS
            # "Minister of Foreign Affairs, African Cooperation and ...": an office's field
            and not (
                " " in sp[2] and sp[2].split()[-1].lower() in TITLE_TAILS - SURNAME_LIKE_FIELDS
            )
            # "King Khalid International Airport": a place named after a person
            and sp[2].split()[-1].lower() not in FACILITY_NOUNS
            # "Azerbaijani Martyrs", "Afghan Elders": a people, named in the plural
            and not (self.doc[sp[1] - 1].tag_ == "NNPS" and _nationality(sp[2].split()[0]))
            # "Federal Republic (of Nigeria)": a country's style, never a person
            and sp[2].split()[-1].lower() not in GENERIC_PLACE_NOUNS
            and not no_name(sp[2])
            # "Speaker of the Estonian Parliament (Riigikogu)": one word in brackets is
            # another name for what stands before it, no one new
            and not (
                sp[1] - sp[0] == 1
                and sp[0] > 0
                and self.doc[sp[0] - 1].text == "("
                and sp[1] < len(self.doc)
                and self.doc[sp[1]].text == ")"
            )
            and (sp[0] in self._named_by_title or not self._mostly_organisation(sp[2]))
            and (
                len(sp[2].split()) < 2
                # "Fiji's deputy prime minister, Josefa Vakaloloma": a person, whatever
                # label the model gave the name
                or sp[0] in self._named_by_title
                or not self._is_place_name(sp[2], sp[0])
            )
        ]
        spans = [
            sp
            for sp in spans
            if not _two_people_joined(sp[2], [o[2] for o in spans])
            # "Maritime Self-Defence Force (MSDF)": an organisation's initials
            and not (sp[2].isupper() and " " not in sp[2] and f"({sp[2]})" in self.read_text)
            # "President-Elect" cut into "President" and "-Elect": a name starts with a letter
            and sp[2][:1].isalpha()
            # "His Majesty", "the Yang di-Pertuan Agong": a style or an office, no name
            and sp[2].lower() not in STYLE_NOUNS
            and not sp[2].lower().startswith("the ")
            and not (sp[0] > 0 and self.doc[sp[0] - 1].lower_ == "the")
            # "Yang di-Pertuan Agong": the tail of a word joined by a hyphen
            and not (
                sp[0] > 1
                and self.doc[sp[0] - 1].text == "-"
                and not self.doc[sp[0] - 2].whitespace_
                and self.doc[sp[0] - 2].is_lower
            )
        ]
        # "President of Guinea-Bissau Umaro Sissoco Embaló" tagged with the country: the
        # name is what follows it
        trimmed = []
        for sp_start, sp_end, text, gender in spans:
            cut = self._after_country(sp_start, sp_end)
            if cut > sp_start:
                text = self.doc[cut:sp_end].text
                sp_start = cut
            trimmed.append((sp_start, sp_end, text, gender))
        spans = trimmed
        # Full names first, in order of appearance; then short names attach to them.
        for _start, _end, text, gender in spans:
            words = name_words(text)
            if len(words) < 2:
                continue
            person = self._find_person(words)
            if person is None:
                person = Person(name=text, parts=words)
                self.persons[text] = person
            if gender and not person.gender:
                person.gender = gender
        mentions: list[tuple[int, str]] = []  # who is named where, as far as known
        first_full: dict[str, int] = {}  # where each person's full name is first written
        for start, _end, text, _gender in spans:
            words = name_words(text)
            if len(words) >= 2 and (found := self._find_person(words)) is not None:
                mentions.append((start, found.name))
                first_full.setdefault(found.name, start)
        # people introduced as someone's relative ("First Lady Elena Varga")
        self._relatives = {name for name, at in first_full.items() if self._relative_at(at)}
        principals: dict[str, Person] = {}  # a family name the story used before a relative's
        for start, end, text, gender in spans:
            words = name_words(text)
            person = self._find_person(words)
            if len(words) == 1 and (
                words[0] in principals
                or (
                    person is not None
                    and first_full.get(person.name, -1) > start
                    and self._relative_at(first_full[person.name])
                )
            ):
                # "Modi welcomed Trump … President Kovind welcomed Trump and First Lady
                # Melania Trump": the bare family name, used first, is not the relative's
                if words[0] not in principals:
                    principals[words[0]] = Person(name=text, parts=words)
                    self.persons[text] = principals[words[0]]
                person = principals[words[0]]
            if person is None and self._ambiguous(words):
                # "Mugabe" with President Robert Mugabe and First Lady Grace Mugabe: the
                # one not introduced as the other's relative
                kin = [
                    p
                    for p in self.persons.values()
                    if p.surname == words[-1] and len(p.parts) > 1 and p.name in first_full
                ]
                principal = [p for p in kin if not self._relative_at(first_full[p.name])]
                if len(kin) > 1 and len(principal) == 1:
                    person = principal[0]
            if person is None and self._ambiguous(words):
                # "Kim" with Kim Jong Un and his sister in the story, "Wang" with Wang Yi
                # and Wang Wenbin: the one the story has named most up to here
                person = self._most_named(words, start, mentions)
                if person is None:
                    continue
                mentions.append((start, person.name))
            if person is None:
                if self._mostly_not_person(text):
                    continue
                person = Person(name=text, parts=words)
                self.persons[text] = person
            if gender and not person.gender:
                person.gender = gender
            self._person_texts.add(text.lower())
            for i in range(start, end):
                self._token_person[i] = person.name
            alias = self._alias_after(end)
            if alias:
                person.aliases.add(alias)
            if start in self._nicknames:
                person.aliases.add(self._nicknames[start])
        self._initials_as_names()
        self._label_slips()

    def _relative_at(self, start: int) -> bool:
        """Whether the name at ``start`` is introduced as someone's relative ("First Lady
        Melania Trump", "his wife, Ana Costa")."""
        for k in range(start - 1, max(-1, start - 4), -1):
            tok = self.doc[k]
            if tok.lower_ in RELATIVE_WORDS:
                return True
            if not (tok.text == "," or tok.lower_ in ("first", "his", "her", "the")):
                return False
        return False

    def _initials_as_names(self) -> None:
        """ "AMLO, as the Mexican head of state is known": a word in capitals that spells
        the initials of one person's name of three words or more is that person."""
        by_initials: dict[str, list[Person]] = {}
        for person in self.persons.values():
            words = [w for w in person.parts if w not in PARTICLES | PATRONYMICS]
            if len(words) >= 3:
                by_initials.setdefault("".join(w[0] for w in words), []).append(person)
        for tok in self.tokens:
            word = tok.text
            if not (word.isupper() and word.isalpha() and 3 <= len(word) <= 5):
                continue
            found = by_initials.get(word.lower(), [])
            if len(found) == 1 and tok.i not in self._token_person:
                found[0].aliases.add(word.lower())

    def _without_country(
        self, span: tuple[int, int, str, str | None]
    ) -> tuple[int, int, str, str | None]:
        """ "Minister of Foreign Affairs of Russia Sergey Lavrov": a country after the
        title's "of" is no part of the name."""
        start, end, _, gender = span
        doc = self.doc
        if (
            end - start >= 3
            and start >= 1
            and doc[start - 1].lower_ == "of"
            and is_firm_place(doc[start].text)
            and doc[start + 1].text[:1].isupper()
        ):
            return start + 1, end, join_tokens(list(doc[start + 1 : end])), gender
        return span

    def _joined_names(
        self, spans: list[tuple[int, int, str, str | None]]
    ) -> list[tuple[int, int, str, str | None]]:
        """Two names with nothing between them are one: "Ana Cecilia" and "Morales Soto",
        split by the parser, are "Ana Cecilia Morales Soto"."""
        doc = self.doc
        out: list[tuple[int, int, str, str | None]] = []
        for sp in spans:
            if out:
                start, end, _, gender = out[-1]
                if (
                    end == sp[0]
                    and doc[start].sent.start == doc[sp[0]].sent.start
                    and sp[1] - start <= 6
                    and doc[end - 1].tag_ != "POS"
                    and all(t.is_alpha and t.text[:1].isupper() for t in doc[start : sp[1]])
                ):
                    out[-1] = (start, sp[1], join_tokens(list(doc[start : sp[1]])), gender or sp[3])
                    continue
            out.append(sp)
        return out

    def _alias_after(self, end: int) -> str | None:
        """Initials in brackets right after a name ("… Faye (BDF)"), lower-cased, or None."""
        doc = self.doc
        if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            return None
        word = doc[end + 1].text
        capitals = sum(1 for c in word if c.isupper())
        # "(BDF)", "(MbS)", "(AMLO)": two capitals or more, the first letter one of them
        if word.isalpha() and word[:1].isupper() and capitals >= 2 and 2 <= len(word) <= 5:
            return word.lower()
        return None

    def _label_slips(self) -> None:
        """Names the model labelled as something else ("Blinken" as GPE)."""
        by_key: dict[str, list[Person]] = {}
        for person in self.persons.values():
            for key in _short_forms(person):
                by_key.setdefault(key, []).append(person)
        for tok in self.tokens:
            if tok.i in self._token_person or not self.is_story(tok):
                continue
            if tok.pos_ != "PROPN" and not tok.text[:1].isupper():
                continue
            candidates = by_key.get(plain_name(tok.text))
            if not candidates:
                continue
            names = {p.name for p in candidates}
            if len(names) > 1 and len(names - self._relatives) == 1:
                # "Varga" with President Tomas Varga and First Lady Elena Varga: the bare
                # family name is the one not introduced as the other's relative
                candidates = [p for p in candidates if p.name not in self._relatives]
            if len({p.name for p in candidates}) != 1:
                # "Wang" with Wang Yi and Wang Wenbin: the one named last before it
                before = [
                    self._token_person[i]
                    for i in range(tok.i)
                    if i in self._token_person
                    and (i == 0 or self._token_person.get(i - 1) != self._token_person[i])
                ]  # one entry per mention, in order
                best = self._salient(names, before)
                if best is None:
                    continue
                candidates = [best]
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
                # "the June Biden/Boric summit": a month or a day names no one
                and prev.ent_type_ not in ("DATE", "TIME")
                and prev.lower_ not in MONTHS | WEEKDAYS
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
        if is_firm_place(text.split()[-1]) and text.split()[0].isupper():
            return True  # "the OIC Banjul summit": a body's initials and a capital
        return self._after_place_preposition(low) and not self._acts_as_person(low)

    def _after_place_preposition(self, low: str) -> bool:
        """The name follows "to", "in" or "from" somewhere ("a visit to Kyiv")."""
        return low.split()[0] in self._after_place_prep

    def _speaker_mislabelled(self, ent: Span) -> bool:
        """ "…,» Kassym-Jomart Tokayev said": a name right after a quote that the model
        labelled a work of art or a product (or an organisation, when the story writes its
        last word as a person's name elsewhere); whoever "said" or "told" is a person. Two
        to four capitalised words, none of them an office, a body or a place."""
        if ent.label_ not in ("WORK_OF_ART", "PRODUCT", "ORG") or not 2 <= len(ent) <= 6:
            return False
        root = ent.root
        words = [t for t in ent if t.text != "-"]
        if len(words) >= 3 and self._acts_as_named_person(ent):
            pass  # "Moussa Faki Mahamat first met Prime Minister Yang", labelled a body
        else:
            if ent.label_ == "ORG" and not any(
                e.label_ == "PERSON" and e.text.split()[-1] == ent[-1].text for e in self.doc.ents
            ):
                return False  # "Goldman Sachs said": a body, unless the story names the surname
            if root.dep_ != "nsubj" or root.head.lemma_ not in ("say", "tell", "add", "announce"):
                return False
        return 2 <= len(words) <= 4 and all(
            t.pos_ == "PROPN"
            and t.is_alpha
            and t.text[:1].isupper()
            and t.lower_ not in TITLE_HEADS | ORGANISATION_NOUNS | FACILITY_NOUNS | HONORIFICS
            and t.lower_ not in _TITLE_SHORT_FORMS
            and not is_firm_place(t.text)
            # "Tanzanian Pres Samia": a nationality and an office, not a name
            and country_of_word(t.text) is None
            for t in words
        )

    def _acts_as_named_person(self, ent: Span) -> bool:
        """Whether a name of three or more words does what people do: it meets, travels
        or is received ("X first met Prime Minister Yang", "X was accompanied by"), it is
        joined by "and" to a person's name ("talks between X and Philemon Yang"), or it
        follows an office ("the Chairperson of the Commission (AU) X")."""
        root = ent.root
        doc = self.doc
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _PERSON_VERBS:
            return True
        joined = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            joined.append(root.head)
        if any(
            self._ent_by_token.get(t.i) is not None and self._ent_by_token[t.i].label_ == "PERSON"
            for t in joined
        ):
            return True
        k = ent.start - 1
        if k >= 1 and doc[k].text == ")":
            while k >= 0 and doc[k].text != "(":
                k -= 1  # "Commission (AU) X": the bracketed initials of the body
            k -= 1
        if k < 0:
            return False
        before = self._ent_by_token.get(k)
        return doc[k].lower_ in TITLE_HEADS or (
            before is not None
            and before.label_ == "ORG"
            and any(t.lower_ in TITLE_HEADS for t in doc[max(0, before.start - 3) : before.start])
        )

    def _acts_as_person(self, low: str) -> bool:
        """The name is the subject of a verb of saying or meeting somewhere."""
        last = low.split()[-1]
        for tok in self.tokens:
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

    def _most_named(
        self, words: tuple[str, ...], start: int, mentions: list[tuple[int, str]]
    ) -> Person | None:
        """Of the people a short name fits, the one named most often before ``start``, the
        latest on a tie (None when none was named yet)."""
        fits = {p.name for p in self.persons.values() if words[0] in _short_forms(p)}
        return self._salient(fits, [name for at, name in mentions if at < start])

    def _salient(self, fits: set[str], before: list[str]) -> Person | None:
        """The person of ``fits`` named most often in ``before`` (in order), latest on a tie."""
        score: dict[str, tuple[int, int]] = {}
        for order, name in enumerate(before):
            if name in fits:
                count = score.get(name, (0, 0))[0]
                score[name] = (count + 1, order)
        if not score:
            return None
        return self.persons[max(score, key=lambda n: score[n])]

    def _ambiguous(self, words: tuple[str, ...]) -> bool:
        """A short name that fits more than one known person ("Kim" with two Kims)."""
        if len(words) != 1:
            return False
        hits = {p.name for p in self.persons.values() if words[0] in _short_forms(p)}
        return len(hits) > 1

    def _mostly_not_person(self, text: str) -> bool:
        """A single word the article uses as a place, organisation or group."""
        low = text.lower()
        # "Sheikh Hasina", "Mr Blinken": a word after a style is a name, whatever the model
        # made of it elsewhere ("Rajapaksa and Hasina signed", read as a place)
        if any(
            tok.lower_ == low and tok.i and self.doc[tok.i - 1].lower_ in HONORIFICS
            for tok in self.tokens
        ):
            return False
        labels = self._labels.get(low, [])
        person = sum(1 for lab in labels if lab == "PERSON")
        if len(labels) - person > person:
            return True
        for tok in self.tokens:
            if tok.lower_ != low:
                continue
            prev = self.doc[tok.i - 1].lower_ if tok.i else ""
            if prev in HONORIFICS:
                return False
            # "a visit to Kyiv": a place
            if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "in", "from", "into", "at"):
                return True
            # "the Mayor of Rotterdam": the place an office is for
            if (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.lower_ in TITLE_HEADS
                and (is_firm_place(tok.text) or is_city(tok.text))
            ):
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
            # "to discuss Brexit, migration and EU funding": listed with common nouns, a
            # topic
            listed = [tok.head] if tok.dep_ == "conj" else []
            listed += [c for c in tok.children if c.dep_ == "conj"]
            if any(x.pos_ == "NOUN" and x.is_lower for x in listed):
                return True
        # "Houthis": a plural proper noun names a group.
        return any(t.lower_ == low and t.tag_ == "NNPS" for t in self.tokens)

    def _mostly_organisation(self, text: str) -> bool:
        """A name the model calls an organisation at least twice and a person at most
        once ("Manchester United"), unless a title stands before it."""
        if text.lower() in self._titled_texts:
            return False  # "President Kassym-Jomart Tokayev", whatever the model said
        labels = self._labels.get(text.lower(), [])
        return labels.count("ORG") >= 2 and labels.count("PERSON") <= 1

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
            elif (
                (set(words) <= set(person.parts) or set(person.parts) <= set(words))
                and words[-1] == person.surname
                # "Salman bin Abdulaziz" is the father of "Mohammed bin Salman bin
                # Abdulaziz": a name of lineage is one person only from the same given name
                and (
                    not PATRONYMICS & (set(words) | set(person.parts))
                    or words[0] == person.parts[0]
                )
            ):
                found[person.name] = person
            elif PATRONYMICS & set(words) and tuple(person.parts[: len(words)]) == tuple(words):
                found[person.name] = person  # "Mohammed bin Salman", of a longer lineage
            elif (
                len(words) == 2
                and re.fullmatch(r"[^\W\d]\.?", words[0])
                and words[1] == person.surname
                and len(person.parts) >= 2
                and person.parts[0].startswith(words[0][0])
            ):
                found[person.name] = person  # "E. Rinkēvičs" for Edgars Rinkēvičs
        if len(found) == 1:
            return next(iter(found.values()))
        if len(words) == 1:
            surname_hits = [p for p in found.values() if p.surname == words[0]]
            if len(surname_hits) == 1:
                return surname_hits[0]
        return None

    def _listed_name_before(self, title: Token, taken: set[int]) -> list[Token]:
        """The name in "..., and Adil Demir, Minister of Transport": two to four capitalised
        proper nouns between a list's "and", "with" or comma and a comma before a
        capitalised title word; none of them an office, a body, a style or a place."""
        doc = self.doc
        if title.i < 3 or doc[title.i - 1].text != "," or not title.text[:1].isupper():
            return []
        j = title.i - 2
        run: list[Token] = []
        while j >= 0 and len(run) < 5 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            run.insert(0, doc[j])
            j -= 1
        if not 2 <= len(run) <= 4 or j < 0 or doc[j].lower_ not in ("and", ",", "with", "by"):
            return []
        bad = TITLE_HEADS | TITLE_MODIFIERS | ORGANISATION_NOUNS | FACILITY_NOUNS | HONORIFICS
        if any(
            t.i in taken
            or not t.is_alpha
            or t.lower_ in bad
            or singular_title(t)
            or is_firm_place(t.text)
            or t.ent_type_ in ("GPE", "LOC", "NORP", "DATE")
            for t in run
        ):
            return []
        return run

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
        for tok in self.tokens:
            if (
                not self.is_story(tok)
                # "his counterpart Lotay Tshering": a counterpart holds the same office
                or (
                    tok.lower_ not in TITLE_HEADS
                    and tok.lower_ != "counterpart"
                    and singular_title(tok) is None  # "Deputy Foreign Ministers A and B"
                )
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
                while run[0].i > head.left_edge.i:
                    prev = doc[run[0].i - 1]
                    if prev.pos_ == "PROPN":
                        run.insert(0, prev)
                    elif (
                        prev.text == "-"
                        and not prev.whitespace_
                        and prev.i - 1 >= head.left_edge.i
                        and doc[prev.i - 1].pos_ == "PROPN"
                        and not doc[prev.i - 1].whitespace_
                    ):
                        run[:0] = [doc[prev.i - 1], prev]  # "Akufo-Addo": one hyphenated name
                    else:
                        break
                if run and run[-1].i == head.i and all(t.i not in taken for t in run):
                    while run and is_style(run[0]):
                        run.pop(0)
                    if run and not any(
                        t.lower_ in TITLE_MODIFIERS or singular_title(t) for t in run
                    ):  # "Deputy Foreign Ministers" is no name
                        out.append((run[0].i, run[-1].i + 1, join_tokens(run), None))
                        taken.update(t.i for t in run)
            run = self._listed_name_before(tok, taken)
            if run:
                # "with Mehmet Kaya, Minister of Trade and Adil Demir, Minister of
                # Transport": a name and its title in a list, whatever the parse
                out.append((run[0].i, run[-1].i + 1, join_tokens(run), None))
                taken.update(t.i for t in run)
                self._named_by_title.add(run[0].i)
            for child in tok.children:
                # "The UN special envoy for Afghanistan, Karin Holmqvist, ..."
                if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > tok.i:
                    run = list(doc[child.left_edge.i : child.i + 1])
                    while len(run) > 2 and is_firm_place(run[0].text):
                        run.pop(0)  # "Ambassador to Bosnia Ramiz Basic": the post's country
                    if (
                        2 <= len(run) <= 6
                        and all(
                            t.pos_ == "PROPN" or t.lower_ in PARTICLES or t.text == "-" for t in run
                        )
                        and not any(t.i in taken for t in run)
                        # "his counterpart, Vice President of ... X": a title, not a name
                        and not any(
                            t.lower_ in TITLE_HEADS or t.lower_ in TITLE_MODIFIERS for t in run
                        )
                        and not any(
                            t.ent_type_ in ("GPE", "LOC", "NORP")
                            # the model calls some names places ("Josefa Vakaloloma")
                            and (is_firm_place(t.text) or t.ent_type_ != "GPE")
                            for t in run
                        )
                        and not is_firm_place(join_tokens(run))
                    ):
                        while run and is_style(run[0]):
                            run.pop(0)
                        if len(run) >= 2:
                            out.append((run[0].i, run[-1].i + 1, join_tokens(run), None))
                            taken.update(t.i for t in run)
                            self._named_by_title.add(run[0].i)
            start = tok.i + 1
            after_phrase = False
            field_end = None
            if start < len(doc) and doc[start].lower_ in ("of", "for", "on"):
                # "Adviser on Commerce Razzak Dawood", "Minister for Foreign Affairs Arjun
                # Thapa", "President of Iceland Gudni Johannesson": the name follows the
                # office's field with no comma
                office = tok.lower_ in OFFICE_HEADS or tok.lower_ == "commissioner"
                field_end = self._office_field_end(start + 1, office)
            if field_end is None and start < len(doc) and doc[start].lower_ in ("to", "in"):
                field_end = self._posting_end(tok, start + 1)
            if field_end is not None:
                start = field_end
            elif start < len(doc) and doc[start].lower_ in ("of", "for", "to", "at"):
                # "Brazil's special envoy for the Middle East, Paulo Rezende Matos, ..."
                comma = comma_after_phrase(tok)
                if comma is not None:
                    start, after_phrase = comma + 1, True
            if not after_phrase and start < len(doc) and doc[start].text == ",":
                start += 1  # "Qatar's emir, Sheikh Tamim"
                if not any(c.dep_ == "appos" for c in tok.children):
                    continue
            while start < len(doc) and is_style(doc[start]):
                start += 1
            end = start
            while (
                end < len(doc)
                and end - start < 6
                and (
                    doc[end].pos_ == "PROPN" or doc[end].lower_ in PARTICLES or doc[end].text == "-"
                )
                and (
                    doc[end].text[:1].isupper()
                    or doc[end].lower_ in PARTICLES
                    or doc[end].text == "-"
                )
                and doc[end].ent_type_ not in ("GPE", "LOC", "NORP", "DATE")
                and doc[end].lower_ not in TITLE_HEADS
                and singular_title(doc[end]) is None
                and not (end == start and doc[end].lower_ in TITLE_MODIFIERS)
            ):
                end += 1
            if end - start < 2 or any(i in taken for i in range(start, end)):
                continue
            if doc[end - 1].text == "-" or doc[end - 1].lower_ in PARTICLES:
                continue
            if after_phrase and (end >= len(doc) or doc[end].text not in (",", ".", ";")):
                continue  # only a name set off by commas, as an appositive is
            tokens = list(doc[start:end])
            out.append((start, end, join_tokens(tokens), gender_from_honorific(doc, start)))
            self._titled_texts.add(join_tokens(tokens).lower())
            taken.update(range(start, end))
        return out

    def _posting_end(self, title: Token, i: int) -> int | None:
        """Where a name may start after a posting ("ambassador in Moscow Imangali X",
        "Ambassador to the Netherlands Ana Rios"): the index after the place, or None."""
        if title.lower_ not in POSTED_TITLE_HEADS:
            return None
        doc = self.doc
        for n in (4, 3, 2, 1):
            end = i + n
            if end < len(doc) and is_firm_place(doc[i:end].text):
                nxt = doc[end]
                if nxt.pos_ == "PROPN" and nxt.is_alpha and nxt.text[:1].isupper():
                    return end
                return None
        return None

    def _office_field_end(self, i: int, office: bool) -> int | None:
        """Where a name may start after an office's field ("Foreign Affairs", "Trade and
        Industry", for an office also a country: "Iceland", "the Kyrgyz Republic"): the
        index after its last field word, or None."""
        doc = self.doc
        the = i < len(doc) and doc[i].lower_ == "the"
        if the:
            i += 1
        last = None
        seg = i  # where the current country name may start ("of Pakistan in Malaysia")
        for j in range(i, min(i + 7, len(doc))):
            tok = doc[j]
            if (
                tok.text[:1].isupper()
                and (
                    tok.lower_ in TITLE_TAILS
                    # "President of the Kyrgyz Republic Sadyr Z.", "President of Iceland
                    # Gudni J." (but "chief executive of Korea Hydro Metals" is a firm's)
                    or (office and tok.lower_ == "republic")
                    or (office and not the and is_country(doc[seg : j + 1].text))
                )
            ):
                last = j
            elif tok.lower_ in ("in", "to") and office and last == j - 1:
                seg = j + 1  # "High Commissioner of Pakistan in Malaysia Amna Baloch"
            elif tok.lower_ == "the" and office and seg == j and j > i:
                seg = j + 1  # "Ambassador of Ireland to the Netherlands Kevin Kelly"
            elif tok.lower_ == "for" and j > i and doc[j - 1].text[:1].isupper() and last is None:
                continue  # "Minister of State for African Affairs Ahmed Kattan"
            elif (
                tok.text == ","
                and last == j - 1
                and j + 1 < len(doc)
                and doc[j + 1].lower_ in TITLE_TAILS
                and doc[j + 1].text[:1].isupper()
            ):
                continue  # "Minister of Industry, Trade and Investment X"
            elif not (tok.text[:1].isupper() and tok.is_alpha) and tok.lower_ != "and":
                break
        if last is None or last + 1 >= len(doc) or doc[last + 1].pos_ != "PROPN":
            return None
        return last + 1

    def person_at(self, token: Token) -> str | None:
        """The person a token names or refers to, if any."""
        return self._token_person.get(token.i)

    def name_tokens(self, person: str, sent: Span) -> list[Token] | None:
        """The tokens of the last proper-name mention of ``person`` in ``sent``."""
        best: list[Token] = []
        run: list[Token] = []
        for tok in self.tokens_of(sent):
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
        # "Qatar's emir, Sheikh Tamim ...", "his Mexican counterpart, Andrés López", whatever
        # the parser made of the comma.
        if head.tag_ != "NNS" and (
            head.lower_ in TITLE_HEADS or head.lemma_.lower() in COUNTERPART_WORDS
        ):
            named = self.names_in_apposition(head)
            return named[0] if named else None
        return None

    def names_in_apposition(self, head: Token) -> list[str]:
        """The names written after a title or "counterpart" and a comma: "her counterpart,
        X", "the speaker of the Armenian parliament, X", "her counterpart from Ecuador,
        X" (whatever the parser made of the phrase), and for a plural all of a list ("his
        peers from Argentina and Brazil, X and Y")."""
        doc = self.doc
        j = head.i + 1
        if j < len(doc) and doc[j].lower_ in ("of", "from", "for", "to", "in", "at"):
            # the name follows the whole phrase
            j = comma_after_phrase(head) or j
        if j >= len(doc) or doc[j].text != ",":
            return []
        out: list[str] = []
        while True:
            j += 1
            # "Mr", "Dr", "His Highness", "HE": styles before the name
            while j < len(doc) and (
                is_style_word(doc[j])
                or doc[j].lower_ in STYLE_NOUNS
                or (
                    doc[j].lower_ in ("his", "her")
                    and j + 1 < len(doc)
                    and doc[j + 1].lower_ in STYLE_NOUNS
                )
            ):
                j += 1
            person = self._token_person.get(j)
            if person is None or doc[j].sent.start != head.sent.start:
                return out
            out.append(person)
            if head.tag_ != "NNS":
                return out
            while j + 1 < len(doc) and self._token_person.get(j + 1) == person:
                j += 1
            # the list goes on after "," or "and"
            if j + 1 < len(doc) and doc[j + 1].lower_ in (",", "and"):
                j += 1
                if doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].lower_ == "and":
                    j += 1
            else:
                return out

    def named_as_place(self, person: str) -> bool:
        """Whether the article also writes this name where places go ("in Adré") and never
        has it say or meet anything: a place the model took for a person."""
        low = person.lower()
        return self._after_place_preposition(low) and not self._acts_as_person(low)

    def is_place(self, token: Token) -> bool:
        """True when the token is part of a place name and not a person's name."""
        if token.i in self._token_person:
            return False
        if token.ent_type_ in PLACE_LABELS:
            return True
        ent = self._ent_by_token.get(token.i)
        name = ent.text if ent is not None else token.text
        if token.ent_type_ == "FAC" and is_city(name):
            return True  # "arrived in La Paz" read as a building
        return token.pos_ == "PROPN" and is_firm_place(name)


def _nationality(word: str) -> bool:
    """ "Azerbaijani", "Turkish": a nationality word that is not a country's name."""
    return (
        country_of_word(word) is not None
        and not is_country(word)
        and word.lower().endswith(("an", "ian", "ean", "ese", "ish", "i"))
    )


def style_as_given_name(tok: Token) -> bool:
    """Whether a ruler's style is here a name: "Minister Amir Muqam", "Datuk Seri Amir
    Hassan", "Amir Ohana, the Speaker of the Knesset", "Sultan Al Jaber, the UAE's Minister
    of Industry" (but "King Abdullah II, the Jordanian monarch" and "King Abdullah,
    President Erdogan and ..." keep the style)."""
    if tok.lower_ not in NAME_LIKE_STYLES or not tok.text[:1].isupper():
        return False
    doc, sent = tok.doc, tok.sent
    if tok.i > sent.start:
        prev = doc[tok.i - 1]
        if (
            prev.text[:1].isupper()
            and prev.lower_ in HONORIFICS | TITLE_HEADS
            and prev.lower_ not in ROYAL_STYLES
        ):
            return True
    j = tok.i + 1
    while j < sent.end and (
        (doc[j].is_alpha and doc[j].text[:1].isupper()) or doc[j].lower_ in PARTICLES
    ):
        j += 1
    if j == tok.i + 1 or j >= sent.end or doc[j].text != ",":
        return False
    for k in range(j + 1, min(j + 10, sent.end)):
        word = doc[k]
        if word.text in (",", ";", ".", "(") or word.lower_ in ("who", "which", "and"):
            return False
        if word.lower_ in TITLE_HEADS and word.lower_ not in ROYAL_STYLES | RULER_WORDS:
            after = doc[k + 1] if k + 1 < sent.end else None
            # an office of its own, not the next name's in a list ("President Erdogan")
            return after is None or not (
                after.is_alpha and after.text[:1].isupper() and after.pos_ == "PROPN"
            )
    return False


def is_style(tok: Token) -> bool:
    """An honorific, rank or style written before a name, and not itself the name."""
    return tok.lower_ in HONORIFICS and not style_as_given_name(tok)


def _hyphen_joins(tok: Token) -> bool:
    """Whether ``tok`` is a hyphen written inside one name ("Kassym-Jomart")."""
    return (
        tok.text == "-"
        and not tok.whitespace_
        and tok.i > 0
        and not tok.nbor(-1).whitespace_
        and tok.nbor(-1).pos_ == "PROPN"
        and tok.nbor(-1).is_alpha
        and tok.nbor(-1).text[:1].isupper()
    )


def _before_patronymic(tok: Token) -> bool:
    """ "Prince Sultan bin Saad": a word right before "bin" is a given name, even one that
    is also a style."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in PATRONYMICS


def _nickname_length(doc: Doc, i: int, end: int) -> int:
    """How many tokens a quoted nickname at ``i`` takes, when a name goes on after it
    ("Bongbong" in Ferdinand "Bongbong" Marcos), or 0."""
    k = i + 1
    while k < end and k - i <= 3 and doc[k].is_alpha and doc[k].text[:1].isupper():
        k += 1
    if k == i + 1 or k + 1 >= end or not doc[k].is_quote:
        return 0
    after = doc[k + 1]
    if not (after.pos_ == "PROPN" and after.is_alpha and after.text[:1].isupper()):
        return 0
    return k + 1 - i


def _quoted_in(run: list[Token]) -> list[Token]:
    """The quote marks inside a name and the nickname between them (none when the marks
    do not pair up inside the name)."""
    marks = [k for k, t in enumerate(run) if t.is_quote]
    if len(marks) != 2 or marks[0] == 0 or marks[1] == len(run) - 1:
        return []
    return run[marks[0] : marks[1] + 1]


def _short_forms(person: Person) -> set[str]:
    """Single words that can stand for a person: the surname, its hyphen pieces, other name words.

    "Sayyid Badr al-Busaidi" -> {"al-busaidi", "busaidi", "sayyid", "badr"};
    "Kim Jong Un" -> {"kim", "jong", "un"} (Korean names lead with the family name).
    """
    parts = person.parts
    forms = {
        w
        for i, w in enumerate(parts)
        if w not in PARTICLES
        # "Mohammed bin Salman": the name after "bin" is the father's, not his
        and not (i - 1 >= 1 and parts[i - 1] in PATRONYMICS)
    } | person.aliases
    surname = person.surname
    if "-" in surname:
        pieces = [p for p in surname.split("-") if p and p not in PARTICLES]
        if pieces:
            forms.add(pieces[-1])
    return forms


def _two_people_joined(text: str, names: list[str]) -> bool:
    """ "Xi-Hasina talks": two people's names joined by a hyphen, each part a word of a
    different name the article gives in full, is no name."""
    parts = text.split("-")
    if len(parts) != 2 or " " in text or not all(p[:1].isupper() for p in parts):
        return False
    owners = [{n for n in names if n != text and p in n.split()} for p in parts]
    return any(a != b for a in owners[0] for b in owners[1])
