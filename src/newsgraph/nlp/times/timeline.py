"""The timeline: each dated event (the clause a DATE or TIME expression anchors), sorted.

An entry's text is the clause of the verb that governs the expression, without the clauses
coordinated with it ("began on May 1, and all troops are scheduled to leave ..." gives two
events), or the expression's sentence when no verb governs it.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en.times import CLAUSE_MARKERS, NOT_EVENT_PARAGRAPHS
from newsgraph.nlp.times.direction import governing_verb
from newsgraph.records import Time, TimelineEntry

# A value with a concrete calendar position: a year, month, week, quarter or day.
CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d\d|W\d\d|Q\d|H\d|SP|SU|FA|WI)(?:-\d\d)?)?")
WEEK_VALUE = re.compile(r"W(\d\d)(-WE)?")
# The month each named part of a year starts in: quarters, halves and (northern) seasons.
PERIOD_FIRST_MONTH = {
    "Q1": 1,
    "Q2": 4,
    "Q3": 7,
    "Q4": 10,
    "H1": 1,
    "H2": 7,
    "WI": 1,
    "SP": 3,
    "SU": 6,
    "FA": 9,
}
DETACHED = frozenset({"conj", "cc", "parataxis"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Clauses that describe a noun: their event belongs to the clause around that noun.
MODIFYING_CLAUSES = frozenset({"relcl", "acl"})
RELATIVE_PRONOUN_TAGS = frozenset({"WDT", "WP", "WP$"})
MAX_CLIMB = 4
NOT_EVENT = re.compile(
    r"\s*(?:" + "|".join(f"(?:{p})" for p in NOT_EVENT_PARAGRAPHS) + ")", re.IGNORECASE
)
# Infinitives pass their event up to the verb that introduces them ("scheduled to leave").
CHAINED = frozenset({"xcomp", "aux", "auxpass"})
PARAGRAPH_BREAK = "\n\n"
EDGE_PUNCTUATION = ".,;:—–-“”\"' "


def build_timeline(doc: Doc, times: tuple[Time, ...]) -> tuple[TimelineEntry, ...]:
    body = doc.text  # built from the tokens on every access: once per doc
    entries = []
    for time in times:
        if time.type not in ("DATE", "TIME") or not CALENDAR_VALUE.match(time.value):
            continue
        if NOT_EVENT.match(_paragraph_of(body, time)):
            continue  # a correction notice or a copyright line dates no event of the story
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        start, end = _within_paragraph(body, _event_extent(body, span), time)
        entries.append(
            TimelineEntry(date=time.value, time=time.id, text=body[start:end], start=start, end=end)
        )
    return tuple(sorted(entries, key=lambda e: (first_day(e.date), e.start)))


def first_day(value: str) -> dt.date:
    """The first day a calendar value covers: weeks, quarters and seasons sort among days by
    where they begin ("2025-W35" is before "2025-09-02"), not by how their text compares."""
    year = int(value[:4])
    rest = value[5:]
    week = WEEK_VALUE.match(rest)
    if week:
        number = int(week.group(1))
        try:
            monday = dt.date.fromisocalendar(year, number, 1)
        except ValueError:  # week 53 of a year that has 52
            monday = dt.date.fromisocalendar(year, 52, 1)
        return monday + dt.timedelta(days=5 if week.group(2) else 0)
    month = PERIOD_FIRST_MONTH.get(rest[:2]) or (int(rest[:2]) if rest[:2].isdigit() else 1)
    day = int(rest[3:5]) if rest[3:5].isdigit() else 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 1)


def _paragraph_of(body: str, time: Time) -> str:
    opening = body.rfind(PARAGRAPH_BREAK, 0, time.start)
    return body[opening + len(PARAGRAPH_BREAK) if opening >= 0 else 0 : time.start + 200]


def _event_extent(body: str, span: Span) -> tuple[int, int]:
    verb = governing_verb(span)
    if verb is None:
        return _trimmed(body, *sentence_bounds(span))
    tokens = _event_tokens(_clause_with_subject(verb))
    return _trimmed(body, min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def _event_tokens(verb: Token) -> list[Token]:
    # A clause that describes a noun ("a contract that runs through 2036", "the report,
    # released Wednesday") is told with that noun, its subject: the noun phrase whole.
    if verb.dep_ in MODIFYING_CLAUSES and verb.head is not verb:
        return list(verb.head.subtree)
    return _clause_tokens(verb)


def _clause_with_subject(verb: Token) -> Token:
    """The verb of the nearest clause that says who or what the event is about: a clause
    without a subject of its own ("after meeting on Monday, …") is part of the clause above;
    a clause describing a noun keeps that noun as its subject."""
    for _ in range(MAX_CLIMB):
        while verb.dep_ in CHAINED and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        if verb.dep_ in MODIFYING_CLAUSES or _has_own_subject(verb):
            return verb
        above = _verb_above(verb)
        if above is None:
            return verb
        verb = above
    return verb


def _has_own_subject(verb: Token) -> bool:
    return any(
        child.dep_ in SUBJECTS and child.tag_ not in RELATIVE_PRONOUN_TAGS
        for child in verb.children
    )


def _verb_above(verb: Token) -> Token | None:
    token = verb.head
    for _ in range(MAX_CLIMB):
        if token is verb or (token.head is token and token.pos_ not in ("VERB", "AUX")):
            return None
        if token.pos_ in ("VERB", "AUX") and token is not verb:
            return token
        token = token.head
    return None


def sentence_bounds(span: Span) -> tuple[int, int]:
    """Character bounds of the span's sentence; of the whole text when nothing parsed it."""
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        last = doc[-1]  # not doc.text, which spaCy rebuilds from every token on each access
        return 0, last.idx + len(last.text_with_ws)
    sentence = span.sent
    return sentence.start_char, sentence.end_char


def _clause_tokens(verb: Token) -> list[Token]:
    """The verb's subtree without its coordinated clauses and the word that subordinates it
    ("that the pier would reopen" is the event "the pier would reopen")."""
    kept = [verb]
    for child in verb.children:
        if child.dep_ in DETACHED:
            continue
        if child.dep_ == "mark" and child.i < verb.i and child.lower_ in CLAUSE_MARKERS:
            continue
        kept.extend(child.subtree)
    return kept


def _within_paragraph(body: str, extent: tuple[int, int], time: Time) -> tuple[int, int]:
    """The event cut to the paragraph of its date: a parse can run a dateline or a heading
    into the first sentence."""
    opening = body.rfind(PARAGRAPH_BREAK, 0, time.start)
    closing = body.find(PARAGRAPH_BREAK, time.end)
    start = max(extent[0], opening + len(PARAGRAPH_BREAK) if opening >= 0 else 0)
    end = min(extent[1], closing if closing >= 0 else len(body))
    return _trimmed(body, start, end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in EDGE_PUNCTUATION or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in EDGE_PUNCTUATION or text[end - 1].isspace()):
        end -= 1
    return start, end
