"""The learned cue scorer: a logistic regression over `features`, trained on PolNeAR train.

It does three things in the quote step (`nlp/quotes/`): it adds the cues the rule lists never
name ("made clear", "his refusal to"), when a word scores at least `add_threshold`; it drops
the rules' cues whose word scores under `drop_threshold` ("hoped" in a news summary); and it
keeps a cue inside another cue's content (a report within a report) from `nest_threshold` on.
The weights ship in `nlp/models/cues-en.json.gz`, written by `newsgraph train cues` (see
`nlp/models/README.md`, the model card); nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry

from newsgraph.nlp.cues.features import candidate_features
from newsgraph.nlp.quotes.marks import QuotedSpan
from newsgraph.nlp.weights import MODELS, load_weights, logistic, save_weights
from newsgraph.settings import NO_CUE_MODEL

MODEL_FORMAT = "newsgraph-cue-model/1"
DEFAULT_MODEL = MODELS / "cues-en.json.gz"
NEVER = 1.0  # a threshold no score reaches (the logistic function stays under 1)


@dataclass(frozen=True)
class CueModel:
    weights: Mapping[str, float]
    add_threshold: float
    drop_threshold: float
    # A cue inside another cue's content is kept from this score on (1.0: never).
    nest_threshold: float = NEVER
    # How it was made: data, folds, scores; written to the file, shown by the model card.
    about: Mapping[str, Any] = field(default_factory=dict)

    def score(self, features: Sequence[str]) -> float:
        """The probability that the word with these features is a cue."""
        return logistic(self.weights, features)

    def scores(self, doc: Doc, quoted: Sequence[QuotedSpan]) -> dict[int, float]:
        """The score of every candidate word of the doc, by token index."""
        return {i: self.score(features) for i, features in candidate_features(doc, quoted)}


def save_cue_model(model: CueModel, path: Path) -> None:
    values = {
        "add_threshold": model.add_threshold,
        "drop_threshold": model.drop_threshold,
        "nest_threshold": model.nest_threshold,
        "about": dict(model.about),
    }
    save_weights(path, MODEL_FORMAT, model.weights, values)


@lru_cache(maxsize=4)
def load_cue_model(path: Path = DEFAULT_MODEL) -> CueModel:
    """The cue model stored at `path` (the shipped one by default), read once."""
    data = load_weights(path, MODEL_FORMAT, "cue model")
    return CueModel(
        weights=data["weights"],
        add_threshold=float(data["add_threshold"]),
        drop_threshold=float(data["drop_threshold"]),
        nest_threshold=float(data.get("nest_threshold", NEVER)),
        about=data.get("about", {}),
    )


@registry.misc("newsgraph.cue_model.v1")  # type: ignore[untyped-decorator]
def cue_model_from_file(path: str) -> CueModel:
    """The cue model a pipeline config names (`{"@misc": "newsgraph.cue_model.v1", "path": …}`):
    the file's model is the quote component's config value, read once when it is built."""
    return load_cue_model(Path(path))


def cue_model_config(setting: str | None) -> dict[str, Any] | None:
    """The quote component's `cue_model` config for the cue model setting: the shipped file
    when it is unset, the file it names, or null (the rules alone) for "none"."""
    if setting is not None and setting.strip().lower() == NO_CUE_MODEL:
        return None
    path = Path(setting) if setting else DEFAULT_MODEL
    return {"@misc": "newsgraph.cue_model.v1", "path": str(path)}
