"""Evaluation commands: scores on public development data (`docs/evaluation.md`).

Each module exposes one `evaluate_*(folder)` function returning a report with `render()` (the
text the CLI prints) and `to_dict()` (what the evaluation gates in tests compare to floors).
"""
