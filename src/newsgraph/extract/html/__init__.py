"""HTML pages: JSON-LD, meta tags, bylines, dates and the body (trafilatura)."""
