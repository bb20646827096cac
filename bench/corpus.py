"""The corpus at scale: build a corpus of generated records (100,000 quotes by default; no
spaCy), print the ingest rate, then the p50 and p95 of each query kind.

    python bench/corpus.py                      # 100,000 quotes in a temporary folder
    python bench/corpus.py --quotes 20000 --db /tmp/c.db --runs 50

The records are fictional and generated directly as `Article`s: people (with stated gender
for some), organisations, places, an unnamed "spokesman" now and then, a quote per sentence
with its cue and speaker mention, dated events. `generate_articles` is also what the
kill-during-ingest test feeds `newsgraph ingest --from`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from newsgraph.records import (
    Article,
    Entity,
    Mention,
    MentionKind,
    Metadata,
    Quote,
    Span,
    Speaker,
    Time,
    TimelineEntry,
)
from newsgraph.store import Corpus, queries
from newsgraph.store.queries import QuoteFilters

FIRST = "Ada Ben Cora Dan Eva Finn Gia Hal Ines Jon Kira Leo Mara Nils Olga Per Rhea Sam Tove Ugo"
LAST = (
    "Achterberg Brandt Castell Dorsey Ekdahl Fenwick Grau Holm Ivers Janek Kovac Lund Moreau "
    "Nordin Okafor Pryce Quist Rasmus Solberg Thorne Ulvik Varga Weller Xanthos Yilmaz Zorn"
)
ORGS = ["Union of Port Workers", "Vellmar Council", "Northern Rail", "Elvin Water", "Harbour Bank"]
PLACES = ["Vellmar", "Port Elvin", "Kessing", "Aldmoor", "Brightwater", "Sorrel Bay"]
OUTLETS = ["elvin-gazette.example", "news.example.org", "vellmar-post.example", "wire.example"]
SECTIONS = ["Local News", "Business", "Politics", "Sport", "Weather"]
SYLLABLES = ["ba", "ker", "lo", "ven", "mi", "sta", "ron", "da", "pel", "tu", "gar", "si"]
VOCABULARY = 3000  # words, drawn with Zipf's law (weight 1/rank) as in real text
COMMON = 300  # the bench's search words: from the commoner words, which match the most


def _vocabulary(rng: random.Random) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < VOCABULARY:
        words["".join(rng.choices(SYLLABLES, k=rng.randint(1, 4)))] = None
    return list(words)


WORDS = _vocabulary(random.Random(3))
WEIGHTS = [1 / rank for rank in range(1, VOCABULARY + 1)]
TITLES = ["Mayor", "Minister", "Councillor", "Director", "Chairwoman", "Chairman", ""]
QUOTES_PER_ARTICLE = 10


def _people(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(name, how the article refers to them: he, she or by name only)."""
    names = [f"{first} {last}" for first in FIRST.split() for last in LAST.split()]
    rng.shuffle(names)
    return [(name, rng.choice(["he", "she", "", ""])) for name in names[:count]]


def generate_articles(quotes: int, seed: int = 11) -> Iterator[Article]:
    """Articles with `quotes` quotes in all (QUOTES_PER_ARTICLE each)."""
    rng = random.Random(seed)
    pool = _people(rng, 400)
    start = date(2024, 1, 1)
    for number in range(max(1, quotes // QUOTES_PER_ARTICLE)):
        yield _article(rng, number, pool, start + timedelta(days=number % 730))


class _Body:
    """A body written sentence by sentence, with the spans of what is put in it."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, part: str) -> Span:
        start = len(self.text)
        self.text += part
        return Span(start, len(self.text), part)


def _article(rng: random.Random, number: int, pool: list[tuple[str, str]], day: date) -> Article:
    body = _Body()
    speakers = rng.sample(pool, 3)
    mentions: dict[str, list[Mention]] = {}
    ids: dict[str, str] = {}  # entity ids in order of first mention
    types: dict[str, str] = {}
    quotes: list[Quote] = []
    place = rng.choice(PLACES)
    for index in range(QUOTES_PER_ARTICLE):
        roll = rng.random()
        if roll < 0.1:
            name, type_, pronoun = "a spokesman", None, ""
        elif roll < 0.25:
            name, type_, pronoun = rng.choice(ORGS), "ORG", ""
        else:
            name, pronoun = rng.choice(speakers)
            type_ = "PERSON"
        words = rng.choices(WORDS, WEIGHTS, k=9)
        words.insert(rng.randrange(9), place)
        body.add('"')
        sentence = " ".join(words)
        content = body.add(sentence[0].upper() + sentence[1:] + ",")
        body.add('" ')
        cue = body.add("said")
        body.add(" ")
        known = type_ is not None and name in mentions
        if type_ == "PERSON" and known and pronoun:
            source = body.add(pronoun)
            kind: MentionKind = "pronoun"
        else:
            title = rng.choice(TITLES) if type_ == "PERSON" else ""
            if title:
                body.add(title + " ")
            source = body.add(name if type_ else "A spokesman")
            kind = "name"
        body.add(". ")
        place_at = content.start + content.text.index(place)
        ids.setdefault(place, f"e{len(ids) + 1}")
        mentions.setdefault(place, []).append(
            Mention(place_at, place_at + len(place), place, "name")
        )
        types[place] = "GPE"
        entity = None
        if type_ is not None:
            entity = ids.setdefault(name, f"e{len(ids) + 1}")
            mentions.setdefault(name, []).append(
                Mention(source.start, source.end, source.text, kind)
            )
            types[name] = type_
        quotes.append(
            Quote(
                id=f"q{index + 1}",
                text=content.text,
                start=content.start,
                end=content.end,
                type="direct",
                cue=cue,
                speaker=Speaker(name, entity, source, "name" if entity else None),
                kind="speech",
            )
        )
        if index % 4 == 3:
            body.add("\n\n")
    event_text = body.add(f"Work in {place} begins on {day.isoformat()}")
    body.add(".")
    at = event_text.start + len(f"Work in {place} begins on ")
    place_at = event_text.start + len("Work in ")
    mentions[place].append(Mention(place_at, place_at + len(place), place, "name"))
    value = day.isoformat()
    return Article(
        metadata=Metadata(
            title=f"Story {number} from {place}",
            section=SECTIONS[number % len(SECTIONS)],
            published=value,
            language="en",
        ),
        body=body.text,
        entities=tuple(
            Entity(ids[name], name, types[name], tuple(sorted(found, key=lambda m: m.start)))
            for name, found in mentions.items()
        ),
        quotes=tuple(quotes),
        times=(Time("t1", value, at, at + len(value), "DATE", value),),
        timeline=(TimelineEntry(value, "t1", event_text.text, event_text.start, event_text.end),),
        id=f"gen-{number:06d}",
        url=f"https://{OUTLETS[number % len(OUTLETS)]}/story/{number}",
    )


def write_records(path: Path, quotes: int, seed: int = 11) -> int:
    """The generated articles as JSON Lines (what `newsgraph ingest --from` reads)."""
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for article in generate_articles(quotes, seed):
            stream.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def _timings(run: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="newsgraph-bench-")
    path = args.db or Path(folder) / "corpus.db"
    if path.exists():
        sys.exit(f"{path} exists: give a new path")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    articles = list(generate_articles(args.quotes))
    corpus = Corpus(path)
    started = time.perf_counter()
    for article in articles:
        corpus.add(article)
    seconds = time.perf_counter() - started
    stats = queries.stats(corpus)
    print(
        f"ingest: {stats['articles']:,} articles, {stats['quotes']:,} quotes, "
        f"{stats['people']:,} people in {seconds:.1f} s: {len(articles) / seconds:,.0f} "
        f"articles/s, {stats['quotes'] / seconds:,.0f} quotes/s "
        f"({path.stat().st_size / 1e6:.0f} MB)"
    )
    rng = random.Random(5)
    names = [row["name"] for row in corpus.rows("SELECT name FROM people WHERE type = 'PERSON'")]
    surnames = sorted({name.split()[-1] for name in names})
    kinds: dict[str, Callable[[], object]] = {
        "quotes --speaker (full name)": lambda: queries.quotes(
            corpus, QuoteFilters(speaker=rng.choice(names))
        ),
        "quotes --speaker (surname)": lambda: queries.quotes(
            corpus, QuoteFilters(speaker=rng.choice(surnames))
        ),
        "quotes --about (entity)": lambda: queries.quotes(
            corpus, QuoteFilters(about=rng.choice(PLACES))
        ),
        "quotes --text (full text)": lambda: queries.quotes(
            corpus, QuoteFilters(text=rng.choice(WORDS[:COMMON]))
        ),
        "quotes --text (the commonest word)": lambda: queries.quotes(
            corpus, QuoteFilters(text=WORDS[0])
        ),
        "quotes --speaker --since --until": lambda: queries.quotes(
            corpus, QuoteFilters(speaker=rng.choice(names), since="2024-03", until="2024-09")
        ),
        "search (articles, bm25)": lambda: queries.search(corpus, rng.choice(WORDS[:COMMON])),
        "search (a place: 1 article in 6)": lambda: queries.search(corpus, rng.choice(PLACES)),
        "sources (all)": lambda: queries.sources(corpus),
        "sources --since --until": lambda: queries.sources(
            corpus, QuoteFilters(since="2024-06", until="2024-08")
        ),
        "sources --about": lambda: queries.sources(corpus, QuoteFilters(about=rng.choice(PLACES))),
        "people --name": lambda: queries.people(corpus, name=rng.choice(names)),
        "timeline --entity": lambda: queries.timeline(corpus, entity=rng.choice(PLACES)),
    }
    print(f"queries ({args.runs} runs each; ms):")
    for name, run in kinds.items():
        p50, p95 = _timings(run, args.runs)
        print(f"  {name:36} p50 {p50:7.2f}   p95 {p95:7.2f}")
    corpus.close()


if __name__ == "__main__":
    main()
