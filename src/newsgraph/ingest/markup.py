"""Plain text from an HTML fragment (a feed entry's content), paragraph by paragraph.

Feed entries carry the article's markup without the page around it, so there is no
boilerplate to remove: block elements become paragraphs and everything else runs as text.
"""

from __future__ import annotations

import html
import re

from newsgraph.text import normalise_paragraphs

BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "figure",
        "figcaption",
        "header",
        "footer",
        "hr",
        "dd",
        "dt",
    ]
)
DROPPED_TAGS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
INLINE_SPACE = re.compile(r"[ \t\r\f\v]+")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, paragraphs separated by one blank line."""
    cleaned = COMMENT.sub("", DROPPED_TAGS.sub("", fragment))
    # Markup line breaks are spacing; only block elements separate paragraphs.
    cleaned = cleaned.replace("\r\n", " ").replace("\n", " ")
    text = TAG.sub(_tag_replacement, cleaned)
    lines = (INLINE_SPACE.sub(" ", html.unescape(line)).strip() for line in text.split("\n"))
    return normalise_paragraphs("\n".join(lines))


def _tag_replacement(match: re.Match[str]) -> str:
    return "\n\n" if match.group(1).lower() in BLOCK_TAGS else ""
