"""The journey domain: records, pure queries, edits, scoring. No UI, no file I/O."""
