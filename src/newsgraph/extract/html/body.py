"""The article text of an HTML page, with trafilatura, and a plain fallback.

trafilatura finds the main text and drops navigation, comments and boilerplate. When it finds
nothing (a page of a few short paragraphs, say), the text of the page's <p> elements is used
instead. Paragraphs are separated by exactly "\\n\\n".
"""

from __future__ import annotations

import logging

from lxml import html

from newsgraph.extract.html.tree import visible_text
from newsgraph.text import normalise_paragraphs

logger = logging.getLogger(__name__)


def extract_body(tree: html.HtmlElement, *, url: str | None = None) -> str:
    """The article's paragraphs, separated by "\\n\\n"; "" when the page has no text."""
    body = _trafilatura_body(tree, url)
    if body:
        return body
    return paragraph_text(tree)


def _trafilatura_body(tree: html.HtmlElement, url: str | None) -> str:
    import trafilatura

    try:
        text = trafilatura.extract(
            tree,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            with_metadata=False,
            output_format="txt",
        )
    except Exception as error:  # a heuristic extractor failing only means: use the fallback
        logger.debug("trafilatura failed: %s", error)
        return ""
    # trafilatura writes one paragraph per line.
    return normalise_paragraphs((text or "").replace("\n", "\n\n"))


def paragraph_text(tree: html.HtmlElement) -> str:
    """The visible text of every <p>, one paragraph each."""
    return normalise_paragraphs("\n\n".join(visible_text(p) for p in tree.iter("p")))
