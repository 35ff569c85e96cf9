"""Text helpers of the question writer: folding, datelines, relative times, quoting."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from functools import lru_cache

from ..forms import place_forms
from ..lexicon import TITLE_SYNONYMS
from ..numbers import number_variants, parse_amount, parse_ordinal

# ---- comparing -----------------------------------------------------------------------


@lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped, spaces squeezed (as a reader compares)."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)
    text = re.sub(r"[^\w%$]+", " ", text)
    return " ".join(text.split())


def contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words, after folding."""
    n = fold(needle)
    if not n:
        return False
    # folded text is words between single spaces: whole words are a padded substring
    return f" {n} " in f" {fold(haystack)} "


def mentions_any(haystack: str, needles: tuple[str, ...] | list[str]) -> bool:
    """Whether any needle of two or more letters, or a lone digit, occurs in the haystack
    as whole words."""
    return any((len(fold(n)) >= 2 or n.isdigit()) and contains(haystack, n) for n in needles)


def same_answers(forms: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The forms with the other ways of writing each: a number in digits and in words
    ("six", "6"), a country by its official and its short name."""
    return _same_answers(tuple(forms))


@lru_cache(maxsize=8192)
def _same_answers(forms: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    ordinal = any(parse_ordinal(f) is not None for f in forms if f)  # "2" of "second"
    for form in forms:
        out.append(form)
        if not form:
            continue
        amount = None if ordinal else parse_amount(form)
        if amount is not None and not amount.percent and amount.currency is None:
            out.extend(number_variants(amount.value))
        elif amount is not None and amount.currency == "US dollars":
            out.extend(_dollar_forms(amount.value))
        out.extend(place_forms(form))
        low = form.lower()
        # "Türkiye's top diplomat" names its Foreign Minister
        out.extend(w for w in _ONE_OFFICE_WORDS if any(o in low for o in TITLE_SYNONYMS[w]))
    return tuple(dict.fromkeys(out))


_ONE_OFFICE_WORDS = ("diplomat", "envoy")
"""Words a headline may write for one office: a key with that office is given away by them."""


def _dollar_forms(value: float) -> list[str]:
    """ "$3 bn", "$3bn", "$3 billion", "US$3 billion" for three billion dollars."""
    out: list[str] = []
    for scale, names in ((1e9, ("bn", "billion")), (1e6, ("mn", "m", "million"))):
        if value >= scale:
            x = f"{value / scale:g}"
            for name in names:
                out += [f"${x} {name}", f"${x}{name}", f"US${x} {name}"]
            break
    return out


def words(text: str) -> int:
    """How many words a text has."""
    return len(text.split())


# ---- datelines, credits, speaker labels ----------------------------------------------

_DATELINE = re.compile(
    r"""^\s*(?:
        \((?:CNN|AP|AFP|Reuters|Xinhua|PTI|IANS|ANI|dpa|UNI)\)\s*(?:--|[—–:-])\s*
      | (?:AFP|AP|Reuters|Xinhua|PTI|IANS)\s+(?:--|[—–-])\s+
      | [A-Z][A-Za-z.'’]+(?:[\s/][A-Z][A-Za-z.'’]+){0,3}
        (?:,\s*(?:(?:\d{1,2}\s)?[A-Z][A-Za-z.]+(?:\s\d{1,2})?(?:,?\s\d{4})?)?)?
        ,?\s*(?:\([A-Za-z ]+\))?\s*(?:--|[—–:]|(?<=\w)-|(?<=\)\s)-|(?<=\))-)\s+
      | [A-Z][A-Za-z.'’]+(?:\s[A-Z][A-Za-z.'’]+){0,2},\s*[A-Z][a-z]{2,8}\.?\s\d{1,2}\s*
        \((?:[A-Z]{2,6}|Reuters|Xinhua|[A-Z][a-z]+\s[A-Z][a-z]+)\)(?:\s*:\s*|\s+)
      | [A-Z]{3,}(?:[\s/][A-Z]{3,}){0,3}\s+-\s+
      | [A-Z][A-Z0-9 .,'’-]{2,}:\s+
      | [A-Z]{3,}(?:\s[A-Z]{3,})*\s*\n\s*
    )""",
    re.VERBOSE,
)
_NOT_DATELINE = re.compile(r"^(?:According|However|Meanwhile|But|And|The|In|On|At)\b")


def strip_dateline(sentence: str) -> str:
    """A sentence without its dateline, credit or speaker label ("KATHMANDU, May 6: ...")."""
    m = _DATELINE.match(sentence)
    if not m or _NOT_DATELINE.match(sentence):
        return sentence
    rest = sentence[m.end() :]
    if len(rest.split()) < 3 or (not rest[:1].isalnum() and rest[:1] not in "“\"'‘"):
        return sentence
    return rest[:1].upper() + rest[1:]


def is_boilerplate(line: str) -> bool:
    """A credit, caption or label line: never an anchor."""
    return bool(
        re.search(
            r"REUTERS/|AFP/|\bPhoto(?:graph)?\s?:|©|\bFile photo\b|^\s*By\s|^Updated:|"
            r"^Live updates|^\(\w+\)$|\s[—–-]\s*(?:Bloomberg|Reuters|AFP|AP|Getty)\b|"
            r"\bPhoto\b.*\b(?:AFP|Reuters|AP|Getty)\b|"
            r"\b(?:Press Service|Press Office|News Agency|Staff Reporter|Correspondent)$|"
            # a photographer's credit: "Omer Miron/GPO", "Jane Doe/Getty Images"
            r"[a-z]/(?:[A-Z]{2,}\b|Getty|Reuters|Pool)",
            line,
        )
    )


# ---- relative times --------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = "|".join(WEEKDAYS)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|noon))?"
_RELATIVE = re.compile(
    rf"""(?ix)
    (?P<prep>\b(?:on|last|next|this|later|early|late|since|by|until|from)\s+)?
    (?P<day>\b(?:{_WEEKDAY})\b){_PART_OF_DAY}
    | \b(?P<word>today|tonight|yesterday|tomorrow)\b(?P<poss>['’]s\b)?
    | (?:\bon\s+)?\bthe\s+(?P<nth>\d{{1,2}})(?:st|nd|rd|th)\s+of
      \s+(?P<which>this|next|last)\s+month\b
    | (?:\b(?:over|in|within|during|for)\s+the\s+(?=(?:next|last|coming|past)\s))?
      \b(?P<span>(?:this|next|last|coming|earlier\s+this|later\s+this)\s+(?:week|month|weekend|year)
      |this\s+(?:morning|afternoon|evening))\b
    | \b(?P<night>last\s+night)\b
    """
)
_ABSOLUTE = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|\b(january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\s+\d{1,2}\b|\b\d{1,2}\s+(january|february|march|april|may"
    r"|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)


def has_relative_time(text: str) -> bool:
    """Whether a text says "today", "on Monday", "next week" and the like."""
    return _RELATIVE.search(text) is not None


def has_absolute_date(text: str) -> bool:
    """Whether a text gives a year or a day of a month."""
    return _ABSOLUTE.search(text) is not None


def format_date(date: dt.date) -> str:
    """ "6 May 2024"."""
    return f"{date.day} {date:%B %Y}"


def resolve_day(date: dt.date, weekday: str, planned: bool) -> dt.date:
    """The date a weekday names in a report of ``date``: the coming one for a plan, else the
    last one (the report's own day when it is that weekday, the next day rather than six
    days back)."""
    target = WEEKDAYS.index(weekday.lower())
    delta = (target - date.weekday()) % 7
    if planned:
        return date + dt.timedelta(days=delta)
    back = (date.weekday() - target) % 7
    if back == 6:
        # "on Sunday" in a report dated Saturday is the next day (the story was updated
        # after its date); a week back would be "last Sunday"
        return date + dt.timedelta(days=1)
    return date - dt.timedelta(days=back)


def _span_phrase(span: str, date: dt.date) -> str:
    """ "this week" -> "in the week of 6 May 2024"; "next month" -> "in June 2024"."""
    s = " ".join(span.lower().split()).replace("coming", "next")
    unit = s.split()[-1]
    if unit in ("morning", "afternoon", "evening"):
        return f"on the {unit} of {format_date(date)}"
    if unit == "year":
        year = date.year + (1 if s.startswith("next") else -1 if s.startswith("last") else 0)
        lead = (
            "earlier in"
            if s.startswith("earlier")
            else "later in"
            if s.startswith("later")
            else "in"
        )
        return f"{lead} {year}"
    if unit == "month":
        month = date.month + (1 if s.startswith("next") else -1 if s.startswith("last") else 0)
        year = date.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return f"in {dt.date(year, month, 1):%B %Y}"
    which = "the week after" if s.startswith("next") else "the week before"
    if s.startswith(("this", "earlier", "later")):
        which = "the week of"
    noun = "weekend" if unit == "weekend" else "week"
    return f"in {which.replace('week', noun)} {format_date(date)}"


def resolve_relative(text: str, date: dt.date | None, planned: bool = False) -> str:
    """Relative times made absolute with the report's date, or left out without one.

    "on Monday" -> "on 23 January 2023"; "next week" -> "in the week after 6 May 2024";
    without a date, "will on Saturday arrive" -> "will arrive".
    """

    def sub(m: re.Match[str]) -> str:
        the = "The" if m.group(0)[:1].isupper() else "the"
        if date is None:
            return the if m.group("poss") else ""  # "Today's meeting": "the meeting"
        if m.group("nth"):  # "on the 30th of this month"
            month = date.month + {"this": 0, "next": 1, "last": -1}[m.group("which").lower()]
            year = date.year + (month - 1) // 12
            try:
                day = dt.date(year, (month - 1) % 12 + 1, int(m.group("nth")))
            except ValueError:
                return m.group(0)
            return f"on {format_date(day)}"
        if m.group("day"):
            when = resolve_day(date, m.group("day"), planned)
            prep = (m.group("prep") or "").strip().lower()
            keep = prep if prep in ("since", "by", "until", "from") else "on"
            return f"{keep} {format_date(when)}"
        if m.group("word"):
            shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
            when = date + dt.timedelta(days=shift[m.group("word").lower()])
            if m.group("poss"):
                return f"{the} {format_date(when)}"  # "Today's meeting": "the 4 May 2023 meeting"
            night = "on the night of " if m.group("word").lower() == "tonight" else "on "
            return f"{night}{format_date(when)}"
        if m.group("night"):
            return f"on the night of {format_date(date - dt.timedelta(days=1))}"
        return _span_phrase(m.group("span"), date)

    out = _RELATIVE.sub(sub, _WEEKDAY_BEFORE_DATE.sub("", text))
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)
    out = re.sub(r",\s*,", ",", out)
    out = re.sub(r"^\s*,\s*", "", out)
    # "… Summit). Earlier this year, he also …" without its time: "… Summit). He also …"
    out = re.sub(
        r"([.!?][)\"'”’]*)\s*,\s*([a-z])", lambda m: f"{m.group(1)} {m.group(2).upper()}", out
    )
    out = " ".join(out.split())
    if date is None and text[:1].isupper() and out[:1].islower():
        out = out[0].upper() + out[1:]  # "On Monday, he met …": "He met …"
    return out


_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_WEEKDAY_BEFORE_DATE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
    rf"(?=\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(_MONTHS)})\b|(?:{'|'.join(_MONTHS)})\s+\d)",
    re.IGNORECASE,
)
"""A weekday written with its date ("on Monday 11 November"): the date says it all."""
_TIME_LEAD = frozenset(
    "on in at by from during since until before after earlier later the last next this "
    "early late coming of".split()
) | frozenset(_MONTHS)


def _from_time_word(w: str) -> str:
    """A time read with the words before it ("a ceremony Tuesday") cut to its time
    ("Tuesday"); one led by prepositions and time words only stays as it is."""
    found = [m.start() for m in (_RELATIVE.search(w), _ABSOLUTE.search(w)) if m is not None]
    if not found or min(found) == 0:
        return w
    at = min(found)
    lead = w[:at].split()
    if all(x.lower() in _TIME_LEAD for x in lead):
        return w
    while lead and lead[-1].lower() in _TIME_LEAD:  # "a ceremony in 2019": "in 2019"
        lead.pop()
    return w[len(" ".join(lead)) :].strip()


_MONTH_DAY = re.compile(
    rf"^(?P<prep>(?:on|by|since|until|from)\s+)?(?P<month>{'|'.join(_MONTHS)})\s+"
    r"(?P<days>\d{1,2}(?:\s*[-–]\s*\d{1,2})?)(?:st|nd|rd|th)?$"
    rf"|^(?P<prep2>(?:on|by|since|until|from)\s+)?(?P<days2>\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)"
    rf"\s+(?P<month2>{'|'.join(_MONTHS)})$",
    re.IGNORECASE,
)


def _with_year(w: str, date: dt.date, planned: bool) -> str:
    """A day of a month without its year, given the year from the report's date: "on
    June 7-8" in a report of 10 June 2013 is "on 7-8 June 2013" (a past day after the
    report's date is last year's, a planned one before it next year's)."""
    m = _MONTH_DAY.match(w.strip())
    if m is None:
        return w
    month_name = m.group("month") or m.group("month2")
    days = re.sub(r"\s*[-–]\s*", "-", m.group("days") or m.group("days2"))
    prep = (m.group("prep") or m.group("prep2") or "on ").strip().lower()
    month = _MONTHS.index(month_name.lower()) + 1
    first = int(days.split("-")[0])
    year = date.year
    try:
        day = dt.date(year, month, first)
    except ValueError:
        return w
    if not planned and day > date + dt.timedelta(days=7):
        year -= 1
    elif planned and day < date - dt.timedelta(days=7):
        year += 1
    return f"{prep} {days} {month_name.capitalize()} {year}"


def when_phrase(when: str | None, date: dt.date | None, planned: bool) -> str:
    """A fact's time for a prompt: absolute when it can be, "" when it is relative and
    undated. "on 2019" becomes "in 2019"."""
    if not when:
        return ""
    w = " ".join(when.split())
    if re.search(
        r"\b(?:the\s+same|that|the\s+next|the\s+following|the\s+previous)\s+"
        r"(?:day|week|month|morning|evening|night)\b|\b(?:then|afterwards|meanwhile)\b",
        w,
        re.IGNORECASE,
    ):
        return ""  # "the same day" points at another sentence's date: a prompt cannot
    if re.search(r"\band$|,$", w):
        w = re.sub(r"\s*(?:and|,)$", "", w)  # "on 31 May and" cut before its second day
    w = _from_time_word(w)
    if date is not None:
        w = _with_year(w, date, planned)
    w = re.sub(
        r"^on\s+(?=(?:1[89]|20)\d\d\b|(?:january|february|march|april|may|june|july|"
        r"august|september|october|november|december)\s+(?:last|next|this)\b)",
        "in ",
        w,
        flags=re.IGNORECASE,
    )
    if re.search(r"\b(?:last|next|this)\s+year\b", w, re.IGNORECASE):
        if date is None:
            return ""
        year = date.year + (1 if "next" in w.lower() else -1 if "last" in w.lower() else 0)
        w = re.sub(r"\s*\b(?:last|next|this)\s+year\b", f" {year}", w, flags=re.IGNORECASE)
        w = w.strip()
        if re.fullmatch(r"(?:1[89]|20)\d\d", w):
            w = f"in {w}"  # "last year": "in 2022", never "on 2022"
    if not re.match(
        r"^(?:on|in|at|by|from|during|since|until|before|after|earlier|later|the)\b",
        w,
        re.IGNORECASE,
    ) and not has_relative_time(w):
        w = f"on {w}"
    if re.match(r"^the\s+weekend$", w, re.IGNORECASE):
        w = "this weekend"
    if has_relative_time(w):
        if date is None:
            return ""
        w = resolve_relative(w, date, planned)
    return w.strip()


def nest_quotes(text: str) -> str:
    """Double quotes inside a sentence the prompt puts in double quotes become single
    ones: “He added: ‘We will stay.’” rather than “He added: “We will stay.””."""
    out: list[str] = []
    opened = False
    for ch in text:
        if ch == "“":
            out.append("‘")
        elif ch == "”":
            out.append("’")
        elif ch == '"':
            out.append("’" if opened else "‘")
            opened = not opened
        else:
            out.append(ch)
    return "".join(out)


def quote_for_prompt(sentence: str, date: dt.date | None, planned: bool = False) -> str:
    """A source sentence as a prompt quotes it: no dateline, relative times made absolute
    (in brackets after the word, so the quote stays the article's) or left out."""
    s = nest_quotes(strip_dateline(" ".join(sentence.split())).lstrip(",;: "))
    if _INITIALS.search(s):  # the gloss pattern is slow to fail: try it only where it can match
        s = " ".join(_GLOSS.sub(_gloss_dropped, s).split())
    if date is None:
        return resolve_relative(s, None, planned)

    def bracket(m: re.Match[str]) -> str:
        if _WEEKDAY_BEFORE_DATE.match(s, m.end() - len(m.group(0).split()[-1])):
            return m.group(0)  # "on Monday 11 November": the date is written
        if re.match(r"\s*\(\d{1,2}\)", s[m.end() :]):
            return m.group(0)  # "today (22)" in a report of the 23rd: the article's day
        resolved = resolve_relative(m.group(0), date, planned)
        return f"{m.group(0)} [{re.sub(r'^(?:on|in|the) ', '', resolved, flags=re.I)}]"

    # "today (23)": the day the article writes beside the word is the one the bracket
    # gives in full, once
    s = _DAY_IN_BRACKETS.sub(lambda m: _day_kept(m, date, planned), s)
    return _RELATIVE.sub(bracket, s)


_INITIALS = re.compile(r"\([A-Z]{2,8}\)")
_GLOSS = re.compile(r"(?P<before>(?:[\w'’-]+\s+){1,8})\((?P<initials>[A-Z]{2,8})\)")
_GLOSS_LINKS = frozenset("of the and for on in de".split())


def _gloss_dropped(m: re.Match[str]) -> str:
    """ "the official Saudi Press Agency (SPA) reported": initials in brackets that only
    spell the name before them are left out of a quote (they read as a credit line)."""
    before, initials = m.group("before"), m.group("initials")
    words = [w for w in before.split() if w.lower() not in _GLOSS_LINKS]
    for k in range(len(initials), 1, -1):
        tail = words[-k:]
        spelt = "".join(w[0] for w in tail).upper() == initials
        if len(tail) == k and spelt and all(w[:1].isupper() for w in tail):
            return before.rstrip() + " "
    return m.group(0)


_DAY_IN_BRACKETS = re.compile(r"\b(today|yesterday|tomorrow|tonight)\s*\((\d{1,2})\)", re.I)


def _day_kept(m: re.Match[str], date: dt.date, planned: bool) -> str:
    """ "today (23)" as "today" when the report's date makes it the 23rd (the bracket
    then dates it), else left as the article wrote it."""
    resolved = resolve_relative(m.group(1), date, planned)
    return m.group(1) if re.search(rf"\b{int(m.group(2))} [A-Z]", resolved) else m.group(0)


def trim_around(sentence: str, keep_from: int, keep_to: int, limit: int = 40) -> str:
    """The sentence cut at clause boundaries to about ``limit`` words around a span."""
    if words(sentence) <= limit:
        return sentence

    def outside_brackets(i: int) -> bool:
        return sentence[:i].count("(") <= sentence[:i].count(")")

    cuts = [0] + [
        m.end()
        for m in re.finditer(r"[,;:—–]\s+|\s+[—–-]\s+", sentence)
        if outside_brackets(m.end())  # never "…28 October 2015) said": a cut inside "( )"
    ]
    ends = [
        m.start()
        for m in re.finditer(r"[,;:—–]\s+|\s+[—–-]\s+", sentence)
        if outside_brackets(m.start())
    ] + [len(sentence)]
    best: tuple[int, int] | None = None
    for a in cuts:
        if a > keep_from:
            break
        for b in ends:
            if b < keep_to:
                continue
            if words(sentence[a:b]) <= limit and (best is None or b - a > best[1] - best[0]):
                best = (a, b)
    if best is None:
        # no clause fits: a window of words around the span, cut at word ends
        left = sentence[:keep_from]
        right = sentence[keep_to:]
        room = max(4, limit - len(sentence[keep_from:keep_to].split()))
        before = left.split()
        after = right.split()
        head = before[len(before) - room // 2 :] if len(before) > room // 2 else before
        tail = after[: room - len(head)]
        # where the first kept word starts, however many spaces the words have between
        starts = [m.start() for m in re.finditer(r"\S+", left)]
        start = starts[len(before) - len(head)] if head else keep_from
        piece = sentence[max(0, start) : keep_to]
        if tail:
            ends = [m.end() for m in re.finditer(r"\S+", right)]
            piece = sentence[max(0, start) : keep_to + ends[len(tail) - 1]]
        lead = "…" if len(head) < len(before) else ""
        trail = "…" if len(tail) < len(after) else ""
        return lead + piece.strip() + trail
    a, b = best
    piece = sentence[a:b].strip()
    return ("…" if a > 0 else "") + piece + ("…" if b < len(sentence) else "")


# ---- dates an agreement sets -----------------------------------------------------------

_MONTH_NAMES = [m.capitalize() for m in _MONTHS]
_DATE_PARTS = re.compile(
    r"^(?:the\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[A-Za-z]+)\.?"
    r"|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{4}))?$"
)


def _month_number(word: str) -> int | None:
    low = word.lower()
    return next((i + 1 for i, m in enumerate(_MONTHS) if m == low or m[:3] == low[:3]), None)


def date_forms(date: str) -> tuple[str, ...]:
    """Ways to write a date a student may type: "15 November", "November 15", "Nov 15",
    "15th November", "15th of November" (and each with the year, when written)."""
    text = " ".join(date.split())
    m = _DATE_PARTS.match(text)
    if m is None:
        return (text,)
    day = int(m.group("d1") or m.group("d2"))
    month = _month_number(m.group("m1") or m.group("m2") or "")
    if month is None or not 1 <= day <= 31:
        return (text,)
    name = _MONTH_NAMES[month - 1]
    nth = (
        f"{day}{'th' if 11 <= day % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    )
    bases = [
        f"{day} {name}",
        f"{name} {day}",
        f"{day} {name[:3]}",
        f"{name[:3]} {day}",
        f"{nth} {name}",
        f"{nth} of {name}",
        f"{name} {nth}",
        f"{nth} {name[:3]}",
        f"{name[:3]} {nth}",
    ]
    year = m.group("y")
    out = [text, *([f"{b} {year}" for b in bases] + [f"{name} {day}, {year}"] if year else bases)]
    return tuple(dict.fromkeys(out))


def moved_dates(date: str, rng: random.Random) -> list[str]:
    """Wrong dates near one, in its style: a week or a month away for a day of a month,
    five or ten years away for a year."""
    text = " ".join(date.split())
    if re.fullmatch(r"(?:19|20)\d\d", text):
        steps = [-10, -5, 5, 10]
        rng.shuffle(steps)
        return [str(int(text) + s) for s in steps]
    m = _DATE_PARTS.match(text)
    if m is None:
        return []
    day = int(m.group("d1") or m.group("d2"))
    month = _month_number(m.group("m1") or m.group("m2") or "")
    if month is None:
        return []
    year = int(m.group("y") or 2001)  # a year with no 29 February, when none is written
    try:
        base = dt.date(year, month, day)
    except ValueError:
        return []
    shifts = [dt.timedelta(days=d) for d in (-14, -7, 7, 14, 30, -30)]
    rng.shuffle(shifts)
    out = []
    for shift in shifts:
        new = base + shift
        name = _MONTH_NAMES[new.month - 1]
        written = f"{new.day} {name}" if m.group("d1") else f"{name} {new.day}"
        if m.group("y"):
            written += f", {new.year}" if "," in text else f" {new.year}"
        out.append(written)
    return out


def dated_forms(date: str, report: dt.date | None) -> tuple[str, ...]:
    """A day of a month's forms, and, when the report is dated and the day has no year,
    the same with the year it falls in (the report's, or the next when the day is more
    than a week before the report: a deadline is still to come)."""
    forms = date_forms(date)
    m = _DATE_PARTS.match(" ".join(date.split()))
    if report is None or m is None or m.group("y"):
        return forms
    day = int(m.group("d1") or m.group("d2"))
    month = _month_number(m.group("m1") or m.group("m2") or "")
    if month is None:
        return forms
    year = report.year
    try:
        if dt.date(year, month, day) < report - dt.timedelta(days=7):
            year += 1
    except ValueError:
        return forms
    return tuple(dict.fromkeys([*forms, *date_forms(f"{date} {year}")]))
