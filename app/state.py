"""Per-browser state and the derived-data cache.

**State lives in the browser.** Each browser tab holds its open case in a ``dcc.Store``
(``storage_type="memory"``: gone when the tab closes, never written to ``localStorage``), as the
validated JSON compressed with zlib and base64-encoded (a 5,000-event case: 1 MB of JSON, 140 KB in the
store), because Dash sends the store with every callback that reads it. Callbacks turn it into a
:class:`CaseView`.

**The cache holds derived data only.** Parsing and validating a 5,000-event case costs
~0.15 s, too slow for every click, so :func:`case_view` memoises the parsed case by a hash of
the JSON text in a small, bounded, thread-safe LRU. This is safe with several workers or
processes: the key is the content itself, so every worker computes the same value for the same
key, a miss only costs time (the worker re-parses what the browser sent), and no entry can leak
one browser's case to another (to hit an entry you must send the very same bytes).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import stat as stat_module
import threading
import zlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from cachetools import LRUCache

from models import Case, CaseError
from models.case_view import CaseView
from models.limits import CACHE_BYTES, MAX_FILE_BYTES, MAX_PACKED_BYTES
from models.loading import parse_case_bytes

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

CACHE_SIZE = 8
"""Small derived-data caches: entries kept per process (a meeting room uses one or two cases at a time)."""


class BoundedLRU(Generic[K, V]):
    """A thread-safe least-recently-used map (``cachetools.LRUCache`` behind a lock) that builds misses
    outside the lock, so one slow parse doesn't hold up other requests."""

    def __init__(self, maxsize: int, getsizeof: Callable[[V], int] | None = None) -> None:
        self.maxsize = maxsize
        self._data: LRUCache[K, V] = LRUCache(maxsize, getsizeof=getsizeof)
        self._lock = threading.Lock()

    def get_or_create(self, key: K, create: Callable[[], V]) -> V:
        with self._lock:
            if key in self._data:
                return self._data[key]  # reading marks it recently used
        value = create()
        with self._lock:
            self._data[key] = value
        return value

    def get(self, key: K) -> V | None:
        with self._lock:
            return self._data.get(key)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


def content_hash(blob: str) -> str:
    """A short, collision-safe key for a stored case."""
    return hashlib.blake2b(blob.encode("ascii", errors="replace"), digest_size=16).hexdigest()


def pack(data: bytes) -> str:
    """Case file bytes as the store keeps them: zlib-compressed, base64 text."""
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii")


def unpack(blob: str) -> bytes:
    """The case file bytes of a stored blob; ``ValueError`` when the blob or what it inflates to is over the limits
    (a small request must not make the server inflate gigabytes)."""
    if len(blob) > MAX_PACKED_BYTES * 4 // 3 + 4:
        raise ValueError("packed case over the limit")
    inflater = zlib.decompressobj()
    data = inflater.decompress(base64.b64decode(blob, validate=True), MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES or inflater.unconsumed_tail:
        raise ValueError("inflated case over the limit")
    return data


_VIEWS: BoundedLRU[str, CaseView] = BoundedLRU(CACHE_BYTES, getsizeof=lambda view: max(view.size, 1))
"""Parsed cases by content hash, bounded by the size of their files (see :data:`models.limits.CACHE_BYTES`)."""


def case_view(store: dict[str, Any] | None) -> CaseView | None:
    """The open case of the browser that sent ``store`` (the case store's data), or None."""
    if not store or not isinstance(store.get("blob"), str):
        return None
    blob: str = store["blob"]
    key = content_hash(blob)
    try:
        def parse() -> CaseView:
            data = unpack(blob)
            return CaseView.build(parse_case_bytes(data), key, len(data))

        return _VIEWS.get_or_create(key, parse)
    except (CaseError, ValueError, binascii.Error, zlib.error):  # only validated cases are stored: tampered
        return None


def remember(store: dict[str, Any], case: Case) -> None:
    """Put an already validated case in the cache under its store's blob (after an edit), sparing a re-parse."""
    key = content_hash(store["blob"])
    _VIEWS.get_or_create(key, lambda: CaseView.build(case, key, len(store["blob"]) * 6))


def clear_cache() -> None:
    _VIEWS.clear()


def open_case_bytes(data: bytes) -> tuple[dict[str, Any] | None, CaseError | None]:
    """Validate a case file's bytes; return the store data for it, or the error listing every problem."""
    try:
        case = parse_case_bytes(data)
    except CaseError as exc:
        return None, exc
    blob = pack(data)
    key = content_hash(blob)
    _VIEWS.get_or_create(key, lambda: CaseView.build(case, key, len(data)))
    return {"blob": blob}, None


# --- the cases the server was started with ---------------------------------------------------

@dataclass(frozen=True)
class CaseFile:
    """One case file offered in the case chooser."""

    name: str
    path: Path
    title: str
    looks_valid: bool
    skipped: bool = False  # not a regular file inside the folder: listed (disabled) so the user knows why


_TITLES: BoundedLRU[tuple[str, int, int], tuple[str, bool]] = BoundedLRU(256)


def _peek_title(path: Path) -> tuple[str, bool]:
    """The file's title without full validation (cached by path, size and mtime)."""
    stat = path.stat()

    def read() -> tuple[str, bool]:
        try:
            raw = json.loads(read_capped(path))
        except (OSError, ValueError):
            return path.stem, False
        if not isinstance(raw, dict):
            return path.stem, False
        title = raw.get("title")
        return (title if isinstance(title, str) and title.strip() else path.stem), raw.get("pseudonymised") is True

    return _TITLES.get_or_create((str(path), stat.st_size, stat.st_mtime_ns), read)


def list_case_files(cases: Path | None, *, include_skipped: bool = False) -> list[CaseFile]:
    """The case files at ``cases`` (a file or a folder, not recursive), sorted by file name.

    Only regular files inside the folder count, after resolving links: a link to a file elsewhere, a FIFO or a
    device is skipped (so it can neither be read through the app nor hang it); ``include_skipped`` lists those
    too, marked ``skipped``, for the chooser to say so.
    """
    if cases is None:
        return []
    paths = sorted(cases.glob("*.json")) if cases.is_dir() else [cases] if cases.is_file() else []
    folder = cases.resolve() if cases.is_dir() else None
    files = []
    for path in paths:
        if not _safe_case_path(path, folder):
            if include_skipped:
                files.append(CaseFile(name=path.name, path=path, title=path.name, looks_valid=False, skipped=True))
            continue
        try:
            title, ok = _peek_title(path)
        except OSError:
            continue
        files.append(CaseFile(name=path.name, path=path, title=title, looks_valid=ok))
    return files


def _safe_case_path(path: Path, folder: Path | None) -> bool:
    """Whether ``path`` is a regular file, inside ``folder`` (when given) after resolving links."""
    try:
        real = path.resolve(strict=True)
        regular = stat_module.S_ISREG(real.stat().st_mode)
    except (OSError, RuntimeError):
        return False
    return regular and (folder is None or real.parent == folder)


def read_capped(path: Path) -> bytes:
    """A file's bytes, at most :data:`models.limits.MAX_FILE_BYTES` (``OSError`` when it is bigger)."""
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise OSError("file over the size limit")
    return data


def read_case_file(cases: Path | None, name: str) -> bytes | None:
    """The bytes of the offered file called ``name`` (only files in the chooser can be read)."""
    for file in list_case_files(cases):
        if file.name == name:
            try:
                return read_capped(file.path)
            except OSError:
                return None
    return None
