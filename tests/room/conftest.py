"""A room served for real on a free loopback port, and a client that speaks to it over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from cjworkshop.i18n import translator
from cjworkshop.model.room import Focus, Room
from cjworkshop.model.session import Session
from cjworkshop.room.host import RoomHost
from tests.conftest import small_session


@dataclass
class Served:
    """The room, its session as committed, and what the room committed."""

    session: Session
    focus: Focus
    host: RoomHost
    http: aiohttp.ClientSession
    commits: list[str] = field(default_factory=list)

    @property
    def room(self) -> Room:
        return self.host.room

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.host.port}"

    async def post(self, path: str, body: Any) -> tuple[int, dict[str, Any]]:
        data = body if isinstance(body, bytes) else None
        json = None if isinstance(body, bytes) else body
        async with self.http.post(self.base + path, json=json, data=data) as response:
            try:
                answer = await response.json(content_type=None)
            except ValueError:
                answer = {}
            return response.status, answer if isinstance(answer, dict) else {}

    async def join(self, name: str) -> str:
        status, answer = await self.post("/api/join", {"code": self.room.code, "name": name})
        assert status == 200, answer
        return str(answer["token"])


async def serve(session: Session, focus: Focus, session_path: Path | None) -> Served:
    served: Served

    def commit(changed: Session, participant: str, item: str) -> None:
        served.session = changed
        served.commits.append(f"{participant}:{item}")

    room = Room(lambda: served.session, commit, focus=lambda: served.focus)
    host = RoomHost(room, translator(session.language), session_path, port=0)
    timeout = aiohttp.ClientTimeout(total=60)
    served = Served(session, focus, host, aiohttp.ClientSession(timeout=timeout))
    await host.start()
    return served


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    session_path = tmp_path / "bakkerij.toml"
    session_path.write_text("")
    running = await serve(small_session(), Focus("plotting", "sanne", "kassa"), session_path)
    try:
        yield running
    finally:
        await running.http.close()
        await running.host.stop()
