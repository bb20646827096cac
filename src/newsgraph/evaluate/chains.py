"""MUC and B³: the standard scores of coreference chains, written out from their definitions.

A chain is a set of mention keys (any hashable: token ranges here). Gold chains are the "key",
system chains the "response". A mention may be in one side only (twinless); it then counts the
way the CoNLL reference scorer (v8) counts it:

- MUC (Vilain et al. 1995): recall = Σ over gold chains g of (|g| − |p(g)|) / Σ (|g| − 1), where
  p(g) is the partition of g by the system chains, a mention in no system chain being a part of
  its own; precision is the same with the roles swapped. Singletons add nothing to either.
- B³ (Bagga and Baldwin 1998): recall = Σ over gold chains g, system chains s of |g ∩ s|² / |g|,
  divided by the number of gold mentions; precision the same over system mentions. A twinless
  mention scores 0 on the side it is in.

Both return the numerator and denominator of precision and recall, so that documents can be
pooled by summing (`ChainScores.__add__`), as the reference scorer pools a corpus.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.evaluate.scoring import f1_of

Chain = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class ChainScores:
    """Precision = p_num / p_den, recall = r_num / r_den (fractions for B³, counts for MUC)."""

    r_num: float = 0.0
    r_den: float = 0.0
    p_num: float = 0.0
    p_den: float = 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def __add__(self, other: ChainScores) -> ChainScores:
        return ChainScores(
            self.r_num + other.r_num,
            self.r_den + other.r_den,
            self.p_num + other.p_num,
            self.p_den + other.p_den,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def muc(gold: Sequence[Chain], system: Sequence[Chain]) -> ChainScores:
    """MUC counts of the system chains against the gold chains."""
    r_num, r_den = _muc_side(gold, system)
    p_num, p_den = _muc_side(system, gold)
    return ChainScores(r_num, r_den, p_num, p_den)


def _muc_side(key: Sequence[Chain], other: Sequence[Chain]) -> tuple[float, float]:
    chain_of = {mention: index for index, chain in enumerate(other) for mention in chain}
    numerator = denominator = 0
    for chain in key:
        # Mentions the other side does not have are each a part of their own.
        parts = {chain_of.get(mention, ("alone", mention)) for mention in chain}
        numerator += len(chain) - len(parts)
        denominator += len(chain) - 1
    return float(numerator), float(denominator)


def b_cubed(gold: Sequence[Chain], system: Sequence[Chain]) -> ChainScores:
    """B³ sums of the system chains against the gold chains."""
    r_num, r_den = _b_cubed_side(gold, system)
    p_num, p_den = _b_cubed_side(system, gold)
    return ChainScores(r_num, r_den, p_num, p_den)


def _b_cubed_side(key: Sequence[Chain], other: Sequence[Chain]) -> tuple[float, float]:
    numerator = 0.0
    for chain in key:
        for response in other:
            common = len(chain & response)
            numerator += common * common / len(chain)
    return numerator, float(sum(len(chain) for chain in key))
