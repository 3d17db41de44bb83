"""The portfolio across journeys, on a crafted folder whose answers are known."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from click.testing import CliRunner

from cjworkshop.cli import cli
from cjworkshop.i18n import translator
from cjworkshop.model.portfolio import portfolio
from cjworkshop.model.session import (
    PainPoint,
    Persona,
    Phase,
    Plot,
    Session,
    Touchpoint,
)
from cjworkshop.store.portfolio_files import read_digests
from cjworkshop.store.session_file import save_session

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)


def journey(
    title: str,
    updated: dt.date,
    pains: list[tuple[str, str, int]],
    *,
    previous: str = "",
    phase: str = "Aankoop",
    feeling: int = -1,
) -> Session:
    """A small journey: one persona, one touchpoint per (pain, channel), one phase."""
    when = dt.datetime.combine(updated, dt.time(12), tzinfo=dt.UTC)
    touchpoints = tuple(
        Touchpoint(id=f"t{n}", phase="p", name=f"Touchpoint {n}", channel=channel)  # type: ignore[arg-type]
        for n, (_, channel, _) in enumerate(pains)
    )
    plots = tuple(
        Plot(
            persona="klant",
            touchpoint=f"t{n}",
            emotion=feeling,
            pain_points=(PainPoint(text=text, severity=severity),),
        )
        for n, (text, _, severity) in enumerate(pains)
    )
    return Session(
        title=title,
        language="nl",
        created=when,
        updated=when,
        previous=previous,
        personas=(Persona(id="klant", name="Klant"),),
        phases=(Phase(id="p", name=phase),),
        touchpoints=touchpoints,
        plots=plots,
    )


def crafted(folder: Path) -> None:
    save_session(
        folder / "bakker.toml",
        journey(
            "Bakker", TODAY, [("Lange rij bij de kassa", "shop", 4), ("Geen pin", "payment", 3)]
        ),
        backup=False,
    )
    save_session(
        folder / "slager.toml",
        journey(
            "Slager", TODAY, [("lange rij bij de KASSA!", "shop", 5)], phase="aankoop", feeling=-2
        ),
        backup=False,
    )
    # A revisit chain: only the newest version counts.
    save_session(
        folder / "bloemist.toml",
        journey("Bloemist 2025", dt.date(2025, 3, 1), [("Geen pin", "payment", 2)]),
        backup=False,
    )
    save_session(
        folder / "bloemist-2.toml",
        journey(
            "Bloemist",
            dt.date(2026, 5, 1),
            [("Bezorging te laat", "delivery", 3)],
            previous="bloemist.toml",
            phase="Levering",
            feeling=1,
        ),
        backup=False,
    )
    (folder / "sub").mkdir()
    save_session(
        folder / "sub" / "kapper.toml",
        journey("Kapper", dt.date(2026, 11, 1), [("Geen pin", "payment", 4)]),
        backup=False,
    )
    (folder / "kapot.toml").write_text("title = [unclosed\n")
    (folder / ".verborgen.toml").write_text("not = 'a session'\n")


def test_a_crafted_folder_gives_the_known_answers(tmp_path: Path) -> None:
    crafted(tmp_path)
    digests, errors = read_digests(tmp_path, workers=1)
    assert [e.path.name for e in errors if e.path is not None] == ["kapot.toml"]
    report = portfolio(digests, today=TODAY, stale_days=180)
    assert [d.title for d in report.journeys] == ["Bakker", "Slager", "Kapper", "Bloemist"]
    assert report.older_versions == 1
    pains = {r.text: r for r in report.recurring_pains}
    # Same words, matched as within a journey; the old Bloemist version does not count.
    assert set(pains) == {"Lange rij bij de kassa", "Geen pin"}
    assert set(pains["Lange rij bij de kassa"].journeys) == {"Bakker", "Slager"}
    assert pains["Lange rij bij de kassa"].severity == 5
    assert set(pains["Geen pin"].journeys) == {"Bakker", "Kapper"}
    assert {r.text: set(r.journeys) for r in report.recurring_channels} == {
        "shop": {"Bakker", "Slager"},
        "payment": {"Bakker", "Kapper"},
    }
    # "Aankoop" and "aankoop" are one phase; it is the worst.
    worst = report.worst_phases[0]
    assert (worst.name, worst.journeys, worst.plots) == ("Aankoop", 3, 4)
    assert worst.average == (-1 - 1 - 2 - 1) / 4
    assert [d.title for d in report.stale] == ["Bloemist"]  # 214 days
    assert len(report.unowned) == 5  # every proposed item is open and has no owner


def test_the_same_answers_in_several_processes(tmp_path: Path) -> None:
    crafted(tmp_path)
    for n in range(30):  # enough files to use the pool
        shutil.copy(tmp_path / "bakker.toml", tmp_path / f"kopie-{n}.toml")
    alone = read_digests(tmp_path, workers=1)
    pooled = read_digests(tmp_path, workers=2)
    assert alone[0] == pooled[0]
    assert [e.render(translator("en")) for e in alone[1]] == [
        e.render(translator("en")) for e in pooled[1]
    ]


def test_the_command_on_the_examples_and_a_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    shutil.copytree(ROOT / "sessions", folder)
    (folder / "kapot.toml").write_text("title = [unclosed\n")
    runner = CliRunner()
    result = runner.invoke(cli, ["--lang", "en", "portfolio", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (
        "2 journeys (the newest version of each; 0 older versions left out), 1 files skipped."
        in result.output
    )
    assert "kapot.toml" in result.output
    assert "Meubelmakerij De Eik · 2026-11-20 · 3 · " in result.output
    for kind, marker in (
        ("md", "## Channels with pain points in several journeys"),
        ("html", "<h2>Channels"),
    ):
        out = tmp_path / f"portfolio.{kind}"
        result = runner.invoke(
            cli, ["--lang", "nl", "portfolio", str(folder), "-f", kind, "-o", str(out), "-l", "en"]
        )
        assert result.exit_code == 0, result.output
        assert marker in out.read_text()
    dutch = runner.invoke(cli, ["portfolio", str(folder), "--lang", "nl"], catch_exceptions=False)
    assert "Kanalen met pijnpunten in meerdere klantreizen" in dutch.output
    assert "  Aankoop · −1 · 1 · 6" in dutch.output  # a minus sign, a decimal comma where needed
    assert "  Overweging · +0,09 · 1 · 11" in dutch.output
