<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/logsetup.py" line="110"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../../desktop/logsetup.py" line="111"/>
        <source>Something unexpected went wrong. Your text is still in the window; please save it and tell your IT contact.</source>
        <translation>予期しない問題が起きました。入力した文章はウィンドウに残っています。書き出してから、情報システム担当者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/logsetup.py" line="117"/>
        <source>Log file: {path}</source>
        <translation>ログファイル: {path}</translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <location filename="../../desktop/ui/widgets/drop_area.py" line="34"/>
        <source>Drop a file here</source>
        <translation>ここにファイルをドロップ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/drop_area.py" line="37"/>
        <source>Choose a file…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/drop_area.py" line="79"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
</context>
<context>
    <name>FolderListEditor</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="57"/>
        <source>Add…</source>
        <extracomment>Which options the dialog shows, grouped; ``last_model`` is remembered, not edited.</extracomment>
        <translation>追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="58"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="81"/>
        <source>Choose a folder with model files</source>
        <translation>モデルファイルのあるフォルダーを選択</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="60"/>
        <location filename="../../desktop/ui/main_window.py" line="103"/>
        <source>文 Fumi</source>
        <translation>文 Fumi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="97"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="105"/>
        <source>Writing help on this PC</source>
        <translation>このPCで動く文書作成支援</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="154"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="155"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="158"/>
        <source>&amp;Save…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="161"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="169"/>
        <source>S&amp;ettings</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="170"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="173"/>
        <source>&amp;Models</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="184"/>
        <source>&amp;About Fumi</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="229"/>
        <source>Fumi cannot open “{name}”. Drop a Word (.docx), text (.txt), Markdown (.md) or PDF (.pdf) file.</source>
        <translation>「{name}」は開けません。Word（.docx）、テキスト（.txt）、Markdown（.md）、PDF（.pdf）のファイルをドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="232"/>
        <source>Choose Draft, Summarize or Translate first, then drop “{name}” again.</source>
        <translation>先に「下書き」「要約」「翻訳」のどれかを選んでから、「{name}」をもう一度ドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="266"/>
        <source>Load the model you used last time ({name})?</source>
        <translation>前回使ったモデル（{name}）を読み込みますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268"/>
        <source>Load</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="333"/>
        <source>About Fumi</source>
        <translation>Fumi について</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="335"/>
        <source>&lt;h3&gt;文 Fumi {version}&lt;/h3&gt;&lt;p&gt;Drafts, summaries and translations with a language model that runs on this PC.&lt;/p&gt;&lt;p&gt;Fumi works offline: nothing you type or open leaves this computer.&lt;/p&gt;&lt;p&gt;A person must check every result before it is used.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;文 Fumi {version}&lt;/h3&gt;&lt;p&gt;このPCの中で動く言語モデルで、文書の下書き・要約・翻訳を行います。&lt;/p&gt;&lt;p&gt;Fumi はオフラインで動作します。入力した文章や開いたファイルが、このPCの外に送られることはありません。&lt;/p&gt;&lt;p&gt;担当者が必ず内容を確認してから使ってください。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <location filename="../../desktop/ui/model_panel.py"/>
        <source>{name} ({folder})</source>
        <translation>{name}（{folder}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="88"/>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="95"/>
        <source>Looking for model files…</source>
        <translation>モデルファイルを探しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="97"/>
        <source>Look again</source>
        <translation>再検索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="98"/>
        <source>Search the model folders again</source>
        <translation>モデルフォルダーを再検索します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="135"/>
        <location filename="../../desktop/ui/model_panel.py" line="351"/>
        <source>Choose a model on the left</source>
        <translation>左の一覧からモデルを選んでください</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="145"/>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="146"/>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="147"/>
        <source>Quantization</source>
        <translation>量子化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="148"/>
        <source>Trained context</source>
        <translation>学習時のコンテキスト長</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="149"/>
        <source>Chat template</source>
        <translation>チャットテンプレート</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="150"/>
        <source>File size</source>
        <translation>ファイルサイズ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="151"/>
        <source>Memory needed</source>
        <translation>必要なメモリ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="152"/>
        <source>License</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="153"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="180"/>
        <location filename="../../desktop/ui/model_panel.py" line="184"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="188"/>
        <source>Load</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="190"/>
        <source>Unload</source>
        <translation>読み込み解除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="200"/>
        <source>Context size</source>
        <translation>コンテキスト長</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="203"/>
        <source>Threads</source>
        <translation>スレッド数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="271"/>
        <source>Could not look for models: {message}</source>
        <translation>モデルを探せませんでした: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="316"/>
        <source>Cannot be read</source>
        <translation>読み込めません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="323"/>
        <source>loaded</source>
        <translation>読み込み済み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="358"/>
        <source>Cannot be read: {reason}</source>
        <translation>読み込めません: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="373"/>
        <source>Yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="373"/>
        <source>No (a default is used; results may be worse)</source>
        <translation>なし（標準の形式を使うため、結果が劣る場合があります）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="380"/>
        <source>Not in the catalog</source>
        <translation>推奨モデル一覧にありません</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="416"/>
        <source>Loading {name}…</source>
        <translation>{name} を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="433"/>
        <source>Model may be too large</source>
        <translation>モデルが大きすぎる可能性があります</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="435"/>
        <source>Loading {name} may make this PC very slow, or fail. Load it anyway?</source>
        <translation>{name} を読み込むと、PCの動作が非常に遅くなるか、読み込みに失敗するおそれがあります。それでも読み込みますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="504"/>
        <source>No model is loaded.</source>
        <translation>モデルは読み込まれていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="508"/>
        <source>Loaded: {name}</source>
        <translation>読み込み済み: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_panel.py" line="510"/>
        <source>(context {n_ctx:,} tokens)</source>
        <translation>（コンテキスト長 {n_ctx:,} トークン）</translation>
    </message>
    <message>
        <source>no chat template</source>
        <translation>チャットテンプレートなし</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../desktop/ui/widgets/notice_bar.py" line="34"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <location filename="../../desktop/ui/panes/__init__.py" line="32"/>
        <source>Draft</source>
        <extracomment>(key, English title, &quot;module:Class&quot;), in sidebar order.</extracomment>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/__init__.py" line="33"/>
        <source>Summarize</source>
        <translation>要約</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/__init__.py" line="34"/>
        <source>Translate</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/panes/__init__.py" line="35"/>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py"/>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py"/>
        <source>Organisation name</source>
        <translation>団体名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py"/>
        <source>The name every template writes for your organisation, e.g. a city, ward, town or prefecture. Left empty, drafts show a blank to fill in.</source>
        <translation>すべてのテンプレートが使う団体名です（例: 〇〇市、〇〇区、〇〇町、東京都）。空欄のときは、下書きに【団体名】と入ります。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py"/>
        <source>For documents that your office&apos;s guidelines say must state the use of generative AI.</source>
        <translation>所属のガイドラインで生成AIの利用の明記が求められている文書で使います。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py"/>
        <source>e.g. XX City, XX Ward, XX Town, Tokyo</source>
        <translation>例: 〇〇市、〇〇区、〇〇町、東京都</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="102"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="132"/>
        <source>A new display language is used after Fumi is restarted.</source>
        <translation>表示言語の変更は、Fumi を再起動した後に反映されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="158"/>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="159"/>
        <source>Writing</source>
        <translation>文章の生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="160"/>
        <source>Display</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="161"/>
        <source>Exports and history</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="166"/>
        <source>Model folders</source>
        <translation>モデルフォルダー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="167"/>
        <source>CPU threads</source>
        <translation>CPU スレッド数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="168"/>
        <source>Context size</source>
        <translation>コンテキスト長</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="169"/>
        <source>Temperature</source>
        <translation>表現のばらつき（温度）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="170"/>
        <source>Longest answer</source>
        <translation>生成する文章の上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="175"/>
        <source>Keep history for</source>
        <translation>履歴の保存期間</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="181"/>
        <source>How many CPU cores the model may use. Automatic suits most PCs.</source>
        <translation>モデルが使う CPU コアの数です。通常は「自動」で問題ありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="182"/>
        <source>How much text the model can see at once. Larger needs more memory.</source>
        <translation>一度に扱える文章の量（コンテキスト長）です。大きくするほど多くのメモリが必要です。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="183"/>
        <source>Lower values give steadier, more predictable wording; higher values more varied.</source>
        <translation>低いほど安定した言い回しに、高いほど変化のある言い回しになります。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="184"/>
        <source>The longest answer the model may write, in tokens (about one Japanese character each).</source>
        <translation>AI が一度に書く文章の上限です（トークン数。日本語ではおよそ1文字が1トークン）。下書きは、選んだ長さ（またはテンプレート）の上限に従います。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="185"/>
        <source>Extra folders to search for model files (.gguf).</source>
        <translation>モデルファイル（.gguf）を探す追加のフォルダーです。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="191"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="192"/>
        <source> tokens</source>
        <translation> トークン</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="193"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="194"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="171"/>
        <source>Display language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="172"/>
        <source>Font size</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="173"/>
        <source>Add a note that AI helped prepare exported documents</source>
        <translation>AI 利用の注記を入れる</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="174"/>
        <source>Keep a history of runs</source>
        <translation>実行の履歴を残す</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="222"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="261"/>
        <source>Settings not saved</source>
        <translation>設定を保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="262"/>
        <source>The settings could not be saved: {error}</source>
        <translation>設定を保存できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py"/>
        <source>Parts written at once</source>
        <translation>同時に作成する部分の数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py"/>
        <source>How many parts of a long summary or translation the model writes at the same time. Automatic chooses from free memory; 1 writes them one after another.</source>
        <translation>長い文書の要約や翻訳で、いくつの部分を同時に作成するかです。「自動」は空きメモリから決めます。1 にすると一つずつ順に作成します。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/ui/status.py" line="25"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="28"/>
        <source>Fumi works offline: nothing you type or open leaves this PC.</source>
        <translation>Fumi はオフラインで動作します。入力した文章や開いたファイルが、このPCの外に出ることはありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="43"/>
        <source>Model: {name}</source>
        <translation>モデル: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="45"/>
        <source>No model loaded</source>
        <translation>モデル未読み込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="56"/>
        <source>{speed:.1f} tokens/s</source>
        <translation>{speed:.1f} トークン/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="62"/>
        <source>Engine stopped</source>
        <translation>エンジン停止中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="63"/>
        <source>Engine starting…</source>
        <translation>エンジン起動中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="64"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="65"/>
        <source>Loading model…</source>
        <translation>モデル読み込み中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status.py" line="66"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="24"/>
        <source>Welcome to Fumi</source>
        <translation>Fumi へようこそ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="28"/>
        <source>Fumi writes drafts, summaries and translations with a language model that runs on this PC. Nothing you type leaves this computer.</source>
        <translation>Fumi は、このPCの中で動く言語モデルで、文書の下書き・要約・翻訳を行います。入力した文章がこのPCの外に送られることはありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="37"/>
        <source>No model file was found yet. Put a model file (a file ending in .gguf, provided by your IT department) into one of the folders below, then press “Look again”.</source>
        <translation>モデルファイルがまだ見つかりません。情報システム担当者から提供されたモデルファイル（名前が .gguf で終わるファイル）を下のいずれかのフォルダーに置いてから、「再検索」を押してください。</translation>
    </message>
</context>
<context>
    <name>ModelFoldersHint</name>
    <message>
        <location filename="../../desktop/ui/model_folders_hint.py"/>
        <source>• {folder}</source>
        <translation>・{folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_folders_hint.py"/>
        <source>Folders searched for models:</source>
        <translation>モデルを探すフォルダー:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_folders_hint.py"/>
        <source>Open the models folder</source>
        <translation>モデルフォルダーを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_folders_hint.py"/>
        <source>Look again</source>
        <translation>再検索</translation>
    </message>
</context>
<context>
    <name>PaneController</name>
    <message>
        <location filename="../../desktop/ui/job_runner.py" line="1"/>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
</context>
</TS>
