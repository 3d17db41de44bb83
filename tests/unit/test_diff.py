"""The semantic diff on crafted pairs of versions whose differences are known in advance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner, Result
from hypothesis import given
from markdown_it import MarkdownIt
from msgspec.structs import replace

from cjworkshop.cli import cli
from cjworkshop.export.diff_text import diff_markdown, diff_text, summary_text
from cjworkshop.i18n import translator
from cjworkshop.model.diff import (
    DiffSummary,
    EmotionChange,
    PainChange,
    RecordChange,
    RoadmapState,
    compare,
)
from cjworkshop.model.roadmap import roadmap
from cjworkshop.model.session import (
    Goal,
    Interaction,
    Metric,
    Opportunity,
    PainPoint,
    ParkingNote,
    Persona,
    Phase,
    Plot,
    RoadmapItem,
    Session,
    StepTime,
    Vote,
)
from cjworkshop.store.session_file import dumps_session
from cjworkshop.terminal import diff_rich
from tests.conftest import WHEN, small_session
from tests.strategies import sessions

EN = translator("en")
NL = translator("nl")


def decided() -> Session:
    """The small session with two roadmap decisions, so rank changes have something to show."""
    return replace(
        small_session(),
        roadmap=(
            RoadmapItem(
                id="fix-geen-pin",
                sources=("pain:geen-pin",),
                effort=4,
                owner="Kassa",
                status="doing",
            ),
            RoadmapItem(
                id="idea-pinautomaat",
                sources=("opportunity:pinautomaat",),
                effort=5,
                owner="IT",
                horizon="later",
            ),
        ),
    )


def with_plot(session: Session, persona: str, touchpoint: str, **changes: object) -> Session:
    """The session with one plot changed, or added when it was not there."""
    plots = list(session.plots)
    for index, plot in enumerate(plots):
        if (plot.persona, plot.touchpoint) == (persona, touchpoint):
            plots[index] = replace(plot, **changes)
            break
    else:
        plots.append(Plot(persona=persona, touchpoint=touchpoint, **changes))  # type: ignore[arg-type]
    return replace(session, plots=tuple(plots))


def renamed_touchpoint(session: Session, touchpoint_id: str, name: str) -> Session:
    return replace(
        session,
        touchpoints=tuple(
            replace(tp, name=name) if tp.id == touchpoint_id else tp for tp in session.touchpoints
        ),
    )


def three_changes() -> tuple[Session, Session]:
    """Piet feels better at the till, Sanne's "Niet gevonden" is gone, Kassa is now Afrekenen.

    Besides those three, only things the diff ignores change: the update time, the notes, a
    timebox, a description, a thought, a vote and the parking lot.
    """
    old = decided()
    new = with_plot(old, "piet", "kassa", emotion=0, thought="Eindelijk pinnen")
    new = with_plot(new, "sanne", "google", pain_points=())
    new = renamed_touchpoint(new, "kassa", "Afrekenen")
    new = replace(
        new,
        updated=WHEN + dt.timedelta(days=90),
        notes="Drie maanden later",
        timebox={"goals": StepTime(planned_minutes=15, used_seconds=600)},
        personas=(replace(new.personas[0], description="Moeder van twee"), *new.personas[1:]),
        votes=(Vote(participant="Eva", item="fix-geen-pin", dots=1),),
        parking_lot=(ParkingNote(text="Parkeren bij de winkel"),),
    )
    return old, new


def test_exactly_the_three_changes_and_nothing_else() -> None:
    old, new = three_changes()
    diff = compare(old, new)
    assert diff.records == (RecordChange("touchpoint", "renamed", "kassa", "Kassa", "Afrekenen"),)
    assert diff.emotions == (EmotionChange("piet", "kassa", -2, 0),)
    assert diff.emotions[0].delta == 2
    assert diff.pains == (PainChange("sanne", "google", "solved", "Niet gevonden", 4, None),)
    assert diff.roadmap == ()
    # The decided items did move on the roadmap in absolute terms (the item above them went with
    # its pain point), which is exactly the noise the diff must not report.
    assert [(item.id, item.rank) for item in roadmap(old)] == [
        ("fix-niet-gevonden", 1),
        ("fix-geen-pin", 2),
        ("idea-pinautomaat", 3),
    ]
    assert [(item.id, item.rank) for item in roadmap(new)] == [
        ("fix-geen-pin", 1),
        ("idea-pinautomaat", 2),
    ]
    assert summary_text(diff, EN) == (
        "1 touchpoint better, 1 pain point solved, 1 touchpoint renamed."
    )


def test_markdown_of_the_three_changes_has_the_summary_on_top_and_three_bullets() -> None:
    old, new = three_changes()
    text = diff_markdown(compare(old, new), old, new, EN)
    tokens = MarkdownIt().parse(text)
    inlines = [t.content for t in tokens if t.type == "inline"]
    assert inlines[0] == "What changed in Bakkerij Jansen"
    assert inlines[1] == "1 touchpoint better, 1 pain point solved, 1 touchpoint renamed."
    assert sum(1 for t in tokens if t.type == "list_item_open") == 3
    assert "Touchpoint renamed: Kassa → Afrekenen" in inlines
    assert "Piet at Afrekenen: ▼▼ −2 very negative → ● 0 neutral, better by 2" in inlines
    assert "Solved: “Niet gevonden” for Sanne at Google" in inlines


def test_identical_versions_have_an_empty_diff() -> None:
    session = decided()
    diff = compare(session, session)
    assert diff.is_empty
    assert diff.summary == DiffSummary()
    assert summary_text(diff, EN).startswith("No differences")
    tokens = MarkdownIt().parse(diff_markdown(diff, session, session, EN))
    assert [t.type for t in tokens if t.type.endswith("_open")] == [
        "heading_open",
        "paragraph_open",
    ]


@given(sessions())
def test_any_session_compared_with_itself_is_empty(session: Session) -> None:
    assert compare(session, session).is_empty
    touched = replace(session, notes=session.notes + "!", updated=session.updated, timebox={})
    assert compare(session, touched).is_empty


def test_records_added_and_removed_without_repeating_their_plots() -> None:
    old = small_session()
    new = replace(
        old,
        goals=(),
        personas=(*old.personas, Persona(id="eva", name="Eva")),
        phases=(*old.phases, Phase(id="service", name="Service")),
        # Google goes, with Sanne's pain point and Piet's skipped plot there.
        touchpoints=tuple(tp for tp in old.touchpoints if tp.id != "google"),
        plots=tuple(plot for plot in old.plots if plot.touchpoint != "google"),
    )
    diff = compare(old, new)
    assert diff.records == (
        RecordChange("goal", "removed", "meer-vaste-klanten", "Meer vaste klanten", None),
        RecordChange("persona", "added", "eva", None, "Eva"),
        RecordChange("phase", "added", "service", None, "Service"),
        RecordChange("touchpoint", "removed", "google", "Google", None),
    )
    assert (diff.emotions, diff.pains, diff.roadmap) == ((), (), ())
    assert summary_text(diff, EN) == (
        "1 goal removed, 1 persona added, 1 phase added, 1 touchpoint removed."
    )


def test_goal_renamed_by_its_what_and_matched_by_id() -> None:
    old = small_session()
    new = replace(old, goals=(Goal(id="meer-vaste-klanten", what="Meer terugkerende klanten"),))
    diff = compare(old, new)
    assert diff.records == (
        RecordChange(
            "goal",
            "renamed",
            "meer-vaste-klanten",
            "Meer vaste klanten",
            "Meer terugkerende klanten",
        ),
    )


def test_pain_points_new_solved_and_severity_matched_by_text_key() -> None:
    old = small_session()
    new = with_plot(
        old,
        "piet",
        "kassa",
        pain_points=(
            PainPoint(text="geen PIN!", severity=3),
            PainPoint(text="Lange rij"),
        ),
    )
    diff = compare(old, new)
    assert diff.pains == (
        PainChange("piet", "kassa", "severity", "geen PIN!", 5, 3),
        PainChange("piet", "kassa", "new", "Lange rij", None, None),
    )
    summary = diff.summary
    assert (summary.pains_new, summary.pains_solved, summary.pains_severity) == (1, 0, 1)
    lines = [line.plain for line in diff_rich(diff_text(diff, old, new, EN))]
    assert "• Severity severity 5 → severity 3: “geen PIN!” for Piet at Kassa" in lines
    assert "• New: “Lange rij” for Piet at Kassa (not rated)" in lines


def test_only_a_different_spelling_of_a_pain_point_is_no_change() -> None:
    old = small_session()
    new = with_plot(
        old, "sanne", "google", pain_points=(PainPoint(text="niet gevonden!", severity=4),)
    )
    assert compare(old, new).is_empty


def test_emotions_better_worse_newly_and_no_longer_plotted() -> None:
    old = small_session()
    new = with_plot(old, "sanne", "google", emotion=1)  # -1 -> +1
    new = with_plot(new, "sanne", "kassa", emotion=-1)  # +2 -> -1
    new = with_plot(new, "piet", "kassa", emotion=0)  # -2 -> 0: Kassa +3 -3, mixed
    new = with_plot(new, "sanne", "reviews", emotion=1)  # nothing -> +1
    new = with_plot(new, "piet", "google", relevant=True, emotion=2)  # skipped -> +2
    diff = compare(old, new)
    assert [(e.persona, e.touchpoint, e.direction, e.delta) for e in diff.emotions] == [
        ("sanne", "google", "better", 2),
        ("sanne", "reviews", "plotted", None),
        ("sanne", "kassa", "worse", -3),
        ("piet", "google", "plotted", None),
        ("piet", "kassa", "better", 2),
    ]
    summary = diff.summary
    # Google: +2 (Sanne) better; Kassa: -3 + 2 = -1 worse.
    assert (summary.touchpoints_better, summary.touchpoints_worse) == (1, 1)
    assert (summary.newly_plotted, summary.no_longer_plotted) == (2, 0)
    back = compare(new, old)
    assert back.summary.no_longer_plotted == 2


def test_a_touchpoint_whose_changes_cancel_out_is_mixed() -> None:
    old = small_session()
    new = with_plot(old, "sanne", "kassa", emotion=0)  # +2 -> 0
    new = with_plot(new, "piet", "kassa", emotion=0)  # -2 -> 0
    summary = compare(old, new).summary
    assert (summary.touchpoints_better, summary.touchpoints_worse) == (0, 0)
    assert summary.touchpoints_mixed == 1
    assert "1 touchpoint better for one persona and worse for another" in summary_text(
        compare(old, new), EN
    )


def test_skipping_a_plot_is_no_longer_plotted_and_keeps_its_pain_points() -> None:
    old = small_session()
    new = with_plot(old, "piet", "kassa", relevant=False)
    diff = compare(old, new)
    assert diff.emotions == (EmotionChange("piet", "kassa", -2, None),)
    assert diff.pains == ()


def test_roadmap_status_horizon_added_and_removed() -> None:
    old = decided()
    new = with_plot(old, "sanne", "kassa", pain_points=(PainPoint(text="Lange rij", severity=2),))
    new = replace(
        new,
        roadmap=(
            replace(old.roadmap[0], status="done"),
            replace(old.roadmap[1], horizon="now"),
            # Only an effort for an item the roadmap already proposed: not a change it reports.
            RoadmapItem(id="fix-niet-gevonden", sources=("pain:niet-gevonden",), effort=3),
            RoadmapItem(id="fix-lange-rij", sources=("pain:lange-rij",), status="doing"),
        ),
    )
    diff = compare(old, new)
    assert [(c.id, c.change) for c in diff.roadmap] == [
        ("idea-pinautomaat", "changed"),
        ("fix-lange-rij", "added"),
        ("fix-geen-pin", "changed"),
    ]
    machine, added, pin = diff.roadmap
    assert (machine.status_changed, machine.horizon_changed, machine.rank_moved) == (
        False,
        True,
        False,
    )
    assert machine.old == RoadmapState("Pinautomaat", "open", "later", 3, "later")
    assert added.new == RoadmapState("Lange rij", "doing", None, 3, "later")
    assert (pin.status_changed, pin.horizon_changed, pin.rank_moved) == (True, False, False)
    assert diff.pains == (PainChange("sanne", "kassa", "new", "Lange rij", None, 2),)

    tokens = MarkdownIt().parse(diff_markdown(diff, old, new, NL))
    inlines = [t.content for t in tokens if t.type == "inline"]
    assert "“Pinautomaat”: horizon Later → Nu" in inlines
    assert "Toegevoegd: “Lange rij” (bezig)" in inlines
    assert "“Geen pin”: status bezig → klaar" in inlines
    assert inlines[1] == "1 nieuw pijnpunt, 3 roadmap-items veranderd."

    back = compare(new, old)
    assert [(c.id, c.change) for c in back.roadmap] == [
        ("fix-geen-pin", "changed"),
        ("idea-pinautomaat", "changed"),
        ("fix-lange-rij", "removed"),
    ]


def test_a_move_to_another_horizon_is_reported_with_the_rank() -> None:
    old = decided()
    # Effort 1 makes Pinautomaat 7.5 / 1, ahead of everything; the room had set it to Later, so
    # only Geen pin moves by its score: from Now to Later.
    new = replace(old, roadmap=(old.roadmap[0], replace(old.roadmap[1], effort=1)))
    diff = compare(old, new)
    assert [(c.id, c.rank_moved) for c in diff.roadmap] == [("fix-geen-pin", True)]
    text = diff_markdown(diff, old, new, EN)
    assert "“Geen pin”: down to Later, rank 3 (was Now, rank 2)" in text


def test_user_text_is_escaped_in_markdown_and_literal_in_the_terminal() -> None:
    old = replace(small_session(), title="*Bakkerij*")
    new = replace(old, personas=(Persona(id="sanne", name="[Sanne](http://x)"), old.personas[1]))
    diff = compare(old, new)
    tokens = MarkdownIt().parse(diff_markdown(diff, old, new, EN))
    kinds = {child.type for t in tokens if t.children for child in t.children}
    assert "link_open" not in kinds
    assert "em_open" not in kinds
    lines = [line.plain for line in diff_rich(diff_text(diff, old, new, EN))]
    assert lines[0] == "What changed in *Bakkerij*"
    assert "• Persona renamed: Sanne → [Sanne](http://x)" in lines


def test_terminal_colours_follow_better_and_worse() -> None:
    old = small_session()
    new = with_plot(old, "sanne", "google", emotion=-2, pain_points=())
    new = with_plot(
        new, "piet", "kassa", pain_points=(*old.plots[3].pain_points, PainPoint(text="Duur"))
    )
    styles = {
        line.plain: str(line.style)
        for line in diff_rich(diff_text(compare(old, new), old, new, EN))
    }
    assert styles["• Sanne at Google: ▼ −1 negative → ▼▼ −2 very negative, worse by 1"] == "red"
    assert styles["• Solved: “Niet gevonden” for Sanne at Google"] == "green"
    assert styles["• New: “Duur” for Piet at Kassa (not rated)"] == "red"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write_pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = three_changes()
    old_path, new_path = tmp_path / "old.toml", tmp_path / "new.toml"
    old_path.write_text(dumps_session(old), encoding="utf-8")
    new_path.write_text(dumps_session(new), encoding="utf-8")
    return old_path, new_path


def test_cli_diff_text_in_english(tmp_path: Path) -> None:
    old_path, new_path = write_pair(tmp_path)
    result = run("--lang", "en", "diff", str(old_path), str(new_path))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == "1 touchpoint better, 1 pain point solved, 1 touchpoint renamed."
    assert sum(1 for line in lines if line.startswith("• ")) == 3


def test_cli_diff_markdown_in_dutch(tmp_path: Path) -> None:
    old_path, new_path = write_pair(tmp_path)
    result = run("--lang", "nl", "diff", str(old_path), str(new_path), "--format", "md")
    assert result.exit_code == 0, result.output
    inlines = [t.content for t in MarkdownIt().parse(result.output) if t.type == "inline"]
    assert inlines[:2] == [
        "Wat is er veranderd in Bakkerij Jansen",
        "1 contactmoment beter, 1 pijnpunt opgelost, 1 contactmoment hernoemd.",
    ]
    assert "Opgelost: “Niet gevonden” voor Sanne bij Google" in inlines


def test_cli_diff_of_identical_files_exits_zero(tmp_path: Path) -> None:
    old_path, _ = write_pair(tmp_path)
    result = run("--lang", "en", "diff", str(old_path), str(old_path), "-f", "md")
    assert result.exit_code == 0
    assert "No differences" in result.output


def test_cli_diff_names_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    old_path, _ = write_pair(tmp_path)
    missing = tmp_path / "nope.toml"
    result = run("--lang", "en", "diff", str(old_path), str(missing))
    assert result.exit_code == 1
    assert str(missing) in result.output
    assert "Traceback" not in result.output


def with_touchpoint(session: Session, touchpoint_id: str, **changes: object) -> Session:
    touchpoints = tuple(
        replace(t, **changes) if t.id == touchpoint_id else t for t in session.touchpoints
    )
    return replace(session, touchpoints=touchpoints)


def blueprinted_pair() -> tuple[Session, Session]:
    """Kassa: an interaction gone, one added, one moved to the phone; the backstage rewritten,
    support written; the waiting time measured again at another value, NPS added, CSAT gone."""
    old = with_touchpoint(
        small_session(),
        "kassa",
        interactions=(
            Interaction(name="Pinnen"),
            Interaction(name="Bon mailen", channel="email"),
            Interaction(name="Klacht", channel="other", channel_name="WhatsApp"),
        ),
        backstage="Kassa telt ’s avonds af",
        metrics=(
            Metric(name="Wachttijd", value=4, unit="min", date=dt.date(2026, 9, 1)),
            Metric(name="CSAT", value=7.5),
        ),
    )
    new = with_touchpoint(
        old,
        "kassa",
        interactions=(
            Interaction(name="pinnen!"),  # the same interaction, spelled otherwise
            Interaction(name="Klacht", channel="phone"),
            Interaction(name="Bon printen"),
        ),
        backstage="Kassa telt per uur af",
        support="Kassasysteem met voorraadkoppeling",
        metrics=(
            Metric(name="wachttijd", value=2.5, unit="min", date=dt.date(2026, 11, 1)),
            Metric(name="NPS", value=31),
        ),
    )
    return old, new


def test_interactions_blueprint_and_figures_changed_at_a_touchpoint() -> None:
    old, new = blueprinted_pair()
    diff = compare(old, new)
    assert (diff.records, diff.emotions, diff.pains, diff.targets, diff.evidence) == (
        (),
        (),
        (),
        (),
        (),
    )
    told = diff_text(diff, old, new, EN)
    assert told.summary == "1 touchpoint changed behind the scenes."
    (section,) = told.sections
    assert section.heading == "Behind the touchpoints"
    assert [line.text for line in section.lines] == [
        "Kassa: interaction “Klacht” moved from WhatsApp to phone",
        "Kassa: interaction added: “Bon printen” (payment)",
        "Kassa: interaction removed: “Bon mailen”",
        "Kassa: backstage (what we do out of sight) rewritten: “Kassa telt ’s avonds af” → "
        "“Kassa telt per uur af”",
        "Kassa: support (processes and systems) written down: “Kassasysteem met voorraadkoppeling”",
        "Kassa: wachttijd 4 min on 2026-09-01 → 2.5 min on 2026-11-01",
        "Kassa: figure added: NPS 31",
        "Kassa: figure removed: CSAT, was 7.5",
    ]
    dutch = diff_markdown(diff, old, new, NL)
    assert "## Achter de contactmomenten" in dutch
    assert "- Kassa: interactie “Klacht” verhuisd van WhatsApp naar telefoon" in dutch


def test_a_new_date_or_other_spelling_behind_a_touchpoint_is_no_change() -> None:
    old, _ = blueprinted_pair()
    metrics = tuple(replace(m, date=dt.date(2027, 1, 1)) for m in old.touchpoints[2].metrics)
    assert old.touchpoints[2].id == "kassa"
    new = with_touchpoint(
        old,
        "kassa",
        backstage="kassa telt ’s avonds af!",
        metrics=metrics,
        interactions=tuple(reversed(old.touchpoints[2].interactions)),
    )
    assert compare(old, new).is_empty
    # Naming the touchpoint's own channel outright is no move either.
    own = with_touchpoint(
        old,
        "kassa",
        interactions=(
            Interaction(name="Pinnen", channel="payment"),
            *old.touchpoints[2].interactions[1:],
        ),
    )
    assert compare(old, own).is_empty


def test_target_feelings_and_evidence_changes() -> None:
    old = with_plot(
        small_session(),
        "piet",
        "kassa",
        target_emotion=0,
        pain_points=(PainPoint(text="Geen pin", severity=5, evidence="assumed"),),
        opportunities=(Opportunity(text="Pinautomaat"),),
    )
    new = with_plot(
        old,
        "piet",
        "kassa",
        target_emotion=1,
        pain_points=(
            PainPoint(text="geen pin", severity=5, evidence="observed", source="klachtenlog"),
        ),
        opportunities=(Opportunity(text="Pinautomaat", evidence="assumed"),),
        emotion_evidence="observed",
    )
    new = with_plot(new, "sanne", "kassa", target_emotion=2, thought_evidence="assumed")
    diff = compare(old, new)
    assert diff.summary.targets_changed == 2
    assert diff.summary.evidence_changed == 4
    told = diff_text(diff, old, new, EN)
    assert told.summary == "2 target feelings changed, 4 notes rest on other evidence."
    lines = {s.heading: [(line.text, line.tone) for line in s.lines] for s in told.sections}
    assert lines["Target feelings"] == [
        ("Sanne at Kassa: target feeling set to ▲▲ +2 very positive", "plain"),
        ("Piet at Kassa: target feeling ● 0 neutral → ▲ +1 positive", "plain"),
    ]
    assert lines["What notes rest on"] == [
        ("Sanne at Kassa: the thought “Snel!” unmarked → assumed", "plain"),
        ("Piet at Kassa: the feeling unmarked → observed", "good"),
        ("Piet at Kassa: pain point “geen pin” assumed → observed: klachtenlog", "good"),
        ("Piet at Kassa: opportunity “Pinautomaat” unmarked → assumed", "plain"),
    ]
    styles = {line.plain: str(line.style) for line in diff_rich(told)}
    assert styles["• Piet at Kassa: the feeling unmarked → observed"] == "green"
    dutch = diff_markdown(diff, old, new, NL)
    assert "- Piet bij Kassa: pijnpunt “geen pin” aanname → waargenomen: klachtenlog" in dutch
    assert "- Piet bij Kassa: gewenst gevoel ● 0 neutraal → ▲ +1 positief" in dutch


def test_a_skipped_plot_has_no_target_and_a_new_source_alone_is_no_change() -> None:
    old = with_plot(
        small_session(), "sanne", "kassa", target_emotion=1, thought_evidence="observed"
    )
    skipped = with_plot(old, "sanne", "kassa", relevant=False)
    (change,) = compare(old, skipped).targets
    assert (change.old, change.new, change.change) == (1, None, "cleared")
    resourced = with_plot(old, "sanne", "kassa", thought_source="interview 3")
    assert compare(old, resourced).is_empty


def test_hostile_text_behind_a_touchpoint_is_escaped_in_markdown() -> None:
    old, new = blueprinted_pair()
    new = with_touchpoint(new, "kassa", support="*vet* [link](http://x) <b>", interactions=())
    markdown = diff_markdown(compare(old, new), old, new, EN)
    tokens = MarkdownIt().parse(markdown)
    kinds = {child.type for t in tokens if t.children for child in t.children}
    assert not kinds & {"link_open", "em_open", "html_inline"}
    assert "\\*vet\\* \\[link\\](http://x) \\<b\\>" in markdown


def test_a_move_from_later_to_next_is_up_even_when_its_rank_number_grows() -> None:
    from cjworkshop.export.diff_text import _roadmap_line
    from cjworkshop.i18n import translator
    from cjworkshop.model.diff import RoadmapChange, RoadmapState

    def moved(old: tuple[str, int], new: tuple[str, int]) -> str:
        change = RoadmapChange(
            id="fix-x",
            change="changed",
            old=RoadmapState("Fix X", "open", None, old[1], old[0]),  # type: ignore[arg-type]
            new=RoadmapState("Fix X", "open", None, new[1], new[0]),  # type: ignore[arg-type]
            rank_moved=True,
        )
        return _roadmap_line(translator("en"), change, str).text

    assert "up to Next, rank 7 (was Later, rank 5)" in moved(("later", 5), ("next", 7))
    assert "down to Later, rank 3 (was Next, rank 4)" in moved(("next", 4), ("later", 3))
