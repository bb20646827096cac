"""Bad input: a clear one-line error naming the input and the reason; other inputs go on."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.errors import BinaryInputError, EmptyInputError, EncodingError
from newsgraph.ingest import Failure, ReadOptions, read_inputs
from newsgraph.ingest.decode import decode_bytes

GOOD = "The mayor of Port Elvin said on Monday that the bridge would reopen in May.\n"


def test_empty_and_whitespace_inputs_are_refused() -> None:
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(EmptyInputError, match=r"x\.txt: empty"):
            decode_bytes(data, source="x.txt")


def test_binary_input_is_refused() -> None:
    with pytest.raises(BinaryInputError, match=r"img\.png: binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, source="img.png")
    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(1, 32)) * 20, source="ctl.bin")


def test_legacy_encodings_are_detected() -> None:
    text = "Le ministre a déclaré à la presse que l'accord était signé à Genève."
    assert decode_bytes(text.encode("cp1252"), source="fr.txt") == text
    assert decode_bytes(text.encode("utf-16"), source="fr16.txt") == text
    assert decode_bytes(("\ufeff" + text).encode("utf-8"), source="bom.txt") == text


def test_undecodable_bytes_are_an_encoding_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoGuess:
        def best(self) -> None:
            return None

    monkeypatch.setattr("newsgraph.ingest.decode.from_bytes", lambda data: NoGuess())
    with pytest.raises(EncodingError, match=r"odd\.txt: not UTF-8"):
        decode_bytes(b"abc \xfa\xc3 def", source="odd.txt")


def test_size_limit_and_missing_path(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    missing = tmp_path / "nope.txt"
    failures = list(read_inputs([str(big), str(missing)], ReadOptions(max_bytes=100)))
    assert [(f.input, f.stage) for f in failures if isinstance(f, Failure)] == [
        (str(big), "read"),
        (str(missing), "read"),
    ]
    assert "NEWSGRAPH_MAX_INPUT_BYTES" in failures[0].reason  # type: ignore[union-attr]
    assert failures[1].reason == "no such file"  # type: ignore[union-attr]


@pytest.mark.model
def test_cli_reports_each_bad_input_and_processes_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    paths = [str(empty), str(good), str(binary), str(tmp_path / "missing.txt")]
    result = CliRunner().invoke(cli, ["extract", "--json", *paths])
    assert result.exit_code != 0
    assert result.stdout.count('"schema"') == 1  # the good one, still processed
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 3
    for path, reason in ((empty, "empty"), (binary, "binary"), ("missing.txt", "no such file")):
        assert any(str(path) in line and reason in line for line in errors), (path, errors)
