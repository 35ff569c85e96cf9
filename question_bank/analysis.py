"""Reading one parsed article, in stages: which sentences are story, who the people
are, which titles they hold, who each "he", "Mr Blinken" or "the top U.S. diplomat"
stands for, whether an event happened or is planned, and when.

Each stage is a module of :mod:`question_bank.reading` with one job; :class:`Analysis`
runs them in order over one spaCy ``Doc`` and is what the extractors read.

The small English model mislabels names now and then ("Blinken" as a place,
"Cameron" as an organisation), so people are found across the whole article and
a token is judged by every mention of its name, not by its own label alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .model import Article
from .reading.coreference import Mention
from .reading.dates import DateReading
from .reading.people import Person
from .reading.titles import TitleMention

__all__ = ["Analysis", "Mention", "Person", "TitleMention"]


class Analysis(DateReading):
    """Article-level knowledge the extractors share, read in six stages."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self._read_document(article, doc)
        self._read_people()
        self._read_titles()
        self._read_references()
