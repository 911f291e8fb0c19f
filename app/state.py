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
import datetime as dt
import hashlib
import json
import threading
import zlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from cachetools import LRUCache

from models import Case, CaseError, Event
from models.loading import parse_case_bytes

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

CACHE_SIZE = 8
"""Parsed cases kept in memory per process (a meeting room uses one or two at a time)."""


class BoundedLRU(Generic[K, V]):
    """A thread-safe least-recently-used map (``cachetools.LRUCache`` behind a lock) that builds misses
    outside the lock, so one slow parse doesn't hold up other requests."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: LRUCache[K, V] = LRUCache(maxsize)
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
    return zlib.decompress(base64.b64decode(blob, validate=True))


@dataclass
class CaseView:
    """A parsed case plus the lookups the callbacks need again and again."""

    case: Case
    key: str
    ordered: list[Event] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    person_events: dict[str, set[str]] = field(default_factory=dict)
    organisation_events: dict[str, set[str]] = field(default_factory=dict)
    perspective_events: dict[str, set[str]] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)
    organisation_names: dict[str, str] = field(default_factory=dict)
    source_titles: dict[str, str] = field(default_factory=dict)
    findings: list[Any] | None = None  # pattern findings, computed on first use
    bounds: tuple[dt.date, dt.date] | None = None  # first and last day, see app.filters.case_bounds

    @classmethod
    def build(cls, case: Case, key: str) -> CaseView:
        view = cls(case=case, key=key)
        view.ordered = case.events_in_order()
        view.events = {event.id: event for event in view.ordered}
        view.order = {event.id: i for i, event in enumerate(view.ordered)}
        view.person_names = {person.id: person.label for person in case.persons}
        view.organisation_names = {org.id: org.name for org in case.organisations}
        view.source_titles = {source.id: source.title for source in case.sources}
        for event in view.ordered:
            for person in event.persons:
                view.person_events.setdefault(person, set()).add(event.id)
            if event.perspective:
                view.perspective_events.setdefault(event.perspective, set()).add(event.id)
            for org in (event.organisation, event.to_organisation):
                if org:
                    view.organisation_events.setdefault(org, set()).add(event.id)
        return view

    def event_organisations(self, event: Event) -> list[str]:
        return [org for org in (event.organisation, event.to_organisation) if org]


_VIEWS: BoundedLRU[str, CaseView] = BoundedLRU(CACHE_SIZE)


def case_view(store: dict[str, Any] | None) -> CaseView | None:
    """The open case of the browser that sent ``store`` (the case store's data), or None."""
    if not store or not isinstance(store.get("blob"), str):
        return None
    blob: str = store["blob"]
    key = content_hash(blob)
    try:
        return _VIEWS.get_or_create(key, lambda: CaseView.build(parse_case_bytes(unpack(blob)), key))
    except (CaseError, ValueError, binascii.Error, zlib.error):  # only validated cases are stored: tampered
        return None


def remember(store: dict[str, Any], case: Case) -> None:
    """Put an already validated case in the cache under its store's blob (after an edit), sparing a re-parse."""
    key = content_hash(store["blob"])
    _VIEWS.get_or_create(key, lambda: CaseView.build(case, key))


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
    _VIEWS.get_or_create(key, lambda: CaseView.build(case, key))
    return {"blob": blob}, None


# --- the cases the server was started with ---------------------------------------------------

@dataclass(frozen=True)
class CaseFile:
    """One case file offered in the case chooser."""

    name: str
    path: Path
    title: str
    looks_valid: bool


_TITLES: BoundedLRU[tuple[str, int, int], tuple[str, bool]] = BoundedLRU(256)


def _peek_title(path: Path) -> tuple[str, bool]:
    """The file's title without full validation (cached by path, size and mtime)."""
    stat = path.stat()

    def read() -> tuple[str, bool]:
        try:
            raw = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return path.stem, False
        if not isinstance(raw, dict):
            return path.stem, False
        title = raw.get("title")
        return (title if isinstance(title, str) and title.strip() else path.stem), raw.get("pseudonymised") is True

    return _TITLES.get_or_create((str(path), stat.st_size, stat.st_mtime_ns), read)


def list_case_files(cases: Path | None) -> list[CaseFile]:
    """The case files at ``cases`` (a file or a folder, not recursive), sorted by file name."""
    if cases is None:
        return []
    paths = sorted(cases.glob("*.json")) if cases.is_dir() else [cases] if cases.is_file() else []
    files = []
    for path in paths:
        try:
            title, ok = _peek_title(path)
        except OSError:
            continue
        files.append(CaseFile(name=path.name, path=path, title=title, looks_valid=ok))
    return files


def read_case_file(cases: Path | None, name: str) -> bytes | None:
    """The bytes of the offered file called ``name`` (only files in the chooser can be read)."""
    for file in list_case_files(cases):
        if file.name == name:
            try:
                return file.path.read_bytes()
            except OSError:
                return None
    return None
