"""Parsing an HTML page once, and small helpers to read text and attributes from the tree.

Every metadata function and the body extractor read the same lxml tree, so a page is parsed
once. Broken markup never raises here: lxml repairs what it can, and a page it cannot parse at
all becomes an empty document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree, html

# lxml refuses a `str` that still declares its encoding (<?xml version="1.0" encoding=...?>),
# so the page is handed over as UTF-8 bytes with the encoding stated.
UTF8_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=True)
WHITESPACE = re.compile(r"\s+")
# Elements whose text is never what a reader sees.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})


def parse_tree(page: str) -> html.HtmlElement:
    """The page as an lxml tree; an empty <html> element when nothing can be parsed."""
    try:
        root = html.document_fromstring(page.encode("utf-8", "replace"), parser=UTF8_PARSER)
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        return html.Element("html")
    return root


def clean_text(text: str | None) -> str:
    """Whitespace folded to single spaces, ends stripped; "" for None."""
    if not text:
        return ""
    return WHITESPACE.sub(" ", text).strip()


def visible_text(element: html.HtmlElement) -> str:
    """The text a reader sees in an element: scripts, styles and hidden parts left out."""
    return clean_text(" ".join(_visible_pieces(element)))


def _visible_pieces(element: html.HtmlElement) -> Iterator[str]:
    if not isinstance(element.tag, str) or element.tag in INVISIBLE_TAGS:
        return
    if is_hidden(element):
        return
    if element.text:
        yield element.text
    for child in element:
        yield from _visible_pieces(child)
        if child.tail:
            yield child.tail


def is_hidden(element: html.HtmlElement) -> bool:
    """Hidden with the `hidden` attribute, aria-hidden or an inline display:none."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def meta_contents(tree: html.HtmlElement) -> dict[str, list[str]]:
    """Every <meta> content by lower-cased name, property and itemprop, in page order.

    One attribute may list several names ("og:title twitter:title"): each gets the value.
    """
    contents: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        value = clean_text(meta.get("content"))
        if not value:
            continue
        for attribute in ("property", "name", "itemprop"):
            for key in (meta.get(attribute) or "").lower().split():
                contents.setdefault(key, []).append(value)
    return contents


def first_meta(contents: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    """The first value under the first of `keys` that the page has."""
    for key in keys:
        values = contents.get(key)
        if values:
            return values[0]
    return None


def class_and_id(element: html.HtmlElement) -> str:
    """Class and id of an element, lower-cased, for matching words like "byline"."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()
