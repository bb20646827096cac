"""Fitting the models newsgraph ships (the cue scorer); never imported at run time."""
