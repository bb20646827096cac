"""Metadata and body of an HTML page.

The page is parsed once; the metadata functions (`meta`, `authors`, `dates`) and the
body extractor (html_body, with trafilatura) read the same tree. Broken HTML never raises:
lxml repairs what it can, and what cannot be read is left empty.
"""

from __future__ import annotations

from datetime import date

from newsgraph.extract.fields import decode_body
from newsgraph.extract.html.body import extract_body
from newsgraph.extract.html.meta import extract_metadata
from newsgraph.extract.html.tree import parse_tree
from newsgraph.extract.page import Page
from newsgraph.extract.text.furniture import without_furniture


def parse_html(html: str, *, url: str | None = None, crawled: date | None = None) -> Page:
    """Split an HTML page into metadata and a clean body.

    `crawled` is the day the page was fetched (today when unknown): no publication date after
    it is believed. The metadata's `language` is left None: the pipeline detects it on the body.
    """
    tree = parse_tree(html)
    # Metadata first: trafilatura and htmldate work on copies, but the order keeps this safe.
    metadata = extract_metadata(tree, url=url, crawled=crawled)
    body = clean_body(extract_body(tree, url=url), metadata.title)
    return Page(metadata=metadata, body=body)


def clean_body(body: str, title: str | None) -> str:
    """The extracted text without a repeated headline and without page furniture (the
    lines and blocks trafilatura keeps: "Advertisement", captions, related headlines)."""
    return without_furniture(without_headline(decode_body(body), title))


def without_headline(body: str, title: str | None) -> str:
    """The body without a first paragraph that only repeats the headline: the title is in
    the metadata, and the body is the article's text."""
    first, _, rest = body.partition("\n\n")
    if title and " ".join(first.casefold().split()) == " ".join(title.casefold().split()):
        return rest
    return body
