<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <location filename="../../consult_desk/ui/shell/first_start.py" line="30" />
        <source>Set up offices</source>
        <translation>事業所の設定</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/first_start.py" line="34" />
        <source>This database has no office yet. Tick the offices this desk serves; each starts from the office's terms of use and can be edited later.</source>
        <translation>このデータベースにはまだ事業所がありません。この窓口で扱う事業所にチェックを付けてください。各事業所は利用規約に基づく設定で始まり、後から変更できます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/first_start.py" line="64" />
        <source>Tick at least one office (Space ticks the selected row).</source>
        <translation>事業所を1つ以上選んでください（スペースキーで選択行にチェックが付きます）。</translation>
    </message>
</context>
</TS>