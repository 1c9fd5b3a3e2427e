<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../consult_desk/ui/main_window.py" line="25" />
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/main_window.py" line="34" />
        <source>Office:</source>
        <translation>事業所：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/main_window.py" line="43" />
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/main_window.py" line="52" />
        <source>No views yet</source>
        <translation>表示できる画面がありません</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/main_window.py" line="54" />
        <location filename="../../consult_desk/ui/app.py" line="97" />
        <source>Calendar</source>
        <translation>予約カレンダー</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/main_window.py" line="68" />
        <source>(no office)</source>
        <translation>（事業所なし）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/main_window.py" line="70" />
        <source>Staff: %1</source>
        <translation>担当：%1</translation>
    </message>
</context>
</TS>