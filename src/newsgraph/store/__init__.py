"""The corpus: an embedded SQLite store of articles, quotes and people (no spaCy here)."""
