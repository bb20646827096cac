"""The entity step: named mentions grouped into one entity per named thing."""
