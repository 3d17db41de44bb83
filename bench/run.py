"""cjworkshop's benchmark: speed and memory against bare baselines measured in the same run.

Run it with ``.venv/bin/python bench/run.py`` (``--quick`` for fewer repetitions). It generates
sessions of three sizes (small 3 personas x 20 touchpoints, large 10 x 150, huge 20 x 400), and
prints one table: every figure with its baseline, the ratio and the target. Times are medians;
start-up, quit and memory are measured in fresh processes, the rest in this process; a figure
and its baseline take turns, so that a busy moment of the machine falls on both. It is a
measurement, not a test: nothing fails, but a missed target is marked ``MISSED``.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import os
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import tomli_w
from generated import SIZES, generated
from probes import (
    ARROWS,
    FEELINGS,
    SMALL_TABLE,
    STEPS,
    TO_A_CELL,
    Key,
    Run,
    bare_command,
    cli_command,
    cycle,
    import_time,
    key_cpu,
    our_app,
    terminal_start,
)
from room import room_figures
from team import parse_all, portfolio_folder, two_branches, whole_portfolio

from cjworkshop.export.html_report import report_html
from cjworkshop.export.markdown import report_markdown, roadmap_markdown
from cjworkshop.i18n import translator
from cjworkshop.model.merge import merge
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import Session
from cjworkshop.store.session_file import dumps_session, parse_session, save_session

ROOT = Path(__file__).resolve().parent.parent


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
    if unit == "us":
        return f"{value * 1e6:8.2f} us"
    if unit == "MB":
        return f"{value:8.1f} MB"
    return f"{value:8.2f} {unit}"


def print_table(rows: list[Row]) -> None:
    print(f"{'figure':<50} {'value':>11} {'baseline':>11}  {'ratio':>6}  {'target':>11}")
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
            f"{row.figure:<50} {show(row.value, row.unit):>11} {baseline:>11}  {ratio:>6}  "
            f"{target:>11}  {row.verdict}"
        )
        if row.baseline_name:
            print(f"{'':<4}baseline: {row.baseline_name}")


def median_time(
    action: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        started = clock()
        action()
        times.append(clock() - started)
    return statistics.median(times)


def paired_medians(
    action: Callable[[], object],
    baseline: Callable[[], object],
    runs: int,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """Medians of an action and its baseline timed in turns, so a busy moment falls on both."""
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        for measure, times in ((action, ours), (baseline, theirs)):
            gc.collect()
            started = clock()
            measure()
            times.append(clock() - started)
    return statistics.median(ours), statistics.median(theirs)


def median_of(runs: list[Run], field: str) -> float:
    return statistics.median(float(getattr(run, field)) for run in runs)


# Fresh processes ---------------------------------------------------------------------------


def process_rows(folder: Path, paths: dict[str, Path], runs: int) -> list[Row]:
    """Start-up, quit, imports and memory; every kind takes its turn in every round."""
    # The start screen lists a folder with the bundled examples, as a facilitator's folder
    # would hold a few sessions.
    examples = folder / "start"
    examples.mkdir()
    for bundled in (ROOT / "sessions").glob("*.toml"):
        (examples / bundled.name).write_bytes(bundled.read_bytes())
    large, huge = str(paths["large"]), str(paths["huge"])
    starts: dict[str, Callable[[], Run]] = {
        "bare": lambda: terminal_start(bare_command(), b"Hello"),
        "start": lambda: terminal_start(
            cli_command("--dir", str(examples)), b"guided customer journey workshops"
        ),
        "grid": lambda: terminal_start(cli_command("open", large, "--step", "grid"), "▸ ".encode()),
        "session": lambda: terminal_start(cli_command("open", large), b"want to achieve"),
        "walk": lambda: terminal_start(
            cli_command("open", large, "--step", "plotting"), b"Touchpoint 1 of"
        ),
        "huge": lambda: terminal_start(cli_command("open", huge, "--step", "grid"), "▸ ".encode()),
    }
    imports = {"textual": "textual.app", "cli": "cjworkshop.cli"}
    found: dict[str, list[Run]] = {kind: [] for kind in starts}
    imported: dict[str, list[float]] = {kind: [] for kind in imports}
    for _ in range(runs):
        for kind, measure in starts.items():
            found[kind].append(measure())
        for kind, module in imports.items():
            imported[kind].append(import_time(module))
    bare = found["bare"]
    textual_import = statistics.median(imported["textual"])
    return [
        Row(
            "start to first frame: start screen",
            median_of(found["start"], "frame"),
            "ms",
            median_of(bare, "frame"),
            "bare Textual app showing one label, in the same terminal",
            1.3,
        ),
        # 2.2x: the standard library's tomllib reads the 310 KB file in some 60 ms of the start,
        # 40-45 ms more than the line reader it replaced (see the README's benchmark section).
        Row(
            "start to first frame: large session at its grid",
            median_of(found["grid"], "frame"),
            "ms",
            median_of(bare, "frame"),
            "",
            2.2,
        ),
        Row(
            "start to first frame: large session at its first step",
            median_of(found["session"], "frame"),
            "ms",
            median_of(bare, "frame"),
        ),
        Row(
            "start to first frame: large session at the walk",
            median_of(found["walk"], "frame"),
            "ms",
            median_of(bare, "frame"),
        ),
        Row(
            "CPU to first frame: start screen",
            median_of(found["start"], "frame_cpu"),
            "ms",
            median_of(bare, "frame_cpu"),
            "the bare app's CPU to its first frame",
        ),
        Row(
            "CPU to first frame: large session at its grid",
            median_of(found["grid"], "frame_cpu"),
            "ms",
            median_of(bare, "frame_cpu"),
        ),
        Row(
            "quit (Ctrl+Q) from the start screen",
            median_of(found["start"], "quit"),
            "ms",
            median_of(bare, "quit"),
            "Ctrl+Q in the bare Textual app",
            1.0,
        ),
        Row(
            "quit (Ctrl+Q) with the large session open",
            median_of(found["grid"], "quit"),
            "ms",
            median_of(bare, "quit"),
            "",
            1.0,
        ),
        Row(
            "import cjworkshop.cli (no UI)",
            statistics.median(imported["cli"]),
            "ms",
            textual_import,
            "import textual.app",
        ),
        Row(
            "peak memory, huge session's grid open",
            median_of(found["huge"], "memory"),
            "MB",
            None,
            "",
            80.0,
        ),
        Row("peak memory, bare Textual app", median_of(bare, "memory"), "MB"),
    ]


# This process ------------------------------------------------------------------------------


def store_rows(
    folder: Path, sessions: dict[str, Session], texts: dict[str, bytes], runs: int
) -> list[Row]:
    """Load, save and the documents, each against its bare baseline.

    Loading and the documents are timed in CPU seconds, which another program busy on the
    machine does not lengthen; saving in wall time, since most of it is waiting for the disk.
    """
    rows = []
    tr = translator("en")
    cpu = time.process_time
    for size, session in sessions.items():
        data = texts[size]
        text = data.decode()
        load, bare_load = paired_medians(
            partial(parse_session, data), partial(tomllib.loads, text), runs, cpu
        )
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
        rows.append(Row(f"load + validate per plot, {size}", load / len(session.plots), "us"))
        target = folder / f"{size}-save.toml"
        plain = tomllib.loads(text)

        def bare_save(plain: dict[str, object] = plain, target: Path = target) -> None:
            with open(target.with_suffix(".bare"), "w", encoding="utf-8") as handle:
                handle.write(tomli_w.dumps(plain))
                handle.flush()
                os.fsync(handle.fileno())

        save, bare = paired_medians(
            partial(save_session, target, session, backup=False), bare_save, runs
        )
        rows.append(Row(f"save, {size}", save, "ms", bare, "tomli_w.dumps + fsync", 1.2))
    for size, session in sessions.items():
        report = median_time(partial(report_markdown, session, tr), runs, cpu)
        rows.append(
            Row(f"Markdown report, {size}", report, "ms", None, "", 0.2 if size == "huge" else None)
        )
        page = median_time(partial(report_html, session, tr), runs, cpu)
        rows.append(
            Row(f"HTML report, {size}", page, "ms", None, "", 0.3 if size == "huge" else None)
        )
        rows.append(
            Row(
                f"roadmap document, {size}",
                median_time(partial(roadmap_markdown, session, tr), runs, cpu),
                "ms",
            )
        )
        rows.append(
            Row(f"roadmap ranking, {size}", median_time(partial(roadmap, session), runs, cpu), "ms")
        )
    rows.append(
        Row(
            "canonical text of the huge session",
            median_time(partial(dumps_session, sessions["huge"]), runs, cpu),
            "ms",
        )
    )
    return rows


def team_rows(folder: Path, sessions: dict[str, Session], runs: int) -> list[Row]:
    """A portfolio over 220 sessions against parsing them alone; a merge of two large branches."""
    many = portfolio_folder(folder)
    whole, bare = paired_medians(partial(whole_portfolio, many), partial(parse_all, many), runs)
    ours, theirs = two_branches(sessions["large"])
    merged = median_time(partial(merge, sessions["large"], ours, theirs), runs)
    return [
        Row(
            "portfolio, 200 small + 20 large sessions",
            whole,
            "ms",
            bare,
            "tomllib.loads of every file, one process",
            1.3,
        ),
        Row("merge of two branches of a large session", merged, "ms", None, "", 0.5),
    ]


def key_rows(path: Path, keys: int) -> list[Row]:
    """CPU per key: cursor moves and edits in the large grid, step switches, a bare table."""
    ours = our_app(path.parent, path, "grid")
    small = key_cpu(SMALL_TABLE, cycle(ARROWS, keys))
    moves = key_cpu(ours, cycle(ARROWS, keys))
    feelings = key_cpu(ours, cycle(FEELINGS, keys // 2), TO_A_CELL)
    switches = key_cpu(ours, cycle(STEPS, keys // 2))
    return [
        Row(
            "CPU per cursor move, large grid (median)",
            statistics.median(moves),
            "ms",
            statistics.median(small),
            "the same move in a 5x3 DataTable",
            1.5,
        ),
        Row("CPU per cursor move, large grid (worst)", max(moves), "ms", None, "", 0.033),
        Row("CPU per feeling set in the grid, saved (median)", statistics.median(feelings), "ms"),
        Row("CPU per feeling set in the grid, saved (worst)", max(feelings), "ms"),
        Row("CPU per step switch, large session (median)", statistics.median(switches), "ms"),
        Row("CPU per step switch, first visit included (worst)", max(switches), "ms"),
    ]


MAP_KEYS: tuple[Key, ...] = (
    ("right_square_bracket", "]"),  # from the grid to the map: its first draw
    *(("right", None),) * 24,  # the cursor walks right, the map scrolls sideways
    ("end", None),
    ("home", None),
    *(("pagedown", None),) * 3,
    *(("down", None),) * 4,
    *(("s", "s"),) * 10,  # nine more personas, then all ten overlaid
    ("v", "v"),
    ("v", "v"),
    *(("left_square_bracket", "["), ("right_square_bracket", "]")) * 2,  # both drawn before
)


def map_rows(path: Path, runs: int) -> list[Row]:
    """CPU per key in the journey map of the large session: its first draw, the sideways
    scroll, a persona switch, all personas overlaid, and the presentation mode."""
    first, sideways, jumps, personas, overlaid, present, switches = [], [], [], [], [], [], []
    for _ in range(runs):
        costs = key_cpu(our_app(path.parent, path, "grid"), MAP_KEYS)
        first.append(costs[0])
        sideways += costs[1:25]
        jumps += costs[25:34]
        personas += costs[34:43]
        overlaid.append(costs[43])
        present += costs[44:46]
        switches += costs[46:50]
    return [
        Row(
            "CPU for the map's first draw, large session (median)",
            statistics.median(first),
            "ms",
            None,
            "",
            0.050,
        ),
        Row("CPU for the map's first draw, large session (worst)", max(first), "ms"),
        Row(
            "CPU per switch between the grid and the map, both drawn before (median)",
            statistics.median(switches),
            "ms",
        ),
        Row(
            "CPU per move sideways in the map (median)",
            statistics.median(sideways),
            "ms",
            None,
            "",
            0.016,
        ),
        Row("CPU per move sideways in the map (worst)", max(sideways), "ms", None, "", 0.050),
        Row(
            "CPU per jump (End, Home, PgDn, ↓) in the map (worst)",
            max(jumps),
            "ms",
            None,
            "",
            0.050,
        ),
        Row("CPU per persona switch in the map (worst)", max(personas), "ms", None, "", 0.050),
        Row("CPU for all ten personas overlaid (worst)", max(overlaid), "ms", None, "", 0.050),
        Row("CPU per presentation mode on or off (worst)", max(present), "ms"),
    ]


def room_rows(folder: Path, path: Path, session: Session, presses: int) -> list[Row]:
    """The room: notes it takes from fifty phones, and the app's keys while they send."""
    found = room_figures(folder, path, session, presses)
    return [
        Row("room: notes taken per second, 50 phones x 10", found.notes_per_second, "/s"),
        Row(
            "room: slowest note's round trip, 50 x 10",
            found.slowest_round_trip,
            "ms",
            None,
            "",
            1.0,
        ),
        Row(
            "room: key in the walk, 50 phones sending (median)",
            found.key_sending,
            "ms",
            found.key_idle,
            "the same key with nobody sending",
            2.0,
        ),
        Row("room: key in the walk, 50 phones sending (worst)", found.key_sending_worst, "ms"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs = 3 if args.quick else 9
    # Measure the package as an installed one runs: with its bytecode compiled. A checkout
    # compiles on first import, unless PYTHONDONTWRITEBYTECODE (set on some machines) forbids it.
    compileall.compile_dir(ROOT / "src", quiet=1)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths: dict[str, Path] = {}
        texts: dict[str, bytes] = {}
        sessions: dict[str, Session] = {}
        for size, (personas, touchpoints) in SIZES.items():
            sessions[size] = generated(personas, touchpoints)
            paths[size] = folder / f"{size}.toml"
            save_session(paths[size], sessions[size], backup=False)
            texts[size] = paths[size].read_bytes()
        rows += process_rows(folder, paths, runs)
        rows += store_rows(folder, sessions, texts, runs)
        rows += team_rows(folder, sessions, runs)
        rows += key_rows(paths["large"], 24 if args.quick else 60)
        rows += map_rows(paths["large"], 3 if args.quick else 5)
        rows += room_rows(folder, paths["large"], sessions["large"], 20 if args.quick else 40)
    print(
        f"cjworkshop benchmark · Python {sys.version.split()[0]} · {os.cpu_count()} CPUs · "
        f"medians of {runs} runs"
    )
    print_table(rows)


if __name__ == "__main__":
    main()
