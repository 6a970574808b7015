"""What every model in a comparison gets alike, and what each one produced."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from pathlib import PurePath
from typing import Any

#: Job kinds a comparison can run, and the engine job each one is.
JOB_KINDS = ("draft", "summarize", "translate", "prompt")
ENGINE_JOB = {"draft": "draft", "summarize": "summarize", "translate": "translate", "prompt": "generate"}

DEFAULT_SEED = 42
DEFAULT_TEMPERATURE = 0.3
DEFAULT_MAX_TOKENS = 512
MIN_MODELS, MAX_MODELS = 2, 4


@dataclass(frozen=True)
class CompareSettings:
    """The settings every model runs with; a comparison states them with its results.

    ``temperature`` 0.3 by default: low enough that differences come from the
    models rather than from sampling, high enough to avoid greedy loops.
    ``max_tokens`` bounds every model's reply alike (for a summary, its final answer).
    """

    seed: int = DEFAULT_SEED
    temperature: float = DEFAULT_TEMPERATURE
    max_tokens: int = DEFAULT_MAX_TOKENS
    n_ctx: int | None = None
    n_threads: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_context(self, results: list["ModelResult"]) -> "CompareSettings":
        """These settings stating the context actually used: the one ``n_ctx`` every loaded model got,
        else (models loaded with different contexts, or none loaded) the one asked for."""
        used = {result.n_ctx for result in results if result.n_ctx}
        return replace(self, n_ctx=used.pop()) if len(used) == 1 else self


def model_label(file_name: str, catalogue_name: str | None = None) -> str:
    """How a comparison names a model, in the window, the command line and the exports alike:
    its name in the catalogue of recommended models when listed there, else its file name."""
    return catalogue_name or file_name


def model_titles(models: list[tuple[str, str]]) -> list[str]:
    """How each compared model is titled in the pane's columns, the exports and the command line's
    messages, from (name, file path) pairs: its name, unless another compared model has the same
    name; then 「name (folder)」, as the model list shows a file found in two folders (issue #18)."""
    names = [name for name, _path in models]
    return [f"{name} ({PurePath(path).parent})" if path and names.count(name) > 1 else name
            for name, path in models]


def apply_settings(options: dict[str, Any], settings: CompareSettings) -> dict[str, Any]:
    """``options`` for the engine job with the comparison's seed, temperature and maximum length."""
    return {**options, "seed": settings.seed, "temperature": settings.temperature,
            "max_tokens": settings.max_tokens}


@dataclass
class ModelResult:
    """One model's column: its text and figures, or the error that stopped it.

    Units: ``seconds`` is the job's wall time in the engine (s), ``load_s`` the
    load's (s), ``ttft_s`` the time to the first generated token (s),
    ``tokens_per_s`` generated tokens per second of generation, ``peak_rss_mb``
    the engine process's peak resident memory (MiB). ``finish_reason`` is
    "stop", "length" (cut at the length limit) or None when the model failed.
    ``model`` is the name the library knows the file by (its catalogue name,
    else its file name); ``title`` how the comparison shows it (``model_titles``:
    the name, with its folder when two compared models share the name; the name
    when not set); ``n_ctx`` the context (tokens) the engine loaded it with,
    None when it did not load.
    """

    model: str
    path: str = ""
    title: str = ""
    text: str = ""
    seconds: float | None = None
    load_s: float | None = None
    ttft_s: float | None = None
    tokens_per_s: float | None = None
    generated_tokens: int | None = None
    finish_reason: str | None = None
    peak_rss_mb: float | None = None
    n_ctx: int | None = None
    error: str | None = None
    error_code: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        """The title the comparison shows: ``title``, else ``model``."""
        return self.title or self.model

    @property
    def folder(self) -> str:
        """The folder of the model file ("" when the file was not found)."""
        return str(PurePath(self.path).parent) if self.path else ""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def cut(self) -> bool:
        """True when the output stopped at the length limit."""
        return self.finish_reason == "length"

    def take_stats(self, stats: dict[str, Any]) -> None:
        """Fill the figures from a ``done`` event's stats."""
        self.seconds = stats.get("seconds")
        self.ttft_s = stats.get("ttft_s")
        self.tokens_per_s = stats.get("tokens_per_s")
        self.generated_tokens = stats.get("generated_tokens")
        self.finish_reason = stats.get("finish_reason")
        self.peak_rss_mb = stats.get("peak_rss_mb")

    def to_dict(self) -> dict[str, Any]:
        """The ``fumi compare --json`` shape of one result (the contract's keys first)."""
        return {
            "model": self.model, "text": self.text, "seconds": self.seconds, "ttft_s": self.ttft_s,
            "tokens_per_s": self.tokens_per_s, "finish_reason": self.finish_reason,
            "peak_rss_mb": self.peak_rss_mb, "error": self.error,
            "path": self.path, "load_s": self.load_s, "generated_tokens": self.generated_tokens,
            "error_code": self.error_code, "n_ctx": self.n_ctx,
            "folder": self.folder, "title": self.shown,
        }
