"""Reading TimeML files (TimeBank, AQUAINT): the plain text of <TEXT>, its DCT, gold TIMEX3s.

Tags are removed and character entities decoded while the text is built, so that each gold
expression keeps its offsets into the plain text that newsgraph reads.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import EvaluationError

TEXT_ELEMENT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
DCT_VALUE = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.DOTALL)
MARKUP = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>|&(#?\w+);")
ATTRIBUTE = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    name: str
    text: str
    published: str | None  # "YYYY-MM-DD" from the DCT
    times: tuple[GoldTime, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """One TimeML file; EvaluationError names the file when it has no <TEXT>."""
    source = path.read_text(encoding="utf-8", errors="replace")
    body = TEXT_ELEMENT.search(source)
    if body is None:
        raise EvaluationError(f"{path}: no <TEXT> element: not a TimeML file")
    dct = DCT_VALUE.search(source)
    text, times = _plain_text(body[1])
    published = dct[1][:10] if dct else None
    return TimeMLDocument(path.stem, text, published, tuple(times))


def _plain_text(marked: str) -> tuple[str, list[GoldTime]]:
    pieces: list[str] = []
    length = 0
    opened: list[tuple[int, dict[str, str]]] = []
    times: list[GoldTime] = []
    position = 0
    for match in MARKUP.finditer(marked):
        plain = marked[position : match.start()]
        pieces.append(plain)
        length += len(plain)
        position = match.end()
        if match[4] is not None:  # a character entity
            decoded = html.unescape(match[0])
            pieces.append(decoded)
            length += len(decoded)
        elif match[2] == "TIMEX3" and not match[1]:
            opened.append((length, dict(ATTRIBUTE.findall(match[3]))))
        elif match[2] == "TIMEX3" and opened:
            start, attributes = opened.pop()
            times.append(_gold(start, length, attributes, "".join(pieces)[start:length]))
    pieces.append(marked[position:])
    return "".join(pieces), times


def _gold(start: int, end: int, attributes: dict[str, str], text: str) -> GoldTime:
    return GoldTime(start, end, attributes.get("type", ""), attributes.get("value", ""), text)
