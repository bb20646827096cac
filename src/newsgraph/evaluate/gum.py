"""`newsgraph eval coref gum`: coreference of people and organisations on GUM (CoNLL format).

Each document's text is rebuilt from its tokens (`conll.py`) and read as a body
(`body_only=True`); only the record is scored. A system mention stands on the tokens it
overlaps; a gold and a system mention are *aligned* when they cover the same tokens or have
the same head token (`mentions.head`, the same rule on both sides).

1. Mentions of named referents. Each gold pronoun or description (`mentions.gold_kind`) whose
   entity is a person or organization, and whose chain holds a name mention: it is right when
   a system entity that *holds the name* (has a mention aligned with one of the chain's name
   mentions; any of them when the system split the name) also has a mention aligned with it.
   Accuracy over such mentions: person pronouns (the main figure), all pronouns, descriptions.
2. MUC and B³ (`chains.py`) over person and organization chains: gold chains are GUM's entities
   of those two types with all their mentions, singletons included; system chains are the
   record's PERSON and ORG entities. System mentions are aligned one to one with the gold
   mentions of those chains, exact spans first, then heads; the others stay twinless.

Each is pooled over all documents, and over the news and the interview documents apart (genre
from the name GUM_<genre>_<name>).
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.evaluate.chains import Chain, ChainScores, b_cubed, muc
from newsgraph.evaluate.conll import ConllDocument, GoldMention, read_conll_folder
from newsgraph.evaluate.mentions import PERSON_PRONOUNS, gold_kind, head, lower_words
from newsgraph.progress import track_on_stderr
from newsgraph.records import Article, Entity

GOLD_TYPES = frozenset({"person", "organization"})
SYSTEM_TYPES = frozenset({"PERSON", "ORG"})
SLICES = ("all", "news", "interview")
COLUMNS = ("person_pronouns", "pronouns", "descriptions")
Tokens = tuple[int, int]  # first and last token index, inclusive


@dataclass(slots=True)
class Share:
    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right += right
        self.total += 1

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __add__(self, other: Share) -> Share:
        return Share(self.right + other.right, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.accuracy, 4), "right": self.right, "total": self.total}


@dataclass(slots=True)
class DocumentScores:
    """One document's counts; slices sum them."""

    shares: dict[str, Share] = field(default_factory=lambda: {c: Share() for c in COLUMNS})
    left_out: int = 0  # gold mentions of `OTHER_PRONOUNS` words in named chains
    muc: ChainScores = field(default_factory=ChainScores)
    b_cubed: ChainScores = field(default_factory=ChainScores)
    gold_chains: int = 0
    system_chains: int = 0


@dataclass(slots=True)
class Slice:
    documents: int = 0
    scores: DocumentScores = field(default_factory=DocumentScores)

    def add(self, document: DocumentScores) -> None:
        self.documents += 1
        mine = self.scores
        for column in COLUMNS:
            mine.shares[column] = mine.shares[column] + document.shares[column]
        mine.left_out += document.left_out
        mine.muc = mine.muc + document.muc
        mine.b_cubed = mine.b_cubed + document.b_cubed
        mine.gold_chains += document.gold_chains
        mine.system_chains += document.system_chains

    def to_dict(self) -> dict[str, Any]:
        s = self.scores
        return {
            "documents": self.documents,
            **{column: s.shares[column].to_dict() for column in COLUMNS},
            "left_out": s.left_out,
            "gold_chains": s.gold_chains,
            "system_chains": s.system_chains,
            "muc": s.muc.to_dict(),
            "b_cubed": s.b_cubed.to_dict(),
        }


@dataclass(slots=True)
class Report:
    folder: str
    seconds: float = 0.0
    slices: dict[str, Slice] = field(default_factory=lambda: {name: Slice() for name in SLICES})

    def add(self, genre: str, document: DocumentScores) -> None:
        self.slices["all"].add(document)
        if genre in self.slices:
            self.slices[genre].add(document)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "documents": self.slices["all"].documents,
            "seconds": round(self.seconds, 1),
            **{name: part.to_dict() for name, part in self.slices.items()},
        }

    def render(self) -> str:
        lines = [
            f"GUM coreference on {self.folder} "
            f"({self.slices['all'].documents} documents, {self.seconds:.1f} s)",
            "mentions of a named person or organization found in the entity holding the name:",
            f"{'slice':<10}{'docs':>5}  {'person pron':>17} {'all pronouns':>17}"
            f" {'descriptions':>17}{'left out':>9}",
        ]
        for name, part in self.slices.items():
            s = part.scores.shares
            lines.append(
                f"{name:<10}{part.documents:>5}  {_share(s['person_pronouns']):>17}"
                f" {_share(s['pronouns']):>17} {_share(s['descriptions']):>17}"
                f"{part.scores.left_out:>9}"
            )
        lines.append("person and organization chains (singletons included):")
        lines.append(
            f"{'slice':<10}{'gold':>6}{'sys':>6}  {'MUC P':>6}{'R':>7}{'F1':>7}"
            f"  {'B3 P':>6}{'R':>7}{'F1':>7}"
        )
        for name, part in self.slices.items():
            m, b = part.scores.muc, part.scores.b_cubed
            lines.append(
                f"{name:<10}{part.scores.gold_chains:>6}{part.scores.system_chains:>6}"
                f"  {m.precision:>6.3f}{m.recall:>7.3f}{m.f1:>7.3f}"
                f"  {b.precision:>6.3f}{b.recall:>7.3f}{b.f1:>7.3f}"
            )
        return "\n".join(lines)


def _share(share: Share) -> str:
    return f"{share.accuracy:.3f} ({share.right}/{share.total})"


def evaluate_gum(folder: Path, *, model: str | None = None) -> Report:
    """Score the record's entities against GUM's coreference in `folder` (see the docstring)."""
    from newsgraph.pipeline import extract_many

    documents = read_conll_folder(Path(folder))
    report = Report(folder=str(folder))
    started = time.perf_counter()
    texts = [document.text_and_offsets() for document in documents]
    records = extract_many((text for text, _ in texts), body_only=True, model=model)
    pairs = zip(documents, texts, records, strict=True)
    for document, (_text, offsets), record in track_on_stderr(pairs, len(documents), "documents"):
        report.add(document.genre, score_document(document, offsets, record))
    report.seconds = time.perf_counter() - started
    return report


def score_document(
    document: ConllDocument, offsets: Sequence[tuple[int, int]], record: Article
) -> DocumentScores:
    """Every count for one document, from its gold mentions and the record of its text."""
    words = document.words
    starts, ends = [s for s, _ in offsets], [e for _, e in offsets]
    system = {e.id: _token_ranges(e, starts, ends) for e in record.entities}
    scores = DocumentScores()
    _score_named_mentions(document, system, scores)
    gold_chains = _gold_chains(document.mentions)
    system_chains = [system[e.id] for e in record.entities if e.type in SYSTEM_TYPES]
    keyed = _align_chains(words, [m for chain in gold_chains for m in chain], system_chains)
    gold_keys: list[Chain] = [frozenset(chain) for chain in gold_chains]
    scores.muc = muc(gold_keys, keyed)
    scores.b_cubed = b_cubed(gold_keys, keyed)
    scores.gold_chains, scores.system_chains = len(gold_keys), len(keyed)
    return scores


def _score_named_mentions(
    document: ConllDocument, system: dict[str, list[Tokens]], scores: DocumentScores
) -> None:
    words = document.words
    starts = frozenset(document.sentence_starts)
    lower = lower_words(words)
    chains: dict[str, list[GoldMention]] = {}
    for mention in document.mentions:
        if mention.type in GOLD_TYPES:
            chains.setdefault(mention.entity, []).append(mention)
    for chain in chains.values():
        kinds = [gold_kind(words, m.first, m.last, starts, lower) for m in chain]
        names = [(m.first, m.last) for m, kind in zip(chain, kinds, strict=True) if kind == "name"]
        if not names:
            continue
        holders = [ranges for ranges in system.values() if _holds_any(words, ranges, names)]
        for mention, kind in zip(chain, kinds, strict=True):
            span = (mention.first, mention.last)
            right = any(_holds_any(words, ranges, [span]) for ranges in holders)
            if kind == "other":
                scores.left_out += 1
            elif kind == "description":
                scores.shares["descriptions"].add(right)
            elif kind == "pronoun":
                scores.shares["pronouns"].add(right)
                if mention.type == "person" and words[mention.first].lower() in PERSON_PRONOUNS:
                    scores.shares["person_pronouns"].add(right)


def _holds_any(words: Sequence[str], ranges: Iterable[Tokens], gold: Sequence[Tokens]) -> bool:
    return any(aligned(words, g, s) for s in ranges for g in gold)


def aligned(words: Sequence[str], gold: Tokens, system: Tokens) -> bool:
    """Same tokens, or the same head token."""
    return gold == system or head(words, *gold) == head(words, *system)


def _token_ranges(entity: Entity, starts: Sequence[int], ends: Sequence[int]) -> list[Tokens]:
    ranges = []
    for mention in entity.mentions:
        tokens = token_range(starts, ends, mention.start, mention.end)
        if tokens is not None:
            ranges.append(tokens)
    return ranges


def token_range(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> Tokens | None:
    """The first and last token overlapping the characters start..end; None if none does.

    `starts` and `ends` are the tokens' character offsets, in text order."""
    first = bisect.bisect_right(ends, start)  # the first token ending after `start`
    last = bisect.bisect_left(starts, end) - 1  # the last token starting before `end`
    return (first, last) if first <= last else None


def _gold_chains(mentions: Iterable[GoldMention]) -> list[list[Tokens]]:
    chains: dict[str, list[Tokens]] = {}
    for mention in mentions:
        if mention.type in GOLD_TYPES:
            chains.setdefault(mention.entity, []).append((mention.first, mention.last))
    return list(chains.values())


def _align_chains(
    words: Sequence[str], gold: Sequence[Tokens], system: Sequence[Sequence[Tokens]]
) -> list[Chain]:
    """System chains whose mentions are renamed to the gold mention they align with, one to
    one (exact spans first, then heads); a twinless mention keeps a key of its own."""
    free = set(gold)
    by_head: dict[int, list[Tokens]] = {}
    for tokens in gold:
        by_head.setdefault(head(words, *tokens), []).append(tokens)
    seen: set[Tokens] = set()
    flat = [(index, tokens) for index, chain in enumerate(system) for tokens in chain]
    keys: dict[int, set[object]] = {index: set() for index in range(len(system))}
    pending = []
    for index, tokens in flat:
        if tokens in seen:
            continue  # two system entities on the same words: the first keeps them
        seen.add(tokens)
        if tokens in free:
            free.discard(tokens)
            keys[index].add(tokens)
        else:
            pending.append((index, tokens))
    for index, tokens in pending:
        match = next((g for g in by_head.get(head(words, *tokens), []) if g in free), None)
        if match is not None:
            free.discard(match)
            keys[index].add(match)
        else:
            keys[index].add(("system", tokens))
    return [frozenset(chain) for chain in keys.values() if chain]
