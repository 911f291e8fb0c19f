"""Every limit on what a client or a case folder can send, in one place, each with its reason.

The limits are checked before the work they protect is done (reading, inflating, parsing, validating), and
every refusal is a :class:`~models.problems.Problem` with a plain Dutch and English message — never a
traceback. A real case is well under 1 MB with a few hundred events; the limits leave room for the
synthetic 20,000-event cases used for benchmarks.
"""

from __future__ import annotations

MIB = 1_048_576

MAX_FILE_BYTES = 20 * MIB
"""A case file (read from the folder, uploaded, or sent back by the browser after inflating): 20 MiB. The
largest real calamity file is ~0.2 MB; a 20,000-event synthetic case is ~5 MB."""

MAX_PACKED_BYTES = 8 * MIB
"""The compressed case the browser keeps and sends with a callback (zlib + base64): JSON compresses 5–10×,
so a 20 MiB case packs to well under this."""

MAX_REQUEST_BYTES = 32 * MIB
"""One HTTP request body: an upload is base64 (4/3 of the file) plus the packed case and the form; bigger
requests are refused with 413 before they are read."""

MAX_ITEMS = 50_000
"""Items in one list of the case (events, persons…): four times the largest benchmark case."""

MAX_STRING_CHARS = 20_000
"""One text value (a title, a note): about ten pages of text."""

MAX_DEPTH = 64
"""Nesting of JSON objects and lists: a case is at most six levels deep."""

MAX_PROBLEMS_SHOWN = 50
"""Problems listed for one file; the rest are counted ("en nog 1.172 andere")."""

MAX_NUMBER_DIGITS = 30
"""Digits in one JSON number: more is never a real value (and Python refuses over 4,300)."""

CACHE_BYTES = 256 * MIB
"""Parsed cases kept in memory per worker process (measured as the size of their JSON)."""
