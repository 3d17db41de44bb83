"""The room's figures: notes per second the room takes, the slowest note's round trip, and what
a key in the app costs while fifty participants send.

The participants are a process of their own (``room_phones.py``), as phones are other devices:
their work does not run on the app's loop. Notes per second and the round trip are measured
against a room served on a free loopback port in this process, as ``cjworkshop room`` serves
it; key latency in the app itself (headless, the large session open on the walk, the room
started with R), each key from posting it until the app is idle again, first with nobody
sending and then while fifty participants send a note every half second each.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from cjworkshop.i18n import translator
from cjworkshop.model.room import Focus, Room
from cjworkshop.model.session import Session
from cjworkshop.room.host import RoomHost

PHONES_SCRIPT = Path(__file__).with_name("room_phones.py")
SENDING_SECONDS = 6.0
KEYS = ("n", "b")
"""The walk's next and previous touchpoint: every key redraws the card."""


@dataclass(frozen=True)
class RoomFigures:
    notes_per_second: float
    slowest_round_trip: float
    """Seconds."""
    refused: int
    key_idle: float
    """Seconds per key, median, nobody sending."""
    key_sending: float
    """Seconds per key, median, while fifty participants send."""
    key_sending_worst: float


async def _phones(address: str, seconds: float) -> dict[str, float]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(PHONES_SCRIPT),
        address,
        str(seconds),
        stdout=subprocess.PIPE,
    )
    out, _ = await process.communicate()
    result: dict[str, float] = json.loads(out)
    return result


async def _burst(session: Session) -> dict[str, float]:
    kept = session

    def commit(changed: Session, participant: str, item: str) -> None:
        nonlocal kept
        kept = changed

    room = Room(lambda: kept, commit, focus=lambda: Focus("plotting"))
    host = RoomHost(room, translator("en"), None, port=0)
    await host.start()
    try:
        return await _phones(host.address, 0)
    finally:
        await host.stop()


async def _keys(folder: Path, path: Path, presses: int) -> tuple[list[float], list[float]]:
    from cjworkshop.ui.app import create_app
    from cjworkshop.ui.screens.session import SessionScreen

    app = create_app(folder=folder, session_path=path, language="en", step="plotting")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        assert screen.room.served is not None
        address = screen.room.served.address

        async def timed() -> list[float]:
            spent = []
            for n in range(presses):
                started = time.perf_counter()
                await pilot.press(KEYS[n % 2])
                spent.append(time.perf_counter() - started)
            return spent

        idle = await timed()
        phones = asyncio.create_task(_phones(address, SENDING_SECONDS))
        await asyncio.sleep(1.0)  # everyone joined and sending
        sending = await timed()
        await phones
    return idle, sending


def room_figures(folder: Path, path: Path, session: Session, presses: int) -> RoomFigures:
    burst = asyncio.run(_burst(session))
    idle, sending = asyncio.run(_keys(folder, path, presses))
    return RoomFigures(
        notes_per_second=burst["taken"] / burst["took"],
        slowest_round_trip=burst["slowest"],
        refused=int(burst["refused"]),
        key_idle=statistics.median(idle),
        key_sending=statistics.median(sending),
        key_sending_worst=max(sending),
    )


if __name__ == "__main__":
    import tempfile

    from generated import SIZES, generated

    from cjworkshop.store.session_file import save_session

    with tempfile.TemporaryDirectory() as name:
        large = generated(*SIZES["large"])
        target = Path(name) / "large.toml"
        save_session(target, large, backup=False)
        print(room_figures(Path(name), target, large, 30))
