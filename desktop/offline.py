"""The offline guard: this process refuses to open network sockets.

``install()`` runs at start-up in both processes (the window and the engine).
It sets ``HF_HUB_OFFLINE=1`` and adds an audit hook (PEP 578) that refuses to
create, connect, bind or resolve with an internet socket (AF_INET/AF_INET6):
the call raises ``OfflineError`` with a clear message, and the attempt is
logged. Local sockets (AF_UNIX) and pipes stay allowed. Audit hooks cannot be
removed, so once installed the guard holds for the life of the process.

This guards Python code. Native libraries (llama.cpp) open no sockets; the
tests check that at the system level too.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from typing import Any

log = logging.getLogger(__name__)

_INTERNET_FAMILIES = frozenset({socket.AF_INET, socket.AF_INET6})
#: Audit events whose first argument is the socket object.
_SOCKET_OBJECT_EVENTS = frozenset({
    "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
})
#: Audit events that resolve names or addresses (never needed offline).
_RESOLVE_EVENTS = frozenset({
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.getnameinfo",
})

_installed = False


class OfflineError(OSError):
    """Raised when code in this process tries to use the network."""


def _refuse(event: str, detail: str) -> None:
    from desktop.messages import message

    text = f"{message('network_refused')} (offline guard: {event} {detail})"
    log.error("refused a network call: %s %s", event, detail)
    raise OfflineError(text)


def _is_internet_family(family: Any) -> bool:
    try:
        return int(family) in _INTERNET_FAMILIES
    except (TypeError, ValueError):
        return False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not event.startswith("socket."):
        return
    if event == "socket.__new__":
        # args: (sock, family, type, protocol); family -1 means "from fileno", checked on use.
        if len(args) > 1 and _is_internet_family(args[1]):
            _refuse(event, f"family={args[1]}")
    elif event in _SOCKET_OBJECT_EVENTS:
        sock = args[0] if args else None
        if _is_internet_family(getattr(sock, "family", None)):
            _refuse(event, repr(args[1:2]))
    elif event in _RESOLVE_EVENTS:
        _refuse(event, repr(args[:1]))


def install() -> None:
    """Refuse network sockets in this process from now on. Safe to call more than once."""
    global _installed
    os.environ["HF_HUB_OFFLINE"] = "1"
    if _installed:
        return
    sys.addaudithook(_audit)
    _installed = True


def is_installed() -> bool:
    """Whether ``install()`` has run in this process."""
    return _installed
