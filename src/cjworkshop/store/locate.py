"""Finding the line of a key path such as ``$.plots[3].emotion`` in a TOML text.

Validation works on the parsed data, where line numbers are gone. To point a person at the right
line anyway, this module walks the text the way the file is laid out: arrays of tables
(``[[plots]]``) counted to the index, tables (``[timebox.goals]``) by their header, keys by
``name =`` inside their table. It is a best effort: when the layout is unusual it returns None and
the message names the key path alone.
"""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[\"?([^\]\"]+)\"?\]")


def parse_path(where: str) -> list[str | int]:
    """``$.plots[3].emotion`` -> ``["plots", 3, "emotion"]``."""
    parts: list[str | int] = []
    for name, index, quoted in _SEGMENT.findall(where.removeprefix("$")):
        if name:
            parts.append(name)
        elif index:
            parts.append(int(index))
        elif quoted:
            parts.append(quoted)
    return parts


def _is_header(line: str) -> bool:
    return line.lstrip().startswith("[")


def _header_name(line: str) -> str:
    return line.strip().strip("[]").strip()


def _key_line(lines: list[str], start: int, end: int, key: str, skip: int = 0) -> int | None:
    pattern = re.compile(
        rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=|[{{,]\s*{re.escape(key)}\s*="
    )
    for number in range(start, end):
        if pattern.search(lines[number]):
            if skip == 0:
                return number
            skip -= 1
    return None


def _block_end(lines: list[str], start: int) -> int:
    for number in range(start + 1, len(lines)):
        if _is_header(lines[number]):
            return number
    return len(lines)


def locate(text: str, where: str, key_hint: str | None = None) -> int | None:
    """The 1-based line of ``where`` in ``text`` (``key_hint`` names a key below it), or None."""
    parts = parse_path(where)
    if key_hint:
        parts.append(key_hint)
    if not parts:
        return None
    lines = text.splitlines()
    first_header = next((n for n, line in enumerate(lines) if _is_header(line)), len(lines))
    start, end = 0, first_header
    table: list[str] = []
    position = 0
    # Descend through tables and arrays of tables as long as headers match.
    while position < len(parts):
        part = parts[position]
        if not isinstance(part, str):
            return None
        candidate = [*table, part]
        name = ".".join(candidate)
        following = parts[position + 1] if position + 1 < len(parts) else None
        if isinstance(following, int):
            headers = [n for n, line in enumerate(lines) if line.strip() == f"[[{name}]]"]
            if following < len(headers):
                start = headers[following]
                end = _block_end(lines, start)
                table = candidate
                position += 2
                continue
        else:
            headers = [
                n
                for n, line in enumerate(lines)
                if _header_name(line) == name and not line.strip().startswith("[[")
            ]
            if not headers:
                # A table known only through its sub-tables: [timebox.goals] makes `timebox`.
                headers = [
                    n for n, line in enumerate(lines) if _header_name(line).startswith(name + ".")
                ]
            if headers:
                start = headers[0]
                end = _block_end(lines, start)
                table = candidate
                position += 1
                continue
        break
    if position == len(parts):
        return start + 1
    # The rest are keys inside the current table, possibly inside an inline array of tables.
    rest = parts[position:]
    found = start
    for index, part in enumerate(rest):
        if not isinstance(part, str):
            continue
        line = _key_line(lines, found, end, part)
        if line is None:
            return found + 1
        found = line
        if index + 2 < len(rest) and isinstance(rest[index + 1], int):
            deeper, skip = rest[index + 2], rest[index + 1]
            if isinstance(deeper, str) and isinstance(skip, int):
                nested = _key_line(lines, line, end, deeper, skip=skip)
                return (nested if nested is not None else line) + 1
    return found + 1


def value_at(data: object, where: str) -> object:
    """The value at a key path in parsed data, or None when the path leads nowhere."""
    current = data
    for part in parse_path(where):
        try:
            current = current[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return current
