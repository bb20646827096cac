"""Page furniture out of a body: the pass after scraped-text reading and after HTML extraction.

What trafilatura and a text dump keep of a page besides the article: advertising slots
("Advertisement", "Story continues below advertisement"), player and gallery prompts ("WATCH:
…", "Open this photo in gallery"), picture captions, blocks of related headlines, and
copyright and contact lines. Each is recognised by its shape, from the word lists in `lang/`:

- a furniture paragraph: the whole paragraph is one of the listed lines;
- a caption: a short paragraph ending in a picture credit ("… (Photo: Jane Doe)");
- a related block: a related-stories heading and the short, headline-shaped lines after it.

Anything of the article's own text stays: a pattern must match a whole paragraph, captions need
a credit, and a related block ends at the first paragraph of prose.
"""

from __future__ import annotations

import re

from newsgraph.extract.text.header import is_furniture as is_header_furniture
from newsgraph.lang import html as other
from newsgraph.lang.en import page as en
from newsgraph.text import PARAGRAPH_SEPARATOR, normalise_paragraphs


def _alternatives(fragments: tuple[str, ...]) -> str:
    return "|".join(f"(?:{fragment})" for fragment in fragments)


def _words(words: tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Every language's lists at once: the body's language is detected only after this step.
BODY_FURNITURE = re.compile(
    _alternatives(en.BODY_FURNITURE_LINES + other.BODY_FURNITURE_LINES), re.IGNORECASE
)
RELATED_HEADING = re.compile(
    rf"(?:{_alternatives(en.RELATED_HEADINGS + other.RELATED_HEADINGS)})\s*:?", re.IGNORECASE
)
_CREDIT = _words(en.CAPTION_CREDIT_WORDS)
_AGENCY = _words(tuple(sorted(en.WIRE_AGENCIES)))
# The credit that ends a caption: bracketed, or after the caption's last sentence or a bar.
CAPTION_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?\"”’)])\s+|\s*[|/]\s*|\s+)"
    rf"[(\[]\s*(?:(?:{_AGENCY})\s+)?(?:{_CREDIT})\s*(?::|/|by\b|courtesy\b)[^()\[\]]{{0,80}}[)\]]$"
    rf"|(?:^|(?<=[.!?\"”’)])\s+|\s*\|\s*)(?:{_CREDIT})\s*(?::|by\b)\s*[^.!?]{{1,80}}$"
    rf"|(?:^|(?<=[.!?\"”’)])\s+|\s*[|/]\s*)(?:{_words(en.PICTURE_AGENCIES)})\)?$",
    re.IGNORECASE,
)
MAX_FURNITURE_WORDS = 40  # a furniture line or caption is short; prose is not touched
MAX_CAPTION_WORDS = 50
MAX_HEADLINE_WORDS = 20
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def without_furniture(body: str) -> str:
    """The body without furniture paragraphs, captions and related-headline blocks."""
    paragraphs = body.split(PARAGRAPH_SEPARATOR) if body else []
    kept: list[str] = []
    in_related = False
    for paragraph in paragraphs:
        text = " ".join(paragraph.split())
        if RELATED_HEADING.fullmatch(text):
            in_related = True  # the heading, and the headlines after it
            continue
        if in_related and is_headline_shaped(text):
            continue
        in_related = False
        if not (is_furniture_paragraph(text) or is_caption(text)):
            kept.append(paragraph)
    return normalise_paragraphs(PARAGRAPH_SEPARATOR.join(kept))


def is_furniture_paragraph(text: str) -> bool:
    """A whole paragraph of furniture: "Advertisement", "Open this photo in gallery",
    "WATCH: …", "© 2025 …", "Contact the newsroom at news@example.org"."""
    if len(text.split()) > MAX_FURNITURE_WORDS:
        return False
    return bool(BODY_FURNITURE.fullmatch(text)) or is_header_furniture(text)


def is_caption(text: str) -> bool:
    """A short paragraph that ends in a picture credit."""
    return len(text.split()) <= MAX_CAPTION_WORDS and bool(CAPTION_CREDIT.search(text))


def is_headline_shaped(text: str) -> bool:
    """A short line that does not end like a sentence: a link to another story."""
    words = text.split()
    return 0 < len(words) <= MAX_HEADLINE_WORDS and not SENTENCE_END.search(text)
