"""A human-readable view of an article record, for the terminal.

Each article starts with its headline and where it came from (the file or URL), so that a
batch's articles can be told apart even when a page has no headline. Quotes are shown whole,
wrapped, each with the words that name its speaker and how the speaker was found from them.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection

from newsgraph.records import Article, Quote, QuoteKind

WIDTH = 100
EXCERPT_CHARS = 160
QUOTE_INDENT = "      "  # continuation lines and the speaker line under a quote

SPEECH_ONLY: frozenset[QuoteKind] = frozenset({"speech"})

# How the speaker was found from the words that name it (`Speaker.via`), in plain words.
VIA_WORDS = {
    "name": "named",
    "apposition": "a name beside a description",
    "description": "a description the article ties to a name",
    "pronoun": "a pronoun resolved to a name",
    "continuation": "continues the quote before",
}
# A description that names nobody in the article ("a spokesman") is its own speaker.
UNNAMED_DESCRIPTION = "a description; the article names nobody for it"
NO_SPEAKER = "speaker not found"
NO_CUE = "no cue: continues the quote before"
# Control characters (C0, DEL, C1) but line feed and tab: from an input they would reach the
# terminal as escape sequences (colours, cursor moves, a retitled window, a cleared screen).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def render_article(article: Article, kinds: Collection[QuoteKind] = SPEECH_ONLY) -> str:
    """A few lines per part of the record: metadata, entities, quotes of the given `kinds`
    (speech by default: what a reader counts as quoted), timeline."""
    meta = article.metadata
    origin = article.source or article.url or meta.url
    lines = [
        f"# {meta.title or _untitled(origin)}",
        _field("from", origin),
        _field("url", meta.url if meta.url and meta.url != origin else None),
        _field("site", meta.site),
        _field("section", meta.section),
        _field("authors", ", ".join(meta.authors) or None),
        _field("agency", meta.agency),
        _field("published", meta.published),
        _field("views", None if meta.views is None else str(meta.views)),
        _field("language", meta.language),
        _field("body", f"{len(article.body):,} characters"),
    ]
    lines += [f"warning: {w}" for w in article.warnings]
    if article.entities:
        lines.append("entities:")
        lines += [f"  {e.type:<11} {e.name} ({len(e.mentions)}×)" for e in article.entities]
    quotes = [q for q in article.quotes if q.kind in kinds]
    if quotes:
        lines.append("quotes:")
        for quote in quotes:
            lines += _quote_lines(quote)
    if article.timeline:
        lines.append("timeline:")
        lines += [f"  {t.date:<12} {_excerpt(t.text)}" for t in article.timeline]
    return strip_controls("\n".join(line for line in lines if line) + "\n")


def strip_controls(text: str) -> str:
    """`text` without the control characters a terminal acts on; line feeds and tabs kept."""
    return CONTROL.sub("", text)


def _untitled(origin: str | None) -> str:
    return f"(no title) {origin}" if origin else "(no title)"


def _field(name: str, value: str | None) -> str:
    return f"{name}: {value}" if value else ""


def _quote_lines(quote: Quote) -> list[str]:
    """The quote whole and wrapped, then who says it: the mention and how it was resolved."""
    speaker = quote.speaker.name or f"({NO_SPEAKER})"
    cue = quote.cue.text if quote.cue else NO_CUE
    label = quote.type if quote.kind == "speech" else f"{quote.type}, {quote.kind}"
    line = f"[{label}] {speaker} ({cue}): {' '.join(quote.text.split())}"
    wrapped = textwrap.wrap(
        line, WIDTH, initial_indent="  ", subsequent_indent=QUOTE_INDENT, break_on_hyphens=False
    )
    mention = quote.speaker.mention
    if mention is not None:
        how = f" ({_how(quote)})" if quote.speaker.via else ""  # None: records before `via`
        wrapped.append(f'{QUOTE_INDENT}speaker: "{" ".join(mention.text.split())}"{how}')
    return wrapped


def _how(quote: Quote) -> str:
    via = quote.speaker.via or ""
    if via == "description" and quote.speaker.entity is None:
        return UNNAMED_DESCRIPTION
    return VIA_WORDS.get(via, via)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1] + "…"
