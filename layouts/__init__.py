"""Figures and page components. Every figure is a pure function of (case, view options) → figure.

View options shared by the figures (keyword-only, all optional):

- ``lang``: ``"nl"`` (default) or ``"en"`` — legend, labels and dates.
- ``projector``: larger type, higher contrast, fewer words.
- ``highlight_events``: event ids to emphasise (the rest is dimmed).
- ``highlight_persons``: person ids to emphasise (timeline: their events; genogram: their symbols).
- ``highlight_organisations``: organisation ids to emphasise.
- ``as_of``: a ``datetime.date``; the timeline marks it, the geno-sociogram shows the network on that day.
"""
