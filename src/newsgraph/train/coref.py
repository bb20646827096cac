"""Train the coreference mention ranker on GAP development (`python -m newsgraph.train.coref`).

1. Parse every GAP text with newsgraph's pipeline up to the entities (`--cache` keeps the
   parses), and run the coreference pass with the current ranker, recording the candidates of
   each example's pronoun with their features. A candidate is positive when its entity has a
   mention on the name GAP marks as the pronoun's referent.
2. Fit a logistic regression on those pairs (the cue scorer's fitting, `cue_corpus.fit`).
   The pass looks at the pronouns it has already resolved, so step 1 runs again with the new
   ranker and the fit repeats (`--rounds`).
3. Choose the threshold by cross-validation on the same file: each example's candidates are
   scored by a model fit on the other folds; the threshold with the best GAP F1 wins.
4. Fit on every example and save the weights with the threshold and these numbers.
Only the file given is read: train on gap-development; gap-validation is for measuring.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.nlp.coref.ranker import Ranker, save_ranker
from newsgraph.nlp.coref.resolve import resolve
from newsgraph.nlp.entities.component import find_entities
from newsgraph.records import Entity
from newsgraph.train.cue_corpus import FitSettings, fit
from newsgraph.train.parsing import parse_texts

THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
FOLDS = 5
AFTER_ENTITIES = ("newsgraph_coref", "newsgraph_times", "newsgraph_quotes")
# Before the first fit: prefer the latest subject, a person, in the same sentence.
BOOTSTRAP = {
    "bias": -1.0,
    "rank=0": 1.5,
    "rank=1": 0.5,
    "m_role=nsubj": 1.0,
    "roles=nsubj|nsubj": 1.0,
    "type=PERSON": 1.5,
    "sentences=0": 0.3,
    "same_predicate": -3.0,
    "m_governs_p": 1.0,
}


@dataclass(frozen=True)
class Example:
    """One GAP row: where its pronoun and names are, and which name it refers to."""

    text: str
    pronoun: int
    names: tuple[tuple[int, int], tuple[int, int]]  # A and B character spans
    gold: tuple[bool, bool]


@dataclass
class Pairs:
    """An example's candidates: features, whether each is the referent, which name it holds."""

    features: list[list[str]]
    labels: list[int]
    holds: list[tuple[bool, bool]]  # whether the candidate has a mention on A, on B


def read_gap(path: Path) -> list[Example]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Example(
            text=row["Text"],
            pronoun=int(row["Pronoun-offset"]),
            names=(_span(row, "A"), _span(row, "B")),
            gold=(row["A-coref"] == "TRUE", row["B-coref"] == "TRUE"),
        )
        for row in rows
    ]


def _span(row: dict[str, str], name: str) -> tuple[int, int]:
    start = int(row[f"{name}-offset"])
    return start, start + len(row[name])


def collect(docs: Sequence[Doc], examples: Sequence[Example], ranker: Ranker) -> list[Pairs]:
    """The candidates of each example's pronoun, found by a pass with `ranker`."""
    collected = []
    for doc, example in zip(docs, examples, strict=True):
        entities = find_entities(doc)
        seen: list[list[tuple[str, list[str]]]] = []

        def observe(token: Token, candidates: list[tuple[str, list[str]]]) -> None:
            if token.idx == example.pronoun:  # noqa: B023 - called within this iteration
                seen.append(candidates)  # noqa: B023

        resolve(doc, entities, ranker.score, ranker.threshold, observe)
        by_id = {entity.id: entity for entity in entities}
        pairs = Pairs([], [], [])
        for entity_id, features in seen[0] if seen else []:
            holds = tuple(_holds(by_id[entity_id], span) for span in example.names)
            pairs.features.append(features)
            pairs.holds.append((holds[0], holds[1]))
            gold = (holds[0] and example.gold[0]) or (holds[1] and example.gold[1])
            pairs.labels.append(int(gold))
        collected.append(pairs)
    return collected


def _holds(entity: Entity, span: tuple[int, int]) -> bool:
    return any(m.start < span[1] and m.end > span[0] for m in entity.mentions)


def gap_f1(
    examples: Sequence[Example], pairs: Sequence[Pairs], scores: Sequence[list[float]], at: float
) -> float:
    """GAP's F1 over (pronoun, name) pairs when each pronoun takes its best candidate."""
    true_positive = false_positive = false_negative = 0
    for example, found, values in zip(examples, pairs, scores, strict=True):
        chosen = (False, False)
        if values and max(values) >= at:
            chosen = found.holds[values.index(max(values))]
        for predicted, gold in zip(chosen, example.gold, strict=True):
            true_positive += predicted and gold
            false_positive += predicted and not gold
            false_negative += gold and not predicted
    return 2 * true_positive / max(1, 2 * true_positive + false_positive + false_negative)


def held_out_scores(pairs: Sequence[Pairs], settings: FitSettings) -> list[list[float]]:
    order = list(range(len(pairs)))
    random.Random(settings.seed).shuffle(order)
    scores: list[list[float]] = [[] for _ in pairs]
    for fold in range(FOLDS):
        train = [i for position, i in enumerate(order) if position % FOLDS != fold]
        ranker = Ranker(weights=_fit(pairs, train, settings), threshold=0.0)
        for position, i in enumerate(order):
            if position % FOLDS == fold:
                scores[i] = [ranker.score(f) for f in pairs[i].features]
    return scores


def _fit(pairs: Sequence[Pairs], chosen: Sequence[int], settings: FitSettings) -> dict[str, float]:
    features = [f for i in chosen for f in pairs[i].features]
    return fit(features, [y for i in chosen for y in pairs[i].labels], settings)


def train(docs: Sequence[Doc], examples: Sequence[Example], rounds: int) -> Iterator[Ranker]:
    """The ranker after each round of collecting candidates and fitting."""
    settings = FitSettings(epochs=30, l2=1e-4)
    ranker = Ranker(weights=BOOTSTRAP, threshold=0.3)
    for round_number in range(1, rounds + 1):
        pairs = collect(docs, examples, ranker)
        held_out = held_out_scores(pairs, settings)
        grid = {at: gap_f1(examples, pairs, held_out, at) for at in THRESHOLDS}
        threshold = max(grid, key=lambda at: (grid[at], -at))
        weights = _fit(pairs, range(len(pairs)), settings)
        about = {
            "trained_on": "GAP gap-development.tsv (Apache-2.0)",
            "round": round_number,
            "examples": len(examples),
            "pairs": sum(len(p.labels) for p in pairs),
            "held_out_gap_f1": {str(at): round(f1, 4) for at, f1 in grid.items()},
        }
        ranker = Ranker(weights=weights, threshold=threshold, about=about)
        yield ranker


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gap", type=Path, help="gap-development.tsv")
    parser.add_argument("--out", type=Path, required=True, help="the model file to write")
    parser.add_argument("--cache", type=Path, help="a folder keeping the parses between runs")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    examples = read_gap(arguments.gap)
    texts = [e.text for e in examples]
    docs = parse_texts(texts, cache=arguments.cache, skip=AFTER_ENTITIES)
    for ranker in train(docs, examples, arguments.rounds):
        held_out = ranker.about["held_out_gap_f1"]
        print(f"round {ranker.about['round']}: threshold {ranker.threshold}, held-out {held_out}")
    save_ranker(ranker, arguments.out)


if __name__ == "__main__":
    main()
