"""Batches: inputs in, one record per article out to a sink, in input order, failures apart."""

from newsgraph.batch.run import BatchOptions, BatchSummary, run_batch, run_to_files
from newsgraph.batch.sinks import JsonlSink, Sink, StdoutSink

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "JsonlSink",
    "Sink",
    "StdoutSink",
    "run_batch",
    "run_to_files",
]
