"""The web app and HTTP API over the corpus (no spaCy here): `create_app(db, analyse)`.

`app.py` holds the routes (the JSON API under /api/ and the pages), `pages.py` each page's
data as one dict, `highlight.py` the body cut for highlighting, `charts.py` the inline SVG
charts' geometry, `guard.py` the security headers and the request size limit.
"""

from newsgraph.web.app import Analyse, create_app

__all__ = ["Analyse", "create_app"]
