"""`newsgraph train cues`: fit the cue scorer on a PolNeAR folder, choose its thresholds by
cross-validation on the same folder, and write the model file.

1. Parse every article with newsgraph's pipeline, without the quote step (`--cache` keeps
   the parses, so that a second run skips the slow part).
2. Split the articles into folds; for each fold, fit on the others and score its words: every
   word then has a score from a model that never saw its article.
3. With those held-out scores, run the quote step over the whole folder for each pair of
   thresholds (add a cue at or above, drop a rule cue below) and keep the pair with the best
   sum of source exact F1 and linked F1 (the `eval quotes` metrics); then, with that pair,
   choose the same way from which score on a cue nested in another cue's content is kept.
4. Fit on every article and save the weights with the thresholds and these numbers.
Only the folder given is read: train on train; dev stays for `newsgraph eval quotes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.evaluate.polnear import Article, read_folder
from newsgraph.evaluate.quotes import EMPTY, Scores, score_article
from newsgraph.evaluate.scoring import prf
from newsgraph.nlp.cues.model import NEVER, CueModel, save_cue_model
from newsgraph.train.cue_corpus import CueCorpus, FitSettings, Labelled

ADD_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
DROP_THRESHOLDS = (0.0, 0.1, 0.2, 0.3)
NEST_THRESHOLDS = (NEVER, 0.9, 0.8, 0.7)


@dataclass
class Training:
    trained_on: str  # the folder
    documents: int = 0
    examples: int = 0
    positives: int = 0
    features: int = 0
    grid: list[dict[str, float]] = field(default_factory=list)
    chosen: dict[str, float] = field(default_factory=dict)
    cue_words: dict[str, float] = field(default_factory=dict)

    def render(self) -> str:
        words = self.cue_words
        lines = [
            f"cue model trained on {self.trained_on}: {self.documents} articles, "
            f"{self.examples} candidate words, {self.positives} cue heads, "
            f"{self.features} features",
            f"held-out cue words at {self.chosen.get('add', 0):.2f}: P {words['precision']:.3f} "
            f"R {words['recall']:.3f} F1 {words['f1']:.3f}",
            "held-out quote step (rules + model), by thresholds:",
            f"{'add':>6}{'drop':>6}{'nest':>6}{'source P':>10}{'R':>7}{'F1':>7}{'linked F1':>11}",
        ]
        for row in self.grid:
            mark = "  <- chosen" if row == self.chosen else ""
            lines.append(
                f"{row['add']:>6.2f}{row['drop']:>6.2f}{row['nest']:>6.2f}{row['source_p']:>10.3f}"
                f"{row['source_r']:>7.3f}{row['source_f1']:>7.3f}{row['linked_f1']:>11.3f}{mark}"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def train_cues(
    folder: Path,
    out: Path,
    *,
    model: str | None = None,
    folds: int = 5,
    cache: Path | None = None,
    settings: FitSettings | None = None,
) -> Training:
    """Train, choose thresholds by cross-validation, save to `out`; the numbers on the way."""
    settings = settings or FitSettings()
    articles = list(read_folder(folder))
    corpus = CueCorpus(
        [a.text for a in articles],
        [[g.cue for g in a.attributions if g.cue] for a in articles],
        model=model,
        cache=cache,
    )
    training = Training(trained_on=folder.as_posix(), documents=len(articles))
    training.examples = sum(len(labels) for _, _, labels in corpus.labelled)
    training.positives = sum(sum(labels) for _, _, labels in corpus.labelled)
    held_out = corpus.held_out_scores(folds, settings)
    training.grid = _threshold_grid(corpus, articles, held_out)
    best = max(training.grid, key=_merit)
    training.grid += _nest_grid(corpus, articles, held_out, best["add"], best["drop"])
    training.chosen = max(training.grid, key=_merit)
    training.cue_words = _cue_words(corpus.labelled, held_out, training.chosen["add"])
    weights = corpus.fit(settings)
    training.features = len(weights)
    about = {**training.to_dict(), "folds": folds, "settings": asdict(settings)}
    chosen = training.chosen
    save_cue_model(
        CueModel(
            weights=weights,
            add_threshold=chosen["add"],
            drop_threshold=chosen["drop"],
            nest_threshold=chosen["nest"],
            about=about,
        ),
        out,
    )
    return training


def _merit(row: dict[str, float]) -> float:
    return row["source_f1"] + row["linked_f1"]


def _threshold_grid(
    corpus: CueCorpus, articles: list[Article], held_out: list[dict[int, float]]
) -> list[dict[str, float]]:
    return [
        _scored(corpus, articles, held_out, add, drop, NEVER)
        for add in ADD_THRESHOLDS
        for drop in DROP_THRESHOLDS
    ]


def _nest_grid(
    corpus: CueCorpus,
    articles: list[Article],
    held_out: list[dict[int, float]],
    add: float,
    drop: float,
) -> list[dict[str, float]]:
    return [
        _scored(corpus, articles, held_out, add, drop, nest)
        for nest in NEST_THRESHOLDS
        if nest != NEVER  # the first grid has it
    ]


def _scored(
    corpus: CueCorpus,
    articles: list[Article],
    held_out: list[dict[int, float]],
    add: float,
    drop: float,
    nest: float,
) -> dict[str, float]:
    """The held-out quote step's source exact and linked scores with these thresholds."""
    source, linked = EMPTY, EMPTY
    quotes = corpus.quotes(held_out, add, drop, nest)
    for article, found in zip(articles, quotes, strict=True):
        counts = score_article(article, found)
        source, linked = source + counts["source_exact"], linked + counts["linked"]
    return _row(add, drop, nest, source, linked)


def _row(add: float, drop: float, nest: float, source: Scores, linked: Scores) -> dict[str, float]:
    return {
        "add": add,
        "drop": drop,
        "nest": nest,
        "source_p": round(source.precision, 4),
        "source_r": round(source.recall, 4),
        "source_f1": round(source.f1, 4),
        "linked_f1": round(linked.f1, 4),
    }


def _cue_words(
    labelled: Sequence[Labelled], held_out: list[dict[int, float]], threshold: float
) -> dict[str, float]:
    """Precision, recall and F1 of the held-out scores at `threshold` on cue head words."""
    hits = predicted = gold = 0
    for (indices, _, labels), scores in zip(labelled, held_out, strict=True):
        for index, label in zip(indices, labels, strict=True):
            chosen = scores[index] >= threshold
            hits += int(chosen and label == 1)
            predicted += int(chosen)
            gold += label
    precision, recall, f1 = prf(hits, predicted, gold)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
