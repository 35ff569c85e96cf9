"""Reading stage 4, coreference: what "he", "I", "the Secretary" or "the top U.S.
diplomat" stands for, in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..gazetteer import (
    countries_in_title,
    countries_named,
    country_of_capital,
    country_of_city,
    country_of_word,
    is_country,
)
from ..lexicon import (
    HEAD_OF,
    MEETING_NOUNS,
    PAIR_NOUNS,
    PAIR_PLURALS,
    PRONOUNS_FEMALE,
    PRONOUNS_FIRST,
    PRONOUNS_MALE,
    REGION_WORDS,
    REPORTING_VERBS,
    STYLE_NOUNS,
    TITLE_HEADS,
    TITLE_INITIALS,
    TITLE_SYNONYMS,
    TITLE_TAILS,
    VISITOR_NOUNS,
)
from ..wordings import HOST_VERBS, TRAVEL_VERBS
from .titles import TitleReading
from .words import SUBJECT_DEPS, could_be_title_reference, quoted_tokens, same_origin


@dataclass(frozen=True)
class Mention:
    """A token range that refers to a person."""

    start: int
    end: int
    person: str
    subject: bool
    speaker: bool = False


class CoreferenceReading(TitleReading):
    """Stage 4 (on the titles): pronouns and title references, in reading order."""

    def _read_references(self) -> None:
        """Stage 4: pronouns and title references in reading order, then the titles that
        need them ("his counterpart")."""
        self.mentions: list[Mention] = []
        self._quoted = quoted_tokens(self.tokens)
        self._resolve_references()
        self._counterpart_titles()

    def _resolve_references(self) -> None:
        """One pass in reading order: record name mentions, resolve pronouns and titles."""
        quoted = self._quoted
        self.pairs: dict[int, tuple[str, str]] = {}
        last_pair: tuple[str, str] | None = None
        for sent in self.sentences:
            for tok in self.tokens_of(sent):
                pair = self._named_pair(tok)
                if pair:
                    last_pair = pair
                elif last_pair and self._is_pair_reference(tok):
                    self.pairs[tok.i] = last_pair
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
                styled = tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ in STYLE_NOUNS
                if (low in PRONOUNS_MALE or low in PRONOUNS_FEMALE) and not styled:
                    # ("His Excellency Ana Rios" is a style, not a pronoun)
                    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
                        person = self._resolve_pronoun(tok, sent, tok.i in quoted)
                elif low in PRONOUNS_FIRST and tok.pos_ == "PRON":
                    person = self._first_person(tok, sent, quoted)
                elif low in VISITOR_NOUNS and any(c.lower_ == "visiting" for c in tok.children):
                    person = self._resolve_visitor(tok)
                elif could_be_title_reference(tok):
                    person = self._resolve_title_reference(tok)
                if person:
                    self._token_person[tok.i] = person
                    self._add_mention(tok, person)
            # "his Iranian counterpart X" is read as soon as "his" is known, so that "the
            # Iranian foreign minister" later in the text finds X
            self._counterpart_titles(sent)

    def quote_speaker(self, tok: Token) -> str | None:
        """Whose words these are, when the token stands inside a quote or a transcript turn."""
        if tok.i in self._quoted or self._turns:
            return self._first_person(tok, tok.sent, self._quoted)
        return None

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
            while subject_tok is None and verb.dep_ == "conj" and verb.head is not verb:
                # "Modi welcomed the president and thanked him": the shared subject
                verb = verb.head
                subject_tok = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject_tok is not None:
                own_subject = self.person_of_np(subject_tok)
        # "he called me ...", said by the speaker of a transcript's turn: "he" is someone else
        speaker = self._turn_speaker(tok.idx) if self._turns else None
        before = [
            m
            for m in self.mentions
            if sent.start <= m.start < tok.i and m.person not in (own_subject, speaker)
        ]
        fits = [m for m in before if self._gender_fits(m.person, gender)]
        carrier = self._participle_subject(tok)
        if carrier is not None and carrier != speaker and self._gender_fits(carrier, gender):
            return carrier
        antecedent = next((a.head for a in tok.ancestors if a.dep_ == "relcl"), None)
        if (
            antecedent is not None
            and antecedent.pos_ == "NOUN"
            and antecedent.lower_ in VISITOR_NOUNS | TITLE_HEADS
            and antecedent.i not in self._token_person
            and any(c.lower_ in ("who", "whom", "whose") for c in antecedent.subtree)
        ):
            # "The visiting leader, who is on his first visit": "his" is the leader's, and
            # the text has not said who the leader is
            return None
        guest = self._hosted_guest(tok)
        if guest is not None:
            # the guest, or no one when the guest is someone the text does not name
            return guest if guest and self._gender_fits(guest, gender) else None
        subjects = [m for m in fits if m.subject]
        if subjects:
            return subjects[-1].person
        if tok.dep_ in SUBJECT_DEPS:
            # "The President of Chile, Gabriel Boric, arrived in X, where he will meet Y":
            # the name in apposition to the sentence's subject
            appos = [m for m in fits if self._beside_subject(m)]
            if appos:
                return appos[-1].person
        if (
            tok.dep_ in SUBJECT_DEPS
            and tok.head.dep_ == "relcl"
            and len({m.person for m in fits}) == 1
            and not in_quote
            and self._head_of(fits[-1]).dep_ in ("poss", *SUBJECT_DEPS)
        ):
            # "during Sharif's visit to Riyadh, where he was welcomed by X": the one person
            # the sentence has named before the relative clause, as its owner or subject
            return fits[-1].person
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
                    if p and p != speaker and self._gender_fits(p, gender):
                        return p
            break
        if self._unnamed_title_subject(tok):
            return None  # "The Brazilian President visited Angola, his first visit": his own
        earlier = [
            m
            for m in self.mentions
            if m.start < sent.start and m.person != speaker and self._gender_fits(m.person, gender)
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
        for k, s in enumerate(recent_sents[:3]):
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
                    # is a subject we could not name, not the person in the object; but
                    # "The aircraft carrying the prime minister landed. He ...": the one
                    # person the sentence refers to by title
                    by_title = {m.person for m in in_sent if self.doc[m.start].pos_ != "PROPN"}
                    return by_title.pop() if len(by_title) == 1 else None
                people = {m.person for m in in_sent}
                if len(people) > 1:
                    # "A meeting took place between A and B. He also held talks ...": of
                    # the two, the one the sentences before had as their subject
                    for s_before in recent_sents[k + 1 : 3]:
                        topic = [
                            m
                            for m in earlier
                            if self.doc[m.start].sent.start == s_before
                            and m.subject
                            and m.person in people
                        ]
                        if topic:
                            return topic[-1].person
                return in_sent[-1].person
        return earlier[-1].person

    def _hosted_guest(self, tok: Token) -> str | None:
        """ "X welcomed the Turkish president on his first visit to Egypt": "his" in a
        phrase on a host's verb is the guest's, the one welcomed, not the host's ("" when
        the text does not say who the guest is; None when this is no such phrase)."""
        if tok.dep_ != "poss" or tok.head.dep_ != "pobj" or tok.head.head.dep_ != "prep":
            return None
        verb = tok.head.head.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in HOST_VERBS:
            return None
        guest = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if guest is None or guest.i > tok.i:
            return None
        return self.person_of_np(guest) or self._token_person.get(guest.i) or ""

    def _unnamed_title_subject(self, tok: Token) -> bool:
        """Whether the pronoun's own clause has, before it, a subject written as a title
        ("the Brazilian President") that names nobody the text knows."""
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        return (
            subject is not None
            and subject.i < tok.i
            and subject.i not in self._token_person
            and could_be_title_reference(subject)
        )

    def _head_of(self, m: Mention) -> Token:
        """The last word of a mention's name, which carries its role in the clause."""
        head = self.doc[m.start]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        return head

    def _beside_subject(self, m: Mention) -> bool:
        """Whether a mention is a name in apposition to its clause's subject."""
        head = self._head_of(m)
        return head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS

    def _named_later(
        self, tok: Token, wanted: tuple[str, ...], titles: dict[str, list[str]]
    ) -> str | None:
        """ "Eritrea's longtime president arrived in Ethiopia ... President Isaias Afwerki
        said": a subject named by a country's title before anyone holds it is the one
        person the next sentences name with that title, of that country or of none."""
        if tok.dep_ not in SUBJECT_DEPS:
            return None
        countries = {
            c
            for q in tok.children
            if q.dep_ in ("poss", "amod", "compound") and q.ent_type_ in ("GPE", "NORP")
            if (c := country_of_word(q.text))
        }
        if len(countries) != 1:
            return None
        country = countries.pop()
        sents = list(self.sentences)
        at = next((k for k, sent in enumerate(sents) if sent.start <= tok.i < sent.end), None)
        if at is None:
            return None
        window = range(tok.i + 1, sents[min(at + 3, len(sents) - 1)].end)
        later = {self._token_person[i] for i in window if i in self._token_person}
        office = [
            c.lower_
            for c in tok.children
            if c.dep_ in ("amod", "compound") and c.lower_ in _OFFICE_WORDS
        ]
        office.append(tok.lower_)

        def same_office(title: str) -> bool:
            words = [w for w in title.lower().split() if not country_of_word(w)]
            return words == office  # "President" for "Eritrea's president"; not "minister
            # responsible for foreign affairs" for "Iran's foreign minister"

        fits = [
            p
            for p in later
            if (own := self.country_of_person(p)) in (None, country)
            and any(
                same_office(t) or (own == country and all(w in t.lower() for w in office))
                for t in titles.get(p, [])
            )
        ]
        return fits[0] if len(fits) == 1 else None

    def _participle_subject(self, tok: Token) -> str | None:
        """ "Making his first visit in years, the crown prince was greeted by X", "arrived
        in Y, being his first trip": a pronoun in a participle clause with no subject of
        its own is the person the clause hangs on, the subject of the verb above it."""
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp"):
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        main = verb.head
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i == tok.i:
            return None
        found = self._token_person.get(subject.i) or self.person_of_np(subject)
        if found is None and could_be_title_reference(subject):
            found = self._resolve_title_reference(subject)  # "the crown prince", later on
        return found

    def _unknown_subject(self, sent: Span) -> bool:
        """Whether the sentence's main subject is a noun phrase that names nobody we know."""
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            return False
        if subject.pos_ == "NOUN" and subject.lower_ in MEETING_NOUNS:
            return False  # "a meeting took place between A and B": the two it names
        if any(c.dep_ == "poss" and c.i in self._token_person for c in subject.children):
            return False  # "Wang's visit to Kenya is part of ...": the visitor is the topic
        return subject.i not in self._token_person and not self.person_of_np(subject)

    def _gender_fits(self, person: str, gender: str) -> bool:
        """Unknown gender fits either pronoun."""
        g = self.persons[person].gender if person in self.persons else None
        return g is None or g == gender

    def _named_pair(self, tok: Token) -> tuple[str, str] | None:
        """Two people named together: "Emperor Kenji and Empress Masako"."""
        first = self._token_person.get(tok.i)
        if not first or tok.dep_ == "conj":
            return None
        others = [
            self._token_person.get(c.i)
            for c in tok.children
            if c.dep_ == "conj" and self._token_person.get(c.i) not in (None, first)
        ]
        return (first, str(others[0])) if len(others) == 1 else None

    def _is_pair_reference(self, tok: Token) -> bool:
        """ "the couple", "the imperial couple", "the two leaders", "both ministers"."""
        low = tok.lower_
        if low not in PAIR_NOUNS and low not in PAIR_PLURALS:
            return False
        mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod", "predet")}
        if low in PAIR_NOUNS:
            return "the" in mods
        return bool(mods & {"two", "both"})

    def _effective_titles(self, person: str) -> list[str]:
        """A person's titles, with a counterpart's read as the office it mirrors: "Bilawal
        Bhutto Zardari's Iranian counterpart" is also an "Iranian Foreign Minister"."""
        out = list(self.persons[person].titles)
        for title in self.persons[person].titles:
            owner, sep, rest = title.partition("'s ")
            if not sep or not rest.lower().endswith("counterpart") or owner not in self.persons:
                continue
            qualifier = rest[: -len("counterpart")].strip()
            for office in self.persons[owner].titles:
                if "counterpart" not in office.lower():
                    out.append(f"{qualifier} {office}".strip())
        return out

    def _resolve_visitor(self, tok: Token) -> str | None:
        """ "called on the visiting dignitary": the person last written as the one who
        travels (the subject of "arrived", "visited") or is received ("welcomed X")."""
        for m in reversed(self.mentions):
            head = self.doc[m.start]
            while head.dep_ in ("compound", "flat") and head.head.i in self._token_person:
                head = head.head
            verb = head.head
            lemma = verb.lemma_.lower()
            if (head.dep_ == "nsubj" and lemma in TRAVEL_VERBS) or (
                head.dep_ in ("dobj", "nsubjpass") and lemma in HOST_VERBS
            ):
                return m.person
            if (
                head.dep_ == "pobj"
                and verb.lower_ == "from"
                and verb.head.lemma_.lower() in MEETING_NOUNS
                and verb.head.head.lemma_.lower() in HOST_VERBS
            ):
                return m.person  # "received a courtesy call from X": X came to call
        return None

    def _went_to(self, person: str, origins: list[str]) -> bool:
        """Whether the text so far has the person travel to the country of an origin word
        ("Lourenço left for Brasília": not "the Brazilian President")."""
        wanted = {c for o in origins if (c := country_of_word(o))}
        for m in self.mentions:
            tok = self._head_of(m)
            verb = tok.head
            if m.person != person or tok.dep_ != "nsubj" or verb.lemma_ not in TRAVEL_VERBS:
                continue
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in TRAVEL_VERBS[verb.lemma_]:
                    for place in prep.children:
                        text = self.doc[place.left_edge.i : place.i + 1].text
                        country = (
                            country_of_word(text)
                            or country_of_capital(text)
                            or country_of_city(text)
                        )
                        if country in wanted:
                            return True
        return False

    def _resolve_title_reference(self, tok: Token) -> str | None:
        """ "the Secretary", "the top U.S. diplomat": the person holding that title."""
        wanted = TITLE_SYNONYMS.get(tok.lower_, (tok.lower_,))
        if tok.lower_ in TITLE_INITIALS:
            wanted = (*wanted, TITLE_INITIALS[tok.lower_].lower())  # "the EAM"
        head_of = [o.lower_ for p in tok.children if p.lower_ == "of" for o in p.children]
        if tok.lower_ == "head" and head_of and head_of[0] in HEAD_OF:
            wanted = HEAD_OF[head_of[0]]  # "the head of state": the president or the king
        seen = {m.person for m in self.mentions}  # only people already met in the text
        titles = {p.name: self._effective_titles(p.name) for p in self.persons.values()}
        own = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        holders = [
            p.name
            for p in self.persons.values()
            if p.name in seen and any(_holds(t, w, own) for t in titles[p.name] for w in wanted)
        ]
        if tok.lower_ != "head" and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
        ):
            # "the Brazilian President" is not the president of the Chamber of Deputies:
            # a title whose "of" names a body other than a country is another office
            holders = [
                h
                for h in holders
                if any(w in t.lower() and not _of_a_body(t, w) for t in titles[h] for w in wanted)
            ]
        # "the Portuguese leader", "the Saudi official": only a holder whose title says so
        origins = [
            c.lower_
            for c in tok.children
            if c.dep_ in ("amod", "compound", "nmod", "poss")
            and c.text[:1].isupper()
            and c.ent_type_ in ("NORP", "GPE")
        ]
        # "the Sri Lankan PM", "the New Zealand minister": a country of several words
        before = [t.text for t in self.doc[tok.left_edge.i : tok.i] if t.text[:1].isupper()]
        origins += [text.lower() for text, _ in countries_named(before) if " " in text]
        # "the head of state of Qatar", "the president of Croatia": the country after "of"
        # (then only a holder from there will do)
        of_countries = [
            o.lower_
            for o in tok.subtree
            if o.i > tok.i
            and o.dep_ == "pobj"
            and o.head.lower_ == "of"
            and o.ent_type_ == "GPE"
            and country_of_word(o.text)
        ]
        if of_countries:
            holders = [
                h
                for h in holders
                if any(same_origin(o, t) for t in titles[h] for o in of_countries)
            ]
        if origins:
            named = [
                h for h in holders if any(same_origin(o, t) for t in titles[h] for o in origins)
            ]
            # "the Brazilian President" is not the one the story sent to Brazil
            holders = [h for h in holders if not self._went_to(h, origins)]
            # nobody's title says they are from there: only holders whose titles name no
            # country at all remain ("the European envoy" is not the "US envoy")
            if named or not any(o in REGION_WORDS for o in origins):
                holders = named or holders
            else:
                holders = [
                    h
                    for h in holders
                    if not any(
                        country_of_word(w) for t in titles[h] for w in re.findall(r"[A-Z][\w.]*", t)
                    )
                ]
        # "the foreign minister": prefer holders whose title has the reference's own words
        words = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
        # "the Japanese prime minister" is never the Japanese foreign minister: words that
        # name the office must be in the holder's title
        office = [w for w in words if w in _OFFICE_WORDS]
        if office:
            titles_of = {n: [t.lower() for t in ts] for n, ts in titles.items()}
            holders = [h for h in holders if any(all(w in t for w in office) for t in titles_of[h])]
        if words and len(holders) > 1:
            titles_of = {n: [t.lower() for t in ts] for n, ts in titles.items()}
            closer = [h for h in holders if any(all(w in t for w in words) for t in titles_of[h])]
            holders = closer or holders
        if holders and tok.dep_ in ("dobj", "pobj"):
            # "Ferreira welcomed the minister": the object is not the clause's own subject
            # (not even when the subject is the only holder of the word: "President Nabil
            # welcomed the Turkish president" names someone else)
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            doer = self.person_at(subject) if subject is not None else None
            others = [h for h in holders if h != doer]
            holders = others if others or verb.lemma_.lower() in HOST_VERBS else holders
        if not holders:
            return self._named_later(tok, wanted, titles)
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


_OFFICE_WORDS = TITLE_TAILS | frozenset("prime foreign deputy vice home interior".split())
"""Words before a title word that tell one office from another ("prime", "foreign")."""


_OTHER_OFFICE = frozenset("prime vice deputy".split())
"""Words that make another office of the title word after them: a prime minister is not
"the minister", a vice president not "the president"."""


def _holds(title: str, word: str, own: set[str]) -> bool:
    """Whether ``title`` is an office that "the <word>" can name: "Minister of State" for
    "the minister", but not "Deputy Prime Minister" nor "Minister-President" (unless the
    reference says "prime" or "deputy" itself)."""
    low = title.lower()
    if word not in low:
        return False
    if " " in word:
        return True  # "prime minister", "foreign secretary": the phrase itself
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w])", low):
        before = low[: m.start()].split()
        if before and before[-1] in _OTHER_OFFICE and before[-1] not in own:
            continue
        if low[m.end() : m.end() + 1] == "-" and not low[m.end() :].startswith("-elect"):
            continue  # "Minister-President of Flanders"
        return True
    return False


def _of_a_body(title: str, word: str) -> bool:
    """Whether ``word`` in ``title`` is followed by "of" and a body that is not a country:
    "president of the Chamber of Deputies" (but not "President of Brazil")."""
    low = title.lower()
    at = low.find(word)
    rest = low[at + len(word) :].strip()
    if not rest.startswith("of "):
        return False
    body = rest[3:].strip()
    # "of the Chamber of Deputies", "of the Federal Senate": a body; "of Valparaíso", "of
    # the Netherlands": the place the office is for
    return body.startswith("the ") and not (
        is_country(body) or body.startswith("the republic") or countries_in_title(title)
    )
