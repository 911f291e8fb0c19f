"""Figures and page components. Every figure is a pure function of (case, view state) → figure.

The view state is :class:`layouts.view_state.ViewState` (frozen; the app makes it from its controls and the
address): the case, ``as_of`` (the timeline marks it, the geno-sociogram shows the network on that day), the
event filter (:class:`models.event_filter.EventFilter`), the lanes, ``lang`` (``"nl"`` or ``"en"``),
``projector`` (larger type, fewer words), the wall and the story step. What a figure emphasises is a
:class:`layouts.view_state.Highlight` (events, persons, organisations; the rest is dimmed):
``timeline_figure(case, state, highlight=…)``. The geno-sociogram still takes its options as keywords
(``as_of``, ``lang``, ``projector``, ``highlight_events``, ``highlight_persons``, ``highlight_organisations``).
"""
