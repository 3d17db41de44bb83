"""The five-step emotion scale, told by word and glyph, never by colour alone.

Keys 1 to 5 in the app map onto -2 to +2. The glyphs read without colour (▼▼ ▼ ● ▲ ▲▲) and
Mermaid's journey diagrams want a 1..5 score, which ``journey_score`` gives.
"""

from __future__ import annotations

from typing import Final

NAMES: Final[dict[int, str]] = {
    -2: "very_negative",
    -1: "negative",
    0: "neutral",
    1: "positive",
    2: "very_positive",
}
"""The catalog key suffix of each emotion: ``emotion.very_negative`` and so on."""

GLYPHS: Final[dict[int, str]] = {-2: "▼▼", -1: "▼", 0: "●", 1: "▲", 2: "▲▲"}


def from_key(key: int) -> int:
    """Key 1..5 to emotion -2..+2."""
    return max(-2, min(2, key - 3))


def journey_score(emotion: int) -> int:
    """Emotion -2..+2 as the whole number 1..5 of a Mermaid journey diagram."""
    return max(1, min(5, emotion + 3))


def signed(value: float, decimals: int = 1) -> str:
    """``+1.5``, ``−2``, ``0``: averages and emotions with their sign, as people write them."""
    if value == 0:
        return "0"
    text = f"{value:+.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")
