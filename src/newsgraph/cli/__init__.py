"""The newsgraph command: click commands, the readable view and the progress bars.

Each command is a few lines of option parsing over one library call: `extract.py` (batches),
`evaluate.py` (`eval` and `train`), `corpus.py` (`ingest` and the corpus queries).
"""

from newsgraph.cli.app import cli, main

__all__ = ["cli", "main"]
