"""Where and when a quote was said, when its cue clause says so.

"…," said Ilona Varga, speaking at a meeting in Port Elvin on Friday: the cue's
sentence, without the quote's content and without the source phrase, names a place (a GPE,
LOC or FAC mention) and a time (a `times` entry written by newsgraph_times).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.quotes.cues import CueMatch
from newsgraph.records import QuoteContext

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def quote_context(doc: Doc, cue: CueMatch) -> QuoteContext | None:
    """The place and time named in the cue's clause, or None when it names neither."""
    excluded = list(cue.content)
    if cue.source is not None:
        source = doc[cue.source[0] : cue.source[1]]
        excluded.append((source.start_char, source.end_char))
    start, end = cue.clause

    def in_clause(span_start: int, span_end: int) -> bool:
        return (
            start <= span_start
            and span_end <= end
            and not any(s < span_end and span_start < e for s, e in excluded)
        )

    place = next(
        (
            m.text
            for entity in doc._.ng_entities
            if entity.type in PLACE_LABELS
            for m in entity.mentions
            if in_clause(m.start, m.end)
        ),
        None,
    )
    time = next((t.id for t in doc._.ng_times if in_clause(t.start, t.end)), None)
    if place is None and time is None:
        return None
    return QuoteContext(place=place, time=time)
