"""The time step: time expressions found, normalised to TIMEX3 values, and the timeline."""
