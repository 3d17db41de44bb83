"""The OpenJourney Format (.ojf) of the Ptolemy journey mapper: export, import and round trip."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from msgspec.structs import replace

from cjworkshop.cli import cli
from cjworkshop.export.ojf import journey_files, left_out
from cjworkshop.i18n import translator
from cjworkshop.model.queries import plot_index, touchpoints_in_order
from cjworkshop.model.session import Session
from cjworkshop.store.errors import StoreError
from cjworkshop.store.ojf import merged_order, read_journeys
from cjworkshop.store.ojf_format import severity_word
from cjworkshop.store.session_file import read_session
from tests.strategies import sessions

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "ojf"
WHEN = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
EN = translator("en")


def exported(session: Session, folder: Path) -> list[Path]:
    paths = []
    for persona, text in journey_files(session, translator(session.language)):
        path = folder / f"{persona.id}.ojf"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def texts(session: Session) -> list[str]:
    return [text for _, text in journey_files(session, translator(session.language))]


@pytest.mark.parametrize("name", ["meubelmakerij-de-eik", "harbour-broadband"])
def test_an_example_comes_back_from_its_own_export(name: str, tmp_path: Path) -> None:
    session = read_session(ROOT / "sessions" / f"{name}.toml")
    paths = exported(session, tmp_path)
    assert len(paths) == len(session.personas) == 3
    back, notes = read_journeys(paths, language=session.language, when=WHEN)
    assert notes == []
    # The files written again are the same files.
    assert texts(back) == texts(session)
    # And the journey in the session is the same journey.
    assert [(p.id, p.name) for p in back.phases] == [(p.id, p.name) for p in session.phases]

    def shape(s: Session) -> list[tuple[object, ...]]:
        return [
            (t.id, t.phase, t.name, t.channel, t.kind, t.owner) for t in touchpoints_in_order(s)
        ]

    # Each file has only its persona's touchpoints, so the order of two that no persona passes
    # both is not in the files: the same touchpoints, each persona's in its order.
    assert sorted(shape(back)) == sorted(shape(session))

    # A persona's id is made again from the name (the format has none); the order is kept.
    def walked(s: Session, number: int) -> list[str]:
        plots, persona = plot_index(s), s.personas[number].id
        return [
            t.id
            for t in touchpoints_in_order(s)
            if (plot := plots.get((persona, t.id))) is None or plot.relevant
        ]

    for number in range(len(session.personas)):
        assert walked(back, number) == walked(session, number)
    assert [p.name for p in back.personas] == [p.name for p in session.personas]
    ids = {old.id: new.id for old, new in zip(session.personas, back.personas, strict=True)}
    before, after = plot_index(session), plot_index(back)
    for (persona, touchpoint), plot in before.items():
        again = after[(ids[persona], touchpoint)]
        assert again.relevant == plot.relevant
        if not plot.relevant:
            continue
        assert (again.action, again.thought, again.emotion, again.moment_of_truth) == (
            plot.action,
            plot.thought,
            plot.emotion,
            plot.moment_of_truth,
        )
        assert [(n.text, n.severity) for n in again.pain_points] == [
            (
                n.text,
                None
                if n.severity is None
                else {"low": 2, "medium": 3, "high": 4}[severity_word(n.severity)],
            )
            for n in plot.pain_points
        ]
        assert [n.text for n in again.opportunities] == [n.text for n in plot.opportunities]


def test_the_export_says_what_the_format_cannot_hold() -> None:
    session = read_session(ROOT / "sessions" / "meubelmakerij-de-eik.toml")
    assert {EN(key) for key in left_out(session)} >= {
        "the target feelings",
        "the figures at touchpoints",
        "the goals",
        "the roadmap and the dot votes",
    }
    assert (
        left_out(
            replace(
                session,
                goals=(),
                roadmap=(),
                votes=(),
                plots=(),
                touchpoints=(),
                phases=tuple(replace(p, weight=1.0) for p in session.phases),
            )
        )
        == []
    )


def test_an_export_is_ptolemys_root_layout_with_the_feeling_on_its_scale() -> None:
    session = read_session(ROOT / "sessions" / "harbour-broadband.toml")
    persona, text = journey_files(session, EN)[0]
    data = json.loads(text)
    assert data["version"] == "1.0"
    assert data["title"] == session.title
    assert data["persona"] == persona.name
    assert [s["id"] for s in data["stages"]] == [p.id for p in session.phases]
    assert [lane["name"] for lane in data["swimlanes"]] == [
        "Touchpoints",
        "Thoughts",
        "Pain points",
        "Opportunities",
    ]
    scores = {n["score"] for n in data["nodes"] if "score" in n}
    assert scores <= {-5.0, -2.5, 0.0, 2.5, 5.0}
    assert len(scores) > 1
    every_stage = {s["id"] for s in data["stages"]}
    assert all(n["stageId"] in every_stage for n in data["nodes"])
    pains = [n for n in data["nodes"] if n.get("purpose") == "pain-point"]
    assert pains
    assert all(n["severity"] in {"low", "medium", "high"} for n in pains)
    nl = journey_files(
        read_session(ROOT / "sessions" / "meubelmakerij-de-eik.toml"), translator("nl")
    )
    assert '"name": "Contactmomenten"' in nl[0][1]


def test_the_metadata_layout_scored_zero_to_ten(tmp_path: Path) -> None:
    session, notes = read_journeys([DATA / "metadata-ten-scale.ojf"], language="en", when=WHEN)
    assert session.title == "Renting a bike at the station"
    assert [p.name for p in session.personas] == ["Commuter with a folding bike"]
    assert session.personas[0].description.startswith("Renting a bike for the last mile")
    assert [p.name for p in session.phases] == ["Finding the rack", "Unlocking", "Returning"]
    by_name = {t.name: t for t in session.touchpoints}
    assert set(by_name) == {"Follows the signs", "Scans the QR code", "Locks the bike"}
    signs = by_name["Follows the signs"]
    assert signs.owner == "Station staff"
    assert signs.frontstage == "Points the way"
    assert signs.backstage == "Counts the bikes at the rack"
    assert signs.support == "Fleet app – Shows free bikes"
    assert [i.name for i in signs.interactions] == ["Station signs"]
    assert by_name["Scans the QR code"].channel == "app"
    plots = {p.touchpoint: p for p in session.plots}
    # 0–10 with 5 neutral: 3 is a little negative, 1 very negative, 9 very positive.
    assert plots[signs.id].emotion == -1
    assert plots[by_name["Scans the QR code"].id].emotion == -2
    assert plots[by_name["Locks the bike"].id].emotion == 2
    qr = plots[by_name["Scans the QR code"].id]
    assert qr.moment_of_truth
    assert [(n.text, n.severity) for n in qr.pain_points] == [("Forgotten password", 4)]
    lines = [EN(n.key, **n.params) for n in notes]
    assert lines == [
        "scores above 5: read as 0 to 10, with 5 as neutral",
        "“Saves time every day” (gain) has no place in a journey of touchpoints: left out",
        "node 6 has no title: left out",
        "icons and colours are not kept",
    ]


def test_the_root_layout_with_lanes_tags_and_a_stage_without_touchpoint() -> None:
    session, notes = read_journeys([DATA / "root-five-scale.ojf"], language="en", when=WHEN)
    assert session.title == "Booking a dentist"
    touchpoints = {t.name: t for t in session.touchpoints}
    assert touchpoints["Calls the practice"].channel == "phone"  # the tag, in any case
    assert touchpoints["Books online"].channel == "web"
    plots = {p.touchpoint: p for p in session.plots}
    call = plots[touchpoints["Calls the practice"].id]
    assert call.emotion == -2  # −4 of −5..+5
    assert call.thought == "Why is there no online booking on the phone menu?"
    assert [(n.text, n.severity) for n in call.pain_points] == [("Long wait on hold", 3)]
    assert [n.text for n in call.opportunities] == ["Say on hold that booking online works"]
    assert plots[touchpoints["Books online"].id].emotion == 1  # "relieved", without a score
    # The pain point of a stage without a touchpoint gets one named after the stage.
    made = touchpoints["Afterwards"]
    assert [n.text for n in plots[made.id].pain_points] == ["Invoice arrives twice"]
    assert [EN(n.key, **n.params) for n in notes] == [
        "“Calls the practice”: its tags are not kept (Busy hours)",
        "node 8 names a stage the file does not have: left out",
        "the stage “Afterwards” has pain points or notes but no touchpoint: made a touchpoint "
        "named after the stage",
    ]


def test_scores_never_below_zero_are_read_on_the_specifications_scale(tmp_path: Path) -> None:
    path = tmp_path / "happy.ojf"
    path.write_text(
        json.dumps(
            {
                "stages": [{"id": "s1", "name": "Only"}],
                "nodes": [{"stageId": "s1", "title": "Great", "score": 5}],
            }
        )
    )
    session, notes = read_journeys([path], language="en", when=WHEN)
    assert session.plots[0].emotion == 2
    assert [n.key for n in notes] == ["ojf.note.scale_assumed"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"stages": [\n  {"id": "s1",, }]}', "line 2, column 15: this is not readable JSON here"),
        ("", "line 1, column 1: this is not readable JSON here"),
        ('{"stages": 3}', "($.stages): expected a list, found a whole number: 3"),
        (
            '{"stages": [{"id": "s1"}], "nodes": [{"stageId": "s1", "title": 5}]}',
            "($.nodes[0].title): expected text, found a whole number: 5",
        ),
        ('{"nodes": []}', "stages"),
    ],
)
def test_a_bad_file_is_named_with_the_place_and_what_is_wrong(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "journey.ojf"
    path.write_text(content)
    with pytest.raises(StoreError) as caught:
        read_journeys([path], language="en", when=WHEN)
    text = caught.value.render(EN)
    assert text.startswith(str(path))
    assert message in text


def test_the_order_of_touchpoints_is_merged_from_every_persona() -> None:
    assert merged_order([["a", "c"], ["b", "c", "d"], ["a", "b"]]) == ["a", "b", "c", "d"]
    # Files that disagree still give every item once.
    assert sorted(merged_order([["a", "b"], ["b", "a"]])) == ["a", "b"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(session=sessions())
def test_any_session_survives_export_and_import(
    session: Session, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Export and import never fail and always give a valid session; a second round trip changes
    nothing (the first one may merge what the format cannot tell apart, such as two touchpoints
    of one name in a phase)."""
    if not session.personas:
        return
    folder = tmp_path_factory.mktemp("ojf")
    once, _ = read_journeys(exported(session, folder), language=session.language, when=WHEN)
    again, _ = read_journeys(
        exported(once, tmp_path_factory.mktemp("ojf")), language=session.language, when=WHEN
    )
    assert texts(again) == texts(once)


def cli_run(*args: str, cwd: Path) -> Result:
    with contextlib.chdir(cwd):
        return CliRunner().invoke(cli, ["--lang", "en", *args], catch_exceptions=False)


def test_export_and_import_from_the_command_line(tmp_path: Path) -> None:
    shutil.copy(ROOT / "sessions" / "meubelmakerij-de-eik.toml", tmp_path / "eik.toml")
    result = cli_run("export", "eik.toml", "--format", "ojf", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("*.ojf"))
    assert written == [
        "eik-fatima-de-vergelijker.ojf",
        "eik-ingrid-de-verbouwer.ojf",
        "eik-mark-de-inkoper.ojf",
    ]
    assert "Not in the .ojf files, which have no place for it: the goals." in result.output
    # Into a folder of choice, with -o as the stem of the names.
    (tmp_path / "out").mkdir()
    result = cli_run("export", "eik.toml", "-f", "ojf", "-o", "out/reis.ojf", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("reis-*.ojf"))) == 3
    # Back as a new session in the sessions folder, in the language asked for, which is the
    # language of what the command says too.
    result = cli_run(
        "import", *written, "--lang", "nl", "--title", "De Eik uit Ptolemy", cwd=tmp_path
    )
    assert result.exit_code == 0, result.output
    assert (
        "sessions/de-eik-uit-ptolemy.toml gemaakt: 3 persona's, 5 fasen, 17 contactmomenten."
        in " ".join(result.output.split())
    )
    session = read_session(tmp_path / "sessions" / "de-eik-uit-ptolemy.toml")
    assert (session.title, session.language, session.template) == (
        "De Eik uit Ptolemy",
        "nl",
        "blank",
    )
    assert session.timebox  # as a new session from the blank template has


def test_import_reports_what_had_no_place_and_refuses_bad_files(tmp_path: Path) -> None:
    result = cli_run("import", str(DATA / "metadata-ten-scale.ojf"), "--dir", "s", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "metadata-ten-scale.ojf: “Saves time every day” (gain) has no place" in result.output
    assert (tmp_path / "s" / "renting-a-bike-at-the-station.toml").is_file()
    (tmp_path / "broken.ojf").write_text('{"stages": [')
    result = cli_run("import", "broken.ojf", "--dir", "s", cwd=tmp_path)
    assert result.exit_code == 1
    assert "broken.ojf, line 1, column 13: this is not readable JSON here" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "renting-a-bike-at-the-station.toml"
    ]
    result = cli_run(
        "export",
        str(ROOT / "sessions" / "harbour-broadband.toml"),
        "-f",
        "ojf",
        "-o",
        "-",
        cwd=tmp_path,
    )
    assert result.exit_code == 1
    assert "one .ojf file per part" in result.output


def test_a_file_written_by_hand_after_the_specifications_example() -> None:
    session, notes = read_journeys([DATA / "after-the-spec.ojf"], language="en", when=WHEN)
    assert [(p.name, p.description) for p in session.personas] == [
        ("First-time buyer", "Buying a bicycle online for the commute")
    ]
    assert [p.name for p in session.phases] == ["Looking around", "Checkout"]
    touchpoints = {t.name: t for t in session.touchpoints}
    assert set(touchpoints) == {"Compares three bikes", "Pays by card"}
    assert (touchpoints["Compares three bikes"].channel, touchpoints["Pays by card"].channel) == (
        "web",
        "payment",
    )
    plots = {p.touchpoint: p for p in session.plots}
    compare = plots[touchpoints["Compares three bikes"].id]
    assert compare.moment_of_truth
    assert compare.emotion == 2  # 4 of −5..+5
    assert compare.action == "Opens the product pages side by side."
    pay = plots[touchpoints["Pays by card"].id]
    assert pay.emotion == 0  # −1 of −5..+5 is closer to neutral than to negative
    assert [(n.text, n.severity, n.source) for n in pay.pain_points] == [
        ("Worried about the delivery date", 3, "No date shown before paying.")
    ]
    assert [EN(n.key, **n.params) for n in notes] == [
        "icons and colours are not kept",
        "“Worried about the delivery date”: its tags are not kept (Checkout)",
    ]
