"""The quote step: quoted stretches, rule and learned cues, contents, sources and speakers."""
