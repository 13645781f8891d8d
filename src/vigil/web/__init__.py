"""The web application (`vigil serve`): pages that work without JavaScript, and a JSON API."""

from vigil.web.app import create_app

__all__ = ["create_app"]
