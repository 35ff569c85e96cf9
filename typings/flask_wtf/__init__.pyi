"""Stubs for Flask-WTF 1.x (the package ships no types)."""

from typing import Any

from markupsafe import Markup
from wtforms import Form as _WTForm

from .csrf import CSRFProtect as CSRFProtect

__version__: str

class FlaskForm(_WTForm):
    """A wtforms Form that reads the current request and checks its CSRF token."""

    def __init__(self, formdata: Any = ..., **kwargs: Any) -> None: ...
    def is_submitted(self) -> bool: ...
    def validate_on_submit(self, extra_validators: Any = None) -> bool: ...
    def hidden_tag(self, *fields: Any) -> Markup: ...

Form = FlaskForm

class RecaptchaField: ...
class Recaptcha: ...
class RecaptchaWidget: ...
