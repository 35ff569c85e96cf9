from collections.abc import Collection
from typing import Any

from wtforms import Field
from wtforms import FileField as _FileField
from wtforms import MultipleFileField as _MultipleFileField
from wtforms.form import BaseForm
from wtforms.validators import DataRequired

class FileField(_FileField):
    """A file field that reads werkzeug's FileStorage (``data`` is one, or None)."""

class MultipleFileField(_MultipleFileField):
    """Several files (``data`` is a list of FileStorage)."""

class FileRequired(DataRequired):
    def __init__(self, message: str | None = None) -> None: ...
    def __call__(self, form: BaseForm, field: Field) -> None: ...

class FileAllowed:
    def __init__(self, upload_set: Collection[str] | Any, message: str | None = None) -> None: ...
    def __call__(self, form: BaseForm, field: Field) -> None: ...

class FileSize:
    def __init__(self, max_size: int, min_size: int = 0, message: str | None = None) -> None: ...
    def __call__(self, form: BaseForm, field: Field) -> None: ...

file_required = FileRequired
file_allowed = FileAllowed
file_size = FileSize
