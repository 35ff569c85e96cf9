"""Reading stage 5, modality: whether an event is negated, planned or cancelled."""

from __future__ import annotations

from spacy.tokens import Token

from .coreference import CoreferenceReading


class ModalityReading(CoreferenceReading):
    """Stage 5: whether an event is negated, planned or called off."""

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
                c.dep_ == "conj"
                and (
                    c.lemma_ in ("cancel", "postpone", "scrap")
                    # "called it off"; but "and also call on X" pays a visit
                    or (c.lemma_ == "call" and any(g.lower_ == "off" for g in c.children))
                )
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
            climbs = cur.dep_ in ("xcomp", "ccomp", "acomp") and cur.head.i != cur.i
            cur = cur.head if climbs else None
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
                if child.dep_ == "aux" and child.lower_ == "to" and cur.head.i == cur.i:
                    return True  # a headline's "Ruto to host Widodo": announced
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
                "predict",
            ):
                return True
            if cur.lower_ == "planned" and cur.dep_ == "amod":
                return True
            if cur is not verb and cur.lemma_ in ("agree", "promise", "pledge", "vow", "decide"):
                return True  # "agreed to hold annual summits, the next in Brasilia": a plan
            if cur.lower_ == "forward" or (
                cur.lemma_ == "look" and any(c.lower_ == "forward" for c in cur.children)
            ):
                return True  # "looked forward to meeting at the forum": not yet met
            if any(
                c.dep_ == "amod" and c.lower_ in ("planned", "upcoming", "forthcoming", "proposed")
                for c in cur.children
            ):
                return True
            if cur.dep_ == "advcl" and any(
                c.dep_ == "acomp" and c.lemma_ in ("due", "set", "scheduled", "expected")
                for c in cur.head.children
            ):
                return True  # "X is due to meet Y", parsed with "meet" beside "due"
            if cur.dep_ in ("xcomp", "ccomp", "acomp") and cur.head.i != cur.i:
                cur = cur.head
                seen += 1
                continue
            if cur.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
            ):
                # "will travel to Tokyo next week to meet X": a purpose is as planned as
                # the journey it is for
                cur = cur.head
                seen += 1
                continue
            if cur.dep_ == "pcomp" and cur.head.lower_ == "to" and cur.head.head.i != cur.head.i:
                cur = cur.head.head  # "looked forward to meeting"
                seen += 1
                continue
            if (
                cur.dep_ == "pcomp"
                and cur.head.lower_ in ("before", "after")
                and cur.head.head.i != cur.head.i
            ):
                # "is due to meet X before heading to Montevideo": as planned as what
                # it comes before or after
                cur = cur.head.head
                seen += 1
                continue
            if (
                cur.dep_ == "conj"
                and cur.tag_ not in ("VBD", "VBN")  # "will speak, and met X on Monday"
                and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in cur.children)
                and any(
                    c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall")
                    for c in cur.head.children
                )
            ):
                # "will arrive on Monday and meet X", "will tomorrow, Wednesday, host X"
                # (parsed as a conjunct): the conjunct shares the "will"
                return True
            break
        return False
