"""No user-facing Japanese outside the one catalogue (issue #17 part 3).

Reads the source (ast) of ``desktop/cli``, ``desktop/templates``, ``desktop/ui``
and ``desktop/documents`` and fails on a string literal holding kana, kanji or
full-width punctuation that is neither a docstring, nor the text of a Qt
``tr()``/``translate()`` call, nor a logging call's text, nor listed in
``ALLOWED`` below with the reason it must stay. A text for the user goes to
``desktop/messages/<area>.py`` (ja and en), a widget's text through ``tr()``
with its Japanese in ``resources/i18n/<area>_ja.ts``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("desktop/cli", "desktop/templates", "desktop/ui", "desktop/documents")
#: Kana, CJK ideographs, CJK symbols and punctuation (「」、。〓…), full-width forms (（）：｜).
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff65]")
#: Calls whose string arguments are not hard-coded texts for the user.
TRANSLATED_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}

_PROMPT = "an instruction to the model, not text for the user: prompts are written in Japanese"
_PATTERN = "a pattern that recognises Japanese text in the user's documents"
_MARK = "a mark of the document's own Japanese format, not a sentence for the user"

#: file -> (reason, the literals that may stay). Anything else with Japanese in these files fails.
ALLOWED: dict[str, tuple[str, set[str]]] = {
    "desktop/cli/__init__.py": ("argparse help is English by contract; the Japanese names the thing meant", {
        "Fumi (文): offline drafting, summarizing and translating.",
        "check a document against the rules of official Japanese (公用文)"}),
    "desktop/cli/draft_cmd.py": ("argparse help is English by contract; the Japanese names the style meant",
                                 {"desu (です・ます) or dearu (である)"}),
    "desktop/cli/summarize_cmd.py": ("argparse help: an example of a focus, as the user would type it",
                                     {"what to concentrate on, e.g. 住民が行うべきこと"}),
    "desktop/cli/check_cmd.py": ("a finding's text quoted in the tab-separated report (a machine-read format)",
                                 {"\t「", "」"}),
    "desktop/cli/console.py": ("the replacement mark (geta) for characters a console cannot show", {"〓"}),
    "desktop/cli/selftest_cmd.py": (_PROMPT, {"こんにちは。自己紹介をしてください。"}),
    "desktop/templates/render.py": (
        _PROMPT + "; dates in the official 元号 style (令和7年4月1日) that go into the document", {
            "出力は完成した本文だけにしてください。前置き（「以下が案です」など）や説明は書かないでください。"
            "入力に書かれていない事実（日付、数字、人名、金額など）は作らず、必要なら【　】で空欄にしてください。",
            "見出しは、指示された構成の番号と名前のとおりに1行で書き、その下に内容を書いてください。"
            "「#」などの記号は付けないでください。",
            "表はMarkdown形式で書いてください。1行目に「| 列名 | 列名 |」の見出し行、2行目に「|---|---|」の区切り行を置き、"
            "各行を半角の縦線「|」で区切ってください。",
            "分量はテンプレートの指定より短く、全体で400字程度までに要点を絞ってください。",
            "分量はテンプレートの指定に代えて、全体で800字程度を目安にしてください。",
            "分量はテンプレートの指定に代えて、全体で1600字程度を目安に、必要な事項を漏れなく書いてください。",
            "文体は「です・ます」調で統一してください。", "文体は「である」調で統一してください。",
            "相手に配慮した丁寧な言い回しにしてください。", "前置きや重複を省き、簡潔に書いてください。",
            "（未記入）", "【団体名】", "月火水木金土日", "令和", "平成", "昭和", "元", "年", "月", "日", "（", "）"}),
    "desktop/templates/store.py": ("the template kinds, as template files name them (data keys, not labels)",
                                   {"文書", "メール", "広報・広聴", "挨拶・式辞", "校正・点検"}),
    "desktop/ui/settings_dialog.py": ("a language's own name in the language list (日本語 / English) never changes",
                                      {"日本語"}),
    "desktop/ui/panes/summarize_controller.py": ("the citation mark of a summary, as the summary itself writes it",
                                                 {"【出典: ", "】\n"}),
    "desktop/ui/template_editing.py": (
        "a new template's starting content (its kind key, its prompt to the model, a field's ja/en label "
        "as template data) and the 〈field〉 blanks of the prompt preview", {
            "文書", "次のメモをもとに文書を作成してください。\n\n{notes}",
            "あなたは{organisation}の職員として文書を作成します。\n分量は、800字程度にしてください。", "メモ", "〈", "〉"}),
    "desktop/ui/template_editor.py": ("the prompt preview's role marks; a Japanese comma accepted between choices",
                                      {"【system】\n", "\n\n【user】\n", "、"}),
    "desktop/documents/docx_compose.py": (_MARK + ": list bullets and full-width table bars written by models",
                                          {r"^(\s*)(?:[-*+・•])\s+(.*)$", "・", "｜"}),
    "desktop/documents/docx_fonts.py": ("font names of Word documents", {"游明朝", "游ゴシック"}),
    "desktop/documents/docx_walk.py": (_PATTERN + ": Word's Japanese style names", {
        r"^(?:heading|見出し)\s*([1-9])$", "表題"}),
    "desktop/documents/japanese_codecs.py": ("characters that tell the Windows code page from Shift_JIS", None),
    "desktop/documents/pdf_reader.py": (_PATTERN + ": sentence ends", None),
    "desktop/documents/plaintext.py": (_PATTERN + ": headings, lists, sentence ends, spaces", None),
    "desktop/documents/segments.py": (_PATTERN + ": commas", None),
    "desktop/documents/sentences.py": (_PATTERN + ": sentence ends", None),
    "desktop/documents/writers.py": (
        "texts that go INTO a document in its own language (the AI note per output language, the bilingual "
        "table's column names, list bullets); documents may not import the catalogue (tests/unit/test_layers.py)", {
            "※この文書の作成に当たっては、生成AIを利用しています。", "※本文件在编写过程中使用了生成式人工智能（AI）。",
            "※本文件在撰寫過程中使用了生成式人工智慧（AI）。", "原文", "訳文", "・"}),
    "desktop/documents/locations.py": (
        "where-labels of blocks, made in the document reader's language: documents may not import the "
        "catalogue (tests/unit/test_layers.py), and the labels are stored as text in the library index",
        {"見出し: ", "段落 ", "（", "行目）", "箇条書き（段落 ", "、", "）", "表", "行", "列", "ヘッダー", "フッター",
         "テキストボックス", "脚注", "文末脚注"}),
    "desktop/documents/parts.py": ("a part's where-label, as locations.py (documents may not import the catalogue)",
                                   {" 〜 ", "段落"}),
}


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings, or inside a tr()/translate() or logging call."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            is_log = isinstance(func, ast.Attribute) and name in LOG_CALLS and \
                getattr(func.value, "id", "") in ("log", "logger", "logging")
            if name in TRANSLATED_CALLS or is_log:
                skipped.update(id(inner) for arg in node.args for inner in ast.walk(arg))
    return skipped


def japanese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal with Japanese in ``path`` that is not skipped."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _skipped_nodes(tree)
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in skipped and JAPANESE.search(node.value))


def _checked_files() -> list[Path]:
    return sorted(path for folder in CHECKED for path in (ROOT / folder).rglob("*.py"))


def test_no_hard_coded_japanese_outside_the_catalogue() -> None:
    found = []
    for path in _checked_files():
        name = path.relative_to(ROOT).as_posix()
        _reason, allowed = ALLOWED.get(name, ("", set()))
        for line, text in japanese_literals(path):
            if allowed is None or text in allowed:
                continue
            found.append(f"{name}:{line}: {text[:60]!r}")
    assert not found, ("Japanese text outside desktop/messages/ and tr(): move it to the catalogue "
                       "(or allow it in ALLOWED with the reason):\n" + "\n".join(found))


def test_every_allowance_is_still_needed() -> None:
    """An allowance whose file or literal is gone is removed, so the list stays the truth."""
    stale = []
    for name, (reason, allowed) in ALLOWED.items():
        path = ROOT / name
        assert reason, name
        if not path.exists():
            stale.append(name)
            continue
        present = {text for _line, text in japanese_literals(path)}
        if allowed is None:
            if not present:
                stale.append(name)
        else:
            stale.extend(f"{name}: {text!r}" for text in sorted(allowed - present))
    assert not stale, "allowed but no longer present:\n" + "\n".join(stale)


def test_the_check_finds_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""文書の説明。"""\n'
        'import logging\nlog = logging.getLogger()\n'
        'def f(self):\n'
        '    """説明。"""\n'
        '    self.tr("「%1」を開けません")\n'
        '    log.warning("ログ %s", "詳細")\n'
        '    return "保存しました"\n',
        encoding="utf-8")
    assert [text for _line, text in japanese_literals(sample)] == ["保存しました"]
