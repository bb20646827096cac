"""The coreference component and its shipped ranker: where it runs, what file it reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from newsgraph.errors import ModelError
from newsgraph.nlp import components
from newsgraph.nlp.coref.ranker import DEFAULT_MODEL, Ranker, load_ranker, save_ranker


def test_the_shipped_ranker_names_its_data_and_has_a_threshold() -> None:
    ranker = load_ranker()
    assert 0.0 < ranker.threshold < 1.0
    assert ranker.weights
    trained_on = " ".join(ranker.about["trained_on"])
    assert "GAP" in trained_on and "GUM" in trained_on
    assert DEFAULT_MODEL.stat().st_size < 100_000  # small enough to ship in the package


def test_a_ranker_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "ranker.json.gz"
    save_ranker(Ranker(weights={"bias": 0.5, "rank=0": 1.25}, threshold=0.3), path)
    loaded = load_ranker(path)
    assert loaded.threshold == 0.3
    assert loaded.score(["bias", "rank=0"]) > loaded.score(["bias"])


def test_a_file_that_is_not_a_ranker_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nothing.json.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(ModelError):
        load_ranker(path)


def test_the_factory_reads_the_model_its_config_names(tmp_path: Path) -> None:
    path = tmp_path / "ranker.json.gz"
    save_ranker(Ranker(weights={"bias": -5.0}, threshold=0.9), path)
    components.register()
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("newsgraph_coref", config={"model": str(path)})
    assert pipe.ranker.threshold == 0.9


@pytest.mark.model
def test_coref_runs_after_entities_and_before_quotes(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("newsgraph_entities") < names.index("newsgraph_coref")
    assert names.index("newsgraph_coref") < names.index("newsgraph_quotes")


def test_a_doc_without_a_parse_or_entities_is_left_alone() -> None:
    components.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_entities")
    nlp.add_pipe("newsgraph_coref")
    doc = nlp("She said it was fine. Ilona Varga agreed.")
    assert doc._.ng_entities == ()
