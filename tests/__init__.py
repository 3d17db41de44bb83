"""The tests of cjworkshop: unit/ (the headless core), ui/ (Pilot), snapshots/ (SVG).

Imported before any test or fixture, so this is where the test processes are told to keep the
bytecode of what they import even where PYTHONDONTWRITEBYTECODE is set (as it is on the CI
machine): each test process, and each interpreter a test starts, would otherwise compile the app
and the tests from source again, some ten seconds of CPU in a run. The files go to __pycache__
folders, which git ignores.
"""

import sys

sys.dont_write_bytecode = False
