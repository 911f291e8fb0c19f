"""Saving a case file without losing anyone's work: atomic writes and conflict detection.

A case opened from a folder remembers the fingerprint of the bytes it was opened from. Saving
back compares that fingerprint with the file on disk under an exclusive lock on the folder; if
someone else saved in the meantime, the save is refused (nothing is written) and the caller offers
"save as". The new content goes to a temporary file in the same folder, is flushed to disk, and
replaces the old file in one rename, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import BaseModel

from models.case import Case
from models.loading import parse_case_bytes


class SaveOutcome(StrEnum):
    SAVED = "saved"
    CONFLICT = "conflict"  # the file changed on disk since it was opened: nothing written
    EXISTS = "exists"  # save-as onto a file that already exists: nothing written
    FAILED = "failed"  # the disk refused (permissions, space): nothing changed


@dataclass(frozen=True)
class SaveResult:
    outcome: SaveOutcome
    path: Path
    fingerprint: str | None = None  # of the file as it is now on disk (after saving: the new content)
    detail: str | None = None  # the OS error, for FAILED (no case content)


def fingerprint(data: bytes) -> str:
    """A short content hash identifying one version of a file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_fingerprint(path: Path) -> str | None:
    """The fingerprint of the file's current bytes, or None when it does not exist."""
    try:
        return fingerprint(path.read_bytes())
    except FileNotFoundError:
        return None


def case_bytes(case: Case) -> bytes:
    """The bytes a case is saved as (UTF-8 JSON, two-space indent, final newline).

    The file keeps the shape its author wrote: see :func:`case_document`.
    """
    return pydantic_core.to_json(case_document(case), indent=2, inf_nan_mode="null") + b"\n"


def case_document(case: Case) -> dict[str, Any]:
    """The case as JSON data, as it is saved: ``None`` values are left out, and so is every value
    equal to its field's default unless the file (or an edit) set it; ``schema_version`` is always written.
    """
    document = _pruned(case, case.model_dump(mode="json", exclude_none=True))
    return {"schema_version": case.schema_version, **document}


def _pruned(model: BaseModel, dumped: dict[str, Any]) -> dict[str, Any]:
    """``dumped`` (the JSON dump of ``model``) without unset default values, nested models included."""
    kept: dict[str, Any] = {}
    for name, value in dumped.items():
        current = getattr(model, name)
        if _is_unset_default(model, name, current):
            continue
        kept[name] = _pruned_value(current, value)
    return kept


def _is_unset_default(model: BaseModel, name: str, current: Any) -> bool:
    field = type(model).model_fields[name]
    if name in model.model_fields_set or field.is_required():
        return False
    return bool(current == field.get_default(call_default_factory=True))


def _pruned_value(current: Any, dumped: Any) -> Any:
    """Prune nested models inside a field value (a model, a list of models or a dict of models)."""
    if isinstance(current, BaseModel) and isinstance(dumped, dict):
        return _pruned(current, dumped)
    if isinstance(current, list) and isinstance(dumped, list):
        return [_pruned_value(item, out) for item, out in zip(current, dumped, strict=True)]
    if isinstance(current, dict) and isinstance(dumped, dict):
        return {key: _pruned_value(current[key], out) if key in current else out for key, out in dumped.items()}
    return dumped


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder (held by one process at a time; leaves no lock file)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def save_case(case: Case, path: Path, *, expected: str | None, overwrite_new: bool = False) -> SaveResult:
    """Write ``case`` to ``path`` if the file still holds the version with fingerprint ``expected``.

    ``expected=None`` means "a new file": the save is refused when ``path`` already exists
    (unless ``overwrite_new``). The written bytes are re-read and validated before the rename
    would be reported as saved.
    """
    data = case_bytes(case)
    parse_case_bytes(data)  # a saved file always passes `casusbeeld validate`
    path = Path(path)
    if path.is_symlink():  # write through a link to a file in the same folder; never replace the link itself
        target = path.resolve()
        if target.parent != path.parent.resolve():
            return SaveResult(SaveOutcome.FAILED, path, None, "link to a file outside the case folder")
        path = target
    try:
        with folder_lock(path.parent):
            on_disk = file_fingerprint(path)
            if expected is None and on_disk is not None and not overwrite_new:
                return SaveResult(SaveOutcome.EXISTS, path, on_disk)
            if expected is not None and on_disk != expected:
                return SaveResult(SaveOutcome.CONFLICT, path, on_disk)
            _write_atomically(path, data)
    except OSError as exc:
        return SaveResult(SaveOutcome.FAILED, path, None, exc.strerror or type(exc).__name__)
    return SaveResult(SaveOutcome.SAVED, path, fingerprint(data))


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


MAX_STEM = 100
"""Characters of a file name before ``.json``: file systems allow 255 bytes, and saving adds a temporary name."""


def safe_file_name(name: str, fallback: str = "casus") -> str:
    """A plain ``*.json`` file name for a folder (no path parts, no hidden files, not too long).

    >>> safe_file_name("../Casus Lisa (2024).JSON")
    'Casus-Lisa-2024.json'
    """
    stem = _UNSAFE.sub("-", Path(name).name).strip("-.")
    if stem.lower().endswith(".json"):
        stem = stem[:-5].rstrip("-.")
    return f"{stem[:MAX_STEM].rstrip('-.') or fallback}.json"


def free_name(folder: Path, name: str) -> str:
    """``name`` or, when taken, ``name-2.json``, ``name-3.json``… in ``folder``."""
    name = safe_file_name(name)
    stem = name[:-5]
    candidate, number = name, 2
    while (folder / candidate).exists():
        candidate = f"{stem}-{number}.json"
        number += 1
    return candidate
