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
    <name>NoteDialog</name>
    <message>
        <source>By:</source>
        <translation>連絡方法：</translation>
    </message>
    <message>
        <source>What did the applicant say?</source>
        <translation>連絡の内容：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
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
