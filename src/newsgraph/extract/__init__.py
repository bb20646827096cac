"""Metadata and a clean body from an input: scraped text (`text/`) or HTML (`html/`)."""
