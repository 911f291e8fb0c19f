"""Dash page components: the page, the side panel's details and notes, the edit forms and toolbar, the
download controls, and language-following text (:mod:`.i18n`). Pure builders of component trees from a case
view and the language; the callbacks that fill them live in ``app.callbacks``.

May import: ``layouts`` (texts, style, view_state), ``models``. Never ``app``.
"""
