"""A human-readable view of an article record, for the terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Collection

from newsgraph.records import Article, Quote, QuoteKind

WIDTH = 100
EXCERPT_CHARS = 160


SPEECH_ONLY: frozenset[QuoteKind] = frozenset({"speech"})


def render_article(article: Article, kinds: Collection[QuoteKind] = SPEECH_ONLY) -> str:
    """A few lines per part of the record: metadata, entities, quotes of the given `kinds`
    (speech by default: what a reader counts as quoted), timeline."""
    meta = article.metadata
    lines = [
        f"# {meta.title or '(no title)'}",
        _field("section", meta.section),
        _field("authors", ", ".join(meta.authors) or None),
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
        lines += [_quote_line(q) for q in quotes]
    if article.timeline:
        lines.append("timeline:")
        lines += [f"  {t.date:<12} {_excerpt(t.text)}" for t in article.timeline]
    return "\n".join(line for line in lines if line) + "\n"


def _field(name: str, value: str | None) -> str:
    return f"{name}: {value}" if value else ""


def _quote_line(quote: Quote) -> str:
    speaker = quote.speaker.name or "(unknown)"
    cue = quote.cue.text if quote.cue else "-"
    label = quote.type if quote.kind == "speech" else f"{quote.type}, {quote.kind}"
    line = f"[{label}] {speaker} ({cue}): {_excerpt(quote.text)}"
    return "  " + textwrap.shorten(line, WIDTH - 2, placeholder="…")


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1] + "…"
