"""Reading stage 6, time: the date phrase an event carries ("on Monday", "next week")."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import REPORTING_VERBS
from .modality import ModalityReading
from .words import date_words, is_calendar_date


class DateReading(ModalityReading):
    """Stage 6: the date phrase of an event."""

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
                    and is_calendar_date(ent)
                    and ent[0].lower_ not in ("their", "his", "her", "its", "our", "my")
                ):
                    return date_words(ent)  # not "their first day": whose is unclear
            # "He met X ..., the agency reported early Tuesday": when it was reported is
            # not when it happened
            climb = cur.dep_ in ("xcomp", "ccomp") and cur.head.lemma_ not in REPORTING_VERBS
            cur = cur.head if climb else None
        return None
