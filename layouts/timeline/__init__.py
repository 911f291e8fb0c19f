"""The timeline (work card 3): formal actions above the line, lived experience below, as a plotly figure.

Lanes are laid out (:mod:`.lanes`), their marks drawn as traces (:mod:`.traces`, :mod:`.text`, :mod:`.style`)
and assembled into a figure (:mod:`.figure`). May import: ``layouts`` (style, texts), ``models``. Never ``app``.
"""
