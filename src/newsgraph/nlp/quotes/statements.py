"""Cues that report no statement at all: actions, refusals, questions, requests, headings.

A listed word is a cue in most of its uses, not all: "added 0.4 per cent" is what an index
did, "declined to comment" says nothing, "asked whether the tax would rise" puts a question,
"asked the player for an autograph" makes a request, "MARKETS:" labels a section. The rules,
in order (language data: `lang/en/statements.py`):
1. a line's label that is page furniture, or whose content is a bare number (a tally:
   "Clinton: 1,769"), is no speaker's;
2. a refusal to speak ("declined to comment", "refused to say") is silence, and so is an
   idiom ("all told", "that said") or a verb whose object is nothing ("said nothing about");
3. a negated verb of answering without a reported clause ("did not respond to requests",
   "did not say whether") is silence too;
4. a verb of asking with a question clause ("asked whether …", "asked who …"), a thing asked
   about or for ("asked about the plan", "asked the council for a delay") or only the person
   asked ("asked the minister") puts a question or a request, not a statement;
5. a verb of saying with a common reading as an act whose only content is its direct object
   reports an action: "added 0.4 per cent", "added two lanes", "continued the work"; so does
   a verb of perceiving whose content is a bare noun phrase ("found cracked bearings", "saw
   the crash"), unless a poll or a report is its source ("the poll found strong support");
   a legal act with an object ("sued the city", "sued over the closure"); and a vote,
   whatever follows it ("voted to fund the repairs", "voted against the plan").
   Other objects stay: PolNeAR, and a reader, count "said the same of Sanders", "wants a
   wall", "criticized the plan", "sees it as a failure" and "endorsed one of them".
A verb of saying whose object is a lone pronoun ("said it") reports nothing by it either.
A verb of saying that puts a question or reports an act keeps its cue without content: the
quoted words beside it are still its subject's ("“And the shelves?” a visitor asked her" is
the visitor's question, not the previous speaker's words).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.lang.en import quotes as lang
from newsgraph.lang.en import statements as words
from newsgraph.nlp.quotes.content import direct_object
from newsgraph.nlp.quotes.cues import CueMatch
from newsgraph.nlp.quotes.furniture import is_furniture_label
from newsgraph.nlp.quotes.kinds import is_finding_source
from newsgraph.nlp.quotes.source import QUOTE_TOKENS

NEGATION_DEPS = frozenset({"neg"})
# Each word of an idiom → the idioms it is in, as words, and its place in them.
IDIOMS_BY_WORD: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _idiom_words in (tuple(idiom.split()) for idiom in sorted(words.IDIOMS)):
    for _place, _word in enumerate(_idiom_words):
        IDIOMS_BY_WORD.setdefault(_word, []).append((_idiom_words, _place))
# What a tally's content is made of: digits, their separators and a sign.
TALLY_CHARACTERS = frozenset("0123456789.,%+-–— \t")


def as_statement(doc: Doc, cue: CueMatch, text: str) -> CueMatch | None:
    """The cue as the cue of a statement (speech, a thought or a finding); None when it
    reports none; without its content when it is a verb of saying that put a question or
    did something (the quoted words beside it may still be its subject's)."""
    if cue.lemma in lang.LAYOUT_CUES:
        return None if _furniture_lead(doc, cue, text) else cue
    if cue.form in ("according", "passive", "noun"):
        return cue  # no verb of its own to misread
    verb = doc[cue.verb]
    if _refusal(verb, cue) or _idiom(verb) or _nothing_said(verb, cue) or _silence(verb, cue):
        return None
    if cue.lemma in lang.SPEECH_VERBS and _pronoun_only(verb, cue):
        return replace(cue, content=(), form="none")
    if _question_or_request(verb, cue) or _action(cue) or _perception(doc, verb, cue):
        if cue.lemma in lang.SPEECH_VERBS:
            return replace(cue, content=(), form="none")
        return None
    return cue


def _furniture_lead(doc: Doc, cue: CueMatch, text: str) -> bool:
    """ "MARKETS: …", "Email: …", "Clinton: 1,769": a label of the page, or a tally."""
    if cue.source is not None and is_furniture_label(doc[cue.source[0] : cue.source[1]].text):
        return True
    return all(set(text[start:end]) <= TALLY_CHARACTERS for start, end in cue.content)


def _refusal(verb: Token, cue: CueMatch) -> bool:
    """ "declined to comment", "refused to say", "declined comment": the refused act is
    speaking, and so is no statement either ("comment on the strike" in "declined to comment
    on the strike"). "refused to resign" is a stance and stays."""
    if verb.dep_ == "xcomp" and verb.i > verb.head.i:
        head = verb.head.lemma_.lower()
        if head in words.REFUSAL_CUES and verb.lemma_.lower() in words.COMMENT_VERBS:
            return True
    if cue.lemma not in words.REFUSAL_CUES:
        return False
    for child in verb.children:
        if child.i > verb.i and child.dep_ == "xcomp":
            return child.lemma_.lower() in words.COMMENT_VERBS
        if child.i > verb.i and child.dep_ == "dobj":
            # "declined an interview request", "refused requests for comment"
            return any(t.lemma_.lower() in words.COMMENT_VERBS for t in child.subtree)
    return False


def _idiom(verb: Token) -> bool:
    """ "All told, …", "That said, …", "to say the least": no one says anything. Each idiom
    with the verb's word in it is compared word by word with the words around the verb."""
    doc = verb.doc
    for idiom, position in IDIOMS_BY_WORD.get(verb.lower_, ()):
        start = verb.i - position
        if start < 0 or start + len(idiom) > len(doc):
            continue
        if all(doc[start + k].lower_ == word for k, word in enumerate(idiom)):
            return True
    return False


def _nothing_said(verb: Token, cue: CueMatch) -> bool:
    """ "said nothing about the layoffs", "revealed little": the object says nothing was."""
    if cue.form != "object":
        return False
    obj = direct_object(verb)
    return obj is not None and obj.lower_ in words.NOTHING_SAID


def _silence(verb: Token, cue: CueMatch) -> bool:
    """ "did not respond to a request for comment", "did not say whether …": a negated verb
    of answering whose content is no reported clause, or a question clause."""
    if cue.lemma not in words.SILENCE_CUES:
        return False
    # The negation before the verb ("did not respond"), outside quotation marks: one after
    # it, or behind a quotation mark, belongs to a quote the parser hung there (`"Probably
    # not," she said`, `she said: "Not yet."`).
    if not any(c.dep_ in NEGATION_DEPS and _negates(verb, c) for c in verb.children):
        return False
    return cue.form not in ("clause", "adverbial") or _opens_question(verb.doc, cue)


def _negates(verb: Token, negation: Token) -> bool:
    """Whether a negation the verb governs is the verb's own: before it, with no quotation
    mark between them."""
    doc = verb.doc
    return negation.i < verb.i and not any(
        t.text in QUOTE_TOKENS for t in doc[negation.i + 1 : verb.i]
    )


def _pronoun_only(verb: Token, cue: CueMatch) -> bool:
    """ "he said it", "she described them": an object that is a lone pronoun points at what
    was said elsewhere and reports nothing itself (a quotation beside the verb may still be
    its content)."""
    if cue.form != "object":
        return False
    obj = direct_object(verb)
    if obj is None or obj.pos_ != "PRON" or obj.n_lefts or obj.n_rights:
        return False
    return cue.content[-1][1] <= obj.idx + len(obj.text)


def _question_or_request(verb: Token, cue: CueMatch) -> bool:
    """ "asked whether …", "asked about the plan", "asked the player for an autograph",
    "asked the minister": a question or a request put to someone. "asked voters to stay
    home" (an infinitive) reports what was urged, and stays."""
    if cue.lemma not in words.QUESTION_CUES:
        return False
    if cue.form in ("object", "preposition"):
        return True
    return _opens_question(verb.doc, cue)


def _opens_question(doc: Doc, cue: CueMatch) -> bool:
    """Whether the content is a reported question: it opens with a question word
    ("whether", "if", "who", …) and no quotation mark (a quoted question is the words
    someone said: "“Who will pay?” asked Tomas Berg")."""
    if not cue.content:
        return False
    span = doc.char_span(cue.content[0][0], cue.content[0][1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    quoted = first.text in QUOTE_TOKENS or (first.i > 0 and doc[first.i - 1].text in QUOTE_TOKENS)
    return not quoted and first.lower_ in words.QUESTION_OPENERS


def _action(cue: CueMatch) -> bool:
    """A verb of saying whose content is its direct object, read as an act ("added 0.4 per
    cent", "added two lanes", "continued the work"): what the subject did, not what it said
    (a number or a noun phrase is no clause and no quotation); a legal act on someone or
    over something ("sued the city", "sued over the closure"); and a vote, whatever its
    complement ("voted to fund the repairs")."""
    if cue.lemma in words.VOTING_ACTS:
        return True  # "voted to fund the repairs", "voted against the plan"
    if cue.lemma in words.LEGAL_ACTS:
        return cue.form in ("object", "preposition")
    return cue.form == "object" and cue.lemma in words.ACTION_READINGS


def _perception(doc: Doc, verb: Token, cue: CueMatch) -> bool:
    """ "found cracked bearings", "saw the crash": a verb of perceiving with a bare noun
    phrase (nothing completes it: "sees it as a failure" stays) and a source that is no poll
    or report."""
    if cue.form != "object" or cue.lemma not in words.PERCEPTION_READINGS:
        return False
    if cue.source_head is not None and is_finding_source(doc[cue.source_head]):
        return False
    obj = direct_object(verb)
    if obj is None:
        return False
    last = obj.right_edge
    return cue.content[-1][1] <= last.idx + len(last.text)
