"""The coreference ranker's training: GAP's F1 over chosen candidates and the held-out grid
the threshold is chosen from, on hand-built candidate pairs (no parse)."""

from __future__ import annotations

import pytest

from newsgraph.train.coref import (
    SPLITS,
    THRESHOLDS,
    Example,
    Pairs,
    Training,
    _pronoun_f1,
    gap_f1,
    held_out_grid,
    held_out_scores,
)
from newsgraph.train.cue_corpus import FitSettings

SETTINGS = FitSettings(epochs=5, l2=1e-3)


def _example(gold: tuple[bool, bool]) -> Example:
    return Example(text="", pronoun=0, names=((0, 1), (2, 3)), gold=gold)


def _pairs(index: int) -> Pairs:
    """Two candidates, the subject (on A, the referent) and the object (on B)."""
    return Pairs(
        features=[["bias", "m_role=nsubj"], ["bias", "m_role=dobj"]],
        labels=[1, 0],
        holds=[(True, False), (False, True)],
        group=f"doc {index}",
    )


def test_a_wrong_name_costs_more_than_a_third_person() -> None:
    pairs = [
        Pairs(
            features=[["a"], ["b"], ["c"]],
            labels=[1, 0, 0],
            holds=[(True, False), (False, True), (False, False)],
        )
    ]
    examples = [_example((True, False)), _example((True, False))]
    pairs = pairs * 2
    right, wrong_name, third_person = [0.9, 0.1, 0.2], [0.1, 0.9, 0.2], [0.1, 0.2, 0.9]
    # Two examples, the first right: a wrong name is a false positive and a false negative,
    # a third person only a false negative.
    assert gap_f1(examples, pairs, [right, wrong_name], 0.05) == pytest.approx(2 / 4)
    assert gap_f1(examples, pairs, [right, third_person], 0.05) == pytest.approx(2 / 3)


def test_held_out_scores_differ_by_split_but_the_grid_is_their_mean() -> None:
    gap = [_pairs(i) for i in range(20)]
    gum = [
        Pairs(
            features=[["bias", "m_role=nsubj"], ["bias", "m_role=pobj"]],
            labels=[i % 3 != 0, 0],
            holds=[(False, False), (False, False)],
            group=f"gum {i}",
        )
        for i in range(10)
    ]
    examples = [_example((True, False)) for _ in gap]
    grid = held_out_grid(examples, gap, gum, SETTINGS)
    assert set(grid) == set(THRESHOLDS)
    assert len(SPLITS) > 1
    assert grid[0.05][0] == pytest.approx(1.0)  # the subject, always right, is learnt
    scores = [held_out_scores([*gap, *gum], SETTINGS, split) for split in SPLITS]
    assert all(len(s) == len(gap) + len(gum) for s in scores)
    assert scores[0] != scores[1]  # another split into folds, other held-out scores
    people = [i for i, p in enumerate(gum) if p.personal]
    each = [_pronoun_f1(gum, s[len(gap) :], people, 0.7) for s in scores]
    assert grid[0.7][1] == pytest.approx(sum(each) / len(SPLITS))


def test_the_report_prints_the_nested_estimate_when_asked() -> None:
    about = {
        "round": 1,
        "threshold": 0.05,
        "held_out_gap_f1": {"0.05": 0.7},
        "held_out_gum_he_she_f1": {"0.05": 0.6},
        "held_out_gum_it_they_f1": {"0.05": 0.2},
    }
    plain = Training(rounds=[about], out="ranker.json.gz")
    assert "nested" not in plain.render() and "nested_gap_f1" not in plain.to_dict()
    nested = Training(rounds=[about], out="ranker.json.gz", nested=(0.71, 0.72))
    assert "GAP F1 0.7100, GUM he/she F1 0.7200" in nested.render()
    assert nested.to_dict()["nested_gap_f1"] == 0.71
