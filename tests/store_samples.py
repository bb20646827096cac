"""Article records built by hand for the corpus tests (fictional news; no spaCy).

`Builder` finds each span in the body by its text, so a test writes the words, never the
offsets: `b.entity("Ingrid Salvesen", "PERSON", "Ingrid Salvesen", ("She", "pronoun"))`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsgraph.records import (
    Article,
    Entity,
    Mention,
    MentionKind,
    Metadata,
    Quote,
    QuoteContext,
    QuoteType,
    Span,
    Speaker,
    SpeakerVia,
    Time,
    TimelineEntry,
)


class Builder:
    def __init__(
        self,
        article_id: str,
        body: str,
        *,
        published: str | None = "2024-03-05",
        url: str | None = None,
        section: str | None = None,
        title: str | None = None,
    ) -> None:
        self.article_id, self.body = article_id, body
        self.metadata = Metadata(
            title=title or body.split(".")[0][:60], section=section, published=published
        )
        self.url = url
        self.entities: list[Entity] = []
        self.quotes: list[Quote] = []
        self.times: list[Time] = []
        self.timeline: list[TimelineEntry] = []
        self._cursor: dict[str, int] = {}

    def span(self, text: str, purpose: str = "") -> Span:
        """The next occurrence of `text` after the last one found for the same purpose."""
        start = self.body.index(text, self._cursor.get(purpose + text, 0))
        self._cursor[purpose + text] = start + 1
        return Span(start, start + len(text), text)

    def entity(self, name: str, type: str, *mentions: str | tuple[str, MentionKind]) -> str:
        found: list[Mention] = []
        for mention in mentions:
            text, kind = (mention, "name") if isinstance(mention, str) else mention
            start = self.body.index(text, found[-1].end if found else 0)
            found.append(Mention(start, start + len(text), text, kind))
        entity_id = f"e{len(self.entities) + 1}"
        self.entities.append(Entity(entity_id, name, type, tuple(found)))
        return entity_id

    def quote(
        self,
        text: str,
        speaker: str | None,
        *,
        entity: str | None = None,
        mention: str | None = None,
        via: SpeakerVia | None = "name",
        type: QuoteType = "direct",
        kind: Any = "speech",
        cue: str | None = "said",
        about: tuple[str, ...] = (),
        time: str | None = None,
    ) -> str:
        span = self.span(text)
        quote_id = f"q{len(self.quotes) + 1}"
        self.quotes.append(
            Quote(
                id=quote_id,
                text=text,
                start=span.start,
                end=span.end,
                type=type,
                cue=self.span(cue, "cue") if cue else None,
                speaker=Speaker(
                    speaker,
                    entity,
                    self.span(mention, "source") if mention else None,
                    via if speaker else None,
                ),
                context=QuoteContext(time=time) if time else None,
                kind=kind,
                about=about,
            )
        )
        return quote_id

    def time(self, text: str, value: str, type: Any = "DATE") -> str:
        span = self.span(text, "time")
        time_id = f"t{len(self.times) + 1}"
        self.times.append(Time(time_id, text, span.start, span.end, type, value))
        return time_id

    def event(self, time_id: str, text: str) -> None:
        span = self.span(text, "event")
        date = next(t.value for t in self.times if t.id == time_id)
        self.timeline.append(TimelineEntry(date, time_id, text, span.start, span.end))

    def build(self) -> Article:
        return Article(
            metadata=self.metadata,
            body=self.body,
            entities=tuple(self.entities),
            quotes=tuple(self.quotes),
            times=tuple(self.times),
            timeline=tuple(sorted(self.timeline, key=lambda t: (t.date, t.start))),
            id=self.article_id,
            source=f"{self.article_id}.txt",
            url=self.url,
        )


def bridge_article() -> Article:
    """A council story: a mayor with a title, "Ms." and "she"; a council; a spokesman."""
    b = Builder(
        "bridge-1",
        "The Port Elvin city council voted on Monday to fund repairs to the Harbour Street "
        "bridge.\n\n"
        '"We cannot keep asking families to drive around the bay," said Mayor Ingrid '
        "Salvesen. She said work would begin in May.\n\n"
        "Ms. Salvesen told reporters the bridge had been closed twice last year. A spokesman "
        "for the council said the money was already set aside.",
        url="https://www.elvin-gazette.example/local/bridge",
        section="Local News",
        published="2025-03-03",
    )
    council = b.entity("Port Elvin city council", "ORG", "Port Elvin city council")
    mayor = b.entity("Ingrid Salvesen", "PERSON", "Ingrid Salvesen", ("She", "pronoun"), "Salvesen")
    monday = b.time("Monday", "2025-03-03")
    may = b.time("May", "2025-05")
    b.quote(
        "We cannot keep asking families to drive around the bay,",
        "Ingrid Salvesen",
        entity=mayor,
        mention="Mayor Ingrid Salvesen",
    )
    b.quote(
        "work would begin in May",
        "Ingrid Salvesen",
        entity=mayor,
        mention="She",
        via="pronoun",
        type="indirect",
    )
    b.quote(
        "the bridge had been closed twice last year",
        "Ingrid Salvesen",
        entity=mayor,
        mention="Ms. Salvesen",
        type="indirect",
        cue="told",
    )
    b.quote(
        "the money was already set aside",
        "a spokesman",
        mention="A spokesman",
        via=None,
        type="indirect",
        about=(council,),
    )
    b.event(monday, "The Port Elvin city council voted on Monday to fund repairs")
    b.event(may, "work would begin in May")
    return b.build()


def strike_article(article_id: str = "strike-1", *, published: str = "2025-09-02") -> Article:
    """A port strike: a union leader quoted with "he", and a union as a source."""
    b = Builder(
        article_id,
        "Dockworkers at Vellmar port walked off the job on Tuesday. Union leader Tom Reyes said "
        "the offer was an insult. He said the strike would last three days. The Union of Port "
        "Workers said its members had rejected the offer. Port Elvin council was not asked.",
        url="https://news.example.org/business/strike",
        section="Business",
        published=published,
    )
    reyes = b.entity("Tom Reyes", "PERSON", "Tom Reyes", ("He", "pronoun"))
    union = b.entity("Union of Port Workers", "ORG", "Union of Port Workers")
    b.entity("Port Elvin", "GPE", "Port Elvin")
    tuesday = b.time("Tuesday", published)
    b.quote(
        "the offer was an insult",
        "Tom Reyes",
        entity=reyes,
        mention="Union leader Tom Reyes",
        type="indirect",
    )
    b.quote(
        "the strike would last three days",
        "Tom Reyes",
        entity=reyes,
        mention="He",
        via="pronoun",
        type="indirect",
        time=tuesday,
    )
    b.quote(
        "its members had rejected the offer",
        "Union of Port Workers",
        entity=union,
        mention="The Union of Port Workers",
        type="indirect",
    )
    b.event(tuesday, "Dockworkers at Vellmar port walked off the job on Tuesday")
    return b.build()


def berg_articles() -> list[Article]:
    """Two different Bergs, each named in full, and a third article saying only "Berg"."""
    articles = []
    for article_id, name, line in (
        ("berg-a", "Anna Berg", "Anna Berg said the school would reopen."),
        ("berg-b", "Lars Berg", "Lars Berg said the factory would close."),
        ("berg-c", "Berg", "Berg said nothing more."),
    ):
        b = Builder(article_id, line, published="2024-01-10")
        person = b.entity(name, "PERSON", name)
        text = line.split(" said ")[1].rstrip(".")
        b.quote(text, name, entity=person, mention=name, type="indirect")
        articles.append(b.build())
    return articles


def with_id(article: Article, article_id: str) -> Article:
    return replace(article, id=article_id)
