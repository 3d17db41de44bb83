"""``merge``: three versions of a session combined by meaning, also as git's merge driver.

``cjworkshop merge BASE OURS THEIRS [-o OUT]`` writes the merged session (to OURS unless ``-o``
says otherwise, as git's merge driver expects) in the canonical layout, lists every conflict, and
exits with status 1 when there is one, 0 when the merge is clean. ``install-merge-driver`` sets
the repository up so that ``git merge`` calls it for session files.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import FILE, argument, command, language_option, option
from cjworkshop.model.merge import merge
from cjworkshop.store.atomic import write_atomically
from cjworkshop.store.errors import StoreError
from cjworkshop.store.session_file import read_session, save_session

DRIVER = "cjworkshop"


@command("merge", help="cli.merge.help")
@argument("base", metavar="cli.metavar.base", type=FILE)
@argument("ours", metavar="cli.metavar.ours", type=FILE)
@argument("theirs", metavar="cli.metavar.theirs", type=FILE)
@option("--output", "-o", type=FILE, default=None, help="cli.merge.output")
@language_option()
@pass_cli
def merge_command(
    cli: CliContext, base: Path, ours: Path, theirs: Path, output: Path | None
) -> None:
    try:
        versions = [read_session(path) for path in (base, ours, theirs)]
    except StoreError as error:
        cli.fail_store(error)
    merged = merge(*versions)
    target = output or ours
    try:
        save_session(target, merged, backup=False)
    except StoreError as error:
        cli.fail_store(error)
    for conflict in merged.conflicts:
        removed = cli.tr("cli.merge.removed")
        kept, other = conflict.kept or removed, conflict.other or removed
        cli.err.print(
            cli.tr("cli.merge.conflict", where=conflict.where, kept=kept, other=other),
            markup=False,
        )
    if merged.conflicts:
        count = cli.tr.count("cli.merge.conflicts", len(merged.conflicts), path=str(target))
        cli.err.print(count, markup=False)
        raise SystemExit(1)
    cli.err.print(cli.tr("cli.merge.clean", path=str(target)), markup=False)


@command("install-merge-driver", help="cli.merge.install_help")
@option(
    "--pattern",
    default="sessions/*.toml",
    show_default=True,
    metavar="cli.metavar.pattern",
    help="cli.merge.pattern",
)
@language_option()
@pass_cli
def install_merge_driver_command(cli: CliContext, pattern: str) -> None:
    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], check=True, capture_output=True, text=True, timeout=30
            )
        except FileNotFoundError:
            cli.fail(cli.tr("cli.merge.no_git"))
        except subprocess.CalledProcessError as error:
            cli.fail(cli.tr("cli.merge.git_failed", detail=(error.stderr or "").strip()))
        return done.stdout.strip()

    top = Path(git("rev-parse", "--show-toplevel"))
    git("config", f"merge.{DRIVER}.name", "cjworkshop: sessions merged by meaning")
    git("config", f"merge.{DRIVER}.driver", "cjworkshop merge %O %A %B -o %A")
    attributes = top / ".gitattributes"
    line = f"{pattern} merge={DRIVER}"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if line not in existing.splitlines():
        ending = "" if not existing or existing.endswith("\n") else "\n"
        write_atomically(attributes, f"{existing}{ending}{line}\n")
    cli.out.print(cli.tr("cli.merge.installed", line=line, path=str(attributes)), markup=False)
