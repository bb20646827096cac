"""newsgraph_times: time expressions normalised to TIMEX3, and the timeline.

The component reads the parsed Doc and `doc._.ng_published`, and writes `doc._.ng_times`
(`Time` records, ids in text order) and `doc._.ng_timeline` (`TimelineEntry` records). The
work is split by step: `grammar` (rules) and `find` (extents), `direction`
(tense of the governing clause), `normalise` and `periods` (type and value, with
`context` carrying the publication date and what earlier expressions established,
`calendar` the date arithmetic), `timeline` (events). Language data: `lang/en/times.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.lang.en import times as words
from newsgraph.nlp.times.calendar import ISO_DAY, Direction, parse_anchor
from newsgraph.nlp.times.context import Context, Discourse
from newsgraph.nlp.times.direction import clause_direction, in_simple_past, intended_ahead
from newsgraph.nlp.times.find import Candidate, find_expressions
from newsgraph.nlp.times.grammar import alternation
from newsgraph.nlp.times.normalise import normalise
from newsgraph.nlp.times.timeline import build_timeline, sentence_bounds
from newsgraph.records import Time

# Kinds whose value depends on the tense of the clause (which Monday, which May).
TENSE_SENSITIVE = frozenset(
    {
        "clock",
        "month_day",
        "week_of",
        "month",
        "weekday",
        "day_word",
        "season",
        "quarter",
        "holiday",
        "vague",
        "someday",
        "story_part_of_day",
    }
)
# Kinds that name a day of the week, which a plan points ahead to ("planned to vote Thursday").
WEEKDAY_KINDS = frozenset({"weekday"})
AFTER_CHARS = 24  # enough for "ended Sept. 30" and "day in 2011"
BEFORE_CHARS = 8  # enough for "after a" before "flat second quarter"
CALENDAR_DATE = re.compile(r"\d{4}(?:-\d\d){0,2}$")
# "the day before" or "the day after" right before a named day ("the day after Christmas").
DAY_BESIDE = re.compile(
    rf"\bthe\s+day\s+(?P<side>{alternation(words.DAY_BESIDE_SHIFTS)})\s+$", re.IGNORECASE
)
DAY_BESIDE_REACH = 24  # characters before a day: enough for "the day before last "
# Kinds that name a date outright, which "that day" or "the following year" can refer back to.
NAMED_DATES = frozenset({"month_day", "month", "year", "iso_date", "spoken_year", "weekday"})


class TimeTagger:
    def __call__(self, doc: Doc) -> Doc:
        times = self.find_times(doc)
        self.set_annotations(doc, times)
        return doc

    def find_times(self, doc: Doc) -> tuple[Time, ...]:
        anchor = parse_anchor(doc._.ng_published)
        discourse = Discourse()
        times: list[Time] = []
        body = doc.text  # built from the tokens on every access: once per doc
        range_from: str | None = None  # the value of the last month and day named
        for candidate in find_expressions(doc):
            text = body[candidate.start : candidate.end]
            after = body[candidate.end : candidate.end + AFTER_CHARS].strip().lower()
            direction, simple_past = _direction(doc, candidate)
            before = body[max(0, candidate.start - BEFORE_CHARS) : candidate.start]
            context = Context(
                anchor,
                direction,
                discourse,
                after,
                before=before,
                simple_past=simple_past,
                range_from=range_from,
            )
            try:
                normalised = normalise(candidate.kind, text, context)
            except (ValueError, OverflowError):
                normalised = None  # a date off the calendar ("a million days ago"): no value
            if normalised is None:
                continue
            kind, value = normalised
            if candidate.kind == "month_day":
                range_from = value
            time = _day_beside(
                body, Time(f"t{len(times) + 1}", text, candidate.start, candidate.end, kind, value)
            )
            if time.type == "DATE" and CALENDAR_DATE.match(time.value):
                discourse.last_date = time.value  # "down from $4 million the year before"
                if candidate.kind in NAMED_DATES:
                    discourse.date = time.value  # the day beside it when shifted: "that day"
            times.append(time)
        return tuple(_clock_days(doc, times, anchor))

    def set_annotations(self, doc: Doc, times: tuple[Time, ...]) -> None:
        doc._.ng_times = times
        doc._.ng_timeline = build_timeline(doc, times)


def _day_beside(body: str, time: Time) -> Time:
    """ "the day before last Tuesday('s hearing)", "the day after Christmas": one expression,
    the day next to the named one (TimeML marks the whole phrase, valued as that day)."""
    if time.type != "DATE" or not ISO_DAY.fullmatch(time.value):
        return time
    before = DAY_BESIDE.search(body, max(0, time.start - DAY_BESIDE_REACH), time.start)
    day = parse_anchor(time.value)
    if before is None or day is None:
        return time
    shifted = day + dt.timedelta(days=words.DAY_BESIDE_SHIFTS[before["side"].lower()])
    text = body[before.start() : time.end]
    return replace(time, text=text, start=before.start(), value=shifted.isoformat())


def _clock_days(doc: Doc, times: list[Time], anchor: dt.date | None) -> list[Time]:
    """A clock time that names no day ("at 10:35 a.m.") is on the day that a date in its
    sentence names ("Friday", or the day of a dated clock time: "at 4 in the morning (4 a.m.
    Thursday)"), rather than on the publication date."""
    if anchor is None:
        return times
    undated = f"{anchor.isoformat()}T"
    days = [
        t
        for t in times
        if (t.type == "DATE" and ISO_DAY.fullmatch(t.value))
        or (t.type == "TIME" and ISO_DAY.match(t.value) and not t.value.startswith(undated))
    ]
    for index, time in enumerate(times):
        if time.type != "TIME" or not time.value.startswith(undated) or not days:
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        start, end = sentence_bounds(span)
        near = [d for d in days if start <= d.start and d.end <= end]
        if near:
            day = min(near, key=lambda d: abs(d.start - time.start))
            times[index] = replace(time, value=day.value[:10] + time.value[len(undated) - 1 :])
    return times


def _direction(doc: Doc, candidate: Candidate) -> tuple[Direction, bool]:
    """The clause's direction, and whether a simple past verb of the expression's own gives it."""
    if candidate.kind not in TENSE_SENSITIVE:
        return None, False
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return None, False
    if candidate.kind in WEEKDAY_KINDS and intended_ahead(span):
        return "future", False
    direction = clause_direction(span)
    return direction, direction == "past" and in_simple_past(span)


@Language.factory("newsgraph_times", assigns=["doc._.ng_times", "doc._.ng_timeline"])
def make_time_tagger(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger()
