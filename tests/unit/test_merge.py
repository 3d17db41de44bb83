"""Three-way merge of sessions by meaning, in the model and as git's merge driver."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from msgspec.structs import replace

from cjworkshop.model.merge import merge, take_other
from cjworkshop.model.session import PainPoint, Plot, Session, Touchpoint, Vote
from cjworkshop.model.validation import session_problems
from cjworkshop.store.session_file import dumps_session, read_session, save_session
from tests.strategies import sessions

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "sessions" / "meubelmakerij-de-eik.toml"
LATER = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def example() -> Session:
    return read_session(EXAMPLE)


def persona_renamed(session: Session, persona_id: str, name: str) -> Session:
    personas = tuple(replace(p, name=name) if p.id == persona_id else p for p in session.personas)
    return replace(session, personas=personas, updated=LATER)


def touchpoint_added(session: Session, touchpoint_id: str, name: str, phase: str) -> Session:
    added = Touchpoint(id=touchpoint_id, phase=phase, name=name)
    return replace(session, touchpoints=(*session.touchpoints, added))


def plot_changed(session: Session, persona: str, touchpoint: str, **changes: object) -> Session:
    plots = tuple(
        replace(p, **changes) if (p.persona, p.touchpoint) == (persona, touchpoint) else p
        for p in session.plots
    )
    if plots == session.plots:
        plots = (*plots, Plot(persona=persona, touchpoint=touchpoint, **changes))  # type: ignore[arg-type]
    return replace(session, plots=plots)


def item_changed(session: Session, item_id: str, **changes: object) -> Session:
    roadmap = tuple(replace(i, **changes) if i.id == item_id else i for i in session.roadmap)
    return replace(session, roadmap=roadmap)


def test_two_branches_of_work_combine_without_conflict() -> None:
    base = example()
    persona = base.personas[0].id  # ingrid-de-verbouwer
    ours = persona_renamed(base, persona, "Ingrid, de verbouwer van een jaren-dertighuis")
    ours = touchpoint_added(ours, "werkplaatsdag", "Open werkplaatsdag", "awareness")
    ours = item_changed(ours, "fix-prijzen-alleen-op-aanvraag", status="done")
    ours = replace(
        ours,
        votes=(*ours.votes, Vote(participant="Anna", item="fix-offerte-duurt-te-lang", dots=2)),
    )
    theirs = touchpoint_added(base, "nieuwsbrief", "Nieuwsbrief", "after-sales")
    theirs = plot_changed(theirs, persona, "nieuwsbrief", emotion=1, action="Leest de nieuwsbrief")
    # The pain point's severity changes on the other branch, while ours marks its item done.
    pains = (PainPoint(text="Prijzen alleen op aanvraag", severity=5, evidence="assumed"),)
    theirs = plot_changed(theirs, persona, "website", pain_points=pains)
    theirs = item_changed(theirs, "fix-offerte-duurt-te-lang", owner="Sanne")
    theirs = replace(
        theirs,
        votes=(*theirs.votes, Vote(participant="Bas", item="fix-offerte-duurt-te-lang", dots=3)),
        updated=LATER + dt.timedelta(hours=1),
    )

    merged = merge(base, ours, theirs)

    assert merged.conflicts == ()
    assert session_problems(merged) == []
    assert merged.personas[0].name == "Ingrid, de verbouwer van een jaren-dertighuis"
    ids = [t.id for t in merged.touchpoints]
    plots = {(p.persona, p.touchpoint): p for p in merged.plots}
    assert plots[(persona, "nieuwsbrief")].emotion == 1
    assert plots[(persona, "website")].pain_points[0].severity == 5
    items = {i.id: i for i in merged.roadmap}
    assert items["fix-prijzen-alleen-op-aanvraag"].status == "done"
    assert items["fix-offerte-duurt-te-lang"].owner == "Sanne"
    assert {v.participant for v in merged.votes} >= {"Anna", "Bas", "Ruben", "Lotte"}
    assert merged.updated == LATER + dt.timedelta(hours=1)
    # Base's order, each side's additions after what they follow on that side.
    assert ids[: len(base.touchpoints)] == [t.id for t in base.touchpoints]
    assert set(ids[len(base.touchpoints) :]) == {"werkplaatsdag", "nieuwsbrief"}
    # The result is a session file in the canonical layout.
    assert read_session_text(dumps_session(merged)) == merged


def read_session_text(text: str) -> Session:
    from cjworkshop.store.session_file import parse_session

    return parse_session(text.encode())


def test_a_real_conflict_keeps_ours_notes_theirs_and_can_take_theirs() -> None:
    base = example()
    ours = item_changed(base, "fix-offerte-duurt-te-lang", owner="Ruben", effort=1)
    theirs = item_changed(base, "fix-offerte-duurt-te-lang", owner="Sanne", effort=3)
    merged = merge(base, ours, theirs)
    assert [(c.where, c.kept, c.other) for c in merged.conflicts] == [
        ("roadmap[fix-offerte-duurt-te-lang].effort", "1", "3"),
        ("roadmap[fix-offerte-duurt-te-lang].owner", '"Ruben"', '"Sanne"'),
    ]
    item = next(i for i in merged.roadmap if i.id == "fix-offerte-duurt-te-lang")
    assert (item.owner, item.effort) == ("Ruben", 1)
    resolved = take_other(merged, merged.conflicts[1])
    item = next(i for i in resolved.roadmap if i.id == "fix-offerte-duurt-te-lang")
    assert (item.owner, item.effort) == ("Sanne", 1)
    assert len(resolved.conflicts) == 1
    # The conflicts travel in the file, so check and the app see them.
    assert read_session_text(dumps_session(merged)).conflicts == merged.conflicts


def test_removed_on_one_side_and_changed_on_the_other_is_kept() -> None:
    base = example()
    item = "fix-offerte-duurt-te-lang"
    ours = replace(base, roadmap=tuple(i for i in base.roadmap if i.id != item))
    theirs = item_changed(base, item, owner="Sanne")
    merged = merge(base, ours, theirs)
    assert any(i.id == item and i.owner == "Sanne" for i in merged.roadmap)
    (conflict,) = merged.conflicts
    assert (conflict.where, conflict.other) == (f"roadmap[{item}]", "")
    # Taking the other version removes it, as ours did.
    assert all(i.id != item for i in take_other(merged, conflict).roadmap)


def test_a_persona_removed_while_the_other_branch_plots_it_comes_back() -> None:
    base = example()
    gone = base.personas[2].id
    ours = replace(
        base,
        personas=base.personas[:2],
        plots=tuple(p for p in base.plots if p.persona != gone),
    )
    theirs = plot_changed(base, gone, "website", thought="Nu staat er wel een prijs")
    merged = merge(base, ours, theirs)
    assert session_problems(merged) == []
    assert gone in {p.id for p in merged.personas}


@settings(max_examples=40, deadline=None)
@given(base=sessions(), other=sessions())
def test_a_side_that_changed_nothing_gives_the_other_side(base: Session, other: Session) -> None:
    changed = replace(other, created=base.created)
    assert replace(merge(base, base, changed), updated=changed.updated) == replace(
        changed, updated=changed.updated, conflicts=changed.conflicts
    )
    assert merge(base, changed, base).conflicts == changed.conflicts
    assert merge(base, changed, changed) == replace(
        changed, updated=max(changed.updated, changed.updated)
    )


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def cjworkshop(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).parent / "cjworkshop"
    env = {**os.environ, "PATH": f"{command.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        [str(command), "--lang", "en", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merges_two_branches_of_a_session_with_the_driver(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "sessions").mkdir(parents=True)
    session_file = repo / "sessions" / "eik.toml"
    shutil.copy(EXAMPLE, session_file)
    git("init", "-q", "-b", "main", cwd=repo)
    installed = cjworkshop("install-merge-driver", cwd=repo)
    assert installed.returncode == 0, installed.stderr
    assert (repo / ".gitattributes").read_text() == "sessions/*.toml merge=cjworkshop\n"
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "workshop", cwd=repo)

    base = read_session(session_file)
    touchpoint = "website"
    # On one branch the touchpoint is renamed; on the other its owner and a plot there change.
    git("checkout", "-q", "-b", "rename", cwd=repo)
    renamed = replace(
        base,
        touchpoints=tuple(
            replace(t, name="Collectie op de website") if t.id == touchpoint else t
            for t in base.touchpoints
        ),
    )
    save_session(session_file, renamed, backup=False)
    git("commit", "-qam", "rename", cwd=repo)
    git("checkout", "-q", "main", cwd=repo)
    edited = replace(
        base,
        touchpoints=tuple(
            replace(t, owner="Joost") if t.id == touchpoint else t for t in base.touchpoints
        ),
    )
    edited = plot_changed(edited, base.personas[0].id, touchpoint, thought="Eindelijk een prijs")
    save_session(session_file, edited, backup=False)
    git("commit", "-qam", "edit", cwd=repo)

    merged = git("merge", "-q", "--no-edit", "rename", cwd=repo)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    result = read_session(session_file)
    website = next(t for t in result.touchpoints if t.id == touchpoint)
    assert (website.name, website.owner) == ("Collectie op de website", "Joost")
    plot = next(
        p for p in result.plots if (p.persona, p.touchpoint) == (base.personas[0].id, touchpoint)
    )
    assert plot.thought == "Eindelijk een prijs"
    assert session_file.read_text() == dumps_session(result)  # the canonical layout
    assert cjworkshop("check", str(session_file), cwd=repo).returncode == 0

    # Both branches give the same item a different owner: git stops, the session records it.
    item = "fix-offerte-duurt-te-lang"
    git("checkout", "-q", "-b", "owner", cwd=repo)
    save_session(session_file, item_changed(result, item, owner="Ruben"), backup=False)
    git("commit", "-qam", "Ruben", cwd=repo)
    git("checkout", "-q", "main", cwd=repo)
    save_session(session_file, item_changed(result, item, owner="Lotte"), backup=False)
    git("commit", "-qam", "Lotte", cwd=repo)
    conflicted = git("merge", "-q", "--no-edit", "owner", cwd=repo)
    assert conflicted.returncode != 0
    after = read_session(session_file)
    assert [(c.where, c.kept, c.other) for c in after.conflicts] == [
        (f"roadmap[{item}].owner", '"Lotte"', '"Ruben"')
    ]
    checked = cjworkshop("check", str(session_file), cwd=repo)
    assert checked.returncode == 1
    assert f"merge conflict at roadmap[{item}].owner" in checked.stdout + checked.stderr
