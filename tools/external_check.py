#!/usr/bin/env python3
"""Issue 11's checks from outside: a running quizapp, plain HTTP, no app imports.

    python tools/external_check.py http://127.0.0.1:5000 --cli quizapp

Every check prints PASS or FAIL with what it saw; the exit status is 1 when one failed
(2 when the setup itself failed). The checks:

- ``javascript-source``: an article whose header is ``Source: javascript:…`` is refused,
  not stored, and no page the checks saw holds a ``javascript:`` link;
- ``duplicate``: the same article again (other line endings, spacing and title) is
  refused with a link to the one already there;
- ``other-teacher``: teacher A gets 403 on teacher B's article, article deck, hand-built
  deck, question, downloads and exports, cannot put B's question in a deck, and finds B's
  content in none of A's lists (B gets 200 on the same pages, as a control);
- ``outside-student``: a student of A's class and a student in no class get 403 on B's
  article and decks (quiz start and study too) and do not see them listed; the student
  in no class gets 403 on A's deck, the student in A's class 200;
- ``redirect``: logging in with ``next`` set to browser tricks (tab, line breaks,
  backslashes, ``//``, a scheme) never redirects off the site; a local ``next`` is kept;
- ``logout``: after logging out, a copy of the session cookie and of the remember-me
  cookie made before no longer log anyone in; remember-me lasts at most 30 days;
- ``headers``: every response the checks received carries a Content-Security-Policy
  without inline script and with ``frame-ancestors``, ``X-Content-Type-Options:
  nosniff`` and a ``Referrer-Policy``; no HTML page holds an inline ``<script>``;
- ``csv``: a deck's CSV export starts with Anki's header lines.

Setup: with ``--cli CMD`` two teachers are created by ``CMD create-teacher`` (run with
this environment, so point it at the server's database: ``DATABASE_URL`` and the like);
otherwise give two existing teachers with ``--teacher EMAIL PASSWORD`` (twice). The
students register through the site's own registration page; the teachers add articles,
approve questions, build a deck and create a class through the site's pages, with CSRF
tokens read from the forms as a browser sends them. Every account and article is named
with a random tag, so the checks can run again against the same server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import secrets
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from html import unescape
from urllib.parse import urljoin, urlsplit

import httpx

CHECKS = (
    "javascript-source",
    "duplicate",
    "other-teacher",
    "outside-student",
    "redirect",
    "logout",
    "headers",
    "csv",
)
# ``next`` values as a query string carries them: each one a browser would follow off
# the site if the server passed it on.
NEXT_TRICKS = (
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "/%5Cevil.example",
    "%5C%5Cevil.example",
    "/%5C/evil.example",
    "//evil.example",
    "https://evil.example/",
    "%20//evil.example",
)
PASSWORD_BYTES = 12
_JS_LINK = re.compile(r"""href\s*=\s*["']?\s*javascript:""", re.I)
CSRF = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
TIMEOUT = 120.0  # adding an article generates its questions in the request

ARTICLE_A = (
    "Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday for talks with "
    "Norwegian Prime Minister Jonas Berg. It is Ms Lindqvist's third visit to Norway since "
    "taking office, her spokesman said. The two leaders discussed a fishing accord under "
    "which about 1,200 boats would share the northern grounds for five years."
)
ARTICLE_B = (
    "President Maria Santos of Chile met Argentine President Luis Ortega in Santiago on "
    "Tuesday. It was Mr Ortega's second visit to Chile this year, his office said. The two "
    "presidents signed a water accord under which 40 villages would share the Andes river "
    "for ten years."
)


class SetupError(Exception):
    """The accounts or content the checks need could not be made."""


@dataclass
class Account:
    """A user of the site and the HTTP client logged in as them."""

    email: str
    password: str
    client: httpx.Client | None = None


@dataclass
class Result:
    """One check's outcome."""

    name: str
    ok: bool
    detail: str


@dataclass
class World:
    """What the setup made: accounts and the ids of their content."""

    teacher_a: Account
    teacher_b: Account
    student_in: Account  # in teacher A's class
    student_out: Account  # in no class
    tag: str
    article_a: int = 0
    article_b: int = 0
    title_b: str = ""
    deck_a: int = 0  # A's article deck
    deck_b_article: int = 0
    deck_b_own: int = 0
    deck_b_name: str = ""
    question_b: str = ""


@dataclass
class Checker:
    """Runs the checks against one base URL and keeps every response it received."""

    base: str
    results: list[Result] = field(default_factory=list)
    seen: list[httpx.Response] = field(default_factory=list)
    clients: list[httpx.Client] = field(default_factory=list)

    # -- HTTP ---------------------------------------------------------------------------

    def client(self) -> httpx.Client:
        """A fresh cookie jar, as a new browser; redirects are not followed."""
        client = httpx.Client(
            base_url=self.base,
            follow_redirects=False,
            timeout=TIMEOUT,
            event_hooks={"response": [self._keep]},
        )
        self.clients.append(client)
        return client

    def close(self) -> None:
        """Close every client's connections."""
        for client in self.clients:
            client.close()

    def _keep(self, response: httpx.Response) -> None:
        response.read()
        self.seen.append(response)

    def token(self, client: httpx.Client, path: str) -> str:
        """The CSRF token of the form on a page."""
        page = client.get(path)
        match = CSRF.search(page.text)
        if match is None:
            raise SetupError(f"no CSRF token on {path} ({page.status_code})")
        return match.group(1)

    def post_form(
        self,
        client: httpx.Client,
        path: str,
        data: Mapping[str, object],
        form_page: str | None = None,
    ) -> httpx.Response:
        """POST a form with the CSRF token of the page it is on (``path`` by default)."""
        token = self.token(client, form_page or path)
        return client.post(path, data={**data, "csrf_token": token})

    def log_in(self, account: Account, remember: bool = False, next_: str = "") -> httpx.Response:
        """Log a fresh client in; the client is kept on the account."""
        client = self.client()
        data: dict[str, object] = {"email": account.email, "password": account.password}
        if remember:
            data["remember"] = "y"
        path = "/login" + (f"?next={next_}" if next_ else "")
        response = self.post_form(client, path, data, form_page="/login")
        account.client = client
        return response

    def record(self, name: str, ok: bool, detail: str) -> None:
        """Print and keep a check's outcome."""
        self.results.append(Result(name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)

    # -- the checks ---------------------------------------------------------------------

    def javascript_source(self, world: World) -> None:
        """A ``Source: javascript:`` header is refused and nothing is stored."""
        teacher = _client(world.teacher_a)
        title = f"JS probe {world.tag}"
        r = self.post_form(
            teacher,
            "/teach/articles",
            {"title": title, "text": "Source: javascript:alert(document.cookie)\n\n" + ARTICLE_B},
        )
        listing = teacher.get("/teach/articles").text
        problems = []
        stored = re.fullmatch(r"/teach/articles/(\d+)", r.headers.get("location", ""))
        if stored:  # refused or not, the script must never become a link
            for page in (stored.group(0), f"/articles/{stored.group(1)}"):
                if _JS_LINK.search(teacher.get(page).text):
                    problems.append(f"{page} links to javascript:")
        if r.status_code != 400:
            problems.append(f"answered {r.status_code}, not 400")
        if "not a web address" not in r.text:
            problems.append("no refusal message")
        if title in listing:
            problems.append("the article was stored")
        self.record(
            "javascript-source",
            not problems,
            "; ".join(problems) or "refused with a message (400), nothing stored",
        )

    def duplicate(self, world: World) -> None:
        """The same article with other line endings, spacing and title is refused, linked."""
        teacher = _client(world.teacher_a)
        text = "Source: https://news.example.org/oslo\r\n\r\n" + ARTICLE_A.replace(". ", ".  \r\n")
        r = self.post_form(
            teacher, "/teach/articles", {"title": f"Same story {world.tag}", "text": text}
        )
        link = f'href="/teach/articles/{world.article_a}"'
        ok = r.status_code == 400 and "already" in r.text and link in r.text
        self.record(
            "duplicate",
            ok,
            f"answered {r.status_code}, "
            + ("links to the article already there" if link in r.text else f"no {link}"),
        )

    def other_teacher(self, world: World) -> None:
        """Teacher A: 403 on B's content, B's content in no list; B: 200 (control)."""
        a, b = _client(world.teacher_a), _client(world.teacher_b)
        urls = [
            f"/teach/articles/{world.article_b}",
            f"/articles/{world.article_b}",
            f"/decks/{world.deck_b_article}",
            f"/decks/{world.deck_b_own}",
            f"/decks/{world.deck_b_own}/anki",
            f"/teach/decks/{world.deck_b_own}/edit",
            f"/teach/decks/{world.deck_b_own}/export/csv",
            f"/teach/decks/{world.deck_b_article}/export/gift",
            f"/teach/questions/{world.question_b}/edit",
        ]
        problems = [f"A {u}: {s}" for u in urls if (s := a.get(u).status_code) != 403]
        problems += [
            f"B (control) {u}: {s}" for u in urls[:4] if (s := b.get(u).status_code) != 200
        ]
        steal = self.post_form(
            a, "/teach/decks", {"name": f"Stolen {world.tag}", "ids": world.question_b}
        )
        if steal.status_code != 403:
            problems.append(f"A built a deck of B's question: {steal.status_code}")
        lists = [
            "/teach/articles",
            "/teach/review",
            "/teach/questions?status=approved",
            "/teach/decks",
            "/decks",
            "/teach/",
        ]
        problems += _leaks(a, lists, world.title_b, world.deck_b_name, world.question_b)
        self.record(
            "other-teacher",
            not problems,
            "; ".join(problems) or f"403 on {len(urls)} URLs and a deck build; in no list",
        )

    def outside_student(self, world: World) -> None:
        """Students outside B's classes: 403 on B's content, not listed."""
        problems: list[str] = []
        urls = [
            f"/articles/{world.article_b}",
            f"/decks/{world.deck_b_article}",
            f"/decks/{world.deck_b_own}",
            f"/decks/{world.deck_b_own}/anki",
            f"/study/deck/{world.deck_b_own}",
        ]
        for account in (world.student_in, world.student_out):
            c = _client(account)
            problems += [
                f"{account.email} {u}: {s}" for u in urls if (s := c.get(u).status_code) != 403
            ]
            start = self.post_form(c, f"/decks/{world.deck_b_own}", {"length": 1}, "/decks")
            if start.status_code != 403:
                problems.append(f"{account.email} started a quiz on B's deck: {start.status_code}")
            problems += _leaks(
                c, ["/decks", "/study", "/progress"], world.title_b, world.deck_b_name
            )
        outside = _client(world.student_out).get(f"/decks/{world.deck_a}").status_code
        if outside != 403:
            problems.append(f"student in no class on A's deck: {outside}")
        inside = _client(world.student_in).get(f"/decks/{world.deck_a}").status_code
        if inside != 200:
            problems.append(f"student in A's class on A's deck (control): {inside}")
        self.record(
            "outside-student",
            not problems,
            "; ".join(problems)
            or "403 for both students on B's content, none listed; "
            "A's deck: 403 outside the class, 200 inside",
        )

    def redirect(self, account: Account) -> None:
        """Logging in with a tricky ``next`` stays on the site."""
        problems = []
        host = urlsplit(self.base).netloc
        for trick in NEXT_TRICKS:
            r = self.log_in(Account(account.email, account.password), next_=trick)
            location = r.headers.get("location", "")
            if r.status_code != 302:
                problems.append(f"{trick}: {r.status_code}")
            elif not _same_site(self.base, location, host):
                problems.append(f"{trick} -> {location!r}")
        kept = self.log_in(Account(account.email, account.password), next_="/history")
        if kept.headers.get("location") != "/history":  # the control: next is followed
            problems.append(f"a local next was not followed: {kept.headers.get('location')!r}")
        self.record(
            "redirect",
            not problems,
            "; ".join(problems) or f"{len(NEXT_TRICKS)} tricks stay on the site; /history kept",
        )

    def logout(self, account: Account) -> None:
        """Copies of the session and remember-me cookies stop working after logout."""
        r = self.log_in(account, remember=True)
        client = _client(account)
        problems = []
        jar = {c.name: c.value for c in client.cookies.jar}
        remember = jar.get("remember_token")
        session = jar.get("session")
        if r.status_code != 302 or not remember or not session:
            problems.append(f"login with remember-me: {r.status_code}, cookies {sorted(jar)}")
        else:
            lifetime = _cookie_lifetime(r, "remember_token")
            if lifetime is None or lifetime > dt.timedelta(days=30, minutes=5):
                problems.append(f"remember-me lasts {lifetime}")
            copies = {"session+remember": {"session": session, "remember_token": remember}}
            copies["remember only"] = {"remember_token": remember}
            copies["session only"] = {"session": session}
            before = {name: self._with(cookies) for name, cookies in copies.items()}
            problems += [f"before logout, {n} copy: {s}" for n, s in before.items() if s != 200]
            out = self.post_form(client, "/logout", {}, form_page="/history")
            if out.status_code != 302:
                problems.append(f"logout answered {out.status_code}")
            after = {name: self._with(cookies) for name, cookies in copies.items()}
            problems += [
                f"after logout, {n} copy still works" for n, s in after.items() if s == 200
            ]
        self.record(
            "logout",
            not problems,
            "; ".join(problems)
            or "session, remember-me and both copied: 200 before, "
            "refused after; remember-me at most 30 days",
        )

    def _with(self, cookies: dict[str, str]) -> int:
        """The status of /history for a new browser holding only these cookies."""
        client = self.client()
        for name, value in cookies.items():
            client.cookies.set(name, value, domain=urlsplit(self.base).hostname or "")
        return client.get("/history").status_code

    def headers(
        self, extra: Iterable[str] = ("/login", "/no-such-page", "/static/style.css")
    ) -> None:
        """Security headers on every response received; no inline script in any page."""
        anonymous = self.client()
        for path in extra:
            anonymous.get(path)
        problems: dict[str, list[str]] = {}
        for response in self.seen:
            where = f"{response.request.method} {response.request.url.path} {response.status_code}"
            for problem in _header_problems(response):
                problems.setdefault(problem, []).append(where)
        detail = "; ".join(
            f"{problem} ({len(where)}x, e.g. {where[0]})" for problem, where in problems.items()
        )
        self.record(
            "headers",
            bool(self.seen) and not problems,
            detail or f"all {len(self.seen)} responses carry the headers; no inline script",
        )

    def csv(self, world: World) -> None:
        """A deck's CSV export starts with Anki's header lines."""
        r = _client(world.teacher_a).get(f"/teach/decks/{world.deck_a}/export/csv")
        head = r.text.splitlines()[:4]
        ok = (
            r.status_code == 200
            and head[:2] == ["#separator:Comma", "#html:false"]
            and any(line.startswith("#tags column:") for line in head)
        )
        self.record("csv", ok, f"{r.status_code}, first lines {head[:3]}")

    # -- setup --------------------------------------------------------------------------

    def register(self, name: str, email: str, password: str, code: str = "") -> Account:
        """A student registers on the site's page, then logs in."""
        client = self.client()
        data = {"name": name, "email": email, "password": password, "confirm": password}
        if code:
            data["join_code"] = code
        r = self.post_form(client, "/register", data)
        if r.status_code != 302:
            raise SetupError(f"registering {email}: {r.status_code}")
        account = Account(email, password)
        if self.log_in(account).status_code != 302:
            raise SetupError(f"logging in {email} after registering")
        return account

    def add_article(self, teacher: Account, title: str, text: str) -> int:
        """A teacher pastes an article; its id from the page it leads to."""
        r = self.post_form(_client(teacher), "/teach/articles", {"title": title, "text": text})
        match = re.fullmatch(r"/teach/articles/(\d+)", r.headers.get("location", ""))
        if r.status_code != 302 or match is None:
            raise SetupError(f"adding {title!r}: {r.status_code} {r.headers.get('location')}")
        return int(match.group(1))

    def approve_all_of(self, teacher: Account, article: int) -> list[str]:
        """Approve an article's drafts through the review queue; their ids."""
        client = _client(teacher)
        page = client.get(f"/teach/review?article={article}").text
        ids = sorted(set(re.findall(r'name="ids" value="([^"]+)"', page)))
        if not ids:
            raise SetupError(f"no drafts for article {article}")
        r = self.post_form(
            client,
            "/teach/questions/status",
            {"status": "approved", "ids": ids, "next": "/teach/review"},
            form_page=f"/teach/review?article={article}",
        )
        if r.status_code != 302:
            raise SetupError(f"approving: {r.status_code}")
        return ids

    def deck_of_article(self, teacher: Account, title: str) -> int:
        """The id of the deck of this name (an article's deck has its title), from the
        teacher's Decks page."""
        page = _client(teacher).get("/decks").text
        for deck_id, name in re.findall(r'href="/decks/(\d+)"[^>]*>([^<]+)<', page):
            if unescape(name).strip() == title:
                return int(deck_id)
        raise SetupError(f"no deck for {title!r}")

    def setup(self, teachers: list[tuple[str, str]]) -> World:
        """Accounts, a class, an article per teacher (approved), a deck of B's."""
        tag = secrets.token_hex(3)
        a, b = (Account(email, password) for email, password in teachers)
        for teacher in (a, b):
            if self.log_in(teacher).status_code != 302:
                raise SetupError(f"teacher {teacher.email} cannot log in")
        r = self.post_form(_client(a), "/teach/classes", {"name": f"Class {tag}"})
        code = re.search(
            r'<code class="code">([A-Z0-9]+)</code>',
            _client(a).get(r.headers.get("location", "/teach/classes")).text,
        )
        if r.status_code != 302 or code is None:
            raise SetupError(f"creating a class: {r.status_code}")
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        world = World(
            a,
            b,
            self.register("In Class", f"in-{tag}@example.org", password, code.group(1)),
            self.register("No Class", f"out-{tag}@example.org", password),
            tag,
        )
        title_a, world.title_b = f"Oslo talks {tag}", f"Santiago talks {tag}"
        world.article_a = self.add_article(
            a, title_a, "Source: https://news.example.org/oslo\n\n" + ARTICLE_A
        )
        world.article_b = self.add_article(b, world.title_b, ARTICLE_B)
        self.approve_all_of(a, world.article_a)
        world.question_b = self.approve_all_of(b, world.article_b)[0]
        world.deck_a = self.deck_of_article(a, title_a)
        world.deck_b_article = self.deck_of_article(b, world.title_b)
        world.deck_b_name = f"B private {tag}"
        r = self.post_form(
            _client(b), "/teach/decks", {"name": world.deck_b_name, "ids": world.question_b}
        )
        if r.status_code != 302:
            raise SetupError(f"building B's deck: {r.status_code}")
        world.deck_b_own = self.deck_of_article(b, world.deck_b_name)
        return world


# -- helpers ------------------------------------------------------------------------------


def _client(account: Account) -> httpx.Client:
    if account.client is None:
        raise SetupError(f"{account.email} is not logged in")
    return account.client


def _leaks(client: httpx.Client, paths: Iterable[str], *needles: str) -> list[str]:
    """Where any of ``needles`` shows on these pages."""
    out = []
    for path in paths:
        text = unescape(client.get(path).text)
        out += [f"{path} shows {n!r}" for n in needles if n and n in text]
    return out


def _same_site(base: str, location: str, host: str) -> bool:
    """Whether a browser would stay on ``host`` following ``location`` from ``base``.

    A browser drops tabs and line breaks and reads a backslash as a slash; so does this."""
    cleaned = re.sub(r"[\t\r\n]", "", location).replace("\\", "/").strip()
    return urlsplit(urljoin(base + "/", cleaned)).netloc == host


def _cookie_lifetime(response: httpx.Response, name: str) -> dt.timedelta | None:
    """How long a cookie set by this response lasts (Max-Age or Expires)."""
    for header in response.headers.get_list("set-cookie"):
        if not header.startswith(f"{name}="):
            continue
        if age := re.search(r"Max-Age=(\d+)", header, re.I):
            return dt.timedelta(seconds=int(age.group(1)))
        if expires := re.search(r"Expires=([^;]+)", header, re.I):
            return parsedate_to_datetime(expires.group(1)) - dt.datetime.now(dt.UTC)
    return None


def _header_problems(response: httpx.Response) -> list[str]:
    """What a response lacks of the security headers, or holds of inline script."""
    problems = []
    csp = response.headers.get("content-security-policy", "")
    directives = {
        part.split()[0].lower(): part.split()[1:] for part in csp.split(";") if part.split()
    }
    script = directives.get("script-src", directives.get("default-src"))
    if not csp:
        problems.append("no Content-Security-Policy")
    elif script is None or "'unsafe-inline'" in script or "*" in script:
        problems.append("script-src allows inline script")
    if csp and "frame-ancestors" not in directives:
        problems.append("no frame-ancestors")
    if response.headers.get("x-content-type-options", "").lower() != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if response.headers.get("referrer-policy", "").lower() in ("", "unsafe-url"):
        problems.append("no Referrer-Policy")
    if "text/html" in response.headers.get("content-type", ""):
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.text, re.I):
            problems.append("an inline <script>")
        if _JS_LINK.search(response.text):
            problems.append("a javascript: link")
    return problems


def create_teachers(cli: str, tag: str) -> list[tuple[str, str]]:
    """Two teachers made by ``CLI create-teacher`` (the server's database, by environment)."""
    out = []
    for who in ("a", "b"):
        email = f"teacher-{who}-{tag}@example.org"
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        command = [*shlex.split(cli), "create-teacher", email, "--name", f"Teacher {who.upper()}"]
        done = subprocess.run(
            [*command, "--password", password], capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0:
            raise SetupError(f"{' '.join(command)}: {done.stderr.strip() or done.stdout.strip()}")
        out.append((email, password))
    return out


def run(base: str, teachers: list[tuple[str, str]], only: Iterable[str] = CHECKS) -> Checker:
    """Set up, then run the chosen checks (``headers`` last: it reads every response)."""
    checker = Checker(base.rstrip("/"))
    try:
        _run(checker, teachers, set(only))
    finally:
        checker.close()
    return checker


def _run(checker: Checker, teachers: list[tuple[str, str]], chosen: set[str]) -> None:
    """The setup, then the chosen checks in order."""
    world = checker.setup(teachers)
    steps: dict[str, Callable[[], None]] = {
        "javascript-source": lambda: checker.javascript_source(world),
        "duplicate": lambda: checker.duplicate(world),
        "other-teacher": lambda: checker.other_teacher(world),
        "outside-student": lambda: checker.outside_student(world),
        "redirect": lambda: checker.redirect(world.student_in),
        "csv": lambda: checker.csv(world),
        "logout": lambda: checker.logout(world.student_out),
        "headers": checker.headers,
    }
    for name in CHECKS:
        if name in chosen and name != "headers":
            steps[name]()
    if "headers" in chosen:
        checker.headers()


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the checks, print the summary; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url", help="the running server, e.g. http://127.0.0.1:5000")
    parser.add_argument("--cli", help="create the two teachers with this command, e.g. 'quizapp'")
    parser.add_argument(
        "--teacher",
        nargs=2,
        action="append",
        metavar=("EMAIL", "PASSWORD"),
        help="an existing teacher account (give two)",
    )
    parser.add_argument(
        "--only", default=",".join(CHECKS), help=f"comma-separated checks of {', '.join(CHECKS)}"
    )
    args = parser.parse_args(argv)
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(only) - set(CHECKS)
    if unknown:
        parser.error(f"unknown checks: {', '.join(sorted(unknown))}")
    try:
        if args.cli:
            teachers = create_teachers(args.cli, secrets.token_hex(3))
        elif args.teacher and len(args.teacher) == 2:
            teachers = [(t[0], t[1]) for t in args.teacher]
        else:
            parser.error("give --cli CMD, or --teacher EMAIL PASSWORD twice")
        checker = run(args.base_url, teachers, only)
    except (SetupError, httpx.HTTPError) as exc:
        print(f"FAIL setup: {exc}", flush=True)
        return 2
    failed = [r.name for r in checker.results if not r.ok]
    print(
        f"{len(checker.results) - len(failed)} passed, {len(failed)} failed"
        + (f": {', '.join(failed)}" if failed else ""),
        flush=True,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
