"""Reading quantities, calendar units and spoken years out of the words of a time expression."""

from __future__ import annotations

import re

from newsgraph.lang.en import times as words

PIECES = re.compile(r"\d+(?:[.,]\d+)?(?:\s+1/2)?|[a-z]+", re.IGNORECASE)
SPOKEN_YEAR_WORDS = re.compile(r"nineteen|two\s+thousand", re.IGNORECASE)
VAGUE = frozenset({"few", "several", "many", "some", "numerous", "countless"})
SCALES = {"hundred": 100, "thousand": 1000}


def unit_of(lower: list[str]) -> tuple[str, tuple[str, bool]] | None:
    """The first calendar unit among the words, as (unit, (TIMEX3 letter, is_time))."""
    for word in lower:
        for piece in word.split("-"):
            singular = "century" if piece == "centuries" else piece.removesuffix("s")
            if singular in words.UNITS:
                return singular, words.UNITS[singular]
    return None


def parse_quantity(text: str) -> float | None:
    """The number of units an expression counts: 3 for "the past three years", 1 for "a week",
    1.5 for "a minute and a half"; None for vague amounts ("several years", "recent months")."""
    pieces = [p.lower() for p in PIECES.findall(text.replace("-", " "))]
    total, current, found, vague = 0.0, 0.0, False, False
    for piece in pieces:
        if piece[0].isdigit():
            current += _digits(piece)
            found = True
        elif piece in SCALES:
            current = (current or 1) * SCALES[piece]
            found = True
        elif piece in words.NUMBER_WORDS and piece not in ("a", "an"):
            current += words.NUMBER_WORDS[piece]
            found = True
        elif piece in VAGUE:
            vague = True
        elif piece == "couple":
            current, found = 2, True
        elif piece == "half":
            total += 0.5
            found = True
        elif piece in ("a", "an") and not found:
            current = current or 1
    total += current
    if found or (total and not vague):
        return total
    if vague or _plural_unit(pieces):
        return None
    return 1


def _digits(piece: str) -> float:
    if " " in piece:  # "2 1/2"
        return float(piece.split()[0]) + 0.5
    return float(piece.replace(",", ""))


def _plural_unit(pieces: list[str]) -> bool:
    return any(p.endswith("s") and (p[:-1] in words.UNITS or p == "centuries") for p in pieces)


def parse_spoken_year(text: str) -> int | None:
    """1997 for "nineteen ninety-seven", 2000 for "the year two thousand"; None otherwise."""
    match = SPOKEN_YEAR_WORDS.search(text)
    if match is None:
        return None
    rest = [p.lower() for p in PIECES.findall(text[match.end() :].replace("-", " "))]
    tail = sum(words.NUMBER_WORDS.get(p, 0) for p in rest if p not in ("and", "a", "an"))
    if match[0].lower() == "nineteen":
        if rest[:1] == ["hundred"]:
            return 1900
        return 1900 + tail if 0 < tail < 100 else None
    return 2000 + tail if tail < 100 else None
