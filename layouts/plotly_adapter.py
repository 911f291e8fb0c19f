"""The one place casusbeeld relies on plotly.py beyond its documented API, checked on :data:`CHECKED_ON`.

The figure builders assemble their traces and layout as plain dicts and numpy arrays from known-good parts.
The public way to make a ``go.Figure`` of them validates every property again, one graph object at a time:
~30 ms for a timeline and ~20 ms for a geno-sociogram, whatever the case's size (measured with plotly 7.1),
which is more than building a small case's timeline takes. Plotly has no public switch for it; its own
constructor takes a private ``_validate`` flag. :func:`unchecked_figure` is the only user of that flag;
``tests/test_plotly_adapter.py`` fails on a plotly version outside :data:`CHECKED_ON` or when the flag no
longer skips validation, and tests of the builders validate their figures in full. Should the flag go,
``go.Figure(data=data, layout=layout)`` is the public replacement (slower, same figure).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

CHECKED_ON = ((6, 0), (8, 0))
"""plotly.py versions :func:`unchecked_figure` was checked on: at least the first, below the second."""


def unchecked_figure(data: Sequence[Any], layout: Mapping[str, Any]) -> go.Figure:
    """A ``go.Figure`` of ``data`` (traces) and ``layout`` as given, their values not validated again (plotly
    still checks the property names).

    >>> unchecked_figure([{"type": "scatter", "x": [1], "y": [2]}], {"height": 300}).layout.height
    300
    """
    return go.Figure(data=data, layout=layout, _validate=False)
