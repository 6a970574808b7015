<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AutosaveController</name>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="120"/>
        <source>Restore your work</source>
        <translation>作業中の文章の復元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="121"/>
        <source>Fumi did not close normally last time. Restore the text you were working on?</source>
        <translation>前回は正常に終了しませんでした。作業中の文章を復元しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="126"/>
        <source>Saved text from: {panes}</source>
        <translation>自動保存されている文章: {panes}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="127"/>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="128"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="146"/>
        <source>Unsaved results</source>
        <translation>書き出していない結果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="147"/>
        <source>There are results that have not been saved. Quit anyway?</source>
        <translation>書き出していない結果があります。終了しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="150"/>
        <source>Not saved: {panes}</source>
        <translation>書き出していないもの: {panes}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="152"/>
        <source>Quit without saving</source>
        <translation>書き出さずに終了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/autosave_controller.py" line="153"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="52"/>
        <source>Free prompt</source>
        <translation>自由入力</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="72"/>
        <source>Hi&amp;story</source>
        <translation>履歴(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="77"/>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="91"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="112"/>
        <source>Search titles, inputs and results</source>
        <translation>題名・入力・結果を検索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="121"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="121"/>
        <source>Pane</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="121"/>
        <source>Title</source>
        <translation>題名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="121"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="149"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="151"/>
        <source>Open this run again in its pane</source>
        <translation>この結果を元の画面で開き直します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="153"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="155"/>
        <source>Delete all…</source>
        <translation>すべて削除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="178"/>
        <source>Change in Settings</source>
        <translation>設定で変更</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="181"/>
        <source>The history could not be opened. Fumi works without it.</source>
        <translation>履歴を開けませんでした。履歴がなくても Fumi は使えます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="183"/>
        <source>History is off: new runs are not kept.</source>
        <translation>履歴の記録はオフです。新しい結果は残しません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="185"/>
        <source>Runs are kept on this PC for {days} days, then deleted.</source>
        <translation>履歴はこのPCに{days}日間保存され、その後削除されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="214"/>
        <source>No runs match the search.</source>
        <translation>検索に一致する履歴はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="214"/>
        <source>No runs yet.</source>
        <translation>履歴はまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="264"/>
        <source>Delete run</source>
        <translation>履歴の削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="265"/>
        <source>Delete this run from the history? This cannot be undone.</source>
        <translation>この履歴を削除しますか？元に戻すことはできません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="280"/>
        <source>Delete all runs</source>
        <translation>履歴をすべて削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="281"/>
        <source>Delete every run in the history? The text is erased from this PC and cannot be recovered.</source>
        <translation>履歴をすべて削除しますか？文章はこのPCから消去され、復元できません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="299"/>
        <source>Model: {name}</source>
        <translation>モデル: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="302"/>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="304"/>
        <source>stopped before the end</source>
        <translation>途中で停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="306"/>
        <source>the document was too large to keep</source>
        <translation>文書が大きすぎるため本文は保存されていません</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="49"/>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="50"/>
        <source>Summarize</source>
        <translation>要約</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="51"/>
        <source>Translate</source>
        <translation>翻訳</translation>
    </message>
</context>
<context>
    <name>RunViewer</name>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="316"/>
        <source>{pane}: {title}</source>
        <translation>{pane}: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_view.py" line="323"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
</context>
<context>
    <name>UnsavedResult</name>
    <message>
        <source>Unsaved result</source>
        <translation>書き出していない結果</translation>
    </message>
    <message>
        <source>The result in 「%1」 has not been saved and is not in the history.</source>
        <translation>「%1」の結果は、まだ書き出しておらず、履歴にも残っていません。</translation>
    </message>
    <message>
        <source>Save it before it is replaced?</source>
        <translation>置き換える前に書き出しますか？</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
</TS>
