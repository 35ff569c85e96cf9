"""Editing and deleting: articles (drafts deleted, questions with history retired and
kept), decks (name, description, questions, a searchable pick list), classes (rename,
archive, remove a student) and a student leaving a class. Every deletion or removal
says what happens and takes a confirmation."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import (
    APPROVED,
    RETIRED,
    Answer,
    Article,
    Classroom,
    Deck,
    DeckQuestion,
    Enrollment,
    Question,
    QuizAttempt,
    User,
)
from quizapp.services import NotAllowed, classes, decks, library, review

from .conftest import add_question, answered, login
from .test_teacher import ARTICLE


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _quiz(client: FlaskClient, deck_id: int, length: int = 3) -> int:
    r = client.post(f"/decks/{deck_id}", data={"length": length})
    assert r.status_code == 302
    return int(r.headers["Location"].rsplit("/", 1)[1])


def _answer_question(app: Flask, client: FlaskClient, attempt: int, qid: str, text: str) -> None:
    with app.app_context():
        position = db.session.get(QuizAttempt, attempt).question_ids.index(qid)
    r = client.post(f"/quiz/{attempt}/answer", data={"position": position, "response": text})
    assert r.status_code == 302


# -- articles -----------------------------------------------------------------------------


def test_deletion_plan_counts_what_happens(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    attempt = _quiz(client, world["deck"])
    _answer_question(app, client, attempt, "q0", "Oslo")
    with app.app_context():
        add_question(
            app, "qr", "rejected", article_id=world["article"], owner_id=world["teacher_a"]
        )
        plan = library.deletion_plan(_user("ta@example.org"), world["article"])
        assert (plan.drafts, plan.unused, plan.kept, plan.kept_in_use) == (1, 3, 1, 1)
        assert plan.deleted == 4 and plan.quizzes == 1 and plan.decks == ["A's picks"]


def test_deleting_an_article_keeps_history_and_says_so(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    student = app.test_client()
    login(student, "s@example.org")
    attempt = _quiz(student, world["deck"])
    _answer_question(app, student, attempt, "q0", "Oslo")
    with app.app_context():
        db.session.add(DeckQuestion(deck_id=world["own_deck"], question_id="q1"))
        db.session.commit()
    login(client, "ta@example.org")
    article_page = client.get(f"/teach/articles/{world['article']}").get_data(as_text=True)
    assert f'href="/teach/articles/{world["article"]}/delete"' in article_page
    page = client.get(f"/teach/articles/{world['article']}/delete").get_data(as_text=True)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)).replace("&#39;", "'")
    assert "1 draft question is deleted." in text
    assert (
        "2 other questions (approved, rejected or retired) that no student has answered or studied are deleted, and taken out of your decks."
        in text
    )
    assert (
        "1 question with students' answers or flashcard reviews is kept, retired (1 of them approved until now)"
        in text
    )
    assert "The 1 quiz taken on it stay in the students' history" in text
    assert "Your decks that hold some of its questions: A's picks." in text
    # nothing happens without the confirmation
    assert client.post(f"/teach/articles/{world['article']}/delete").status_code == 400
    with app.app_context():
        assert db.session.get(Article, world["article"]).deleted_at is None
    r = client.post(f"/teach/articles/{world['article']}/delete", data={"confirm": "yes"})
    assert r.status_code == 302 and r.headers["Location"] == "/teach/articles"
    flashed = client.get("/teach/articles").get_data(as_text=True)
    assert "Deleted “Talks in Oslo”: 3 questions deleted, 1 kept as retired." in flashed
    assert f'/teach/articles/{world["article"]}"' not in flashed
    with app.app_context():
        art = db.session.get(Article, world["article"])
        assert art.deleted_at is not None and art.text == "" and art.fingerprint is None
        assert {q.id: q.status for q in db.session.scalars(select(Question))} == {"q0": RETIRED}
        assert db.session.scalar(select(func.count(Answer.id))) == 1  # answers stay
        assert db.session.scalars(select(DeckQuestion.question_id)).all() == ["q0"]
    # the article, its page and its deck are gone for everyone
    assert client.get(f"/teach/articles/{world['article']}").status_code == 404
    assert student.get(f"/articles/{world['article']}").status_code == 404
    assert student.get(f"/decks/{world['deck']}").status_code == 404
    assert "Talks in Oslo" not in student.get("/decks").get_data(as_text=True)
    # the quiz left half-way skips what is gone; what was answered still counts
    assert student.get(f"/quiz/{attempt}").headers["Location"].endswith("/results")
    results = student.get(f"/quiz/{attempt}/results").get_data(as_text=True)
    assert "You scored <strong>1 / 1</strong>" in results
    assert "withdrew 2 questions of this quiz" in results


def test_a_deleted_article_can_be_added_again(app: Flask, client: FlaskClient, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("t@example.org", "teacher")
    login(client, "t@example.org")
    first = client.post("/teach/articles", data={"text": ARTICLE})
    article_id = int(first.headers["Location"].rsplit("/", 1)[1])
    assert "already in the bank" in client.post("/teach/articles", data={"text": ARTICLE}).get_data(
        as_text=True
    )
    assert (
        client.post(f"/teach/articles/{article_id}/delete", data={"confirm": "yes"}).status_code
        == 302
    )
    again = client.post("/teach/articles", data={"text": ARTICLE})
    assert again.status_code == 302
    with app.app_context():
        assert (
            db.session.scalar(select(func.count(Article.id)).where(Article.deleted_at.is_(None)))
            == 1
        )
        assert db.session.scalar(select(func.count(Question.id))) > 0


def test_shared_and_other_teachers_articles_cannot_be_deleted(app: Flask, world, shared) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        for email, article in (
            ("ta@example.org", shared["shared_article"]),
            ("tb@example.org", world["article"]),
        ):
            try:
                library.delete_article(_user(email), article)
            except NotAllowed:
                pass
            else:
                raise AssertionError("deleted")
        assert db.session.get(Article, shared["shared_article"]).deleted_at is None
        assert db.session.get(Article, world["article"]).deleted_at is None


# -- decks --------------------------------------------------------------------------------


def test_deck_editor_renames_describes_and_lists_its_questions(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    page = client.get(f"/teach/decks/{world['own_deck']}/edit").get_data(as_text=True)
    assert "In this deck (1)" in page
    contents = page.split('id="in-deck"')[1].split('id="add"')[0]
    assert "Where did the minister fly?" in contents and "Answer: <strong>Oslo</strong>" in contents
    assert "short answer" in contents and "Talks in Oslo" in contents
    r = client.post(
        f"/teach/decks/{world['own_deck']}/edit",
        data={"name": "  Oslo <week> ", "description": "For Friday."},
    )
    assert r.status_code == 302
    with app.app_context():
        deck = db.session.get(Deck, world["own_deck"])
        assert (deck.name, deck.description) == ("Oslo <week>", "For Friday.")
    page = client.get(f"/teach/decks/{world['own_deck']}/edit").get_data(as_text=True)
    assert "Oslo &lt;week&gt;" in page and "<week>" not in page
    r = client.post(f"/teach/decks/{world['own_deck']}/edit", data={"name": ""})
    assert r.status_code == 400


def test_pick_list_is_searchable_and_shows_answer_kind_and_article(
    app: Flask, client: FlaskClient, world, shared
) -> None:  # type: ignore[no-untyped-def]
    add_question(app, "theirs", owner_id=world["teacher_b"], prompt="B's secret question?")
    login(client, "ta@example.org")
    page = client.get(f"/teach/decks/{world['own_deck']}/edit").get_data(as_text=True)
    picks = page.split('id="add"')[1]
    assert 'name="add" value="q0"' not in picks  # already in the deck
    assert 'name="add" value="q1"' in picks and 'name="add" value="qs"' in picks
    assert "B's secret question" not in page
    row = re.search(r'value="qs">.*?</li>', picks, re.S).group(0)
    assert "Whom did the envoy meet?" in row and "Answer: <strong>the king</strong>" in row
    assert "short answer" in row and "Shared talks" in row
    found = client.get(f"/teach/decks/{world['own_deck']}/edit?q=envoy").get_data(as_text=True)
    assert re.findall(r'name="add" value="([^"]+)"', found) == ["qs"]
    found = client.get(f"/teach/decks/{world['own_deck']}/edit?kind=mcq").get_data(as_text=True)
    assert re.findall(r'name="add" value="([^"]+)"', found) == ["q1"]
    # the create page's pick list is searchable too
    listing = client.get("/teach/decks?q=envoy").get_data(as_text=True)
    assert re.findall(r'name="ids" value="([^"]+)"', listing) == ["qs"]
    assert "Answer: <strong>the king</strong>" in listing


def test_adding_and_taking_out_questions(app: Flask, client: FlaskClient, world, shared) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    url = f"/teach/decks/{world['own_deck']}/questions"
    back = f"/teach/decks/{world['own_deck']}/edit?q=envoy"
    r = client.post(url, data={"add": ["q1", "qs", "qd"], "next": back})
    assert r.headers["Location"] == back
    with app.app_context():
        held = set(
            db.session.scalars(
                select(DeckQuestion.question_id).where(DeckQuestion.deck_id == world["own_deck"])
            )
        )
        assert held == {"q0", "q1", "qs"}  # the draft cannot go in
    # taking out asks first, and says what happens
    r = client.post(url, data={"remove": ["q0", "q1"], "next": back})
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and "Take 2 questions out of" in page
    assert "They stay in the question bank, with every student's answers and reviews." in page
    with app.app_context():
        assert (
            db.session.scalar(
                select(func.count(DeckQuestion.id)).where(DeckQuestion.deck_id == world["own_deck"])
            )
            == 3
        )
    r = client.post(url, data={"remove": ["q0", "q1"], "confirm": "yes", "next": back})
    assert r.headers["Location"] == back
    with app.app_context():
        held = set(
            db.session.scalars(
                select(DeckQuestion.question_id).where(DeckQuestion.deck_id == world["own_deck"])
            )
        )
        assert held == {"qs"}
        assert db.session.get(Question, "q0").status == APPROVED  # still in the bank
    # taking out what is not in the deck asks nothing and changes nothing
    r = client.post(url, data={"remove": ["q2"], "next": back}, follow_redirects=True)
    assert "Select the questions to take out." in r.get_data(as_text=True)
    # a "next" outside this deck's editor is not followed
    r = client.post(url, data={"add": ["q2"], "next": "https://evil.example/"})
    assert r.headers["Location"] == f"/teach/decks/{world['own_deck']}/edit"


def test_decks_hold_only_usable_questions_and_article_decks_are_not_edited(
    app: Flask, world
) -> None:  # type: ignore[no-untyped-def]
    add_question(app, "theirs", owner_id=world["teacher_b"])
    with app.app_context():
        teacher = _user("ta@example.org")
        for call in (
            lambda: decks.change_questions(teacher, world["own_deck"], add=["theirs"]),
            lambda: decks.managed_deck(teacher, world["deck"]),
            lambda: decks.update_deck(_user("tb@example.org"), world["own_deck"], "Mine", ""),
        ):
            try:
                call()
            except NotAllowed:
                pass
            else:
                raise AssertionError("allowed")
        listing = decks.pick_list(teacher, review.Filters(), deck_id=world["own_deck"])
        assert "theirs" not in {q.id for q in listing.questions}


def test_creating_a_deck_leads_to_its_editor(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    r = client.post("/teach/decks", data={"name": "Mixed", "ids": ["q1"]})
    with app.app_context():
        deck = db.session.scalar(select(Deck).where(Deck.name == "Mixed"))
    assert r.headers["Location"] == f"/teach/decks/{deck.id}/edit"
    assert f'href="/teach/decks/{deck.id}/edit"' in client.get("/teach/decks").get_data(
        as_text=True
    )


def test_deleting_a_deck_says_what_happens_and_keeps_history(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    own = world["own_deck"]
    add_question(app, "qw", owner_id=world["teacher_a"])  # written: in no other deck
    with app.app_context():
        db.session.add_all(
            [
                DeckQuestion(deck_id=own, question_id="q1"),
                DeckQuestion(deck_id=own, question_id="qw"),
            ]
        )
        db.session.commit()
    student = app.test_client()
    login(student, "s@example.org")
    attempt = _quiz(student, own, length=3)
    _answer_question(app, student, attempt, "q0", "Oslo")  # one of three: left half-way
    login(client, "ta@example.org")
    editor = client.get(f"/teach/decks/{own}/edit").get_data(as_text=True)
    assert f'href="/teach/decks/{own}/delete"' in editor
    page = client.get(f"/teach/decks/{own}/delete").get_data(as_text=True)
    assert "Its <strong>3</strong> questions stay in the bank, with every answer and review" in page
    assert "<strong>1</strong> of them is in no other deck" in page
    assert "The <strong>1</strong> quiz that 1 student took on it stays in their history" in page
    # without the confirmation nothing happens
    assert client.post(f"/teach/decks/{own}/delete").status_code == 400
    with app.app_context():
        assert db.session.get(Deck, own).deleted_at is None
    r = client.post(f"/teach/decks/{own}/delete", data={"confirm": "yes"}, follow_redirects=True)
    assert r.request.path == "/teach/decks"
    assert "Deleted the deck “A&#39;s picks”; its 3 questions stay in the bank." in r.get_data(
        as_text=True
    )
    with app.app_context():
        deck = db.session.get(Deck, own)
        assert deck is not None and deck.deleted_at is not None  # a tombstone: a quiz names it
        assert (
            db.session.scalar(
                select(func.count(DeckQuestion.id)).where(DeckQuestion.deck_id == own)
            )
            == 0
        )
        assert {
            q.status
            for q in db.session.scalars(select(Question).where(Question.id.in_(["q0", "q1", "qw"])))
        } == {APPROVED}
        assert (
            db.session.scalar(select(func.count(Answer.id)).where(Answer.attempt_id == attempt))
            == 1
        )
    # gone from every list and page, for the teacher and the student
    assert f"/teach/decks/{own}/edit" not in client.get("/teach/decks").get_data(as_text=True)
    for url in (f"/teach/decks/{own}/edit", f"/teach/decks/{own}/delete", f"/decks/{own}"):
        assert client.get(url).status_code == 404, url
    assert f'href="/decks/{own}"' not in student.get("/decks").get_data(as_text=True)
    for url in (f"/decks/{own}", f"/study/deck/{own}"):
        assert student.get(url).status_code == 404, url
    anki = student.get(f"/decks/{own}/anki", follow_redirects=True)  # "does not exist", 404
    assert anki.status_code == 404 and anki.mimetype == "text/html"
    # the quiz stays in the history, under the deck's name, and can be finished
    assert "A&#39;s picks" in student.get("/history").get_data(as_text=True)
    assert student.get(f"/quiz/{attempt}").status_code == 200


def test_a_deck_no_quiz_was_taken_on_goes_altogether(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    own = world["own_deck"]
    login(client, "ta@example.org")
    page = client.get(f"/teach/decks/{own}/delete").get_data(as_text=True)
    assert "Each of them is in another deck too" in page and "No quiz was taken on it." in page
    assert client.post(f"/teach/decks/{own}/delete", data={"confirm": "yes"}).status_code == 302
    with app.app_context():
        assert db.session.get(Deck, own) is None
        assert db.session.get(Question, "q0").status == APPROVED


def test_other_teachers_and_article_decks_cannot_be_deleted(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        for email, deck_id in (
            ("tb@example.org", world["own_deck"]),
            ("ta@example.org", world["deck"]),
        ):
            try:
                decks.delete_deck(_user(email), deck_id)
            except NotAllowed:
                pass
            else:
                raise AssertionError(f"{email} deleted deck {deck_id}")
        assert db.session.get(Deck, world["own_deck"]).deleted_at is None


# -- classes ------------------------------------------------------------------------------


def test_rename_and_archive_a_class(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "ta@example.org")
    cid = world["classroom"]
    assert (
        client.post(f"/teach/classes/{cid}/rename", data={"name": "Year 10 <b>"}).status_code == 302
    )
    assert "Year 10 &lt;b&gt;" in client.get(f"/teach/classes/{cid}").get_data(as_text=True)
    page = client.get(f"/teach/classes/{cid}/archive").get_data(as_text=True)
    assert "stops working: nobody new can join" in page and "Nothing is deleted." in page
    assert client.post(f"/teach/classes/{cid}/archive").status_code == 400
    assert client.post(f"/teach/classes/{cid}/archive", data={"confirm": "yes"}).status_code == 302
    listing = client.get("/teach/classes").get_data(as_text=True)
    assert "Archived classes" in listing
    # the code no longer lets anyone in; the students already in keep their access
    newcomer = app.test_client()
    login(newcomer, "o@example.org")
    r = newcomer.post("/classes/join", data={"code": "JOINME22"}, follow_redirects=True)
    assert "is archived and takes no new students" in r.get_data(as_text=True)
    assert newcomer.get(f"/decks/{world['deck']}").status_code == 403
    member = app.test_client()
    login(member, "s@example.org")
    assert member.get(f"/decks/{world['deck']}").status_code == 200
    assert client.post(f"/teach/classes/{cid}/unarchive").status_code == 302
    assert "Archived classes" not in client.get("/teach/classes").get_data(as_text=True)
    r = newcomer.post("/classes/join", data={"code": "JOINME22"}, follow_redirects=True)
    assert "You joined Year 10" in r.get_data(as_text=True)


def test_removing_a_student_says_what_happens_and_keeps_their_answers(
    app: Flask, client: FlaskClient, world
) -> None:  # type: ignore[no-untyped-def]
    student = app.test_client()
    login(student, "s@example.org")
    attempt = _quiz(student, world["deck"], 1)
    answered(student, attempt, 0, "Oslo")
    login(client, "ta@example.org")
    url = f"/teach/classes/{world['classroom']}/students/{world['student']}/remove"
    assert f'href="{url}"' in client.get(f"/teach/classes/{world['classroom']}").get_data(
        as_text=True
    )
    page = re.sub(r"\s+", " ", client.get(url).get_data(as_text=True))
    assert "Their 1 quiz answer, flashcards and reviews are kept" in page
    assert "They no longer see your decks and articles" in page
    assert client.post(url).status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count(Enrollment.id))) == 1
    r = client.post(url, data={"confirm": "yes"}, follow_redirects=True)
    assert "Sam Student is no longer in Year 10." in r.get_data(as_text=True)
    report = client.get(f"/teach/classes/{world['classroom']}").get_data(as_text=True)
    assert "Sam Student" not in report
    assert student.get(f"/decks/{world['deck']}").status_code == 403
    with app.app_context():
        assert db.session.scalar(select(func.count(Answer.id))) == 1
        assert db.session.scalar(select(func.count(Enrollment.id))) == 0
    # not in the class (any more): nothing to remove
    assert client.get(url).status_code == 404


def test_a_student_in_another_class_of_the_teacher_keeps_access(app: Flask, world) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        other = Classroom(name="Club", join_code="CLUB2345", teacher_id=world["teacher_a"])
        db.session.add(other)
        db.session.flush()
        db.session.add(Enrollment(classroom_id=other.id, student_id=world["student"]))
        db.session.commit()
        plan = classes.removal_plan(_user("ta@example.org"), world["classroom"], world["student"])
        assert plan.keeps_access and plan.other_classes == 1


def test_a_student_can_leave_a_class(app: Flask, client: FlaskClient, world) -> None:  # type: ignore[no-untyped-def]
    login(client, "s@example.org")
    decks_page = client.get("/decks").get_data(as_text=True)
    url = f"/classes/{world['classroom']}/leave"
    assert f'href="{url}"' in decks_page
    page = re.sub(r"\s+", " ", client.get(url).get_data(as_text=True))
    assert "Your teacher no longer sees you in the class" in page
    assert "You no longer see this teacher's decks" in page
    assert client.post(url).status_code == 400
    r = client.post(url, data={"confirm": "yes"}, follow_redirects=True)
    assert "You left Year 10." in r.get_data(as_text=True)
    assert client.get(f"/decks/{world['deck']}").status_code == 403
    assert client.get(url).status_code == 403  # no longer a member
    with app.app_context():
        assert db.session.scalar(select(func.count(Enrollment.id))) == 0
