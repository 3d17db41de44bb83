"""cjworkshop: a guided terminal workshop for customer journey mapping.

The package is split into a headless core (``model``, ``store``, ``export``, ``i18n``) that the
command line, the exports and the Textual app share, and the app itself in ``ui``. The core never
imports the UI, so scripts and CI checks stay fast and free of terminal dependencies.
"""

__version__ = "0.1.0"
