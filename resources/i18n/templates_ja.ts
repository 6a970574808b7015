<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>TemplateImportDialog</name>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>{label} ({name})</source>
        <translation>{label}（{name}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>{title} ({id})</source>
        <translation>{title}（{id}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Import template</source>
        <translation>テンプレートの取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Reading {name}…</source>
        <translation>{name} を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Fields</source>
        <translation>入力項目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Letterhead</source>
        <translation>レターヘッド</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>I have checked the letterhead; use it for documents made with this template</source>
        <translation>レターヘッドの内容を確認しました。このテンプレートで作る文書に使います</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source> (required)</source>
        <translation>（必須）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>No body text: only its headers, footers, page setup and styles are used.</source>
        <translation>本文はありません（ヘッダー、フッター、ページ設定、スタイルだけを使います）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Body text of its first page, below. Once imported, it starts every Word document exported with this template.</source>
        <translation>1ページ目の本文は下のとおりです。取り込むと、このテンプレートで書き出す Word 文書の先頭に、この文章が入ります。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Check what this template brings. It replaces your template “{id}”.</source>
        <translation>取り込む内容を確認してください。自作のテンプレート「{id}」を置き換えます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/template_import_dialog.py"/>
        <source>Check what this template brings before you import it.</source>
        <translation>取り込む前に、内容を確認してください。</translation>
    </message>
</context>
</TS>
