"""End to end in a real browser: a teacher adds an article and approves its questions;
a student registers, joins the class, takes a quiz and sees the score; the teacher
sees the result."""

from __future__ import annotations

import re

from quizapp.services import accounts

from .conftest import Live, shot

ARTICLE = (
    "Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday for talks with "
    "Norwegian Prime Minister Jonas Berg. It is Ms Lindqvist's third visit to Norway since "
    "taking office, her spokesman said. The two leaders discussed a fishing accord under which "
    "about 1,200 boats would share the northern grounds for five years."
)


def test_teacher_and_student_end_to_end(live_server: Live, browser) -> None:  # type: ignore[no-untyped-def]
    # --- the first teacher, through the one-time setup link `quizapp run` prints
    with live_server.app.app_context():
        token = accounts.issue_setup_token()
    teacher = browser.new_page()
    teacher.goto(f"{live_server.url}/setup/{token}")
    teacher.get_by_label("Your name").fill("Tess Teacher")
    teacher.get_by_label("Email").fill("tess@example.org")
    teacher.get_by_label("Password", exact=True).fill("correct horse battery")
    teacher.get_by_label("Repeat the password").fill("correct horse battery")
    teacher.get_by_role("button", name="Create the teacher account").click()
    # wait for the page the redirect leads to (content() read mid-load can be empty)
    teacher.get_by_role("heading", name="Review drafts").wait_for()
    assert "Review drafts" in teacher.content()

    # --- add an article: drafts are generated
    teacher.get_by_role("link", name="Articles").click()
    teacher.get_by_text("Add an article").click()
    teacher.get_by_label("Title (optional)").fill("Swedish minister in Oslo")
    teacher.get_by_label("Article text").fill(ARTICLE)
    teacher.get_by_role("button", name="Add the article and generate questions").click()
    assert "draft questions to review" in teacher.content()
    shot(teacher, "teacher-article")

    # --- approve every draft with the bulk buttons
    teacher.get_by_role("link", name="Review").click()
    boxes = teacher.locator("input[type=checkbox][name=ids]")
    assert boxes.count() > 3
    for i in range(boxes.count()):
        boxes.nth(i).check()
    shot(teacher, "teacher-review")
    teacher.get_by_role("button", name="Approve selected").click()
    assert re.search(r"Approved \d+ questions", teacher.content())

    # --- a class and its join code
    teacher.get_by_role("link", name="Classes").click()
    teacher.get_by_label("Class name").fill("Current affairs")
    teacher.get_by_role("button", name="Create class").click()
    code = teacher.locator("code.code").inner_text().strip()
    assert len(code) == 8

    # --- a student registers with the code and takes a quiz
    student = browser.new_context(viewport={"width": 390, "height": 844}).new_page()  # a phone
    student.goto(live_server.url + "/register")
    student.get_by_label("Your name").fill("Sam Student")
    student.get_by_label("Email").fill("sam@example.org")
    student.get_by_label("Password", exact=True).fill("another good password")
    student.get_by_label("Repeat the password").fill("another good password")
    student.get_by_label("Class code (optional)").fill(code)
    student.get_by_role("button", name="Create account").click()
    # the same answer whether the email was new or not: now log in
    assert "Now log in with your email and password" in student.content()
    student.get_by_label("Email").fill("sam@example.org")
    student.get_by_label("Password").fill("another good password")
    student.get_by_role("button", name="Log in").click()
    assert "Current affairs" in student.locator("main").inner_text()  # the class joined
    shot(student, "student-decks")
    student.get_by_role("link", name="Swedish minister in Oslo").click()
    student.get_by_label("Number of questions").fill("3")
    student.get_by_role("button", name="Start the quiz").click()
    for n in range(3):
        assert f"Question {n + 1} of 3" in student.content()
        if n == 0:
            shot(student, "student-question")
        choices = student.locator("button.choice")
        if choices.count():
            choices.first.click()
        else:
            student.get_by_label(re.compile(".")).last.fill("Oslo")
            student.get_by_role("button", name="Check my answer").click()
        assert ("Right!" in student.content()) or ("Not quite." in student.content())
        if n == 0:
            shot(student, "student-feedback")
        if n < 2:
            student.get_by_role("link", name="Next question").click()
    student.get_by_role("link", name="See your score").click()
    assert "You scored" in student.content()
    shot(student, "student-results")
    score = re.search(r"You scored <strong>(\d) / 3</strong>", student.content())
    assert score

    # --- the teacher sees the student's result
    teacher.get_by_role("link", name="Classes").click()
    teacher.get_by_role("link", name="Current affairs").click()
    page = teacher.content()
    assert "Sam Student" in page
    assert re.search(r"<td>1</td><td>3</td>", page)  # one quiz, three answers
    shot(teacher, "teacher-class")
