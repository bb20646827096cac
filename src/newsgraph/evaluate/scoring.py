"""Precision, recall and F1: the arithmetic every evaluation command shares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall; 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; a ratio over nothing is 0."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    return precision, recall, f1_of(precision, recall)


def bag_f1(gold: Iterable[str], guess: Iterable[str]) -> float:
    """F1 of two bags of items (words, token indices): each item counts as often as it occurs."""
    gold_bag, guess_bag = Counter(gold), Counter(guess)
    common = sum((gold_bag & guess_bag).values())
    return prf(common, sum(guess_bag.values()), sum(gold_bag.values()))[2]
