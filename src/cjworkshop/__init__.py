"""cjworkshop: a guided terminal workshop for customer journey mapping.

The package is split into a headless core (``model``, ``store``, ``export``, ``i18n``) that the
command line, the exports and the Textual app share, and the app itself in ``ui``. The core never
imports the UI, so scripts and CI checks stay fast and free of terminal dependencies.
"""

__version__ = "0.1.0"

GC_THRESHOLD = (10_000, 10, 10)
"""How often the app's process collects garbage (Python's default is every 700 allocations).
Starting up and drawing a screen allocate tens of thousands of objects, nearly all without a
cycle: they are freed as soon as they are dropped, whatever this says. Collecting for cycles
every 700 of them cost a large session's grid some 30 ms before its first frame."""
