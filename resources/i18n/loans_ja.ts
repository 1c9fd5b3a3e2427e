<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>LoansModel</name>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>機器</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Reservation / event</source>
        <translation>予約・イベント</translation>
    </message>
    <message>
        <source>Lent</source>
        <translation>貸与日</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>返却予定日</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>返却日</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Reservation %1</source>
        <translation>予約%1</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>イベント%1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>返却期限超過</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>貸与中</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>Lend equipment (002 4(1))</source>
        <translation>機器の貸与（002 4(1)）</translation>
    </message>
    <message>
        <source>e.g. tablet with charger</source>
        <translation>例：タブレット（充電器つき）</translation>
    </message>
    <message>
        <source>&amp;Reservation no.:</source>
        <translation>予約番号(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>機器(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Lent on:</source>
        <translation>貸与日(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Due back:</source>
        <translation>返却予定日(&amp;D)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>メモ(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Equipment returned</source>
        <translation>機器の返却</translation>
    </message>
    <message>
        <source>&amp;Returned on:</source>
        <translation>返却日(&amp;R)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>メモ(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>LoansView</name>
    <message>
        <source>Loans</source>
        <translation>貸与機器</translation>
    </message>
    <message>
        <source>Show &amp;returned</source>
        <translation>返却済みも表示(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lend equipment…</source>
        <translation>貸与を記録(&amp;L)…</translation>
    </message>
    <message>
        <source>Record &amp;return…</source>
        <translation>返却を記録(&amp;E)…</translation>
    </message>
    <message>
        <source>Out: %1, overdue: %2</source>
        <translation>貸与中：%1件　うち返却期限超過：%2件</translation>
    </message>
    <message>
        <source>This office does not lend equipment.</source>
        <translation>この事業所は機器の貸与を行っていません。</translation>
    </message>
</context>
</TS>
