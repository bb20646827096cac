"""`--dates FILE`: publication dates given beside the inputs, by path, URL or id, used when an
article shows no date of its own; a malformed file is one error naming its file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.ingest import PublicationDates, ReadOptions, SidecarError, read_dates, read_inputs
from newsgraph.pipeline import prepare
from newsgraph.records import Document

# A scraped text with no date line: "on Saturday" needs the publication date.
UNDATED = (
    "Harbour ferries return\n\nThe harbour ferries will run again on Saturday, officials said.\n"
)
DATED = (
    "Harbour ferries return\n\nMarch 3, 2020\n\nThe harbour ferries will run again on Saturday.\n"
)


def _documents(inputs: list[str], dates: PublicationDates) -> list[Document]:
    items = list(read_inputs(inputs, ReadOptions(dates=dates)))
    assert all(isinstance(item, Document) for item in items), items
    return [item for item in items if isinstance(item, Document)]


def _published(document: Document) -> str | None:
    return prepare(document).metadata.published


def test_a_csv_with_a_header_dates_files_by_path(tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "ferries.txt").write_text(UNDATED)
    (tmp_path / "news" / "other.txt").write_text(UNDATED)
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text("path,published\n# one article dated\nnews/ferries.txt,2021-06-02\n")
    monkeypatch.chdir(tmp_path)
    ferries, other = _documents(["news"], read_dates(sidecar))
    assert _published(ferries) == "2021-06-02"
    assert _published(other) is None


def test_a_path_key_is_read_from_the_sidecars_folder_too(tmp_path: Path) -> None:
    (tmp_path / "ferries.txt").write_text(UNDATED)
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text("ferries.txt,2021-06-02\n")  # no header: key, date
    # The inputs named by absolute path, the sidecar beside them: still the same file; and the
    # sidecar inside the walked folder is not read as an article.
    [document] = _documents([str(tmp_path)], read_dates(sidecar))
    assert document.source == str(tmp_path / "ferries.txt")
    assert _published(document) == "2021-06-02"


def test_json_lines_sidecar_dates_rows_by_id_and_url(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    lines = [{"id": "a1", "text": UNDATED}, {"url": "https://example.org/b", "text": UNDATED}]
    rows.write_text("".join(json.dumps(line) + "\n" for line in lines))
    sidecar = tmp_path / "dates.jsonl"
    sidecar.write_text(
        '{"id": "a1", "published": "2021-06-02"}\n'
        '{"url": "https://example.org/b", "date": "2021-06-03T08:00:00Z"}\n'
    )
    first, second = _documents([str(rows)], read_dates(sidecar))
    assert _published(first) == "2021-06-02"
    assert _published(second) == "2021-06-03T08:00:00Z"


def test_the_articles_own_date_and_published_win_over_the_sidecar() -> None:
    dates = PublicationDates.from_mapping({"a.txt": "2021-06-02"})
    dated = Document(text=DATED, source="a.txt")
    assert _published(dated) == "2020-03-03"  # the page's date line
    assert _published(Document(text=UNDATED, source="a.txt", published="2019-01-01")) == (
        "2019-01-01"
    )
    document = next(iter(_with_dates([Document(text=UNDATED, source="a.txt")], dates)))
    assert _published(document) == "2021-06-02"


def _with_dates(documents: list[Document], dates: PublicationDates) -> list[Document]:
    from newsgraph.ingest.sidecar import with_sidecar_date

    return [with_sidecar_date(d, dates) for d in documents]


@pytest.mark.parametrize(
    ("name", "content", "where", "reason"),
    [
        ("d.csv", "a.txt,2021-06-02\nb.txt,June 3\n", "d.csv:2", "'June 3' is not a calendar date"),
        ("d.csv", "a.txt,2021-02-30\n", "d.csv:1", "is not a calendar date"),
        ("d.csv", "a.txt,2021-06-02,x\n", "d.csv:1", "3 columns, not 2"),
        ("d.csv", "a.txt,2021-06-02\na.txt,2021-06-03\n", "d.csv:2", "on line 1"),
        ("d.csv", ",2021-06-02\n", "d.csv:1", "empty key"),
        ("d.csv", "path,day\na.txt,2021-06-02\n", "d.csv:1", "a header names"),
        ("d.jsonl", '{"id": "a", "published": "2021-06-02"}\n{"id": \n', "d.jsonl:2", "not JSON"),
        ("d.jsonl", '["a", "2021-06-02"]\n', "d.jsonl:1", "not an object"),
        ("d.jsonl", '{"id": "a", "url": "u", "date": "2021-06-02"}\n', "d.jsonl:1", "exactly one"),
        ("d.jsonl", '{"id": "a", "published": 20210602}\n', "d.jsonl:1", "not a calendar date"),
    ],
)
def test_a_malformed_sidecar_names_its_file_line_and_reason(
    tmp_path: Path, name: str, content: str, where: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(SidecarError) as caught:
        read_dates(path)
    assert caught.value.source == f"{path}:{where.split(':')[1]}"
    assert reason in caught.value.reason


def test_a_missing_sidecar_is_named(tmp_path: Path) -> None:
    with pytest.raises(SidecarError, match="no such file"):
        read_dates(tmp_path / "missing.csv")


def test_the_cli_reports_a_malformed_sidecar_before_reading_inputs(tmp_path: Path) -> None:
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text("a.txt,2021-06-02\nb.txt,tomorrow\n")
    for command in (["extract"], ["ingest", "--db", str(tmp_path / "c.db")]):
        result = CliRunner().invoke(cli, [*command, "--dates", str(sidecar), "-"], input=UNDATED)
        assert result.exit_code == 1, result.output
        assert f"{sidecar}:2: 'tomorrow' is not a calendar date" in result.output
    assert not (tmp_path / "c.db").exists()


def test_an_output_that_is_the_sidecar_is_refused(tmp_path: Path) -> None:
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text("a.txt,2021-06-02\n")
    result = CliRunner().invoke(
        cli, ["extract", "--dates", str(sidecar), "--out", str(sidecar), "-"]
    )
    assert result.exit_code == 2
    assert "is also an input" in result.output
    assert sidecar.read_text() == "a.txt,2021-06-02\n"


@pytest.mark.model
def test_extract_resolves_relative_times_with_the_sidecars_date(nlp: Any, tmp_path: Path) -> None:
    article = tmp_path / "ferries.txt"
    article.write_text(UNDATED)
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text(f"input,published\n{article},2021-06-02\n")
    result = CliRunner().invoke(cli, ["extract", "--json", "--dates", str(sidecar), str(article)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["metadata"]["published"] == "2021-06-02"
    assert [t["value"] for t in record["times"]] == ["2021-06-05"]  # the Saturday after
    assert not any("no publication date" in w for w in record["warnings"])
