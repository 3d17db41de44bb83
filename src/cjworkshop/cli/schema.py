"""``schema``: the JSON Schema of the session file (or of a journey template) for editors.

Printed on the standard output, or with ``-o`` written to a file in one step; the README shows
how Taplo and Even Better TOML use it.
"""

from __future__ import annotations

import json
from pathlib import Path

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.documents import write_document
from cjworkshop.cli.localized import LocalizedPath, command, language_option, option
from cjworkshop.store.schema import session_schema, template_schema


@command("schema", help="cli.schema.help")
@option("--template", "of_template", is_flag=True, help="cli.schema.template")
@option(
    "--output",
    "-o",
    type=LocalizedPath(dir_okay=False, path_type=Path),
    default=None,
    help="cli.export.output",
)
@language_option()
@pass_cli
def schema_command(cli: CliContext, of_template: bool, output: Path | None) -> None:
    schema = template_schema() if of_template else session_schema()
    write_document(cli, output, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
