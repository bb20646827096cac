"""The real pipeline behind the web app: the seed article ingested, its page and its
speaker's page; and POST /api/extract with the Extractor, as `newsgraph serve` wires it."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Corpus
from newsgraph.web import create_app
from tests.conftest import SEED, shared_path

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, str]:
    from newsgraph.cli.serve import ExtractorAnalyse
    from newsgraph.pipeline import default_extractor

    text = shared_path(SEED + ".txt").read_text(encoding="utf-8")
    article = default_extractor().extract(text)
    db = tmp_path_factory.mktemp("seed") / "corpus.db"
    with Corpus(db) as corpus:
        corpus.add(article)
    return TestClient(create_app(db, ExtractorAnalyse(), time_limit=120.0)), str(article.id)


def test_the_seed_article_page_links_every_stoltenberg_quote(
    seeded: tuple[TestClient, str],
) -> None:
    client, article_id = seeded
    data = client.get(f"/api/articles/{article_id}").json()
    his = [q for q in data["quotes"] if "Stoltenberg" in (q["speaker"]["name"] or "")]
    assert len(his) >= 3
    person = {q["person"] for q in his}
    assert len(person) == 1 and None not in person
    html = client.get(f"/articles/{article_id}").text
    marked = set(re.findall(r'<mark class="quote [^"]*" id="(q\d+)"', html))
    assert marked == {q["id"] for q in data["quotes"]}  # every quote highlighted
    for quote in his:
        mark = re.search(rf'<mark class="quote [^"]*" id="{quote["id"]}"', html)
        assert mark, quote["id"]
        link = f'href="/people/{next(iter(person))}" aria-label="{quote["id"]} speaker'
        assert link in html, quote["id"]
    page = client.get(f"/api/people/{next(iter(person))}").json()
    assert page["person"]["name"] == "Jens Stoltenberg"
    assert sum(p["n"] for p in page["chart"]["points"]) == len(his) == page["person"]["quotes"]
    person_html = client.get(f"/people/{next(iter(person))}").text
    assert person_html.count('class="point"') == len(page["chart"]["points"])


def test_extract_with_the_real_pipeline(seeded: tuple[TestClient, str]) -> None:
    client, _ = seeded
    text = (
        "Harbour council approves ferry subsidy\n\n"
        '"The ferry will run all winter," said Mayor Lena Fisk on Monday. '
        "She said the council had found the money."
    )
    response = client.post("/api/extract", json={"text": text})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["schema"] == "newsgraph/article/v1"
    assert any(q["speaker"]["name"] == "Lena Fisk" for q in record["quotes"])
    html = (
        "<html><head><title>Ferry</title></head><body><article><p>"
        + text
        + "</p></article></body></html>"
    )
    assert client.post("/api/extract", json={"text": html, "html": True}).status_code == 200
