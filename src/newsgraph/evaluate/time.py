"""`newsgraph eval time`: TempEval-3 Task A scores on TimeML folders (TimeBank, AQUAINT).

Each `*.tml` file's <TEXT> goes through newsgraph as a body (`body_only=True`) with its DCT as
the publication date; the times found are scored against the gold TIMEX3s, pooled over each
folder that holds TimeML files:
- strict: identical extents; relaxed: any overlap, matched one to one in text order;
- type and value accuracy: correct among relaxed matches; type/value F1 = accuracy × relaxed F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.scoring import prf
from newsgraph.evaluate.timeml import GoldTime, TimeMLDocument, read_timeml
from newsgraph.pipeline import extract_documents
from newsgraph.records import Document, Time


@dataclass
class Counts:
    documents: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, gold: tuple[GoldTime, ...], system: tuple[Time, ...]) -> None:
        self.documents += 1
        self.gold += len(gold)
        self.system += len(system)
        found = {(t.start, t.end) for t in system}
        self.strict += sum((g.start, g.end) in found for g in gold)
        for gold_time, time in match_relaxed(gold, system):
            self.relaxed += 1
            self.type_correct += gold_time.type == time.type
            self.value_correct += gold_time.value == time.value


def match_relaxed(gold: Iterable[GoldTime], system: Iterable[Time]) -> list[tuple[GoldTime, Time]]:
    """Pairs of overlapping expressions, each used at most once, in text order."""
    free = sorted(system, key=lambda t: t.start)
    pairs = []
    for gold_time in sorted(gold, key=lambda g: g.start):
        for time in free:
            if time.start < gold_time.end and gold_time.start < time.end:
                pairs.append((gold_time, time))
                free.remove(time)
                break
    return pairs


@dataclass
class CorpusScores:
    name: str
    counts: Counts = field(default_factory=Counts)

    def to_dict(self) -> dict[str, Any]:
        c = self.counts
        strict = prf(c.strict, c.system, c.gold)
        relaxed = prf(c.relaxed, c.system, c.gold)
        type_accuracy = c.type_correct / c.relaxed if c.relaxed else 0.0
        value_accuracy = c.value_correct / c.relaxed if c.relaxed else 0.0
        return {
            "corpus": self.name,
            "documents": c.documents,
            "gold": c.gold,
            "system": c.system,
            "strict": dict(zip(("precision", "recall", "f1"), _rounded(strict), strict=True)),
            "relaxed": dict(zip(("precision", "recall", "f1"), _rounded(relaxed), strict=True)),
            "type_f1": round(type_accuracy * relaxed[2], 4),
            "value_f1": round(value_accuracy * relaxed[2], 4),
            "type_accuracy": round(type_accuracy, 4),
            "value_accuracy": round(value_accuracy, 4),
        }


def _rounded(values: tuple[float, ...]) -> list[float]:
    return [round(v, 4) for v in values]


@dataclass
class Report:
    corpora: list[CorpusScores]

    def to_dict(self) -> dict[str, Any]:
        return {"task": "TempEval-3 Task A", "corpora": [c.to_dict() for c in self.corpora]}

    def render(self) -> str:
        header = (
            f"{'corpus':<12} {'docs':>5} {'gold':>5} {'sys':>5}  "
            f"{'strict P':>8} {'R':>6} {'F1':>6}  {'relax P':>7} {'R':>6} {'F1':>6}  "
            f"{'type F1':>7} {'value F1':>8} {'value acc':>9}"
        )
        lines = ["TempEval-3 Task A: time expressions (extent, type, value)", header]
        for corpus in self.corpora:
            d = corpus.to_dict()
            s, r = d["strict"], d["relaxed"]
            lines.append(
                f"{d['corpus']:<12} {d['documents']:>5} {d['gold']:>5} {d['system']:>5}  "
                f"{s['precision']:>8.4f} {s['recall']:>6.4f} {s['f1']:>6.4f}  "
                f"{r['precision']:>7.4f} {r['recall']:>6.4f} {r['f1']:>6.4f}  "
                f"{d['type_f1']:>7.4f} {d['value_f1']:>8.4f} {d['value_accuracy']:>9.4f}"
            )
        return "\n".join(lines)


def corpus_folders(folder: Path) -> list[Path]:
    """The folders under `folder` (itself included) that directly hold *.tml files."""
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: not a folder")
    folders = sorted({path.parent for path in folder.rglob("*.tml")})
    if not folders:
        raise EvaluationError(f"{folder}: no TimeML files (*.tml) in it or below it")
    return folders


def evaluate_time(folder: Path, *, model: str | None = None) -> Report:
    """TempEval-3 Task A scores for each folder of TimeML files under `folder`."""
    corpora = []
    for corpus_folder in corpus_folders(Path(folder)):
        documents = [read_timeml(path) for path in sorted(corpus_folder.glob("*.tml"))]
        scores = CorpusScores(corpus_folder.name)
        for document, times in zip(documents, tag_documents(documents, model), strict=True):
            scores.counts.add(document.times, times)
        corpora.append(scores)
    return Report(corpora)


def tag_documents(
    documents: list[TimeMLDocument], model: str | None = None
) -> Iterator[tuple[Time, ...]]:
    """newsgraph's times for each document, with progress on stderr."""
    inputs = (
        Document(text=d.text, source=d.name, published=d.published, body_only=True)
        for d in documents
    )
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("tagging times", total=len(documents))
        for article in extract_documents(inputs, model=model):
            progress.advance(task)
            yield article.times
