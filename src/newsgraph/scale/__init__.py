"""Where work runs: the Executor protocol and its in-process and local-process executors."""
