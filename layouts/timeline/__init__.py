"""The timeline (work card 3): formal actions above the line, lived experience below, as a plotly figure.

Lanes are laid out (:mod:`.lanes`, merged to fit one screen by :mod:`.lane_budget`), their marks gathered into
columns (:mod:`.marks`) and drawn as traces (:mod:`.traces`, :mod:`.text`, :mod:`.style`) with a legend
(:mod:`.legend`), and assembled into a figure (:mod:`.figure`).
May import: ``layouts`` (style, texts), ``models``. Never ``app``.
"""
