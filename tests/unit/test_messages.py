"""User messages exist for every protocol error code, in Japanese and English."""

from __future__ import annotations

import os

import pytest

from desktop.engine.protocol import ERROR_CODES
from desktop.messages import LANGUAGES, MESSAGES, current_language, message


@pytest.mark.parametrize("code", ERROR_CODES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_error_code_has_a_text(code: str, lang: str) -> None:
    assert MESSAGES[code][lang].strip()


def test_every_message_is_in_both_languages() -> None:
    for code, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), code


def test_japanese_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FUMI_LANG", raising=False)
    assert current_language() == "ja"
    assert message("model_corrupt") == MESSAGES["model_corrupt"]["ja"]
    monkeypatch.setenv("FUMI_LANG", "en")
    assert message("model_corrupt") == MESSAGES["model_corrupt"]["en"]
    monkeypatch.setenv("FUMI_LANG", "fr")
    assert current_language() == "ja"


def test_fields_are_filled_and_missing_ones_never_raise() -> None:
    assert "1234" in message("context_overflow", "en", tokens=1234, limit=512)
    assert "?" in message("context_overflow", "en")
    assert message("no_such_code", "en") == MESSAGES["internal"]["en"]


def test_one_language_choice_setting_with_fumi_lang_override(monkeypatch):
    from desktop.messages import language_choice, use_language

    monkeypatch.delenv("FUMI_LANG", raising=False)
    assert language_choice("en") == "en" and language_choice(None) == "ja" and language_choice("fr") == "ja"
    assert use_language("en") == "en" and os.environ["FUMI_LANG"] == "en"  # the engine process inherits it
    monkeypatch.setenv("FUMI_LANG", "ja")
    assert language_choice("en") == "ja" and use_language("en") == "ja"


def test_progress_labels_are_codes_each_side_shows_in_the_users_words():
    from desktop.engine.protocol import Progress
    from desktop.jobs import summarize, translate
    from desktop.messages import MESSAGES, progress_text

    for label in (summarize.PART_LABEL, summarize.COMBINE_LABEL, summarize.SUMMARY_LABEL, translate.PROGRESS_LABEL,
                  "progress_checking", "progress_loading", "progress_ready"):
        assert label in MESSAGES
    assert progress_text("summarize.part", 3, 10, "ja") == "部分の要約 3/10"
    assert progress_text("summarize.part", 3, 10, "en") == "summarizing part 3/10"
    assert progress_text("progress_loading", 0, 0, "ja") == "モデルを読み込んでいます"
    assert progress_text("not-a-code", 1, 2) == "not-a-code 1/2"
    assert "code" in (Progress.__doc__ or "")


def test_jobs_errors_follow_the_users_language(monkeypatch):
    from desktop.contracts import JobError
    from desktop.jobs import summarize

    monkeypatch.setenv("FUMI_LANG", "en")
    try:
        summarize.document_from_inputs({"text": "  "})
    except JobError as exc:
        assert exc.message == "There is nothing to summarize. Open a document or paste some text."
    else:
        raise AssertionError("no error for an empty text")


def test_template_errors_follow_the_users_language(monkeypatch):
    from desktop.templates.model import TemplateError, parse_template

    for lang, expected in (("ja", "「prompt」（AI への指示文）がありません。"),
                           ("en", "\"prompt\" (the instruction to the AI) is missing.")):
        monkeypatch.setenv("FUMI_LANG", lang)
        try:
            parse_template('id = "x"\ntitle = { ja = "題", en = "T" }\nprompt = ""\n')
        except TemplateError as exc:
            assert exc.message.endswith(expected) and exc.line == 3
        else:
            raise AssertionError("an empty prompt was accepted")


def test_command_line_lines_follow_the_users_language(monkeypatch, tmp_path):
    """The lines the sweep moved into the catalogue (issue #17 part 3), in English and in Japanese."""
    import argparse

    from desktop.cli.common import CliError, parallel_option
    from desktop.cli.search_cmd import check_question
    from desktop.languages import LanguageError, resolve_pair
    from desktop.templates.model import TemplateError
    from desktop.templates.sharing import read_package

    def refusal(call) -> str:
        try:
            call()
        except (CliError, LanguageError, TemplateError) as exc:
            return str(getattr(exc, "message", None) or exc)
        raise AssertionError("not refused")

    expected = {
        "en": ("--parallel must be 1 or more.", "--top must be between 1 and 100.",
               "missing.toml: the file cannot be read", "the same language (Japanese)"),
        "ja": ("--parallel は 1 以上にしてください。", "--top は 1 から 100 の間で指定してください。",
               "missing.toml: ファイルを読めません", "同じ言語（日本語）"),
    }
    for lang, (parallel, top, unreadable, same) in expected.items():
        monkeypatch.setenv("FUMI_LANG", lang)
        assert parallel in refusal(lambda: parallel_option(argparse.Namespace(parallel=0)))
        assert top in refusal(lambda: check_question("予算", 0))
        assert unreadable in refusal(lambda: read_package(tmp_path / "missing.toml"))
        assert same in refusal(lambda: resolve_pair("ja", "ja", "日本語です。"))


def test_check_report_and_choices_follow_the_language():
    from desktop.checking.findings import Finding
    from desktop.checking.profiles import resolve_profile
    from desktop.checking.report import report_rows
    from desktop.templates import LENGTHS
    from desktop.templates.store import kind_label

    assert LENGTHS["short"].label("ja") == "短め" and LENGTHS["short"].label("en") == "Short"
    assert kind_label("メール", "en") == "E-mail" and kind_label("メール", "ja") == "メール"
    assert kind_label("独自の種類", "en") == "独自の種類"
    assert resolve_profile("例規・告示", "") == resolve_profile("Regulations and public notices", "") == "reiki"
    finding = Finding(start=0, end=1, rule="r", severity="warning", text="事", suggestion="こと",
                      message="m", source="s")
    assert report_rows("事", [finding], "ja")[0][2] == "注意"
    assert report_rows("事", [finding], "en")[0][2] == "warning"
