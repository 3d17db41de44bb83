"""``templates`` lists the journey models; ``templates show NAME`` prints one in full."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table

from cjworkshop.cli.context import CliContext, pass_cli
from cjworkshop.cli.localized import argument, group, language_option
from cjworkshop.model.template import Template
from cjworkshop.store.errors import StoreError
from cjworkshop.store.templates import bundled_templates


@group("templates", invoke_without_command=True, help="cli.templates.help")
@language_option()
@click.pass_context
def templates_command(context: click.Context) -> None:
    if context.invoked_subcommand is not None:
        return
    cli = context.ensure_object(CliContext)
    tr = cli.tr
    try:
        templates = bundled_templates()
    except StoreError as error:
        cli.fail_store(error)
    table = Table(title=tr("cli.templates.title"), title_justify="left")
    for column in ("id", "name", "phases", "shape"):
        table.add_column(tr(f"cli.templates.column.{column}"))
    for template in templates:
        phases = " → ".join(phase.name(cli.language) for phase in template.phases) or "—"
        table.add_row(
            template.id,
            escape(template.name(cli.language)),
            escape(phases),
            tr(f"shape.{template.shape}"),
        )
    cli.out.print(table)
    cli.out.print(tr("cli.templates.more"))


@templates_command.command("show", help="cli.templates.show.help")
@argument("name", metavar="cli.metavar.name")
@language_option()
@pass_cli
def show_command(cli: CliContext, name: str) -> None:
    _print_template(cli, cli.template(name))


def _print_template(cli: CliContext, template: Template) -> None:
    tr, lang, out = cli.tr, cli.language, cli.out
    out.print(
        f"[bold]{escape(template.name(lang))}[/] ({template.id}, {tr(f'shape.{template.shape}')})"
    )
    out.print(escape(template.description(lang)))
    out.print(f"[dim]{escape(tr('cli.templates.source'))} {escape(template.source(lang))}[/]")
    if not template.phases:
        out.print(tr("cli.templates.no_phases"))
    for number, phase in enumerate(template.phases, start=1):
        out.print()
        weight = tr("cli.templates.weight", weight=f"{phase.weight:g}")
        out.print(f"[bold cyan]{number}. {escape(phase.name(lang))}[/] [dim]{escape(weight)}[/]")
        out.print(escape(phase.description(lang)))
        out.print(f"[bold]{escape(tr('cli.templates.questions'))}[/]")
        for question in phase.questions(lang):
            out.print(f"  • {escape(question)}")
        if phase.touchpoints:
            out.print(f"[bold]{escape(tr('cli.templates.touchpoints'))}[/]")
            for suggestion in phase.touchpoints:
                kind = tr(f"kind.{suggestion.kind}")
                channel = tr(f"channel.{suggestion.channel}")
                label = escape(suggestion.name(lang))
                out.print(f"  • {label} [dim]({escape(channel)}, {escape(kind)})[/]")
        if phase.assessment:
            out.print(f"[bold]{escape(tr('cli.templates.assessment'))}[/]")
            for item in phase.assessment:
                out.print(f"  • {escape(item.question(lang))}")
                out.print(f"    [dim]→ {escape(item.action(lang))}[/]")
