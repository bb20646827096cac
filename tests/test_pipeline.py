"""How the pipeline composes the stages: hints, overrides, ids and the crawl date."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.pipeline import prepare
from newsgraph.records import Document, Metadata, text_id

PAGE = """Council approves the harbour bridge repairs

By Maren Holt | March 3, 2025

The Port Elvin city council voted on Monday to fund emergency repairs to the bridge.
"""


def test_published_option_overrides_the_article_date() -> None:
    prepared = prepare(Document(text=PAGE, published="2025-03-05"))
    assert prepared.metadata.published == "2025-03-05"
    assert prepare(Document(text=PAGE)).metadata.published == "2025-03-03"


def test_container_hints_win_over_the_text() -> None:
    hints = Metadata(title="Given title", authors=("Ann Lee",))
    metadata = prepare(Document(text=PAGE, hints=hints)).metadata
    assert metadata.title == "Given title"
    assert metadata.authors == ("Ann Lee",)
    assert metadata.published == "2025-03-03"  # what the hints leave out still comes from text


def test_ids_are_stable_across_spacing_and_case() -> None:
    assert text_id("The  mayor\nsaid.") == text_id("the mayor said.")
    assert text_id("The mayor said.") != text_id("The mayor left.")


def test_given_id_is_kept() -> None:
    [article] = newsgraph.extract_documents(
        [Document(text="Wie spät ist es? Das wissen wir nicht genau.", id="abc", source="x")]
    )
    assert (article.id, article.source) == ("abc", "x")


def test_html_date_after_the_crawl_day_is_not_believed() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2030-01-01'></head>"
        "<body><article><p>Die Brücke wird im Mai wieder geöffnet, sagte der Bürgermeister am "
        "Montag in der Stadt.</p></article></body></html>"
    )
    fetched = Document(text=html, format="html", fetched="2024-05-01T10:00:00Z")
    assert prepare(fetched).metadata.published is None


@pytest.mark.model
def test_an_extractor_owns_its_model_and_settings() -> None:
    settings = newsgraph.load_settings(cue_model="none")
    with newsgraph.Extractor(settings) as extractor:
        article = extractor.extract(
            "Mayor Ann Lee said the bridge would reopen on Monday.", body_only=True
        )
        assert [q.speaker.name for q in article.quotes] == ["Ann Lee"]
        assert extractor.nlp.get_pipe("newsgraph_quotes").cue_model is None
        assert extractor.nlp is not newsgraph.Extractor().load().nlp  # one model per owner
    assert "nlp" not in extractor.__dict__  # closed: the model is let go
