<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>GlossaryEditor</name>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="31"/>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="44"/>
        <source>Terms that are always translated the same way. Only the terms that appear in a paragraph are given to the model with it; a translation that does not use a term is marked for checking.</source>
        <translation>訳語を統一したい用語を登録します。翻訳のときは、各段落に含まれる用語だけを AI に渡します。登録した訳語が使われていない段落には、確認の印が付きます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="49"/>
        <source>Search terms</source>
        <translation>用語を検索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="53"/>
        <source>Source term</source>
        <translation>原語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="53"/>
        <source>Translation</source>
        <translation>訳語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="53"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="59"/>
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="60"/>
        <source>Remove rows</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="61"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="62"/>
        <source>Add terms from a TSV or CSV file (UTF-8 or Shift_JIS)</source>
        <translation>TSV または CSV ファイル（UTF-8 または Shift_JIS）から用語を追加します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="63"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="75"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="76"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="142"/>
        <source>{count} terms</source>
        <translation>{count} 語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="156"/>
        <source>Import glossary</source>
        <translation>用語集の取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="157"/>
        <source>Glossary (*.tsv *.csv *.txt)</source>
        <translation>用語集 (*.tsv *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="163"/>
        <source>Cannot import</source>
        <translation>取り込めません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="174"/>
        <source>Imported {count} terms from {name}.</source>
        <translation>{name} から {count} 語を取り込みました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="181"/>
        <source>Export glossary</source>
        <translation>用語集の書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="182"/>
        <source>TSV (*.tsv);;CSV (*.csv)</source>
        <translation>TSV (*.tsv);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="188"/>
        <source>Cannot export</source>
        <translation>書き出せません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="190"/>
        <source>Exported to {name}.</source>
        <translation>{name} に書き出しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/glossary_editor.py" line="199"/>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
</context>
<context>
    <name>TranslateController</name>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="1"/>
        <source>Done. {count} segments need a check (see the marked rows).</source>
        <translation>完了しました。{count} 段落に確認が必要です（印の付いた行をご覧ください）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="115"/>
        <source>There is no text to translate in {name}.</source>
        <translation>「{name}」には翻訳する文章がありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="118"/>
        <source>Opened {name}: {count} segments.</source>
        <translation>{name} を開きました（{count} 段落）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="127"/>
        <source>Paste or type the text to translate first.</source>
        <translation>先に翻訳する文章を貼り付けるか入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="142"/>
        <source>No model is loaded. Load one on the Model page first.</source>
        <translation>モデルが読み込まれていません。先に「モデル」画面で読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="144"/>
        <source>Open a document or paste text first.</source>
        <translation>先に文書を開くか、文章を貼り付けてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="146"/>
        <source>Already translating. Press Esc to stop.</source>
        <translation>翻訳中です。止めるには Esc キーを押してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="177"/>
        <source>Translating…</source>
        <translation>翻訳しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="185"/>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="226"/>
        <source>Done. {count} segments need a check: a glossary term is missing.</source>
        <translation>完了しました。{count} 段落で用語集の訳語が使われていません。確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="229"/>
        <source>Done. Check the translation before you use it.</source>
        <translation>完了しました。使う前に訳文を確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="238"/>
        <source>Stopped. {done} of {total} segments are translated and kept.</source>
        <translation>停止しました。{total} 段落のうち翻訳済みの {done} 段落はそのまま残しています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="242"/>
        <source>Translation stopped by an error.</source>
        <translation>エラーのため翻訳を中断しました。</translation>
    </message>
    <message>
        <source>Done, but {count} segments stopped early (the length limit or a repeating sentence): {where}. Raise “Longest answer” in Settings if needed, and translate those segments again.</source>
        <translation>完了しましたが、{count} か所の訳文が途中で止まりました（長さの上限、または同じ文の繰り返し）: {where}。必要なら設定の「生成する文章の上限」を大きくして、その段落を再翻訳してください。</translation>
    </message>
    <message>
        <source>rows {rows}</source>
        <translation>{rows} 行目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate_controller.py" line="122"/>
        <source>Another document cannot be opened while translating. Stop the translation first, then open it.</source>
        <translation>翻訳中は別の文書を開けません。停止してから開いてください。</translation>
    </message>
</context>
<context>
    <name>TranslatePane</name>
    <message>
        <source>The translation of %1, chosen in Compare. Check it before you use it.</source>
        <translation>比較で選んだ %1 の翻訳です。使う前に確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="1"/>
        <source>The marks for formatting, links or fields came back damaged: this paragraph was translated piece by piece. Check the wording.</source>
        <translation>書式・リンク・フィールドなどの印が訳文で崩れたため、この段落は区切りごとに訳し直しました。訳文の表現を確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="1"/>
        <source>The model gave no translation: the source text was kept.</source>
        <translation>モデルの返答に訳文がなかったため、原文のままにしています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="1"/>
        <source>The translation stopped at the length limit. Raise the longest reply in Settings and translate this paragraph again.</source>
        <translation>訳文が長さの上限で途切れています。設定の「回答の最大の長さ」を大きくしてから、この段落を翻訳し直してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="72"/>
        <location filename="../../desktop/ui/panes/translate.py" line="103"/>
        <source>Translate</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="74"/>
        <source>Translate documents on this PC, keeping their layout and the office glossary. A person checks every translation before it is used.</source>
        <translation>文書のレイアウトを保ったまま、用語集の訳語に沿って、このPCの中で翻訳します。担当者が必ず訳文を確認してから使ってください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="80"/>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="81"/>
        <source>Open a .docx, .txt, .md or .pdf file (Ctrl+O)</source>
        <translation>.docx・.txt・.md・.pdf ファイルを開きます（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="84"/>
        <source>Detect</source>
        <translation>自動判定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="96"/>
        <source>です・ます (polite)</source>
        <translation>です・ます調</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="97"/>
        <source>である (plain)</source>
        <translation>である調</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="98"/>
        <source>Style of Japanese translations</source>
        <translation>日本語に訳すときの文体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="99"/>
        <source>Glossary…</source>
        <translation>用語集…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="100"/>
        <source>Terms that must always be translated the same way</source>
        <translation>訳語を統一する用語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="105"/>
        <location filename="../../desktop/ui/panes/translate.py" line="628"/>
        <source>Translate (Ctrl+Enter)</source>
        <translation>翻訳（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="106"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="107"/>
        <source>Stop (Esc); the segments already translated are kept</source>
        <translation>停止（Esc）。翻訳済みの段落は残ります</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="121"/>
        <source>From</source>
        <translation>翻訳元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="124"/>
        <source>To</source>
        <translation>翻訳先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="162"/>
        <source>Drop a .docx, .txt, .md or .pdf file here</source>
        <translation>ここに .docx・.txt・.md・.pdf ファイルをドロップ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="163"/>
        <location filename="../../desktop/ui/panes/translate.py" line="444"/>
        <source>Documents (*.docx *.txt *.md *.pdf)</source>
        <translation>文書 (*.docx *.txt *.md *.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="167"/>
        <source>…or paste the text to translate here</source>
        <translation>…または翻訳する文章をここに貼り付け</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="168"/>
        <source>Use this text</source>
        <translation>原文として使う</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="185"/>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="185"/>
        <source>Translation</source>
        <translation>訳文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="196"/>
        <source>Translate this segment again</source>
        <translation>この段落を再翻訳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="197"/>
        <source>Translate only the selected segment again</source>
        <translation>選んだ段落だけをもう一度翻訳します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="199"/>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="202"/>
        <source>Same format as the source…</source>
        <translation>元と同じ形式で…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="203"/>
        <source>Bilingual table (.docx)…</source>
        <translation>対訳表 (.docx)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="204"/>
        <source>Plain text (.txt)…</source>
        <translation>テキスト (.txt)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="206"/>
        <source>Another document</source>
        <translation>別の文書</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="279"/>
        <source>Pasted text</source>
        <translation>貼り付けた文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="280"/>
        <source>{name} — {count} segments</source>
        <translation>{name} — {count} 段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="294"/>
        <source>Heading</source>
        <translation>見出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="294"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="294"/>
        <source>List item</source>
        <translation>箇条書き</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="295"/>
        <source>Table cell</source>
        <translation>表のセル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="295"/>
        <source>Page header</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="295"/>
        <source>Page footer</source>
        <translation>フッター</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="342"/>
        <source>A glossary term is not used in this translation:
{terms}</source>
        <translation>この訳文には用語集の訳語が使われていません:
{terms}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="381"/>
        <source>{done} / {total} segments</source>
        <translation>{done} / {total} 段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="392"/>
        <source>Select the segment to translate again.</source>
        <translation>再翻訳する段落を選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="404"/>
        <source>Glossary saved: {count} terms.</source>
        <translation>用語集を保存しました（{count} 語）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="444"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="457"/>
        <source>There is no translation to export yet.</source>
        <translation>書き出す訳文がまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="470"/>
        <source> ({count} untranslated segments are left in the source language)</source>
        <translation>（未翻訳の {count} 段落は原文のままです）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="473"/>
        <source>Saved: {name}</source>
        <translation>書き出しました: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="478"/>
        <source>translation</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="481"/>
        <location filename="../../desktop/ui/panes/translate.py" line="487"/>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="482"/>
        <source>_bilingual</source>
        <translation>_対訳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="484"/>
        <location filename="../../desktop/ui/panes/translate.py" line="487"/>
        <source>Text (*.txt)</source>
        <translation>テキスト (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="488"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="490"/>
        <source>Word (*.docx);;Text (*.txt);;Markdown (*.md)</source>
        <translation>Word (*.docx);;テキスト (*.txt);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="491"/>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="539"/>
        <source>Reopened from the history. Check the translation before you use it.</source>
        <translation>履歴から開き直しました。使う前に訳文を確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="620"/>
        <source>No model is loaded yet. Choose one on the Model page to translate.</source>
        <translation>モデルがまだ読み込まれていません。翻訳するには「モデル」画面でモデルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="621"/>
        <source>Choose a model</source>
        <translation>モデルを選択</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="629"/>
        <source>Load a model first</source>
        <translation>先にモデルを読み込んでください</translation>
    </message>
    <message>
        <source>Every segment holds your edit: nothing to translate.</source>
        <translation>すべての段落が編集済みのため、翻訳する段落はありません。</translation>
    </message>
    <message>
        <source>Translate again</source>
        <translation>もう一度翻訳</translation>
    </message>
    <message>
        <source>You edited {count} translated segments.</source>
        <translation>翻訳済みの {count} 段落を編集しています。</translation>
    </message>
    <message>
        <source>Keep your edits and translate only the other segments? If you translate everything again, each edit is kept as an earlier version of its segment (◀ under the table).</source>
        <translation>編集した段落はそのままにして、ほかの段落だけを翻訳しますか？すべて翻訳し直す場合も、編集した訳はその段落の前の版として残ります（表の下の ◀）。</translation>
    </message>
    <message>
        <source>Keep my edits</source>
        <translation>編集を残す</translation>
    </message>
    <message>
        <source>Translate everything again</source>
        <translation>すべて翻訳し直す</translation>
    </message>
    <message>
        <source>Translate only the selected segment again; its translation now stays an earlier version (◀)</source>
        <translation>選んだ段落だけをもう一度翻訳します。今の訳は前の版として残ります（◀）</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/translate.py" line="447"/>
        <source>Another document cannot be opened while translating. Stop the translation first, then open it.</source>
        <translation>翻訳中は別の文書を開けません。停止してから開いてください。</translation>
    </message>
</context>
</TS>
