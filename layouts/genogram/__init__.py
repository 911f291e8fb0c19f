"""The geno-sociogram (work card 4): the family in generations, its network and the professionals around it.

Made in three steps, each a pure function:

1. **fit** (:mod:`.fit`): the family laid out (:mod:`.layout` from the kinship :mod:`.structure`, rows ordered
   and placed by :mod:`.rows`), the professionals' ring chosen (:mod:`.ring`), the scale and every label's room
   fitted (:mod:`.labels`) → a plain :class:`.fit.SociogramLayout`;
2. **draw** (:mod:`.draw`): kinship lines (:mod:`.kinship`), relationship lines (:mod:`.relations`), persons,
   organisations, households and notes (:mod:`.persons`) into an :class:`.symbols.Ink`, highlighted or dimmed;
3. **assemble** (:mod:`.assemble`): ink, legend (:mod:`.legend`) and title into a figure of the right size.

:func:`.figure.genosociogram_figure` runs the three. Shared: :mod:`.context` (marks and the drawing context),
:mod:`.captions` (case text escaped and fitted), :mod:`.geometry` (shapes and lines in data units),
:mod:`.symbols` (styles and the ink that collects them into traces).
May import: ``layouts`` (style, texts, view_state), ``models``. Never ``app``.
"""
