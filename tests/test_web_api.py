"""The HTTP API in-process: every endpoint, pagination, errors as JSON, escaping, limits."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app
from tests.web_samples import EVIL_NAME, HOSTILE, build_corpus, fake_analyse


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("web") / "corpus.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, fake_analyse, max_body=10_000, time_limit=2.0))


def _person(client: TestClient, name: str) -> dict[str, Any]:
    people = client.get("/api/people", params={"name": name}).json()["items"]
    assert len(people) == 1, people
    return dict(people[0])


def test_quotes_take_the_cli_filters(client: TestClient) -> None:
    rows = client.get("/api/quotes", params={"speaker": "Reyes"}).json()["items"]
    assert [r["speaker"] for r in rows] == ["Tom Reyes"] * 4
    assert [r["date"][:10] for r in rows] == sorted(r["date"][:10] for r in rows)
    rows = client.get("/api/quotes", params={"speaker": "Reyes", "since": "2025-09-10"}).json()
    assert rows["count"] == 2 and rows["filters"] == {"speaker": "Reyes", "since": "2025-09-10"}
    rows = client.get("/api/quotes", params={"text": "bridge", "type": "indirect"}).json()
    assert [r["article_id"] for r in rows["items"]] == ["bridge-1"]
    assert {"text": "bridge", "mark": True} in rows["items"][0]["parts"]
    outlet = client.get("/api/quotes", params={"outlet": "www.elvin-gazette.example"}).json()
    assert outlet["count"] == 4


def test_pagination_and_its_limits(client: TestClient) -> None:
    first = client.get("/api/quotes", params={"limit": 2}).json()
    second = client.get("/api/quotes", params={"limit": 2, "offset": 2}).json()
    assert first["count"] == second["count"] == 2
    assert first["items"] != second["items"]
    too_many = client.get("/api/quotes", params={"limit": 10_000})
    assert too_many.status_code == 422
    assert too_many.json()["status"] == 422 and "limit" in too_many.json()["reason"]


def test_articles_people_entities_timeline_sources_stats(client: TestClient) -> None:
    articles = client.get("/api/articles").json()["items"]
    assert {a["id"] for a in articles} == {"bridge-1", "strike-1", "strike-2", "hostile-1"}
    article = client.get("/api/articles/bridge-1").json()
    assert [q["id"] for q in article["quotes"]] == ["q1", "q2", "q3", "q4"]
    assert "".join(p["text"] for s in article["segments"] for p in s["parts"]) == (
        client.get("/api/articles/bridge-1").json()["segments"] and _body(article)
    )
    reyes = _person(client, "Tom Reyes")
    person = client.get(f"/api/people/{reyes['id']}").json()
    assert person["person"]["gender"] == "male"
    assert [w["quotes"] for w in person["weeks"]] == [2, 2]
    assert [p["n"] for p in person["chart"]["points"]] == [2, 0, 2]
    assert person["evidence"] and person["evidence"][0]["cue"] == "He"
    entities = client.get("/api/entities", params={"type": "GPE"}).json()["items"]
    port = next(e for e in entities if e["name"] == "Port Elvin")
    assert client.get(f"/api/entities/{port['id']}").json()["entity"]["articles"] == 2
    events = client.get("/api/timeline", params={"entity": "Port Elvin city council"}).json()
    assert [e["article_id"] for e in events["items"]] == ["bridge-1"]
    sources = client.get("/api/sources").json()["dimensions"]
    assert [d["by"] for d in sources] == ["all", "source", "outlet", "section", "month"]
    assert client.get("/api/stats").json()["articles"] == 4


def _body(article: dict[str, Any]) -> str:
    return "".join(p["text"] for s in article["segments"] for p in s["parts"])


def test_search_marks_the_words_in_snippets(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "bridge"}).json()
    assert [h["article_id"] for h in found["articles"]] == ["bridge-1"]
    assert {"text": "bridge", "mark": True} in found["articles"][0]["parts"]
    assert found["quotes"]["count"] == 1


def test_errors_are_json_with_a_status_and_a_reason(client: TestClient) -> None:
    for url, status in (
        ("/api/articles/nope", 404),
        ("/api/people/999999", 404),
        ("/api/quotes?since=June", 400),
        ("/api/quotes?speaker=%20", 400),
        ("/api/people/abc", 422),
        ("/api/nothing", 404),
    ):
        response = client.get(url)
        assert response.status_code == status, url
        assert response.json()["status"] == status and response.json()["reason"], url
    assert client.delete("/api/articles").status_code == 405  # nothing is writable


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    pages = ["/articles/hostile-1", "/", "/people", "/entities", "/sources", "/timeline"]
    eve = _person(client, EVIL_NAME)
    pages += [f"/people/{eve['id']}", "/?q=vote&speaker=" + EVIL_NAME]
    for url in pages:
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "onerror=alert(1)>" not in html and "<b>vote</b>" not in html, url
    article = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;alert(" in article and "&#34;&gt;&lt;img src=x" in article
    assert HOSTILE not in article


def test_hostile_queries_are_literal_or_clear_errors(client: TestClient) -> None:
    for text in ['"; DROP TABLE quotes; --', "<script>x</script>", "' OR 1=1 --", "%_", "NEAR("]:
        for name in ("speaker", "about", "text", "outlet"):
            response = client.get("/api/quotes", params={name: text})
            assert response.status_code in (200, 400), (name, text)
        page = client.get("/", params={"q": text, "speaker": text})
        assert page.status_code in (200, 400) and "<script>x" not in page.text
    assert client.get("/api/stats").json()["quotes"] == 11


def test_security_headers_on_pages_api_and_static(client: TestClient) -> None:
    for url in ("/", "/api/stats", "/static/app.css", "/api/nothing"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"], url
        assert headers["x-content-type-options"] == "nosniff"
    html = client.get("/articles/bridge-1").text
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script
    assert " style=" not in html and "http://" not in html.split("</head>")[0]


def test_extract_returns_a_record_and_stores_nothing(client: TestClient) -> None:
    text = '"The ferry will run all winter," said Maja Lindqvist at the harbour.'
    record = client.post("/api/extract", json={"text": text}).json()
    assert record["quotes"][0]["speaker"]["name"] == "Maja Lindqvist"
    assert client.get("/api/stats").json()["articles"] == 4


def test_request_bodies_are_capped(client: TestClient) -> None:
    response = client.post("/api/extract", json={"text": "x" * 20_000})
    assert response.status_code == 413
    assert response.json() == {"status": 413, "reason": response.json()["reason"]}


def test_a_slow_analysis_is_cut_off(db: Path) -> None:
    def slow(text: str, html: bool) -> dict[str, Any]:
        time.sleep(1.0)
        return fake_analyse(text, html)

    client = TestClient(create_app(db, slow, time_limit=0.2))
    response = client.post("/api/extract", json={"text": "slow"})
    assert response.status_code == 503 and "0.2 s" in response.json()["reason"]


def test_the_corpus_is_opened_read_only(db: Path) -> None:
    from newsgraph.web.app import Corpora

    corpus = Corpora(db).get()
    with pytest.raises(Exception, match="readonly"):
        corpus.connection.execute("DELETE FROM quotes")


def test_openapi_describes_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/quotes", "/api/articles/{article_id}", "/api/extract"} <= set(schema["paths"])
    assert not any(not path.startswith("/api/") for path in schema["paths"])


def test_serve_refuses_a_missing_corpus(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsgraph.cli.app import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no corpus here" in result.output
    assert not (tmp_path / "none.db").exists()
