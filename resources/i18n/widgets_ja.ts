<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>Messages</name>
    <message>
        <source>Not possible</source>
        <translation>できません</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>根拠：%1</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>PlatformCalls</name>
    <message>
        <source>Updating the meeting on the platform</source>
        <translation>会議サービスの会議を更新しています</translation>
    </message>
</context>
</TS>
