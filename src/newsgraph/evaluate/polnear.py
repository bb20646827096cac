"""Read a folder in PolNeAR's layout: `text/<name>.txt` and `attributions/<name>_<annotator>.ann`.

The annotations are brat standoff. `T` lines are spans (`T9\\tContent 315 448;463 553\\ttext`,
discontinuous when fragments are joined by ";"); `E` lines tie an attribution together
(`E3\\tAttribution:T12 Cue:T11 Source:T10 Content:T9`, roles may be missing or repeated as
`Content2`). A few articles have several annotators: the first file in name order is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import EvaluationError

Fragments = tuple[tuple[int, int], ...]
ROLES = ("Source", "Cue", "Content")


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Fragments
    cue: Fragments
    content: Fragments


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    attributions: tuple[Attribution, ...]


def read_folder(folder: Path) -> Iterator[Article]:
    """Each annotated article of the folder, in name order."""
    texts, annotations = folder / "text", folder / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise EvaluationError(
            f"{folder}: not in PolNeAR's layout (expected text/ and attributions/ folders)"
        )
    ann_files = sorted(annotations.glob("*.ann"))
    found = False
    for path in sorted(texts.glob("*.txt")):
        matches = [a for a in ann_files if a.stem.rsplit("_", 1)[0] == path.stem]
        if not matches:
            continue
        found = True
        yield Article(path.stem, _read(path), read_brat(matches[0]))
    if not found:
        raise EvaluationError(f"{folder}: no text/*.txt has an attributions/*.ann beside it")


def _read(path: Path) -> str:
    try:
        # newline="" keeps "\r\n" as two characters, as the annotation offsets count them.
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"{path}: cannot be read as UTF-8 text ({error})") from error


def read_brat(path: Path) -> tuple[Attribution, ...]:
    """The attributions of one brat standoff file."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, list[str]]] = []
    for number, line in enumerate(_read(path).splitlines(), start=1):
        fields = line.split("\t")
        try:
            if line.startswith("T") and len(fields) >= 2:
                spans[fields[0]] = _fragments(fields[1])
            elif line.startswith("E") and len(fields) >= 2:
                events.append(_roles(fields[1]))
        except ValueError as error:
            raise EvaluationError(f"{path}:{number}: not a brat line ({line!r})") from error
    return tuple(
        Attribution(
            **{
                role.lower(): tuple(f for ref in event.get(role, ()) for f in spans.get(ref, ()))
                for role in ROLES
            }
        )
        for event in events
    )


def _fragments(label_and_offsets: str) -> Fragments:
    _label, _, offsets = label_and_offsets.partition(" ")
    pairs = (part.split() for part in offsets.split(";"))
    return tuple((int(start), int(end)) for start, end in pairs)


def _roles(arguments: str) -> dict[str, list[str]]:
    """Role → span ids; "Content2" is more content."""
    roles: dict[str, list[str]] = {}
    for argument in arguments.split():
        role, _, ref = argument.partition(":")
        roles.setdefault(role.rstrip("0123456789"), []).append(ref)
    return roles
