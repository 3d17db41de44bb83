"""The room's address as a QR code of text lines, two rows of modules per line.

segno makes the code; each line here pairs two of its rows with half blocks, so the code is
square in a terminal. A character's foreground is a dark module: shown black on white (as the
app and ``cjworkshop room`` do), any phone camera reads it.
"""

from __future__ import annotations

from typing import Final

import segno

QUIET: Final = 2
"""Light modules around the code, so a camera finds its edges."""
_HALVES: Final = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_lines(text: str) -> list[str]:
    # The lowest error correction keeps the code small enough for a terminal of 24 lines; a
    # screen is a clean surface, not a crumpled sticker.
    code = segno.make(text, error="l", micro=False, boost_error=False)
    rows = [[bool(module) for module in row] for row in code.matrix]
    width = len(rows[0]) + 2 * QUIET
    light = [False] * width
    padded = [light] * QUIET + [[False] * QUIET + row + [False] * QUIET for row in rows]
    padded += [light] * QUIET
    if len(padded) % 2:
        padded.append(light)
    return [
        "".join(
            _HALVES[(top, bottom)] for top, bottom in zip(padded[i], padded[i + 1], strict=True)
        )
        for i in range(0, len(padded), 2)
    ]
