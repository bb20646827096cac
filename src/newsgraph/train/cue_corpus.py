"""Training the cue scorer: labelled words from parsed docs, and a logistic regression fit.

A word is a positive example when it is the head of a gold cue span (the word of the span
whose head lies outside it; a verb, noun or adjective first). The fit is plain mini-batch
logistic regression with Adagrad and L2, in numpy, seeded: the same data gives the same
weights. Features seen fewer than `min_count` times are dropped (they only memorise).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy
from spacy.tokens import Doc, Token

from newsgraph.nlp.cues.features import CANDIDATE_POS, candidate_features
from newsgraph.nlp.cues.model import NEVER, CueModel
from newsgraph.nlp.quotes.component import find_quotes
from newsgraph.nlp.quotes.marks import QuotedSpan, find_quoted_spans
from newsgraph.records import Quote
from newsgraph.train.parsing import parse_texts

Fragments = tuple[tuple[int, int], ...]
COPULA_DEPS = frozenset({"acomp", "attr"})


@dataclass(frozen=True)
class FitSettings:
    epochs: int = 30
    l2: float = 1e-5
    rate: float = 0.5
    batch: int = 256
    min_count: int = 2
    seed: int = 0


# For each candidate word of a doc: its token index, its features, its label.
Labelled = tuple[list[int], list[list[str]], list[int]]


class CueCorpus:
    """Parsed articles with their gold cues, ready to fit, cross-validate and run the quote
    step on; the docs stay inside (`evaluate` sees words counted and quotes as records)."""

    def __init__(
        self,
        texts: Sequence[str],
        gold_cues: Sequence[Iterable[Fragments]],
        *,
        model: str | None = None,
        cache: Path | None = None,
    ) -> None:
        self._docs = parse_texts(texts, model=model, cache=cache, skip=("newsgraph_quotes",))
        self.labelled: list[Labelled] = [
            examples(doc, gold_cue_heads(doc, cues))
            for doc, cues in zip(self._docs, gold_cues, strict=True)
        ]

    def fit(self, settings: FitSettings, docs: Iterable[int] | None = None) -> dict[str, float]:
        """Weights fit on the given docs (all by default)."""
        chosen = [self.labelled[i] for i in docs] if docs is not None else self.labelled
        features = [f for labelled in chosen for f in labelled[1]]
        return fit(features, [y for labelled in chosen for y in labelled[2]], settings)

    def held_out_scores(self, folds: int, settings: FitSettings) -> list[dict[int, float]]:
        """For each doc, its words' scores from a model fit on the other folds."""
        order = list(range(len(self.labelled)))
        random.Random(settings.seed).shuffle(order)
        fold_of = {doc: position % folds for position, doc in enumerate(order)}
        scores: list[dict[int, float]] = [{} for _ in self.labelled]
        for fold in range(folds):
            weights = self.fit(settings, [i for i in order if fold_of[i] != fold])
            scorer = CueModel(weights=weights, add_threshold=1.0, drop_threshold=0.0)
            for i in (i for i in order if fold_of[i] == fold):
                indices, features, _ = self.labelled[i]
                scores[i] = {t: scorer.score(f) for t, f in zip(indices, features, strict=True)}
        return scores

    def quotes(
        self, scores: Sequence[dict[int, float]], add: float, drop: float, nest: float = NEVER
    ) -> Iterator[tuple[Quote, ...]]:
        """The quotes of each doc when these word scores and thresholds join the rules."""
        for doc, by_token in zip(self._docs, scores, strict=True):
            yield find_quotes(doc, FixedScores(by_token, add, drop, nest))


@dataclass(frozen=True)
class FixedScores:
    """A `CueScorer` that reads scores computed beforehand (held out from training)."""

    by_token: dict[int, float]
    add_threshold: float
    drop_threshold: float
    nest_threshold: float = NEVER

    def scores(self, doc: Doc, quoted: Sequence[QuotedSpan]) -> dict[int, float]:
        return self.by_token


def quoted_spans(doc: Doc) -> list[QuotedSpan]:
    """The quoted stretches of a doc, found as the quote step finds them."""
    return find_quoted_spans(doc.text, [s.start_char for s in doc.sents])


def gold_cue_heads(doc: Doc, cues: Iterable[Fragments]) -> set[int]:
    """The token index of the head word of each gold cue span."""
    heads = set()
    for fragments in cues:
        head = _span_head(doc, fragments)
        if head is not None:
            heads.add(head.i)
    return heads


def _span_head(doc: Doc, fragments: Fragments) -> Token | None:
    words = [
        t
        for start, end in fragments
        if (span := doc.char_span(start, end, alignment_mode="expand"))
        for t in span
    ]
    indices = {t.i for t in words}
    heads = [t for t in words if t.head.i not in indices or t.head.i == t.i]
    heads.sort(key=lambda t: (t.pos_ not in CANDIDATE_POS, t.i))
    if not heads:
        return None
    # "is confident", "was upfront about": the word that reports is the complement, not the
    # copula (which is a cue in few of its uses and would teach the scorer nothing).
    complements = [c for c in heads[0].children if c.i in indices and c.dep_ in COPULA_DEPS]
    if heads[0].lemma_ == "be" and complements:
        return complements[0]
    return heads[0]


def examples(doc: Doc, gold_heads: set[int]) -> Labelled:
    """Token indices, features and labels (1 for a cue's head) of the doc's candidate words."""
    found = candidate_features(doc, quoted_spans(doc))
    return [i for i, _ in found], [f for _, f in found], [int(i in gold_heads) for i, _ in found]


def fit(
    features: Sequence[Sequence[str]], labels: Sequence[int], settings: FitSettings
) -> dict[str, float]:
    """Feature weights of a logistic regression on the examples (the intercept is the
    weight of `nlp.cues.features.BIAS`, a feature every example has)."""
    counts = Counter(f for row in features for f in row)
    vocabulary = {
        f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= settings.min_count))
    }
    rows = [[vocabulary[f] for f in row if f in vocabulary] for row in features]
    weights = _adagrad(rows, numpy.asarray(labels, dtype=numpy.float64), len(vocabulary), settings)
    return {f: float(weights[i]) for f, i in vocabulary.items() if weights[i] != 0.0}


def _adagrad(
    rows: list[list[int]], labels: numpy.ndarray, size: int, settings: FitSettings
) -> numpy.ndarray:
    lengths = numpy.array([len(r) for r in rows], dtype=numpy.int64)
    indices = numpy.array([i for r in rows for i in r], dtype=numpy.int64)
    offsets = numpy.concatenate(([0], numpy.cumsum(lengths)))
    weights = numpy.zeros(size)
    squares = numpy.full(size, 1e-8)
    generator = numpy.random.default_rng(settings.seed)
    for _ in range(settings.epochs):
        order = generator.permutation(len(rows))
        for batch in numpy.array_split(order, max(1, len(rows) // settings.batch)):
            columns, owner = _gather(batch, offsets, lengths, indices)
            margin = numpy.bincount(owner, weights=weights[columns], minlength=len(batch))
            error = 1.0 / (1.0 + numpy.exp(-margin)) - labels[batch]
            touched, where = numpy.unique(columns, return_inverse=True)
            # L2 pulls every weight at every step, not only the batch's: a feature seen in
            # few batches must not escape it (measured: cue-word F1 on dev 0.769 -> 0.787).
            gradient = settings.l2 * weights
            gradient[touched] += numpy.bincount(where, weights=error[owner]) / len(batch)
            squares += gradient * gradient
            weights -= settings.rate * gradient / numpy.sqrt(squares)
    return weights


def _gather(
    batch: numpy.ndarray, offsets: numpy.ndarray, lengths: numpy.ndarray, indices: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The feature columns of the batch's rows, and which row (0..len(batch)) each is from."""
    sizes = lengths[batch]
    owner = numpy.repeat(numpy.arange(len(batch)), sizes)
    firsts = numpy.repeat(
        offsets[batch] - numpy.concatenate(([0], numpy.cumsum(sizes)[:-1])), sizes
    )
    return indices[firsts + numpy.arange(len(owner))], owner
