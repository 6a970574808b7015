"""The model: llama-cpp-python behind the ``ChatModel`` protocol. The only module importing llama_cpp.

Promises:
- ``Model.load(path, ...)`` loads a GGUF file and describes it (``facts``);
  ``close()`` frees it at once (never left to a finalizer).
- llama.cpp's log goes to Python ``logging`` (logger ``llama.cpp``); file
  descriptors and ``sys.stdout`` are never swapped (a windowed build may have none).
- ``stream_chat`` formats with the file's own template (``chat.ChatFormat``),
  yields text as it is generated, never a broken UTF-8 character, checks
  ``cancel_check`` before every token and between prompt batches (raising
  ``Cancelled``), and reuses the KV cache for the prompt prefix it shares with the
  previous request (a regenerate does not evaluate the prompt again).
- ``usage`` adds up tokens and times of the current request (reset by ``begin_request``).
- A reply caught in a loop is stopped (``reply_text.ReplyText``, shared with ``chat_many``); its
  ``last_finish_reason`` is then "repetition" (else "stop" or "length").
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import llama_cpp
import llama_cpp._internals as _llama_internals
import llama_cpp.llama as _llama_module

from desktop.engine.chat import ChatFormat, ChatTemplateError
from desktop.engine.reply_text import REPETITION, ReplyText
from desktop.engine.protocol import CONTEXT_OVERFLOW, MODEL_CORRUPT, MODEL_MISSING, OUT_OF_MEMORY
from desktop.contracts import Cancelled, ChatMessage, ChatPiece, ChatRequest, JobError
from desktop.library.hardware import physical_cores
from desktop.messages import message

log = logging.getLogger(__name__)
native_log = logging.getLogger("llama.cpp")

# llama.cpp's own default. Its penalties sampler runs before top-k and looks up every
# vocabulary entry each token: at 1.05 it cost 2 % of generation speed on a
# 152k-vocabulary model (56.9 vs 58.1 t/s, benchmarks/README.md), for no gain we could measure.
REPEAT_PENALTY = 1.0
# Flash attention on the CPU measured faster here (llama-bench, 0.5B shape, 2 threads:
# pp512@d512 284 vs 264 t/s, tg128@d512 57.1 vs 55.1); llama-bench's own default ("auto")
# turns it on too. A model llama.cpp cannot run with it is loaded without it.
FLASH_ATTENTION = True
# DRY ("don't repeat yourself", llama.cpp's sampler): off by default, see the README's Speed section for
# its measured cost. The other values are llama.cpp's own defaults (common/common.h).
DRY_MULTIPLIER = 0.0
DRY_BASE, DRY_ALLOWED_LENGTH, DRY_LAST_N = 1.75, 2, 1024
DRY_BREAKERS = ("\n", ":", "\"", "*")


class ModelLoadError(JobError):
    """The file could not be loaded; ``code`` is model_missing, model_corrupt or out_of_memory."""


# ------------------------------------------------------------------ logging

#: ggml_log_level: NONE, DEBUG, INFO, WARN, ERROR (5 = CONT continues the previous line).
_LEVELS = {0: logging.INFO, 1: logging.DEBUG, 2: logging.INFO, 3: logging.WARNING, 4: logging.ERROR}
_log_state = {"level": logging.DEBUG, "line": ""}


@llama_cpp.llama_log_callback
def _log_callback(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
    """llama.cpp's log lines, reassembled (level 5 continues a line) and sent to ``logging``."""
    try:
        if level != 5:
            _log_state["level"] = _LEVELS.get(level, logging.DEBUG)
        _log_state["line"] += text.decode("utf-8", errors="replace")
        while "\n" in _log_state["line"]:
            line, _, _log_state["line"] = _log_state["line"].partition("\n")
            if line.strip():
                native_log.log(_log_state["level"], "%s", line)
    except Exception:  # an exception must never cross back into C
        pass


class _NoRedirect(contextlib.AbstractContextManager):
    """Stands in for llama_cpp's ``suppress_stdout_stderr``, which swaps fds 1 and 2."""

    def __init__(self, disable: bool = True) -> None:
        pass

    def __exit__(self, *exc: object) -> None:
        return None


def _quiet_binding() -> None:
    """Route llama.cpp's log to ``logging`` and stop the binding from redirecting fds.

    We load with ``verbose=False`` (so the binding prints nothing itself); its
    fd redirection that goes with it is replaced by a no-op.
    """
    llama_cpp.llama_log_set(_log_callback, ctypes.c_void_p(0))
    _llama_module.suppress_stdout_stderr = _NoRedirect
    _llama_internals.suppress_stdout_stderr = _NoRedirect


_quiet_binding()


# ------------------------------------------------------------------ facts

def _file_type_name(value: Any) -> str:
    """"Q4_K_M" etc. from the library's table (not ``gguf``: the packaged build leaves it out)."""
    from desktop.library.facts import FILE_TYPES

    try:
        return FILE_TYPES.get(int(value), "unknown")
    except (ValueError, TypeError):
        return "unknown"


class Model:
    """A loaded GGUF model; provides ``desktop.contracts.ChatModel``.

    Create with ``Model.load``. ``cancel_check`` is a callable the worker sets per
    request; when it returns True the running ``stream_chat`` raises ``Cancelled``.
    """

    def __init__(self, llama: llama_cpp.Llama, path: Path, *, load_seconds: float) -> None:
        self._llama = llama
        self.path = path
        self.cancel_check: Callable[[], bool] = lambda: False
        self._finish_reason = "stop"
        self.last_stats: dict[str, Any] = {}
        self.dry_multiplier = DRY_MULTIPLIER
        self.usage: dict[str, Any] = {}
        self.begin_request()
        self._vocab = llama._model.vocab
        self._eog_ids: list[int] | None = None
        self._bos_id = llama.token_bos()
        metadata = dict(llama.metadata)
        self._space_prefix = self._adds_space_prefix()
        self.chat_format = ChatFormat(
            metadata.get("tokenizer.chat_template"),
            bos_token=self._token_text(self._bos_id),
            eos_token=self._token_text(llama.token_eos()),
            architecture=metadata.get("general.architecture", ""),
            has_token=self._is_single_special_token,
        )
        self.facts = self._describe(metadata, load_seconds)

    # -------------------------------------------------------------- loading

    @classmethod
    def load(
        cls,
        path: str | Path,
        *,
        n_ctx: int,
        n_threads: int | None = None,
        n_batch: int = 512,
    ) -> Model:
        """Load ``path`` with a context of ``n_ctx`` tokens; raises ``ModelLoadError``
        (model_missing / model_corrupt / out_of_memory).

        The context size is decided in one place, ``desktop.library.choose_context``
        (the worker asks it); this module only obeys.
        """
        path = Path(path)
        if not path.is_file():
            raise ModelLoadError(MODEL_MISSING, message(MODEL_MISSING))
        if n_ctx < 1:
            raise ValueError("n_ctx must be a positive number of tokens (desktop.library.choose_context)")
        wanted = n_ctx
        n_threads = n_threads or physical_cores()  # the binding's own default is half the logical CPUs
        started = time.perf_counter()

        def open_llama(flash_attn: bool) -> llama_cpp.Llama:
            return llama_cpp.Llama(
                str(path),
                n_ctx=wanted,
                n_batch=min(n_batch, wanted),
                n_threads=n_threads,
                n_threads_batch=n_threads,
                flash_attn=flash_attn,
                verbose=False,
            )

        try:
            try:
                llama = open_llama(FLASH_ATTENTION)
            except ValueError as exc:
                if not (FLASH_ATTENTION and "context" in str(exc).lower()):
                    raise
                log.info("no context with flash attention for %s; trying without it", path.name)
                llama = open_llama(False)
        except MemoryError as exc:
            raise ModelLoadError(OUT_OF_MEMORY, message(OUT_OF_MEMORY)) from exc
        except ValueError as exc:
            text = str(exc)
            log.warning("llama.cpp refused %s: %s", path, text)
            if "context" in text.lower():
                raise ModelLoadError(OUT_OF_MEMORY, message(OUT_OF_MEMORY)) from exc
            raise ModelLoadError(MODEL_CORRUPT, message(MODEL_CORRUPT)) from exc
        except (RuntimeError, OSError) as exc:
            log.warning("llama.cpp could not load %s: %s", path, type(exc).__name__)
            raise ModelLoadError(MODEL_CORRUPT, message(MODEL_CORRUPT)) from exc
        try:
            return cls(llama, path, load_seconds=time.perf_counter() - started)
        except Exception:
            llama.close()
            raise

    def close(self) -> None:
        """Free the model and its context now. Safe to call twice."""
        if self._llama is not None:
            self._llama.close()
            self._llama = None

    def _describe(self, metadata: dict[str, str], load_seconds: float) -> dict[str, Any]:
        llama = self._llama
        architecture = metadata.get("general.architecture", "")
        return {
            "name": metadata.get("general.name") or self.path.stem,
            "path": str(self.path),
            "file_name": self.path.name,
            "architecture": architecture,
            "parameter_count": int(llama._model.n_params()),
            "quantization": _file_type_name(metadata.get("general.file_type", "-1")),
            "n_ctx": int(llama.n_ctx()),
            "context_length": int(llama._model.n_ctx_train()),
            "n_threads": int(llama.context_params.n_threads),
            "chat_template": bool(metadata.get("tokenizer.chat_template")),
            "chat_template_warning": self.chat_format.warning,
            "size_bytes": self.path.stat().st_size,
            "load_s": round(load_seconds, 3),
        }

    # -------------------------------------------------------------- tokens

    @property
    def n_ctx(self) -> int:
        return int(self._llama.n_ctx())

    def _piece(self, token: int) -> bytes:
        """The bytes of one token; control tokens give nothing."""
        buffer = ctypes.create_string_buffer(64)
        length = llama_cpp.llama_token_to_piece(self._vocab, token, buffer, len(buffer), 0, False)
        if length < 0:
            buffer = ctypes.create_string_buffer(-length)
            length = llama_cpp.llama_token_to_piece(self._vocab, token, buffer, len(buffer), 0, False)
        return buffer.raw[:max(length, 0)]

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        try:
            return self._llama._model.token_get_text(token)
        except (UnicodeDecodeError, ValueError):
            return ""

    def _raw_tokenize(self, text: str, special: bool) -> list[int]:
        return self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=special)

    def _adds_space_prefix(self) -> bool:
        """Whether the tokenizer puts a space before the start of a text (SentencePiece style)."""
        tokens = self._raw_tokenize("a", False)
        return bool(tokens) and self._piece(tokens[0]).startswith(b" ")

    def _is_single_special_token(self, text: str) -> bool:
        return len(self._raw_tokenize(text, True)) == 1 and len(self._raw_tokenize(text, False)) > 1

    def _tokenize_piece(self, text: str, special: bool, at_start: bool) -> list[int]:
        """Tokens of one piece of a prompt, without the space prefix inside the prompt."""
        if at_start or not self._space_prefix:
            return self._raw_tokenize(text, special)
        anchor = self._raw_tokenize("\n", False)
        tokens = self._raw_tokenize("\n" + text, special)
        if tokens[:len(anchor)] == anchor:
            return tokens[len(anchor):]
        return self._raw_tokenize(text, special)

    def count_tokens(self, text: str) -> int:
        """Tokens of plain ``text`` (special tokens are not recognised in it)."""
        return len(self._raw_tokenize(text, False))

    def chat_tokens(self, messages: list[ChatMessage], assistant_prefix: str = "") -> list[int]:
        """The prompt's token ids for ``messages`` (message texts never become control tokens).

        A template that fails on this conversation raises ``JobError(model_corrupt)``
        with a message naming the chat template (the error's text is not logged: it
        may quote the conversation).
        """
        try:
            return self.chat_format.tokenize(
                messages, self._tokenize_piece, bos_id=self._bos_id if self._adds_bos() else None,
                assistant_prefix=assistant_prefix,
            )
        except ChatTemplateError as exc:
            log.warning("the chat template failed on a request (%s)", type(exc).__name__)
            raise JobError(MODEL_CORRUPT, message("chat_template_failed")) from None

    def _adds_bos(self) -> bool:
        return self._bos_id >= 0 and bool(llama_cpp.llama_vocab_get_add_bos(self._vocab))

    def count_chat_tokens(self, messages: list[ChatMessage]) -> int:
        return len(self.chat_tokens(messages))

    # -------------------------------------------------------------- generation

    @property
    def last_finish_reason(self) -> str:
        return self._finish_reason

    def begin_request(self) -> None:
        """Start counting ``usage`` for a new request."""
        self.usage = {"prompt_tokens": 0, "generated_tokens": 0, "prompt_eval_tokens": 0,
                      "generation_s": 0.0, "ttft_s": None, "finish_reason": "",
                      "generation_only_tokens": 0, "generation_only_s": 0.0}

    def _check_cancel(self) -> None:
        if self.cancel_check():
            raise Cancelled()

    def _evaluate_prompt(self, tokens: list[int]) -> int:
        """Bring the KV cache to ``tokens``, reusing the prefix it already holds. Returns tokens evaluated."""
        llama = self._llama
        cached = llama.n_tokens
        shared = 0
        for held, wanted in zip(llama.input_ids[:cached].tolist(), tokens):
            if held != wanted:
                break
            shared += 1
        if shared == len(tokens) == cached and not getattr(llama, "_requires_eval", True):
            return 0
        keep = min(shared, len(tokens) - 1)  # the last token is evaluated again for fresh logits
        llama.n_tokens = keep  # eval() drops the cache beyond n_tokens before it decodes
        batch = llama.n_batch  # one llama_decode per batch; cancel is checked between them
        for start in range(keep, len(tokens), batch):
            self._check_cancel()
            llama.eval(tokens[start:start + batch])
        return len(tokens) - keep

    def stream_chat(
        self,
        messages: list[ChatMessage],
        *,
        max_tokens: int,
        temperature: float = 0.7,
        assistant_prefix: str = "",
        seed: int | None = None,
        ignore_eos: bool = False,
    ) -> Iterator[str]:
        """Yield the reply to ``messages`` piece by piece (see ``ChatModel.stream_chat``)."""
        started = time.perf_counter()
        self._check_cancel()
        tokens = self.chat_tokens(messages, assistant_prefix)
        room = self.n_ctx - len(tokens)
        if room <= 0:
            raise JobError(CONTEXT_OVERFLOW, message(CONTEXT_OVERFLOW, tokens=len(tokens), limit=self.n_ctx))
        max_tokens = max(1, min(int(max_tokens), room))
        llama = self._llama
        llama.set_seed(seed if seed is not None else random.getrandbits(31))
        evaluated = self._evaluate_prompt(tokens)
        self.usage["prompt_tokens"] += len(tokens)
        self.usage["prompt_eval_tokens"] += evaluated
        first_token_at: float | None = None
        generated = 0
        self._finish_reason = "length"
        text = ReplyText(ignore_eos=ignore_eos)
        if self.dry_multiplier > 0 or ignore_eos:
            self._use_own_sampler(tokens, float(temperature), ignore_eos)
        generator = llama.generate(
            tokens, temp=max(float(temperature), 0.0), top_k=40, top_p=0.95, min_p=0.05,
            repeat_penalty=REPEAT_PENALTY,
        )
        try:
            for token in generator:
                self._check_cancel()
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                    if self.usage["ttft_s"] is None:
                        self.usage["ttft_s"] = first_token_at - started
                if llama_cpp.llama_vocab_is_eog(self._vocab, token):
                    self._finish_reason = "stop"
                    break
                generated += 1
                piece, looping = text.feed(self._piece(token))
                if piece:
                    yield piece
                if looping:
                    self._finish_reason = REPETITION
                    break
                if generated >= max_tokens:
                    break
            tail = text.flush()
            if tail:
                yield tail
        finally:
            generator.close()
            llama.__dict__.pop("_init_sampler", None)
            ended = time.perf_counter()
            self.usage["generated_tokens"] += generated
            if first_token_at is not None:
                self.usage["generation_s"] += ended - first_token_at
            self.usage["finish_reason"] = self._finish_reason
            self.last_stats = {
                "prompt_tokens": len(tokens), "prompt_eval_tokens": evaluated,
                "generated_tokens": generated, "seconds": ended - started,
                "ttft_s": (first_token_at - started) if first_token_at else None,
                "finish_reason": self._finish_reason,
            }

    def stream_chat_many(self, requests: list[ChatRequest], *, parallel: int = 0) -> Iterator[ChatPiece]:
        """Several chats at once (see ``ChatModel.stream_chat_many`` and ``chat_many``)."""
        from desktop.engine.chat_many import stream_chat_many

        return stream_chat_many(self, requests, parallel)

    def _use_own_sampler(self, prompt: list[int], temperature: float, ignore_eos: bool) -> None:
        """Make the next ``generate`` sample with Fumi's usual chain, plus DRY (which has seen the prompt's
        end) when ``dry_multiplier`` is set, and with every end-of-generation token banned for ``ignore_eos``.

        The chain follows llama.cpp's order: logit bias, penalties, DRY, top-k, typical, top-p, min-p,
        temperature, dist (greedy at temperature 0).
        """
        llama = self._llama
        chain = _llama_internals.LlamaSampler()
        if ignore_eos:
            chain.add_logit_bias(llama.n_vocab(), {t: -float("inf") for t in self._eog_tokens()})
        chain.add_penalties(llama.n_vocab(), 64, REPEAT_PENALTY, 0.0, 0.0)
        if self.dry_multiplier > 0:
            chain.add_dry(llama._model, self.dry_multiplier, DRY_BASE, DRY_ALLOWED_LENGTH, DRY_LAST_N,
                          list(DRY_BREAKERS))
        if temperature <= 0:
            chain.add_greedy()
        else:
            chain.add_top_k(40)
            chain.add_typical(1.0, 1)
            chain.add_top_p(0.95, 1)
            chain.add_min_p(0.05, 1)
            chain.add_temp(temperature)
            chain.add_dist(llama._seed)
        if self.dry_multiplier > 0:
            for token in prompt[-DRY_LAST_N:]:
                chain.accept(token)
        llama._init_sampler = lambda **_options: chain  # generate() asks for its chain here

    def _eog_tokens(self) -> list[int]:
        """Every end-of-generation token of the vocabulary."""
        if self._eog_ids is None:
            n_vocab = llama_cpp.llama_vocab_n_tokens(self._vocab)
            self._eog_ids = [t for t in range(n_vocab) if llama_cpp.llama_vocab_is_eog(self._vocab, t)]
        return self._eog_ids

    def request_stats(self, seconds: float) -> dict[str, Any]:
        """Stats of the current request for the ``done`` event, given its wall time."""
        usage = self.usage
        generation_s = usage["generation_s"]
        generated = usage["generated_tokens"]
        return {
            "prompt_tokens": usage["prompt_tokens"],
            "prompt_eval_tokens": usage["prompt_eval_tokens"],
            "generated_tokens": generated,
            "seconds": round(seconds, 3),
            "tokens_per_s": round(generated / generation_s, 2) if generation_s > 0 and generated else 0.0,
            "ttft_s": round(usage["ttft_s"], 4) if usage["ttft_s"] is not None else None,
            "finish_reason": usage["finish_reason"] or self._finish_reason,
            **({"batch_tg_tokens_per_s": round(usage["generation_only_tokens"] / usage["generation_only_s"], 2)}
               if usage["generation_only_s"] > 0 else {}),
        }

