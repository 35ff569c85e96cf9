"""Helpers the reading stages share: name and title words, quotes, dates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..gazetteer import countries_in_title, country_of_word
from ..lexicon import (
    GROUP_WORDS,
    HEAD_OF,
    HONORIFICS,
    MONTHS,
    NAME_SUFFIXES,
    POSTED_TITLE_HEADS,
    RANKS,
    TITLE_HEADS,
    TITLE_SYNONYMS,
    TITLE_TAILS,
    WEAK_TITLE_HEADS,
    WEEKDAYS,
)

NAME_PART = re.compile(
    r"[^\W\d_][\w'’.-]*$|(?:al|el|bin|ibn|van|von|de|da|di|der|le|la|du|bint|abu)$"
)


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


PLACE_LABELS = frozenset({"GPE", "LOC"})


def no_name(text: str) -> bool:
    """ "Aug.", "H.E.", "Mr": words that stand beside names but are none themselves."""
    words = [w for w in re.split(r"\s+", text.lower()) if w]
    return all(w in MONTHS or w in HONORIFICS or w.rstrip(".") in MONTHS for w in words)


def text_names(text: str, person: str) -> bool:
    """Whether the text names the person by some capitalised part of the name."""
    words = set(re.findall(r"\w+", text.lower()))
    return any(
        w[:1].isupper() and len(w) >= 3 and w.lower() in words for w in re.split(r"[\s-]+", person)
    )


def join_tokens(tokens: list[Token]) -> str:
    """Join name tokens as written (no space inside "al-Busaidi")."""
    out = ""
    for i, t in enumerate(tokens):
        out += t.text
        if i < len(tokens) - 1:
            out += t.whitespace_
    return out.strip()


def plain_name(text: str) -> str:
    """A name's text lower-cased and without accents, as people are matched."""
    plain = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def name_words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name (split on spaces), without honorifics or "Jr.", and
    without accents: "Fernandez" is the "Fernández" of the same story."""
    words = [w for w in plain_name(name).split() if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1].rstrip(",") in NAME_SUFFIXES:
        words.pop()
    return tuple(words)


def gender_from_honorific(doc: Doc, name_start: int) -> str | None:
    """ "Mr" before a name says he, "Ms"/"Mrs" says she."""
    if name_start == 0:
        return None
    prev = doc[name_start - 1].lower_.rstrip(".")
    if prev in ("mr", "sir", "lord"):
        return "m"
    if prev in ("ms", "mrs", "miss", "dame", "lady", "madam"):
        return "f"
    return None


def is_title_word(tok: Token) -> bool:
    """A title head word: Minister, spokesman, Secretary-General."""
    low = tok.lower_
    if low in ("elect", "designate") and tok.i >= 2 and tok.nbor(-1).text == "-":
        return is_title_word(tok.nbor(-2))  # "Vice President-elect"
    return low in TITLE_HEADS and low not in WEAK_TITLE_HEADS


def singular_title(tok: Token) -> str | None:
    """The singular of a plural title word ("Ministers" -> "Minister", "Secretaries" ->
    "Secretary"), or None when the word is no plural title."""
    text = tok.text
    low = text.lower()
    if not low.endswith("s") or len(low) < 4:
        return None
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if low.endswith(cut):
            stem = low[: -len(cut)] + add
            if stem in TITLE_HEADS and stem not in WEAK_TITLE_HEADS:
                return text[: len(text) - len(cut)] + add
    return None


def field_comma(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` is a comma right after an office's field word, as in
    "Minister of Industry, Trade and Investment" (the callers say what may follow it)."""
    return doc[i].text == "," and i > 0 and doc[i - 1].lower_ in TITLE_TAILS


def ends_of_phrase(doc: Doc, i: int) -> bool:
    """True for the last word of "Secretary of State" and the like."""
    j = i
    while j > max(0, i - 10):
        if (
            j > 0
            and is_title_word(doc[j - 1])
            and (
                # "Minister for Presidential Affairs"
                doc[j].lower_ in ("of", "on", "for")
                # "Ambassador to Qatar", "Special Envoy to the Sahel", "Consul General to X",
                # "ambassador in Moscow"
                or (
                    doc[j].lower_ in ("to", "in")
                    and any(doc[k].lower_ in POSTED_TITLE_HEADS for k in range(max(0, j - 2), j))
                )
            )
        ):
            tail = doc[j + 1 : i + 1]
            if all(
                t.text[:1].isupper()
                or (t.lower_ == "the" and t.i == j + 1)
                # "High Commissioner of Pakistan in Malaysia", "Undersecretary of the
                # Ministry of Regional Cooperation", "Director for Programs at the Ministry"
                or (t.lower_ in ("in", "to", "of", "at", "for") and t.i > j + 1 and t.i < i)
                # "Minister of Industry, Trade and Investment": fields listed
                or (
                    j + 1 < t.i < i and field_comma(doc, t.i) and doc[t.i + 1].lower_ in TITLE_TAILS
                )
                # "Minister of Trade and Industry": two fields of one office
                or (
                    t.lower_ == "and"
                    and t.i > j + 1
                    and t.i < i
                    and doc[t.i - 1].text[:1].isupper()
                    and (
                        doc[t.i + 1].lower_ in TITLE_TAILS
                        or (t.i + 2 <= i and doc[t.i + 2].lower_ in TITLE_TAILS)
                    )
                )
                or (
                    t.lower_ == "the"
                    and t.i > j + 1
                    and doc[t.i - 1].lower_ in ("of", "at", "to", "in")
                )
                for t in tail
            ):
                return True  # "Secretary of State", "Adviser on Commerce"
            # "chief of staff", "head of state": a title written in lower case
            return doc[j - 1].is_lower and len(tail) <= 2 and all(t.is_lower for t in tail)
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


def same_short_entity(a: Token, b: Token) -> bool:
    """Two tokens that make up a whole two- or three-word entity (a name the model mislabelled)."""
    return (
        a.ent_type_ == b.ent_type_
        and a.ent_iob_ == "B"
        and b.ent_iob_ == "I"
        and (b.i + 1 >= len(b.doc) or b.doc[b.i + 1].ent_iob_ != "I")
        and b.i - a.i <= 2
    )


def is_style_word(tok: Token) -> bool:
    """A style before a name: "Mr", "Dr", "Sheikh", and the capitals "HE" of "His
    Excellency" that government releases write ("HE Sheikh Saoud"), never the pronoun."""
    return tok.lower_ in HONORIFICS or tok.text in ("HE", "HH")


def is_descriptor(text: str) -> bool:
    """ "Dakar-based", "Iranian-backed": a describing word, not a name."""
    return bool(re.search(r"-(based|backed|led|born|run|owned|made|funded|allied)$", text.lower()))


def after_hyphen(tok: Token) -> bool:
    """ "sik" in "Kang Hoon-sik": a lower-case name piece glued to a hyphen."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "-" and doc[tok.i - 1].whitespace_ == ""


def is_past_title(title: str) -> bool:
    """ "former provincial governor" is not a title the person holds."""
    return bool(re.match(r"(former|ex-|ex |late |then-|one-time|onetime)", title.lower()))


def comma_after_phrase(title: Token, limit: int = 8) -> int | None:
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


# A dateline at the start of a phrase: "MANILA - ", "TOKYO, Aug. 23 (Xinhua) -- ".
DATELINE_START = re.compile(r"^[A-Z][A-Z.' ]{1,30}(?:,[^-–—]{1,25})?\s*[-–—]+\s+")


_GENERAL_OFFICES = frozenset(
    "secretary attorney director governor inspector solicitor consul auditor surgeon "
    "postmaster accountant commissioner registrar advocate procurator prosecutor "
    "comptroller".split()
)
"""Offices whose name ends in "General" ("Secretary General"): no rank to strip."""


_RANK_AMONG_HOLDERS = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|only|"
    r"youngest|oldest|longest-serving|\d+(?:st|nd|rd|th))\s+(?=\S)"
)


_EVENT_WORDS = frozenset("visit visits trip trips tour talks".split())
"""Words of an event, never of an office."""


def clean_title(text: str) -> str:
    """Strip determiners, an unresolved possessive pronoun ("its chief executive"), stray
    punctuation and white space from a title."""
    text = " ".join(text.replace("’", "'").split())
    text = DATELINE_START.sub("", text)  # "MANILA - Japan's Defence Minister"
    text = re.sub(r"^\([^()]*\)\s*", "", text)  # "(MENAFN- UkrinForm) Minister …"
    close = text.find(")")
    if close >= 0 and "(" not in text[:close]:
        # "(MENAFN- UkrinForm) Minister for Foreign Affairs" read from "UkrinForm)": the
        # tail of a credit in brackets is no part of the office
        text = text[close + 1 :].strip()
    # "10:40 GMT - Kuwait's Emir": a live blog's time stamp
    text = re.sub(r"^\d{1,2}[:.]\d{2}\s*(?:[A-Z]{2,4}\s*)?[-–—]+\s*", "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    # "His Excellency President": a style before the office is no part of it
    text = re.sub(
        r"^(?:(?:his|her|their)\s+)?(?:excellency|majesty|highness|holiness)\s+(?=\S)",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"^(his|her|their|its|our|my)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^[\w.]+-(?:year|month)s?-old\s+", "", text)  # "the 42-year-old leader"
    # "new envoy", "New US envoy" (never "New Zealand Prime Minister")
    text = re.sub(r"^(?:new|newly appointed|New(?=\s+[A-Z]{2,}\b))\s+(?=\S+\s)", "", text)
    text = re.sub(r"^line\s+", "", text)  # "hard-line President": the word's tail
    # "the first Chinese head of state to visit": a rank among holders, not the office
    # ("First Deputy President", capitalised, is an office)
    text = re.sub(_RANK_AMONG_HOLDERS, "", text)
    if re.search(r"\s+and\s+(?:his|her|their|its)\b", text, flags=re.IGNORECASE):
        # "the head of state and his partner, Irina K.": the name is the last one's, and
        # "his partner" is no title
        return ""
    words = text.split()
    if any(w.lower() in _EVENT_WORDS for w in words):
        return ""  # "Diplomatic visit PM": a sub-heading glued to the title, no office
    while (
        len(words) > 2
        and words[-1].lower() in RANKS
        and words[-2].lower().rstrip("-") not in _GENERAL_OFFICES
    ):
        words.pop()  # "Afghan Defense Minister General [Bismillah Khan]": the rank is his
    title = " ".join(words).strip(' ,;:-"')
    if title.lower().endswith("'s") or title.endswith("'"):
        return ""  # "the president's [special adviser]": the owner of a title is none
    if title.startswith("(") and ")" not in title:
        title = title[1:].strip()  # "(UN General Secretary Antonio) Guterres"
    return title.strip(" ,;:-'\"")


def np_without_clauses(head: Token) -> Span:
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


def quoted_tokens(tokens: Iterable[Token]) -> set[int]:
    """Indices of the tokens inside double quotes, across the whole article."""
    inside: set[int] = set()
    opened = False
    for tok in tokens:
        if tok.text == '"':
            opened = not opened
            continue
        if "\n" in tok.text_with_ws and tok.text.strip() == "":
            opened = False  # a quote never runs past a paragraph without closing
        if opened:
            inside.add(tok.i)
    return inside


def same_origin(origin: str, title: str) -> bool:
    """ "U.S." in "US Secretary of State", "Portuguese" in "Portugal's minister": a title
    that names the same country or nationality (a shared word, or a shared stem)."""
    origin = origin.replace(".", "").lower()
    words = re.findall(r"[a-z]+", title.replace(".", "").lower())
    if origin in words:
        return True
    country = country_of_word(origin)
    if len(origin) >= 5 and any(
        len(w) >= 5
        and w[:5] == origin[:5]
        # "Nigerien" is Niger's, not Nigeria's: a word the gazetteer knows must agree
        and (country is None or country_of_word(w) in (None, country))
        for w in words
    ):
        return True
    # "China" and "Chinese President", "Sri Lankan" and "Sri Lanka Prime Minister": the
    # same country by the gazetteer
    return country is not None and (
        any(country_of_word(w) == country for w in words) or country in countries_in_title(title)
    )


def could_be_title_reference(tok: Token) -> bool:
    """ "the Secretary", "the top U.S. diplomat", "the Israeli leader"."""
    low = tok.lower_
    if low not in TITLE_SYNONYMS and low not in TITLE_HEADS:
        return False
    if low in WEAK_TITLE_HEADS or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("compound", "amod"):
        return False
    dets = [c for c in tok.children if c.dep_ == "det"]
    owned = any(
        c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP") and country_of_word(c.text)
        for c in tok.children
    )  # "Eritrea's longtime president"
    if not owned and (not dets or dets[0].lower_ != "the"):
        return False
    # "the Secretary of State" is fine; "the leader of Hamas" names a different role.
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = [c for c in child.children if c.dep_ == "pobj"]
            if low == "head" and obj and obj[0].lower_ in HEAD_OF:
                continue  # "the head of state", "the head of government"
            if obj and not obj[0].text[:1].isupper():
                return False
            if obj and obj[0].ent_type_ in ("ORG", "NORP"):
                return False
        if child.dep_ in ("appos",):
            return False
    return not (tok.tag_ == "NNS" or tok.lower_ in GROUP_WORDS)


def date_words(ent: Span) -> str:
    """A date as it reads inside a sentence: "on Tuesday", "next week", "last month"."""
    text = ent.text.strip(" ,")
    words = text.split()
    if len(words) > 1 and words[-1].lower() in ("and", "to", "-", "–", "through"):
        # "on July 16 and [17]": the model's span stops before the range's last day
        doc = ent.doc
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and after.like_num:
            text = f"{text} {after.text}"
        else:
            text = " ".join(words[:-1])
        words = text.split()
    first = words[0].lower().rstrip(".,")
    if re.fullmatch(r"(?:\d{4}|[A-Za-z]+\.?(?:,?\s+\d{4})?)", text) and (
        first in MONTHS or re.match(r"^\d{4}$", first)
    ):
        return "in " + text  # "in January", "in March 2024", "in 2023"
    if first in WEEKDAYS or first in MONTHS or re.match(r"^\d", first):
        return "on " + text
    if ent[0].pos_ != "PROPN":
        text = text[0].lower() + text[1:]
    if re.match(r"the (?:coming|next|past|last|following) (?:few )?(?:days|weeks|months)$", text):
        return "in " + text  # "would be visiting X in the coming days"
    return text


def is_calendar_date(ent: Span) -> bool:
    """A point in time ("Tuesday", "next week", "Oct. 7"), not a duration ("60 days")."""
    low = ent.text.lower()
    if re.search(
        r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[ -]"
        r"(day|week|month|year|hour)s?\b",
        low,
    ):
        return bool(re.search(r"\b(ago|later|earlier)\b", low))
    return True
