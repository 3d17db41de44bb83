"""Fifty phones in a process of their own, as a room full of participants is to the app.

``python bench/room_phones.py ADDRESS SECONDS`` joins 50 participants and has each send a note
every ``GAP`` seconds for ``SECONDS`` (0: ten notes each, as fast as they go), then prints one
JSON line: the notes the room took, the notes it refused, the slowest round trip and the time
from the first note to the last answer.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp

PHONES = 50
BURST = 10
GAP = 0.5


async def phone(
    http: aiohttp.ClientSession, base: str, code: str, number: int, seconds: float
) -> list[tuple[int, float]]:
    async with http.post(
        f"{base}/api/join", json={"code": code, "name": f"Telefoon {number}"}
    ) as response:
        token = (await response.json())["token"]
    answers: list[tuple[int, float]] = []

    async def send(n: int) -> None:
        body = {"code": code, "token": token, "kind": "idea", "text": f"idee {number}.{n}"}
        asked = time.perf_counter()
        async with http.post(f"{base}/api/note", json=body) as response:
            await response.read()
            answers.append((response.status, time.perf_counter() - asked))

    if seconds <= 0:
        await asyncio.gather(*(send(n) for n in range(BURST)))
        return answers
    ends = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < ends:
        await send(n)
        n += 1
        await asyncio.sleep(GAP)
    return answers


async def main(address: str, seconds: float) -> None:
    base, _, code = address.partition("/?code=")
    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        started = time.perf_counter()
        results = await asyncio.gather(
            *(phone(http, base, code, number, seconds) for number in range(PHONES))
        )
        took = time.perf_counter() - started
    answers = [answer for result in results for answer in result]
    print(
        json.dumps(
            {
                "taken": sum(1 for status, _ in answers if status == 201),
                "refused": sum(1 for status, _ in answers if status != 201),
                "slowest": max(seconds for _, seconds in answers),
                "took": took,
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], float(sys.argv[2])))
