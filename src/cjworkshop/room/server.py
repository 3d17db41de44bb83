"""The participants' web server: one page, and the JSON the page sends and reads.

``room_application`` makes an aiohttp application over a ``model.room.Room``: ``GET /`` is the
page (in the session's language, its script and style inline, nothing fetched from elsewhere,
forbidden by its content security policy too), and four JSON endpoints take what a participant
does: ``/api/join``, ``/api/note``, ``/api/dots`` and ``/api/state``. Each request is read into a
strict typed record (an unknown field, such as a path or a touchpoint of one's own choosing, is
refused), small (4 KiB at most), and carries the join code and the participant's own token.
What the room refuses is answered with the status that says why, and changes nothing; so is a
request from another site's page, or (on this computer only) one that names another host. No
path or file name ever comes from a request: there are no other routes, and it reads no file.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from functools import cache
from typing import TYPE_CHECKING, Any, Final, TypeVar

import msgspec
from aiohttp import web

from cjworkshop.i18n import Translator, catalog
from cjworkshop.model import decisions
from cjworkshop.model.queries import personas_by_id, touchpoints_by_id
from cjworkshop.model.room import NOTE_STEPS, VOTE_STEPS, Participant, Reason, Room, RoomRefused
from cjworkshop.room.addresses import is_loopback_name

if TYPE_CHECKING:
    from jinja2 import Template

MAX_REQUEST_BYTES: Final = 4096
"""A request holds a note of 500 characters at most and a few short fields."""

STATUS: Final[dict[Reason, int]] = {
    "closed": 410,
    "code": 403,
    "token": 403,
    "name": 400,
    "name_taken": 409,
    "full": 503,
    "kind": 400,
    "text": 400,
    "too_long": 413,
    "severity": 400,
    "rate": 429,
    "step": 409,
    "item": 404,
    "delta": 400,
    "budget": 409,
    "none": 409,
}
"""The answer to each refusal: forbidden without the right code or token, gone once the room
closes, a conflict with the room's state (a taken name, another step, a spent budget), too
large, too many."""


class Credentials(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    token: str


class JoinRequest(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    name: str
    token: str | None = None


class NoteRequest(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    token: str
    kind: str
    text: str
    severity: int | None = None


class DotRequest(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    token: str
    item: str
    delta: int


ROOM_KEY: Final = web.AppKey("room", Room)
LOCAL_ONLY_KEY: Final = web.AppKey("local_only", bool)
TRANSLATOR_KEY: Final = web.AppKey("translator", Translator)


@cache
def _page() -> Template:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=PackageLoader("cjworkshop.room", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
    )
    return environment.get_template("page.html")


def page_texts(tr: Translator) -> dict[str, str]:
    """Every text the page shows, by its key under ``room.page``, in the session's language."""
    prefix = "room.page."
    return {key[len(prefix) :]: tr(key) for key in catalog("en") if key.startswith(prefix)}


def _refused(reason: Reason | str, status: int) -> web.Response:
    return web.json_response({"refused": reason}, status=status)


def _answer(data: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(data, status=status, headers={"Cache-Control": "no-store"})


T = TypeVar("T")


async def _read(request: web.Request, kind: type[T]) -> T:
    body = await request.read()
    return msgspec.json.decode(body, type=kind)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _foreign(request: web.Request) -> bool:
    """A request the room does not answer: served on this computer only, one that names another
    host (a site's name pointed at 127.0.0.1 after its page loaded); and any request from a page
    of another site (a browser sends a form or a plain-text body without asking first)."""
    if request.app[LOCAL_ONLY_KEY] and not is_loopback_name(request.url.host):
        return True
    origin = request.headers.get("Origin")
    return origin is not None and origin != f"{request.scheme}://{request.host}"


@web.middleware
async def guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refusals as JSON with their status; headers that keep the page to itself."""
    try:
        if _foreign(request):
            raise web.HTTPForbidden(text="this room answers its own page only\n")
        response = await handler(request)
    except RoomRefused as refused:
        response = _refused(refused.reason, STATUS[refused.reason])
    except (msgspec.DecodeError, msgspec.ValidationError):
        response = _refused("request", 400)
    except web.HTTPRequestEntityTooLarge:
        response = _refused("too_long", 413)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


async def page(request: web.Request) -> web.Response:
    tr = request.app[TRANSLATOR_KEY]
    nonce = secrets.token_urlsafe(16)
    html = _page().render(language=tr.language, texts=page_texts(tr), nonce=nonce)
    policy = (
        "default-src 'none'; "
        f"script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return web.Response(
        text=html,
        content_type="text/html",
        headers={"Content-Security-Policy": policy, "Cache-Control": "no-store"},
    )


async def join(request: web.Request) -> web.Response:
    asked = await _read(request, JoinRequest)
    participant = request.app[ROOM_KEY].join(asked.code, asked.name, asked.token)
    return _answer({"name": participant.name, "token": participant.token})


async def note(request: web.Request) -> web.Response:
    asked = await _read(request, NoteRequest)
    sent = request.app[ROOM_KEY].send(
        asked.code, asked.token, asked.kind, asked.text, asked.severity
    )
    return _answer({"id": sent.id}, status=201)


async def dots(request: web.Request) -> web.Response:
    asked = await _read(request, DotRequest)
    left = request.app[ROOM_KEY].spend(asked.code, asked.token, asked.item, asked.delta)
    return _answer({"left": left})


async def state(request: web.Request) -> web.Response:
    asked = await _read(request, Credentials)
    room = request.app[ROOM_KEY]
    return _answer(participant_view(room, room.who(asked.code, asked.token)))


def participant_view(room: Room, participant: Participant) -> dict[str, Any]:
    """What one participant sees: the question, where the room is, their own notes and dots,
    and the open roadmap items while dots are open. Nothing else of the session."""
    session = room.session()
    focus = room.focus()
    persona = personas_by_id(session).get(focus.persona or "")
    touchpoint = touchpoints_by_id(session).get(focus.touchpoint or "")
    dots_open = focus.step is None or focus.step in VOTE_STEPS
    items = []
    if dots_open:
        for item in room.items():
            mine = sum(
                v.dots
                for v in session.votes
                if v.item == item.id and v.participant == participant.name
            )
            items.append({"id": item.id, "title": item.title, "mine": mine})
    notes = [
        {"kind": sent.kind, "text": sent.text, "outcome": outcome}
        for sent, outcome in ((room.sent_note(i), room.outcomes[i]) for i in participant.notes)
        if sent is not None
    ]
    return {
        "name": participant.name,
        "step": focus.step,
        "question": focus.question,
        "persona": persona.name if persona is not None else None,
        "touchpoint": touchpoint.name if touchpoint is not None else None,
        "notes_open": focus.step is None or focus.step in NOTE_STEPS,
        "dots_open": dots_open,
        "budget": session.dots_per_participant,
        "left": session.dots_per_participant - decisions.dots_spent(session, participant.name),
        "items": items,
        "notes": notes,
    }


def room_application(room: Room, tr: Translator, *, local_only: bool = True) -> web.Application:
    """The web application of one room, in the language of the session; ``local_only`` when
    it listens on this computer's loopback addresses only."""
    application = web.Application(client_max_size=MAX_REQUEST_BYTES, middlewares=[guarded])
    application[ROOM_KEY] = room
    application[LOCAL_ONLY_KEY] = local_only
    application[TRANSLATOR_KEY] = tr
    application.router.add_get("/", page)
    application.router.add_post("/api/join", join)
    application.router.add_post("/api/note", note)
    application.router.add_post("/api/dots", dots)
    application.router.add_post("/api/state", state)
    return application
