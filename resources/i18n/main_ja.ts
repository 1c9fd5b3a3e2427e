<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="57" />
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="87" />
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="66" />
        <source>&amp;Office:</source>
        <translation>事業所(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="107" />
        <source>Calendar</source>
        <translation>予約カレンダー</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="108" />
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="124" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="125" />
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="127" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="129" />
        <source>&amp;Booking</source>
        <translation>予約(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="130" />
        <source>&amp;New booking…</source>
        <translation>新規予約(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="132" />
        <source>&amp;Search…</source>
        <translation>検索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="133" />
        <source>Go to the &amp;reservation panel</source>
        <translation>予約パネルへ移動(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="136" />
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="145" />
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="223" />
        <source>(no office)</source>
        <translation>（事業所なし）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="226" />
        <source>Staff: %1</source>
        <translation>担当：%1</translation>
    </message>
</context>
</TS>