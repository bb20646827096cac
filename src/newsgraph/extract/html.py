"""Metadata and body of an HTML page. STUB: filled in by the ingest issue."""

from __future__ import annotations

from newsgraph.extract.scraped import ScrapedPage, parse_scraped


def parse_html(html: str, *, url: str | None = None) -> ScrapedPage:
    """Split an HTML page into metadata and a clean body."""
    import re

    return parse_scraped(re.sub(r"<[^>]+>", "\n", html))
