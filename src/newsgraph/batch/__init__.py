"""Batches: inputs in, one record per article out to a sink, in input order, failures apart."""
