"""The web app and HTTP API over the corpus (no spaCy here)."""
