"""A publication date from the input's file name (issue 14): the last fallback for
`published`, after the article's own date, its container's and a `--dates` sidecar's."""

from __future__ import annotations

import pytest

from newsgraph.extract.file_dates import date_in_name
from newsgraph.pipeline import prepare
from newsgraph.records import Document, Metadata


@pytest.mark.parametrize(
    ("source", "day"),
    [
        ("saved/2021-06-01-storm-warning.txt", "2021-06-01"),
        ("pages/ferry_20210601.html", "2021-06-01"),
        ("C:\\clips\\2019_11_30 council.txt", "2019-11-30"),
        ("https://example.org/local/flood-2020.03.15?ref=home", "2020-03-15"),
        ("shards/2022-02-28.jsonl#41", "2022-02-28"),
        ("WIRE19990213.0042.txt", "1999-02-13"),  # an agency's own naming
    ],
)
def test_a_day_in_the_file_name_is_read(source: str, day: str) -> None:
    assert date_in_name(source) == day


@pytest.mark.parametrize(
    "source",
    [
        "2021/06/01/storm.txt",  # folders name an archive, not the story's day
        "notes_20211345.txt",  # month 13: no calendar day
        "2021-0601-mixed.txt",  # two different separators
        "order-120210601.txt",  # digits that run on: part of a longer number
        "report-2021.txt",
        "-",
        None,
    ],
)
def test_no_day_is_read_from_other_names(source: str | None) -> None:
    assert date_in_name(source) is None


def test_the_file_name_date_is_the_last_fallback() -> None:
    text = "Ferries stopped on Monday after the storm."
    named = "clips/2021-06-01-ferries.txt"
    plain = prepare(Document(text=text, source=named, body_only=True))
    assert plain.metadata.published == "2021-06-01"
    sidecar = prepare(Document(text=text, source=named, sidecar_published="2021-05-30"))
    assert sidecar.metadata.published == "2021-05-30"
    container = Document(text=text, source=named, hints=Metadata(published="2021-05-29"))
    assert prepare(container).metadata.published == "2021-05-29"
    given = prepare(Document(text=text, source=named, published="2021-05-28"))
    assert given.metadata.published == "2021-05-28"
    assert prepare(Document(text=text, source="clips/ferries.txt")).metadata.published is None
