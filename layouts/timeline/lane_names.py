"""The names of the timeline's lanes, left of the lanes (a merged lane says how many it holds; the tooltip has
the full name or the members), and the captions of the two halves beside the axis line."""

from __future__ import annotations

import math
from collections.abc import Sequence

from layouts.style import INK, TypeScale
from layouts.texts import text
from layouts.timeline.lanes import Lane, TimelineLayout
from layouts.timeline.style import AXIS_DOWN, AXIS_UP, Geometry, person_colour
from layouts.timeline.text import HoverWriter, esc, lane_hover, lane_label, merged_lane_label
from models.vocabulary import Layer


def lane_labels(layout: TimelineLayout, writer: HoverWriter, persons: dict, lang: str, geo: Geometry,
                 scale: TypeScale, projector: bool, unnamed: frozenset[str] = frozenset()) -> tuple[list[dict], int]:
    """Lane labels left of the lanes (annotations: their tooltip has the full name or what a merged lane holds)
    and the halves' captions beside the axis line; and the left margin they need, in px. The lanes of
    ``unnamed`` (keys; story mode: nobody there yet) keep their room but show no name."""
    font = scale.small if projector else scale.base
    notes: list[dict] = []
    widest = 0
    without_org = any(item.lane == "other" and (not item.event.organisation or item.event.organisation
                                                  not in (layout.lane("other") or Lane("", "", "", Layer.FORMAL,
                                                                                        0, 0, 0)).members)
                      for item in layout.placed) if layout.lane("other") is not None else False
    names = {lane.key: [merged_lane_label(lane.kind, len(lane.members), layout.lane_mode, lang, projector)]
             if lane.kind in ("other", "others") and lane.members
             else lane_label(lane.kind, lane.ref, writer, lang, geo.label_chars, lines=2) for lane in layout.lanes}
    # one-row lanes only on the wall: there rows keep their nominal height; a poster squeezes them to its sheet
    two_lines = lanes_with_two_lines(layout.lanes, {key for key, lines in names.items() if len(lines) > 1},
                                     font / geo.row_px if projector else math.inf)
    for lane in layout.lanes:
        lines = names[lane.key]
        if len(lines) > 1 and lane.key not in two_lines:
            lines = lane_label(lane.kind, lane.ref, writer, lang, geo.label_chars)
        widest = max(widest, *(len(line) for line in lines))
        label_text = "<br>".join(esc(line) for line in lines)
        if lane.kind == "person" and lane.ref in persons:
            label_text = f"<span style='color:{person_colour(persons[lane.ref].kind)}'>{label_text}</span>"
        hover = lane_hover(lane.kind, lane.ref, lane.members, writer, lang,
                           without_organisation=lane.kind == "other" and without_org)
        if lane.key in unnamed:
            label_text, hover = "", None
        notes.append({"x": 0, "xref": "paper", "xanchor": "right", "xshift": -8, "align": "right",
                      "y": lane.centre, "yref": "y2" if lane.layer == Layer.FORMAL else "y", "yanchor": "middle",
                      "text": label_text, "hovertext": hover, "showarrow": False,
                      "font": {"size": font, "color": INK}, "captureevents": False})
    if layout.added_rows:  # a workshop's rows beside the axis: what the participants added
        caption = text("timeline_lane_added", lang)
        widest = max(widest, len(caption))
        notes += [{"x": 0, "xref": "paper", "xanchor": "right", "xshift": -8, "align": "right",
                   "y": layout.added_y(formal), "yref": "y2" if formal else "y", "yanchor": "middle",
                   "text": f"<i>{esc(caption)}</i>",
                   "showarrow": False, "font": {"size": font, "color": INK}, "captureevents": False,
                   "name": "timeline-added-lane"} for formal in (True, False)]
    captions = ((text("timeline_formal_axis", lang), AXIS_UP * 0.45, "y2"),
                (text("timeline_lived_axis", lang), -AXIS_DOWN * 0.55, "y"))
    for caption, y, yref in captions:
        widest = max(widest, len(caption) + 1)
        notes.append({"x": 0, "xref": "paper", "xanchor": "right", "xshift": -8, "y": y, "yref": yref,
                      "yanchor": "middle", "text": f"<b>{esc(caption)}</b>", "showarrow": False,
                      "font": {"size": font, "color": INK}})
    return notes, int(widest * font * 0.6 + 24)


LINE_EM = 1.3
"""The height of a line of a lane's name, in em (plotly's annotation line spacing and a little air)."""


def lanes_with_two_lines(lanes: Sequence[Lane], wanting: set[str], font_rows: float) -> frozenset[str]:
    """Of the lanes ``wanting`` two lines for their name (keys; "Jeugdbescherming / West" rather than
    "Jeugdbescher… West"), those that get them: every lane of two rows or more, and a one-row lane when two lines
    stay clear of its neighbours' names and of the halves' captions beside the axis (``font_rows``: the font size
    in rows at the nominal row height; decided from the top down, so two neighbours never both take two lines
    where only one fits)."""
    half_line = LINE_EM * font_rows / 2
    chosen: set[str] = set()
    for layer, caption in ((Layer.FORMAL, AXIS_UP * 0.45), (Layer.LIVED, -AXIS_DOWN * 0.55)):
        column = sorted((lane for lane in lanes if lane.layer == layer), key=lambda lane: -lane.centre)
        above = float("inf")  # the lower edge of the name above
        for index, lane in enumerate(column):
            if index + 1 < len(column):
                following = column[index + 1]
                below = following.centre + (2 if following.rows >= 2 and following.key in wanting else 1) * half_line
            else:
                below = caption + half_line
            if layer == Layer.LIVED and index == 0:
                above = min(above, caption - half_line)
            if lane.key not in wanting:
                above = lane.centre - half_line
            elif lane.rows >= 2 or (lane.centre + 2 * half_line <= above and lane.centre - 2 * half_line >= below):
                chosen.add(lane.key)
                above = lane.centre - 2 * half_line
            else:
                above = lane.centre - half_line
    return frozenset(chosen)
