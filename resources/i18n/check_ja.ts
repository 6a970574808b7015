<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CheckController</name>
    <message>
        <location filename="../../desktop/ui/panes/check_controller.py" line="77"/>
        <source>Opening {name}…</source>
        <translation>{name} を開いています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_controller.py" line="148"/>
        <source>Opened {name}.</source>
        <translation>{name} を開きました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_controller.py" line="248"/>
        <source>The AI is rewriting sentence {done} of {total}…</source>
        <translation>AI が書き換え案を作っています（{done}/{total} 文）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_controller.py" line="253"/>
        <source>The AI proposed {count} rewrites. Accept them one by one after reading them.</source>
        <translation>AI が {count} 件の書き換え案を出しました。読んでから 1 件ずつ採用してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_controller.py" line="259"/>
        <source>Stopped. The rewrites made so far are kept.</source>
        <translation>停止しました。ここまでの書き換え案は残っています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_controller.py" line="280"/>
        <source>Findings: {name}</source>
        <translation>指摘一覧: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_controller.py" line="280"/>
        <source>text</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>CheckPane</name>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py"/>
        <source>[{label}] “{text}”{fix}</source>
        <translation>［{label}］「{text}」{fix}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py"/>
        <source> → “{text}”</source>
        <translation> → 「{text}」</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="55"/>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="56"/>
        <source>Check a document against the rules of official Japanese (公用文作成の考え方, 公用文における漢字使用等について). Accept the fixes you agree with.</source>
        <translation>文書を公用文のルール（公用文作成の考え方、公用文における漢字使用等について）に照らして確認します。納得できる修正だけを採用してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="59"/>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="60"/>
        <source>Open a .docx, .txt, .md or .pdf file (Ctrl+O)</source>
        <translation>.docx・.txt・.md・.pdf ファイルを開く（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="63"/>
        <source>Kind of document: automatic</source>
        <translation>文書の種類: 自動判定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="67"/>
        <source>Check again</source>
        <translation>再チェック</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="69"/>
        <source>Check the text again (Ctrl+Enter)</source>
        <translation>もう一度チェックする（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="70"/>
        <source>AI rewrites</source>
        <translation>AI で書き換え案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="71"/>
        <source>Ask the model to rewrite sentences the rules cannot fix (too long, unclear)</source>
        <translation>ルールでは直せない文（長すぎる、分かりにくい）の書き換え案をモデルに出してもらいます</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="72"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="73"/>
        <source>Stop the AI (Esc)</source>
        <translation>AI を停止（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="86"/>
        <source>Paste or type the text to check here, or drop a .docx, .txt, .md or .pdf file</source>
        <translation>ここにチェックする文章を貼り付けるか入力してください。.docx・.txt・.md・.pdf ファイルをドロップしても開けます</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="96"/>
        <source>Accept</source>
        <translation>採用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="97"/>
        <source>Put the suggestion in the text</source>
        <translation>修正案を本文に反映します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="98"/>
        <source>Accept all of this rule</source>
        <translation>このルールをすべて採用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="99"/>
        <source>Ignore</source>
        <translation>無視</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="101"/>
        <source>Rules</source>
        <translation>ルール</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="101"/>
        <source>Turn this rule off</source>
        <translation>このルールを使わない</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="102"/>
        <source>Turn every rule back on</source>
        <translation>すべてのルールを使う</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="103"/>
        <source>Accept all</source>
        <translation>すべて採用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="104"/>
        <source>Accept every rule&apos;s suggestion (AI rewrites are not included)</source>
        <translation>ルールの修正案をすべて採用します（AI の書き換え案は含みません）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="106"/>
        <source>Export…</source>
        <translation>書き出す…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="106"/>
        <source>Corrected document…</source>
        <translation>修正した文書…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="107"/>
        <source>Findings report (.csv / .docx)…</source>
        <translation>指摘の一覧（.csv / .docx）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="206"/>
        <source>Checking…</source>
        <translation>チェックしています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="214"/>
        <source>Error</source>
        <translation>誤り</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="214"/>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="214"/>
        <source>Note</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="217"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="224"/>
        <source>{count} findings (kind of document: {profile})</source>
        <translation>指摘 {count} 件（文書の種類: {profile}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="280"/>
        <location filename="../../desktop/ui/panes/check_pane.py" line="305"/>
        <source>Accepted {count} suggestions.</source>
        <translation>{count} 件の修正案を採用しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="294"/>
        <source>The rule {rule} is off. Rules menu › Turn every rule back on undoes this.</source>
        <translation>ルール {rule} を使わないようにしました。「ルール」›「すべてのルールを使う」で元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="300"/>
        <source>Every rule is on again.</source>
        <translation>すべてのルールを使うようにしました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="311"/>
        <source>Load a model first to get AI rewrites.</source>
        <translation>AI の書き換え案には、先にモデルを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="315"/>
        <source>No sentence needs an AI rewrite.</source>
        <translation>AI で書き換える必要のある文はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="317"/>
        <source>The AI is writing rewrites…</source>
        <translation>AI が書き換え案を作っています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="339"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="340"/>
        <source>Documents (*.docx *.txt *.md *.pdf)</source>
        <translation>文書 (*.docx *.txt *.md *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="350"/>
        <source>There is no text to export yet.</source>
        <translation>書き出す文章がまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="355"/>
        <source>checked</source>
        <translation>チェック済み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="355"/>
        <source>_checked</source>
        <translation>_チェック済み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="357"/>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="358"/>
        <source>Word (*.docx);;Text (*.txt);;Markdown (*.md)</source>
        <translation>Word (*.docx);;テキスト (*.txt);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="367"/>
        <location filename="../../desktop/ui/panes/check_pane.py" line="385"/>
        <source>Saved: {name}</source>
        <translation>書き出しました: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="374"/>
        <source>text</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="374"/>
        <source>_findings</source>
        <translation>_指摘一覧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="376"/>
        <source>Export findings</source>
        <translation>指摘の一覧を書き出す</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/check_pane.py" line="377"/>
        <source>CSV (*.csv);;Word (*.docx)</source>
        <translation>CSV (*.csv);;Word (*.docx)</translation>
    </message>
</context>
</TS>
