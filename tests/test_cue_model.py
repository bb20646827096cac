"""The learned cue scorer: its fit, its file, its features, its cues and `newsgraph train cues`.

The fit and the file are tested on hand-made examples; features and cues on short sentences
through the real pipeline; the training command on a tiny folder in PolNeAR's layout written
here (two annotated articles), so that it needs no shared data.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.errors import ModelError
from newsgraph.nlp.cues.model import (
    DEFAULT_MODEL,
    MODEL_FORMAT,
    CueModel,
    load_cue_model,
    save_cue_model,
)
from newsgraph.nlp.quotes.component import find_quotes
from newsgraph.train.cue_corpus import FitSettings, fit


def _examples() -> tuple[list[list[str]], list[int]]:
    rows = [["bias", "lemma=say", "clause=1"]] * 20 + [["bias", "lemma=eat", "clause=0"]] * 20
    return rows, [1] * 20 + [0] * 20


def test_fit_learns_the_telling_features_and_repeats_itself() -> None:
    rows, labels = _examples()
    weights = fit(rows, labels, FitSettings(epochs=20, batch=8))
    assert weights["lemma=say"] > 0 > weights["lemma=eat"]
    model = CueModel(weights, add_threshold=0.5, drop_threshold=0.1)
    assert model.score(rows[0]) > 0.9 > 0.1 > model.score(rows[-1])
    assert fit(rows, labels, FitSettings(epochs=20, batch=8)) == weights  # seeded


def test_fit_drops_features_seen_once() -> None:
    rows, labels = _examples()
    weights = fit([*rows, ["bias", "lemma=rare"]], [*labels, 1], FitSettings(epochs=2))
    assert "lemma=rare" not in weights


def test_model_file_round_trip(tmp_path: Path) -> None:
    model = CueModel({"bias": -1.23456, "lemma=say": 2.5}, 0.6, 0.05, 0.8, {"trained_on": "train"})
    path = tmp_path / "cues.json.gz"
    save_cue_model(model, path)
    loaded = load_cue_model(path)
    assert loaded.weights == {"bias": -1.2346, "lemma=say": 2.5}
    assert (loaded.add_threshold, loaded.drop_threshold, loaded.nest_threshold) == (0.6, 0.05, 0.8)
    assert loaded.about == {"trained_on": "train"}


@pytest.mark.parametrize(
    "content", [b"not gzip", gzip.compress(b"[1, 2]"), gzip.compress(b'{"format": "other"}')]
)
def test_a_bad_model_file_is_a_model_error_naming_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.json.gz"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=r"bad\.json\.gz"):
        load_cue_model(path)


def test_the_shipped_model_was_trained_on_polnear_train_only() -> None:
    with gzip.open(DEFAULT_MODEL, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["format"] == MODEL_FORMAT
    assert data["about"]["trained_on"].endswith("polnear/data/train")
    assert 0 <= data["drop_threshold"] < data["add_threshold"] < 1  # 0: drops no rule cue
    assert data["add_threshold"] <= data["nest_threshold"] <= 1
    assert len(data["weights"]) > 1000


@pytest.mark.model
def test_features_see_the_word_its_clause_and_the_quotation_marks(nlp: Any) -> None:
    from newsgraph.nlp.cues.features import candidate_features
    from newsgraph.train.cue_corpus import quoted_spans

    doc = nlp('The mayor said that the bridge is closed. "We never said it," she added.')
    features = dict(candidate_features(doc, quoted_spans(doc)))
    said, quoted_said = (t.i for t in doc if t.text == "said")
    assert {"lemma=say", "clause_that", "quoted=0", "subject=other_NOUN"} <= set(features[said])
    assert "quoted=1" in features[quoted_said]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "head"),
    [
        ("The mayor has said that the bridge is closed.", "has said", "said"),
        ("Clinton is confident that she will win.", "is confident", "confident"),
        ("According to the police, the road is shut.", "According to", "According"),
    ],
)
def test_a_gold_cue_is_learned_on_its_reporting_word(
    nlp: Any, text: str, cue: str, head: str
) -> None:
    from newsgraph.train.cue_corpus import gold_cue_heads

    doc = nlp(text)
    start = text.index(cue)
    [index] = gold_cue_heads(doc, [((start, start + len(cue)),)])
    assert doc[index].text == head


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Clinton is confident that she will win.", "confident", "Clinton"),
        ("The minister repeated his claim that the tax was fair.", "claim", "his"),
    ],
)
def test_a_word_the_model_picks_becomes_a_cue_with_source_and_content(
    nlp: Any, text: str, cue: str, source: str
) -> None:
    from newsgraph.nlp.quotes.learned import learned_cue

    doc = nlp(text)
    [word] = [t for t in doc if t.text == cue]
    match = learned_cue(word)
    assert match is not None and match.source is not None
    assert doc[match.source[0] : match.source[1]].text == source
    assert match.content


@pytest.mark.model
def test_a_high_add_threshold_keeps_the_rules_alone(nlp: Any) -> None:
    doc = nlp(
        "Officials said that the bridge is closed. The governor made clear that she would veto it."
    )
    rules_only = find_quotes(doc)
    silent = CueModel({}, add_threshold=1.0, drop_threshold=0.0)
    assert find_quotes(doc, silent) == rules_only
    vetoing = CueModel({"bias": -10.0}, add_threshold=1.0, drop_threshold=0.5)
    assert find_quotes(doc, vetoing) == ()


ARTICLES = {
    "a": (
        "Officials said that the bridge is closed. The mayor made clear that repairs will take"
        " a year.",
        [(0, 9, 10, 14, 15, 40), (42, 51, 57, 62, 63, 92)],
    ),
    "b": (
        "The council warned that taxes would rise. Its chair voiced the hope that they would not.",
        [(0, 11, 12, 18, 19, 40), (42, 51, 63, 67, 68, 87)],
    ),
}


def _polnear_folder(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, (text, spans) in ARTICLES.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        lines = []
        for n, (s0, s1, c0, c1, t0, t1) in enumerate(spans):
            ids = [f"T{3 * n + k}" for k in (1, 2, 3)]
            lines += [
                f"{ids[0]}\tSource {s0} {s1}\t{text[s0:s1]}",
                f"{ids[1]}\tCue {c0} {c1}\t{text[c0:c1]}",
                f"{ids[2]}\tContent {t0} {t1}\t{text[t0:t1]}",
                f"E{n + 1}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}",
            ]
        (root / "attributions" / f"{name}_x.ann").write_text("\n".join(lines), encoding="utf-8")
    return root


@pytest.mark.model
def test_train_cues_command_writes_a_model_and_prints_the_grid(tmp_path: Path) -> None:
    folder = _polnear_folder(tmp_path / "polnear")
    out = tmp_path / "cues.json.gz"
    result = CliRunner().invoke(
        cli, ["train", "cues", str(folder), "--out", str(out), "--folds", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["documents"] == 2 and printed["positives"] == 4
    assert printed["chosen"] in printed["grid"]
    model = load_cue_model(out)
    assert model.about["trained_on"] == folder.as_posix()
    assert model.add_threshold == printed["chosen"]["add"]


def test_the_setting_chooses_the_cue_model_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.nlp.cues.model import DEFAULT_MODEL, cue_model_config
    from newsgraph.nlp.model import component_configs
    from newsgraph.settings import load_settings

    # The setting becomes the quote component's config; the factory never reads it.
    assert cue_model_config("none") is None
    assert cue_model_config(None) == {"@misc": "newsgraph.cue_model.v1", "path": str(DEFAULT_MODEL)}
    path = tmp_path / "mine.json.gz"
    save_cue_model(CueModel({"bias": 1.0}, 0.5, 0.1), path)
    monkeypatch.setenv("NEWSGRAPH_CUE_MODEL", str(path))
    config = component_configs(load_settings())["newsgraph_quotes"]["cue_model"]
    assert config == {"@misc": "newsgraph.cue_model.v1", "path": str(path)}


@pytest.mark.model
def test_the_cue_model_is_part_of_the_quote_components_config(tmp_path: Path) -> None:
    from newsgraph.nlp.model import build_pipeline
    from newsgraph.settings import Settings

    path = tmp_path / "mine.json.gz"
    save_cue_model(CueModel({"bias": 1.0}, 0.5, 0.1), path)
    nlp = build_pipeline(Settings(cue_model=str(path)))
    assert nlp.get_pipe("newsgraph_quotes").cue_model.weights == {"bias": 1.0}
    assert nlp.config["components"]["newsgraph_quotes"]["cue_model"]["path"] == str(path)
    assert build_pipeline(Settings(cue_model="none")).get_pipe("newsgraph_quotes").cue_model is None
