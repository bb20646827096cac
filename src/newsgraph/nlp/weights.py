"""The file format and the arithmetic both shipped linear models share (the cue scorer and
the coreference ranker): sparse string features, a weight each, the logistic function, and a
gzipped JSON file with a format name, the model's thresholds and how it was made (`about`).
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Mapping, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

from newsgraph.errors import ModelError

MODELS = Path(__file__).parent / "models"  # the shipped weights and their model card


def logistic(weights: Mapping[str, float], features: Sequence[str]) -> float:
    """The probability a linear model gives to an example with these features."""
    total = sum(map(weights.get, features, repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def save_weights(
    path: Path,
    model_format: str,
    weights: Mapping[str, float],
    values: Mapping[str, Any],
) -> None:
    """Write a model: its format, `values` (thresholds, `about`), and the weights."""
    data = {
        "format": model_format,
        **values,
        # Sorted and rounded: the file is small, and a retrain that changes nothing diffs empty.
        "weights": {f: round(w, 4) for f, w in sorted(weights.items())},
    }
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(data, handle, indent=0, ensure_ascii=False)


def load_weights(path: Path, model_format: str, what: str) -> dict[str, Any]:
    """The contents of a model file; a ModelError names the file and what it should be."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise ModelError(f"{path}: cannot read the {what} ({error})") from error
    if not isinstance(data, dict) or data.get("format") != model_format:
        raise ModelError(f"{path}: not a {what} in the format {model_format}")
    return data
