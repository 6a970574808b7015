"""Messages for the user, in Japanese (default) or English, without Qt.

The engine and the command line speak to the user through ``message(code)``:
every protocol error code has a text here, and so do the command line's own
lines (model not found, document unreadable, ...). The window translates its
own strings with Qt's ``tr()``; these are for text that crosses the pipe or is
printed by the command line.

This package is the one catalogue of such texts. The texts above are the
engine's and the command line's own; each other area keeps its texts in
``desktop/messages/<area>.py`` as a ``MESSAGES`` dict of the same shape, with
codes prefixed by the area (``"check.rule_file_bad"``), and is listed in
``AREAS``. A code defined twice is an error at import.
"""

from __future__ import annotations

import importlib
import logging
import os

log = logging.getLogger(__name__)

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"

#: code -> {language: text}. Texts may hold ``{name}`` fields filled from ``message(**kw)``.
MESSAGES: dict[str, dict[str, str]] = {
    # -- protocol error codes (desktop.engine.protocol)
    "model_missing": {
        "ja": "モデルファイルが見つかりません。ファイルの場所を確認してください。",
        "en": "The model file was not found. Please check where it is.",
    },
    "model_corrupt": {
        "ja": "モデルファイルが壊れているか、対応していない形式です。情報システム担当者に連絡してください。",
        "en": "The model file is damaged or in a format Fumi cannot use. Please ask your IT staff.",
    },
    "model_too_large": {
        "ja": "このモデルを読み込むにはメモリが足りません（必要: 約{need}、空き: 約{free}）。"
              "小さいモデルを選ぶか、ほかのアプリを閉じてから、もう一度読み込んでください。",
        "en": "There is not enough memory for this model (needs about {need}, {free} free). "
              "Choose a smaller model or close other applications.",
    },
    "out_of_memory": {
        "ja": "メモリが足りなくなりました。「設定」の「コンテキスト長」を小さくするか、より小さいモデルを選んでください。",
        "en": "Fumi ran out of memory. Lower \"Context size\" in Settings, or choose a smaller model.",
    },
    "context_overflow": {
        "ja": "入力が長すぎて、このモデルでは一度に扱えません（{tokens} トークン、上限 {limit} トークン）。"
              "文章を短くしてから、もう一度実行してください。",
        "en": "The input is too long for this model at once ({tokens} tokens, limit {limit}). "
              "Please shorten the text.",
    },
    "bad_input": {
        "ja": "入力内容に問題があります。入力した内容を確認してください。",
        "en": "There is a problem with the input. Please check it.",
    },
    "cancelled": {
        "ja": "停止しました。",
        "en": "Stopped.",
    },
    "engine_crashed": {
        "ja": "文章を作る処理が予期せず停止しました。入力した文章は残っています。"
              "「モデル」画面でモデルを読み込み直してから、もう一度実行してください。",
        "en": "The text engine stopped unexpectedly. Your text is kept. Load the model again on the Model page, then run it again.",
    },
    "internal": {
        "ja": "予期しないエラーが起きました。繰り返し起きる場合は、情報システム担当者に連絡してください。",
        "en": "An unexpected error occurred. If it happens again, please contact your IT staff.",
    },
    # -- the engine's other lines
    "no_model_loaded": {
        "ja": "モデルが読み込まれていません。先にモデルを読み込んでください。",
        "en": "No model is loaded. Please load a model first.",
    },
    "model_file_removed": {
        "ja": "読み込んだモデルファイルが削除されました。モデルを選び直して、もう一度実行してください。",
        "en": "The loaded model file was deleted. Please choose a model again and retry.",
    },
    "model_file_changed": {
        "ja": "読み込んだ後にモデルファイルが変更されました。安全のため使用を止めました。"
              "モデルを読み込み直して、もう一度実行してください。",
        "en": "The model file was changed after it was loaded, so Fumi stopped using it. "
              "Please load the model again and retry.",
    },
    "chat_template_failed": {
        "ja": "このモデルファイルの会話の書式（チャットテンプレート）では、この依頼を整形できませんでした。"
              "別のモデルを選んでください。",
        "en": "This model file's chat template cannot format this request. Please use another model.",
    },
    "unknown_job": {
        "ja": "この処理（{kind}）には対応していません。",
        "en": "Fumi cannot do this kind of task ({kind}).",
    },
    "chat_template_missing": {
        "ja": "このモデルファイルには会話の書式（チャットテンプレート）が含まれていないため、"
              "標準の書式（{family}）を使います。出力が不自然な場合は別のモデルを選んでください。",
        "en": "This model file has no chat template, so a standard format ({family}) is used. "
              "If the output looks odd, use another model.",
    },
    "chat_template_unusable": {
        "ja": "このモデルファイルの会話の書式（チャットテンプレート）が使えないため、"
              "標準の書式（{family}）を使います。出力が不自然な場合は別のモデルを選んでください。",
        "en": "This model file's chat template cannot be used, so a standard format ({family}) is used. "
              "If the output looks odd, use another model.",
    },
    "progress_checking": {"ja": "モデルファイルを確認しています", "en": "Checking the model file"},
    "progress_loading": {"ja": "モデルを読み込んでいます", "en": "Loading the model"},
    "progress_ready": {"ja": "準備ができました", "en": "Ready"},
    "network_refused": {
        "ja": "Fumi はネットワークを使いません。通信しようとした処理を止めました。",
        "en": "Fumi does not use the network; an attempt to connect was stopped.",
    },
    # -- joining and naming things inside a sentence
    "list_separator": {"ja": "、", "en": ", "},
    "named": {"ja": "{name}（{detail}）", "en": "{name} ({detail})"},
    # -- the command line's own lines
    "model_not_found": {
        "ja": "モデル「{name}」が見つかりません。`fumi models` で使えるモデルを確認してください。",
        "en": "Model \"{name}\" was not found. Run `fumi models` to see the models you can use.",
    },
    "using_model": {
        "ja": "使用するモデル: {name}（{folder}）",
        "en": "Using the model {name} ({folder})",
    },
    "no_model": {
        "ja": "モデルファイル（.gguf）が見つかりません。モデルのフォルダーに置いてから、もう一度実行してください。",
        "en": "No model file (.gguf) was found. Put one in the models folder and try again.",
    },
    "document_unreadable": {
        "ja": "文書「{name}」を読み込めませんでした。ファイルの形式と内容を確認してください。",
        "en": "The document \"{name}\" could not be read. Please check its format and contents.",
    },
    "output_unwritable": {
        "ja": "「{name}」に書き出せませんでした。書き出し先のフォルダーと書き込みの権限を確認してください。",
        "en": "Could not save to \"{name}\". Please check the folder and your permission to write there.",
    },
    "engine_stopped": {
        "ja": "文章を作る処理を開始できませんでした。情報システム担当者に連絡してください。",
        "en": "The text engine could not be started. Please contact your IT staff.",
    },
    "selftest_ok": {
        "ja": "自己診断に成功しました。",
        "en": "Self-test passed.",
    },
    "no_display": {
        "ja": "画面に接続されていないため、ウィンドウを開けません。コマンド（fumi --help）はそのまま使えます。",
        "en": "There is no display to open the window on. The commands (fumi --help) work as usual.",
    },
}


#: Areas whose texts live in ``desktop/messages/<area>.py``; merged into ``MESSAGES`` at import.
AREAS: tuple[str, ...] = ("documents", "glossary", "summarize", "draft", "translate", "library", "templates", "knowledge",
                          "compare", "check", "output", "cli")


def _merge_areas() -> None:
    for area in AREAS:
        module = importlib.import_module(f"{__name__}.{area}")
        for code, texts in module.MESSAGES.items():
            if code in MESSAGES:
                raise RuntimeError(f"message code {code!r} is defined twice")
            MESSAGES[code] = texts


_merge_areas()


def current_language() -> str:
    """The language of the user: ``FUMI_LANG`` ("ja" or "en"), Japanese when unset or unknown.

    The window and the command line set ``FUMI_LANG`` from the ``language``
    setting at start (``use_language``), so this is the one language choice of
    every part of Fumi, the engine process included (it inherits ``FUMI_LANG``).
    """
    lang = os.environ.get("FUMI_LANG", DEFAULT_LANGUAGE).strip().lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def language_choice(setting: object) -> str:
    """The one language choice: ``FUMI_LANG`` when it names a language (for IT and for tests),
    else the ``language`` setting, else Japanese. Changes nothing."""
    for value in (os.environ.get("FUMI_LANG"), setting):
        lang = str(value or "").strip().lower()[:2]
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE


def use_language(setting: object) -> str:
    """Make ``language_choice(setting)`` the language of this process and of the engine it starts.

    One choice for the window's widgets (Qt translations), the catalogue's
    texts and the engine's messages: it is put in ``FUMI_LANG``, which the
    engine process inherits. Returns it ("ja" or "en").
    """
    os.environ["FUMI_LANG"] = language_choice(setting)
    return current_language()


def message(code: str, lang: str | None = None, **kw: object) -> str:
    """The text for ``code`` in ``lang`` (default: ``current_language()``), fields filled from ``kw``.

    Never raises: an unknown code gives the ``internal`` text, a missing field shows as "?".
    """
    lang = lang if lang in LANGUAGES else current_language()
    texts = MESSAGES.get(code)
    if texts is None:
        log.warning("no message for code %r", code)
        texts = MESSAGES["internal"]
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    try:
        return text.format_map(_Fields(kw))
    except (IndexError, ValueError):
        return text


def describe(error: BaseException, lang: str | None = None) -> str:
    """The text for an error that carries ``code`` and ``params`` (``DocumentError``), else ``str(error)``."""
    code = getattr(error, "code", None)
    if isinstance(code, str) and code in MESSAGES:
        return message(code, lang, **dict(getattr(error, "params", None) or {}))
    return str(getattr(error, "message", None) or error)


def warning_texts(warnings: list, lang: str | None = None) -> list[str]:
    """``Document.warnings`` entries (``{"code", "params"}``) as sentences for the user."""
    texts = []
    for entry in warnings or []:
        if isinstance(entry, dict):
            texts.append(message(str(entry.get("code")), lang, **dict(entry.get("params") or {})))
        else:
            texts.append(str(entry))
    return texts


def progress_text(label: str, done: int = 0, total: int = 0, lang: str | None = None) -> str:
    """A ``Progress`` event for a person: its label code's text, then "done/total" when there is a total.

    Progress labels are codes of this catalogue ("summarize.part",
    "translate.segment", "progress_loading", ...); a label that is no code is
    shown as it is.
    """
    text = message(label, lang) if label in MESSAGES else label
    return f"{text} {done}/{total}" if total else text


class _Fields(dict):
    """Fields for ``str.format_map`` that show "?" for a missing one."""

    def __missing__(self, key: str) -> str:
        return "?"
