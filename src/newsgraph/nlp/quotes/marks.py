"""Direct quotes from quotation marks, with the repairs that real news text needs.

Works on characters, not tokens, paragraph by paragraph (a paragraph is a line of the body):
1. find the marks: curly, straight, guillemets, low-high („ “), corner brackets, and the
   doubled apostrophes ('' and ``) of some newspapers' archives;
2. decide whether each mark opens or closes a quote (straight marks by what is beside them);
3. pair them; an opening mark never closed ends at its paragraph's end, unless the next
   paragraph opens again (the news convention for a quote over several paragraphs); a closing
   mark never opened starts at the first sentence after the previous quote, or at the
   paragraph's start;
4. single marks (‘ ’ ') count only in paragraphs without double marks, where they are the
   quotes; elsewhere they are nested quotes or apostrophes and stay inside the content.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

# Double marks. A „ or “ that opens may be closed by “ or ” (German and English styles).
DOUBLE_MARKS = re.compile(r"''|``|[\"“”„«»‹›「」『』]")
SINGLE_MARKS = re.compile(r"[‘’']")
# Every character of the marks above, for stripping them off a text's edges.
QUOTE_CHARACTERS = "\"“”„«»‹›「」『』‘’'`"
OPENERS = frozenset({"“", "„", "«", "‹", "「", "『", "``"})
CLOSERS = frozenset({"”", "»", "›", "」", "』"})
STRAIGHT = frozenset({'"', "''"})
LINE = re.compile(r"[^\n]+")
WORD = re.compile(r"\w+")


# Quoted words make a statement from this many words on, even with no cue and inside a
# sentence; fewer, they may be a title or a name ("reading “War and Peace”").
STATEMENT_WORDS = 8


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """The content between quotation marks (marks excluded), as character offsets."""

    start: int
    end: int
    opened: bool = True  # an opening mark was found
    closed: bool = True  # a closing mark was found


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    opens: bool


def inside_quoted(offset: int, quoted: Sequence[QuotedSpan], starts: Sequence[int]) -> bool:
    """Whether `offset` falls inside one of the quoted spans (in order, `starts` their starts)."""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and quoted[index].start <= offset < quoted[index].end


def find_quoted_spans(text: str, sentence_starts: Sequence[int] = ()) -> list[QuotedSpan]:
    """Every quoted stretch of `text`, in order; paragraphs continued by an opening mark are
    joined into one span."""
    pieces: list[QuotedSpan] = []
    for line in LINE.finditer(text):
        pieces.extend(_paragraph_spans(text, line.start(), line.end(), sentence_starts))
    return _join_paragraphs(text, pieces)


def _paragraph_spans(
    text: str, start: int, end: int, sentence_starts: Sequence[int]
) -> list[QuotedSpan]:
    marks = _marks(text, start, end, DOUBLE_MARKS)
    if not marks:
        marks = _single_quote_marks(text, _marks(text, start, end, SINGLE_MARKS))
    spans: list[QuotedSpan] = []
    open_at: Mark | None = None
    boundary: int | None = None  # where an unopened quote may start: after the previous one
    for mark in marks:
        if open_at is None and mark.opens:
            open_at = mark
        elif open_at is not None and _closes(text, open_at, mark):
            spans.append(QuotedSpan(open_at.end, mark.start))
            open_at, boundary = None, mark.end
        elif open_at is not None:
            # A second opening mark: the first quote was never closed; it ends here.
            spans.append(_trimmed(text, open_at.end, mark.start, closed=False))
            open_at = mark
        else:
            begin = _unopened_start(text, start, boundary, mark.start, sentence_starts)
            spans.append(QuotedSpan(begin, mark.start, opened=False))
            boundary = mark.end
    if open_at is not None:
        spans.append(_trimmed(text, open_at.end, end, closed=False))
    return [s for s in spans if WORD.search(text, s.start, s.end)]


def _marks(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[Mark]:
    return [
        Mark(m.start(), m.end(), _opens(text, m.start(), m.end()))
        for m in pattern.finditer(text, start, end)
    ]


def _opens(text: str, start: int, end: int) -> bool:
    """Whether a mark opens a quote: fixed for curly marks, by its neighbours for straight."""
    mark = text[start:end]
    if mark in OPENERS or mark == "‘":
        return True
    if mark in CLOSERS or mark == "’":
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # Left-flanking: space or bracket before it, a word or mark after it.
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _closes(text: str, opening: Mark, mark: Mark) -> bool:
    """Whether `mark` closes the quote that `opening` opened."""
    if not mark.opens or text[mark.start : mark.end] in STRAIGHT:
        return True
    # German style: „ is closed by “.
    return text[opening.start : opening.end] == "„" and text[mark.start : mark.end] == "“"


def _single_quote_marks(text: str, marks: list[Mark]) -> list[Mark]:
    """The single marks that are quotation marks, not apostrophes (don't, Sanders', '90s):
    an opener at a word's start, and a closer at a word's end while a quote is open."""
    kept: list[Mark] = []
    pending = False
    for mark in marks:
        before = text[mark.start - 1] if mark.start > 0 else " "
        after = text[mark.end] if mark.end < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # inside a word: don’t
        if mark.opens and not pending and (before.isspace() or before in "([{—–-/:"):
            kept.append(mark)
            pending = True
        elif not mark.opens and pending and not after.isalnum():
            kept.append(mark)
            pending = False
    # A single opener never closed is an apostrophe ('90s), not a quote.
    return kept[:-1] if pending else kept


def _trimmed(text: str, start: int, end: int, *, closed: bool) -> QuotedSpan:
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, opened=True, closed=closed)


def _unopened_start(
    text: str, paragraph_start: int, boundary: int | None, end: int, starts: Sequence[int]
) -> int:
    """Where a quote with a closing mark only begins: the first sentence that starts after the
    previous quote in the paragraph (its cue clause lies between), else the paragraph start."""
    begin = paragraph_start
    if boundary is not None:
        begin = boundary
        index = bisect.bisect_right(starts, boundary)
        if index < len(starts) and starts[index] < end:
            begin = starts[index]
    while begin < end and text[begin].isspace():
        begin += 1
    return begin


def _join_paragraphs(text: str, pieces: list[QuotedSpan]) -> list[QuotedSpan]:
    """Join an unclosed quote to the next paragraph's quote when that paragraph opens with
    a quotation mark: one quote over several paragraphs."""
    joined: list[QuotedSpan] = []
    for piece in pieces:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not previous.closed
            and piece.opened
            and _opens_paragraph(text, previous.end, piece.start)
        ):
            joined[-1] = QuotedSpan(previous.start, piece.end, opened=True, closed=piece.closed)
        else:
            joined.append(piece)
    return joined


def _opens_paragraph(text: str, previous_end: int, start: int) -> bool:
    """Only whitespace with a line break, then one opening mark, lies between the two."""
    gap = text[previous_end:start]
    stripped = gap.strip()
    return "\n" in gap and 0 < len(stripped) <= 2 and stripped[0] in "\"“„«‹「『`'"
