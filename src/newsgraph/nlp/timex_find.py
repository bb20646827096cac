"""Extents of time expressions: the grammar's matches, checked against the parsed tokens.

One compiled-regex pass per rule over the text finds candidates cheaply; the tokens then veto
readings that only look like times ("May" the modal, "1,500" the number, "the fall of ..."),
and overlaps go to the longest candidate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.timex_grammar import RULES

# Words before a bare month or year that make it a date ("in March", "since 1990").
DATE_CONTEXT = frozenset(
    {"in", "since", "until", "till", "by", "of", "during", "before", "after", "through", "from",
     "last", "next", "this", "early", "late", "mid", "between", "and", "or", "to", "around",
     "for", "on", "at", "throughout", "fiscal", "ended", "ending", "end", "as", "that"}
)  # fmt: skip
# Words before a bare plural unit that make it a duration ("for years", "within weeks").
DURATION_CONTEXT = frozenset({"for", "in", "over", "within", "after", "took", "spent", "lasted"})
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
ADJECTIVE_REFERENCES = frozenset({"recent", "current", "future"})


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    priority: int  # the rule's place in the grammar: earlier wins a tie


def find_expressions(doc: Doc) -> list[Candidate]:
    """The time expressions of a parsed Doc, in text order, without overlaps."""
    text = doc.text
    found = [
        Candidate(match.start(), match.end(), rule.kind, priority)
        for priority, rule in enumerate(RULES)
        for match in rule.pattern.finditer(text)
    ]
    accepted = [c for c in found if _plausible(doc, c)]
    return _without_overlaps(accepted)


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    taken: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _plausible(doc: Doc, candidate: Candidate) -> bool:
    first = _token_at(doc, candidate.start)
    if first is None:
        return False
    check = CHECKS.get(candidate.kind)
    return check is None or check(doc, candidate, first)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _previous_word(doc: Doc, token: Token) -> str:
    return doc[token.i - 1].lower_ if token.i > 0 else ""


def _check_month(doc: Doc, candidate: Candidate, first: Token) -> bool:
    if candidate.end - candidate.start > len(first.text) + 1:
        return True  # "March 1990", "last May", "June this year"
    previous = _previous_word(doc, first)
    if first.lower_.rstrip(".") in AMBIGUOUS_MONTHS or len(first.text) <= 4:
        return first.tag_ == "NNP" and previous in DATE_CONTEXT
    return first.tag_ in ("NNP", "NN") or previous in DATE_CONTEXT


def _check_year(doc: Doc, candidate: Candidate, first: Token) -> bool:
    if not first.text[0].isdigit():
        return True  # "fiscal 1989", "early 1990", "the end of 1994"
    if first.ent_type_ in ("DATE", "EVENT") or _previous_word(doc, first) in DATE_CONTEXT:
        following = doc[first.i + 1].lower_ if first.i + 1 < len(doc) else ""
        return following not in ("%", "percent", "people", "miles", "dollars")
    return False


def _check_bare_units(doc: Doc, candidate: Candidate, first: Token) -> bool:
    return _previous_word(doc, first) in DURATION_CONTEXT


def _check_vague(doc: Doc, candidate: Candidate, first: Token) -> bool:
    word = first.lower_
    if word in ADJECTIVE_REFERENCES and candidate.end - candidate.start == len(word):
        return first.pos_ == "ADJ"
    if word == "soon":
        return _previous_word(doc, first) != "as"
    if word == "now":
        return first.pos_ == "ADV"
    return True


def _check_season(doc: Doc, candidate: Candidate, first: Token) -> bool:
    text = doc.text[candidate.start : candidate.end].lower()
    if text.endswith("fall"):
        after = doc.text[candidate.end : candidate.end + 4].lower()
        return not after.startswith(" of") and first.lower_ != "the"
    return True


CHECKS: dict[str, Callable[[Doc, Candidate, Token], bool]] = {
    "month": _check_month,
    "year": _check_year,
    "bare_units": _check_bare_units,
    "vague": _check_vague,
    "season": _check_season,
}
