"""The team-scale figures: a portfolio over a folder of many sessions, a merge of two large ones.

The folder holds 200 sessions of the small size and 20 of the large one, each a little different
(its own title and pain points), as an organisation's repository would. The portfolio's
baseline is reading and parsing every file with ``tomllib`` alone, in one process; the portfolio
may use several. Both are wall times: the point of several processes is the wall clock.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from generated import SIZES, generated
from msgspec.structs import replace

from cjworkshop.model.portfolio import portfolio
from cjworkshop.model.session import PainPoint, Session
from cjworkshop.store.portfolio_files import read_digests, session_paths
from cjworkshop.store.session_file import save_session


def portfolio_folder(folder: Path) -> Path:
    """200 small sessions and 20 large ones, each with its own title and a pain point of its own."""
    target = folder / "portfolio"
    target.mkdir()
    for size, count in (("small", 200), ("large", 20)):
        base = generated(*SIZES[size])
        for n in range(count):
            session = replace(base, title=f"Journey {size} {n}")
            plots = list(session.plots)
            plots[0] = replace(plots[0], pain_points=(*plots[0].pain_points, _pain(n)))
            save_session(
                target / f"{size}-{n}.toml", replace(session, plots=tuple(plots)), backup=False
            )
    return target


def _pain(n: int) -> PainPoint:
    return PainPoint(text=f"Only in journey {n}", severity=1 + n % 5)


def parse_all(folder: Path) -> None:
    for path in session_paths(folder):
        tomllib.loads(path.read_text(encoding="utf-8"))


def whole_portfolio(folder: Path) -> None:
    digests, _ = read_digests(folder)
    portfolio(digests, today=dt.date(2026, 12, 1), stale_days=180)


def two_branches(base: Session) -> tuple[Session, Session]:
    """Ours renames every persona and changes a third of the feelings; theirs adds pain points
    and changes another third: a merge with work on both sides everywhere."""
    ours = replace(
        base,
        personas=tuple(replace(p, name=f"{p.name} (renamed)") for p in base.personas),
        plots=tuple(replace(p, emotion=0) if n % 3 == 0 else p for n, p in enumerate(base.plots)),
    )
    theirs = replace(
        base,
        plots=tuple(
            replace(
                p, thought="Changed on the other branch", pain_points=(*p.pain_points, _pain(n))
            )
            if n % 3 == 1
            else p
            for n, p in enumerate(base.plots)
        ),
    )
    return ours, theirs
