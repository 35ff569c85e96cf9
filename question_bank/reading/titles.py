"""Reading stage 3, titles: who holds which title, from the words before a name, an
appositive, "X is the ...", an appointment, and a counterpart relative to its possessor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..forms import held_before
from ..gazetteer import (
    countries_in_title,
    country_of_capital,
    country_of_city,
    country_of_word,
    is_city,
    is_country,
    is_firm_place,
)
from ..lexicon import (
    BARE_MODIFIERS,
    COURTESY_STYLES,
    FACILITY_NOUNS,
    HONORIFICS,
    MONTHS,
    ORGANISATION_NOUNS,
    POSTED_TITLE_HEADS,
    RANKS,
    RESIDENT_TITLE_WORDS,
    ROYAL_STYLES,
    STYLE_NOUNS,
    TITLE_FILLERS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_TAILS,
    VAGUE_TITLES,
    WEAK_TITLE_HEADS,
    WEEKDAYS,
)
from ..wordings import APPOINTMENT_VERBS, COPULAS, HEADING_TITLES, SERVING_VERBS
from .people import PeopleReading, style_as_given_name
from .words import (
    clean_title,
    ends_of_phrase,
    field_comma,
    is_past_title,
    is_style_word,
    is_title_word,
    np_without_clauses,
    prep_objects_of,
    same_origin,
    singular_title,
)

# "the world's biggest oil exporter": a ranking among all countries describes, it names no
# office
_WORLDS = re.compile(r"\bworld['’]s\b", re.IGNORECASE)


@dataclass(frozen=True)
class TitleMention:
    """A title written next to a person's name, with its token range."""

    person: str
    title: str
    start: int
    end: int
    name_start: int


class TitleReading(PeopleReading):
    """Stage 3 (on the people): titles written next to names."""

    def _read_titles(self) -> None:
        """Stage 3: titles written next to names."""
        self.titles: list[TitleMention] = []
        self.past_titles: list[TitleMention] = []
        """Offices written as held before ("former Prime Minister X"): role facts, but never
        the person's title for coreference, countries or ranks."""
        self._collect_titles()

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
                also = self._coordinated_title(mention)
                if also:
                    self.titles.append(also)
        # a title written right before a name is that name's, not also an appositive of
        # the name before it ("Minister of Transport A, Minister of Trade B")
        before = {m.start: m for m in self.titles}
        for tok in self.tokens:
            if not self.is_story(tok):
                continue
            mention = self._title_in_apposition(tok) or self._title_by_copula(tok)
            other = before.get(mention.start) if mention else None
            if mention and (
                other is None or other.person == mention.person or mention.end > other.name_start
            ):
                self.titles.append(mention)
        # "Prince Khalid, Advisor to the King,": a courtesy style before a name leaves
        # room for the office after it
        covered = {
            m.name_start
            for m in self.titles
            if m.title.lower() not in COURTESY_STYLES
            # "Chief of Staff, Lieutenant General X": a rank, and the office before it
            and not all(w in RANKS for w in m.title.lower().split())
        }
        for start, person in sorted(self._name_starts().items()):
            if start in covered:
                continue
            mention = (
                self._title_as_after(start, person)
                or self._title_comma_before(start, person)
                or self._title_comma_after(start, person)
            )
            if mention:
                self.titles.append(mention)
        covered = {m.name_start for m in self.titles}
        for tok in self.tokens:
            if self.is_story(tok):
                mention = self._title_by_heading(tok) or self._title_by_appointment(tok)
                if mention:
                    self.titles.append(mention)
                elif singular_title(tok):
                    self.titles.extend(
                        m for m in self._shared_plural_title(tok) if m.name_start not in covered
                    )
        self._apply_list_pairs()
        self.titles = [
            m
            for m in self.titles
            if self._clean_title_span(m)
            and m.title.lower() not in BARE_MODIFIERS
            # "Kenya's leader Uhuru Kenyatta": "leader" alone names no office to learn
            and m.title.lower() not in VAGUE_TITLES
            # "the leader of the world's number-two economy": a description, no office
            and not _WORLDS.search(m.title)
            and not self._held_before(m)
            and not self._belongs_to_next(m)
        ]
        # "Minister of Foreign Affairs Prince Faisal ... Prince Faisal said": a prince's
        # style is his title only when he holds no office
        office = {m.person for m in self.titles if m.title.lower() not in COURTESY_STYLES}
        self.titles = [
            m
            for m in self.titles
            if m.title.lower() not in COURTESY_STYLES or m.person not in office
        ]
        for m in self.titles:
            titles = self.persons[m.person].titles
            if m.title not in titles:
                titles.append(m.title)
        for m in self.titles:
            if m.end == m.name_start:
                self._country_after_name(m)

    def _country_after_name(self, m: TitleMention) -> None:
        """ "President Cyril Ramaphosa of South Africa": a titled name followed by "of"
        and a country ties the person to it."""
        doc = self.doc
        k = m.name_start
        while k < len(doc) and self._token_person.get(k) == m.person:
            k += 1
        if k + 1 >= len(doc) or doc[k].lower_ != "of":
            return
        for n in (4, 3, 2, 1):
            words = doc[k + 1 : k + 1 + n]
            text = words.text
            if len(words) == n and is_country(text):
                self.persons[m.person].origins.add(text.removeprefix("the "))
                return

    def _apply_list_pairs(self) -> None:
        """In a list that alternates names and titles, each title is its neighbour's on
        the side the list starts with: "by Dr A, State Council Chairman, Dr B, Vice
        Chairman" (names first) or "the Chief of Staff, Prof. A, the Minister of the
        Capital, B" (titles first). Readings that gave a title to the other neighbour
        are dropped, and missing pairs added."""
        pairs: dict[tuple[int, int], str] = {}
        # each list of names and titles: where it runs, and the people it names in order
        self.title_lists: list[tuple[int, int, list[str]]] = []
        for sent in self.sentences:
            pairs.update(self._list_pairs(sent))
        self._list_paired = {(a, person) for (a, _), person in pairs.items()}
        if not pairs:
            return
        kept: list[TitleMention] = []
        for m in self.titles:
            owner = next((p for (a, b), p in pairs.items() if a <= m.start < b), None)
            if owner is None or owner == m.person:
                kept.append(m)
        have = {(m.person, m.start) for m in kept}
        for (a, b), person in pairs.items():
            if any(p == person and a <= start < b for p, start in have):
                continue
            span = self.doc[a:b]
            text = self._render_title(span)
            if text and not is_past_title(text):
                name_start = min(i for i, p in self._token_person.items() if p == person)
                kept.append(TitleMention(person, text, a, b, name_start))
        self.titles = kept

    def listed_with(self, tok: Token) -> list[str]:
        """The people of the name-and-title list that ``tok`` stands in ("met with the
        President, A, Speaker of Parliament, B, and the Foreign Minister, C"), or none."""
        for start, end, people in self.title_lists:
            if start <= tok.i < end:
                return people
        return []

    def _list_pairs(self, sent: Span) -> dict[tuple[int, int], str]:
        """Title spans of one sentence's alternating name/title list, and whose each is."""
        doc = self.doc
        chunks: list[tuple[int, int]] = []
        start = sent.start
        for tok in self.tokens_of(sent):
            if tok.text in (",", ";") or (tok.lower_ == "and" and tok.i > start):
                if start < tok.i:
                    chunks.append((start, tok.i))
                start = tok.i + 1
        if start < sent.end:
            chunks.append((start, sent.end))
        kinds: list[tuple[str, int, int, str | None]] = []
        for a, b in chunks:
            words = [t for t in doc[a:b] if not t.is_punct]
            while words and (words[0].lower_ in ("the", "and") or words[0].lower_ in HONORIFICS):
                words.pop(0)
            people = {self._token_person.get(t.i) for t in words}
            if words and len(people) == 1 and None not in people:
                kinds.append(("N", a, b, next(iter(people))))
            elif (
                words
                and people == {None}
                and any(is_title_word(t) for t in words)
                and all(t.text[:1].isupper() or t.lower_ in TITLE_FILLERS for t in words)
                and len(words) <= 10
            ):
                first = words[0].i
                kinds.append(("T", first, words[-1].i + 1, None))
            else:
                kinds.append(self._list_lead(a, b))
        out: dict[tuple[int, int], str] = {}
        i = 0
        while i < len(kinds):
            j = i
            while (
                j + 1 < len(kinds)
                and {kinds[j][0][:1], kinds[j + 1][0]} == {"N", "T"}
                and (j == i or not kinds[j][0].endswith("*"))
            ):
                j += 1
            run = [(k[0][:1], *k[1:]) for k in kinds[i : j + 1]]
            # "A, Adviser to X, Governor of Y, and B, Ambassador": a title right after
            # another is the first name's second office, so no list of titles first
            after_title = i > 0 and kinds[i - 1][0][:1] == "T"
            if len(run) >= 4 or (len(run) == 3 and run[0][0] == "T" and not after_title):
                step = 1 if run[0][0] == "N" else 0  # names first: a title follows its name
                for k in range(0, len(run) - 1, 2):
                    name, title = (run[k], run[k + 1]) if step else (run[k + 1], run[k])
                    if name[0] == "N" and title[0] == "T" and name[3]:
                        out[(title[1], title[2])] = name[3]
                members = [r[3] for r in run if r[0] == "N" and r[3]]
                self.title_lists.append((run[0][1], run[-1][2], list(dict.fromkeys(members))))
            i = j + 1
        return out

    def _list_lead(self, a: int, b: int) -> tuple[str, int, int, str | None]:
        """A chunk that leads into a list ("seen off by Dr A", "those present were the
        Chief of Staff"): the name or title it ends with (kind "N*" or "T*"), else "X"."""
        doc = self.doc
        end = b
        while end > a and doc[end - 1].is_punct:
            end -= 1
        last = self._token_person.get(end - 1) if end > a else None
        if last:
            k = end - 1
            while k > a and self._token_person.get(k - 1) == last:
                k -= 1
            j = k - 1
            while j >= a and doc[j].lower_ in HONORIFICS:
                j -= 1
            if j >= a and (is_title_word(doc[j]) or doc[j].lower_ in TITLE_TAILS):
                # "National Security Adviser Nuhu Ribadu, the Minister of Information, X":
                # a name with its title already; the titles that follow go with the names
                # after them
                return ("X", a, b, None)
            return ("N*", k, end, last)
        k = end
        while k > a and (
            doc[k - 1].text[:1].isupper()
            or doc[k - 1].lower_ in TITLE_FILLERS - {"the"}
            # "the President of the Republic of Estonia"
            or (doc[k - 1].lower_ == "the" and k - 2 >= a and doc[k - 2].lower_ == "of")
        ):
            k -= 1
        tail = doc[k:end]
        if len(tail) and any(is_title_word(t) for t in tail) and tail[0].text[:1].isupper():
            return ("T*", k, end, None)
        return ("X", a, b, None)

    def _counterpart_titles(self, sent: Span | None = None) -> None:
        """ "his French counterpart, Emmanuel Macron": a title relative to the possessor,
        once pronouns are resolved ("Alberto Fernández's French counterpart"); in one
        sentence when ``sent`` is given."""
        doc = self.doc
        covered = {m.name_start for m in self.titles}
        for start, person in sorted(self._name_starts(sent).items()):
            if start in covered or not self.is_story(doc[start]):
                continue
            i = start - 1
            while i >= 0 and (doc[i].lower_ in HONORIFICS or doc[i].text == ","):
                i -= 1
            if i < 0 or doc[i].lower_ != "counterpart":
                continue
            end = i + 1
            while i - 1 >= 0 and (
                (doc[i - 1].pos_ in ("ADJ", "PROPN") and doc[i - 1].i not in self._token_person)
                # "his Bissau-Guinean counterpart": a nationality joined by a hyphen
                or (doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and i - 2 >= 0)
            ):
                i -= 1  # "his Russian counterpart", "his new Japanese counterpart"
            owner_tok = doc[i - 1] if i >= 1 else None
            if owner_tok is not None and owner_tok.tag_ == "POS" and i >= 2:
                owner_tok = doc[i - 2]
            owner = self._token_person.get(owner_tok.i) if owner_tok is not None else None
            noun = doc[end - 1]
            if (
                owner_tok is not None
                and owner_tok.lower_ in ("his", "her")
                and noun.dep_ == "conj"
                and (joined := self._token_person.get(noun.head.i))
            ):
                # "host Russian President Vladimir Putin and his Ukrainian counterpart X":
                # the counterpart of the one the phrase is joined to
                owner = joined
            first = owner_tok.i if owner and owner_tok is not None else i
            if not owner:
                # "Albanese will meet Spanish counterpart Pedro Sánchez": the counterpart
                # of the clause's subject
                owner = self._clause_subject(doc[end - 1])
            if not owner or owner == person:
                continue
            title = f"{owner}'s {clean_title(doc[i:end].text)}"
            mention = TitleMention(person, title, first, end, start)
            self.titles.append(mention)
            if title not in self.persons[person].titles:
                self.persons[person].titles.append(title)

    def _clause_subject(self, tok: Token) -> str | None:
        """The person who is the subject of the verb above a word, if any."""
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        return self._token_person.get(subject.i) or self.person_of_np(subject)

    def country_of_person(self, person: str) -> str | None:
        """The one country a person's titles name ("UAE President", "Boric's Mexican
        counterpart", "President of Iceland"), or None. Titles that serve abroad
        ("ambassador to Spain") or are past say nothing of it."""
        known = self.persons.get(person)
        if known is None:
            return None
        found: set[str] = {c for o in known.origins if (c := country_of_word(o))}
        doc = self.doc
        for m in self.titles:
            # "Oman's Sultan Haitham": the country that owns the title
            if m.person == person and m.start >= 2 and doc[m.start - 1].tag_ == "POS":
                country = country_of_word(doc[m.start - 2].text)
                if country:
                    found.add(country)
        for title in known.titles:
            found |= countries_in_title(title)
        return found.pop() if len(found) == 1 else None

    def is_home(self, person: str, place: str, cities: bool = False) -> bool:
        """Whether the place is the person's own country or its capital, as their titles
        say ("Japan's Foreign Minister" going to Japan or Tokyo is going home)."""
        if person not in self.persons:
            return False
        # with ``cities``, any city of the country: "the Saudi crown prince met X in
        # Jeddah" is a host at home (a minister touring their own country's towns does
        # visit them, so this is asked only of meetings)
        country = _country_of(place, cities)
        if country is None:
            return False  # a town or a region: its country is not known here
        known = self.persons[person]
        return any(same_origin(country, t) for t in [*known.titles, *known.origins])

    def is_abroad(self, person: str, place: str) -> bool:
        """Whether the place lies in a country the article knows, and the person's titles
        tie them to another one ("German Chancellor Olaf Scholz" met in Paris)."""
        country = _country_of(place, cities=True)
        own = self.country_of_person(person)
        if country is None or own is None or same_origin(country, own):
            return False
        titles = self.persons[person].titles
        return not any(w in RESIDENT_TITLE_WORDS for t in titles for w in t.lower().split())

    def _belongs_to_next(self, mention: TitleMention) -> bool:
        """ "X, the Minister for Foreign Affairs, Y, and ...": in a list of titled names a
        title after one name and a comma, then another name, is the next name's."""
        if mention.start <= mention.name_start:
            return False
        if (mention.start, mention.person) in self._list_paired:
            return False  # the list's own order said whose it is
        doc = self.doc
        if mention.start > 0 and doc[mention.start - 1].lower_ == "as":
            return False  # "X as High Commissioner to India, Y as ...": X's
        i = mention.end
        if i >= len(doc) or doc[i].text not in (",", ";"):
            return False
        i += 1
        while i < len(doc) and is_style_word(doc[i]):
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

    def _name_starts(self, sent: Span | None = None) -> dict[int, str]:
        """First token of every name mention (in ``sent`` only, when given), with its person."""
        tp = self._token_person
        tokens = tp.keys() if sent is None else (i for i in range(sent.start, sent.end) if i in tp)
        return {i: tp[i] for i in tokens if i - 1 not in tp or tp[i - 1] != tp[i]}

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
                and (is_title_word(doc[i - 1]) or doc[i - 1].text == "-")
            ):
                break
            i -= 1
        royal = self._royal_title(i + 1, name_start, person)
        if (
            i - 2 >= sent_start
            and doc[i].text == ")"
            and doc[i - 2].text == "("
            and doc[i - 1].is_upper
        ):
            i -= 3  # "Chief of Army Staff (COAS) General X": the alias in brackets
        if i < sent_start:
            return royal
        elect = (
            doc[i].lower_ in ("elect", "designate")
            and i - 2 >= sent_start
            and doc[i - 1].text == "-"
            and is_title_word(doc[i - 2])
        )  # "President-elect Mauricio Macri"
        if (
            not (is_title_word(doc[i]) or doc[i].lower_ in RANKS)
            and not ends_of_phrase(doc, i)
            and not elect
        ):
            return royal
        end = i + 1
        if royal is not None and doc[i].lower_ in TITLE_MODIFIERS:
            end = royal.end  # "Saudi Deputy Crown Prince X": the style is the title's head
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
            if (
                tok.i == sent_start
                and tok.is_upper
                and len(tok.text) >= 5
                and re.search(rf"\b{re.escape(tok.text.capitalize())}\b", self.read_text)
            ):
                break  # "KAZINFORM President X": an agency's dateline, "Kazinform" elsewhere
            ok = (
                is_title_word(tok)
                or (elect and tok.i == end - 1)
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
                or (
                    tok.lower_ in ("of", "on", "for")
                    and i > sent_start
                    and is_title_word(doc[i - 1])
                )
                # "Director General of the Office of the Minister of Foreign Affairs X":
                # an "of" chain that goes back to a title word
                or (
                    tok.lower_ in ("of", "the", "at", "for")
                    and self._chain_to_title(i - 1, sent_start)
                )
                # "Minister of Trade and Industry X": fields joined inside the "of" phrase
                # ("Minister of Industry, Trade and Investment X": listed with commas)
                or (
                    (tok.lower_ == "and" or field_comma(doc, i))
                    and i + 1 < end
                    and _field_after_and(doc, i)
                    and doc[i - 1].text[:1].isupper()
                    and self._chain_to_title(i - 1, sent_start)
                )
                # "Ambassador to Qatar Sultan bin Saad"
                # "Kazakhstan's ambassador in Moscow X": the posting of a lower-case title
                or (
                    tok.lower_ in ("to", "in")
                    and i > sent_start
                    and doc[i - 1].lower_ in POSTED_TITLE_HEADS
                    and i + 1 < end
                    and doc[i + 1].text[:1].isupper()
                )
                or (
                    tok.lower_ == "to"
                    and i > sent_start
                    and doc[i - 1].text[:1].isupper()
                    # "Consul General to Juba Christopher Datta"
                    and any(
                        doc[k].lower_ in POSTED_TITLE_HEADS
                        for k in range(max(sent_start, i - 2), i)
                    )
                )
                # "High Commissioner of Pakistan in Malaysia Amna Baloch"
                or (
                    tok.lower_ in ("in", "to")
                    and i - 3 >= sent_start
                    and doc[i - 1].text[:1].isupper()
                    and any(doc[k].lower_ == "of" for k in range(i - 3, i - 1))
                )
                # "President of the Kyrgyz Republic Sadyr Zhaparov", "Ambassador of Ireland
                # to the Netherlands Kevin Kelly"
                or (
                    tok.lower_ == "the"
                    and i - 1 > sent_start
                    and (
                        (doc[i - 1].lower_ == "of" and is_title_word(doc[i - 2]))
                        or (
                            doc[i - 1].lower_ in ("to", "in")
                            and self._chain_to_title(i - 2, sent_start)
                        )
                    )
                )
                or (
                    tok.text == "-"
                    and i > sent_start
                    and doc[i - 1].is_alpha
                    and tok.whitespace_ == ""
                )
                # "vice-president": the word glued before the hyphen ("then-" is read
                # as the time the title was held, not as part of it)
                or (
                    tok.is_alpha
                    and tok.lower_ != "then"
                    and tok.whitespace_ == ""
                    and i + 1 < end
                    and doc[i + 1].text == "-"
                    and doc[i + 1].whitespace_ == ""
                )
                or (tok.text == "." and tok.ent_type_ == "GPE")
                # "chief of staff Andriy Melnyk": the lower-case end of a title's "of" phrase
                or (
                    tok.is_lower
                    and tok.pos_ == "NOUN"
                    and tok.dep_ == "pobj"
                    and tok.head.lower_ == "of"
                    and is_title_word(tok.head.head)
                    and tok.head.head.is_lower
                )
                # "President of the Republic of Korea (ROK) Lee": an abbreviation in brackets
                or (tok.text in ("(", ")") and i > sent_start)
                or (tok.is_upper and tok.is_alpha and i + 1 < end and doc[i + 1].text == ")")
                # "Deputy regional secretary": a lower-case adjective inside the title,
                # kept only if the title goes on to its left (trimmed below otherwise)
                or (tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.is_lower and tok.is_alpha)
            )
            if not ok or (tok.pos_ in ("VERB", "AUX") and not is_title_word(tok)):
                break
            if tok.lower_ in WEEKDAYS or tok.lower_ in MONTHS:  # "received on Monday Turkish ..."
                break
            # "received at Cairo International Airport Turkish President X": a building's
            # name is no part of the title
            if tok.ent_type_ == "FAC" or tok.lower_ in FACILITY_NOUNS:
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
        if not any(is_title_word(t) for t in words):
            return None
        # "Special Envoy of President Ana Rios": the name is the inner title's holder; the
        # envoy is someone else
        for k in range(end - 2, start, -1):
            if (
                doc[k].lower_ in ("of", "to")
                and is_title_word(doc[k + 1])
                and all(is_title_word(t) or t.lower_ in TITLE_MODIFIERS for t in doc[k + 1 : end])
            ):
                start = k + 1
                break
        # Drop a leading "of" or hyphen left by the walk.
        while start < end and (doc[start].lower_ in ("of", "and") or doc[start].text == "-"):
            start += 1
        if start >= end:
            return None
        title = clean_title(doc[start:end].text)
        if not title or title.lower() in WEAK_TITLE_HEADS or title.lower() in ("counterpart",):
            return None
        if is_past_title(title):
            if (
                held_before(title)
                and not possessor
                and title.split()[-1].lower() not in TITLE_FILLERS  # "former archbishop of"
                and not is_firm_place(person)
                and not is_city(person)
            ):
                self.past_titles.append(TitleMention(person, title, start, end, name_start))
            return None
        if possessor:
            title = f"{possessor}'s {title}"
        return TitleMention(person, title, start, end, name_start)

    def _chain_to_title(self, i: int, sent_start: int) -> bool:
        """Whether the words before ``i`` are capitalised nouns, "of" and "the" running
        back to a capitalised title word ("Director General of the Office")."""
        doc = self.doc
        for k in range(i, max(sent_start, i - 8) - 1, -1):
            tok = doc[k]
            if k in self._token_person:
                return False
            if is_title_word(tok) and tok.text[:1].isupper():
                return True
            if not (
                tok.lower_ in ("of", "the", "at", "for")
                or (tok.text[:1].isupper() and tok.is_alpha)
                # "of Industry, Trade and Investment": fields listed with commas
                or field_comma(doc, k)
            ):
                return False
        return False

    def _shared_plural_title(self, head: Token) -> list[TitleMention]:
        """ "Deputy Foreign Ministers Alexandra Papas and Kostas Frangos", "the two Foreign
        Ministers, George Gerakis of Greece and Hakan Fidel of Turkey": each name listed
        after a plural title holds it."""
        doc = self.doc
        singular = singular_title(head)
        if singular is None:
            return []
        start = head.i
        while (
            start - 1 >= head.sent.start
            and doc[start - 1].text[:1].isupper()
            and (is_title_word(doc[start - 1]) or doc[start - 1].lower_ in TITLE_MODIFIERS)
        ):
            start -= 1
        title = clean_title(" ".join([*(t.text for t in doc[start : head.i]), singular]))
        k = head.i + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        out: list[TitleMention] = []
        end = head.sent.end
        while k < end and len(out) < 6:
            while k < end and doc[k].lower_ in HONORIFICS:
                k += 1
            person = self._token_person.get(k)
            if person is None:
                break
            out.append(TitleMention(person, title, start, head.i + 1, k))
            while k < end and self._token_person.get(k) == person:
                k += 1
            if k + 1 < end and doc[k].lower_ == "of" and doc[k + 1].ent_type_ == "GPE":
                k += 2  # "George Gerakis of Greece"
                while k < end and doc[k].ent_iob_ == "I":
                    k += 1
            if k < end and doc[k].text == ",":
                k += 1
            if k < end and doc[k].lower_ == "and":
                k += 1
            elif out and k < end and doc[k - 1].text != ",":
                break
        return out if len(out) >= 2 else []

    def _coordinated_title(self, mention: TitleMention) -> TitleMention | None:
        """ "Crown Prince and Prime Minister Salman": the first of two titles joined
        before one name is the name's too."""
        doc = self.doc
        j = mention.start - 1
        if (
            j < 1
            or doc[j].lower_ != "and"
            or not (is_title_word(doc[j - 1]) or doc[j - 1].lower_ in ROYAL_STYLES)
        ):
            return None
        end = j
        start = j - 1
        while (
            start - 1 >= doc[j].sent.start
            and end - start < 4
            and doc[start - 1].text[:1].isupper()
            and (
                is_title_word(doc[start - 1])
                or doc[start - 1].lower_ in ROYAL_STYLES | TITLE_MODIFIERS
                # "State Councilor and Minister ...": a capitalised word of the title
                or (
                    doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ")
                    and doc[start - 1].is_alpha
                    and doc[start - 1].dep_ in ("compound", "amod")
                    and doc[start - 1].head.i < j
                    and doc[start - 1].i not in self._token_person
                )
            )
        ):
            start -= 1
        if any(i in self._token_person for i in range(start, end)):
            return None
        if start > 0 and doc[start - 1].lower_ in ("the", "a", "an"):
            return None  # "the Amir and Prince Faisal": two people
        if not all(doc[i].text[:1].isupper() for i in range(start, end)):
            return None
        title = clean_title(doc[start:end].text)
        if not title or title.lower() in BARE_MODIFIERS:
            return None
        owner = start - 2
        if (
            owner >= 0
            and (doc[start - 1].tag_ == "POS" or doc[start - 1].text in ("'s", "’s"))
            and doc[owner].ent_type_ in ("GPE", "NORP")
            and country_of_word(doc[owner].text)
        ):
            # "Pakistan's Deputy Prime Minister and Foreign Minister X": both offices are
            # the country's
            self.persons[mention.person].origins.add(doc[owner].text)
        return TitleMention(mention.person, title, start, end, mention.name_start)

    def _royal_title(self, start: int, name_start: int, person: str) -> TitleMention | None:
        """ "King Felipe", "Crown Prince Mohammed": a ruler's style is the title when no
        other title stands before it."""
        while name_start > start and self.doc[name_start - 1].lower_ not in ROYAL_STYLES:
            name_start -= 1  # "Amir Sheikh Hamad": a courtesy after the style
        words = self.doc[start:name_start]
        if not len(words) or not all(t.lower_ in ROYAL_STYLES for t in words):
            return None
        if any(style_as_given_name(t) for t in words):
            return None  # "Amir Ohana, the Speaker of the Knesset"
        if not any(t.text[:1].isupper() for t in words):
            return None
        if (
            start >= 2
            and self.doc[start - 1].text == ","
            and is_title_word(self.doc[start - 2])
            and self.doc[start - 2].lower_ not in ROYAL_STYLES
        ):
            # "the fund's chief executive, Sultan Abdul Rahim": an office stands before
            # it, so "Sultan" is his name
            return None
        k = start - 1
        if k >= 0 and self.doc[k].tag_ == "POS":
            k -= 1  # "Kuwait's Amir"
        if k >= 0 and country_of_word(self.doc[k].text):
            self.persons[person].origins.add(self.doc[k].text)  # "Saudi Crown Prince"
        return TitleMention(person, clean_title(words.text), start, name_start, name_start)

    def _joined_to_named_office(self, start: int) -> bool:
        """Whether the title starting at ``start`` follows "and" and another office that
        is itself written after a name and a comma ("A, Deputy Prime Minister and ...")."""
        doc = self.doc
        k = start - 2
        if k < 0 or doc[start - 1].lower_ != "and":
            return False
        if not (is_title_word(doc[k]) or ends_of_phrase(doc, k)):
            return False
        sent_start = doc[start].sent.start
        while k > sent_start and (
            doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in TITLE_FILLERS
        ):
            if doc[k - 1].i in self._token_person:
                return False  # "Fiji's Deputy Prime Minister and ..., X": one office
            k -= 1
        return k - 2 >= sent_start and doc[k - 1].text == "," and doc[k - 2].i in self._token_person

    def _title_comma_before(self, name_start: int, person: str) -> TitleMention | None:
        """ "Qatar's emir, Sheikh Tamim": a title, a comma, then the name (any parse)."""
        doc = self.doc
        i = name_start - 1
        while i >= 0 and (
            is_style_word(doc[i])
            # "Minister of Foreign Affairs, His Excellency Ana Rios", "His Highness"
            or doc[i].lower_ in STYLE_NOUNS
            or (doc[i].lower_ in ("his", "her") and doc[i + 1].lower_ in STYLE_NOUNS)
        ):
            i -= 1
        if i < 2 or doc[i].text != ",":
            return None
        title_tok = doc[i - 1]
        last = title_tok
        if not is_title_word(title_tok):
            # "Lee's chief of staff, Kang", "the speaker of the Armenian parliament, Narine
            # Avetisyan", "Brazil's special envoy for the Middle East, Paulo Rezende Matos"
            for k in range(i - 2, max(0, i - 11), -1):
                if (
                    doc[k].lower_ in ("of", "for", "to", "at")
                    and k > 0
                    and is_title_word(doc[k - 1])
                ):
                    title_tok = doc[k - 1]
                    break
                if doc[k].pos_ in ("VERB", "AUX") or (
                    doc[k].text in (",", ";")
                    # "Minister of Foreign Affairs, African Cooperation and ..., X": the
                    # office's fields listed with commas
                    and not field_comma(doc, k)
                ):
                    break
        if not is_title_word(title_tok) or title_tok.i in self._token_person:
            return None
        if title_tok.sent.start != doc[name_start].sent.start:
            return None
        top = title_tok
        while top.dep_ in ("compound", "amod") and top.head.i > top.i:
            top = top.head
        if (
            top.dep_ == "dobj"
            and top.head.pos_ == "VERB"
            and top.head.dep_ == "advcl"
            and top.head.i < top.i
        ):
            return None  # "Greeting the Russian Foreign Minister, Tokayev said": his guest
        # "the Chief of Staff to the President of Ghana, X": the title the phrase hangs on
        t = title_tok
        for _ in range(4):
            if not (
                t.dep_ == "pobj"
                and t.head.dep_ == "prep"
                and t.head.lower_ in ("of", "to", "for")
                and t.head.head.pos_ in ("NOUN", "PROPN")
                and t.head.head.i not in self._token_person
            ):
                break
            t = t.head.head
            if is_title_word(t):
                title_tok = t
        left = title_tok.left_edge.i
        if title_tok.i - left > 7:
            return None
        left = self._title_chain_start(left, doc[name_start].sent.start)
        while left > doc[name_start].sent.start and doc[left].ent_iob_ == "I":
            left -= 1  # "the Fund for Development chief executive": not from "Development"
        span = doc[left : last.i + 1]
        if (
            any(t.i in self._token_person for t in span)
            or any(
                t.text == ","
                # "Minister of Foreign Affairs, African Cooperation and ...": fields listed
                and not (field_comma(doc, t.i) and doc[t.i + 1].text[:1].isupper())
                for t in span
            )
        ):
            return None
        if span.start > 0 and doc[span.start - 1].lower_ == "as":
            return None  # "X as High Commissioner to India, Y as ...": X's title, not Y's
        if self._joined_to_named_office(span.start):
            # "A, Deputy Prime Minister and Minister of Presidential Affairs, B": the
            # second office is joined to the first, which is A's
            return None
        text = self._render_title(span)
        if not text or is_past_title(text):
            return None
        return TitleMention(person, text, span.start, span.end, name_start)

    def _next_name_follows(self, span: Span) -> bool:
        """Whether another name follows the title within three words, with no comma."""
        doc = self.doc
        for i in range(span.end, min(span.sent.end, span.end + 3)):
            if doc[i].text in (",", ";", "(", ")") or doc[i].pos_ in ("VERB", "AUX"):
                return False
            if i in self._token_person:
                return True
        return False

    def _title_chain_start(self, left: int, sent_start: int) -> int:
        """Where a title starts that the parser cut at "to" or "of": "the Chief of Staff
        to the President of Ghana" read from "the President"."""
        doc = self.doc
        k = left - 1
        if k > sent_start and doc[k].lower_ == "the":
            k -= 1
        while k > sent_start and doc[k].lower_ in ("to", "of", "for"):
            found = None
            j = k - 1
            while (
                j >= max(sent_start, k - 4)
                and (doc[j].text[:1].isupper() or doc[j].lower_ == "of")
                and j not in self._token_person
            ):
                if is_title_word(doc[j]):
                    found = j
                j -= 1
            if found is None:
                break
            left = found
            if left - 1 >= sent_start and doc[left - 1].lower_ == "the":
                left -= 1
            k = left - 1
        return left

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
        return clean_title(text)

    def _title_as_after(self, name_start: int, person: str) -> TitleMention | None:
        """ "announced Patrick Rata as High Commissioner to India, Mark Tain as Ambassador
        to Russia": a name, "as" and a capitalised title, read in order whatever the
        parser made of the list."""
        doc = self.doc
        end = name_start
        while end < len(doc) and self._token_person.get(end) == person:
            end += 1
        if end + 1 >= len(doc) or doc[end].lower_ != "as" or not self.is_story(doc[end]):
            return None
        sent_end = doc[end].sent.end
        k = end + 1
        while k < sent_end and (
            (doc[k].text[:1].isupper() and doc[k].is_alpha and k not in self._token_person)
            or (doc[k].lower_ in ("of", "to", "for", "the") and k > end + 1)
            # "Godwin Emefiele as CBN governor", "X as deputy leader"
            or (doc[k].is_lower and (is_title_word(doc[k]) or doc[k].lower_ in TITLE_MODIFIERS))
        ):
            k += 1
        while k > end + 1 and doc[k - 1].lower_ in ("of", "to", "for", "the"):
            k -= 1
        span = doc[end + 1 : k]
        if not len(span) or not any(is_title_word(t) for t in span):
            return None
        if not any(is_title_word(t) for t in span[:3]):
            return None  # "as Foreign Secretary", "as High Commissioner to India"
        text = self._render_title(span)
        if not text or is_past_title(text) or len(span) > 10:
            return None
        return TitleMention(person, text, span.start, span.end, name_start)

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
        if doc[j].pos_ in ("ADP", "SCONJ", "ADV", "VERB", "AUX", "CCONJ"):
            # "Abe, during talks with President X, ...": no appositive title; "Tim Berg,
            # and the Ruritanian Ambassador Ana Rios": the next one in a list
            return None
        # the first noun that heads the phrase after the comma
        k = j
        while k < len(doc) and k - j < 7 and doc[k].text not in (",", ".", ";", '"'):
            if is_title_word(doc[k]) and doc[k].i not in self._token_person:
                head = doc[k]
                # "deputy governor", "director general": the title is the whole noun
                while (
                    head.dep_ in ("amod", "compound", "nmod")
                    and head.head.i > head.i
                    and head.head.i - j < 9
                ):
                    head = head.head
                span = np_without_clauses(head)
                if span.start < j:
                    span = doc[j : span.end]
                span = self._before_next_item(span)
                if any(t.i in self._token_person for t in span if t.pos_ == "PROPN"):
                    return None
                if self._token_person.get(span.end) not in (None, person):
                    # "X, President of Burundi Évariste Ndayishimiye and …": a list of
                    # titles before names; the office is the next name's
                    return None
                text = self._render_title(span)
                if not text or is_past_title(text) or len(span) > 12:
                    return None
                return TitleMention(person, text, span.start, span.end, name_start)
            if doc[k].pos_ in ("VERB", "AUX"):
                return None
            k += 1
        return None

    def _before_next_item(self, span: Span) -> Span:
        """A title phrase cut before the list's next name: "Minister of Trade and Adil
        Demir, Minister of Transport" is "Minister of Trade", whether or not the model
        knew "Adil Demir" for a name (two to four capitalised words that are no office,
        then a comma and a title word)."""
        doc = self.doc
        for t in span:
            if t.lower_ != "and" or t.i <= span.start:
                continue
            k = t.i + 1
            while k < len(doc) and doc[k].text[:1].isupper() and not is_title_word(doc[k]):
                k += 1
            if (
                2 <= k - t.i - 1 <= 4
                and k + 1 < len(doc)
                and doc[k].text == ","
                and is_title_word(doc[k + 1])
                and all(doc[x].pos_ == "PROPN" for x in range(t.i + 1, k))
            ):
                return doc[span.start : t.i]
        return span

    def _title_by_appointment(self, verb: Token) -> TitleMention | None:
        """ "Macron was appointed prime minister", "Lee, who serves as chief of staff"."""
        if verb.lemma_ in APPOINTMENT_VERBS:
            title = next((c for c in verb.children if c.dep_ == "oprd"), None)
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is None:
                subj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if title is not None and title.i in self._token_person:
                subj, title = title, None  # "named Paul Hardy as envoy": the parser's oprd
            if title is None and subj is not None and subj.i not in self._token_person:
                title, subj = subj, self._name_inside(subj)  # "elected Laura Brandt speaker"
            elif title is not None and subj is None:
                subj = self._name_inside(title)  # "named Ruud van Dalen interim manager"
            if title is None:
                as_objects = prep_objects_of(verb, "as")  # "named X as special envoy"
                for appos in [c for c in subj.children if c.dep_ == "appos"] if subj else []:
                    as_objects += prep_objects_of(appos, "as")  # "installed X, a Y, as Z"
                title = as_objects[0] if as_objects else None
            if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                subj = verb.head  # "Seo Eun-ji, who was appointed governor of ..."
        elif verb.lemma_ in SERVING_VERBS:
            preps = prep_objects_of(verb, "as")
            title = preps[0] if preps else None
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
                subj = verb.head
            # "United, who confirmed Ruud van Dalen will continue as interim manager": the
            # name written right before the verb's auxiliaries is who serves, whatever
            # the parser made the subject
            i = verb.i - 1
            while i >= 0 and self.doc[i].dep_ in ("aux", "neg", "advmod"):
                i -= 1
            if i >= 0 and i in self._token_person and (subj is None or subj.i < i):
                subj = self.doc[i]
        else:
            return None
        if title is None or subj is None or title.lower_ not in TITLE_HEADS:
            return None
        person = self._antecedent_person(subj)
        if not person:
            return None
        span = np_without_clauses(title)
        if span.start <= subj.i < span.end:
            span = self.doc[subj.i + 1 : span.end]  # the title written after the name
        text = self._render_title(span)
        if not text or is_past_title(text) or len(span) > 10:
            return None
        return TitleMention(person, text, span.start, span.end, subj.i)

    def _name_inside(self, title: Token) -> Token | None:
        """The last token of a name the parser made part of a title's phrase: in "elected
        Laura Brandt speaker", "Laura Brandt" hangs on "speaker" as a compound."""
        names = [t for t in title.subtree if t.i < title.i and t.i in self._token_person]
        if not names or any(t.i in self._token_person for t in title.subtree if t.i > names[-1].i):
            return None
        return names[-1]

    def _title_by_heading(self, verb: Token) -> TitleMention | None:
        """ "Kyrylo Budanov, who heads Ukraine's military intelligence agency"."""
        roles = HEADING_TITLES
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
        span = np_without_clauses(obj)
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
            if title_tok.i < person_tok.i and any(
                c.dep_ == "conj" and title_tok.i < c.i < person_tok.i for c in title_tok.children
            ):
                # "Deputy Prime Minister ... and visiting Minister of Japan, X": the name
                # follows the last of the coordinated titles, not the first
                continue
            span = np_without_clauses(title_tok)
            if title_tok.i < person_tok.i:
                start = self._title_chain_start(span.start, title_tok.sent.start)
                span = self.doc[start : span.end]
            lo, hi = sorted((title_tok.i, person_tok.i))
            if any(
                self._token_person.get(i) not in (None, person)
                for i in range(lo, hi)
                if not span.start <= i < span.end  # "X, Ms Y's chief of staff": a possessor
            ):
                # "Gambia's President Adama Barrow and Senegal's Bassirou Faye": the title
                # is the nearer person's
                continue
            if title_tok.i > person_tok.i and self._next_name_follows(span):
                continue  # "X, U.S. Ambassador to Mexico Anthony Wayne": Wayne's title
            if title_tok.i > person_tok.i:
                span = self._before_next_item(span)
            text = self._render_title(span)
            if text and len(span) <= 10 and not is_past_title(text):
                return TitleMention(person, text, span.start, span.end, person_tok.i)
        return None

    def _title_by_copula(self, tok: Token) -> TitleMention | None:
        """ "Jane Doe is the foreign minister of Ruritania", "X became Iran's president"."""
        if tok.dep_ != "attr" or tok.head.lemma_ not in COPULAS or tok.lower_ not in TITLE_HEADS:
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
        span = np_without_clauses(tok)
        text = clean_title(span.text)
        if (
            text
            and len(span) <= 10
            and not is_past_title(text)
            and not any(t.i in self._token_person for t in span)
        ):
            return TitleMention(person, text, span.start, span.end, subject.i)
        return None


def _country_of(place: str, cities: bool) -> str | None:
    """The country a place names: itself, the country of its capital, and with
    ``cities`` the country of any city of it; None for a town or a region."""
    return (
        country_of_capital(place)
        or (place if is_country(place) else None)
        or (country_of_city(place) if cities else None)
    )


def _field_after_and(doc: Doc, i: int) -> bool:
    """Whether the words after the "and" at ``i`` are an office's field: "Trade and
    Industry", "Foreign and Diaspora Affairs"."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    after = doc[i + 2] if i + 2 < len(doc) else None
    return nxt is not None and (
        nxt.lower_ in TITLE_TAILS
        or (nxt.text[:1].isupper() and after is not None and after.lower_ in TITLE_TAILS)
    )
