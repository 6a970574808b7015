<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/ui/draft_form.py"/>
        <source>MMM d, yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="182"/>
        <source>Include this date</source>
        <translation>この日付を入れる</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="221"/>
        <source>(not specified)</source>
        <translation>（指定なし）</translation>
    </message>
</context>
<context>
    <name>DocumentField</name>
    <message>
        <location filename="../../desktop/ui/draft_form.py"/>
        <source>{name} · {length}</source>
        <translation>{name}・{length}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="111"/>
        <source>Paste the text here, drop a file, or use Open…</source>
        <translation>文章を貼り付けるか、ファイルをドロップしてください（「開く…」からも選べます）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="113"/>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="114"/>
        <source>Read a .docx, .txt, .md or .pdf file into this field</source>
        <translation>.docx・.txt・.md・.pdf ファイルをこの項目に読み込みます</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="145"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="145"/>
        <source>Documents (*.docx *.txt *.md *.pdf);;All files (*)</source>
        <translation>文書 (*.docx *.txt *.md *.pdf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="152"/>
        <source>Reading {name}…</source>
        <translation>{name} を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="164"/>
        <source>Cannot read {name}.</source>
        <translation>{name} を読み込めません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/draft_form.py" line="171"/>
        <source>{count} characters</source>
        <translation>{count} 文字</translation>
    </message>
</context>
<context>
    <name>DraftController</name>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="86"/>
        <source>No model is loaded. Load one on the Model page first.</source>
        <translation>モデルが読み込まれていません。先に「モデル」画面で読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="88"/>
        <source>Choose a template first.</source>
        <translation>先にテンプレートを選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="90"/>
        <source>Already writing. Press Esc to stop.</source>
        <translation>作成中です。止めるには Esc キーを押してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="94"/>
        <source>Fill in “{label}” first.</source>
        <translation>「{label}」を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="134"/>
        <source>Writing…</source>
        <translation>作成しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="142"/>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="148"/>
        <source>Stopped at the length limit. Use Continue to write more; the limit is "Longest answer" in Settings.</source>
        <translation>長さの上限で止まりました。「続きを書く」で続けられます（上限は設定の「生成する文章の上限」で変えられます）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="151"/>
        <source>Done ({speed:.1f} tokens/s). Check the draft before you use it.</source>
        <translation>作成しました（{speed:.1f} トークン/秒）。使う前に内容を確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="152"/>
        <source>Done. Check the draft before you use it.</source>
        <translation>作成しました。使う前に内容を確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="160"/>
        <source>Stopped. The text so far is kept.</source>
        <translation>停止しました。ここまでの文章は残っています。</translation>
    </message>
    <message>
        <source>Stopped: the same sentence kept repeating. Use Rewrite to write the draft again.</source>
        <translation>同じ文の繰り返しが続いたため止めました。「再作成」で作り直せます。</translation>
    </message>
    <message>
        <source>Stopped. The text so far is kept; Continue goes on from it.</source>
        <translation>停止しました。ここまでの文章は残っています。「続きを書く」で続けられます。</translation>
    </message>
</context>
<context>
    <name>DraftPane</name>
    <message>
        <location filename="../../desktop/ui/panes/draft.py"/>
        <source>{title} (mine)</source>
        <translation>{title}（自作）</translation>
    </message>
    <message>
        <source>The result of %1, chosen in Compare. Check the draft before you use it.</source>
        <translation>比較で選んだ %1 の結果です。使う前に下書きを確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="205"/>
        <source>Draft</source>
        <translation>下書き作成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="207"/>
        <source>Choose a template, fill in the form and let the model write a first draft. A person checks every draft before it is used.</source>
        <translation>テンプレートを選び、項目を入力すると、AI が下書きを作ります。担当者が必ず内容を確認してから使ってください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="215"/>
        <source>Search templates</source>
        <translation>テンプレートを検索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="222"/>
        <source>Edit templates…</source>
        <translation>テンプレートの編集…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="223"/>
        <source>Make your own templates, or import one a colleague shared</source>
        <translation>自分のテンプレートを作ったり、同僚が共有したものを取り込んだりできます</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="249"/>
        <source>Length of the draft</source>
        <translation>下書きの長さ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="250"/>
        <source>Style: desu/masu or de aru</source>
        <translation>文体（です・ます調／である調）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="251"/>
        <source>Courteous or concise</source>
        <translation>丁寧に書くか、簡潔に書くか</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="255"/>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="255"/>
        <source>Style</source>
        <translation>文体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="256"/>
        <source>Manner</source>
        <translation>書きぶり</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="263"/>
        <source>Write</source>
        <translation>作成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="265"/>
        <source>Write the draft (Ctrl+Enter)</source>
        <translation>下書きを作成（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="266"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="267"/>
        <source>Stop (Esc); the text so far is kept</source>
        <translation>停止（Esc）。ここまでの文章は残ります</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="293"/>
        <source>Draft text</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="297"/>
        <source>The draft appears here as it is written. You can edit it.</source>
        <translation>作成中の下書きがここに表示されます。そのまま編集できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="298"/>
        <source>Rewrite</source>
        <translation>再作成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="299"/>
        <source>Write the draft again from what the form shows now; the current draft is kept as an earlier version</source>
        <translation>フォームの今の内容でもう一度作成します（今の下書きは前の版として残ります）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="300"/>
        <source>Continue</source>
        <translation>続きを書く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="301"/>
        <source>Go on writing where the draft stopped (the length limit, or Stop)</source>
        <translation>止まったところ（長さの上限や停止）から続きを書きます</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="302"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="303"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="304"/>
        <source>Save the draft as Word (.docx), text (.txt) or Markdown (.md) (Ctrl+S)</source>
        <translation>下書きを Word（.docx）・テキスト（.txt）・Markdown（.md）で書き出します（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="305"/>
        <source>Add the “prepared with AI” line</source>
        <translation>AI 利用の注記を入れる</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="307"/>
        <source>For documents that your office&apos;s guidelines say must state the use of generative AI</source>
        <translation>所属のガイドラインで生成AIの利用の明記が求められている文書で使います。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="382"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="518"/>
        <source>No model is loaded yet, so drafts cannot be written. Choose one on the Model page.</source>
        <translation>モデルが読み込まれていないため、下書きを作成できません。「モデル」画面で選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="519"/>
        <source>Choose a model</source>
        <translation>モデルを選択</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="523"/>
        <source>Cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="530"/>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="536"/>
        <source>This template has no field for a document.</source>
        <translation>このテンプレートには文書を読み込む項目がありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="543"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="543"/>
        <source>Documents (*.docx *.txt *.md *.pdf);;All files (*)</source>
        <translation>文書 (*.docx *.txt *.md *.pdf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="554"/>
        <source>There is no draft to export yet.</source>
        <translation>書き出す下書きがまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="558"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="559"/>
        <source>Word (*.docx);;Text (*.txt);;Markdown (*.md)</source>
        <translation>Word (*.docx);;テキスト (*.txt);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="574"/>
        <source>Cannot save</source>
        <translation>書き出せません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="577"/>
        <source>Exported: {name}</source>
        <translation>書き出しました: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/draft.py" line="642"/>
        <source>Reopened from the history. Check the draft before you use it.</source>
        <translation>履歴から開き直しました。使う前に下書きを確認してください。</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <location filename="../../desktop/ui/template_editor.py"/>
        <source>{title}  [{mark}]</source>
        <translation>{title}　[{mark}]</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py"/>
        <source>One line</source>
        <translation>1行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py"/>
        <source>Several lines</source>
        <translation>複数行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py"/>
        <source>Choice</source>
        <translation>選択</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py"/>
        <source>Document</source>
        <translation>文書</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="69"/>
        <source>Templates</source>
        <extracomment>Columns of the fields table.</extracomment>
        <translation>テンプレート</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="91"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="92"/>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="93"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="94"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="95"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="96"/>
        <source>Add a template file (.toml) a colleague shared</source>
        <translation>同僚が共有したテンプレート（.toml、またはレターヘッド付きの .zip）を取り込みます</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="97"/>
        <source>Save this template as a .toml file to share it</source>
        <translation>共有できるよう、このテンプレートを1つのファイル（.toml、レターヘッドがあれば .zip）に書き出します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="118"/>
        <source>Lowercase letters, digits, - and _; also the file name</source>
        <translation>英小文字・数字・-・_（ファイル名にもなります）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="127"/>
        <source>Prose</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="127"/>
        <source>Headed sections</source>
        <translation>見出しごとの構成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="127"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="132"/>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="135"/>
        <source>optional: a .docx beside the template file</source>
        <translation>任意: テンプレートと同じフォルダーにある .docx のファイル名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="138"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="139"/>
        <source>Title (Japanese)</source>
        <translation>名前（日本語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="140"/>
        <source>Title (English)</source>
        <translation>名前（英語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="141"/>
        <source>Description (Japanese)</source>
        <translation>説明（日本語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="142"/>
        <source>Description (English)</source>
        <translation>説明（英語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="143"/>
        <source>Group</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="144"/>
        <source>Output shape</source>
        <translation>出力の形</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="145"/>
        <source>Temperature</source>
        <translation>表現のばらつき（温度）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="146"/>
        <source>Letterhead</source>
        <translation>レターヘッド</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="151"/>
        <source>Name</source>
        <translation>項目名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="151"/>
        <source>Label (ja)</source>
        <translation>表示名（日本語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="151"/>
        <source>Label (en)</source>
        <translation>表示名（英語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="151"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="151"/>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="152"/>
        <source>Default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="152"/>
        <source>Choices</source>
        <translation>選択肢</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="152"/>
        <source>Help</source>
        <translation>説明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="155"/>
        <source>For the choice kind: the choices, separated by commas</source>
        <translation>種類が「選択」のときの選択肢（「、」またはカンマで区切る）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="162"/>
        <source>Add field</source>
        <translation>項目を追加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="163"/>
        <source>Remove field</source>
        <translation>項目を削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="166"/>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="167"/>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="179"/>
        <source>Who the model is and the rules it follows</source>
        <translation>AI の役割と、守るべき決まり</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="181"/>
        <source>The request, with {field_name} where a field&apos;s value goes</source>
        <translation>AI への依頼文。入力項目の値を入れる所に、{notes} のように項目名（英字）を波かっこで囲んで書きます</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="184"/>
        <source>System instructions</source>
        <translation>AI への前提指示（システム指示）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="186"/>
        <source>Prompt — write {name} where a field&apos;s value goes; {{ and }} for literal braces</source>
        <translation>指示文 — 入力項目の値を入れる所に {notes} のように項目名（英字）を波かっこで囲んで書きます。{organisation} には設定の団体名が入ります（波かっこそのものは {{ と }}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="192"/>
        <source>Basics</source>
        <translation>基本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="193"/>
        <source>Fields</source>
        <translation>入力項目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="194"/>
        <source>Prompts</source>
        <translation>指示文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="197"/>
        <source>Preview of what the model gets (sample values)</source>
        <translation>AI に渡す内容のプレビュー（サンプル値）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="200"/>
        <source>Test run</source>
        <translation>テスト実行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="201"/>
        <source>Run the template with the sample values on the loaded model</source>
        <translation>読み込んだモデルで、サンプル値を使って試しに作成します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="202"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="203"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="205"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="271"/>
        <source>Test run finished.</source>
        <translation>テスト実行が終わりました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="301"/>
        <source>built-in</source>
        <translation>組み込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="301"/>
        <source>mine</source>
        <translation>自作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="327"/>
        <source>Unsaved changes</source>
        <translation>保存していない変更</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="328"/>
        <source>Discard the changes to this template?</source>
        <translation>このテンプレートの変更を破棄しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="380"/>
        <source>Built-in templates cannot be changed. Press Duplicate to make your own copy.</source>
        <translation>組み込みテンプレートは変更できません。「複製」を押すと自分用のコピーを作れます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="479"/>
        <source>New field</source>
        <translation>新しい項目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="509"/>
        <source>New template</source>
        <translation>新しいテンプレート</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="517"/>
        <source>A new template. Press Save to keep it.</source>
        <translation>新しいテンプレートです。「保存」を押すと残ります。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="528"/>
        <source>{title} (copy)</source>
        <translation>{title}（コピー）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="533"/>
        <source>A copy. Change it, then press Save.</source>
        <translation>複製しました。内容を変えてから「保存」を押してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="542"/>
        <source>The ID “{id}” is already used.</source>
        <translation>ID「{id}」は既に使われています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="546"/>
        <location filename="../../desktop/ui/template_editor.py" line="549"/>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="555"/>
        <source>Saved: {path}</source>
        <translation>保存しました: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="570"/>
        <source>Delete template</source>
        <translation>テンプレートの削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="571"/>
        <source>Delete the template “{title}”? This cannot be undone.</source>
        <translation>テンプレート「{title}」を削除しますか？元に戻せません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="577"/>
        <source>Cannot delete</source>
        <translation>削除できません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="583"/>
        <source>Deleted.</source>
        <translation>削除しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="593"/>
        <location filename="../../desktop/ui/template_editor.py" line="603"/>
        <source>Cannot export</source>
        <translation>書き出せません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="596"/>
        <source>Export template</source>
        <translation>テンプレートの書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="597"/>
        <location filename="../../desktop/ui/template_editor.py" line="612"/>
        <source>Fumi template (*.toml *.zip)</source>
        <translation>Fumi テンプレート (*.toml *.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="605"/>
        <source>Exported: {path}</source>
        <translation>書き出しました: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="611"/>
        <source>Import template</source>
        <translation>テンプレートの取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="620"/>
        <source>Replace template</source>
        <translation>テンプレートの置き換え</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="621"/>
        <source>You already have a template “{id}”. Replace it with the imported one?</source>
        <translation>テンプレート「{id}」は既にあります。取り込むもので置き換えますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="627"/>
        <location filename="../../desktop/ui/template_editor.py" line="631"/>
        <source>Cannot import</source>
        <translation>取り込めません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="635"/>
        <source>Imported: {title}</source>
        <translation>取り込みました: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="643"/>
        <source>Load a model first to test-run a template.</source>
        <translation>テスト実行するには、先にモデルを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="656"/>
        <source>Test run: writing…</source>
        <translation>テスト実行: 作成しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_editor.py" line="673"/>
        <source>Test run stopped.</source>
        <translation>テスト実行を停止しました。</translation>
    </message>
</context>
<context>
    <name>VersionNavigator</name>
    <message>
        <source>Show the earlier version</source>
        <translation>前の版を表示</translation>
    </message>
    <message>
        <source>Show the later version</source>
        <translation>次の版を表示</translation>
    </message>
    <message>
        <source>Earlier versions of the result are kept, with your edits</source>
        <translation>前の版も、あなたの修正ごと残っています</translation>
    </message>
</context>
</TS>
