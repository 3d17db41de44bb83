"""Which addresses are this computer's alone, and which one a phone on the network can use.

Shared by the room's server and by ``serve``'s: a server that listens on this computer only
answers only to a loopback name, so a site whose name is pointed at 127.0.0.1 after its page
loaded (DNS rebinding) gets nothing. Plain standard library: no extra needed to import it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from typing import Final

LOCAL: Final = "127.0.0.1"


def is_loopback_name(name: str | None) -> bool:
    """``localhost`` (and names under it) or a loopback address such as 127.0.0.1 or [::1]."""
    if name is None:
        return False
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def reachable_address(host: str) -> str:
    """The address a phone uses: the host itself, or for all interfaces the one this computer
    reaches its network by (no packet is sent to find it)."""
    if host not in ("0.0.0.0", "", "::"):
        return host
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.254.254.254", 1))
        return str(probe.getsockname()[0])
    return LOCAL
