"""Reading GUM's CoNLL coreference files: tokens, sentences, gold mentions and their entities.

One token a line (`index<TAB>word<TAB>coref`), a blank line between sentences,
`# begin document NAME` … `# end document`. The coref column opens and closes mentions:
`(person-1` opens, `person-1)` closes, `(person-1)` is a one-token mention, and several may
stand together (`(abstract-2(substance-3-Iodine)`). `type-id[-Wikipedia_page]`: the id is the
entity across the document, the type its kind (person, organization, place, …).

The text newsgraph reads is rebuilt from the tokens: tokens joined by one space, sentences by a
newline; every token keeps its character offsets into that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import EvaluationError

BEGIN = re.compile(r"#\s*begin document\s+\(?([^);\s]+)")
# An opening "(", the type, the id, an optional Wikipedia page, an optional closing ")".
BRACKET = re.compile(r"(\()?([a-z]+)-(\d+)(?:-[^()]*)?(\))?")


@dataclass(frozen=True, slots=True)
class GoldMention:
    first: int  # index of its first token in the document
    last: int  # index of its last token (inclusive)
    entity: str  # the entity id, unique in the document
    type: str  # person, organization, place, ...


@dataclass(frozen=True, slots=True)
class ConllDocument:
    name: str
    words: tuple[str, ...]
    sentence_starts: tuple[int, ...]  # the token index each sentence begins at
    mentions: tuple[GoldMention, ...]

    @property
    def genre(self) -> str:
        """`news` for GUM_news_iodine: the part after the corpus name."""
        parts = self.name.split("_")
        return parts[1] if len(parts) > 2 else ""

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        """The text (tokens joined by spaces, sentences by newlines) and each token's span."""
        starts = set(self.sentence_starts)
        pieces: list[str] = []
        offsets: list[tuple[int, int]] = []
        position = 0
        for index, word in enumerate(self.words):
            if index:
                separator = "\n" if index in starts else " "
                pieces.append(separator)
                position += 1
            offsets.append((position, position + len(word)))
            pieces.append(word)
            position += len(word)
        return "".join(pieces), offsets


def read_conll_folder(folder: Path) -> list[ConllDocument]:
    """Every document of every `*.conll` file in `folder`, in file name order."""
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: not a folder of CoNLL coreference files")
    paths = sorted(folder.glob("*.conll"))
    if not paths:
        raise EvaluationError(f"{folder}: no CoNLL coreference files (*.conll) in it")
    return [document for path in paths for document in read_conll(path)]


def read_conll(path: Path) -> Iterator[ConllDocument]:
    """The documents of one CoNLL file; EvaluationError names the file and line if it is bad."""
    builder: _Builder | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        begin = BEGIN.match(line)
        if begin:
            builder = _Builder(begin[1])
        elif line.startswith("#"):
            if line.startswith("# end document") and builder is not None:
                yield builder.build()
                builder = None
        elif builder is None:
            if line.strip():
                raise EvaluationError(f"{path}:{number}: a token outside '# begin document'")
        elif not line.strip():
            builder.end_sentence()
        else:
            builder.add(line, f"{path}:{number}")
    if builder is not None:  # a file without "# end document"
        yield builder.build()


class _Builder:
    """Collects one document's tokens and mentions line by line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.words: list[str] = []
        self.sentence_starts: list[int] = [0]
        self.mentions: list[GoldMention] = []
        self.open: dict[str, list[tuple[int, str]]] = {}  # entity id -> opened at, type

    def end_sentence(self) -> None:
        if self.words and self.sentence_starts[-1] != len(self.words):
            self.sentence_starts.append(len(self.words))

    def add(self, line: str, where: str) -> None:
        fields = line.split("\t")
        if len(fields) < 3:
            raise EvaluationError(f"{where}: expected 'index<TAB>word<TAB>coref' ({line!r})")
        index = len(self.words)
        self.words.append(fields[1])
        coref = fields[-1].strip()
        if coref in ("", "_", "-"):
            return
        for match in BRACKET.finditer(coref):
            opens, kind, entity, closes = match[1], match[2], match[3], match[4]
            if opens:
                self.open.setdefault(entity, []).append((index, kind))
            if closes:
                self._close(entity, index, where)

    def _close(self, entity: str, index: int, where: str) -> None:
        stack = self.open.get(entity)
        if not stack:
            raise EvaluationError(f"{where}: mention of {entity} closed but never opened")
        first, kind = stack.pop()
        self.mentions.append(GoldMention(first, index, entity, kind))

    def build(self) -> ConllDocument:
        if self.sentence_starts[-1] == len(self.words) and len(self.sentence_starts) > 1:
            self.sentence_starts.pop()  # the blank line after the last sentence
        mentions = sorted(self.mentions, key=lambda m: (m.first, -m.last))
        return ConllDocument(
            self.name, tuple(self.words), tuple(self.sentence_starts), tuple(mentions)
        )
