"""newsgraph_quotes: direct, indirect and mixed quotes with cue and resolved speaker.

Three finders meet here:
- `marks` gives the quoted stretches of the text (direct quotes);
- `cues` gives the cues of the parse with their sources and contents;
- `speakers` turns a source phrase into a speaker (pronouns, titles, entities).
A cue whose content is a quoted stretch makes a direct quote; one whose content holds quoted
words and more makes a mixed quote; one whose content has no quotation marks, an indirect
quote. A quoted stretch with no cue of its own takes the speech cue of its sentence, or
continues the quote before it (in its paragraph, or in the paragraph before when it opens its
own); one with neither, or a short one inside a sentence, is a title, a slogan or a scare
quote: nobody's statement, left out. A cue inside another cue's content is left out too (a
report of a report is one attribution, the outer one), unless the cue scorer is sure of it.
A cue that reports no statement (an action, a refusal, a question, a heading: `statements`)
and anything in a paragraph of page furniture (`furniture`) are left out as well.

Each quote says what it reports (`kinds`: speech, thought, finding), how its speaker was found
(`speaker.via`), and whom it is about (`about`); the first person of a direct quote becomes a
pronoun mention of its speaker's entity.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.lang.en import quotes as lang
from newsgraph.nlp.quotes.about import MentionIndex, about, with_first_person
from newsgraph.nlp.quotes.context import quote_context
from newsgraph.nlp.quotes.cues import (
    CueMatch,
    find_cues,
    outside_source,
    quoted_transcript_lines,
    source_after_quote,
)
from newsgraph.nlp.quotes.furniture import furniture_paragraphs
from newsgraph.nlp.quotes.kinds import continued_kind, quote_kind
from newsgraph.nlp.quotes.learned import CueScorer, rescore_cues
from newsgraph.nlp.quotes.marks import (
    STATEMENT_WORDS,
    WORD,
    QuotedSpan,
    find_quoted_spans,
    inside_quoted,
)
from newsgraph.nlp.quotes.speakers import SpeakerResolver
from newsgraph.nlp.quotes.statements import as_statement
from newsgraph.records import (
    Entity,
    Quote,
    QuoteType,
    Span,
    Speaker,
    SpeakerVia,
    continued_quote,
)

# Quoted words without a cue: fewer than this are a title or a scare quote, not a statement.
MIN_UNATTRIBUTED_WORDS = 3
# A cue whose sentence starts this close after a closing mark still belongs to the quote
# (the parser may split `"…," he said.` after the mark).
CUE_REACH = 2
QUOTE_OPENERS = " \"“'‘«„‹「『`"
MASK = "#"  # what stands for a quoted transcript's lines when quotation marks are looked for


@dataclass(slots=True)
class Draft:
    start: int
    end: int
    type: QuoteType
    cue: CueMatch | None


def find_quotes(doc: Doc, cue_model: CueScorer | None = None) -> tuple[Quote, ...]:
    """The quotes of a parsed doc whose entities are grouped, in order of their start; with
    a `cue_model`, its cues join the rules' and it vetoes the rules' doubtful ones."""
    return find_attributions(doc, cue_model)[0]


def find_attributions(
    doc: Doc, cue_model: CueScorer | None = None
) -> tuple[tuple[Quote, ...], tuple[Entity, ...]]:
    """The quotes (as `find_quotes`), and the doc's entities with the first person of each
    direct quote added as pronoun mentions of its speaker (never twice)."""
    text = doc.text
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    furniture = furniture_paragraphs(doc, text)
    quoted = [
        q
        for q in find_quoted_spans(
            _masked(text, quoted_transcript_lines(doc, text)), sentence_starts
        )
        if not _within(q.start, furniture)
    ]
    starts = [q.start for q in quoted]

    def inside(offset: int) -> bool:
        return inside_quoted(offset, quoted, starts)

    found, sure = find_cues(doc, text), set[int]()
    if cue_model is not None:
        found, sure = rescore_cues(doc, found, quoted, cue_model, inside)
    ends = [q.end for q in quoted]
    cues = _outermost(
        doc,
        [
            source_after_quote(doc, outside_source(doc, _in_paragraph(text, cue), inside), ends)
            for cue in _statements(doc, text, found, furniture)
            if not inside(cue.start)
        ],
        sure,
    )
    drafts, used, direct_cues = _from_cues(text, cues, quoted)
    unused = [q for q in quoted if q not in used]
    drafts += _from_marks(text, unused, cues, direct_cues, sentence_starts)
    drafts.sort(key=lambda d: d.start)
    speakers = _speakers(doc, cues)
    quotes: list[Quote] = []
    for draft in drafts:
        quote = _finish(doc, text, draft, quotes, speakers)
        # Quoted words with no cue that continue no quote before them are nobody's statement
        # (a slogan, a headline, a title): left out.
        if quote is not None:
            quotes.append(quote)
    mentions = MentionIndex(doc._.ng_entities)
    final = tuple(
        replace(q, id=f"q{i}", about=about(q, mentions)) for i, q in enumerate(quotes, start=1)
    )
    return final, with_first_person(doc, doc._.ng_entities, final, text, mentions)


def _masked(text: str, lines: list[tuple[int, int]]) -> str:
    """The text with the given lines blotted out (same length, same offsets): the quotation
    marks of a quoted transcript frame its lines, which the speakers' cues give out. Blotted
    with a mark that is no space, so that no quotation runs on over them."""
    if not lines:
        return text
    pieces, position = [], 0
    for start, end in lines:
        pieces += [text[position:start], MASK * (end - start)]
        position = end
    return "".join(pieces) + text[position:]


def _statements(
    doc: Doc, text: str, cues: list[CueMatch], furniture: list[tuple[int, int]]
) -> list[CueMatch]:
    """The cues that report statements, outside the page's furniture (`statements`)."""
    kept = (as_statement(doc, cue, text) for cue in cues if not _within(cue.start, furniture))
    return [cue for cue in kept if cue is not None]


def _within(offset: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether `offset` falls in one of the ordered character ranges."""
    index = bisect.bisect_left(ranges, (offset + 1, -1)) - 1  # the last range starting at or before
    return index >= 0 and ranges[index][0] <= offset < ranges[index][1]


def _outermost(doc: Doc, cues: list[CueMatch], sure: set[int]) -> list[CueMatch]:
    """Drop cues inside another cue's content: a report of a report is mostly one attribution
    (the outer one) in PolNeAR; but a cue word the scorer is `sure` of stays (the nested
    attributions PolNeAR does annotate: "Clinton told the audience that she believes …"), and
    so does a verb of saying in a relative clause ("…, which he said had …")."""
    ranges = [(cue, r) for cue in cues for r in cue.content]
    return [
        cue
        for cue in cues
        if cue.verb in sure
        or _relative_report(doc, cue)
        or not any(other is not cue and r[0] <= cue.start < r[1] for other, r in ranges)
    ]


def _relative_report(doc: Doc, cue: CueMatch) -> bool:
    """ "Trump cited the policies, which he said had harmed the economy": a verb of saying
    that heads a relative clause with a subject of its own reports for that subject, not
    for the outer cue's; PolNeAR annotates it as an attribution of its own."""
    if cue.form != "clause" or cue.lemma not in lang.SPEECH_VERBS:
        return False
    verb = doc[cue.verb]
    if verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ not in lang.RELATIVE_PRONOUNS for c in verb.children)


def _from_cues(
    text: str, cues: list[CueMatch], quoted: list[QuotedSpan]
) -> tuple[list[Draft], set[QuotedSpan], set[int]]:
    """Quotes from cues with content; the quoted spans they use; the cues that got a direct
    quote (they may take more quoted stretches of their sentence: `"A," he said, "B."`)."""
    drafts: list[Draft] = []
    used: set[QuotedSpan] = set()
    direct_cues: set[int] = set()
    for cue in cues:
        for start, end in cue.content:
            start, end = _clean(text, start, end)
            if end <= start:
                continue
            inside = [q for q in quoted if q.start < end and q.end > start]
            used.update(inside)
            if not inside:
                drafts.append(Draft(start, end, "indirect", cue))
            elif _only_quotes(text, start, end, inside):
                drafts.extend(Draft(q.start, q.end, "direct", cue) for q in inside)
                direct_cues.add(cue.verb)
            else:
                start, end = min(start, inside[0].start), max(end, inside[-1].end)
                drafts.append(Draft(start, end, "mixed", cue))
    return drafts, used, direct_cues


def _in_paragraph(text: str, cue: CueMatch) -> CueMatch:
    """The cue with its content cut to its own paragraph: the parser may run a sentence over
    a paragraph break; content never does (a quote over several paragraphs comes from its
    quotation marks)."""
    # A colon at a paragraph's end gives the next paragraph: that one is the content's own.
    anchor = cue.start
    if cue.colon and cue.content:
        anchor = cue.content[0][0]
    end = text.find("\n", anchor)
    low, high = text.rfind("\n", 0, anchor) + 1, len(text) if end < 0 else end
    content = tuple(
        (max(start, low), min(end, high))
        for start, end in cue.content
        if start < high and end > low
    )
    return replace(cue, content=content) if content != cue.content else cue


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without edge punctuation and without the complementiser "that"."""
    while start < end and text[start] in lang.EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in lang.EDGE_PUNCTUATION:
        end -= 1
    for word in lang.COMPLEMENTIZERS:
        if text[start : start + len(word)].lower() == word:
            start += len(word)
    return start, end


def _only_quotes(text: str, start: int, end: int, inside: list[QuotedSpan]) -> bool:
    """Whether [start, end) holds no words outside the quoted spans."""
    position = start
    for q in inside:
        if WORD.search(text, position, max(position, q.start)):
            return False
        position = max(position, q.end)
    return WORD.search(text, position, max(position, end)) is None


def _from_marks(
    text: str,
    quoted: list[QuotedSpan],
    cues: list[CueMatch],
    direct_cues: set[int],
    sentence_starts: list[int],
) -> list[Draft]:
    """Quotes from quoted stretches that no cue's content covers, given to the nearest free
    cue of their sentence: a verb of saying without content or with a direct quote, or a
    learned cue beside a quotation ("“…,” Trump shot back"). Without a cue, only a
    stretch that opens its sentence and has some words may continue a speaker: a quoted
    title or phrase inside a sentence ("reading “War and Peace”") is nobody's statement."""
    free = [
        c
        for c in cues
        if c.form == "beside"
        or (c.lemma in lang.SPEECH_VERBS and (not c.content or c.verb in direct_cues))
    ]
    drafts: list[Draft] = []
    for q in quoted:
        cue = _nearest_cue(text, q, free)
        if cue is not None:
            drafts.append(Draft(q.start, q.end, "direct", cue))
        elif _may_continue(text, q, sentence_starts):
            drafts.append(Draft(q.start, q.end, "direct", None))
    return drafts


def _may_continue(text: str, q: QuotedSpan, sentence_starts: list[int]) -> bool:
    words = len(WORD.findall(text, q.start, q.end))
    if words >= STATEMENT_WORDS:
        return True  # a whole statement, wherever the parser put the sentence break
    index = bisect.bisect_right(sentence_starts, q.start) - 1
    sentence_start = sentence_starts[index] if index >= 0 else 0
    opens = not text[sentence_start : q.start].strip(QUOTE_OPENERS + "\n")
    return opens and words >= MIN_UNATTRIBUTED_WORDS


def _nearest_cue(text: str, q: QuotedSpan, cues: list[CueMatch]) -> CueMatch | None:
    """The speech cue of the quote's sentence (outside the quote), nearest to it."""
    best: tuple[int, CueMatch] | None = None
    for cue in cues:
        sentence_start, sentence_end = cue.clause
        if sentence_start > q.end + CUE_REACH or sentence_end <= q.start:
            continue
        if q.start <= cue.start < q.end:
            continue
        if "\n" in text[q.end : sentence_start]:
            continue  # a sentence of the next paragraph is no cue of this quote's
        distance = cue.start - q.end if cue.start >= q.end else q.start - cue.end
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


def _speakers(doc: Doc, cues: list[CueMatch]) -> dict[int, Speaker]:
    """The speaker of each cue, resolved in text order so that pronouns look back."""
    resolver = SpeakerResolver(doc, doc._.ng_entities)
    order = sorted(cues, key=lambda c: c.source[0] if c.source else c.verb)
    return {cue.verb: resolver.resolve(cue.source, cue.source_head) for cue in order}


def _finish(
    doc: Doc, text: str, draft: Draft, before: list[Quote], speakers: dict[int, Speaker]
) -> Quote | None:
    # `text` is doc.text, passed in: spaCy rebuilds doc.text from the tokens on every access.
    cue = draft.cue
    if cue is not None:
        speaker = speakers[cue.verb]
        kind = quote_kind(doc, cue, draft.type)
    else:
        previous = continued_quote(before)
        inherited = _inherited(text, draft, previous)
        if inherited is None or previous is None:
            return None
        speaker, kind = inherited, continued_kind(previous.kind, draft.type)
    return Quote(
        id=f"q{len(before) + 1}",
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        type=draft.type,
        cue=Span(cue.start, cue.end, text[cue.start : cue.end]) if cue else None,
        speaker=speaker,
        context=quote_context(doc, cue) if cue else None,
        kind=kind,
    )


def _inherited(text: str, draft: Draft, previous: Quote | None) -> Speaker | None:
    """A quote with no cue continues the speaker of the quote before it in its paragraph, or
    of the last quote of the paragraph before when it opens its own paragraph (the news
    convention: a paragraph of quotation after an attributed one is the same voice). None
    when it continues no quote."""
    if previous is None:
        return None
    paragraph_start = text.rfind("\n", 0, draft.start) + 1
    same_paragraph = previous.end >= paragraph_start
    opens_paragraph = not text[paragraph_start : draft.start].strip(QUOTE_OPENERS)
    previous_paragraph = _previous_paragraph_start(text, paragraph_start)
    follows = previous_paragraph is not None and previous.start >= previous_paragraph
    if same_paragraph or (opens_paragraph and follows):
        # The continued attribution's source mention travels with it: a reader of this quote
        # alone still sees who was named as its source.
        found = previous.speaker
        via: SpeakerVia | None = "continuation" if found.name is not None else None
        return Speaker(name=found.name, entity=found.entity, mention=found.mention, via=via)
    return None


def _previous_paragraph_start(text: str, paragraph_start: int) -> int | None:
    """Where the paragraph before the one starting at `paragraph_start` starts."""
    end = paragraph_start - 1
    while end > 0 and text[end - 1] in "\n \t\r":
        end -= 1
    if end <= 0:
        return None
    return text.rfind("\n", 0, end) + 1


class QuoteFinder:
    def __init__(self, cue_model: CueScorer | None) -> None:
        self.cue_model = cue_model

    def __call__(self, doc: Doc) -> Doc:
        quotes, entities = find_attributions(doc, self.cue_model)
        self.set_annotations(doc, quotes, entities)
        return doc

    def set_annotations(
        self, doc: Doc, quotes: tuple[Quote, ...], entities: tuple[Entity, ...]
    ) -> None:
        doc._.ng_quotes = quotes
        doc._.ng_entities = entities


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.ng_quotes", "doc._.ng_entities"],
    requires=["doc._.ng_entities"],
    default_config={"cue_model": None},
)
def make_quote_finder(nlp: Language, name: str, cue_model: CueScorer | None) -> QuoteFinder:
    """`cue_model`: the learned cue scorer beside the rules, built from the config the way
    spaCy builds a component's files (`{"@misc": "newsgraph.cue_model.v1", "path": …}`, see
    `nlp/cues/model.py`); null: the rules alone."""
    return QuoteFinder(cue_model)
