"""Exports: Markdown, Mermaid and CSV text made from a session by pure functions."""
