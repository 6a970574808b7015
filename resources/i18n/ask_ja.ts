<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AskController</name>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="116"/>
        <source>Update stopped. What was read so far is kept.</source>
        <translation>更新を停止しました。読み込み済みの分は残っています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="118"/>
        <source>Library updated: {added} added, {changed} changed, {removed} removed, {failed} could not be read.</source>
        <translation>ライブラリを更新しました（追加 {added}、更新 {changed}、削除 {removed}、読み込めなかったファイル {failed}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="139"/>
        <source>Already answering. Press Esc to stop.</source>
        <translation>回答中です。停止するには Esc を押してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="155"/>
        <source>Searching the library…</source>
        <translation>ライブラリを検索しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="169"/>
        <source>No passage in the library answers this question.</source>
        <translation>この質問に答える記述はライブラリにありませんでした。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="173"/>
        <source>Passages found. Load a model on the Model page to get a written answer.</source>
        <translation>該当箇所が見つかりました。回答文を作成するには「モデル」ページでモデルを読み込んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="178"/>
        <source>Writing the answer…</source>
        <translation>回答を作成しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="184"/>
        <source>Stopped.</source>
        <translation>停止しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="195"/>
        <source>{n} citation(s) named no passage given and were removed.</source>
        <translation>資料にない出典が {n} 件あったため削除しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="200"/>
        <source>Done. Check the answer against its sources before you use it.</source>
        <translation>完了しました。使う前に必ず出典と照らし合わせて確認してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask_controller.py" line="205"/>
        <source>Stopped. The text so far is kept.</source>
        <translation>停止しました。ここまでの文章は残っています。</translation>
    </message>
</context>
<context>
    <name>AskPane</name>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="49"/>
        <location filename="../../desktop/ui/panes/ask.py" line="79"/>
        <source>Ask</source>
        <translation>質問</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="50"/>
        <source>Ask about the office&apos;s rules and manuals. Answers come only from the library, with their sources.</source>
        <translation>規程やマニュアルについて質問できます。回答はライブラリの資料だけから作られ、出典が付きます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="57"/>
        <source>Folders</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="61"/>
        <source>Update library</source>
        <translation>ライブラリを更新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="62"/>
        <source>Stop update</source>
        <translation>更新を停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="76"/>
        <source>e.g. 出張の日当はいくらですか (Ctrl+Enter to ask)</source>
        <translation>例: 出張の日当はいくらですか（Ctrl+Enter で質問）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="81"/>
        <source>Ask (Ctrl+Enter)</source>
        <translation>質問する（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="82"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="83"/>
        <source>Stop (Esc); the text so far is kept</source>
        <translation>停止（Esc）。ここまでの文章は残ります</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="99"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="101"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="102"/>
        <source>Copy the answer and its sources (Ctrl+C)</source>
        <translation>回答と出典をコピー（Ctrl+C）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="105"/>
        <source>The answer appears here, with 【出典: file, location】 after each point.</source>
        <translation>回答はここに表示されます。各文の後に【出典: ファイル, 位置】が付きます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="116"/>
        <location filename="../../desktop/ui/panes/ask.py" line="294"/>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="123"/>
        <source>Click a source to read its passage.</source>
        <translation>出典をクリックすると、該当箇所が表示されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="124"/>
        <source>Open file</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="181"/>
        <source>No folder in the library yet. Add the folder of your rules and manuals.</source>
        <translation>ライブラリにフォルダーがありません。規程・マニュアルのフォルダーを追加してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="183"/>
        <source>Library: {files} files, {passages} passages · last update {when}</source>
        <translation>ライブラリ: {files} ファイル・{passages} 箇所・最終更新 {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="185"/>
        <source>never</source>
        <translation>未更新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="189"/>
        <source>Could not read: {n}</source>
        <translation>読み込めなかったファイル: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="208"/>
        <source>Updating the library in the background…</source>
        <translation>ライブラリを裏で更新しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="214"/>
        <source>Files that could not be read</source>
        <translation>読み込めなかったファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="220"/>
        <source>Add a folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="223"/>
        <source>Remove {folder}</source>
        <translation>削除: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="228"/>
        <source>Choose a folder of rules and manuals</source>
        <translation>規程・マニュアルのフォルダーを選択</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="301"/>
        <source>Copied.</source>
        <translation>コピーしました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="306"/>
        <source>There is no answer to save yet.</source>
        <translation>書き出す回答がまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="309"/>
        <source>Save</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="310"/>
        <source>Word (*.docx);;Text (*.txt);;Markdown (*.md)</source>
        <translation>Word (*.docx);;テキスト (*.txt);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="319"/>
        <source>Cannot save</source>
        <translation>書き出せません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/ask.py" line="322"/>
        <source>Saved: {name}</source>
        <translation>書き出しました: {name}</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../desktop/ui/panes/__init__.py" line="36"/>
        <source>Ask</source>
        <translation>質問</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <location filename="../../desktop/ui/widgets/run_controls.py" line="27"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/run_controls.py" line="28"/>
        <source>Stop (Esc); the text so far is kept</source>
        <translation>停止（Esc）。ここまでの文章は残ります</translation>
    </message>
</context>
</TS>
