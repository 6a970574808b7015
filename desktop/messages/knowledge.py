"""Texts of the manuals library (質問): indexing, search and answers."""

MESSAGES = {
    "knowledge.index_old": {
        "ja": "ライブラリの索引が古い形式だったため、作り直しています。",
        "en": "The library index was in an older format; it is being rebuilt.",
    },
    "knowledge.index_corrupt": {
        "ja": "ライブラリの索引が壊れていたため、作り直しています（元の資料は変わりません）。",
        "en": "The library index was damaged; it is being rebuilt (your documents are unchanged).",
    },
    "knowledge.waiting_writer": {
        "ja": "別のウィンドウがライブラリを更新中です。終わるのを待っています…",
        "en": "Another window is updating the library. Waiting for it to finish…",
    },
    "knowledge.busy": {
        "ja": "別のウィンドウがライブラリを更新しています。しばらくしてから、もう一度実行してください。",
        "en": "Another window is updating the library. Please try again shortly.",
    },
    "knowledge.scanning": {"ja": "フォルダーを調べています…", "en": "Looking through the folders…"},
    "knowledge.done": {"ja": "索引を更新しました", "en": "Index updated"},
    "knowledge.embedding": {"ja": "意味検索の準備をしています", "en": "Preparing meaning search"},
    "knowledge.read_failed": {
        "ja": "読み込めませんでした（{kind}）。",
        "en": "Could not be read ({kind}).",
    },
    "knowledge.changed_while_reading": {
        "ja": "読み込み中にファイルが変更されました。次の更新で読み直します。",
        "en": "The file changed while it was being read. It will be read again at the next update.",
    },
    "knowledge.no_folder": {
        "ja": "フォルダーが見つかりません: {name}",
        "en": "Folder not found: {name}",
    },
    "knowledge.empty_library": {
        "ja": "ライブラリに資料がありません。先に「fumi index フォルダー」でフォルダーを追加してください。",
        "en": "The library has no documents yet. Add a folder first with 'fumi index FOLDER'.",
    },
    "knowledge.question_empty": {
        "ja": "質問を入力してください。",
        "en": "Please enter a question.",
    },
    "knowledge.question_too_long": {
        "ja": "質問が長すぎます（{length}字）。{limit}字以内にしてください。",
        "en": "The question is too long ({length} characters). Please keep it under {limit}.",
    },
    "knowledge.not_found": {
        "ja": "ライブラリの資料には、この質問に答える記述が見つかりませんでした。"
              "言い方を変えるか、担当課にお問い合わせください。",
        "en": "The library's documents do not seem to answer this question. "
              "Try other words, or ask the responsible section.",
    },
    "knowledge.answering": {"ja": "回答を作成しています", "en": "Writing the answer"},
    "knowledge.invalid_citation": {
        "ja": "［出典不明: 資料にない出典のため削除しました］",
        "en": "[source removed: not among the passages given]",
    },
    "knowledge.sources_heading": {"ja": "出典", "en": "Sources"},
    "knowledge.index_summary": {
        "ja": "追加 {added}、更新 {changed}、削除 {removed}、失敗 {failed}（ライブラリ全体 {files} ファイル）",
        "en": "Added {added}, changed {changed}, removed {removed}, failed {failed} ({files} files in the library)",
    },
    "knowledge.index_failed_file": {"ja": "失敗: {file}: {reason}", "en": "Failed: {file}: {reason}"},
}
