"""The quotes the real pipeline finds in a hand-written text, for the quote rule tests."""

from __future__ import annotations

from typing import Any

from newsgraph.records import Quote


def quotes_in(nlp: Any, text: str) -> list[Quote]:
    """The doc's quotes, each checked to be the very characters of the text it spans, and
    so its cue and its speaker's mention."""
    quotes: list[Quote] = list(nlp(text)._.ng_quotes)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text
        if quote.speaker.mention is not None:
            mention = quote.speaker.mention
            assert text[mention.start : mention.end] == mention.text
    return quotes


def mention_text(quote: Quote) -> str | None:
    """The words that name the quote's source, if any."""
    return quote.speaker.mention.text if quote.speaker.mention is not None else None
