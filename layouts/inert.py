"""User text drawn by plotly exactly as typed: the one helper for every drawn string.

plotly draws text (labels, hover, legend, titles, tick labels) as SVG and reads a small subset of HTML in
it (``<b>``, ``<br>``, ``<a href>`` …); it decodes only ``&amp;``, ``&lt;``, ``&gt;``, a few named entities
and numeric ones. So a case's text is made inert by escaping ``&``, ``<`` and ``>`` only: quotes stay as
they are (``html.escape``'s default ``&quot;`` would be shown as ``&quot;``).

>>> drawn_text('Moeder: "Ik <b>wil</b> dat niet" & \\'nu\\'')
'Moeder: "Ik &lt;b&gt;wil&lt;/b&gt; dat niet" &amp; \\'nu\\''
"""

from __future__ import annotations

_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def drawn_text(value: object) -> str:
    """``value`` as text that plotly shows as typed (and never reads as markup)."""
    return str(value).translate(_TABLE)
