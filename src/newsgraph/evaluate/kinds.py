"""The gold kind of a PolNeAR attribution (speech, thought, finding), which PolNeAR does not
annotate, decided from its words by lists kept here apart from the quote step's own lists (so
that the evaluation does not grade the system by the system's vocabulary):

1. finding: the source's last word (its head, roughly) is in `FINDING_SOURCES` ("a new poll",
   "the report", "data from the bureau" → "data" is not last, so the source phrase is cut at
   " from "/" of "/" by " first);
2. thought: a word of the cue is a form of `THOUGHT_LEMMAS` ("believes", "plans", "hoped");
3. speech: a word of the cue is a form of `SPEECH_LEMMAS` ("said", "told", "according"), or
   the content opens with a quotation mark;
4. otherwise no kind: counted, not scored ("called for", "attacked", "pointed to").
"""

from __future__ import annotations

import re

from newsgraph.evaluate.polnear import Attribution
from newsgraph.records import QUOTE_KINDS


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


KINDS = QUOTE_KINDS

FINDING_SOURCES = _listed(
    """poll polls survey surveys report reports study studies data analysis analyses document
    documents memo memos records figures statistics numbers census research findings estimate
    estimates review audit filing filings records investigation report's study's poll's
    """
)
THOUGHT_LEMMAS = _listed(
    "believe think feel hope fear expect want plan intend know worry doubt suspect assume "
    "consider wonder wish suppose guess imagine trust understand realize realise recognize "
    "envision anticipate aim seek prefer like love hate dislike agree disagree favor favour "
    "oppose support reckon predict decide"
)
THOUGHT_WORDS = _listed(
    """belief beliefs view views opinion hope hopes fear fears worry worries concern concerned
    confident convinced sure certain aware afraid worried hopeful skeptical sceptical wary
    optimistic pessimistic doubtful determined eager keen intent intention plan plans"""
)
SPEECH_LEMMAS = _listed(
    "say tell add note state claim argue explain announce declare insist assert write report "
    "warn ask answer reply respond comment remark mention suggest recall acknowledge admit "
    "confirm deny tweet post testify describe call urge promise pledge vow predict boast "
    "complain charge allege contend maintain repeat reiterate stress emphasize emphasise "
    "concede continue speak according quip joke shout yell whisper cite"
)
IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"),
    "know": ("knows", "knew", "known", "knowing"),
    "understand": ("understands", "understood", "understanding"),
    "seek": ("seeks", "sought", "seeking"),
}

WORD = re.compile(r"[\w'’]+")
QUOTE_OPENERS = "\"“‘'«„"
SOURCE_CUT = re.compile(r"\s(?:from|of|by|in|on|at|for)\s", re.IGNORECASE)


def _forms(lemma: str) -> set[str]:
    """The inflected forms of an English verb: regular ones, and the irregular ones listed."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        third, past = lemma[:-1] + "ies", lemma[:-1] + "ied"
    else:
        third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
        past = stem + "ed"
    return {lemma, third, past, stem + "ing", *IRREGULAR.get(lemma, ())}


THOUGHT_FORMS = frozenset(f for lemma in THOUGHT_LEMMAS for f in _forms(lemma)) | THOUGHT_WORDS
SPEECH_FORMS = frozenset(f for lemma in SPEECH_LEMMAS for f in _forms(lemma))


def gold_kind(text: str, attribution: Attribution) -> str | None:
    """speech, thought, finding, or None when the words say none of them (module docstring)."""
    if _source_head(text, attribution) in FINDING_SOURCES:
        return "finding"
    cue = {w.lower() for s, e in attribution.cue for w in WORD.findall(text, s, e)}
    if cue & THOUGHT_FORMS:
        return "thought"
    if cue & SPEECH_FORMS or _opens_with_quote(text, attribution):
        return "speech"
    return None


def _source_head(text: str, attribution: Attribution) -> str:
    """The last word of the source before a preposition ("data from the bureau" → "data")."""
    phrase = " ".join(text[s:e] for s, e in sorted(attribution.source))
    phrase = SOURCE_CUT.split(phrase, maxsplit=1)[0]
    words = WORD.findall(phrase)
    return words[-1].lower() if words else ""


def _opens_with_quote(text: str, attribution: Attribution) -> bool:
    if not attribution.content:
        return False
    start = min(s for s, _ in attribution.content)
    return any(c in QUOTE_OPENERS for c in text[max(0, start - 1) : start + 1])
