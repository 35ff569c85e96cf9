"""Login throttling (Flask-Limiter), with the limits the app ships with.

The rest of the suite runs with throttling off; this module turns it on."""

from __future__ import annotations

import secrets
import socket
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db

from .conftest import PASSWORD, login

WRONG = {"email": "s@example.org", "password": "not the password"}
RIGHT = {"email": "s@example.org", "password": PASSWORD}


@pytest.fixture
def app_overrides() -> dict[str, Any]:
    """Throttling on, with the shipped limits."""
    return {"RATELIMIT_ENABLED": True}


def client_at(app: Flask, address: str) -> FlaskClient:
    """A test client whose requests come from ``address``."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def assert_throttled(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "Too many attempts" in page and "please wait" in page
    assert 0 < int(response.headers["Retry-After"]) <= 3600


def test_the_sixth_wrong_password_is_refused(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    assert app.config["LOGIN_LIMIT_PER_ACCOUNT"].startswith("5 per minute")
    attacker = client_at(app, "203.0.113.5")
    for _ in range(5):
        assert attacker.post("/login", data=WRONG).status_code == 401
    response = attacker.post("/login", data=WRONG)
    assert_throttled(response)
    assert "wait a minute" in response.get_data(as_text=True)
    # the right password is refused too from there, for now
    assert_throttled(attacker.post("/login", data=RIGHT))
    # the owner, from another address, still logs in: no lock-out by a stranger
    owner = client_at(app, "198.51.100.7")
    assert owner.post("/login", data=RIGHT).status_code == 302
    # other accounts from the attacker's address are not blocked by this limit
    assert attacker.post("/login", data={**WRONG, "email": "x@example.org"}).status_code == 401


def test_the_email_is_counted_in_any_case(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    attacker = client_at(app, "203.0.113.5")
    for email in (
        "s@example.org",
        "S@example.org",
        "s@EXAMPLE.org",
        "s@example.org",
        "S@Example.Org",
    ):
        assert attacker.post("/login", data={**WRONG, "email": email}).status_code == 401
    assert_throttled(attacker.post("/login", data=WRONG))


def test_one_address_trying_many_accounts_is_refused(app: Flask) -> None:
    limit = app.config["LOGIN_LIMIT_PER_ADDRESS"]
    per_minute = int(limit.split(" per minute")[0])
    sprayer = client_at(app, "203.0.113.9")
    for i in range(per_minute):
        data = {"email": f"user{i}@example.org", "password": "Winter2025!"}
        assert sprayer.post("/login", data=data).status_code == 401
    assert_throttled(sprayer.post("/login", data={"email": "new@example.org", "password": "x"}))
    assert client_at(app, "198.51.100.7").post("/login", data=WRONG).status_code == 401


def test_successful_logins_are_not_counted(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    """A whole class behind one school address logs in many times a minute."""
    make_user("s@example.org")
    for _ in range(40):
        assert client_at(app, "192.0.2.1").post("/login", data=RIGHT).status_code == 302


def test_registration_is_limited_per_address(app: Flask) -> None:
    app.config["REGISTER_LIMIT_PER_ADDRESS"] = "3 per hour"  # read on each request
    client = client_at(app, "203.0.113.5")
    for i in range(3):
        data = {
            "name": "N",
            "email": f"n{i}@example.org",
            "password": PASSWORD,
            "confirm": PASSWORD,
        }
        response = client_at(app, "203.0.113.5").post("/register", data=data)
        assert response.status_code == 302
    data = {"name": "N", "email": "n9@example.org", "password": PASSWORD, "confirm": PASSWORD}
    assert_throttled(client.post("/register", data=data))
    assert client.get("/register").status_code == 200  # only POSTs are limited


def test_password_change_is_limited(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    client = client_at(app, "203.0.113.5")
    login(client, "s@example.org")
    data = {"current_password": "guess", "password": "new password 1", "confirm": "new password 1"}
    for _ in range(5):
        assert client.post("/account/password", data=data).status_code == 400
    assert_throttled(client.post("/account/password", data=data))


def test_limits_are_config(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "2 per hour"
    client = client_at(app, "203.0.113.5")
    for _ in range(2):
        assert client.post("/login", data=WRONG).status_code == 401
    response = client.post("/login", data=WRONG)
    assert_throttled(response)
    assert "minutes" in response.get_data(as_text=True)  # an hour's window: wait ~60 minutes


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "TRUSTED_PROXIES": 1}])
def test_behind_a_proxy_the_forwarded_address_counts(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    proxy = client_at(app, "10.0.0.2")
    for _ in range(5):
        sent = proxy.post("/login", data=WRONG, headers={"X-Forwarded-For": "203.0.113.5"})
        assert sent.status_code == 401
    assert_throttled(proxy.post("/login", data=WRONG, headers={"X-Forwarded-For": "203.0.113.5"}))
    other = proxy.post("/login", data=RIGHT, headers={"X-Forwarded-For": "198.51.100.7"})
    assert other.status_code == 302


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    client = client_at(app, "203.0.113.5")
    for i in range(5):
        forged = {"X-Forwarded-For": f"198.51.100.{i}"}
        assert client.post("/login", data=WRONG, headers=forged).status_code == 401
    assert_throttled(client.post("/login", data=WRONG, headers={"X-Forwarded-For": "192.0.2.99"}))


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
@pytest.mark.parametrize(
    "app_overrides",
    [{"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379"}],
)
def test_counts_can_live_in_redis(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    import redis

    make_user("s@example.org")
    address = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    store = redis.Redis.from_url("redis://127.0.0.1:6379")
    try:
        attacker = client_at(app, address)
        for _ in range(5):
            assert attacker.post("/login", data=WRONG).status_code == 401
        keys = store.keys(f"*{address}*")
        assert keys, "the attempts were not counted in Redis"
        assert_throttled(attacker.post("/login", data=WRONG))
        # a second app (another worker) with the same Redis sees the same counts
        from quizapp import create_app

        worker = create_app(dict(app.config))
        assert_throttled(client_at(worker, address).post("/login", data=WRONG))
        with worker.app_context():
            db.engine.dispose()
    finally:
        for key in store.keys(f"*{address}*"):
            store.delete(key)


def _closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "app_overrides",
    [{"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{_closed_port()}"}],
)
def test_logins_work_and_are_throttled_while_redis_is_down(app: Flask, make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("s@example.org")
    attacker = client_at(app, "203.0.113.5")
    for _ in range(5):
        assert attacker.post("/login", data=WRONG).status_code == 401
    assert_throttled(attacker.post("/login", data=WRONG))
    assert client_at(app, "198.51.100.7").post("/login", data=RIGHT).status_code == 302


def test_a_default_limit_is_checked_on_every_page(tmp_path, sqlite_template) -> None:  # type: ignore[no-untyped-def]
    """The app drops Flask-Limiter's before-request check only while no default or
    application-wide limit needs it; with one, every page counts."""
    import shutil

    from quizapp import create_app

    from .conftest import _config

    target = tmp_path / "limited.sqlite"
    shutil.copyfile(sqlite_template, target)
    config = {**_config(f"sqlite:///{target}"), "RATELIMIT_ENABLED": True}
    limited = create_app({**config, "RATELIMIT_DEFAULT": "2 per minute"})
    client = client_at(limited, "203.0.113.77")
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 429]
    unlimited = create_app(config)
    client = client_at(unlimited, "203.0.113.78")
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 200]
