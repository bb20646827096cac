"""What a quote reports: words said or written ("speech"), a state of mind ("thought"), or
what a poll, a report, data or a document found ("finding").

PolNeAR counts all three as attributions; a reader counting who is quoted counts the first.
The rules, in order (language data: `lang/en/statements.py`):
1. a source that is a poll, a report, data or a document makes a finding, whatever the
   cue: "a report found", "polls show", "according to the survey", "the data suggest";
2. quoted words are words said or written, whatever the cue: the quotation marks are the
   evidence ("“We will win,” she believes" still quotes her);
3. a cue of a state of mind makes a thought: "believes", "hopes", "plans", "wants", "expects",
   "is confident that";
4. anything else (said, told, wrote, announced, according to a person) is speech.
A quote with no cue of its own reports what the quote it continues reports, by the same
rules: a finding's stays a finding, quoted words are speech (`continued_kind`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.lang.en import statements as words
from newsgraph.nlp.quotes.cues import CueMatch
from newsgraph.records import QuoteKind, QuoteType


def quote_kind(doc: Doc, cue: CueMatch, quote_type: QuoteType) -> QuoteKind:
    """The kind of a quote of `quote_type` made by `cue`."""
    if _finding_source(doc, cue):
        return "finding"
    if quote_type == "direct":
        return "speech"
    if cue.lemma in words.THOUGHT_CUES:
        return "thought"
    return "speech"


def continued_kind(previous: QuoteKind, quote_type: QuoteType) -> QuoteKind:
    """The kind of a quote with no cue that continues a quote of kind `previous`."""
    if previous == "finding":
        return "finding"  # rule 1: the source is still the poll or the report
    return "speech" if quote_type == "direct" else previous


def _finding_source(doc: Doc, cue: CueMatch) -> bool:
    return cue.source_head is not None and is_finding_source(doc[cue.source_head])


def is_finding_source(head: Token) -> bool:
    """Whether a source's head word is a poll, a report, data or a document."""
    return head.lower_ in words.FINDING_SOURCES or head.lemma_.lower() in words.FINDING_SOURCES
