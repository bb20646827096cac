"""The mention ranker: a logistic regression over `pair_features`, trained on GAP development
and GUM train (see `models/README.md`). A pronoun goes to its best-scoring candidate when that
score reaches the threshold; otherwise it stays unresolved."""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from newsgraph.errors import ModelError

MODEL_FORMAT = "newsgraph-coref-ranker/1"
DEFAULT_MODEL = Path(__file__).parents[1] / "models" / "coref-en.json.gz"


@dataclass(frozen=True)
class Ranker:
    weights: Mapping[str, float]
    threshold: float  # the least score a pronoun's best candidate needs to be its referent
    about: Mapping[str, Any] = field(default_factory=dict)

    def score(self, features: Sequence[str]) -> float:
        """The probability that the candidate with these features is the pronoun's referent."""
        total = sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def save_ranker(ranker: Ranker, path: Path) -> None:
    data = {
        "format": MODEL_FORMAT,
        "threshold": ranker.threshold,
        "about": dict(ranker.about),
        # Sorted and rounded: a retrain that changes nothing diffs empty.
        "weights": {f: round(w, 4) for f, w in sorted(ranker.weights.items())},
    }
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(data, handle, indent=0, ensure_ascii=False)


@lru_cache(maxsize=4)
def load_ranker(path: Path = DEFAULT_MODEL) -> Ranker:
    """The ranker stored at `path` (the shipped one by default), read once."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise ModelError(f"{path}: cannot read the coreference ranker ({error})") from error
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ModelError(f"{path}: not a coreference ranker in the format {MODEL_FORMAT}")
    return Ranker(
        weights=data["weights"],
        threshold=float(data["threshold"]),
        about=data.get("about", {}),
    )
