<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ComparePane</name>
    <message>
        <location filename="../../desktop/ui/panes/compare.py"/>
        <source>comparison.docx</source>
        <translation>比較.docx</translation>
    </message>
    <message>
        <source>The result of %1 is now in 「%2」.</source>
        <translation>%1 の結果を「%2」に渡しました。</translation>
    </message>
    <message>
        <source>「%1」 did not take the result (it is busy, or you kept its own result).</source>
        <translation>「%1」には渡しませんでした（処理中か、画面の結果を残すことを選びました）。</translation>
    </message>
    <message>
        <source>Use the inputs of the previous pane</source>
        <translation>前の画面の入力を使う</translation>
    </message>
    <message>
        <source>Take the template and fields, the document or the text from the pane you were in</source>
        <translation>直前に開いていた画面のテンプレートと入力項目、文書または文章を取り込みます</translation>
    </message>
    <message>
        <source>Use the inputs of 「%1」</source>
        <translation>「%1」の入力を使う</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Run the same job on several models, one after another, with the same settings, and choose the model that suits each kind of work.</source>
        <translation>同じ処理を複数のモデルで、同じ設定のまま順に実行し、仕事の種類に合うモデルを選べます。</translation>
    </message>
    <message>
        <source>Draft from a template</source>
        <translation>テンプレートから下書き</translation>
    </message>
    <message>
        <source>Summary of a document</source>
        <translation>文書の要約</translation>
    </message>
    <message>
        <source>Translation of a short text</source>
        <translation>短い文章の翻訳</translation>
    </message>
    <message>
        <source>Free prompt</source>
        <translation>自由な指示</translation>
    </message>
    <message>
        <source>Write the instruction every model gets</source>
        <translation>すべてのモデルに渡す指示を書いてください</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード（乱数の種）</translation>
    </message>
    <message>
        <source>Randomness (temperature)</source>
        <translation>ランダム性（temperature）</translation>
    </message>
    <message>
        <source>Longest output (tokens)</source>
        <translation>出力の上限（トークン）</translation>
    </message>
    <message>
        <source>Run the job on every ticked model (Ctrl+Enter)</source>
        <translation>選んだすべてのモデルで実行します（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the comparison (Esc)</source>
        <translation>比較を停止します（Esc）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Save the comparison as Word (.docx) or Markdown (.md) (Ctrl+S)</source>
        <translation>比較結果を Word（.docx）または Markdown（.md）に書き出します（Ctrl+S）</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>処理</translation>
    </message>
    <message>
        <source>No document yet</source>
        <translation>文書はまだ開いていません</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Open a .docx, .txt, .md or .pdf file (Ctrl+O)</source>
        <translation>.docx、.txt、.md、.pdf のファイルを開きます（Ctrl+O）</translation>
    </message>
    <message>
        <source>A short text to translate</source>
        <translation>翻訳する短い文章</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>翻訳先</translation>
    </message>
    <message>
        <source>Choose at most 4 models.</source>
        <translation>モデルは 4 個までにしてください。</translation>
    </message>
    <message>
        <source>Write the instruction first.</source>
        <translation>先に指示を書いてください。</translation>
    </message>
    <message>
        <source>Open the document to summarize first.</source>
        <translation>先に要約する文書を開いてください。</translation>
    </message>
    <message>
        <source>Write the text to translate first.</source>
        <translation>先に翻訳する文章を書いてください。</translation>
    </message>
    <message>
        <source>Fill in 「%1」 first.</source>
        <translation>先に「%1」を入力してください。</translation>
    </message>
    <message>
        <source>Comparison finished.</source>
        <translation>比較が終わりました。</translation>
    </message>
    <message>
        <source>Comparison stopped.</source>
        <translation>比較を停止しました。</translation>
    </message>
    <message>
        <source>The result of %1 was copied.</source>
        <translation>%1 の結果をコピーしました。</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>文書を開く</translation>
    </message>
    <message>
        <source>Documents (*.docx *.txt *.md *.pdf)</source>
        <translation>文書 (*.docx *.txt *.md *.pdf)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>比較結果の書き出し</translation>
    </message>
    <message>
        <source>Word (*.docx);;Markdown (*.md)</source>
        <translation>Word (*.docx);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>「%1」 has nothing to compare yet.</source>
        <translation>「%1」には、まだ比較に使える入力がありません。</translation>
    </message>
</context>
<context>
    <name>ModelChoice</name>
    <message>
        <source>Tick 2 to 4 models</source>
        <translation>比較するモデルを 2〜4 個選んでください</translation>
    </message>
</context>
<context>
    <name>ModelChooser</name>
    <message>
        <location filename="../../desktop/ui/panes/compare_models.py"/>
        <source>No usable model file was found. Your IT department puts approved models (.gguf files) into one of these folders.</source>
        <translation>使えるモデルファイルが見つかりません。情報システム担当者が、承認したモデル（.gguf ファイル）を次のいずれかのフォルダーに置きます。</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <source>Choose 2 to 4 models to compare.</source>
        <translation>比較するモデルを 2〜4 個選んでください。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <source>The loaded model was unloaded to make room for the comparison. Load it again from the model panel afterwards.</source>
        <translation>比較のためのメモリを空けるため、読み込んでいたモデルを解放しました。比較の後、モデルの画面から読み込み直してください。</translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation>順番を待っています</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>実行しませんでした</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>実行しています…</translation>
    </message>
</context>
<context>
    <name>ResultColumn</name>
    <message>
        <source>Use this result</source>
        <translation>この結果を使う</translation>
    </message>
    <message>
        <source>Continue with this text in its own pane</source>
        <translation>この文章を元の画面に渡して、続きの作業をします</translation>
    </message>
</context>
<context>
    <name>ResultColumns</name>
    <message>
        <source>Choose models and a job on the left, then press Compare (Ctrl+Enter).</source>
        <translation>左でモデルと処理を選び、「比較」（Ctrl+Enter）を押してください。</translation>
    </message>
</context>
</TS>
