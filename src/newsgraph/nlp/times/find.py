"""Extents of time expressions: the grammar's matches, checked against the parsed tokens.

One compiled-regex pass per rule over the text finds candidates cheaply; the tokens then veto
readings that only look like times ("May" the modal, "1,500" the number, "the fall of ..."),
and overlaps go to the longest candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsgraph.lang.en import times as words
from newsgraph.nlp.times.grammar import RULES, lowered, names_capitalised

# The day numbers of a day range ("April 24 and 25"), ordinal endings included.
DAY_DIGITS = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
# A clock time with nothing to say it is one: "2:08", not "2:08 p.m." or "2 o'clock".
BARE_CLOCK = re.compile(r"\d{1,2}:\d\d")
# Words after "the weeks" that tie the period to an event rather than measure it.
ANCHORING_WORDS = frozenset({"before", "after", "that", "following", "when", "since", "of"})
# Frequency words that are sets as adverbs; TimeBank leaves most adjective uses unmarked.
FREQUENCY_ADJECTIVES = frozenset(set(words.SET_ADVERBS) - {"hourly", "annually"})
# Tags of a determiner or a possessive ("a", "the", "his", "Clinton's").
DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS", "WP$"})


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    priority: int  # the rule's place in the grammar: earlier wins a tie


def find_expressions(doc: Doc) -> list[Candidate]:
    """The time expressions of a parsed Doc, in text order, without overlaps."""
    text = doc.text
    lower = lowered(text)
    found = [
        Candidate(match.start(), match.end(), rule.kind_of(match), priority)
        for priority, rule in enumerate(RULES)
        for match in rule.pattern.finditer(lower)
        if names_capitalised(text[match.start() : match.end()])
    ]
    accepted = [_trimmed(text, c) for c in found if _plausible(doc, text, c)]
    return [part for c in _without_overlaps(accepted) for part in _range_parts(text, c)]


def _range_parts(text: str, candidate: Candidate) -> list[Candidate]:
    """A year range ("2009-2010", "1957-58") is two dates: its first year and its last; a day
    range ("April 24 and 25") its first day and its last."""
    if candidate.kind == "day_range":
        return _day_range_parts(text, candidate)
    if candidate.kind != "year_range":
        return [candidate]
    extent = text[candidate.start : candidate.end]
    dash = next(i for i, ch in enumerate(extent) if ch in "-–")
    second = extent[dash + 1 :]
    end_start = candidate.start + dash + 1 + len(second) - len(second.lstrip())
    return [
        Candidate(candidate.start, candidate.start + 4, "year", candidate.priority),
        Candidate(end_start, candidate.end, "range_end", candidate.priority),
    ]


def _day_range_parts(text: str, candidate: Candidate) -> list[Candidate]:
    extent = text[candidate.start : candidate.end]
    days = list(DAY_DIGITS.finditer(extent))
    if len(days) < 2:
        return [replace(candidate, kind="month_day")]
    first_day, last_day = days[0], days[-1]
    return [
        replace(candidate, end=candidate.start + first_day.end(), kind="month_day"),
        replace(candidate, start=candidate.start + last_day.start(), kind="range_day"),
    ]


def _trimmed(text: str, candidate: Candidate) -> Candidate:
    """Without the article of a noun phrase whose head is not the time: in "the third-quarter
    profit" or "the 30-day limit" the time is the hyphenated modifier alone."""
    extent = text[candidate.start : candidate.end]
    rest = extent[4:]
    if candidate.kind == "decade":
        return candidate  # "the mid-1990s": the hyphenated word is the time itself
    if extent[:4].lower() == "the " and "-" in rest and not any(c.isspace() for c in rest):
        return Candidate(candidate.start + 4, candidate.end, candidate.kind, candidate.priority)
    return candidate


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    taken: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _plausible(doc: Doc, text: str, candidate: Candidate) -> bool:
    first = token_at(doc, candidate.start)
    if first is None:
        return False
    check = CHECKS.get(candidate.kind)
    return check is None or check(doc, text, candidate, first)


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that covers a character offset (the next one when it falls in a space)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _previous_word(doc: Doc, token: Token) -> str:
    return doc[token.i - 1].lower_ if token.i > 0 else ""


def _next_word(doc: Doc, token: Token) -> str:
    return doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""


def _check_month(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    if candidate.end - candidate.start > len(first.text) + 1:
        return True  # "March 1990", "last May", "June this year"
    previous = _previous_word(doc, first)
    abbreviated = first.lower_ not in words.AMBIGUOUS_MONTHS  # "May" is a whole name
    if (
        abbreviated
        and len(first.text) <= 3
        and not text[candidate.start : candidate.end].endswith(".")
    ):
        return False  # "Jan Kavan"
    if first.lower_.rstrip(".") in words.AMBIGUOUS_MONTHS or len(first.text) <= 4:
        if previous in words.MONTH_DETERMINERS and _next_tag(doc, first) in ("NN", "NNS"):
            return True  # "a June agreement", "the March accession": the month of a thing
        return first.tag_ == "NNP" and previous in words.DATE_CONTEXT
    return first.tag_ in ("NNP", "NN") or previous in words.DATE_CONTEXT


def _next_tag(doc: Doc, token: Token) -> str:
    return doc[token.i + 1].tag_ if token.i + 1 < len(doc) else ""


def _check_year(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    if not first.text[0].isdigit():
        return True  # "fiscal 1989", "early 1990", "the end of 1994"
    if first.ent_type_ in ("DATE", "EVENT") or _previous_word(doc, first) in words.DATE_CONTEXT:
        following = _next_word(doc, first)
        decimal = text[candidate.end : candidate.end + 2]
        return following not in words.COUNTED_AFTER_NUMBER and not (
            decimal[:1] == "." and decimal[1:].isdigit()
        )
    return False


def _check_bare_units(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    if _previous_word(doc, first) not in words.DURATION_CONTEXT:
        return False
    # "in the weeks before the shooting" dates an event: a period with no value to give.
    following = (text[candidate.end : candidate.end + 12].split() or [""])[0].lower()
    return first.lower_ != "the" or following not in ANCHORING_WORDS


def _check_vague(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    word = first.lower_
    if word in words.NEVER_ALONE and candidate.end - candidate.start == len(word):
        return False
    if word in words.ADJECTIVE_REFERENCES and candidate.end - candidate.start == len(word):
        return first.pos_ == "ADJ"
    if word == "soon":
        # "soon after the vote" measures from the vote: "soon" is the distance, not a time.
        following = _next_word(doc, first)
        return _previous_word(doc, first) != "as" and following not in words.RELATION_WORDS
    extent = text[candidate.start : candidate.end].lower()
    if extent == "the future":
        return not _the_future_as_a_thing(doc, first)
    if extent == "the past":
        # "the past three summers" counts periods the grammar has no unit for: not "the past"
        counted = doc[first.i + 2] if first.i + 2 < len(doc) else first
        return not (counted.like_num or counted.lower_ in words.COUNTING_WORDS)
    if extent.endswith("while") and _previous_word(doc, first) == "in" and first.i > 1:
        return doc[first.i - 2].lower_ != "once"  # "once in a while": now and then
    if word == "now":
        return first.pos_ == "ADV"
    return True


def _the_future_as_a_thing(doc: Doc, first: Token) -> bool:
    """ "the future of the mill", "the future looks bleak": the prospects of something, not a
    time; "in the future", "worried about the future" stay times."""
    noun = doc[first.i + 1] if first.i + 1 < len(doc) else first
    return _next_word(doc, noun) == "of" or noun.dep_ in ("nsubj", "nsubjpass")


def _check_relative(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    last_word = text[candidate.start : candidate.end].split()[-1]
    if len(text[candidate.start : candidate.end].split()) > 1 and last_word[0].isupper():
        return False  # a title: ABC's "This Week"
    # "the year before the war" dates an event, not the year of the publication date
    following = (text[candidate.end : candidate.end + 8].split() or [""])[0].lower()
    bare = len(text[candidate.start : candidate.end].split()) == 2 and first.lower_ == "the"
    if bare and following in words.DAY_BESIDE_SHIFTS:
        return False
    return _check_season(doc, text, candidate, first)


def _check_season(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    if text[candidate.start : candidate.end].lower().endswith("fall"):
        after = text[candidate.end : candidate.end + 4].lower()
        return not after.startswith(" of") and first.lower_ != "the"
    return True


def _check_duration(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    extent = text[candidate.start : candidate.end].lower()
    after = text[candidate.end : candidate.end + 4].lower()
    if extent.endswith("old") or after.startswith(" old"):
        return False  # ages: "a 44-year-old", "52 years old"
    if "-quarter" in extent and not extent.endswith("-quarter"):
        return False  # a fraction: "three-quarters of its food"
    pieces = extent.replace("-", " ").split()
    if pieces[-1] in words.RATE_UNITS and not any(_counts(piece) for piece in pieces[:-1]):
        return False
    if pieces[0] in ("a", "an") and first.i > 0:
        previous = doc[first.i - 1]
        return not (
            previous.like_num
            or previous.text in ("%", "$")
            or previous.lower_ == "percent"
            or _counted_things(previous)
        )
    return True


def _counted_things(token: Token) -> bool:
    """A plural noun that a number counts: "four flights a week", "15 million instructions
    per second" are rates, whose unit is the denominator and no time."""
    return token.tag_ == "NNS" and any(child.dep_ == "nummod" for child in token.children)


def _counts(word: str) -> bool:
    """A word that counts several units ("two quarters", "several seconds")."""
    return word[0].isdigit() or words.NUMBER_WORDS.get(word, 0) > 1 or word in ("several", "few")


def _check_set(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    if first.lower_ == "per" and first.i > 0 and _counted_things(doc[first.i - 1]):
        return False
    if first.lower_ in FREQUENCY_ADJECTIVES:
        # "published daily", and a determiner's own "a daily basis", "his weekly address";
        # not "the average daily volume" or "daily flights", which name a measure or a service
        after_determiner = _previous_tag(doc, first) in DETERMINER_TAGS
        return first.pos_ == "ADV" or (
            after_determiner and first.lower_ not in words.REPORTING_RATES
        )
    return True


def _previous_tag(doc: Doc, token: Token) -> str:
    return doc[token.i - 1].tag_ if token.i > 0 else ""


def _check_clock(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    # "2:08" with no a.m./p.m. is a race time, a song or a video length as often as a clock:
    # seconds after it ("2:08:15"), brackets round it ("(3:45)") or a measuring word before
    # it ("in", "a time of", "clocked") say which.
    extent = text[candidate.start : candidate.end].lower()
    if extent == "noon" and _previous_word(doc, first) == "high":
        return False  # "high noon": a showdown (or the film), not twelve o'clock
    if not BARE_CLOCK.fullmatch(extent):
        return True
    if (
        text[candidate.end : candidate.end + 1] == ":"
        or text[candidate.start - 1 : candidate.start] == "("
    ):
        return False
    return _previous_word(doc, first) not in words.MEASURED_TIME_CONTEXT


def _check_day_word(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    """ "USA Today", "VOA Today": a capitalised "Today" after a name, inside a sentence, ends
    the name of a paper or a programme; "On Today, ..." or "Today" opening a sentence stays."""
    if _the_present_age(doc, first):
        return False
    if not first.text[:1].isupper() or first.is_sent_start or first.i == 0:
        return True
    previous = doc[first.i - 1]
    return not (previous.pos_ == "PROPN" and previous.text[:1].isupper())


def _the_present_age(doc: Doc, first: Token) -> bool:
    """ "today's youth", "in today's world", "the people of tomorrow": the present or the
    coming age, no day ("today's vote", "tomorrow's meeting" stay days)."""
    word = first.lower_
    following = doc[first.i + 1] if first.i + 1 < len(doc) else None
    if word in ("today", "tomorrow") and following is not None and following.tag_ == "POS":
        return following.i + 1 < len(doc) and doc[following.i + 1].lower_ in words.AGE_NOUNS
    if word == "tomorrow" and first.i > 1 and _previous_word(doc, first) == "of":
        owner = doc[first.i - 2]  # "the people of tomorrow", "the cars of tomorrow"
        after = following.tag_ if following is not None else None
        return owner.tag_ in ("NN", "NNS") and after not in ("POS", "NN", "NNS")
    return False


def _check_day_range(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    """Not when the last number counts something: "on April 24 and 25 people died"."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return True
    following = doc[span.end]
    return following.pos_ not in ("NOUN", "NUM") and following.text not in ("%", "$")


def _check_someday(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    """ "one day" before a verb's base form ("will one day be", "hopes to one day run") or
    opening its sentence before a comma ("One day, she left") is an unnamed day; elsewhere
    ("followed by one day", "one day passed", "only one day left") it is a length."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    if following.tag_ == "VB":  # the parse's dependencies of "one day" are unreliable here
        return True
    return span[0].is_sent_start is True and following.text == ","


def _check_ordinal_day(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    """ "It's the second day of the strike", "today is the eighth day of the siege": the day
    an event has reached is today when a present "be" with "it" or "today" as its subject
    says so; "the first day of school", "his third day in office" have no day to give."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    if span.root.dep_ != "attr" or verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return any(
        child.dep_ == "nsubj" and child.lower_ in words.PRESENT_DAY_SUBJECTS
        for child in verb.children
    )


def _check_story_part_of_day(doc: Doc, text: str, candidate: Candidate, first: Token) -> bool:
    """ "placed orders in the morning": a part of a day, after "in" and not "in the morning of
    May 3" (the date that follows names the day)."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or _previous_word(doc, first) != "in":
        return False
    return span.end >= len(doc) or doc[span.end].lower_ != "of"


CHECKS: dict[str, Callable[[Doc, str, Candidate, Token], bool]] = {
    "someday": _check_someday,
    "ordinal_day": _check_ordinal_day,
    "story_part_of_day": _check_story_part_of_day,
    "day_word": _check_day_word,
    "day_range": _check_day_range,
    "clock": _check_clock,
    "year_range": _check_year,
    "month": _check_month,
    "year": _check_year,
    "bare_units": _check_bare_units,
    "vague": _check_vague,
    "season": _check_season,
    "relative": _check_relative,
    "duration": _check_duration,
    "set": _check_set,
}
