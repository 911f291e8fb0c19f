"""app/assets/casusbeeld.js in the browser: its one reader of plotly.js internals still reads what plotly drew.

``plotGeometry`` reads ``gd._fullLayout`` (plotly's public API has the figure as given, not as drawn). This
fails on a plotly.js major version it was not checked on, or when what it reads no longer matches the page.
"""

from __future__ import annotations

from typing import Any

from .helpers import open_lisa

CHECKED_ON_MAJOR = 4  # plotly.js 4.1 (shipped with plotly.py 7.1)

_GEOMETRY = """() => {
    const gd = document.querySelector('#timeline-wrap .js-plotly-plot');
    const drawn = window.dash_clientside.casusbeeld.plotGeometry(gd);
    // plotly's drag covers sit exactly on each subplot: x2y2 (formal, above the axis), xy (lived, below it)
    const cover = (name) => {
        const rect = gd.querySelector('.draglayer .' + name + ' .nsewdrag');
        return rect && {offset: +rect.getAttribute('y'), length: +rect.getAttribute('height')};
    };
    return {version: window.Plotly.version, drawn, xy: cover('xy'), x2y2: cover('x2y2'),
            width: gd.offsetWidth, height: gd.offsetHeight};
}"""


def test_plot_geometry_is_what_plotly_drew(page: Any) -> None:
    open_lisa(page)
    seen = page.evaluate(_GEOMETRY)
    assert int(seen["version"].split(".")[0]) == CHECKED_ON_MAJOR, (
        f"plotly.js {seen['version']}: check plotGeometry in app/assets/casusbeeld.js on it")
    drawn = seen["drawn"]
    assert drawn is not None, "plotGeometry found nothing drawn: plotly.js internals changed"
    assert abs(drawn["width"] - seen["width"]) <= 1 and abs(drawn["height"] - seen["height"]) <= 1
    lived, formal = drawn["axes"]["yaxis"], drawn["axes"]["yaxis2"]
    assert seen["xy"] and seen["x2y2"]
    for axis, cover in ((lived, seen["xy"]), (formal, seen["x2y2"])):
        assert abs(axis["offset"] - cover["offset"]) <= 1 and abs(axis["length"] - cover["length"]) <= 1
    assert formal["offset"] + formal["length"] <= lived["offset"]  # the formal half above the lived one
