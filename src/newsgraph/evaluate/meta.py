"""`newsgraph eval meta`: HTML metadata against expected values, beside trafilatura's.

The data is Mozilla Readability's test pages: each folder holds `source.html` and
`expected-metadata.json` (title, byline, publishedTime, ...). For each field, and for
newsgraph and trafilatura alike:

- `pages`: pages whose expected value is not empty; the scores below are over these.
- `exact`: share of them where the prediction equals the expected value after normalising
  both: Unicode NFKC, case folded, punctuation read as spaces, whitespace collapsed; for the
  byline, a leading "By"-word (By, Par, Von, Written by, ...) is dropped; for the date, only
  the calendar day as written (the YYYY-MM-DD part) is compared.
- `f1`: mean token F1 between normalised prediction and expected value (a missing prediction
  scores 0); partial credit for a byline with a date attached or a title with a suffix.
- `extra`: pages with no expected value where the system still gives one. Readability leaves
  many bylines and dates empty that the page does show, so this is reported, not scored.

Authors are joined with ", " (the expected value's convention for several authors);
trafilatura's "; "-joined authors are split and joined the same way.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.scoring import bag_f1
from newsgraph.lang.html import BYLINE_PREFIXES

FIELDS = ("title", "byline", "published")
SYSTEMS = ("newsgraph", "trafilatura")
PUNCTUATION = re.compile(r"[^\w\s]|_")
BYLINE_PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in BYLINE_PREFIXES) + r")\s+", re.IGNORECASE
)
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

Prediction = dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    html: str
    expected: Prediction


@dataclass
class FieldScore:
    """Counts for one field and one system."""

    pages: int = 0
    exact: int = 0
    f1_sum: float = 0.0
    extra: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, expected: str | None, predicted: str | None, kind: str) -> None:
        if not expected:
            self.extra += bool(predicted)
            return
        self.pages += 1
        gold, guess = normalise(expected, kind), normalise(predicted or "", kind)
        if gold == guess:
            self.exact += 1
        else:
            self.misses.append(name)
        self.f1_sum += token_f1(gold, guess)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "exact": round(self.exact / self.pages, 4) if self.pages else 0.0,
            "f1": round(self.f1_sum / self.pages, 4) if self.pages else 0.0,
            "extra": self.extra,
            "misses": list(self.misses),
        }


@dataclass
class Report:
    folder: str
    scores: dict[str, dict[str, FieldScore]]  # system -> field -> score
    pages: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "pages": self.pages,
            "scores": {
                system: {name: score.to_dict() for name, score in fields.items()}
                for system, fields in self.scores.items()
            },
        }

    def render(self) -> str:
        lines = [
            f"HTML metadata on {self.pages} pages ({self.folder})",
            f"{'field':<10} {'pages':>5}  {'exact newsgraph':>17} {'exact trafilatura':>17}"
            f"  {'f1 ng':>6} {'f1 tf':>6}  {'extra ng':>8} {'extra tf':>8}",
        ]
        for name in FIELDS:
            ours, theirs = self.scores["newsgraph"][name], self.scores["trafilatura"][name]
            lines.append(
                f"{name:<10} {ours.pages:>5}  {_share(ours):>17} {_share(theirs):>17}"
                f"  {ours.to_dict()['f1']:>6.3f} {theirs.to_dict()['f1']:>6.3f}"
                f"  {ours.extra:>8} {theirs.extra:>8}"
            )
        lines.append("exact and f1 (token F1): over pages with an expected value")
        lines.append("extra: a value given where none is expected (reported, not scored)")
        return "\n".join(lines)


def _share(score: FieldScore) -> str:
    ratio = score.exact / score.pages if score.pages else 0.0
    return f"{ratio:.3f} ({score.exact}/{score.pages})"


def evaluate_meta(folder: Path, *, model: str | None = None) -> Report:
    """Score newsgraph's and trafilatura's HTML metadata on a folder of test pages.

    `model` is accepted for the common eval interface; no language model is used here.
    """
    pages = list(load_pages(folder))
    systems: dict[str, Callable[[str], Prediction]] = {
        "newsgraph": newsgraph_metadata,
        "trafilatura": trafilatura_metadata,
    }
    scores = {system: {name: FieldScore() for name in FIELDS} for system in SYSTEMS}
    _score_pages(pages, systems, scores)
    return Report(folder=str(folder), scores=scores, pages=len(pages))


def _score_pages(
    pages: list[Page],
    systems: dict[str, Callable[[str], Prediction]],
    scores: dict[str, dict[str, FieldScore]],
) -> None:
    from rich.console import Console
    from rich.progress import Progress

    # Progress on stderr: stdout carries the report.
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("eval meta", total=len(pages) * len(systems))
        for page in pages:
            for system, predict in systems.items():
                predicted = predict(page.html)
                for name in FIELDS:
                    scores[system][name].add(page.name, page.expected[name], predicted[name], name)
                progress.advance(task)


def load_pages(folder: Path) -> Iterator[Page]:
    """The test pages of a folder: each subfolder with source.html and expected-metadata.json."""
    if not folder.is_dir():
        raise EvaluationError(f"{folder}: not a folder of test pages")
    found = False
    for directory in sorted(p for p in folder.iterdir() if p.is_dir()):
        source, expected = directory / "source.html", directory / "expected-metadata.json"
        if not (source.is_file() and expected.is_file()):
            continue
        found = True
        data = json.loads(expected.read_text(encoding="utf-8"))
        yield Page(
            name=directory.name,
            html=source.read_text(encoding="utf-8", errors="replace"),
            expected={
                "title": data.get("title") or None,
                "byline": data.get("byline") or None,
                "published": data.get("publishedTime") or None,
            },
        )
    if not found:
        raise EvaluationError(
            f"{folder}: no test pages (subfolders with source.html and expected-metadata.json)"
        )


def newsgraph_metadata(page: str) -> Prediction:
    from newsgraph.extract.html.page import parse_html

    metadata = parse_html(page).metadata
    return {
        "title": metadata.title,
        "byline": ", ".join(metadata.authors) or None,
        "published": metadata.published,
    }


def trafilatura_metadata(page: str) -> Prediction:
    import trafilatura

    document = trafilatura.extract_metadata(page)
    if document is None:
        return {"title": None, "byline": None, "published": None}
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return {
        "title": document.title,
        "byline": ", ".join(authors) or None,
        "published": document.date,
    }


def normalise(value: str, kind: str) -> str:
    """The comparable form of a value (see the module docstring)."""
    value = unicodedata.normalize("NFKC", value).strip()
    if kind == "published":
        match = DAY.match(value)
        return match.group(0) if match else value.casefold()
    if kind == "byline":
        value = BYLINE_PREFIX.sub("", value)
    return " ".join(PUNCTUATION.sub(" ", value.casefold()).split())


def token_f1(gold: str, guess: str) -> float:
    """Token F1 between two normalised strings (bag of words)."""
    gold_tokens, guess_tokens = gold.split(), guess.split()
    if not gold_tokens or not guess_tokens:
        return float(gold_tokens == guess_tokens)
    return bag_f1(gold_tokens, guess_tokens)
