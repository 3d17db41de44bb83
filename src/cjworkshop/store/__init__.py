"""Session and template files: TOML in, typed model out, and back, safely.

Reading validates everything and turns every problem into one clear ``StoreError``; writing is
deterministic and atomic, keeps a backup and respects the lock that gives a session one writer.
"""
