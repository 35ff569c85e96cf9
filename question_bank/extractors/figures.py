"""Figures: terms of agreements ("a four-day ceasefire") and other quantities
("More than 36,600 Palestinians have been killed").

A number is a figure when it counts something. Dates, times, years, ordinals,
identifiers ("Resolution 1701", "G7"), ages and vague amounts ("hundreds") are
not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lemminflect import getInflection
from spacy.tokens import Span, Token

from ..analysis import Analysis
from ..lexicon import (
    AGREEMENT_NOUNS,
    BACKGROUND_FIGURE_WORDS,
    COMPOUND_COUNT_NOUNS,
    DISTANCE_UNITS,
    DURATION_UNITS,
    FRACTION_WORDS,
    HUMAN_NOUNS,
    MONTHS,
    RELATIVE_DAYS,
    SET_PHRASE_NOUNS,
    SUPERSEDED_WORDS,
    TERM_VERBS,
    VAGUE_COUNT_NOUNS,
    WEEKDAYS,
)
from ..model import Cue, Quantity, Term
from ..numbers import (
    CURRENCY_NOUNS,
    CURRENCY_SIGNS,
    HEDGE_STARTS,
    HEDGE_WORDS,
    NUMBER_WORDS,
    SCALE_WORDS,
    Amount,
    clock_time_after,
    parse_amount,
    parse_compound_count,
    parse_duration,
)

NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_TIME = re.compile(r"\d+:\d+|\b\d+\s*(a\.?m\.?|p\.?m\.?)(?![a-z])", re.I)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class _Mention:
    """A number expression in a sentence before it becomes a fact."""

    tokens: list[Token]
    amount: Amount
    unit: str | None
    noun: Token | None
    compound: bool = False


def extract_figures(analysis: Analysis) -> Iterator[Term | Quantity]:
    """Terms of agreements and other counted figures."""
    prev: list[Span] = []
    for sent in analysis.sentences:
        money: list[_Mention] = []
        for mention in _number_mentions(sent, analysis):
            if mention.amount.currency and _conversion(mention, money):
                continue  # "£9 billion (12.7 billion euros, $13.7 billion)": the same sum
            if mention.amount.currency:
                money.append(mention)
            fact = _to_fact(mention, sent, prev, analysis)
            if isinstance(fact, Quantity) and _background(fact, sent, analysis):
                continue
            yield fact
        prev = [*prev[-1:], sent]


def _background(fact: Quantity, sent: Span, analysis: Analysis) -> bool:
    """A figure of the background a story gives about a country, in a sentence that names
    no one: "With a total area of 322,462 km2, the country has a population of 29.9
    million inhabitants". Teachers reject them as filler."""
    if any(analysis.person_at(t) for t in sent):
        return False
    words = set(re.findall(r"[a-z0-9²]+", f"{fact.unit} {fact.text}".lower()))
    return bool(words & BACKGROUND_FIGURE_WORDS)


def _conversion(mention: _Mention, before: list[_Mention]) -> bool:
    """Whether a sum stands in brackets right after another sum: a conversion of it."""
    doc = mention.tokens[0].doc
    sent = mention.tokens[0].sent
    i = mention.tokens[0].i - 1
    while i >= sent.start and doc[i].text not in ("(", ")"):
        i -= 1
    if i < sent.start or doc[i].text != "(":
        return False
    ends = {m.tokens[-1].i for m in before}
    if i - 1 in ends:
        return True
    # "the planned 18 billion-pound ($28 billion) plant": a sum the parser did not take
    # for one stands right before the bracket
    last = doc[i - 1] if i - 1 >= sent.start else None
    return last is not None and (
        last.lower_.split("-")[-1] in CURRENCY_NOUNS
        or (
            last.like_num and any(t.text in CURRENCY_SIGNS for t in doc[max(sent.start, i - 4) : i])
        )
    )


def _number_mentions(sent: Span, analysis: Analysis) -> Iterator[_Mention]:
    """Number expressions of a sentence that count something."""
    doc = sent.doc
    used: set[int] = set()
    # Hyphenated counts first: "four-day", "three-phase", "72-hour".
    for tok in analysis.tokens_of(sent):
        if tok.text != "-" or tok.i == sent.start or tok.i + 1 >= sent.end:
            continue
        left, right = doc[tok.i - 1], doc[tok.i + 1]
        if (
            doc[tok.i + 2 : tok.i + 3].text == "-"
            and doc[tok.i + 3 : tok.i + 4].text.lower() == "old"
        ):
            used.update({left.i, tok.i, right.i, tok.i + 2, tok.i + 3})
            age = parse_compound_count(f"{left.text}-{right.text}")
            if age is not None and age[1] in DURATION_UNITS:
                # an age: "the 39-year-old will start work", "a two-month-old baby"
                amount = Amount(age[0], None, None, False)
                yield _Mention([left], amount, f"{age[1]}s old", doc[tok.i + 3])
            continue
        parsed = parse_compound_count(f"{left.text}-{right.text}")
        if parsed is None:
            continue
        value, noun = parsed
        if noun not in DURATION_UNITS | COMPOUND_COUNT_NOUNS | DISTANCE_UNITS:
            continue
        used.update({left.i, tok.i, right.i})
        head = right.head if right.dep_ in ("amod", "compound", "nmod") else right
        toks = [left, tok, right]
        if head.i > right.i:
            toks = list(doc[left.i : head.i + 1])
        yield _Mention(toks, Amount(value, None, None, False), noun, head, compound=True)
    used.update(_not_counts(sent))
    for ent in analysis.entities_in(sent):
        if any(t.i in used for t in ent):
            continue
        if ent.label_ in NAME_LABELS:
            used.update(t.i for t in ent)  # part of a name: "G20", "Group of Seven"
            continue
        if ent.label_ in ("DATE", "TIME"):
            m = _duration(ent)
            used.update(t.i for t in ent)  # a duration, or a date or time: never a count
            if m:
                yield m
        elif ent.label_ == "ORDINAL":
            used.update(t.i for t in ent)
    # Counts and amounts, found token by token: the model's labels for "$300mn" or
    # "500bn won" are unreliable, the words are not.
    for tok in sent:
        if tok.i in used or not _numeric(tok):
            continue
        span = _widen(tok, sent, used)
        used.update(range(span.start, span.end))
        m = _entity_mention(span)
        if m:
            yield m


# Entity labels whose numbers belong to a name, not to a count.
NAME_LABELS = frozenset({"ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})


def _not_counts(sent: Span) -> Iterator[int]:
    """Token indexes of numbers that count nothing, whatever the model labelled them:
    a capitalised number word inside a name ("the Group of Seven"), a fraction
    ("two-thirds", "three quarters"), and a day of the month beside a month name
    ("from 22 – 26 October 2015", "on 6-8 December")."""
    doc = sent.doc
    for tok in sent:
        low = tok.lower_
        if not (tok.like_num or low in NUMBER_WORDS or "0" in tok.text):
            continue  # most tokens are no number at all: nothing to look at
        if low in NUMBER_WORDS and tok.text[:1].isupper() and tok.i > sent.start:
            prev = doc[tok.i - 1]
            if prev.text[:1].isupper() or prev.lower_ in ("of", "the"):
                yield tok.i
                continue
        if (
            tok.is_alpha
            and low in NUMBER_WORDS
            and tok.whitespace_ == ""
            and tok.i + 2 < sent.end
            and doc[tok.i + 1].text == "-"
            and doc[tok.i + 1].whitespace_ == ""
            and doc[tok.i + 2].is_alpha
            and (doc[tok.i + 2].text[:1].isupper() or doc[tok.i + 2].lower_ in SET_PHRASE_NOUNS)
        ):
            yield tok.i  # "a two-state solution", "one-China policy": part of a name
            continue
        nxt = doc[tok.i + 1 : tok.i + 3]
        fraction = [t for t in nxt if t.text != "-"][:1]
        if (
            (low in NUMBER_WORDS or tok.like_num)
            and fraction
            and (fraction[0].lower_ in FRACTION_WORDS)
        ):
            yield tok.i
            yield fraction[0].i
            continue
        if _list_marker(tok) or _end_mark(tok):
            yield tok.i  # "2. Military units shall ...": a numbered point, not a count
            continue
        before = doc[max(sent.start, tok.i - 2) : tok.i].text.replace(" ", "")
        if re.search(r"(?:\b(?:No|no|Nos)\.?|#|\b[Nn]umber-?)$", before):
            yield tok.i  # "the No. 2 carrier", "the number-two economy": a rank, not a count
            continue
        day_number = tok.text.isdigit() and 1 <= int(tok.text) <= 31
        if day_number and (_beside_month(tok, sent) or _dated_day(tok, sent)):
            yield tok.i
            continue
        after = doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if low == "dozen" and doc[max(sent.start, tok.i - 2) : tok.i].text.lower() == "half a":
            yield tok.i  # "half a dozen ceremonies": a loose count, and no dozen
            continue
        if low == "one" and after == "day":
            day = doc[tok.i + 1]
            if day.dep_ == "npadvmod" and day.i < day.head.i:
                yield tok.i  # "we'd one day speak of it": some day, not a day's length
                continue
        if day_number and after in ("th", "st", "nd", "rd"):
            yield tok.i  # "on 4 th": a day written with its ordinal ending apart
            continue
        if _CLOCK.match(tok.text) and (
            doc[tok.i - 1].lower_ in ("at", "by", "until", "from")
            or after in ("am", "pm", "a.m.", "p.m.", "hrs", "hours", "gmt", "utc", "local")
        ):
            yield tok.i  # "return to Kosovo at 12.40": a time of day


_CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[.:][0-5]\d$")
"""A time of day as digits ("12.40", "9:30")."""


def _list_marker(tok: Token) -> bool:
    """A number that opens a line and is followed by "." or ")": a numbered point."""
    doc = tok.doc
    if not tok.text.isdigit() or tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in (".", ")"):
        return False
    return tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_space


def _end_mark(tok: Token) -> bool:
    """ "-0-", "–0–": a wire service's end-of-story mark."""
    doc = tok.doc
    dashes = ("-", "–", "—")
    return (
        tok.text == "0"
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].text in dashes
        and doc[tok.i + 1].text in dashes
    ) or (tok.text.strip("-–—") == "0" and tok.text != "0")


def _dated_day(tok: Token, sent: Span) -> bool:
    """ "today (14)", "on Wednesday (25)": a day of the month in brackets after a day."""
    doc = sent.doc
    if tok.i - 2 < sent.start or tok.i + 1 >= sent.end:
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    day = doc[tok.i - 2].lower_
    return before.text == "(" and after.text == ")" and (day in WEEKDAYS or day in RELATIVE_DAYS)


def _beside_month(tok: Token, sent: Span) -> bool:
    """A number within a date: a month name next to it, or after a range to one."""
    doc = sent.doc
    window = doc[max(sent.start, tok.i - 1) : min(sent.end, tok.i + 5)]
    words = [t for t in window if t.i != tok.i]
    if words and doc[max(sent.start, tok.i - 1)].lower_ in MONTHS:
        return True
    # "on Jan 8 and 9": the second day of a range after a month
    k = tok.i - 1
    if k - 2 >= sent.start and doc[k].lower_ in ("and", "to", "-", "–", ",", "through", "until"):
        day, month = doc[k - 1], doc[k - 2]
        if day.text.isdigit() and int(day.text) <= 31 and month.lower_.rstrip(".") in MONTHS:
            return True
    for t in words:
        if t.i < tok.i:
            continue
        if t.lower_ in MONTHS:
            return True
        if not (t.text.isdigit() or t.text in ("-", "–", "—", "to", "and", "until", ",")):
            return False
    return False


_GLUED_CURRENCY = re.compile(
    r"^(?:[A-Z]{1,3}\$|USD|HKD|EUR|GBP|JPY|CNY|RMB|INR|ILS|ZAR|R|N|Rs\.?|US|A)"
    r"[0-9][0-9,.]*(?:bn|mn|m|k|tn|b)?$"
)
_GLUED_SCALE = re.compile(r"^\d[\d,.]*(bn|mn|m|k|tn|b)$", re.IGNORECASE)


def _numeric(tok: Token) -> bool:
    """Digits, a number glued to its scale ("1.8bn") or a number word."""
    if tok.ent_type_ in ("DATE", "TIME", "ORDINAL"):
        return False
    text = tok.text
    if _GLUED_CURRENCY.match(text):
        return True  # "HK$860", "R350", "US$2bn": a currency glued to its number
    if text[:1].isdigit():
        return bool(tok.like_num or _GLUED_SCALE.match(text) or re.match(r"^\d[\d,.]*%?$", text))
    return tok.lower_ in NUMBER_WORDS and tok.lower_ not in (
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
    )


def _widen(tok: Token, sent: Span, used: set[int]) -> Span:
    """The whole amount around a number: hedge, currency sign, scale and currency word."""
    doc = sent.doc
    start, end = tok.i, tok.i + 1
    while (
        end < sent.end
        and end not in used
        and re.fullmatch(r"[0-9]{3}", doc[end].text)
        and re.search(r"(?:^|[^0-9])[0-9]{1,3}$", doc[end - 1].text)
        and doc[end - 1].whitespace_ == " "
    ):
        end += 1  # "70 000 workers", "R4 400": thousands set off by a space
    while (
        end < sent.end
        and end not in used
        and (
            doc[end].lower_ in NUMBER_WORDS
            or doc[end].lower_ in SCALE_WORDS
            or (doc[end].text == "-" and end + 1 < sent.end and doc[end + 1].lower_ in NUMBER_WORDS)
            or (
                doc[end].lower_ == "and"
                and end + 1 < sent.end
                and doc[end + 1].lower_ in NUMBER_WORDS
                and doc[end - 1].lower_ in ("hundred", "thousand")
            )
            or doc[end].text in ("%",)
            or doc[end].lower_ in ("percent", "cent")
            # "per cent", but not "$37 per share"
            or (doc[end].lower_ == "per" and end + 1 < sent.end and doc[end + 1].lower_ == "cent")
        )
    ):
        end += 1
    if end < sent.end and doc[end].lower_ in CURRENCY_NOUNS:
        end += 1
    if (
        end + 1 < sent.end
        and doc[end].lower_ in ("us", "u.s.")
        and doc[end + 1].lower_ in CURRENCY_NOUNS
    ):
        end += 2
    while (
        start > sent.start
        and start - 1 not in used
        and (
            doc[start - 1].text in CURRENCY_SIGNS
            or doc[start - 1].lower_ in HEDGE_WORDS
            or (
                doc[start - 1].lower_ in ("a", "an")
                and doc[start].lower_ in ("dozen", "million", "billion")
            )
        )
    ):
        start -= 1
    return doc[start:end]


_DURATION_HEDGE = re.compile(
    r"^(up to|about|around|nearly|almost|more than|over|some|at least|roughly|"
    r"approximately|less than|under)(\s+|$)",
    re.I,
)


def _duration(ent: Span) -> _Mention | None:
    """ "60 days", "nearly 14 months": a DATE entity that is a length of time."""
    low = ent.text.lower()
    if any(w.strip(",.") in MONTHS or w.strip(",.") in WEEKDAYS for w in low.split()):
        return None
    first = next((t for t in ent if t.like_num or t.lower_ in NUMBER_WORDS), None)
    if first is None:
        return None
    if re.search(r"\b(ago|later|earlier|next|this|coming)\b", low):
        return None
    if re.search(r"\b(last|past)\b", low) and first.lower_ in ("one", "a", "1"):
        return None  # "the past year" is a time; "the past 22 years" is a length
    # "an end to two years": the model's entity may start before the figure
    start = first.i
    for back in (2, 1):  # keep a hedge written before the figure ("more than two years")
        if start - back >= ent.start and _DURATION_HEDGE.match(ent.doc[start - back : start].text):
            start -= back
            break
    ent = ent.doc[start : ent.end]
    parsed = parse_duration(ent.text)
    if parsed is None:
        parsed = parse_duration(_DURATION_HEDGE.sub("", ent.text.strip()))
    if parsed is None:
        return None
    value, unit = parsed
    hedged = start != first.i or (first.i > 0 and first.doc[first.i - 1].lower_ == "than")
    if value == 1 and hedged:
        return None  # "more than one hour": a manner of speaking, not a length to learn
    # "the third time in two years", "her second trip in six months": a time window.
    prep = ent.root.head
    if prep.dep_ == "prep" and prep.lower_ == "in" and prep.head.pos_ in ("NOUN", "PROPN"):
        return None
    amount = parse_amount(ent.text) or Amount(value, None, None, False)
    if amount.value != value:
        amount = Amount(value, amount.approx, None, False)
    return _Mention(list(ent), amount, unit + ("s" if value != 1 else ""), ent.root)


def _amount_span(ent: Span) -> Span:
    """The entity widened to a currency sign before it and a scale word after it ("€300m")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > ent.sent.start and doc[start - 1].text in CURRENCY_SIGNS:
        start -= 1
    while (
        end < ent.sent.end
        and doc[end].lower_ in SCALE_WORDS
        and (
            doc[end - 1].whitespace_ == "" or doc[end].lower_ in ("million", "billion", "trillion")
        )
    ):
        end += 1
    # Hedges spaCy leaves in ("as high as", "the"): start at the hedge parse_amount knows,
    # or at the number itself.
    return doc[start:end]


def _parse_span(span: Span) -> tuple[Amount, Span] | None:
    """Parse an amount, dropping leading words the parser does not read."""
    for i in range(len(span)):
        tail = span[i:]
        if not tail or (
            i
            and not (
                tail[0].like_num
                or tail[0].text in CURRENCY_SIGNS
                or tail[0].lower_ in HEDGE_STARTS
                or _GLUED_CURRENCY.match(tail[0].text)
            )
        ):
            continue
        amount = parse_amount(tail.text)
        if amount is not None:
            return amount, tail
    return None


def _entity_mention(ent: Span) -> _Mention | None:
    """A CARDINAL, MONEY, PERCENT or QUANTITY entity that is a real figure."""
    text = ent.text
    if _TIME.search(text):
        return None
    parsed = _parse_span(_amount_span(ent))
    if parsed is None:
        return None
    amount, ent = parsed
    doc = ent.doc
    window = doc[ent.start : ent.end + 8]  # what follows, without joining the whole text
    if clock_time_after(window.text, ent.end_char - window.start_char):
        return None  # "around 4 pm local time (2100 GMT)": a time of day, not a figure
    digits = [t for t in ent if t.like_num or _numeric(t)]
    if not digits:
        return None
    if amount.value == 1 and not amount.currency and not amount.percent:
        return None
    if ent.end < len(doc) and doc[ent.end].tag_ == "JJS" and not amount.currency:
        return None  # "the world's two largest economies": a rank, not a count
    if (
        digits[0].text[:1].isalpha()
        and amount.value <= 12
        and ent.start > 0
        and doc[ent.start - 1].lower_ in ("after", "before", "at", "until", "till", "by", "past")
        and (ent.end >= len(doc) or doc[ent.end].pos_ not in ("NOUN", "PROPN"))
    ):
        return None  # "shortly after four on Saturday": a time of day
    if _YEAR.match(digits[-1].text) and not amount.currency and len(ent) == 1:
        return None
    before = next((doc[i] for i in range(ent.start - 1, -1, -1) if not doc[i].is_space), None)
    after = doc[ent.end] if ent.end < len(doc) else None
    if (
        before is not None
        and before.pos_ == "PROPN"
        and before.whitespace_
        and ent.start - 1 >= ent.sent.start
        and before.text[:1].isupper()
        and not amount.currency
    ):
        return None  # "Resolution 1701", "Flight 17": an identifier
    if (
        before is not None
        and before.lower_ in ("the", "both", "these", "those", "our", "their", "its")
        and not amount.currency
        and not amount.percent
        and amount.value <= 12
    ):
        # "the two leaders", "our two countries": a reference, not a figure
        return None
    if (
        after is not None
        and after.text in ("-",)
        and ent.end + 1 < len(doc)
        and doc[ent.end + 1].lower_ in ("year", "years")
    ):
        return None
    if (
        after is not None
        and after.lower_ in ("of",)
        and ent.end + 1 < len(doc)
        and doc[ent.end + 1].lower_ in ("the", "them", "those", "these")
    ):
        # "two of the hostages" is a part, still a figure; keep it
        pass
    noun = _counted_noun(ent)
    if noun is None and not (amount.currency or amount.percent):
        noun = _fronted_whole(ent)  # "Of the 13 pacts signed, nine are ...": pacts
    if noun is not None and _attribution(noun):
        return None  # "two sources familiar with the talks said"
    if (
        noun is not None
        and noun.lower_ in SET_PHRASE_NOUNS
        and noun.i > 0
        and noun.doc[noun.i - 1].text == "-"
    ):
        return None  # "a three-way session": a kind of session, not a count
    if noun is not None and noun.lower_ in VAGUE_COUNT_NOUNS:
        return None  # "to update two things": nothing to learn
    if (
        noun is not None
        and amount.value <= 12
        and not (amount.currency or amount.percent)
        and digits[0].text[:1].isalpha()
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("between", "among")
        and noun.lemma_.lower() not in HUMAN_NOUNS
    ):
        return None  # "a bridge between two continents": a phrase, not a figure
    unit: str | None
    if amount.currency:
        unit = amount.currency
    elif amount.percent:
        unit = "percent"
    elif noun is not None:
        unit = _noun_phrase(noun, ent)
    else:
        unit = None
    return _Mention(list(ent), amount, unit, noun)


def _attribution(noun: Token) -> bool:
    """Sources of a report ("two sources said", "three officials told Reuters")."""
    if noun.lemma_.lower() in ("source", "diplomat", "official") and noun.dep_ in (
        "nsubj",
        "appos",
    ):
        return True
    return noun.dep_ == "nsubj" and noun.head.lemma_ in ("say", "tell", "confirm", "report")


def _counted_noun(ent: Span) -> Token | None:
    """The noun a number counts ("Palestinians" in "36,600 Palestinians")."""
    root = ent.root
    if root.pos_ in ("NOUN", "PROPN") and not root.like_num and root not in ent:
        return root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return head
    if ent.root.pos_ == "NOUN" and not ent.root.like_num:
        return ent.root
    return None


def _fronted_whole(ent: Span) -> Token | None:
    """The noun of a fronted "Of the ..." that a bare number takes a part of ("Of the 13
    pacts signed, nine are for energy")."""
    doc = ent.doc
    i = ent.start
    while i > 0 and not doc[i].is_sent_start:
        i -= 1  # the sentence's start, without building the doc's sentences (slow)
    while i < ent.start and doc[i].is_space:
        i += 1
    first = doc[i]
    if first.lower_ != "of" or first.i >= ent.start:
        return None
    whole = next((c for c in first.children if c.dep_ == "pobj"), None)
    if whole is None or whole.pos_ != "NOUN" or whole.i >= ent.start:
        return None
    return whole


def _noun_phrase(noun: Token, ent: Span) -> str:
    """The counted noun with its adjectives: "Russian women", "Israeli citizens"."""
    doc = noun.doc
    left = noun.i
    while (
        left - 1 >= ent.end
        and doc[left - 1].dep_ in ("amod", "compound")
        and doc[left - 1].head.i in range(left - 1, noun.i + 1)
    ):
        left -= 1
    words = doc[left : noun.i + 1].text
    return words


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose clause holds this token."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _clause(tokens: list[Token], sent: Span) -> list[Token]:
    """The clause around a number, without the clauses that hang off it."""
    anchor = tokens[-1]
    verb = _governing_verb(anchor)
    if verb is None:
        return list(sent)
    keep: set[int] = set()
    ids = {t.i for t in tokens}

    def walk(t: Token) -> None:
        keep.add(t.i)
        for c in t.children:
            sub = {x.i for x in c.subtree}
            if c.dep_ in ("advcl", "ccomp", "relcl", "parataxis", "mark", "cc") and not (sub & ids):
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not (sub & ids):
                continue
            if c.dep_ == "punct" and c.i > verb.i and not (sub & ids) and c.text != "%":
                continue
            walk(c)

    walk(verb)
    ordered = sorted(keep)
    # Keep one contiguous run around the number.
    first, last = min(ids), max(ids)
    start = first
    while start - 1 in keep:
        start -= 1
    end = last
    while end + 1 in keep:
        end += 1
    out = [sent.doc[i] for i in range(start, end + 1) if i in ordered]
    noun = verb.head
    if verb.dep_ == "acl" and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i:
        # "wine valued at $463.1 million": the figure is the wine's, so the noun leads
        left = min(
            [noun.i] + [c.i for c in noun.children if c.i < noun.i and c.dep_ in _NOUN_MODIFIERS]
        )
        if verb.i - left <= 6:
            out = [sent.doc[i] for i in range(left, verb.i)] + out
    return out


_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "det", "poss", "nummod"})


def _agreement(tokens: list[Token], sent: Span, prev: list[Span], noun: Token | None) -> str | None:
    """The agreement a number is a condition of, if the grammar makes it one.

    "a four-day ceasefire", "a deal worth $2bn", "the truce frees 33 hostages" and
    "Hamas pledged to release two women" (after a sentence about the deal) are
    terms; "fighting that killed 130 people" beside the word "ceasefire" is not.
    """
    if noun is not None and noun.lemma_.lower() in AGREEMENT_NOUNS:
        return None if _superseded(noun) else noun.lemma_.lower()
    anchor = tokens[-1]
    for anc in anchor.ancestors:
        if anc.lemma_.lower() in AGREEMENT_NOUNS and anc.pos_ in ("NOUN", "PROPN"):
            # "the previous agreement, which ran for two years": no term of this deal
            return None if _superseded(anc) else anc.lemma_.lower()
    verb = _governing_verb(anchor)
    if verb is None:
        return None
    own = {m.i for m in tokens}
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj", "prep", "npadvmod"):
            continue
        for t in child.subtree:
            is_agreement = t.lemma_.lower() in AGREEMENT_NOUNS and t.pos_ in ("NOUN", "PROPN")
            if is_agreement and not any(x.i in own for x in t.subtree):
                return t.lemma_.lower()
    conditional = (
        any(c.lower_ in ("will", "would", "could", "should", "must") for c in verb.children)
        or verb.lemma_ in TERM_VERBS
        or verb.lemma_ in ("pledge", "agree", "promise", "commit")
        or verb.head.lemma_ in ("pledge", "agree", "promise", "commit", "expect")
    )
    if not conditional:
        return None
    for span in (sent, *reversed(prev)):
        for tok in span:
            lemma = tok.lemma_.lower()
            if lemma in AGREEMENT_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
                return lemma
    return None


def _superseded(agreement: Token) -> bool:
    """ "the previous agreement", "the old deal": one this story's deal replaces."""
    return any(c.dep_ == "amod" and c.lower_ in SUPERSEDED_WORDS for c in agreement.children)


_CONDITIONS = frozenset("if once after until unless when before provided".split())


def _question_stem(mention: _Mention, clause: list[Token], analysis: Analysis) -> str | None:
    """Turn the number's clause into "How many X ..." when the grammar is plain."""
    if mention.compound or mention.noun is None or mention.amount.percent:
        return None
    if mention.unit and mention.unit.endswith(" old"):
        return None  # an age is asked in its sentence: "the _____-year-old leader"
    if mention.noun.lemma_.lower() in DURATION_UNITS:
        return None  # "more than four hours of talks": asked as a fill-in instead
    how = "How much" if mention.amount.currency else "How many"
    noun = mention.noun
    np_tokens = [t for t in noun.subtree]
    verb = _governing_verb(noun)
    if verb is None:
        return None
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children) or (
        verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ in _CONDITIONS
    ):
        # "the pact takes effect once six members have ratified it": a condition, not a
        # count of what happened; only the whole sentence says it
        return None
    num_ids = {t.i for t in mention.tokens}
    head_words = [
        t for t in noun.subtree if t.i not in num_ids and t.i <= noun.i and t.dep_ != "det"
    ]
    if mention.amount.currency:
        head_words = []
    noun_text = " ".join(t.text for t in head_words).strip()
    if not noun_text and not mention.amount.currency:
        return None
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i:
        rest = [t for t in clause if t.i > max(t.i for t in np_tokens)]
        rest_text = _render(rest, analysis)
        if not rest_text:
            return None
        stem = f"{how} {noun_text} {rest_text}".replace("  ", " ").strip()
        context = _relative_context(verb, analysis)
        if context:
            stem = f"{stem} {context}"
        elif verb.dep_ == "relcl" or len(rest) < 3:
            return None  # "how many people were killed" says too little on its own
        return stem
    if noun.dep_ == "dobj" and noun.head.i == verb.i and not mention.amount.currency:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj:
            return None
        s = subj[0]
        s_tokens = list(s.subtree)
        if any(t.lower_ in ("who", "which", "that") for t in s_tokens):
            return None
        person = analysis.person_of_np(s)
        subject_text = person or _render(s_tokens, analysis)
        if s.lower_ in ("he", "she", "it", "they", "we", "i", "you") and not person:
            return None
        auxes = [c for c in verb.children if c.dep_ in ("aux",) and c.i < verb.i]
        negs = [c for c in verb.children if c.dep_ == "neg"]
        if negs:
            return None
        after = [t for t in clause if t.i > max(t.i for t in noun.subtree)]
        after_text = _render(after, analysis)
        if auxes:
            aux = auxes[0].text.lower()
            middle = " ".join(
                t.text
                for t in verb.children
                if t.dep_ == "aux" and t.i < verb.i and t.i != auxes[0].i
            )
            verb_text = f"{middle} {verb.text}".strip()
            return f"{how} {noun_text} {aux} {subject_text} {verb_text} {after_text}".strip()
        tag = verb.tag_
        if tag == "VBD":
            do = "did"
        elif tag == "VBZ":
            do = "does"
        elif tag == "VBP":
            do = "do"
        else:
            return None
        base = getInflection(verb.lemma_, tag="VB")
        base_text = base[0] if base else verb.lemma_
        prt = " ".join(c.text for c in verb.children if c.dep_ == "prt")
        return f"{how} {noun_text} {do} {subject_text} {base_text} {prt} {after_text}".replace(
            "  ", " "
        ).strip()
    return None


def _relative_context(verb: Token, analysis: Analysis) -> str | None:
    """ "in which 1,200 people were killed" -> "in the Hamas-led attacks on ... October 7"."""
    if verb.dep_ != "relcl":
        return None
    prep = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and any(o.lower_ == "which" for o in c.children)
        ),
        None,
    )
    if prep is None:
        return None
    antecedent = verb.head
    skip = {t.i for t in verb.subtree}
    tokens = [t for t in antecedent.subtree if t.i not in skip and t.text not in (",",)]
    if not tokens or len(tokens) > 16:
        return None
    return f"{prep.lower_} {_render(tokens, analysis)}"


def _render(tokens: list[Token], analysis: Analysis) -> str:
    """Tokens as text, with pronouns replaced by the names they stand for."""
    out = []
    for t in tokens:
        if t.text in (",", ";", ":") and t is tokens[-1]:
            continue
        text = t.text
        if t.lower_ in ("he", "she", "him", "her") and analysis.person_at(t):
            text = analysis.person_at(t) or text
        elif t.lower_ in ("his",) and analysis.person_at(t):
            text = f"{analysis.person_at(t)}'s"
        out.append(text + t.whitespace_)
    return "".join(out).strip().rstrip(",;:")


def _unit_with_event(mention: _Mention, unit: str | None) -> str:
    """Add the event to a counted noun: "Palestinians" + "killed"."""
    noun = mention.noun
    base = unit or ""
    if noun is None:
        verb = _governing_verb(mention.tokens[-1])
        if verb is not None:
            return f"{base} {verb.text}".strip() or verb.text
        return base or "count"
    if mention.amount.currency or mention.amount.percent or mention.compound:
        return base
    verb = noun.head if noun.dep_ in ("nsubjpass", "dobj", "nsubj") else None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        return f"{base} ({noun.head.head.text} {noun.head.text})"
    if verb is not None and verb.pos_ == "VERB":
        if noun.dep_ == "nsubjpass" or noun.dep_ == "dobj":
            participle = getInflection(verb.lemma_, tag="VBN")
            word = participle[0] if participle else verb.text
            return f"{base} {word}".strip()
        return f"{base} ({verb.text})"
    return base


def _to_fact(
    mention: _Mention, sent: Span, prev: list[Span], analysis: Analysis
) -> Term | Quantity:
    """Decide term or quantity and fill in the fields."""
    clause = _clause(mention.tokens, sent)
    start = clause[0].idx
    end = clause[-1].idx + len(clause[-1].text)
    text = analysis.original(start, end)
    agreement = _agreement(mention.tokens, sent, prev, mention.noun)
    unit = _unit_with_event(mention, mention.unit)
    figure = _without_hedge(mention.tokens)
    first, last = figure[0], figure[-1]
    cue = Cue(
        analysis.original(first.idx, last.idx + len(last.text)),
        first.idx,
        last.idx + len(last.text),
    )
    ask = _question_stem(mention, clause, analysis)
    source = analysis.source(sent)
    if mention.compound:
        text = cue.text
        cue = _number_only_cue(mention, analysis)
    if agreement:
        return Term(
            agreement=agreement,
            text=text,
            value=mention.amount.value,
            unit=unit,
            approx=mention.amount.approx,
            ask=ask,
            source=source,
            cue=cue,
        )
    return Quantity(
        value=mention.amount.value,
        unit=unit,
        text=text,
        approx=mention.amount.approx,
        ask=ask,
        source=source,
        cue=cue,
    )


def _without_hedge(tokens: list[Token]) -> list[Token]:
    """ "about 250" -> "250": the words that state the figure itself."""
    out = list(tokens)
    while len(out) > 1 and not (
        out[0].like_num or out[0].text in CURRENCY_SIGNS or _GLUED_CURRENCY.match(out[0].text)
    ):
        out.pop(0)  # "R4 400" keeps its "R4"
    return out


def _number_only_cue(mention: _Mention, analysis: Analysis) -> Cue:
    """For "four-day ceasefire", the cue is "four-day"."""
    toks = mention.tokens[:3]
    first, last = toks[0], toks[-1]
    return Cue(
        analysis.original(first.idx, last.idx + len(last.text)),
        first.idx,
        last.idx + len(last.text),
    )
