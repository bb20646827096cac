"""`newsgraph eval coref gap|gum`: readers, MUC and B³ on hand-scored chains, the GAP and GUM
scores on hand-made records, and the gates on the shared development data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.chains import Chain, b_cubed, muc
from newsgraph.evaluate.conll import read_conll, read_conll_folder
from newsgraph.evaluate.gap import GapExample, evaluate_gap, predict, read_gap
from newsgraph.evaluate.gap import Report as GapReport
from newsgraph.evaluate.gum import evaluate_gum, score_document, token_range
from newsgraph.evaluate.mentions import gold_kind, head, lower_words
from newsgraph.records import Article, Entity, Mention, Metadata
from tests.conftest import shared_path

# Floors pinned from the figures printed on 2026-12-01 with the coreference step, rounded
# down: they may rise, never silently fall (GAP validation is measured, never tuned on).
# Printed 2026-12-01 after the third pass (speakers, quotations, clauses) and the description
# rules: overall 0.654, masculine 0.663, feminine 0.645, bias 0.972. Printed 2026-12-01 with
# first-name genders, topic ranks, untagged subjects and places (GAP pass, ranker
# retrained): overall 0.676, masculine 0.656, feminine 0.696, bias 1.062. Masculine moved
# 0.66 -> 0.65 in the open (one example's worth; development masculine rose 0.699 -> 0.720).
# Raised 2026-12-01 with the parse-path features and sure gender votes (ranker retrained):
# printed overall 0.688, masculine 0.667, feminine 0.708, bias 1.062. Raised 2026-12-02 with
# the two entity passes and the clause-subject pass merged, the ranker retrained: printed
# overall 0.706, masculine 0.705, feminine 0.707, bias 1.002.
# Raised 2026-12-03, later, with the speakers' turns, places and bodies, descriptions and
# relatives' names passes merged (ranker unchanged): printed overall 0.723, masculine 0.708,
# feminine 0.737, bias 1.041.
GAP_FLOORS = {"overall": 0.72, "masculine": 0.70, "feminine": 0.73}
# Feminine F1 over masculine F1: the target (lowered to 0.93 and 0.92 on the way,
# in the open; back to 0.95 with the printed 0.972). Over 227 examples a gender the ratio
# moves by about 0.05 from noise alone: when a right change takes it below, say so.
GAP_BIAS_FLOOR = 0.95
# Descriptions raised from 0.03 on 2026-12-01 with the description rules (0.031 → 0.100).
# Raised with every pass of 2026-12-01 merged (printed 0.330, 0.146, 0.394, 0.302); MUC raised
# with the names pass and the ranker retrained on it (printed 0.331, 0.146, 0.402, 0.309).
# Descriptions raised 2026-12-03 with the descriptions pass (printed 0.331, 0.215, 0.407,
# 0.315); B³ raised with all of 2026-12-03's passes merged (printed the same).
# Descriptions raised 2026-12-03, later, with the second descriptions pass (printed 0.334,
# 0.231, 0.408, 0.317).
GUM_FLOORS = {
    "person_pronouns": 0.33,
    "descriptions": 0.23,
    "muc": 0.40,
    "b_cubed": 0.31,
}

# Fictional text. Offsets: "Maren Holt" 0, "Ilse Brandt" 15, "she" 34.
GAP_TEXT = "Maren Holt met Ilse Brandt before she left; Ilse thanked Maren."
HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n"


def _gap_row(pronoun: str, offset: int, a_coref: str, b_coref: str) -> str:
    fields = ["t-1", GAP_TEXT, pronoun, str(offset), "Maren Holt", "0", a_coref]
    return "\t".join([*fields, "Ilse Brandt", "15", b_coref, "http://x"]) + "\n"


def _record(text: str, entities: list[Entity]) -> Article:
    return Article(metadata=Metadata(), body=text, entities=tuple(entities))


def _mention(text: str, word: str, start: int, kind: str = "name") -> Mention:
    assert text[start : start + len(word)] == word
    return Mention(start, start + len(word), word, kind)  # type: ignore[arg-type]


# --- MUC and B³, scored by hand -------------------------------------------------------------


def _chains(*groups: str) -> list[Chain]:
    return [frozenset(group) for group in groups]


def test_muc_vilain_example() -> None:
    # Key {A B C D}; response {A B} {C D}: recall (4 - 2) / (4 - 1) = 2/3; precision 2/2 = 1.
    scores = muc(_chains("ABCD"), _chains("AB", "CD"))
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.precision == 1.0
    assert scores.f1 == pytest.approx(0.8)


def test_muc_counts_a_missing_mention_as_its_own_part() -> None:
    # Key {A B C}; response {A B}: C is in no response chain, so p(key) = {A B} {C}:
    # recall (3 - 2) / 2 = 1/2; precision (2 - 1) / 1 = 1.
    scores = muc(_chains("ABC"), _chains("AB"))
    assert (scores.recall, scores.precision) == (0.5, 1.0)


def test_b_cubed_merged_chains() -> None:
    # Key {a b c d e} {f g}; response one chain {a b c d e f g}.
    # Recall: every mention's chain is wholly found: 1. Precision: a..e score 5/7 each,
    # f and g 2/7 each: (5 * 5/7 + 2 * 2/7) / 7 = 29/49.
    scores = b_cubed(_chains("abcde", "fg"), _chains("abcdefg"))
    assert scores.recall == pytest.approx(1.0)
    assert scores.precision == pytest.approx(29 / 49)


def test_b_cubed_twinless_mentions_score_zero() -> None:
    # Key {a b}; response {a x}: recall (a: 1/2, b: 0) / 2 = 1/4; precision (a: 1/2, x: 0) / 2.
    scores = b_cubed(_chains("ab"), _chains("ax"))
    assert scores.recall == pytest.approx(0.25)
    assert scores.precision == pytest.approx(0.25)


def test_chain_scores_pool_by_summing() -> None:
    pooled = muc(_chains("ABCD"), _chains("AB", "CD")) + muc(_chains("EF"), _chains("EF"))
    assert pooled.recall == pytest.approx(3 / 4)  # (2 + 1) / (3 + 1)


# --- GAP ------------------------------------------------------------------------------------


def test_read_gap_rows(tmp_path: Path) -> None:
    path = tmp_path / "gap.tsv"
    path.write_text(HEADER + _gap_row("she", 34, "FALSE", "TRUE"), encoding="utf-8")
    [example] = read_gap(path)
    assert example.text[example.pronoun_offset :].startswith("she")
    assert (example.a.name, example.a.coref, example.b.coref) == ("Maren Holt", False, True)
    assert example.gender == "feminine"


def test_read_gap_refuses_other_files(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="not a GAP file"):
        read_gap(path)
    path.write_text(HEADER + "t-1\ttext\tshe\tnot-a-number\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"x\.tsv:2"):
        read_gap(path)


def _gap_example(tmp_path: Path) -> GapExample:
    path = tmp_path / "gap.tsv"
    path.write_text(HEADER + _gap_row("she", 34, "FALSE", "TRUE"), encoding="utf-8")
    return read_gap(path)[0]


def test_gap_pronoun_in_the_names_entity_is_its_antecedent(tmp_path: Path) -> None:
    example = _gap_example(tmp_path)
    ilse = Entity(
        "e2",
        "Ilse Brandt",
        "PERSON",
        (_mention(GAP_TEXT, "Ilse Brandt", 15), _mention(GAP_TEXT, "she", 34, "pronoun")),
    )
    maren = Entity("e1", "Maren Holt", "PERSON", (_mention(GAP_TEXT, "Maren Holt", 0),))
    assert predict(example, _record(GAP_TEXT, [maren, ilse])) == (False, True)
    # Names alone (today's record) say nothing about the pronoun.
    assert predict(example, _record(GAP_TEXT, [maren])) == (False, False)


def test_gap_one_mention_over_both_words_is_not_a_link(tmp_path: Path) -> None:
    example = _gap_example(tmp_path)
    long = Entity("e1", "x", "PERSON", (_mention(GAP_TEXT, "Ilse Brandt before she", 15),))
    assert predict(example, _record(GAP_TEXT, [long])) == (False, False)


def test_gap_report_f1_and_bias(tmp_path: Path) -> None:
    example = _gap_example(tmp_path)
    wrong = Entity(
        "e1",
        "Maren Holt",
        "PERSON",
        (_mention(GAP_TEXT, "Maren Holt", 0), _mention(GAP_TEXT, "she", 34, "pronoun")),
    )
    report = GapReport(path="x")
    report.add(example, _record(GAP_TEXT, [wrong]))  # A predicted, B gold: fp 1, fn 1
    feminine = report.to_dict()["feminine"]
    assert (feminine["true_positive"], feminine["false_positive"]) == (0, 1)
    assert feminine["false_negative"] == 1 and feminine["f1"] == 0.0
    assert report.to_dict()["masculine"]["pairs"] == 0
    assert report.bias == 0.0  # no masculine F1 to divide by
    assert "feminine" in report.render()


# --- CoNLL reader and GUM scores --------------------------------------------------------------

# Fictional: "Councillor Anna Berg said she would resign . The councillor left ." and a
# second sentence; Anna Berg (person-1) is named, then "she", then a description.
CONLL = (
    "# begin document GUM_news_fiction\n"
    "0\tCouncillor\t(person-1\n"
    "1\tAnna\t_\n"
    "2\tBerg\tperson-1)\n"
    "3\tsaid\t_\n"
    "4\tshe\t(person-1)\n"
    "5\twould\t_\n"
    "6\tresign\t(event-2)\n"
    "7\t.\t_\n"
    "\n"
    "0\tThe\t(person-1\n"
    "1\tcouncillor\tperson-1)\n"
    "2\tleft\t_\n"
    "3\tthe\t(organization-3(place-4\n"
    "4\tcity\tplace-4)\n"
    "5\tcouncil\torganization-3)\n"
    "6\t.\t_\n"
    "\n"
    "# end document\n"
)


def _conll(tmp_path: Path) -> Path:
    path = tmp_path / "GUM_news_fiction.conll"
    path.write_text(CONLL, encoding="utf-8")
    return path


def test_conll_reader_mentions_nesting_and_text(tmp_path: Path) -> None:
    [document] = read_conll(_conll(tmp_path))
    assert document.genre == "news"
    assert document.sentence_starts == (0, 8)
    spans = {(m.first, m.last, m.entity, m.type) for m in document.mentions}
    assert spans == {
        (0, 2, "1", "person"),
        (4, 4, "1", "person"),
        (6, 6, "2", "event"),
        (8, 9, "1", "person"),
        (11, 13, "3", "organization"),
        (11, 12, "4", "place"),
    }
    text, offsets = document.text_and_offsets()
    assert text.split("\n")[1] == "The councillor left the city council ."
    assert all(text[s:e] == w for (s, e), w in zip(offsets, document.words, strict=True))


def test_conll_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no CoNLL"):
        read_conll_folder(tmp_path)
    bad = tmp_path / "bad.conll"
    bad.write_text("# begin document d\n0\tx\tperson-1)\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad\.conll:2"):
        list(read_conll(bad))


def test_mention_kinds_and_heads() -> None:
    words = [
        "Researchers",
        "say",
        "the",
        "president",
        "of",
        "Vellmar",
        "Port",
        "met",
        "her",
        ".",
        "researchers",
    ]
    starts, lower = frozenset({0}), lower_words(words)
    assert gold_kind(words, 0, 0, starts, lower) == "description"  # capitalised by its place
    assert gold_kind(words, 2, 5, starts, lower) == "description"
    assert head(words, 2, 6) == 3  # "president", before "of"
    assert gold_kind(words, 5, 6, starts, lower) == "name"
    assert gold_kind(words, 8, 8, starts, lower) == "pronoun"


def test_token_range_maps_characters_to_tokens() -> None:
    starts, ends = [0, 4, 10], [3, 9, 12]  # "abc defgh ij"
    assert token_range(starts, ends, 4, 9) == (1, 1)
    assert token_range(starts, ends, 2, 11) == (0, 2)
    assert token_range(starts, ends, 3, 4) is None  # the space alone


def _gum_record(text: str, with_pronoun: bool) -> Article:
    name = text.index("Anna Berg")
    mentions = [Mention(name, name + 9, "Anna Berg")]
    if with_pronoun:
        she = text.index(" she ") + 1
        mentions.append(Mention(she, she + 3, "she", "pronoun"))
    council = text.index("city council")
    return _record(
        text,
        [
            Entity("e1", "Anna Berg", "PERSON", tuple(mentions)),
            Entity("e2", "city", "ORG", (Mention(council, council + 4, "city"),)),
        ],
    )


def test_gum_document_scores(tmp_path: Path) -> None:
    [document] = read_conll(_conll(tmp_path))
    text, offsets = document.text_and_offsets()
    scores = score_document(document, offsets, _gum_record(text, with_pronoun=True))
    # "she" is a person pronoun of the chain named "Councillor Anna Berg" (head "Berg", which
    # the system's "Anna Berg" shares): right. "The councillor" is a description: missed.
    assert (scores.shares["person_pronouns"].right, scores.shares["person_pronouns"].total) == (
        1,
        1,
    )
    assert (scores.shares["descriptions"].right, scores.shares["descriptions"].total) == (0, 1)
    # Gold chains: person {0-2, 4, 8-9}, organization {11-13}. System: {0-2 (head Berg), 4},
    # and "city" (11-11, head city) aligned by head with nothing (the org's head is "council"),
    # so twinless. MUC recall (3 - 2) / 2 + 0 = 1/2; precision (2 - 1) / (1 + 0) = 1.
    assert scores.muc.recall == pytest.approx(0.5)
    assert scores.muc.precision == pytest.approx(1.0)
    # B³ recall: person chain mentions 2/3, 2/3, 0; org 0 → (4/3) / 4 = 1/3;
    # precision: system mentions 1, 1, 0 (twinless "city") → 2/3.
    assert scores.b_cubed.recall == pytest.approx(1 / 3)
    assert scores.b_cubed.precision == pytest.approx(2 / 3)
    names_only = score_document(document, offsets, _gum_record(text, with_pronoun=False))
    assert names_only.shares["person_pronouns"].right == 0


# --- the gates ------------------------------------------------------------------------------


@pytest.mark.gate
def test_gate_gap_validation() -> None:
    report = evaluate_gap(shared_path("data", "gap", "gap-validation.tsv")).to_dict()
    assert report["overall"]["examples"] == 454
    assert report["misaligned"] == 0
    for name, floor in GAP_FLOORS.items():
        assert report[name]["f1"] >= floor, (name, report[name])
    assert report["bias"] >= GAP_BIAS_FLOOR, report["bias"]


@pytest.mark.gate
def test_gate_gum_dev() -> None:
    report = evaluate_gum(shared_path("data", "gum", "dev")).to_dict()
    assert report["documents"] == 30
    every = report["all"]
    for name in ("person_pronouns", "descriptions"):
        assert every[name]["accuracy"] >= GUM_FLOORS[name], (name, every[name])
    for name in ("muc", "b_cubed"):
        assert every[name]["f1"] >= GUM_FLOORS[name], (name, every[name])
