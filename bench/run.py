"""cjworkshop's benchmark: speed and memory against bare baselines measured in the same run.

Run it with ``.venv/bin/python bench/run.py`` (``--quick`` for fewer repetitions). It generates
sessions of three sizes (small 3 personas x 20 touchpoints, large 10 x 150, huge 20 x 400), and
prints one table: every figure with its baseline, the ratio and the target. Times are medians;
start-up and quit are measured in fresh processes, the rest in this one. It is a measurement, not
a test: nothing fails, but a missed target is marked ``MISSED``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import tomli_w

from cjworkshop.export.markdown import report_markdown, roadmap_markdown
from cjworkshop.i18n import translator
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import (
    Goal,
    PainPoint,
    Persona,
    Phase,
    Plot,
    Session,
    Touchpoint,
)
from cjworkshop.store.session_file import dumps_session, parse_session, save_session

SIZES = {"small": (3, 20), "large": (10, 150), "huge": (20, 400)}
PHASES = ("awareness", "consideration", "purchase", "retention", "advocacy")
WHEN = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


def generated(personas: int, touchpoints: int) -> Session:
    """A session as a busy workshop leaves it: every pair plotted, a pain point in one of three."""
    phases = tuple(
        Phase(id=p, name=p.title(), description=f"What happens in {p}.", weight=1.0 + (i % 2) / 2)
        for i, p in enumerate(PHASES)
    )
    people = tuple(
        Persona(
            id=f"persona-{n}",
            name=f"Persona {n}",
            description="A typical customer with a job to do and not much time.",
            needs="Clear prices, quick answers.",
        )
        for n in range(personas)
    )
    points = tuple(
        Touchpoint(
            id=f"touchpoint-{n}",
            phase=PHASES[n * len(PHASES) // touchpoints],
            name=f"Touchpoint number {n}",
            channel="web" if n % 3 else "email",
            kind="direct" if n % 4 else "indirect",
            owner="Team",
            description="Where the customer meets us.",
        )
        for n in range(touchpoints)
    )
    plots = []
    for p, persona in enumerate(people):
        for t, point in enumerate(points):
            pains = (
                (PainPoint(text=f"Problem {(p + t) % 40}", severity=1 + (p * t) % 5),)
                if (p + t) % 3 == 0
                else ()
            )
            plots.append(
                Plot(
                    persona=persona.id,
                    touchpoint=point.id,
                    action="Looks for the answer and compares with others.",
                    thought="Is this worth my time?",
                    emotion=((p + t) % 5) - 2,
                    pain_points=pains,
                    opportunities=(f"Idea {(p * t) % 25}",) if (p + t) % 7 == 0 else (),
                )
            )
    return Session(
        title="Benchmark",
        created=WHEN,
        updated=WHEN,
        template="five-phases",
        goals=(Goal(id="goal", what="Happier customers", measure="NPS +10"),),
        personas=people,
        phases=phases,
        touchpoints=points,
        plots=tuple(plots),
    )


def median_time(
    action: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = clock()
        action()
        times.append(clock() - start)
    return statistics.median(times)


@dataclass
class Row:
    figure: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: float | None = None
    """The highest allowed ratio to the baseline, or the highest allowed value without one."""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        measured = self.ratio if self.baseline is not None else self.value
        return "ok" if measured is not None and measured <= self.target else "MISSED"


def show(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:8.2f} ms"
    if unit == "MB":
        return f"{value:8.1f} MB"
    return f"{value:8.2f} {unit}"


def print_table(rows: list[Row]) -> None:
    print(f"{'figure':<46} {'value':>11} {'baseline':>11}  {'ratio':>6}  {'target':>8}  ")
    for row in rows:
        baseline = show(row.baseline, row.unit) if row.baseline is not None else ""
        ratio = f"{row.ratio:5.2f}x" if row.ratio is not None else ""
        if row.target is None:
            target = ""
        elif row.baseline is not None:
            target = f"<= {row.target:g}x"
        else:
            target = f"<= {show(row.target, row.unit).strip()}"
        print(
            f"{row.figure:<46} {show(row.value, row.unit):>11} {baseline:>11}  {ratio:>6}  "
            f"{target:>8}  {row.verdict}"
        )
        if row.baseline_name:
            print(f"{'':<4}baseline: {row.baseline_name}")


# Child processes -----------------------------------------------------------------------------

BARE_APP = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

app = Bare()
"""

OUR_APP = """
from pathlib import Path
from cjworkshop.ui.app import create_app

app = create_app(folder=Path({folder!r}), session_path={session!r} and Path({session!r}))
"""

DRIVER = """
import resource, sys, time

async def auto(pilot):
    await pilot.pause()
    {then}
    await pilot.pause()
    print("exit", time.time(), flush=True)
    pilot.app.exit()

app.run(headless=True, auto_pilot=auto, size=(120, 40))
print("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""

GRID = "pilot.app.screen.go_to('grid')"


def child(setup: str, then: str = "") -> tuple[float, float, float]:
    """Start to exit, exit request to process end, and peak memory (MB) of one app run."""
    code = textwrap.dedent(setup) + textwrap.dedent(DRIVER).replace("{then}", then or "pass")
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    end = time.time()
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    values = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    exit_at = float(values["exit"])
    return exit_at - start, end - exit_at, int(values["rss"]) / 1024


def import_time(module: str, runs: int) -> float:
    def once() -> None:
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)

    return median_time(once, runs)


def medians(samples: list[tuple[float, ...]]) -> list[float]:
    return [statistics.median(column) for column in zip(*samples, strict=True)]


# In-process UI timing ------------------------------------------------------------------------


async def cursor_cpu(path: Path, keys: int) -> tuple[float, float, float, float]:
    """CPU per cursor move in the grid and per step switch, and the same move in a 5x3 table."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from cjworkshop.ui.app import create_app

    class Small(App[None]):
        def compose(self) -> ComposeResult:
            table: DataTable[str] = DataTable()
            table.add_columns("a", "b", "c")
            for n in range(5):
                table.add_row(str(n), "x", "y")
            yield table

    async def moves(app: App[None], before: Callable[[App[None]], None] | None) -> list[float]:
        found = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            if before is not None:
                before(app)
                await pilot.pause()
            for n in range(keys):
                key = ("down", "right", "up", "left")[n % 4]
                start = time.process_time()
                await pilot.press(key)
                await pilot.pause()
                found.append(time.process_time() - start)
        return found

    def open_grid(app: App[None]) -> None:
        app.screen.go_to("grid")  # type: ignore[attr-defined]

    grid = await moves(create_app(folder=path.parent, session_path=path), open_grid)
    small = await moves(Small(), None)
    switches = []
    app = create_app(folder=path.parent, session_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n in range(keys // 4):
            step = ("grid", "review", "roadmap", "plotting")[n % 4]
            start = time.process_time()
            app.screen.go_to(step)  # type: ignore[attr-defined]
            await pilot.pause()
            switches.append(time.process_time() - start)
    return statistics.median(grid), max(grid), statistics.median(small), statistics.median(switches)


# The run -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths = {}
        texts = {}
        sessions = {}
        for size, (personas, touchpoints) in SIZES.items():
            session = generated(personas, touchpoints)
            paths[size] = folder / f"{size}.toml"
            save_session(paths[size], session, backup=False)
            texts[size] = paths[size].read_bytes()
            sessions[size] = session

        # Start-up, quit and memory, each in fresh processes. The start screen lists a folder
        # with the bundled examples, as a facilitator's folder would hold a few sessions.
        examples = folder / "start"
        examples.mkdir()
        for bundled in (Path(__file__).resolve().parent.parent / "sessions").glob("*.toml"):
            (examples / bundled.name).write_bytes(bundled.read_bytes())
        bare = medians([child(BARE_APP) for _ in range(runs)])
        start = medians(
            [child(OUR_APP.format(folder=str(examples), session=None)) for _ in range(runs)]
        )
        grid = medians(
            [
                child(OUR_APP.format(folder=str(folder), session=str(paths["large"])), GRID)
                for _ in range(runs)
            ]
        )
        huge = medians(
            [
                child(OUR_APP.format(folder=str(folder), session=str(paths["huge"])), GRID)
                for _ in range(max(2, runs // 2))
            ]
        )
        rows.append(
            Row(
                "start to first frame: start screen",
                start[0],
                "ms",
                bare[0],
                "bare Textual app with one label",
                1.3,
            )
        )
        rows.append(
            Row("start to first frame: large session's grid", grid[0], "ms", bare[0], "", 2.0)
        )
        rows.append(Row("quit", start[1], "ms", bare[1], "quit of the bare Textual app", 1.0))
        textual_import = import_time("textual.app", runs)
        rows.append(
            Row(
                "import cjworkshop.ui.app",
                import_time("cjworkshop.ui.app", runs),
                "ms",
                textual_import,
                "import textual.app",
                1.1,
            )
        )
        rows.append(
            Row(
                "import cjworkshop.cli (no UI)",
                import_time("cjworkshop.cli", runs),
                "ms",
                textual_import,
                "import textual.app",
            )
        )
        rows.append(Row("peak memory, huge session's grid open", huge[2], "MB", None, "", 80.0))
        rows.append(Row("peak memory, bare Textual app", bare[2], "MB"))

        # Load, save and documents, in this process.
        tr = translator("en")
        for size in SIZES:
            data = texts[size]
            text = data.decode()
            load = median_time(lambda d=data: parse_session(d), runs)  # type: ignore[misc]
            bare_load = median_time(lambda t=text: tomllib.loads(t), runs)  # type: ignore[misc]
            rows.append(
                Row(
                    f"load + validate, {size} ({len(data) // 1024} KB)",
                    load,
                    "ms",
                    bare_load,
                    "tomllib.loads",
                    1.15,
                )
            )
            target = folder / f"{size}-save.toml"
            session = sessions[size]
            plain = tomllib.loads(text)

            def bare_save(plain: dict[str, object] = plain, target: Path = target) -> None:
                with open(target.with_suffix(".bare"), "w", encoding="utf-8") as handle:
                    handle.write(tomli_w.dumps(plain))
                    handle.flush()
                    os.fsync(handle.fileno())

            save = median_time(lambda s=session, p=target: save_session(p, s, backup=False), runs)  # type: ignore[misc]
            rows.append(
                Row(
                    f"save, {size}",
                    save,
                    "ms",
                    median_time(bare_save, runs),
                    "tomli_w.dumps + fsync",
                    1.2,
                )
            )
        for size in SIZES:
            session = sessions[size]
            rows.append(
                Row(
                    f"Markdown report, {size}",
                    median_time(partial(report_markdown, session, tr), runs),
                    "ms",
                    None,
                    "",
                    0.2 if size == "huge" else None,
                )
            )
            rows.append(
                Row(
                    f"roadmap document, {size}",
                    median_time(partial(roadmap_markdown, session, tr), runs),
                    "ms",
                )
            )
            rows.append(
                Row(
                    f"roadmap ranking, {size}",
                    median_time(partial(roadmap, session), runs),
                    "ms",
                )
            )
        rows.append(
            Row(
                "canonical text of the huge session",
                median_time(lambda: dumps_session(sessions["huge"]), runs),
                "ms",
            )
        )

        move, worst, small_move, switch = asyncio.run(
            cursor_cpu(paths["large"], 24 if args.quick else 60)
        )
        rows.append(
            Row(
                "CPU per cursor move, large grid (median)",
                move,
                "ms",
                small_move,
                "the same move in a 5x3 DataTable",
                1.5,
            )
        )
        rows.append(Row("CPU per cursor move, large grid (worst)", worst, "ms", None, "", 0.033))
        rows.append(Row("CPU per step switch, large session", switch, "ms"))
    print(
        f"cjworkshop benchmark · Python {sys.version.split()[0]} · {os.cpu_count()} CPUs · "
        f"medians of {runs} runs"
    )
    print_table(rows)


if __name__ == "__main__":
    main()
