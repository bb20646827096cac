"""`newsgraph eval coref gap`: who an ambiguous pronoun refers to, on GAP (Google, 2018).

Each example is a Wikipedia paragraph with one pronoun and two candidate names, A and B, with
character offsets, and gold TRUE/FALSE for each (pronoun, name) pair. The text is read as a
body (`body_only=True`) and only the record is read back: name A is predicted to be the
pronoun's antecedent when one entity has a mention overlapping the pronoun and a *different*
mention overlapping name A (the name's characters from A-offset); the same for B. (Two mentions,
so that one long mention that happens to cover both words does not count.)

The GAP metric: F1 over the pairs, TRUE pairs being the positives, overall and for masculine and
feminine pronouns apart (`GENDERS`), and the bias ratio F1 feminine / F1 masculine.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.scoring import prf
from newsgraph.progress import track_on_stderr
from newsgraph.records import Article, Entity

COLUMNS = (
    "ID",
    "Text",
    "Pronoun",
    "Pronoun-offset",
    "A",
    "A-offset",
    "A-coref",
    "B",
    "B-offset",
    "B-coref",
)
GENDERS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "masculine"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "feminine"),
}
SLICES = ("overall", "masculine", "feminine")


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    offset: int
    coref: bool


@dataclass(frozen=True, slots=True)
class GapExample:
    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: Candidate
    b: Candidate

    @property
    def gender(self) -> str | None:
        return GENDERS.get(self.pronoun.lower())


def read_gap(path: Path) -> list[GapExample]:
    """The examples of a GAP `.tsv` file; EvaluationError names the file and line if bad."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot be read as UTF-8 text ({error})") from error
    if not lines or tuple(lines[0].split("\t")[: len(COLUMNS)]) != COLUMNS:
        raise EvaluationError(f"{path}: not a GAP file (its header is not {' '.join(COLUMNS)})")
    examples = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            examples.append(_example(line.split("\t")))
        except (IndexError, ValueError) as error:
            raise EvaluationError(f"{path}:{number}: not a GAP row ({error})") from error
    return examples


def _example(fields: list[str]) -> GapExample:
    def flag(value: str) -> bool:
        if value.upper() not in ("TRUE", "FALSE"):
            raise ValueError(f"coref is {value!r}, not TRUE or FALSE")
        return value.upper() == "TRUE"

    return GapExample(
        id=fields[0],
        text=fields[1],
        pronoun=fields[2],
        pronoun_offset=int(fields[3]),
        a=Candidate(fields[4], int(fields[5]), flag(fields[6])),
        b=Candidate(fields[7], int(fields[8]), flag(fields[9])),
    )


def predict(example: GapExample, record: Article) -> tuple[bool, bool]:
    """Whether the record makes A, and B, a mention of the pronoun's entity."""
    pronoun = (example.pronoun_offset, example.pronoun_offset + len(example.pronoun))
    a, b = example.a, example.b
    return (
        _corefers(record, pronoun, (a.offset, a.offset + len(a.name))),
        _corefers(record, pronoun, (b.offset, b.offset + len(b.name))),
    )


def _corefers(record: Article, pronoun: tuple[int, int], name: tuple[int, int]) -> bool:
    for entity in record.entities:
        on_pronoun, on_name = _on(entity, pronoun), _on(entity, name)
        # Two different mentions: one mention over both words says nothing about reference.
        if on_pronoun and on_name and len(on_pronoun | on_name) > 1:
            return True
    return False


def _on(entity: Entity, span: tuple[int, int]) -> set[int]:
    """The indices of the entity's mentions that overlap the span."""
    return {i for i, m in enumerate(entity.mentions) if _overlaps(m.start, m.end, span)}


def _overlaps(start: int, end: int, span: tuple[int, int]) -> bool:
    return start < span[1] and span[0] < end


def pronoun_is_mention(example: GapExample, record: Article) -> bool:
    """Whether any entity has a mention on the pronoun (how much the record says at all)."""
    pronoun = (example.pronoun_offset, example.pronoun_offset + len(example.pronoun))
    return any(_overlaps(m.start, m.end, pronoun) for e in record.entities for m in e.mentions)


@dataclass(slots=True)
class Counts:
    examples: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        self.true_positive += gold and predicted
        self.false_positive += predicted and not gold
        self.false_negative += gold and not predicted
        self.true_negative += not gold and not predicted

    @property
    def pairs(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative

    def scores(self) -> tuple[float, float, float]:
        tp = self.true_positive
        return prf(tp, tp + self.false_positive, tp + self.false_negative)

    def to_dict(self) -> dict[str, Any]:
        precision, recall, f1 = self.scores()
        return {
            "examples": self.examples,
            "pairs": self.pairs,
            "gold_true": self.true_positive + self.false_negative,
            "predicted_true": self.true_positive + self.false_positive,
            "true_positive": self.true_positive,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }


@dataclass(slots=True)
class Report:
    path: str
    seconds: float = 0.0
    counts: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SLICES})
    pronoun_mentions: int = 0  # examples whose pronoun is a mention of some entity
    misaligned: int = 0  # records whose body is not the text (offsets would not hold)

    def add(self, example: GapExample, record: Article) -> None:
        if record.body != example.text:
            self.misaligned += 1
            predicted = (False, False)
        else:
            predicted = predict(example, record)
            self.pronoun_mentions += pronoun_is_mention(example, record)
        slices = ["overall"] + ([example.gender] if example.gender else [])
        for name in slices:
            counts = self.counts[name]
            counts.examples += 1
            counts.add(example.a.coref, predicted[0])
            counts.add(example.b.coref, predicted[1])

    @property
    def bias(self) -> float:
        """F1 feminine / F1 masculine (GAP's bias ratio); 0 when the masculine F1 is 0."""
        masculine = self.counts["masculine"].scores()[2]
        return self.counts["feminine"].scores()[2] / masculine if masculine else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "seconds": round(self.seconds, 1),
            **{name: counts.to_dict() for name, counts in self.counts.items()},
            "bias": round(self.bias, 4),
            "pronoun_mentions": self.pronoun_mentions,
            "misaligned": self.misaligned,
        }

    def render(self) -> str:
        overall = self.counts["overall"]
        lines = [
            f"GAP coreference on {self.path} ({overall.examples} examples, {self.seconds:.1f} s)",
            f"{'slice':<10}{'examples':>9}{'pairs':>7}{'gold':>6}{'pred':>6}{'tp':>6}{'fp':>6}"
            f"{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for name, counts in self.counts.items():
            d = counts.to_dict()
            lines.append(
                f"{name:<10}{d['examples']:>9}{d['pairs']:>7}{d['gold_true']:>6}"
                f"{d['predicted_true']:>6}{d['true_positive']:>6}{d['false_positive']:>6}"
                f"{d['false_negative']:>6}{d['precision']:>8.3f}{d['recall']:>8.3f}"
                f"{d['f1']:>8.3f}"
            )
        lines.append(f"bias (F1 feminine / masculine): {self.bias:.3f}")
        lines.append(
            f"pronoun is a mention of some entity: {self.pronoun_mentions}/{overall.examples}"
        )
        if self.misaligned:
            lines.append(f"records whose body is not the text (scored FALSE): {self.misaligned}")
        return "\n".join(lines)


def evaluate_gap(path: Path, *, model: str | None = None) -> Report:
    """GAP's F1 (overall, masculine, feminine) and bias of the record's entities on `path`."""
    from newsgraph.pipeline import extract_many

    examples = read_gap(Path(path))
    report = Report(path=str(path))
    started = time.perf_counter()
    records = extract_many((e.text for e in examples), body_only=True, model=model)
    for example, record in track_on_stderr(
        zip(examples, records, strict=True), len(examples), "examples"
    ):
        report.add(example, record)
    report.seconds = time.perf_counter() - started
    return report
