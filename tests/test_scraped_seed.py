"""The seed article: its scraped-text metadata and body against the hand-made gold."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsgraph.extract.text.page import parse_scraped
from newsgraph.records import Metadata
from tests.conftest import SEED, shared_path


def _seed() -> tuple[str, dict[str, Any]]:
    text = shared_path(f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads(shared_path(f"{SEED}.gold.json").read_text(encoding="utf-8"))
    return text, gold


def test_seed_metadata_matches_gold_except_language() -> None:
    text, gold = _seed()
    page = parse_scraped(text)
    # The gold predates url, site and agency: read through the record, they are unknown.
    expected = dict(Metadata.from_dict(gold["metadata"]).to_dict(), language=None)
    assert page.metadata.to_dict() == expected


def test_seed_body_starts_and_excludes_as_gold_says() -> None:
    text, gold = _seed()
    body = parse_scraped(text).body
    assert body.startswith(gold["body_starts_with"])
    for unwanted in gold["body_must_not_contain"]:
        assert unwanted not in body
    assert "\n\n\n" not in body and body == body.strip()


@pytest.mark.model
def test_seed_article_through_extract_gives_gold_metadata(nlp: Any) -> None:
    import newsgraph

    text, gold = _seed()
    article = newsgraph.extract(text)  # the model is cached: `nlp` loaded it already
    assert article.metadata.to_dict() == Metadata.from_dict(gold["metadata"]).to_dict()
    assert article.body.startswith(gold["body_starts_with"])
    for unwanted in gold["body_must_not_contain"]:
        assert unwanted not in article.body


@pytest.mark.model
def test_seed_through_the_command_line(nlp: Any) -> None:
    from click.testing import CliRunner

    from newsgraph.cli import cli

    path = shared_path(f"{SEED}.txt")
    _, gold = _seed()
    result = CliRunner().invoke(cli, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert record["metadata"] == Metadata.from_dict(gold["metadata"]).to_dict()
    assert record["body"].startswith(gold["body_starts_with"])
    assert not any(unwanted in record["body"] for unwanted in gold["body_must_not_contain"])
