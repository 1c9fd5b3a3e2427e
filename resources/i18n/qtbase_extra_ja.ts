<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<!-- Qt's own texts that PySide6's qtbase_ja.qm does not (yet) translate: Qt 6 added accelerators to
     these file dialog labels and the Japanese catalogue still has only the old "Look in:". Loaded with
     the other *_ja.qm after qtbase_ja.qm; edit in Qt Linguist. Not made by lupdate (no source of ours). -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>ファイルの場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
</TS>
