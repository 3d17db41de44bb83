"""The JSON Schema an editor checks a session file against, as `cjworkshop schema` prints it."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from cjworkshop.cli import cli
from cjworkshop.store.schema import FIELD_HELP, session_schema, template_schema

ROOT = Path(__file__).resolve().parents[2]


def as_taplo_sends_it(value: Any) -> Any:
    """TOML's dates and times are strings to a JSON Schema, as Taplo hands them over."""
    if isinstance(value, dict):
        return {key: as_taplo_sends_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_taplo_sends_it(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def toml_file(path: Path) -> Any:
    return as_taplo_sends_it(tomllib.loads(path.read_text(encoding="utf-8")))


def printed(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["schema", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    schema: dict[str, Any] = json.loads(result.output)
    return schema


@pytest.mark.parametrize("name", ["meubelmakerij-de-eik", "harbour-broadband"])
def test_both_examples_are_valid_against_the_printed_schema(name: str) -> None:
    schema = printed()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(toml_file(ROOT / "sessions" / f"{name}.toml"), schema)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda s: s["plots"][0].update(emotion=5), "5 is greater than the maximum of 2"),
        (lambda s: s["touchpoints"][0].update(chanel="web"), "'chanel' was unexpected"),
        (lambda s: s["touchpoints"][0].update(channel="fax"), "'fax' is not one of"),
        (lambda s: s.pop("title"), "'title' is a required property"),
        (lambda s: s["personas"][0].update(id="Ingrid de Verbouwer"), "does not match"),
        (lambda s: s.update(mode="solo"), "'solo' is not one of"),
    ],
)
def test_a_bad_file_fails_against_the_schema(change: Any, complaint: str) -> None:
    session = copy.deepcopy(toml_file(ROOT / "sessions" / "meubelmakerij-de-eik.toml"))
    change(session)
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate(session, session_schema())
    assert complaint in caught.value.message


def test_every_field_of_the_session_file_is_described_in_english() -> None:
    schema = session_schema()
    described = {
        (name, field): prop.get("description", "")
        for name, definition in schema["$defs"].items()
        for field, prop in definition["properties"].items()
    }
    assert [key for key, text in described.items() if not text] == []
    # No description for a field that is gone.
    assert {(n, f) for n, fields in FIELD_HELP.items() for f in fields} <= set(described)
    # TOML has no null, so the schema never offers one.
    assert "null" not in json.dumps(schema)


def test_the_templates_are_valid_and_the_schemas_in_the_repository_are_current() -> None:
    schema = printed("--template")
    for path in sorted((ROOT / "templates").glob("*.toml")):
        jsonschema.validate(toml_file(path), schema)
    # The schema files the repository's .taplo.toml points editors at are what the code prints.
    assert json.loads((ROOT / "schemas" / "session.schema.json").read_text()) == printed()
    assert json.loads((ROOT / "schemas" / "template.schema.json").read_text()) == json.loads(
        json.dumps(template_schema())
    )
    taplo = tomllib.loads((ROOT / ".taplo.toml").read_text())
    assert {rule["schema"]["path"] for rule in taplo["rule"]} == {
        "schemas/session.schema.json",
        "schemas/template.schema.json",
    }
