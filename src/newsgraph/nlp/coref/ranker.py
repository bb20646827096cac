"""The mention ranker: a logistic regression over `pair_features`, trained on GAP development
and GUM train (see `models/README.md`). A pronoun goes to its best-scoring candidate when that
score reaches the threshold; otherwise it stays unresolved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.nlp.weights import MODELS, load_weights, logistic, save_weights

MODEL_FORMAT = "newsgraph-coref-ranker/1"
DEFAULT_MODEL = MODELS / "coref-en.json.gz"


@dataclass(frozen=True)
class Ranker:
    weights: Mapping[str, float]
    threshold: float  # the least score a pronoun's best candidate needs to be its referent
    about: Mapping[str, Any] = field(default_factory=dict)

    def score(self, features: Sequence[str]) -> float:
        """The probability that the candidate with these features is the pronoun's referent."""
        return logistic(self.weights, features)


def save_ranker(ranker: Ranker, path: Path) -> None:
    values = {"threshold": ranker.threshold, "about": dict(ranker.about)}
    save_weights(path, MODEL_FORMAT, ranker.weights, values)


@lru_cache(maxsize=4)
def load_ranker(path: Path = DEFAULT_MODEL) -> Ranker:
    """The ranker stored at `path` (the shipped one by default), read once."""
    data = load_weights(path, MODEL_FORMAT, "coreference ranker")
    return Ranker(
        weights=data["weights"],
        threshold=float(data["threshold"]),
        about=data.get("about", {}),
    )
