"""GUM's coreference files (CoNLL, one token a line) as words and gold mention chains.

`# begin document NAME` opens a document, a blank line ends a sentence, and the third column
opens and closes mentions: `(person-12` … `person-12)`, `(place-3)` for one token, with an
optional Wikipedia name after the id (`person-12-Jens_Stoltenberg`). One id is one entity
across its document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

OPEN = re.compile(r"\(([a-z]+)-(\d+)(?:-[^()\s]*)?(\))?")
CLOSE = re.compile(r"(?<![(\w-])([a-z]+)-(\d+)(?:-[^()\s]*)?\)")
# Genres whose texts are CC-BY or CC-BY-SA: the only ones shipped weights may learn from.
SHIPPABLE_GENRES = frozenset({"news", "interview", "academic", "bio", "court", "voyage"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    chain: str  # "person-12"
    kind: str  # "person", "place", ...


@dataclass
class GumDocument:
    name: str
    words: list[str] = field(default_factory=list)
    sentence_starts: list[bool] = field(default_factory=list)
    mentions: list[GoldMention] = field(default_factory=list)

    @property
    def genre(self) -> str:
        parts = self.name.split("_")
        return parts[1] if len(parts) > 1 else ""


def read_conll(path: Path) -> Iterator[GumDocument]:
    document: GumDocument | None = None
    opened: dict[str, list[int]] = {}
    new_sentence = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# begin document"):
            document = GumDocument(name=line.split()[-1])
            opened, new_sentence = {}, True
        elif line.startswith("# end document"):
            if document is not None:
                yield document
            document = None
        elif not line.strip():
            new_sentence = True
        elif document is not None and not line.startswith("#"):
            parts = line.split("\t")
            index = len(document.words)
            document.words.append(parts[1])
            document.sentence_starts.append(new_sentence)
            new_sentence = False
            _read_coref(parts[2] if len(parts) > 2 else "_", index, document, opened)


def _read_coref(
    column: str, index: int, document: GumDocument, opened: dict[str, list[int]]
) -> None:
    if column == "_":
        return
    for match in OPEN.finditer(column):
        chain = f"{match.group(1)}-{match.group(2)}"
        if match.group(3):
            document.mentions.append(GoldMention(index, index + 1, chain, match.group(1)))
        else:
            opened.setdefault(chain, []).append(index)
    for match in CLOSE.finditer(column):
        chain = f"{match.group(1)}-{match.group(2)}"
        if opened.get(chain):
            start = opened[chain].pop()
            document.mentions.append(GoldMention(start, index + 1, chain, match.group(1)))


def read_folder(folder: Path, genres: frozenset[str] | None = None) -> list[GumDocument]:
    documents = [d for path in sorted(folder.glob("*.conll")) for d in read_conll(path)]
    return [d for d in documents if genres is None or d.genre in genres]
