"""The questions a facilitator asks the room: one open question at a time, about today's journey.

Every question of the facilitator panel (``guide.<step>.questions`` in the catalogs), of the
templates' phases and steps, and every question the walk puts on screen (``walk.*``) is checked
in both languages:

- one question each: a single question mark, at the end, and no second question chained on
  with ", and"/", or"/", en"/", of" (nor "and/or", "en/of");
- open, to draw a story: it starts with a question word, possibly after a preposition ("Met
  wie ...") or a short lead-in that ends in a colon ("Think of the last customer who ...: what
  ..."); yes/no questions belong to the self-assessment checklist, which is not checked here;
- the room tells the feeling in its own words: no question reads the 1-5 scale aloud;
- every step asks how we know: one question separates what was seen from what is assumed;
- tips are tips (no question mark) and neither names a key: keys are on the key bar.

The seed ideas the facilitator needs, each at its place, are listed in ``SEED_IDEAS``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjworkshop.i18n import catalog

ROOT = Path(__file__).parents[2]
TEMPLATES = {path.stem: path for path in sorted((ROOT / "templates").glob("*.toml"))}
LANGUAGES = ("en", "nl")

ROOM_STEPS = ("goals", "personas", "touchpoints", "plotting", "grid", "map", "review", "roadmap")
"""The steps a room works through. The self-assessment is answered alone, 1 to 5, from the
template's checklist: its guidance is instructions, not questions for a room."""

QUESTION_WORDS = {
    "en": {"what", "who", "whom", "whose", "where", "when", "how", "which", "why"},
    "nl": {
        "wat", "wie", "wiens", "waar", "wanneer", "hoe", "hoeveel", "hoelang", "welk", "welke",
        "waarom", "waardoor", "waarmee", "waarover", "waaraan", "waarop", "waarin", "waarvan",
        "waarnaar", "waarvoor", "waaruit", "waarbij", "waartegen",
    },
}  # fmt: skip
PREPOSITIONS = {
    "en": {
        "with", "by", "from", "for", "on", "in", "at", "about", "to", "through", "after",
        "before", "against", "of", "into", "under", "via", "per", "between", "during", "since",
    },
    "nl": {
        "met", "bij", "van", "voor", "op", "in", "aan", "over", "naar", "door", "tot", "uit",
        "na", "tegen", "om", "onder", "via", "per", "tussen", "tijdens", "sinds", "vanaf",
    },
}  # fmt: skip
LEAD_IN_WORDS = 15
"""A lead-in sets the scene ("Think of the last customer who called on a busy Saturday:");
longer than this it is a story of its own."""

CHAINED = re.compile(r",\s+(?:and|or|en|of)\s|\b(?:and/or|en/of)\b", re.IGNORECASE)
SCALE_RANGE = re.compile(r"\b1\s*(?:–|-|to|tot)\s*5\b")
KEY_HELP = re.compile(
    r"\b(?:Enter|Tab|Esc|Shift|Ctrl|PgUp|PgDn|F1|Space|Spatie)\b"
    r"|arrow|pijltje|\b(?:press|druk op)\s+\w(?!\w)"
    r"|\([A-Za-z]\)|`[^`]+`|^[a-z]\s",
)
EVIDENCE = {"en": "how do we know", "nl": "hoe weten we"}


def template(name: str) -> dict[str, object]:
    return tomllib.loads(TEMPLATES[name].read_text(encoding="utf-8"))


def phases(name: str) -> list[dict[str, object]]:
    found = template(name).get("phases", [])
    assert isinstance(found, list)
    return found


def room_questions(language: str) -> Iterator[tuple[str, str]]:
    """Every question the room hears, with where it comes from."""
    texts = catalog(language)
    for step in ROOM_STEPS:
        for question in texts[f"guide.{step}.questions"]:
            yield f"i18n/{language}: guide.{step}.questions", question
    for key, value in texts.items():
        if key.startswith("walk.") and isinstance(value, str) and "?" in value:
            # A walk label names its key after the question: "What do they do here? (a)".
            yield f"i18n/{language}: {key}", re.sub(r"\s*\(\w\)$", "", value)
    for name in TEMPLATES:
        steps = template(name).get("steps", {})
        assert isinstance(steps, dict)
        for step, guide in steps.items():
            for question in guide.get("questions", {}).get(language, []):
                yield f"templates/{name}: steps.{step}", question
        for phase in phases(name):
            questions = phase.get("questions", {})
            assert isinstance(questions, dict)
            for question in questions.get(language, []):
                yield f"templates/{name}: {phase['id']}", question


def panel_tips(language: str) -> Iterator[tuple[str, str]]:
    texts = catalog(language)
    for step in ROOM_STEPS:
        for tip in texts[f"guide.{step}.tips"]:
            yield f"i18n/{language}: guide.{step}.tips", tip


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def starts_open(question: str, language: str) -> bool:
    """A question word first, perhaps after a preposition or a short lead-in ending in ':'."""

    def opens(part: str) -> bool:
        first = words(part)[:2]
        if first and first[0] in PREPOSITIONS[language]:
            first = first[1:]
        return bool(first) and first[0] in QUESTION_WORDS[language]

    if opens(question):
        return True
    lead_in, colon, rest = question.partition(":")
    return bool(colon) and len(words(lead_in)) <= LEAD_IN_WORDS and opens(rest)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_room_questions_are_found_in_every_place(language: str) -> None:
    found = {where.split(": ")[1].split(".")[0] for where, _ in room_questions(language)}
    assert {"guide", "walk", "awareness", "loyalty-loop", "delivery"} <= found
    assert sum(1 for _ in room_questions(language)) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_question_asks_one_thing(language: str) -> None:
    found = [
        f"{where}: {question!r}"
        for where, question in room_questions(language)
        if question.count("?") != 1 or not question.endswith("?") or CHAINED.search(question)
    ]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_question_is_open(language: str) -> None:
    found = [
        f"{where}: {question!r}"
        for where, question in room_questions(language)
        if not starts_open(question, language)
    ]
    assert found == [], "\n".join(found)


def test_the_open_question_rule_tells_a_story_from_an_audit() -> None:
    assert starts_open("Met wie vergelijkt de klant ons?", "nl")
    assert starts_open("Denk aan de laatste klant die op zaterdag belde: wat gebeurde er?", "nl")
    assert starts_open("On which points do they compare?", "en")
    assert not starts_open("Zijn we bereikbaar op drukke momenten?", "nl")
    assert not starts_open("Do we ask for a review?", "en")
    assert CHAINED.search("Hoe komt hij ons tegen, en via wie?")
    assert CHAINED.search("Who does the customer compare us with, and on what?")
    assert not CHAINED.search("Which reviews and experiences of others do they read?")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_question_reads_the_feeling_scale_aloud(language: str) -> None:
    texts = catalog(language)
    scale = [str(texts[f"key.emotion_{n}"]).lower() for n in (1, 2, 4, 5)]
    found = [
        f"{where}: {question!r}"
        for where, question in room_questions(language)
        if any(word in question.lower() for word in scale) or SCALE_RANGE.search(question)
    ]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("step", ROOM_STEPS)
def test_every_step_asks_how_we_know(language: str, step: str) -> None:
    questions = catalog(language)[f"guide.{step}.questions"]
    assert any(EVIDENCE[language] in str(q).lower() for q in questions), questions


@pytest.mark.parametrize("language", LANGUAGES)
def test_tips_are_not_questions_and_nothing_in_the_panel_is_key_help(language: str) -> None:
    questions = [(where, text) for where, text in room_questions(language) if "walk." not in where]
    tips = list(panel_tips(language))
    found = [f"{where}: {tip!r}" for where, tip in tips if "?" in tip]
    found += [f"{where}: {text!r}" for where, text in questions + tips if KEY_HELP.search(text)]
    assert found == [], "\n".join(found)


def test_the_key_help_rule_knows_key_help() -> None:
    for text in (
        "Beweeg met de pijltjes; Enter opent een cel.",
        "s shows the next persona",
        "Mark it observed (e).",
        "press s for the next persona",
    ):
        assert KEY_HELP.search(text), text
    assert not KEY_HELP.search("A customer rarely follows the route we expect.")
    assert not KEY_HELP.search("Which contacts run through the trade press?")


# (what the seeds say, where the facilitator needs it, the words found together in one text
# there, per language). A place is ("i18n", catalog key) or ("template", name, phase id or "",
# field); the field of a phase is "questions", "description" or "touchpoints".
SEED_IDEAS: list[tuple[str, tuple[str, ...], dict[str, tuple[str, ...]]]] = [
    (
        "the website speaks as the salespeople do",
        ("i18n", "guide.touchpoints.questions"),
        {"en": ("website", "salespeople"), "nl": ("website", "verkopers")},
    ),
    (
        "the pictures match what the customer sees elsewhere",
        ("i18n", "guide.touchpoints.questions"),
        {"en": ("pictures", "shop", "ads"), "nl": ("beeld", "winkel", "advertenties")},
    ),
    (
        "one story across the touchpoints, on the map",
        ("i18n", "guide.map.questions"),
        {
            "en": ("different story", "two touchpoints"),
            "nl": ("ander verhaal", "twee contactmomenten"),
        },
    ),
    (
        "a cyclic journey: every end a new beginning, a relation from the first contact",
        ("template", "five-phases", "", "description"),
        {
            "en": ("cyclic", "every end", "new beginning", "relation", "first contact"),
            "nl": ("cyclisch", "elk einde", "nieuw begin", "relatie", "eerste contact"),
        },
    ),
    (
        "staying top of mind until the next need",
        ("template", "five-phases", "advocacy", "questions"),
        {"en": ("think of us", "again"), "nl": ("denkt", "aan ons", "weer")},
    ),
    (
        "the loop: every end a new beginning, marketing and sales together",
        ("template", "mckinsey-loop", "", "description"),
        {
            "en": ("cyclic", "every end", "new beginning", "relation", "marketing and sales"),
            "nl": ("cyclisch", "elk einde", "nieuw begin", "relatie", "marketing en verkoop"),
        },
    ),
    (
        "who keeps the relation after the sale",
        ("template", "five-phases", "advocacy", "questions"),
        {"en": ("marketing", "sales", "in touch"), "nl": ("marketing", "verkoop", "contact")},
    ),
    (
        "who keeps the relation between two purchases",
        ("template", "mckinsey-loop", "loyalty-loop", "questions"),
        {"en": ("marketing", "sales", "in touch"), "nl": ("marketing", "verkoop", "contact")},
    ),
    (
        "the first and last phase weigh most: winning is hardest, keeping a loyal one matters most",
        ("template", "five-phases", "", "description"),
        {
            "en": ("first and the last phase", "new customer", "hardest", "loyal"),
            "nl": ("eerste en de laatste fase", "nieuwe klant", "moeilijkst", "trouwe klant"),
        },
    ),
    (
        "the last of the five phases is about keeping the loyal customer",
        ("template", "five-phases", "advocacy", "description"),
        {"en": ("loyal", "keeping"), "nl": ("trouwe klant", "houden")},
    ),
    (
        "the review says why the first and last phase weigh most",
        ("i18n", "guide.review.tips"),
        {
            "en": ("first and the last phase", "new customer", "hardest", "loyal"),
            "nl": ("eerste en de laatste fase", "nieuwe klant", "moeilijkst", "trouwe klant"),
        },
    ),
    (
        "price is not the only deciding factor",
        ("template", "five-phases", "consideration", "questions"),
        {"en": ("besides the price",), "nl": ("los van de prijs",)},
    ),
    (
        "price is not the only deciding factor",
        ("template", "five-phases", "consideration", "description"),
        {"en": ("price", "only"), "nl": ("prijs", "enige")},
    ),
    (
        "price is not the only deciding factor, when comparing quotes",
        ("template", "five-phases-delivery", "evaluation", "questions"),
        {"en": ("besides the price",), "nl": ("los van de prijs",)},
    ),
    (
        "sentiment measured at every contact, by e-mail, SMS or phone, before problems grow",
        ("template", "mckinsey-loop", "loyalty-loop", "description"),
        {
            "en": ("every contact", "email", "text message", "phone", "small"),
            "nl": ("elk contact", "e-mail", "sms", "telefoon", "klein"),
        },
    ),
    (
        "sentiment asked for unprompted",
        ("template", "mckinsey-loop", "loyalty-loop", "questions"),
        {"en": ("unprompted", "feel"), "nl": ("uit onszelf", "voelt")},
    ),
    (
        "sentiment asked for unprompted in the five phases too",
        ("template", "five-phases", "retention", "questions"),
        {"en": ("unprompted",), "nl": ("uit onszelf",)},
    ),
    (
        "a customer still comparing prefers webchat to the phone",
        ("template", "mckinsey-loop", "active-evaluation", "description"),
        {
            "en": ("webchat", "phone", "quick answer"),
            "nl": ("webchat", "telefoon", "snel antwoord"),
        },
    ),
    (
        "cash among the ways to pay",
        ("template", "five-phases", "purchase", "questions"),
        {"en": ("cash", "card"), "nl": ("contant", "pinnen")},
    ),
    (
        "cash among the ways to pay, with delivery",
        ("template", "five-phases-delivery", "purchase", "questions"),
        {"en": ("cash", "card"), "nl": ("contant", "pinnen")},
    ),
    (
        "cash at the till",
        ("template", "five-phases", "purchase", "touchpoints"),
        {"en": ("cash",), "nl": ("contant",)},
    ),
    (
        "taking it home today or waiting twelve weeks makes a different journey",
        ("template", "five-phases-delivery", "", "description"),
        {"en": ("today", "twelve weeks"), "nl": ("vandaag", "twaalf weken")},
    ),
    (
        "taking it home today or waiting twelve weeks, in the delivery phase",
        ("template", "five-phases-delivery", "delivery", "description"),
        {"en": ("today", "twelve weeks"), "nl": ("vandaag", "twaalf weken")},
    ),
    (
        "ideas are parked as opportunities until the walk is done",
        ("i18n", "guide.plotting.tips"),
        {"en": ("opportunity", "walk is done"), "nl": ("kans", "doorlopen")},
    ),
    (
        "the feeling in the customer's words, the scribe maps it to 1-5",
        ("i18n", "guide.plotting.tips"),
        {"en": ("own words", "scribe", "1 to 5"), "nl": ("eigen woorden", "notulist", "1 tot 5")},
    ),
    (
        "observed or assumed, as the walk marks it",
        ("i18n", "guide.plotting.tips"),
        {"en": ("observed", "assumed"), "nl": ("waargenomen", "aanname")},
    ),
    (
        "the map describes today",
        ("i18n", "guide.touchpoints.tips"),
        {"en": ("today",), "nl": ("vandaag",)},
    ),
]


def texts_at(place: tuple[str, ...], language: str) -> list[str]:
    if place[0] == "i18n":
        value = catalog(language)[place[1]]
        return [value] if isinstance(value, str) else list(value)
    _, name, phase_id, field = place
    if not phase_id:
        node = template(name)[field]
        assert isinstance(node, dict)
        return [node[language]]
    (phase,) = [p for p in phases(name) if p["id"] == phase_id]
    if field == "touchpoints":
        return [t["name"][language] for t in phase["touchpoints"]]  # type: ignore[attr-defined]
    node = phase[field]
    assert isinstance(node, dict)
    value = node[language]
    return [value] if isinstance(value, str) else list(value)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("idea", "place", "needed"), SEED_IDEAS, ids=[i[0] for i in SEED_IDEAS])
def test_the_seed_ideas_stand_where_the_facilitator_needs_them(
    idea: str, place: tuple[str, ...], needed: dict[str, tuple[str, ...]], language: str
) -> None:
    texts = texts_at(place, language)
    assert any(all(w in text.lower() for w in needed[language]) for text in texts), (idea, texts)


@pytest.mark.parametrize("name", [n for n in TEMPLATES if phases(n)])
def test_the_first_and_the_last_phase_weigh_at_least_as_much_as_any_other(name: str) -> None:
    weights = [float(str(phase.get("weight", 1.0))) for phase in phases(name)]
    first, middle, last = weights[0], weights[1:-1], weights[-1]
    assert first >= max(middle), weights
    assert last >= max(middle), weights
    assert min(first, last) > 1.0, weights


@pytest.mark.parametrize("name", [n for n in TEMPLATES if template(n)["shape"] == "cyclic"])
def test_a_cyclic_template_says_what_cyclic_means(name: str) -> None:
    description = template(name)["description"]
    assert isinstance(description, dict)
    assert "every end is a new beginning" in description["en"]
    assert "elk einde is een nieuw begin" in description["nl"]
