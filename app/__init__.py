"""casusbeeld's Dash app: ``create_app`` builds it, ``casusbeeld serve`` runs it."""

from app.factory import create_app

__all__ = ["create_app"]
