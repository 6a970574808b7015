"""User messages exist for every protocol error code, in Japanese and English."""

from __future__ import annotations

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
