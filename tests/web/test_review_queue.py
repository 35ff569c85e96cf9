"""The review queue and the Questions page: pages of 25, filters, search, the drafts of
one fact together, the teacher's place kept, and "approve all" with its count."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import APPROVED, DRAFT, Article, Question, User
from quizapp.services import review
from quizapp.services.review import Filters

from .conftest import login


def _bank(app: Flask, owner_email: str = "ta@example.org", facts: int = 20) -> dict[str, Any]:
    """Two articles of the teacher: the first with ``facts`` facts of three drafts each
    (mcq, short answer, true/false), the second with one visit fact of two drafts."""
    with app.app_context():
        owner = db.session.scalar(select(User).where(User.email == owner_email))
        first = Article(key="bank-1", title="Summit in Lima", text="x", owner_id=owner.id)
        second = Article(key="bank-2", title="Deal in Accra", text="y", owner_id=owner.id)
        db.session.add_all([first, second])
        db.session.flush()
        for n in range(facts):
            fact = {"type": "meeting", "who": f"Envoy {n:02d}", "n": n}
            for kind in ("mcq", "short_answer", "true_false"):
                db.session.add(
                    Question(
                        id=f"f{n:02d}-{kind}",
                        article_id=first.id,
                        kind=kind,
                        prompt=f"Whom did the minister meet ({n:02d}, {kind})?",
                        answer=f"Envoy {n:02d}",
                        fact=fact,
                        status=DRAFT,
                        owner_id=owner.id,
                        source_sentence=f"The minister met Envoy {n:02d} in Lima.",
                        confidence=0.3 if n % 2 else 0.9,
                    )
                )
        for kind in ("mcq", "cloze"):
            db.session.add(
                Question(
                    id=f"accra-{kind}",
                    article_id=second.id,
                    kind=kind,
                    prompt=f"Where did the minister go ({kind})? 100% sure_",
                    answer="Accra",
                    fact={"type": "trip", "place": "Accra"},
                    status=DRAFT,
                    owner_id=owner.id,
                    source_sentence="The minister flew to Accra.",
                )
            )
        db.session.commit()
        return {"first": first.id, "second": second.id, "owner": owner.id}


def _teacher(app: Flask, email: str = "ta@example.org") -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _ids(html: str) -> list[str]:
    return re.findall(r'<li class="qrow" id="([^"]+)"', html)


# -- the service --------------------------------------------------------------------------


def test_listing_pages_of_25_with_one_facts_drafts_together(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(app)
    with app.app_context():
        teacher = _teacher(app)
        first = review.listing(teacher, Filters())
        # 60 + 2 drafts of the bank, and the world's draft "qd"
        assert first.total == 63 and first.pages == 3 and len(first.questions) == 25
        # the oldest article first (the world's draft), then a fact's three drafts side by side
        assert [len(g.questions) for g in first.groups] == [1] + [3] * 8
        assert not any(g.continued or g.continues for g in first.groups)
        # the 17th fact is cut by the end of page 2, and goes on on page 3
        second = review.listing(teacher, Filters(), page=2)
        last = second.groups[-1]
        assert [q.id for q in last.questions] == ["f16-mcq"] and last.continues
        third = review.listing(teacher, Filters(), page=3)
        assert third.groups[0].continued
        assert [q.id for q in third.groups[0].questions] == ["f16-short_answer", "f16-true_false"]
        every = [q.id for p in (1, 2, 3) for q in review.listing(teacher, Filters(), p).questions]
        assert len(every) == len(set(every)) == 63
        # past the end: the last page
        assert review.listing(teacher, Filters(), page=99).page == 3
        assert review.listing(teacher, Filters(), page=-4).page == 1
        by_article = review.listing(teacher, Filters(article=bank["second"]))
        assert [q.id for q in by_article.questions] == ["accra-cloze", "accra-mcq"]
        assert by_article.groups[0].key == review.fact_key(by_article.questions[1])


def test_filters_and_search(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    _bank(app)
    with app.app_context():
        teacher = _teacher(app)

        def ids(**kw: Any) -> set[str]:
            return {q.id for q in review.listing(teacher, Filters(**kw), per_page=500).questions}

        assert len(ids(kind="mcq")) == 21
        assert ids(fact_type="trip") == {"accra-mcq", "accra-cloze"}
        assert len(ids(confidence="low")) == 30 and len(ids(confidence="high")) == 30
        assert ids(confidence="unrated") == {"accra-mcq", "accra-cloze", "qd"}
        assert ids(q="envoy 07") == {"f07-mcq", "f07-short_answer", "f07-true_false"}
        assert ids(q="ENVOY 07 true_false") == {"f07-true_false"}  # every word must match
        assert ids(q="lima 03", kind="mcq") == {"f03-mcq"}  # the source sentence is searched
        # LIKE's wildcards are searched as plain characters
        assert ids(q="100%") == {"accra-mcq", "accra-cloze"}
        assert ids(q="sure_") == {"accra-mcq", "accra-cloze"}
        assert ids(q="%") == {"accra-mcq", "accra-cloze"}
        choices = review.listing(teacher, Filters()).choices
        assert choices.fact_types == ["meeting", "trip", "visit"] and choices.rated
        assert [t for _, t, _ in choices.articles] == [
            "Deal in Accra",
            "Summit in Lima",
            "Talks in Oslo",
        ]


def test_filters_from_arguments_drop_what_means_nothing() -> None:
    f = Filters.from_args(
        {
            "article": "abc",
            "kind": "essay",
            "confidence": "lots",
            "q": "  two   words ",
            "status": "x",
        }
    )
    assert f == Filters(status=DRAFT, q="two words")
    f = Filters.from_args({"article": "7", "kind": "mcq", "fact_type": "trip"}, APPROVED)
    assert f.args(with_status=True) == {
        "status": APPROVED,
        "article": 7,
        "kind": "mcq",
        "fact_type": "trip",
    }


def test_another_teachers_drafts_never_show(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    _bank(app)
    with app.app_context():
        other = _teacher(app, "tb@example.org")
        assert review.listing(other, Filters()).total == 0
        assert review.count_matching(other, Filters()) == 0
        assert review.listing(other, Filters()).choices.articles == []


def test_approve_all_needs_the_count_it_showed(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    _bank(app)
    with app.app_context():
        teacher = _teacher(app)
        only_visits = Filters(fact_type="trip")
        assert review.count_matching(teacher, only_visits) == 2
        try:
            review.approve_all(teacher, only_visits, expected=3)
        except review.QueueChanged as exc:
            assert exc.count == 2 and "Nothing was approved" in str(exc)
        else:
            raise AssertionError("approved without the right count")
        assert review.count_matching(teacher, only_visits) == 2
        assert review.approve_all(teacher, only_visits, expected=2) == 2
    with app.app_context():
        statuses = dict(db.session.execute(select(Question.id, Question.status)).all())
        assert statuses["accra-mcq"] == statuses["accra-cloze"] == APPROVED
        assert sum(1 for s in statuses.values() if s == DRAFT) == 61


# -- through the client -------------------------------------------------------------------


def test_review_page_paginates_and_links_pages(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    _bank(app)
    login(client, "ta@example.org")
    html = client.get("/teach/review").get_data(as_text=True)
    assert len(_ids(html)) == 25
    assert "63 drafts: 1–25 on this page (1 of 3)" in html
    assert 'rel="next" href="/teach/review?page=2"' in html
    assert "More versions of this fact are on the next page." not in html
    page2 = client.get("/teach/review?page=2").get_data(as_text=True)
    assert "More versions of this fact are on the next page." in page2
    page3 = client.get("/teach/review?page=3").get_data(as_text=True)
    assert len(_ids(page3)) == 13 and "qd" in _ids(html)
    assert "(continued from the previous page)" in page3
    assert 'rel="prev" href="/teach/review?page=2"' in page3
    # a fact's source sentence is shown once for its group
    assert html.count("The minister met Envoy 00 in Lima.") == 1
    assert '<script src="/static/review.js" defer></script>' in html
    assert "data-shortcuts hidden" in html


def test_review_filters_through_the_page(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(app)
    login(client, "ta@example.org")
    html = client.get(f"/teach/review?article={bank['second']}&kind=mcq").get_data(as_text=True)
    assert _ids(html) == ["accra-mcq"]
    assert "1 draft match" in html
    assert f'<option value="{bank["second"]}" selected>' in html
    assert '<option value="mcq" selected>' in html
    html = client.get("/teach/review?q=%3Cscript%3E").get_data(as_text=True)
    assert "No draft matches these filters." in html and "<script>" not in html
    assert 'value="&lt;script&gt;"' in html
    html = client.get("/teach/review?confidence=low&page=2").get_data(as_text=True)
    assert "30 drafts match: 26–30" in html
    assert 'href="/teach/review?page=1&amp;confidence=low"' in html


def test_actions_keep_the_teachers_place(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    _bank(app)
    login(client, "ta@example.org")
    html = client.get("/teach/review?page=2&kind=mcq&q=envoy").get_data(as_text=True)
    assert len(_ids(html)) == 20  # only 20 match: page 2 of 1 shows page 1
    assert "20 drafts match: 1–20 on this page." in html
    html = client.get("/teach/review?page=2&confidence=high").get_data(as_text=True)
    ids = _ids(html)
    target = ids[3]
    # the approve button's form goes back to this page and filters, at the next draft
    form = re.search(
        rf'<form id="one-{target}-approved".*?name="next" value="([^"]+)"', html, re.S
    ).group(1)
    assert form == f"/teach/review?page=2&amp;confidence=high#{ids[4]}"
    response = client.post(
        "/teach/questions/status",
        data={"ids": [target], "status": "approved", "next": form.replace("&amp;", "&")},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    parts = urlsplit(location)
    assert parts.path == "/teach/review" and parts.fragment == ids[4]
    assert parse_qs(parts.query) == {"page": ["2"], "confidence": ["high"]}
    after = client.get(location).get_data(as_text=True)
    assert target not in _ids(after) and ids[4] in _ids(after)
    # the last draft of a page goes back to the one before it
    last = ids[-1]
    assert re.search(
        rf'<form id="one-{last}-rejected".*?name="next" value="[^"]+#{ids[-2]}"', html, re.S
    )
    # and a "next" elsewhere than the teacher's pages is not followed
    response = client.post(
        "/teach/questions/status",
        data={"ids": [ids[0]], "status": "rejected", "next": "//evil.example/teach"},
    )
    assert response.headers["Location"] == "/teach/review"


def test_approve_all_asks_first_and_says_how_many(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    _bank(app)
    login(client, "ta@example.org")
    html = client.get("/teach/review?fact_type=trip").get_data(as_text=True)
    assert 'href="/teach/review/approve-all?fact_type=trip"' in html
    assert "Approve all 2 drafts that match…" in html
    page = client.get("/teach/review/approve-all?fact_type=trip").get_data(as_text=True)
    assert "This approves <strong>2 draft questions</strong> that match your filters" in page
    assert '<input type="hidden" name="expected" value="2">' in page
    assert '<input type="hidden" name="fact_type" value="trip">' in page
    assert "Approve 2 questions" in page
    with app.app_context():
        drafts = db.session.scalar(select(func.count()).where(Question.status == DRAFT))
    # the GET itself, and a POST without the confirmation, approve nothing
    assert client.post("/teach/review/approve-all", data={"expected": "2"}).status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(Question.status == DRAFT)) == drafts
    # a count that no longer holds: nothing approved, asked again
    r = client.post(
        "/teach/review/approve-all",
        data={"confirm": "yes", "expected": "5", "fact_type": "trip"},
        follow_redirects=True,
    )
    assert "The queue changed since you confirmed: 2 drafts match now." in r.get_data(as_text=True)
    assert "This approves <strong>2 draft questions</strong>" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(Question.status == DRAFT)) == drafts
    r = client.post(
        "/teach/review/approve-all", data={"confirm": "yes", "expected": "2", "fact_type": "trip"}
    )
    assert r.headers["Location"] == "/teach/review?fact_type=trip"
    with app.app_context():
        assert db.session.get(Question, "accra-mcq").status == APPROVED
        assert db.session.get(Question, "f00-mcq").status == DRAFT
        assert db.session.scalar(select(func.count()).where(Question.status == DRAFT)) == drafts - 2


def test_questions_page_is_paginated_and_searchable_never_capped(
    app: Flask, client: FlaskClient, make_user
) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")
    with app.app_context():
        owner = db.session.scalar(select(User).where(User.email == "t@example.org"))
        for n in range(560):
            db.session.add(
                Question(
                    id=f"a{n:03d}",
                    kind="short_answer",
                    prompt=f"Question number {n:03d}?",
                    answer=f"Answer {n:03d}",
                    fact={"type": "authored"},
                    status=APPROVED,
                    owner_id=owner.id,
                )
            )
        db.session.commit()
    login(client, "t@example.org")
    html = client.get("/teach/questions").get_data(as_text=True)
    assert "560 approved questions: 1–25 on this page (1 of 23)" in html
    assert 'href="/teach/questions?page=23&amp;status=approved"' in html
    last = client.get("/teach/questions?status=approved&page=23").get_data(as_text=True)
    assert len(_ids(last)) == 10  # the 501st to 560th rows are reachable: nothing is cut
    found = client.get("/teach/questions?status=approved&q=number+537").get_data(as_text=True)
    assert _ids(found) == ["a537"]
    assert "1 approved question match" in found
    drafts = client.get("/teach/questions?status=draft").get_data(as_text=True)
    assert "No draft questions." in drafts


def test_page_links_show_the_ends_and_the_pages_around() -> None:
    def numbers(page: int, pages: int) -> list[int | None]:
        return review.Listing(
            Filters(), page, pages, pages * 25, [], review.Choices([], [])
        ).page_numbers()

    assert numbers(1, 1) == [1]
    assert numbers(1, 3) == [1, 2, 3]
    assert numbers(10, 20) == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert numbers(4, 20) == [1, 2, 3, 4, 5, 6, None, 20]


def test_generated_drafts_keep_the_generators_confidence_when_it_gives_one(
    app: Flask, world
) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from quizapp.services import library

    def bank_question(qid: str, **extra: Any) -> SimpleNamespace:
        return SimpleNamespace(
            id=qid,
            kind="short_answer",
            prompt="Where?",
            answer="Oslo",
            accepted=(),
            choices=(),
            fact={"type": "visit", "place": "Oslo"},
            source=SimpleNamespace(sentence="s", start=0, end=1),
            **extra,
        )

    with app.app_context():
        article = db.session.get(Article, world["article"])
        added = library._import(
            [bank_question("rated", confidence=0.42), bank_question("unrated")], article
        )
        db.session.commit()
        assert added == 2
        assert db.session.get(Question, "rated").confidence == pytest.approx(0.42)
        assert db.session.get(Question, "unrated").confidence is None
        teacher = _teacher(app)
        assert {q.id for q in review.listing(teacher, Filters(confidence="low")).questions} == {
            "rated"
        }
