<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>UpgradeNotice</name>
    <message>
        <source>The database was upgraded to schema %1.</source>
        <translation>データベースを新しい形式（スキーマ %1）に更新しました。</translation>
    </message>
    <message>
        <source>A copy of the database as it was before is kept in:</source>
        <translation>更新前のデータベースの控えを次の場所に保存しました：</translation>
    </message>
    <message>
        <source>No file copy was made (server database): keep the server&apos;s own backups.</source>
        <translation>サーバーのデータベースのため、ファイルの控えは作っていません。サーバー側のバックアップをご利用ください。</translation>
    </message>
    <message>
        <source>Database upgraded</source>
        <translation>データベースを更新しました</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>控え：%1</translation>
    </message>
</context>
</TS>
