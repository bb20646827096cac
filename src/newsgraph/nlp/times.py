"""newsgraph_times: time expressions normalised to TIMEX3, and the timeline.

STUB: the time issue fills this in; until then the lists stay empty (never fake entries).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class TimeTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_times = ()
        doc._.ng_timeline = ()
        return doc


@Language.factory("newsgraph_times", assigns=["doc._.ng_times", "doc._.ng_timeline"])
def make_time_tagger(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger()
