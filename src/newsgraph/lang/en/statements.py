"""English data for telling statements apart: what a quote reports (speech, thought or
finding), what looks like a cue and is no statement (an action, a refusal, a question put to
someone), and the page furniture whose lines name no speaker.

The algorithms live in `nlp/quotes/kinds.py` and `nlp/quotes/statements.py`; they know no
words themselves.
"""

from __future__ import annotations

# Cue words that report a state of mind, not words said: "believes", "hopes", "plans",
# "wants", "expects". Lemmas, as spaCy gives them ("hop" is its reading of "hoped").
THOUGHT_CUES = frozenset(
    {
        "think",
        "believe",
        "know",
        "hope",
        "hop",
        "worry",
        "fear",
        "expect",
        "doubt",
        "realize",
        "realise",
        "understand",
        "learn",
        "assume",
        "suspect",
        "guess",
        "wonder",
        "figure",
        "decide",
        "determine",
        "recognize",
        "recognise",
        "see",
        "remember",
        "consider",
        "want",
        "plan",
        "intend",
        "seek",
        "prefer",
        "wish",
        "aim",
        "feel",
        "imagine",
        "envision",
        "anticipate",
        "trust",
        "seem",
        "appear",
        # a stance taken: "refused to resign", "declined to run"
        "refuse",
        "decline",
        # an attitude held, not words said: "agrees with the mayor", "supports the plan",
        # "opposed the merger", "loves the idea"
        "agree",
        "disagree",
        "support",
        "oppose",
        "favor",
        "favour",
        "like",
        "love",
        "hate",
        "dislike",
        # nouns and adjectives the cue scorer may pick: "his belief that", "is confident that"
        "belief",
        "view",
        "opinion",
        "intention",
        "desire",
        "confident",
        "convinced",
        "sure",
        "certain",
        "optimistic",
        "pessimistic",
        "hopeful",
        "worried",
        "concerned",
        "afraid",
        "aware",
        "skeptical",
        "sceptical",
    }
)

# Documents someone issues and that speak for their issuer ("a statement from the ministry
# said", "her letter says"): the speaker is the issuer when the source phrase names one.
ISSUED_DOCUMENTS = frozenset(
    {
        "statement",
        "letter",
        "release",
        "email",
        "e-mail",
        "memo",
        "note",
        "tweet",
        "post",
        "message",
        "notice",
        "announcement",
        "filing",
        "complaint",
        "lawsuit",
        "motion",
        "brief",
        "ruling",
        "order",
        "decision",
        "spokesperson",
        "website",
    }
)
ISSUER_PREPOSITIONS = frozenset({"from", "by", "of"})

# Head nouns of a source that is a poll, a report, data or a document rather than someone:
# "a report found", "polls show", "according to the survey", "the data suggest".
FINDING_SOURCES = frozenset(
    {
        "poll",
        "polls",
        "polling",
        "survey",
        "report",
        "study",
        "data",
        "figure",
        "figures",
        "statistic",
        "statistics",
        "number",
        "numbers",
        "document",
        "documents",
        "record",
        "records",
        "filing",
        "analysis",
        "research",
        "audit",
        "review",
        "census",
        "estimate",
        "result",
        "results",
        "finding",
        "findings",
        "evidence",
        "tally",
        "count",
        "forecast",
        "projection",
        "model",
        "index",
        "paper",
        "investigation",
        "inquiry",
        "assessment",
        "test",
        "experiment",
        "trial",
        "memo",
        "database",
        "chart",
        "map",
        "graph",
        "ranking",
        "rankings",
    }
)

# Verbs that refuse to speak: "declined to comment", "refused to say".
REFUSAL_CUES = frozenset({"decline", "refuse"})
# What a refusal refuses (the infinitive or the object after it): speaking, not acting.
# "refused to resign" is a stance the source took, "refused to comment" and "declined an
# interview request" are silence.
COMMENT_VERBS = frozenset(
    {
        "interview",
        "comment",
        "elaborate",
        "discuss",
        "say",
        "answer",
        "respond",
        "reply",
        "confirm",
        "deny",
        "speculate",
        "disclose",
        "identify",
        "name",
        "specify",
        "detail",
        "provide",
        "give",
        "talk",
        "speak",
        "reveal",
        "explain",
        "address",
        "release",
        "share",
    }
)
# Objects that say nothing was said: "said nothing about the layoffs", "said little".
NOTHING_SAID = frozenset({"nothing", "little", "none", "anything"})

# Phrases in which a verb of saying reports nothing: "All told, the storm cost …", "That
# said, …", "Needless to say, …". The words up to and including the verb, in lower case.
IDIOMS = frozenset(
    {
        "all told",
        "truth be told",
        "that said",
        "having said that",
        "needless to say",
        "suffice it to say",
        "so to speak",
        "that is to say",
        "to say the least",
        "to tell the truth",
    }
)

# Verbs of saying that, negated and with no reported clause, say that nothing was said:
# "did not respond to a request for comment", "did not return calls", "did not say".
SILENCE_CUES = frozenset(
    {"respond", "reply", "answer", "comment", "return", "say", "confirm", "elaborate"}
)

# Verbs that put a question to someone; with a question clause ("asked whether …", "asked
# who …") or a thing asked for ("asked the player for an autograph") they report no statement.
QUESTION_CUES = frozenset({"ask", "inquire", "enquire", "query"})
# The words that open a question clause.
QUESTION_OPENERS = frozenset(
    {"whether", "if", "who", "whom", "whose", "what", "which", "when", "where", "why", "how"}
)
# The preposition of a request ("asked the council for a delay", "asked about the plan").
REQUEST_PREPOSITIONS = frozenset({"for", "about"})

# Verbs of saying with a second, common reading as an act when their object is a noun phrase
# rather than words: "added two lanes", "continued the work" (but "added that …" is speech).
ACTION_READINGS = frozenset({"add", "continue"})
# Legal and police acts, which the cue scorer may take for reports: with an object or a
# preposition's object ("sued the city", "sued over the closure", "arrested two men") they
# are what someone did to someone, not a statement.
LEGAL_ACTS = frozenset(
    {"sue", "countersue", "subpoena", "indict", "arrest", "convict", "jail", "detain"}
)
# Votes: "voted to fund the repairs", "voted against the plan", "voted 5 to 2" record a
# decision taken, not what anyone said, whatever follows the verb (PolNeAR counts some as
# attributions, as a stance; a reader counting who is quoted does not).
VOTING_ACTS = frozenset({"vote", "outvote"})
# Verbs of perceiving and discovering: with a bare noun phrase for object ("found cracked
# bearings", "saw the crash") they report what someone came upon, not a statement; "found
# that …", "sees it as a failure" and "the poll found strong support" stay.
PERCEPTION_READINGS = frozenset({"find", "see", "discover", "notice", "spot", "hear", "watch"})

# The last words of the labels that head a section or a digest's item ("MARKETS:",
# "ANALYST VIEW:"): what follows them is still the story's text (`nlp/quotes/furniture.py`).
HEADING_WORDS = frozenset(
    {
        "markets",
        "market",
        "business",
        "sports",
        "sport",
        "politics",
        "world",
        "opinion",
        "analysis",
        "view",
        "views",
        "commentary",
        "breaking",
        "exclusive",
        "latest",
        "highlights",
        "background",
        "recap",
        "summary",
    }
)
# Words that label a line of the page rather than name a speaker: section labels, links to
# other stories, captions and contact lines ("MARKETS:", "WATCH:", "Email:", "ANALYST VIEW").
# Compared in lower case: a label is one of these, or ends with one ("READ MORE", "ANALYST
# VIEW"). Not "Q:" and "A:": an interview's answers are its subject's statements.
FURNITURE_WORDS = HEADING_WORDS | frozenset(
    {
        "update",
        "updated",
        "updates",
        "note",
        "correction",
        "corrections",
        "clarification",
        "photo",
        "photos",
        "photograph",
        "picture",
        "pictures",
        "image",
        "images",
        "video",
        "videos",
        "watch",
        "listen",
        "audio",
        "podcast",
        "gallery",
        "slideshow",
        "graphic",
        "graphics",
        "source",
        "sources",
        "related",
        "more",
        "also",
        "credit",
        "credits",
        "caption",
        "warning",
        "disclaimer",
        "email",
        "e-mail",
        "phone",
        "tel",
        "telephone",
        "fax",
        "contact",
        "twitter",
        "facebook",
        "instagram",
        "web",
        "website",
        "online",
        "tags",
        "topics",
        "share",
        "subscribe",
        "newsletter",
        "advertisement",
        "sponsored",
        "editorial",
        "live",
        "factbox",
        "explainer",
        "timeline",
        "preview",
        "review",
        "at a glance",
        "key points",
        "what's next",
        "what next",
        "read more",
        "see also",
        "filed under",
        "editor's note",
        "editor’s note",
        "stories",
        "coverage",
        "articles",
        "links",
        "reading",
        "headlines",
    }
)
# Marks of a photo caption or credit inside a paragraph: "(Photo: …)", "AP Photo/…",
# "/Getty Images", "Photograph: …". Matched in lower case.
CAPTION_MARKS = (
    "photo:",
    "photo by",
    "photos by",
    "photograph:",
    "photograph by",
    "ap photo",
    "reuters photo",
    "afp photo",
    "getty images",
    "image:",
    "image credit",
    "picture:",
    "pictured:",
    "photo credit",
    "file photo",
    "(photo",
)

# First-person pronouns: inside a speaker's direct quote they are the speaker.
FIRST_PERSON = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
)
