"""Import a CSV/TSV file into a fresh Anki collection the way Anki's import dialog does
with its default options: the options are the ones Anki reads from the file itself
(``get_csv_metadata``), submitted unchanged (``import_csv``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass(frozen=True)
class ImportedNote:
    """One note as Anki stored it."""

    notetype: str
    fields: list[str]
    tags: list[str]
    deck: str


@dataclass(frozen=True)
class TextImport:
    """What Anki read from the file's header, what it logged and the notes it made."""

    is_html: bool
    notes: list[ImportedNote]
    new: int
    skipped: int


def import_text(
    path: Path, workdir: Path, prepare: Callable[[Any], None] | None = None
) -> TextImport:
    """Import ``path`` into a new collection in ``workdir`` with Anki's defaults.

    ``prepare`` may change the collection first (say, make Cloze the last used note
    type). Skips the test when the anki package cannot be imported.
    """
    collection_module = pytest.importorskip(
        "anki.collection",
        reason="the anki package (pip install anki) is not importable here",
        exc_type=ImportError,
    )
    from anki.import_export_pb2 import ImportCsvRequest

    workdir.mkdir(parents=True, exist_ok=True)
    col = collection_module.Collection(str(workdir / "collection.anki2"))
    try:
        if prepare is not None:
            prepare(col)
        metadata = col.get_csv_metadata(path=str(path), delimiter=None)
        log = col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log
        notes = []
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            notes.append(
                ImportedNote(
                    notetype=note.note_type()["name"],
                    fields=list(note.fields),
                    tags=list(note.tags),
                    deck=col.decks.name(note.cards()[0].did),
                )
            )
        skipped = (
            len(log.duplicate)
            + len(log.conflicting)
            + len(log.first_field_match)
            + len(log.missing_notetype)
            + len(log.missing_deck)
            + len(log.empty_first_field)
        )
        return TextImport(metadata.is_html, notes, len(log.new), skipped)
    finally:
        col.close()
