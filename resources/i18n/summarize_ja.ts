<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>SummarizeController</name>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="121"/>
        <source>{name} could not be read: {reason}</source>
        <translation>{name} を読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="124"/>
        <source>There is no text to summarize in {name}.</source>
        <translation>{name} には要約する文章がありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="127"/>
        <source>Opened {name}.</source>
        <translation>{name} を開きました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="133"/>
        <source>Paste or type some text to summarize first.</source>
        <translation>先に、要約する文章を貼り付けるか入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="175"/>
        <source>No model is loaded yet. Choose one on the Model page.</source>
        <translation>モデルがまだ読み込まれていません。「モデル」画面で選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="178"/>
        <source>Open a document or paste text first.</source>
        <translation>先に文書を開くか、文章を貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="210"/>
        <source>Done. Check the summary against the source before you use it.</source>
        <translation>要約が終わりました。使う前に、原文と照らして内容を確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize_controller.py" line="241"/>
        <source>Stopped. No partial summary was written yet.</source>
        <translation>停止しました。できあがった部分要約はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize_controller.py" line="243"/>
        <source>Stopped. {done} of {total} partial summaries were finished.</source>
        <translation>停止しました。部分要約 {total} 件のうち、できあがったのは {done} 件です。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize_controller.py" line="246"/>
        <source>Stopped. {done} of {total} partial summaries were finished; {cut} stopped part-way are kept as written.</source>
        <translation>停止しました。部分要約 {total} 件のうち、できあがったのは {done} 件です。途中まで書かれた {cut} 件も、そのまま残しています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize_controller.py" line="300"/>
        <source>[Part {n}, stopped part-way]</source>
        <translation>【部分 {n}（途中で停止）】</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="220"/>
        <source>Summarizing stopped because of an error. What was done is kept.</source>
        <translation>エラーのため要約を中断しました。できたところまでは残っています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="264"/>
        <source>Summary of {name}</source>
        <translation>{name}の要約</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="264"/>
        <source>Summary</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>The summary stopped at the length limit ({tokens} tokens). For the rest, raise “Longest answer” in Settings and summarize again.</source>
        <translation>要約が長さの上限（{tokens} トークン）で途中までになりました。続きまで得るには、設定の「生成する文章の上限」を大きくして、もう一度要約してください。</translation>
    </message>
    <message>
        <source>Stopped: the same sentence kept repeating. Summarize again to rewrite it.</source>
        <translation>同じ文の繰り返しが続いたため止めました。もう一度要約すると作り直せます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize_controller.py" line="99"/>
        <source>Another document cannot be opened while summarizing. Stop the summary first, then open it.</source>
        <translation>要約中は別の文書を開けません。停止してから開いてください。</translation>
    </message>
</context>
<context>
    <name>SummarizePane</name>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="436"/>
        <source>(stopped part-way)</source>
        <translation>（途中で停止）</translation>
    </message>
    <message>
        <source>The summary of %1, chosen in Compare. Check it against the source.</source>
        <translation>比較で選んだ %1 の要約です。原文と照らして確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="314"/>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="315"/>
        <source>Open a document (Ctrl+O): .docx .txt .md .pdf</source>
        <translation>文書を開く（Ctrl+O）: .docx .txt .md .pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="316"/>
        <source>New (paste text)</source>
        <translation>新規（貼り付け）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="317"/>
        <source>Clear the source and paste or type text instead</source>
        <translation>原文を消して、文章を貼り付けるか入力します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="318"/>
        <source>Open or drop a document, or paste text on the left.</source>
        <translation>文書を開くかドロップするか、左に文章を貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="325"/>
        <source>Short</source>
        <translation>短め</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="325"/>
        <source>Medium</source>
        <translation>標準</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="325"/>
        <source>Long</source>
        <translation>長め</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="329"/>
        <source>Bullet points</source>
        <translation>箇条書き</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="329"/>
        <source>Prose</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="330"/>
        <source>Three lines</source>
        <translation>3行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="333"/>
        <source>Focus (optional), e.g. what residents must do</source>
        <translation>重点（任意）例: 住民が行うべきこと、予算の数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="335"/>
        <source>Same as the document</source>
        <translation>原文と同じ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="335"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="336"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="338"/>
        <source>Summarize</source>
        <translation>要約</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="340"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="341"/>
        <source>Stop (Esc); what is done is kept</source>
        <translation>停止（Esc）。できたところまでは残ります</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="342"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="343"/>
        <source>Save the summary as .docx, .md or .txt (Ctrl+S)</source>
        <translation>要約を .docx / .md / .txt で書き出します（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="355"/>
        <source>Paste or type the text to summarize here, or drop a document.</source>
        <translation>要約する文章をここに貼り付けるか入力してください。文書をドロップすることもできます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="362"/>
        <source>The summary appears here. You can edit it before exporting.</source>
        <translation>ここに要約が表示されます。書き出す前に編集できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="373"/>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="373"/>
        <source>Style</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="376"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="390"/>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="395"/>
        <source>Partial summaries (choose one to see its source)</source>
        <translation>部分要約（選ぶと原文の該当箇所を表示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="401"/>
        <source>Summary (click a point citing a source to see it)</source>
        <translation>要約（出典の付いた行をクリックすると原文を表示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="462"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="463"/>
        <source>Documents (*.docx *.txt *.md *.pdf)</source>
        <translation>文書 (*.docx *.txt *.md *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="472"/>
        <source>There is no summary to export yet.</source>
        <translation>書き出せる要約はまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="476"/>
        <source>document</source>
        <translation>文書</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="476"/>
        <source>_summary</source>
        <translation>_要約</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="478"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="479"/>
        <source>Word (*.docx);;Markdown (*.md);;Text (*.txt)</source>
        <translation>Word (*.docx);;Markdown (*.md);;テキスト (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="488"/>
        <source>Saved: {name}</source>
        <translation>書き出しました: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="500"/>
        <source>Paste or type text on the left.</source>
        <translation>左に文章を貼り付けるか入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="512"/>
        <source>Load a model first.</source>
        <translation>先にモデルを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="545"/>
        <source>Pasted text</source>
        <translation>貼り付けた文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="550"/>
        <source>{name}: {chars} characters</source>
        <translation>{name}: {chars} 文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="560"/>
        <source>Pasted text: {chars} characters</source>
        <translation>貼り付けた文章: {chars} 文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="581"/>
        <source>Load a model to see the length in tokens</source>
        <translation>モデルを読み込むとトークン数を表示します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="588"/>
        <source>Counting…</source>
        <translation>数えています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="599"/>
        <source>About {tokens} tokens, one pass</source>
        <translation>約 {tokens} トークン・一度で要約</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="601"/>
        <source>About {tokens} tokens, {parts} parts</source>
        <translation>約 {tokens} トークン（{parts} 部分に分けて要約）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="646"/>
        <source>Part {done} of {total}</source>
        <translation>部分 {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="646"/>
        <source>Combining {done} of {total}</source>
        <translation>まとめ {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="647"/>
        <source>Writing the summary</source>
        <translation>要約を書いています</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="649"/>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="651"/>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="652"/>
        <source> · elapsed {time}</source>
        <translation>・経過 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="655"/>
        <source> · about {time} left</source>
        <translation>・残り約 {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="662"/>
        <source>Partial summaries (none: the document fitted in one pass)</source>
        <translation>部分要約（なし: 文書全体を一度で要約しました）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="689"/>
        <source>No model is loaded yet. Choose one on the Model page to summarize.</source>
        <translation>モデルがまだ読み込まれていません。要約するには「モデル」画面でモデルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="690"/>
        <source>Choose a model</source>
        <translation>モデルを選択</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="695"/>
        <source>Summarize (Ctrl+Enter)</source>
        <translation>要約する（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="696"/>
        <source>Load a model first</source>
        <translation>先にモデルを読み込んでください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="800"/>
        <source>The source ({name}) was too large to keep in the history. Open it again to summarize it.</source>
        <translation>原文（{name}）は大きすぎるため履歴に保存されていません。要約し直すには、もう一度ファイルを開いてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="802"/>
        <source>The source was too large to keep in the history. Open it again to summarize it.</source>
        <translation>原文は大きすぎるため履歴に保存されていません。要約し直すには、もう一度ファイルを開いてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="813"/>
        <source>Reopened from the history. Check the summary against the source.</source>
        <translation>履歴から開き直しました。要約を原文と照らして確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py"/>
        <source>(not summarized: {reason})</source>
        <translation>（要約できませんでした: {reason}）</translation>
    </message>
    <message>
        <source>Open or paste a document: the model summarizes it part by part and names its sources. A person checks every summary before it is used.</source>
        <translation>文書を開くか貼り付けると、AI が部分ごとに要約し、出典を示します。使う前に必ず人が内容を確認してください。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the summary (Ctrl+C copies only the selected text)</source>
        <translation>要約をコピーします（Ctrl+C は選択した部分だけをコピー）</translation>
    </message>
    <message>
        <source>There is no summary to copy yet.</source>
        <translation>コピーする要約はまだありません。</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/summarize.py" line="226"/>
        <source>Another document cannot be opened while summarizing. Stop the summary first, then open it.</source>
        <translation>要約中は別の文書を開けません。停止してから開いてください。</translation>
    </message>
</context>
</TS>
