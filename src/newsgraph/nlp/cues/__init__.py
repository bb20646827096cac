"""The learned cue scorer: what it sees of a word (features), its weights and scores."""
