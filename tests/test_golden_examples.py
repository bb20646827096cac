"""Golden tests on the bundled example articles (our own fictional stories): exact metadata,
and snippets the record must and must not contain where exact output would be brittle."""

from __future__ import annotations

from typing import Any

import pytest

import newsgraph
from tests.conftest import REPO

pytestmark = pytest.mark.model
EXAMPLES = REPO / "examples"

GOLDEN: dict[str, dict[str, Any]] = {
    "harbour-bridge-vote.txt": {
        "metadata": {
            "title": "Council approves repairs to the old harbour bridge",
            "section": "Local News",
            "authors": ["Maren Holt", "Tomasz Wierzbicki"],
            "published": "2025-03-03",
            "views": None,
            "language": "en",
            "url": None,
            "site": None,
            "agency": None,
        },
        "body_starts": "The Port Elvin city council voted 7 to 2 on Monday",
        "body_without": ["Share", "Follow us", "Tags:", "0 Comments", "©", "4 min read"],
        "entities": {("PERSON", "Ingrid Salvesen"), ("PERSON", "Paula Okafor")},
        "quotes": [
            ("direct", "Ingrid Salvesen", "said", "We cannot keep asking families"),
            ("direct", "Ingrid Salvesen", None, "This bridge is how half of this town"),
            ("indirect", "Paula Okafor", "told", "the bridge would reopen to all traffic"),
        ],
        "times": {("Monday", "2025-03-03"), ("the end of August", "2025-08")},
    },
    "glacier-research.txt": {
        "metadata": {
            "title": "Researchers map meltwater channels beneath the Ostra glacier",
            "section": "Science",
            "authors": ["Lena Fischbach"],
            "published": "2025-11-14",
            "views": 1284,
            "language": "en",
            "url": None,
            "site": None,
            "agency": None,
        },
        "body_starts": "A team from the University of Nordhaven has mapped",
        "body_without": ["Read more", "Subscribe", "1,284 views", "Posted on"],
        "entities": {("PERSON", "Aino Lehtonen"), ("ORG", "University of Nordhaven")},
        "quotes": [
            ("direct", "Aino Lehtonen", "said", "It is like finding the plumbing"),
            ("indirect", "Aino Lehtonen", "said", "the team would return next spring"),
        ],
        "times": {("next spring", "2026-SP"), ("next year", "2026")},
    },
    "market-strike.txt": {
        "metadata": {
            "title": "Dockworkers at Vellmar port begin three-day strike over pay",
            "section": "Business",
            "authors": ["Samuel Achterberg"],
            "published": "2025-09-02",
            "views": None,
            "language": "en",
            "url": None,
            "site": None,
            "agency": "Reuters",
        },
        "body_starts": "Dockworkers at the port of Vellmar walked off the job",
        "body_without": ["By Samuel", "Reuters", "Tuesday 2nd September"],
        "entities": {("PERSON", "Carla Moreau")},
        "quotes": [
            ("direct", "Carla Moreau", "told", "Our members have kept this port running"),
            ("indirect", "The port authority", "said", "talks would resume on Thursday"),
            ("indirect", "A spokesman", "said", "it hoped to reach an agreement"),
        ],
        "times": {("Tuesday", "2025-09-02"), ("Thursday", "2025-09-04"), ("last week", "2025-W35")},
    },
    "no-metadata.txt": {
        "metadata": {
            "title": None,
            "section": None,
            "authors": [],
            "published": None,
            "views": None,
            "language": "en",
            "url": None,
            "site": None,
            "agency": None,
        },
        "body_starts": "The village library of Kessleton reopened on Saturday",
        "body_without": [],
        "entities": {("PERSON", "Joan Abernathy")},
        "quotes": [],
        # Without a publication date relative times stay underspecified, never guessed.
        "times": {("Saturday", "XXXX-WXX-6")},
    },
}


@pytest.fixture(scope="module")
def records(nlp: Any) -> dict[str, dict[str, Any]]:
    names = sorted(GOLDEN)
    texts = [(EXAMPLES / name).read_text(encoding="utf-8") for name in names]
    return {n: a.to_dict() for n, a in zip(names, newsgraph.extract_many(texts), strict=True)}


def test_every_example_has_a_golden_entry() -> None:
    assert {p.name for p in EXAMPLES.glob("*.txt")} == set(GOLDEN)


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_metadata_and_body(records: dict[str, dict[str, Any]], name: str) -> None:
    record, golden = records[name], GOLDEN[name]
    assert record["metadata"] == golden["metadata"]
    assert record["body"].startswith(golden["body_starts"])
    for snippet in golden["body_without"]:
        assert snippet not in record["body"], snippet


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_entities_quotes_and_times(records: dict[str, dict[str, Any]], name: str) -> None:
    record, golden = records[name], GOLDEN[name]
    assert golden["entities"] <= {(e["type"], e["name"]) for e in record["entities"]}
    found = [
        (q["type"], q["speaker"]["name"], q["cue"]["text"] if q["cue"] else None, q["text"])
        for q in record["quotes"]
    ]
    for kind, speaker, cue, start in golden["quotes"]:
        assert any(f[:3] == (kind, speaker, cue) and f[3].startswith(start) for f in found), (
            start,
            found,
        )
    assert golden["times"] <= {(t["text"], t["value"]) for t in record["times"]}
