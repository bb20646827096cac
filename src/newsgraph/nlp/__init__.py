"""Everything that touches spaCy: the model, newsgraph's components and their Doc extensions.

spaCy objects never leave this package: components write plain records (`newsgraph.records`).
"""
