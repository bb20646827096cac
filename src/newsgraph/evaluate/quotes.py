"""`newsgraph eval quotes`: attribution scores on a folder in PolNeAR's layout.

Each article runs through `extract_many(..., body_only=True)`, so offsets match the gold.
A predicted attribution is one cue with all its quotes (a quote its cue interrupts is one
attribution in two stretches); a quote without a cue is an attribution of its own. Scores,
pooled over all articles (see docs/evaluation.md):

- `content_tokens`: precision, recall, F1 of the words (\\w+) inside predicted contents
  against the words inside gold contents;
- `content_exact`, `source_exact`, `cue_exact`: F1 of spans that match exactly, after trimming
  each stretch of whitespace, quotation marks, a leading "that" and edge punctuation;
- `linked`: a gold attribution is found when one predicted attribution (each used once) has
  content word F1 >= 0.5 with it and a speaker mention overlapping its source (or the gold
  has no source); precision counts predictions so matched;
- `linked_speech`: the same on the speech slice: contents that open with a quotation mark,
  or whose cue is a verb of saying (`SPEECH_SLICE_VERBS` in `lang/en/quotes.py`).

Printed below those, and apart from them:
- `speaker`: of the gold attributions linked to a prediction by content alone (word F1 >= 0.5,
  one to one), those whose source has a referent (`speakers.py`: a name, or "he"/"she"
  continuing a named source): the share whose predicted speaker entity is that referent;
  overall and on the speech slice; the others are counted as left out;
- `kind`: for speech, thought and finding, linked P/R/F1 (as `linked`) counting only links
  where the predicted quote's kind is the gold kind (`kinds.py`: from the cue and source words).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.evaluate.kinds import KINDS, gold_kind
from newsgraph.evaluate.polnear import Article, Attribution, Fragments, read_folder
from newsgraph.evaluate.scoring import f1_of, prf
from newsgraph.evaluate.speakers import Referent, gold_referents, is_referent
from newsgraph.lang.en import quotes as lang
from newsgraph.progress import track_on_stderr
from newsgraph.records import Article as Record
from newsgraph.records import Entity, Quote, continued_quote

WORD = re.compile(r"\w+")
QUOTE_MARKS = "\"'“”‘’„«»‹›「」『』`"
TRIM = QUOTE_MARKS + lang.EDGE_PUNCTUATION
LEADING_THAT = re.compile(r"that\b\s*", re.IGNORECASE)
LINK_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts behind precision (correct of predicted) and recall (found of gold). They are
    apart because a link found on a slice may pair a slice gold with a prediction outside it."""

    correct: int
    predicted: int
    found: int
    gold: int

    @classmethod
    def matched(cls, hits: int, predicted: int, gold: int) -> Scores:
        return cls(hits, predicted, hits, gold)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.found + other.found,
            self.gold + other.gold,
        )

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "found": self.found,
            "gold": self.gold,
        }


METRICS = (
    "content_tokens",
    "content_exact",
    "source_exact",
    "cue_exact",
    "linked",
    "linked_speech",
)
EMPTY = Scores(0, 0, 0, 0)
SPEAKER_SLICES = ("all", "speech")


@dataclass(slots=True)
class SpeakerCounts:
    """Content-matched attributions whose gold source has a referent: right of scored; and
    those without a referent (left out)."""

    right: int = 0
    scored: int = 0
    left_out: int = 0

    def add(self, referent: Referent | None, entity: Entity | None) -> None:
        if referent is None:
            self.left_out += 1
            return
        self.scored += 1
        self.right += entity is not None and is_referent(entity, referent)

    def __add__(self, other: SpeakerCounts) -> SpeakerCounts:
        return SpeakerCounts(
            self.right + other.right, self.scored + other.scored, self.left_out + other.left_out
        )

    @property
    def share(self) -> float:
        return self.right / self.scored if self.scored else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "share": round(self.share, 4),
            "right": self.right,
            "scored": self.scored,
            "left_out": self.left_out,
        }


@dataclass(slots=True)
class Extras:
    """The speaker and kind counts of one article or more (printed below the metrics)."""

    speakers: dict[str, SpeakerCounts] = field(
        default_factory=lambda: {name: SpeakerCounts() for name in SPEAKER_SLICES}
    )
    kinds: dict[str, Scores] = field(default_factory=lambda: dict.fromkeys(KINDS, EMPTY))
    no_kind: int = 0  # gold attributions whose words give no kind

    def __add__(self, other: Extras) -> Extras:
        return Extras(
            {n: self.speakers[n] + other.speakers[n] for n in SPEAKER_SLICES},
            {k: self.kinds[k] + other.kinds[k] for k in KINDS},
            self.no_kind + other.no_kind,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": {name: self.speakers[name].to_dict() for name in SPEAKER_SLICES},
            "kinds": {kind: self.kinds[kind].to_dict() for kind in KINDS},
            "no_kind": self.no_kind,
        }

    def render(self) -> list[str]:
        lines = [
            "speaker of content-matched attributions whose source names a referent:",
            f"{'slice':<16}{'share':>8}{'right':>8}{'scored':>8}{'left out':>10}",
        ]
        for name in SPEAKER_SLICES:
            c = self.speakers[name]
            lines.append(f"{name:<16}{c.share:>8.3f}{c.right:>8}{c.scored:>8}{c.left_out:>10}")
        lines.append("linked with the gold kind (from cue and source words):")
        lines.append(f"{'kind':<16}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}")
        for kind in KINDS:
            s = self.kinds[kind]
            lines.append(
                f"{kind:<16}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
                f"{s.gold:>8}{s.predicted:>8}"
            )
        lines.append(f"gold attributions without a kind: {self.no_kind}")
        return lines


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted attribution in the shape of a gold one."""

    source: Fragments
    cue: Fragments
    content: Fragments


@dataclass(slots=True)
class Report:
    folder: str
    documents: int = 0
    seconds: float = 0.0
    scores: dict[str, Scores] = field(default_factory=lambda: dict.fromkeys(METRICS, EMPTY))
    extras: Extras = field(default_factory=Extras)

    def add(self, scores: dict[str, Scores], extras: Extras | None = None) -> None:
        self.documents += 1
        for name, value in scores.items():
            self.scores[name] = self.scores[name] + value
        if extras is not None:
            self.extras = self.extras + extras

    def render(self) -> str:
        lines = [
            f"PolNeAR attribution scores on {self.folder} "
            f"({self.documents} articles, {self.seconds:.1f} s)",
            f"{'metric':<16}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}",
        ]
        for name in METRICS:
            s = self.scores[name]
            lines.append(
                f"{name:<16}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
                f"{s.gold:>8}{s.predicted:>8}"
            )
        return "\n".join(lines + self.extras.render())

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "documents": self.documents,
            "seconds": round(self.seconds, 1),
            **{name: self.scores[name].to_dict() for name in METRICS},
            **self.extras.to_dict(),
        }


def evaluate_quotes(folder: Path, *, model: str | None = None) -> Report:
    """Score newsgraph's quotes against the PolNeAR annotations in `folder`."""
    from newsgraph.pipeline import extract_many

    articles = list(read_folder(folder))
    report = Report(folder=str(folder))
    started = time.perf_counter()
    records = extract_many((a.text for a in articles), body_only=True, model=model)
    for article, record in track_on_stderr(
        zip(articles, records, strict=True), len(articles), "articles"
    ):
        report.add(score_article(article, record.quotes), score_extras(article, record))
    report.seconds = time.perf_counter() - started
    return report


def predicted_attributions(quotes: Iterable[Quote]) -> list[Predicted]:
    """Group quotes into attributions: one per cue; a quote without a cue that continues the
    speaker of the quote before it joins that quote's attribution (PolNeAR annotates such a
    continuation as more content of the same attribution)."""
    return [_predicted(group) for group in quote_groups(quotes)]


def quote_groups(quotes: Iterable[Quote]) -> list[list[Quote]]:
    """The quotes of each predicted attribution, in the order of `predicted_attributions`.
    A quote without a cue joins the attribution of the quote it continues
    (`records.continued_quote`) when it has that quote's speaker."""
    groups: dict[tuple[int, int] | int, list[Quote]] = {}
    before: list[Quote] = []
    keys: dict[str, tuple[int, int] | int] = {}  # each quote seen (by its id): its group
    for index, quote in enumerate(quotes):
        key: tuple[int, int] | int = (quote.cue.start, quote.cue.end) if quote.cue else index
        previous = continued_quote(before) if quote.cue is None else None
        if previous is not None and _continues(quote, previous):
            key = keys[previous.id]
        groups.setdefault(key, []).append(quote)
        keys[quote.id] = key
        before.append(quote)
    return list(groups.values())


def _predicted(group: list[Quote]) -> Predicted:
    first = group[0]
    mention = first.speaker.mention
    return Predicted(
        source=((mention.start, mention.end),) if mention else (),
        cue=((first.cue.start, first.cue.end),) if first.cue else (),
        content=tuple((q.start, q.end) for q in group),
    )


def _continues(quote: Quote, previous: Quote) -> bool:
    # A quote without a cue joins the quote it continues only when it has its speaker.
    return (quote.speaker.name, quote.speaker.entity) == (
        previous.speaker.name,
        previous.speaker.entity,
    )


def score_article(article: Article, quotes: Iterable[Quote]) -> dict[str, Scores]:
    """Every metric's counts for one article."""
    text = article.text
    gold = list(article.attributions)
    predicted = predicted_attributions(quotes)
    scores = {
        "content_tokens": _token_scores(text, gold, predicted),
        "content_exact": _exact(text, [g.content for g in gold], [p.content for p in predicted]),
        "source_exact": _exact(text, [g.source for g in gold], [p.source for p in predicted]),
        "cue_exact": _exact(text, [g.cue for g in gold], [p.cue for p in predicted]),
    }
    scores.update(_linked(text, gold, predicted))
    return scores


def score_extras(article: Article, record: Record) -> Extras:
    """The speaker and kind counts for one article (the module docstring)."""
    text, gold = article.text, list(article.attributions)
    groups = quote_groups(record.quotes)
    predicted = [_predicted(group) for group in groups]
    extras = Extras()
    _score_speakers(text, gold, groups, predicted, record, extras)
    _score_kinds(text, gold, groups, predicted, extras)
    return extras


def _score_speakers(
    text: str,
    gold: list[Attribution],
    groups: list[list[Quote]],
    predicted: list[Predicted],
    record: Record,
    extras: Extras,
) -> None:
    referents = gold_referents(text, gold)
    entities = {entity.id: entity for entity in record.entities}
    for i, j in link_pairs(text, gold, predicted, with_source=False):
        speaker = groups[j][0].speaker.entity
        entity = entities.get(speaker) if speaker else None
        extras.speakers["all"].add(referents[i], entity)
        if is_speech(text, gold[i].content, gold[i].cue):
            extras.speakers["speech"].add(referents[i], entity)


def _score_kinds(
    text: str,
    gold: list[Attribution],
    groups: list[list[Quote]],
    predicted: list[Predicted],
    extras: Extras,
) -> None:
    gold_kinds = [gold_kind(text, g) for g in gold]
    predicted_kinds: list[str] = [group[0].kind for group in groups]
    links = link_pairs(text, gold, predicted, with_source=True)
    for kind in KINDS:
        hits = sum(gold_kinds[i] == kind == predicted_kinds[j] for i, j in links)
        extras.kinds[kind] = Scores.matched(
            hits, predicted_kinds.count(kind), gold_kinds.count(kind)
        )
    extras.no_kind = gold_kinds.count(None)


def _token_scores(text: str, gold: list[Attribution], predicted: list[Predicted]) -> Scores:
    gold_words = set().union(*(_words(text, g.content) for g in gold))
    predicted_words = set().union(*(_words(text, p.content) for p in predicted))
    common = len(gold_words & predicted_words)
    return Scores.matched(common, len(predicted_words), len(gold_words))


def _words(text: str, fragments: Fragments) -> set[int]:
    """The start offsets of the words inside the fragments."""
    return {m.start() for start, end in fragments for m in WORD.finditer(text, start, end)}


def _exact(text: str, gold: list[Fragments], predicted: list[Fragments]) -> Scores:
    gold_keys = Counter(k for k in (normalise(text, g) for g in gold) if k)
    predicted_keys = Counter(k for k in (normalise(text, p) for p in predicted) if k)
    matched = sum((gold_keys & predicted_keys).values())
    return Scores.matched(matched, sum(predicted_keys.values()), sum(gold_keys.values()))


def normalise(text: str, fragments: Fragments) -> Fragments:
    """Each stretch trimmed of whitespace, quotation marks, a leading "that" and edge
    punctuation; empty stretches dropped."""
    trimmed = []
    for start, end in sorted(fragments):
        while True:
            before = (start, end)
            while start < end and (text[start] in TRIM or text[start].isspace()):
                start += 1
            while end > start and (text[end - 1] in TRIM or text[end - 1].isspace()):
                end -= 1
            that = LEADING_THAT.match(text, start, end)
            if that and that.end() < end:
                start = that.end()
            if (start, end) == before:
                break
        if start < end:
            trimmed.append((start, end))
    return tuple(trimmed)


def _linked(text: str, gold: list[Attribution], predicted: list[Predicted]) -> dict[str, Scores]:
    """One-to-one links, best content overlap first; then counts on all and on speech."""
    links = link_pairs(text, gold, predicted, with_source=True)
    found_gold = {i for i, _ in links}
    found_predicted = {j for _, j in links}
    speech_gold = {i for i, g in enumerate(gold) if is_speech(text, g.content, g.cue)}
    speech_predicted = {j for j, p in enumerate(predicted) if is_speech(text, p.content, p.cue)}
    return {
        "linked": Scores.matched(len(found_gold), len(predicted), len(gold)),
        "linked_speech": Scores(
            len(found_predicted & speech_predicted),
            len(speech_predicted),
            len(found_gold & speech_gold),
            len(speech_gold),
        ),
    }


def link_pairs(
    text: str, gold: list[Attribution], predicted: list[Predicted], *, with_source: bool
) -> list[tuple[int, int]]:
    """(gold index, predicted index) links, one to one, best content word F1 first, among
    pairs with F1 >= LINK_THRESHOLD and, `with_source`, a speaker mention on the gold source
    (or a gold without source)."""
    gold_words = [_words(text, g.content) for g in gold]
    predicted_words = [_words(text, p.content) for p in predicted]
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            f1 = _f1(gold_words[i], predicted_words[j])
            if f1 < LINK_THRESHOLD:
                continue
            if not with_source or not g.source or _overlaps(g.source, p.source):
                pairs.append((f1, i, j))
    found_gold: set[int] = set()
    found_predicted: set[int] = set()
    links = []
    for _f1_value, i, j in sorted(pairs, reverse=True):
        if i not in found_gold and j not in found_predicted:
            found_gold.add(i)
            found_predicted.add(j)
            links.append((i, j))
    return links


def _f1(gold: set[int], predicted: set[int]) -> float:
    return prf(len(gold & predicted), len(predicted), len(gold))[2]


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def is_speech(text: str, content: Fragments, cue: Fragments) -> bool:
    """Content opening with a quotation mark, or a cue that is a verb of saying."""
    if content:
        start = min(s for s, _ in content)
        opening = text[start : start + 1] + text[max(0, start - 1) : start]
        if any(mark in QUOTE_MARKS for mark in opening):
            return True
    words = {w.lower() for s, e in cue for w in WORD.findall(text, s, e)}
    return bool(words & SPEECH_FORMS)


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a regular English verb, and the irregular ones listed."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past = lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2] not in "aeiou" else stem + "ed"
    third = lemma[:-1] + "ies" if past.endswith("ied") else lemma + "s"
    return {lemma, third, past, stem + "ing", *lang.IRREGULAR_FORMS.get(lemma, ())}


SPEECH_FORMS = frozenset(form for lemma in lang.SPEECH_SLICE_VERBS for form in _forms(lemma))
