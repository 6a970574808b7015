"""The shape of a job. The contracts it shares with the model are in ``desktop.contracts``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from desktop.contracts import ChatModel
from desktop.engine.protocol import Message

#: A job: (model, inputs, options) -> events. It may ``return`` a dict of extra stats.
JobFunction = Callable[[ChatModel, dict[str, Any], dict[str, Any]], Iterator[Message]]
