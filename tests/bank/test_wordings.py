"""Every wording in question_bank/wordings.py gives its fact on its own example."""

from __future__ import annotations

import pytest

from question_bank.wordings import (
    APPOINTMENT_VERBS,
    COPULAS,
    HEADING_TITLES,
    HOST_VERBS,
    MEETING_VERBS,
    SERVING_VERBS,
    TRAVEL_VERBS,
    WORDINGS,
    Wording,
)

from .conftest import of_type

# a neutral sentence, so that a short example passes the article's prose check
PAD = " The statement was posted on the ministry's website later that day."


@pytest.mark.parametrize("wording", WORDINGS, ids=[w.name for w in WORDINGS])
def test_each_wording_gives_its_fact_on_its_example(facts, wording: Wording) -> None:
    found = of_type(facts(wording.example + PAD), wording.fact)
    if wording.fact == "meeting":
        want = set(wording.expect["participants"])
        assert any(set(f["participants"]) == want for f in found), found
    elif wording.fact == "mediation":
        assert any(
            f["mediator"] == wording.expect["mediator"]
            and f["agreement"].endswith(wording.expect["agreement"].removeprefix("the "))
            for f in found
        ), found
    elif wording.fact == "role":
        want = wording.expect["title"].lower()
        assert any(
            f["person"] == wording.expect["person"] and want in str(f["title"]).lower()
            for f in found
        ), found
    else:
        traveler = wording.expect.get("traveler")
        places = {
            p
            for f in found
            if traveler is None or f["traveler"] == traveler
            for p in f["places"]  # type: ignore[attr-defined]
        }
        assert set(wording.expect["places"]) <= places, found


def test_the_tables_are_compiled_from_the_rows() -> None:
    assert MEETING_VERBS["call"] == ("on", "upon", "")
    assert "meet" in MEETING_VERBS and "visit" in TRAVEL_VERBS
    assert {"appoint", "name", "elect", "swear"} <= APPOINTMENT_VERBS
    assert "serve" in SERVING_VERBS and {"be", "become"} == COPULAS
    assert HEADING_TITLES["lead"] == "leader"
    assert {"host", "receive", "welcome", "greet"} == HOST_VERBS
    names = [w.name for w in WORDINGS]
    assert len(names) == len(set(names))
    assert all(w.example.strip() and w.expect for w in WORDINGS)
