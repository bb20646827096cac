"""English data for quotes: reporting verbs, cue phrases, pronouns and titles.

The verb lists were drawn from the cues annotated in PolNeAR's training split and from the
usual lists of reporting verbs; the algorithms in `nlp/quote_*.py` know no words themselves.
"""

from __future__ import annotations

from newsgraph.lang.en.statements import ISSUED_DOCUMENTS

# Verbs of saying: their clause complement is speech ("said that", "told reporters that").
# They also make the "speech" slice of the evaluation.
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "write",
        "ask",
        "note",
        "announce",
        "argue",
        "declare",
        "explain",
        "tweet",
        "acknowledge",
        "claim",
        "insist",
        "warn",
        "stress",
        "emphasize",
        "emphasise",
        "promise",
        "recall",
        "respond",
        "reply",
        "urge",
        "state",
        "admit",
        "confirm",
        "deny",
        "reveal",
        "mention",
        "assert",
        "allege",
        "contend",
        "testify",
        "vow",
        "pledge",
        "complain",
        "boast",
        "joke",
        "quip",
        "shout",
        "scream",
        "yell",
        "whisper",
        "cry",
        "exclaim",
        "remark",
        "comment",
        "concede",
        "repeat",
        "reiterate",
        "suggest",
        "predict",
        "report",
        "continue",
        "charge",
        "counter",
        "retort",
        "caution",
        "point",  # "pointed out"
        "speak",
        "post",
        "propose",
        "recount",
        "observe",
        "answer",
        "agree",
        "conclude",
        "estimate",
        "accuse",
        "describe",
    }
)

# The plainest verbs of saying: "praised the forces, saying that …" is one statement, reported
# by the saying, so the praise gives no second attribution.
SAYING_VERBS = frozenset({"say", "add", "tell", "note", "write", "explain", "argue", "insist"})

# The verbs of saying that define the speech slice of `newsgraph eval quotes`. A list of its
# own, fixed: the rules' lists may change as they are tuned; the metric must not.
_SPEECH_SLICE_WORDS = """
    accuse acknowledge add admit agree allege announce answer argue ask assert boast caution
    charge claim comment complain concede conclude confirm contend continue counter cry
    declare deny describe emphasise emphasize estimate exclaim explain insist joke mention
    note observe pledge point post predict promise propose quip recall recount reiterate
    remark repeat reply report respond retort reveal say scream shout speak state stress
    suggest tell testify tweet urge vow warn whisper write yell
"""
SPEECH_SLICE_VERBS = frozenset(_SPEECH_SLICE_WORDS.split())

# Verbs of thinking, knowing and finding: PolNeAR annotates them as attributions too.
BELIEF_VERBS = frozenset(
    {
        "think",
        "believe",
        "know",
        "find",
        "show",
        "hope",
        "worry",
        "expect",
        "doubt",
        "realize",
        "realise",
        "understand",
        "learn",
        "assume",
        "suspect",
        "guess",
        "indicate",
        "wonder",
        "figure",
        "decide",
        "determine",
        "recognize",
        "see",
        "remember",
        "agree",
        "consider",
        "insist",
        "prove",
        "suggest",
    }
)

REPORTING_VERBS = SPEECH_VERBS | BELIEF_VERBS

# Verbs whose "to"-infinitive complement is what the source wants or intends: "vowed to
# fight", "urged voters to stay home". Only these take an `xcomp` as content.
INTENT_VERBS = frozenset(
    {
        "want",
        "hope",
        "hop",  # the lemmatizer's reading of "hopes" and "hoped"
        "plan",
        "intend",
        "promise",
        "vow",
        "urge",
        "threaten",
        "refuse",
        "decline",
        "seek",
        "decide",
        "ask",
        "encourage",
        "prefer",
        "agree",
        "offer",
        "propose",
        "call",
    }
)

# Verbs whose direct object is the content of an attribution as PolNeAR annotates it: the
# stance, the claim or the words ("criticized the plan", "announced his candidacy", "called
# him a fascist"). Chosen on PolNeAR's training split: verbs that are cues in most of their
# uses there.
OBJECT_VERBS = frozenset(
    {
        "call",
        "announce",
        "criticize",
        "criticise",
        "endorse",
        "describe",
        "accuse",
        "discuss",
        "mention",
        "cite",
        "praise",
        "denounce",
        "dismiss",
        "highlight",
        "express",
        "tout",
        "blast",
        "applaud",
        "mock",
        "blame",
        "defend",
        "question",
        "urge",
        "echo",
        "emphasize",
        "emphasise",
        "stress",
        "prefer",
        "confirm",
        "claim",
        "note",
        "tweet",
        "write",
        "show",
        "report",
        "propose",
        "present",
        "reject",
        "condemn",
        "decry",
        "slam",
        "laud",
        "hail",
        "support",
        "back",
        "oppose",
        "deny",
        "acknowledge",
        "reveal",
        "predict",
        "recall",
        "repeat",
        "suggest",
        "ask",
        "answer",
        "insist",
        "warn",
        "promise",
        "pledge",
        "offer",
        "recommend",
        "thank",
        "name",
        "label",
        "dub",
        "brand",
        "characterize",
        "post",
        "share",
        "retweet",
        "argue",
        "explain",
        "admit",
        "imply",
        "release",
        "remind",
        "view",
        "assure",
        "identify",
        "ignore",
        "lament",
        "issue",
        "deem",
        "disclose",
        "coin",
        "bemoan",
        "articulate",
        "list",
        "cheer",
        "embrace",
    }
)

# Verbs whose direct object is the person addressed, not what was said ("told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "remind", "assure", "inform", "notify", "brief"})

# Prepositions whose phrase right after an object completes it as content ("described it as
# a disaster", "accused the GOP of stoking", "defended Clinton against the charges",
# "announced a concert in support of her", "put the cost at $5 billion"); others set the
# scene ("after the debate", "during the hearing") and stay out.
COMPLEMENT_PREPOSITIONS = frozenset(
    {
        "as",
        "of",
        "for",
        "against",
        "to",
        "about",
        "on",
        "with",
        "into",
        "over",
        "from",
        "like",
        "in",
        "at",
        "alongside",
        "underneath",
        "among",
    }
)

# Verbs whose content is the object of a preposition: "warned of a crisis", "talked about
# the wall". The preposition belongs to the cue.
PREPOSITION_CONTENT = {
    "warn": frozenset({"of", "about", "against"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of"}),
    "complain": frozenset({"about", "of"}),
    "boast": frozenset({"about", "of"}),
    "joke": frozenset({"about"}),
    "write": frozenset({"about", "of"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "call": frozenset({"for", "on"}),
    "focus": frozenset({"on"}),
    "ask": frozenset({"about"}),
    "argue": frozenset({"for", "against"}),
    "agree": frozenset({"with"}),
    "comment": frozenset({"on"}),
    "worry": frozenset({"about"}),
    "think": frozenset({"about", "of"}),
    "push": frozenset({"for"}),
    "rail": frozenset({"against"}),
    "balk": frozenset({"at"}),
    "weigh": frozenset({"on"}),
    "care": frozenset({"about"}),
    "dwell": frozenset({"on"}),
    # "responded with a joke"; "responded to the criticism" says nothing by itself.
    "respond": frozenset({"with"}),
    "reply": frozenset({"with"}),
}

# Prepositions whose object is the content of a cue word the learned scorer finds (a verb or
# an adjective no list names): "bristled at the questions", "doubled down on his attacks",
# "is critical of the deal", "was coy about her plans". Not "for" and "against": "voted for
# the plan", "fought against the closure" report acts (the listed "argue for", "rail against"
# keep theirs).
LEARNED_CUE_PREPOSITIONS = frozenset({"about", "of", "on", "at", "over", "with"})

# A participle after these nouns ("a statement saying …", "an article stating …") reports
# what whoever wrote or sent them says, when a verb says who did ("issued", "shot back in").
WRITTEN_THINGS = (ISSUED_DOCUMENTS - {"spokesperson", "website"}) | {
    "article",
    "report",
    "op-ed",
    "column",
    "piece",
    "ad",
    "advertisement",
    "video",
    "editorial",
    "essay",
    "blog",
    "text",
}
# Occasions of speaking: a participle after one ("at a news conference announcing …") is the
# speaker's, the subject of the verb that governs the occasion.
SPEAKING_OCCASIONS = frozenset(
    {
        "conference",
        "interview",
        "briefing",
        "hearing",
        "rally",
        "appearance",
        "event",
        "debate",
        "session",
        "call",
        "broadcast",
        "podcast",
        "meeting",
    }
)
# Verbs whose object is who is addressed: "emailed supporters saying …" is the sender's.
ADDRESSING_VERBS = frozenset(
    {
        "email",
        "e-mail",
        "text",
        "send",
        "tell",
        "message",
        "write",
        "call",
        "urge",
        "remind",
        "warn",
        "assure",
        "address",
        "lobby",
        "petition",
        "thank",
    }
)

# Things said to someone: "a pitch to voters saying …" is the speaker's pitch.
ADDRESSED_THINGS = frozenset({"pitch", "appeal", "plea", "speech", "remarks", "address"})

# Words that are a whole answer after a verb of saying: "46 percent said yes", "said so",
# "said as much".
ANSWER_PHRASES = (("yes",), ("no",), ("so",), ("as", "much"))

# Verbs of the act of speaking: their content is only a preposition's object ("spoke about
# the plan", in `PREPOSITION_CONTENT`) or a quotation beside them, never an object, a clause
# or the words around them ("spoke at the town hall", "spoke for an hour").
SPEAKING_VERBS = frozenset({"speak", "talk"})

# Verbs that only count when a preposition or clause follows (a bare "talk" is no quote).
PREPOSITION_ONLY_VERBS = frozenset(
    {"talk", "refer", "respond", "point", "focus", "push", "call", "weigh"}
)

# Particles that belong to the cue ("pointed out").
CUE_PARTICLES = frozenset({"out", "up", "on"})

# The cue of a signed quotation (`“…” ― Name`): the dash, shown as this lemma.
SIGNATURE_CUE = "―"
# Cues made by the layout, not by a word (a "Name:" line, a signed quotation): nothing to score.
LEAD_CUE = ":"
LAYOUT_CUES = frozenset({LEAD_CUE, SIGNATURE_CUE})

# "according to X": the source is the object of the second word.
ACCORDING_TO = ("according", "to")

# Verbs of saying for the evaluation's speech slice, as the inflected forms a gold cue shows.
IRREGULAR_FORMS = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
}

# Pronouns a speaker may be: what they can refer to (PERSON and/or ORG) and their number.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
THING_PRONOUNS = frozenset({"it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Quantifiers after a source that do not belong to it: "Bush and Cruz both".
FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})
SPEAKER_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS

# Entity labels that can speak.
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})

# Words that make a noun phrase a title or role ("the minister", "a spokesman"): a title
# alone resolves to the person the article gives it to.
TITLE_WORDS = frozenset(
    {
        "president",
        "vice",
        "minister",
        "secretary",
        "secretary-general",
        "chancellor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "mayor",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "chief",
        "ceo",
        "leader",
        "ambassador",
        "general",
        "commander",
        "candidate",
        "nominee",
        "adviser",
        "advisor",
        "aide",
        "manager",
        "official",
        "officer",
        "representative",
        "rep.",
        "congressman",
        "congresswoman",
        "speaker",
        "judge",
        "attorney",
        "prosecutor",
        "lawyer",
        "king",
        "queen",
        "prince",
        "premier",
        "envoy",
        "head",
        "founder",
        "strategist",
        "pollster",
        "analyst",
        "professor",
        "host",
        "anchor",
        "editor",
        "correspondent",
        "reporter",
        "commissioner",
        "superintendent",
        "sheriff",
        "mogul",
        "billionaire",
    }
)

# Nouns for people that are no title: an unnamed speaker with one of these for head (or a
# title) is someone "he" or "she" may refer to; other nouns are bodies ("it", "they").
PERSON_NOUNS = frozenset(
    [
        "man",
        "woman",
        "boy",
        "girl",
        "person",
        "resident",
        "citizen",
        "neighbour",
        "neighbor",
        "villager",
        "local",
        "owner",
        "councillor",
        "councilor",
        "councilman",
        "councilwoman",
        "member",
        "lawmaker",
        "legislator",
        "politician",
        "worker",
        "employee",
        "teacher",
        "doctor",
        "nurse",
        "student",
        "pupil",
        "farmer",
        "fisherman",
        "driver",
        "pilot",
        "witness",
        "voter",
        "supporter",
        "critic",
        "opponent",
        "activist",
        "campaigner",
        "protester",
        "expert",
        "economist",
        "scientist",
        "researcher",
        "engineer",
        "inspector",
        "architect",
        "historian",
        "author",
        "writer",
        "journalist",
        "father",
        "mother",
        "son",
        "daughter",
        "brother",
        "sister",
        "wife",
        "husband",
        "uncle",
        "aunt",
        "cousin",
        "parent",
        "grandmother",
        "grandfather",
        "friend",
        "colleague",
        "victim",
        "survivor",
        "soldier",
        "veteran",
        "fan",
        "player",
        "coach",
        "captain",
        "shopkeeper",
        "trader",
        "banker",
        "investor",
        "landlord",
        "tenant",
        "priest",
        "pastor",
        "imam",
        "rabbi",
        "bishop",
        "physician",
        "surgeon",
        "lecturer",
        "librarian",
        "treasurer",
        "clerk",
        "guard",
    ]
)

# Words of a title that do not identify it ("the", "a", "former"): left out of title keys.
TITLE_NOISE = frozenset({"the", "a", "an", "former", "then", "current", "new", "'s", "’s"})

# Determiners that introduce someone new: "a spokesman" is not "the spokesman" named before.
INDEFINITE = frozenset({"a", "an", "another", "one", "some"})

# The complementiser that opens reported clauses; the content starts after it.
COMPLEMENTIZERS = ("that ",)

# Labels of a page that open a line with a colon but name no speaker ("Update: …").
LEAD_LABELS = frozenset(
    {
        "update",
        "updated",
        "note",
        "editor's note",
        "editor’s note",
        "correction",
        "photo",
        "photos",
        "video",
        "watch",
        "source",
        "sources",
        "related",
        "read more",
        "see also",
        "also",
        "credit",
        "image",
        "caption",
        "warning",
        "disclaimer",
        "q",
        "a",
        "question",
        "answer",
        "tags",
        "topics",
        "filed under",
        "share",
    }
)

# Characters around a quotation that are trimmed when spans are compared or cleaned.
EDGE_PUNCTUATION = " \t\n\r.,;:!?-—–()[]"

# Relative words that open a writer's aside after a comma at the end of a reported clause
# ("…, who worked on the campaign"): what was said ends before it.
ASIDE_RELATIVES = frozenset({"who", "which", "whose"})
