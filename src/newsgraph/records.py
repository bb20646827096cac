"""The plain record types of newsgraph: record v1 (`docs/record.md`).

Everything downstream of `nlp/` sees these frozen dataclasses and nothing else. Offsets are
Python `str` indices into `Article.body`, end exclusive, so `body[start:end] == text` holds for
every span. `to_dict` gives the JSON object of record v1; `Article.from_dict` reads it back.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

SCHEMA = "newsgraph/article/v1"

QuoteType = Literal["direct", "indirect", "mixed"]
# What a quote reports: words said or written, a state of mind, or what a poll, report or
# document found. Actions, refusals and headings are not quotes at all.
QuoteKind = Literal["speech", "thought", "finding"]
QUOTE_TYPES: tuple[QuoteType, ...] = get_args(QuoteType)
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
# How a mention refers to its entity: by name, by a pronoun, or by a description ("the minister").
MentionKind = Literal["name", "pronoun", "description"]
# How a quote's speaker was found from the words that name its source.
SpeakerVia = Literal["name", "apposition", "description", "pronoun", "continuation"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the body: `body[start:end] == text`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=data["start"], end=data["end"], text=data["text"])


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the body that refers to an entity, and how it refers to it."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        kind = data.get("kind", "name")  # records written before kinds were added are names
        return cls(start=data["start"], end=data["end"], text=data["text"], kind=kind)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # "YYYY-MM-DD" or a full ISO 8601 timestamp
    views: int | None = None
    language: str | None = None  # ISO 639-1 code of the body
    url: str | None = None  # the page's canonical address (canonical link, og:url, container)
    site: str | None = None  # the site or publication ("The Harbour Gazette")
    agency: str | None = None  # a wire agency credited in the byline ("Reuters"): not an author

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "section": self.section,
            "authors": list(self.authors),
            "published": self.published,
            "views": self.views,
            "language": self.language,
            "url": self.url,
            "site": self.site,
            "agency": self.agency,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Metadata:
        return cls(
            title=data.get("title"),
            section=data.get("section"),
            authors=tuple(data.get("authors") or ()),
            published=data.get("published"),
            views=data.get("views"),
            language=data.get("language"),
            # Records written before these fields existed read them as unknown.
            url=data.get("url"),
            site=data.get("site"),
            agency=data.get("agency"),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """One input on its way into the pipeline: text plus what is known about it already."""

    text: str
    source: str | None = None  # a path, a URL or "-": how errors and progress name it
    published: str | None = None  # overrides any date found in the text
    # A date given beside the input (a `--dates` sidecar): used when the article shows none.
    sidecar_published: str | None = None
    body_only: bool = False  # the text is the body alone: look for no metadata lines
    format: Literal["text", "html"] = "text"  # scraped text, or an HTML page
    url: str | None = None  # where the article was published or fetched from
    id: str | None = None  # a given stable id (a JSONL `id`); else a hash of the text
    hints: Metadata | None = None  # metadata known from the container (JSONL, feed, WARC)
    fetched: str | None = None  # when it was fetched or archived (WARC-Date), ISO 8601
    notes: tuple[str, ...] = ()  # what the reader knows about the input ("feed summary only")


@dataclass(frozen=True, slots=True)
class Entity:
    """One named thing of the article with every mention of it."""

    id: str  # "e1", "e2", ... in order of first mention
    name: str  # canonical name: the fullest form used in the article
    type: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, ...
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        mentions = tuple(Mention.from_dict(m) for m in data["mentions"])
        return cls(id=data["id"], name=data["name"], type=data["type"], mentions=mentions)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None  # canonical name, or the article's description when none is named
    entity: str | None = None  # id of the speaker's entity record, when there is one
    mention: Span | None = None  # the words that name the source of this quote
    via: SpeakerVia | None = None  # how those words led to the speaker

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity": self.entity,
            "mention": self.mention.to_dict() if self.mention else None,
            "via": self.via,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = data.get("mention")
        return cls(
            name=data.get("name"),
            entity=data.get("entity"),
            mention=Span.from_dict(mention) if mention else None,
            via=data.get("via"),
        )


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """Where and when a statement was made, when its cue clause says so."""

    place: str | None = None
    time: str | None = None  # id of a `times` entry ("t3")

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in (("place", self.place), ("time", self.time)) if value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteContext:
        return cls(place=data.get("place"), time=data.get("time"))


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str  # the content, without enclosing quotation marks
    start: int
    end: int
    type: QuoteType
    cue: Span | None
    speaker: Speaker
    context: QuoteContext | None = None
    kind: QuoteKind = "speech"
    about: tuple[str, ...] = ()  # ids of the entities the content refers to

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "kind": self.kind,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict(),
            "about": list(self.about),
        }
        if self.context is not None and self.context.to_dict():
            data["context"] = self.context.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        cue = data.get("cue")
        context = data.get("context")
        return cls(
            id=data["id"],
            text=data["text"],
            start=data["start"],
            end=data["end"],
            type=data["type"],
            cue=Span.from_dict(cue) if cue else None,
            speaker=Speaker.from_dict(data["speaker"]),
            context=QuoteContext.from_dict(context) if context else None,
            kind=data.get("kind", "speech"),
            about=tuple(data.get("about", ())),
        )


def continued_quote(before: Sequence[Quote]) -> Quote | None:
    """The quote that a quote without a cue, coming after `before`, may continue: the last
    one, unless its cue lies in the source phrase of a quote before it. In `“…,” said Ann
    Lee, who wants a recount. “…”` the second quotation goes on with Ann Lee's attribution,
    not with the wanting inside its source."""
    if not before:
        return None
    last = before[-1]
    if last.cue is not None:
        for index in range(len(before) - 2, -1, -1):
            mention = before[index].speaker.mention
            if mention is not None and mention.start <= last.cue.start < mention.end:
                return before[index]
    return last


@dataclass(frozen=True, slots=True)
class Time:
    id: str
    text: str
    start: int
    end: int
    type: TimeType
    value: str  # a TimeML TIMEX3 value: 2021-05-31, 2021-W21, P3W, FUTURE_REF, XXXX-09-11, ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Time:
        return cls(**{key: data[key] for key in ("id", "text", "start", "end", "type", "value")})


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # the TIMEX3 value of the time that dates the event
    time: str  # id of that `times` entry
    text: str  # the clause or sentence that the date anchors
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "time": self.time,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEntry:
        return cls(**{key: data[key] for key in ("date", "time", "text", "start", "end")})


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the language step finds in a body; empty for bodies it does not read."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[Time, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    metadata: Metadata
    body: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[Time, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    # Added to v1: why a part of the record is empty (a non-English body, say).
    warnings: tuple[str, ...] = field(default=())
    id: str | None = None  # stable: the given id, or a hash of the normalised text
    source: str | None = None  # the input it came from (path, URL, "-")
    url: str | None = None
    duplicate_of: str | None = None  # id of an earlier near-duplicate in the same batch
    fetched: str | None = None  # when the input was fetched or archived (WARC-Date)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "duplicate_of": self.duplicate_of,
            "fetched": self.fetched,
            "metadata": self.metadata.to_dict(),
            "body": self.body,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "times": [t.to_dict() for t in self.times],
            "timeline": [t.to_dict() for t in self.timeline],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            metadata=Metadata.from_dict(data["metadata"]),
            body=data["body"],
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            times=tuple(Time.from_dict(t) for t in data.get("times", ())),
            timeline=tuple(TimelineEntry.from_dict(t) for t in data.get("timeline", ())),
            warnings=tuple(data.get("warnings", ())),
            id=data.get("id"),
            source=data.get("source"),
            url=data.get("url"),
            duplicate_of=data.get("duplicate_of"),
            fetched=data.get("fetched"),
        )


def text_id(text: str) -> str:
    """A stable article id for a text: a hash of it with case, Unicode forms and spacing
    folded, so that the same article saved twice gets the same id."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    # surrogatepass: a lone surrogate (a text that did not come through ingest) still hashes,
    # and valid text hashes exactly as before.
    return hashlib.sha1(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# Where an input stopped on its way to becoming an article: reading its bytes or text,
# fetching a URL, parsing its format (or finding no article text in it), or extracting.
Stage = Literal["read", "fetch", "parse", "extract"]


@dataclass(frozen=True, slots=True)
class Failure:
    """An input, or part of one, that did not become an article: what, at which stage, and
    why. Failures travel in the same stream as documents, so that one bad input never stops
    the others; a batch writes each as one line of its errors file."""

    input: str  # the path, URL, "-", or a part of one ("feed.xml#3", "items.jsonl:12")
    stage: Stage
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "stage": self.stage, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.input}: {self.reason} ({self.stage})"
