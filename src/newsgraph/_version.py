"""The version of newsgraph: read by the build (pyproject) and sent in the user agent."""

__version__ = "0.1.0"
