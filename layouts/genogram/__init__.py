"""The geno-sociogram (work card 4): the family in generations, its network and the professionals around it.

The family is laid out (:mod:`.layout`), the professionals' ring placed (:mod:`.ring`), labels fitted
(:mod:`.labels`), symbols and lines drawn (:mod:`.symbols`, :mod:`.draw`), the legend built (:mod:`.legend`) and
all assembled into a figure (:mod:`.figure`). May import: ``layouts`` (style, texts), ``models``. Never ``app``.
"""
