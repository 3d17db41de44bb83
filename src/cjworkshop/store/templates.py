"""Loading journey templates: the bundled ones and any template file a user points at.

Templates are TOML files named after their id (``five-phases.toml``). Installed, they live inside
the package; in a source checkout, in the repository's top-level ``templates/`` folder. They are
validated by the same strict conversion as sessions, plus the checks in
``model.template.template_problems`` (both languages complete, ids unique).
"""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace

from cjworkshop.model.ids import slugify
from cjworkshop.model.session import Language, Session
from cjworkshop.model.template import ChecklistText, Template, checklist, template_problems
from cjworkshop.store.errors import StoreError
from cjworkshop.store.resources import bundled_folder
from cjworkshop.store.toml_file import TomlFile, convert, read_toml_file, refuse

MAX_TEMPLATE_BYTES = 1024 * 1024
PREFERRED_ORDER = ("five-phases", "five-phases-delivery", "mckinsey-loop", "blank")


def templates_folder() -> Path:
    return bundled_folder("templates", "templates")


def read_template(path: Path) -> Template:
    """Load and validate one template file; its id is the file name without ``.toml``."""
    return template_from_toml(read_toml_file(path, MAX_TEMPLATE_BYTES), path)


def template_from_toml(source: TomlFile, path: Path) -> Template:
    """Convert and check a parsed template file; the id comes from the file name."""
    template = convert(source.data, Template, source)
    refuse(template_problems(template), source)
    template_id = path.stem
    if slugify(template_id, "") != template_id:
        raise StoreError("error.template_name", {"name": template_id}, path=path)
    return replace(template, id=template_id)


def bundled_templates() -> tuple[Template, ...]:
    """Every template shipped with cjworkshop, the common models first."""
    paths = sorted(templates_folder().glob("*.toml"))
    templates = [bundled_template(path.stem) for path in paths]
    rank = {name: position for position, name in enumerate(PREFERRED_ORDER)}
    found = [template for template in templates if template is not None]
    return tuple(sorted(found, key=lambda t: (rank.get(t.id, len(rank)), t.id)))


def bundled_template(template_id: str) -> Template | None:
    """One bundled template by id, read on its own (opening a session needs only its own)."""
    path = templates_folder() / f"{template_id}.toml"
    if slugify(template_id, "") != template_id or not path.is_file():
        return None
    return read_template(path)


def find_template(name: str) -> Template | None:
    """A bundled template by id, or a template file by path; None when there is neither."""
    if (template := bundled_template(name)) is not None:
        return template
    candidate = Path(name)
    if candidate.suffix == ".toml" and candidate.is_file():
        return read_template(candidate)
    return None


def template_checklist(session: Session, language: Language) -> dict[str, ChecklistText]:
    """The self-assessment questions of the session's template by key, each with its action;
    none when the template is gone."""
    try:
        return checklist(find_template(session.template), language)
    except StoreError:
        return {}
