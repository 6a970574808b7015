"""Texts about results: saving, the console, and output that stopped early (cut or looping)."""

MESSAGES = {
    "output.console_replaced": {
        "ja": "注意: この画面（文字コード {encoding}）で表示できない文字 {count} 個を「{mark}」に置き換えました。"
              "-o ファイル名 で保存すると、すべての文字がそのまま残ります。",
        "en": "Note: {count} characters this console ({encoding}) cannot show were replaced by \"{mark}\". "
              "Use -o FILE to keep every character.",
    },
    "output.save_failed_beside": {
        "ja": "{reason} 生成した文章は「{name}」に保存しました。",
        "en": "{reason} The generated text was saved to \"{name}\" instead.",
    },
    "output.save_failed_stdout": {
        "ja": "{reason} 生成した文章は標準出力に出しました。",
        "en": "{reason} The generated text was written to standard output instead.",
    },
    "output.cut_draft": {
        "ja": "注意: 長さの上限（{tokens} トークン）で途中まで出力しました。"
              "続きは --length long か --max-tokens N を大きくして作り直すか、画面の「続きを書く」で書けます。",
        "en": "Note: the draft stopped at the length limit ({tokens} tokens). For the rest, run again with "
              "--length long or a larger --max-tokens N, or use Continue in the window.",
    },
    "output.cut_summary": {
        "ja": "注意: 要約は長さの上限で途中までです。"
              "全体を得るには --max-tokens N を大きくするか、--length long でもう一度実行してください。",
        "en": "Note: the summary stopped at the length limit. For all of it, run again "
              "with a larger --max-tokens N or --length long.",
    },
    "output.cut_segments": {
        "ja": "注意: {count} か所の訳文が長さの上限で途中までです（{where}）。"
              "--max-tokens N を大きくしてもう一度実行してください。",
        "en": "Note: {count} translated segments stopped at the length limit ({where}). Run again with a "
              "larger --max-tokens N.",
    },
    "output.cut_generate": {
        "ja": "注意: 長さの上限（{tokens} トークン）で途中までです。--max-tokens N を大きくすると続きまで出ます。",
        "en": "Note: the reply stopped at the length limit ({tokens} tokens). Use a larger --max-tokens N for the rest.",
    },
    "output.repetition": {
        "ja": "注意: 同じ文の繰り返しが続いたため、そこで止めました。もう一度実行する（作り直す）か、入力を具体的にしてください。",
        "en": "Note: the same sentence kept repeating, so generation was stopped there. Run it again, "
              "or make the input more specific.",
    },
}
