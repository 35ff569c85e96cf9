"""Stubs for Flask-Login 0.6 (the package ships no types)."""

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.wrappers import Response

_F = TypeVar("_F", bound=Callable[..., Any])

__version__: str

COOKIE_NAME: str
COOKIE_DURATION: dt.timedelta
COOKIE_SECURE: bool
COOKIE_HTTPONLY: bool
LOGIN_MESSAGE: str
LOGIN_MESSAGE_CATEGORY: str
REFRESH_MESSAGE: str
REFRESH_MESSAGE_CATEGORY: str
ID_ATTRIBUTE: str
AUTH_HEADER_NAME: str

class UserMixin:
    @property
    def is_active(self) -> bool: ...
    @property
    def is_authenticated(self) -> bool: ...
    @property
    def is_anonymous(self) -> bool: ...
    def get_id(self) -> str: ...

class AnonymousUserMixin:
    @property
    def is_authenticated(self) -> bool: ...
    @property
    def is_active(self) -> bool: ...
    @property
    def is_anonymous(self) -> bool: ...
    def get_id(self) -> None: ...

class LoginManager:
    anonymous_user: type[Any]
    login_view: str | None
    blueprint_login_views: dict[str, str]
    login_message: str
    login_message_category: str
    refresh_view: str | None
    needs_refresh_message: str
    needs_refresh_message_category: str
    session_protection: str | None
    localize_callback: Callable[[str], str] | None
    # the hash of the client's address and browser kept for session protection
    _session_identifier_generator: Callable[[], str]
    def __init__(self, app: Flask | None = None, add_context_processor: bool = True) -> None: ...
    def init_app(self, app: Flask, add_context_processor: bool = True) -> None: ...
    def unauthorized(self) -> Response: ...
    def needs_refresh(self) -> Response: ...
    def user_loader(self, callback: _F) -> _F: ...
    def request_loader(self, callback: _F) -> _F: ...
    def unauthorized_handler(self, callback: _F) -> _F: ...
    def needs_refresh_handler(self, callback: _F) -> _F: ...

class FlaskLoginClient(FlaskClient): ...

# the logged-in user (the app's User) or the anonymous user, behind a proxy
current_user: Any

def login_user(
    user: Any,
    remember: bool = False,
    duration: dt.timedelta | None = None,
    force: bool = False,
    fresh: bool = True,
) -> bool: ...
def logout_user() -> bool: ...
def confirm_login() -> None: ...
def login_fresh() -> bool: ...
def login_remembered() -> bool: ...
def login_required(func: _F) -> _F: ...
def fresh_login_required(func: _F) -> _F: ...
def login_url(login_view: str, next_url: str | None = None, next_field: str = "next") -> str: ...
def make_next_param(login_url: str, current_url: str) -> str: ...
def encode_cookie(payload: str, key: str | None = None) -> str: ...
def decode_cookie(cookie: str, key: str | None = None) -> str | None: ...
def set_login_view(login_view: str, blueprint: Any = None) -> None: ...

# blinker signals
session_protected: Any
user_accessed: Any
user_loaded_from_cookie: Any
user_loaded_from_request: Any
user_logged_in: Any
user_logged_out: Any
user_login_confirmed: Any
user_needs_refresh: Any
user_unauthorized: Any
