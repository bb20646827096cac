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

Readability's values are what its reader shows, not the record's fields, so each expected
value is first read as the field it stands for (`expected_as_field`), the same for both
systems: a title loses a last part that names the site as the page itself declares it
(og:site_name, application-name, the JSON-LD publisher or website, the host of its address:
"How to Build a Terrarium | eHow"); a byline keeps its first line and stops at its first
digit (readability takes the byline element whole, dateline and desk included: "By Nathan
Willis\n March 25, 2015"), loses web addresses, and reads co-author words and joiners
("avec", "and") as separators. `exact_as_written` keeps the older comparison with the values
as written, reported beside it.

Body: for every page, the prose of readability's `expected.html` (its text outside links and
captions: related headlines and picture credits are what readability keeps of the page around
the article) against newsgraph's body, as bags of words: `recall` (mean share of the
expected words the body keeps) and `furniture_loss`: the share of the expected words that
trafilatura's text had and the furniture pass took out (the worst page is named): the
furniture pass must take furniture only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsgraph.errors import EvaluationError
from newsgraph.evaluate.scoring import bag_f1
from newsgraph.lang.html import BYLINE_PREFIXES, CO_AUTHOR_WORDS, NAME_JOINERS

FIELDS = ("title", "byline", "published")
SYSTEMS = ("newsgraph", "trafilatura")
PUNCTUATION = re.compile(r"[^\w\s]|_")
BYLINE_PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in BYLINE_PREFIXES) + r")(?:\s+|$)", re.IGNORECASE
)
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
WORD = re.compile(r"\w+")
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·|•|/)\s+")
BRACKETED_TAIL = re.compile(r"\s*[\[(](?P<site>[^\[\]()]+)[\])]$")
FIRST_DIGIT = re.compile(r"\d.*$", re.DOTALL)  # a name has no digits: a date starts here
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+", re.IGNORECASE)
JOINER = re.compile(
    r"\s*\(\s*(?:" + "|".join(CO_AUTHOR_WORDS) + r")\s+|\)\s*"
    r"|\s+(?:" + "|".join(re.escape(j) for j in NAME_JOINERS) + r")\s+",
    re.IGNORECASE,
)

Prediction = dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    html: str
    expected: Prediction
    expected_text: str | None = None  # the text of readability's expected.html


@dataclass
class BodyScore:
    """newsgraph's body against the expected text: recall, and what the furniture pass lost."""

    pages: int = 0
    recall_sum: float = 0.0
    worst_loss: float = 0.0
    worst_page: str | None = None

    def add(self, name: str, expected: str, raw: str, final: str) -> None:
        gold = Counter(WORD.findall(expected.casefold()))
        if not gold:
            return
        self.pages += 1
        kept_raw = gold & Counter(WORD.findall(raw.casefold()))
        kept = gold & Counter(WORD.findall(final.casefold()))
        total = sum(gold.values())
        self.recall_sum += sum(kept.values()) / total
        loss = sum((kept_raw - kept).values()) / total
        if loss > self.worst_loss:
            self.worst_loss, self.worst_page = loss, name

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "recall": round(self.recall_sum / self.pages, 4) if self.pages else 0.0,
            "furniture_loss_worst": round(self.worst_loss, 4),
            "furniture_loss_worst_page": self.worst_page,
        }


@dataclass
class FieldScore:
    """Counts for one field and one system."""

    pages: int = 0
    exact: int = 0
    exact_as_written: int = 0
    f1_sum: float = 0.0
    extra: int = 0
    misses: list[str] = field(default_factory=list)

    def add(
        self,
        name: str,
        expected: str | None,
        predicted: str | None,
        kind: str,
        as_written: str | None = None,
    ) -> None:
        """Score one page; `as_written` is readability's value before `expected_as_field`."""
        if not expected:
            self.extra += bool(predicted)
            return
        self.pages += 1
        gold, guess = normalise(expected, kind), normalise(predicted or "", kind)
        if gold == guess:
            self.exact += 1
        else:
            self.misses.append(name)
        written = normalise(as_written or expected, kind)
        self.exact_as_written += written == guess
        self.f1_sum += token_f1(gold, guess)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "exact": round(self.exact / self.pages, 4) if self.pages else 0.0,
            "exact_as_written": round(self.exact_as_written / self.pages, 4) if self.pages else 0.0,
            "f1": round(self.f1_sum / self.pages, 4) if self.pages else 0.0,
            "extra": self.extra,
            "misses": list(self.misses),
        }


@dataclass
class Report:
    folder: str
    scores: dict[str, dict[str, FieldScore]]  # system -> field -> score
    pages: int = 0
    body: BodyScore = field(default_factory=BodyScore)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "pages": self.pages,
            "scores": {
                system: {name: score.to_dict() for name, score in fields.items()}
                for system, fields in self.scores.items()
            },
            "body": self.body.to_dict(),
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
        written = ", ".join(
            f"{name} {_ratio(ours.exact_as_written, ours.pages)} / "
            f"{_ratio(theirs.exact_as_written, theirs.pages)}"
            for name in FIELDS
            for ours, theirs in [(self.scores["newsgraph"][name], self.scores["trafilatura"][name])]
        )
        lines.append(f"exact with readability's values as written (ng / tf): {written}")
        body = self.body.to_dict()
        lines.append(
            f"body on {body['pages']} pages: expected words kept {body['recall']:.3f} (mean);"
            f" furniture pass lost at most {body['furniture_loss_worst']:.4f}"
            f" of a page's expected words ({body['furniture_loss_worst_page'] or '-'})"
        )
        return "\n".join(lines)


def _ratio(count: int, total: int) -> str:
    return f"{count / total:.3f}" if total else "-"


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
    body = BodyScore()
    _score_pages(pages, systems, scores, body)
    return Report(folder=str(folder), scores=scores, pages=len(pages), body=body)


def _score_pages(
    pages: list[Page],
    systems: dict[str, Callable[[str], Prediction]],
    scores: dict[str, dict[str, FieldScore]],
    body: BodyScore,
) -> None:
    from rich.console import Console
    from rich.progress import Progress

    # Progress on stderr: stdout carries the report.
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("eval meta", total=len(pages) * (len(systems) + 1))
        for page in pages:
            expected = expected_as_field(page)
            for system, predict in systems.items():
                predicted = predict(page.html)
                for name in FIELDS:
                    scores[system][name].add(
                        page.name, expected[name], predicted[name], name, page.expected[name]
                    )
                progress.advance(task)
            if page.expected_text is not None:
                body.add(page.name, page.expected_text, *newsgraph_bodies(page.html))
            progress.advance(task)


def expected_as_field(page: Page) -> Prediction:
    """Readability's values read as the record's fields (see the module docstring)."""
    title, byline = page.expected["title"], page.expected["byline"]
    return {
        "title": _without_site_tail(title, declared_site_names(page.html)) if title else None,
        "byline": _byline_as_names(byline) if byline else None,
        "published": page.expected["published"],
    }


def declared_site_names(page: str) -> set[str]:
    """The names the page gives its site: meta tags, JSON-LD publisher and website, the host
    of its canonical address (its registered name: "en.wikipedia.org" -> "wikipedia")."""
    from newsgraph.extract.html.jsonld import names_of, read_jsonld
    from newsgraph.extract.html.tree import meta_contents, parse_tree

    tree = parse_tree(page)
    meta = meta_contents(tree)
    jsonld = read_jsonld(tree)
    found = [v for key in ("og:site_name", "application-name") for v in meta.get(key, ())]
    if jsonld.article is not None:
        found += [name for name, _ in names_of(jsonld.article.get("publisher"))]
    found += [name for site in jsonld.of_type("WebSite") for name, _ in names_of(site)]
    addresses = [link.get("href") or "" for link in tree.xpath('//link[@rel="canonical"]')]
    addresses += meta.get("og:url", [])
    found += [_registered_name(address) for address in addresses]
    return {_fold(name) for name in found if _fold(name)}


def _registered_name(address: str) -> str:
    labels = (urlsplit(address).hostname or "").split(".")
    if len(labels) < 2:
        return ""
    # "example.co.uk", "yahoo.co.jp": a short second-level label is part of the suffix.
    return labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels[-2]


def _without_site_tail(title: str, sites: set[str]) -> str:
    bracketed = BRACKETED_TAIL.search(title)
    if bracketed and _fold(bracketed["site"]) in sites:
        return title[: bracketed.start()].strip()
    separators = list(TITLE_SEPARATOR.finditer(title))
    if separators and _fold(title[separators[-1].end() :]) in sites:
        return title[: separators[-1].start()].strip()
    return title


def _byline_as_names(byline: str) -> str:
    first_line = BYLINE_PREFIX.sub("", byline.strip()).split("\n")[0]  # "By\n Jane Doe"
    names = FIRST_DIGIT.sub("", WEB_ADDRESS.sub(" ", first_line))
    return JOINER.sub(", ", names).strip(" ,")


def _fold(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def newsgraph_bodies(page: str) -> tuple[str, str]:
    """trafilatura's text and newsgraph's body (after the furniture pass) of a page."""
    from newsgraph.extract.html.body import extract_body
    from newsgraph.extract.html.page import clean_body
    from newsgraph.extract.html.tree import parse_tree

    raw = extract_body(parse_tree(page))
    return raw, clean_body(raw, None)


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
            expected_text=_expected_text(directory / "expected.html"),
        )
    if not found:
        raise EvaluationError(
            f"{folder}: no test pages (subfolders with source.html and expected-metadata.json)"
        )


def _expected_text(path: Path) -> str | None:
    if not path.is_file():
        return None
    from newsgraph.extract.html.tree import parse_tree, visible_text

    tree = parse_tree(path.read_text(encoding="utf-8", errors="replace"))
    # The article's prose: links (related headlines, "Read more") and captions are what
    # readability keeps of the page around the article, not its text.
    for element in list(tree.iter("a", "figcaption")):
        if element.getparent() is not None:
            element.drop_tree()
    return visible_text(tree)


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
