<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="50" />
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="50" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="50" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="50" />
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="50" />
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="51" />
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>&amp;Verify the whole log</source>
        <translation>操作記録全体を検証(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reinstall the protection</source>
        <translation>保護を再設定(&amp;R)</translation>
    </message>
    <message>
        <source>Put back the triggers that refuse changes to the audit log? Entries changed or deleted while they were gone stay visible as a break in the chain.</source>
        <translation>操作記録の変更・削除を拒否するトリガーを再設定しますか？トリガーがない間に変更・削除された記録は、連鎖の切れ目として残ります。</translation>
    </message>
    <message>
        <source>Audit log protection</source>
        <translation>操作記録の保護</translation>
    </message>
    <message>
        <source>&amp;Reinstall</source>
        <translation>再設定する(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="106" />
        <source>login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="110" />
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="111" />
        <source>Reservation changes</source>
        <translation>予約の変更</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="112" />
        <source>Exports</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="113" />
        <source>Prints and PDFs</source>
        <translation>印刷・PDF</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="114" />
        <source>Revealed credentials</source>
        <translation>接続情報の表示</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="115" />
        <source>Sign-ins</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="116" />
        <source>Staff accounts</source>
        <translation>職員アカウント</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="117" />
        <source>Backups and restores</source>
        <translation>バックアップ・復元</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="118" />
        <source>Anonymisation</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="123" />
        <source>target contains…</source>
        <translation>対象に含む文字…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="127" />
        <source>&amp;Export CSV…</source>
        <translation>CSV出力(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="129" />
        <source>&amp;From:</source>
        <translation>期間(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="131" />
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="131" />
        <source>Staff:</source>
        <translation>職員：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="189" />
        <source>%1 entries</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="191" />
        <source>(the newest %1 shown; narrow the period or export the CSV)</source>
        <translation>（新しい順に%1件を表示。期間を絞るかCSVに出力してください）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="197" />
        <source>audit-log</source>
        <translation>操作記録</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="199" />
        <source>Export CSV</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="210" />
        <source>CSV export</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="211" />
        <source>%1 rows written to %2.</source>
        <translation>%1行を %2 に出力しました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/audit_view.py" line="1" />
        <source>Exporting CSV</source>
        <translation>CSVを書き出しています</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="147" />
        <source>No data for this period</source>
        <translation>この期間のデータはありません</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="175" />
        <source>Columns of the reservations CSV</source>
        <translation>予約一覧CSVの項目</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="191" />
        <source>&amp;Mask phone, e-mail, address and job-seeker number</source>
        <translation>電話番号・メールアドレス・住所・求職番号を伏せる(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="196" />
        <source>Personal data can be exported by supervisors only.</source>
        <translation>個人情報を含む出力は管理監督者のみ行えます。</translation>
    </message>
</context>
<context>
    <name>DailyReviewModel</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="91" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="91" />
        <source>Seat / counsellor</source>
        <translation>席・相談員</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="91" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="91" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="92" />
        <source>Applied by</source>
        <translation>申込方法</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="92" />
        <source>Meeting details</source>
        <translation>接続案内</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="92" />
        <source>Callback</source>
        <translation>折返し電話</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="110" />
        <source>open (%1 calls)</source>
        <translation>未完了（架電%1回）</translation>
    </message>
</context>
<context>
    <name>DailyReviewView</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="259" />
        <source>&amp;Day:</source>
        <translation>日付(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="261" />
        <source>&amp;All offices</source>
        <translation>全事業所(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="263" />
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="265" />
        <source>Save as P&amp;DF…</source>
        <translation>PDFで保存(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="327" />
        <source>no sessions</source>
        <translation>予約なし</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="329" />
        <source>Sessions: %1 (%2)</source>
        <translation>予約：%1件（%2）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="330" />
        <source>Open phone callbacks: %1</source>
        <translation>未完了の電話折返し：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="331" />
        <source>No-shows: %1</source>
        <translation>無断キャンセル：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="332" />
        <source>Meeting details due today or overdue: %1</source>
        <translation>接続案内の送付期限（本日・期限切れ）：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="362" />
        <source>daily-review</source>
        <translation>日次確認表</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="369" />
        <source>Save as PDF</source>
        <translation>PDFで保存</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="1" />
        <source>Saving the PDF</source>
        <translation>PDFを保存しています</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="113" />
        <source>Create the administrator</source>
        <translation>システム管理者の登録</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="117" />
        <source>This database has no staff accounts yet. Create the administrator's account; the administrator then adds the other staff (Administration &gt; Staff).</source>
        <translation>このデータベースには職員アカウントがまだありません。システム管理者のアカウントを作成してください。ほかの職員はシステム管理者が登録します（管理 &gt; 職員）。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="134" />
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="135" />
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="136" />
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="137" />
        <source>&amp;Repeat password:</source>
        <translation>パスワード（確認）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="139" />
        <source>At least %1 characters.</source>
        <translation>%1文字以上にしてください。</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="272" />
        <source>Change my password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="283" />
        <source>&amp;Current password:</source>
        <translation>現在のパスワード(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="284" />
        <source>&amp;New password:</source>
        <translation>新しいパスワード(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="285" />
        <source>R&amp;epeat password:</source>
        <translation>パスワード（確認）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="142" />
        <source>New password for %1</source>
        <translation>%1 の新しいパスワード</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="151" />
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="152" />
        <source>R&amp;epeat password:</source>
        <translation>パスワード（確認）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="42" />
        <source>Anonymise old personal data</source>
        <translation>古い個人情報の匿名化</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="46" />
        <source>Names, readings, phone numbers, e-mail addresses, addresses, job-seeker numbers and free-text answers of people whose every reservation is older than the cut-off are replaced. Reservations, statuses and history stay, so statistics do not change. This cannot be undone.</source>
        <translation>すべての予約が基準日より前に終わっている方の氏名・ふりがな・電話番号・メールアドレス・住所・求職番号・自由記述の回答を消去します。予約・状態・履歴は残るため、統計は変わりません。元に戻すことはできません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="54" />
        <source>Past each office's &amp;retention period</source>
        <translation>事業所ごとの保存期間を過ぎたもの(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="55" />
        <source>Ended &amp;before:</source>
        <translation>次の日より前に終了したもの(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="73" />
        <source>&amp;Anonymise</source>
        <translation>匿名化する(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="96" />
        <source>%1 reservations of %2 people will be anonymised.</source>
        <translation>%2人・%1件の予約の個人情報を匿名化します。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="1" />
        <source>Anonymising old personal data</source>
        <translation>古い個人情報を匿名化しています</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="222" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="223" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="229" />
        <source>&amp;All offices</source>
        <translation>全事業所(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="232" />
        <source>Chart: by status</source>
        <translation>グラフ：状態別</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="233" />
        <source>Chart: sessions by day</source>
        <translation>グラフ：日別予約数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="234" />
        <source>Chart: by counsellor</source>
        <translation>グラフ：相談員別</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="239" />
        <source>Statistics &amp;CSV…</source>
        <translation>統計CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="241" />
        <source>&amp;Reservations CSV…</source>
        <translation>予約一覧CSV(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="243" />
        <source>&amp;Period:</source>
        <translation>期間(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="248" />
        <source>Encoding:</source>
        <translation>文字コード：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="310" />
        <source>%1: applications are counted by the day they came in, everything else by the session's day.</source>
        <translation>%1：申込数は申込を受け付けた日、それ以外は相談の実施日で数えています。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="324" />
        <source>Sessions by day</source>
        <translation>日別の予約数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="327" />
        <source>Sessions by counsellor or seat</source>
        <translation>相談員（席）別の予約数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="332" />
        <source>Sessions by status</source>
        <translation>状態別の予約数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="337" />
        <source>%1 rows written to %2.</source>
        <translation>%1行を %2 に出力しました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="340" />
        <source>Shift_JIS cannot hold these characters; they were written as 〓: %1</source>
        <translation>次の文字はShift_JISで表せないため「〓」で出力しました：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="341" />
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="343" />
        <source>CSV export</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="346" />
        <source>Export CSV</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="353" />
        <source>statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="375" />
        <source>reservations</source>
        <translation>予約一覧</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="1" />
        <source>Exporting CSV</source>
        <translation>CSVを書き出しています</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="1" />
        <source>Counting</source>
        <translation>集計しています</translation>
    </message>
</context>
<context>
    <name>ReviewDocument</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="146" />
        <source>Daily review</source>
        <translation>日次確認</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="147" />
        <source>Printed %1 by %2</source>
        <translation>%1 %2 印刷</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="148" />
        <source>Sessions: %1</source>
        <translation>予約：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="149" />
        <source>Contains personal data: keep it at the counter and shred it when no longer needed.</source>
        <translation>個人情報を含みます。窓口で管理し、不要になったらシュレッダーで廃棄してください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="169" />
        <source>Open phone callbacks: %1</source>
        <translation>未完了の電話折返し：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="170" />
        <source>No-shows: %1</source>
        <translation>無断キャンセル：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="171" />
        <source>Meeting details due today or overdue: %1</source>
        <translation>接続案内の送付期限（本日・期限切れ）：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="176" />
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="176" />
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="188" />
        <source>Session</source>
        <translation>相談日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="176" />
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="183" />
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="188" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="176" />
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="176" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="177" />
        <source>Calls</source>
        <translation>架電回数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="183" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="183" />
        <source>Seat / counsellor</source>
        <translation>席・相談員</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="188" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="188" />
        <source>Meeting details</source>
        <translation>接続案内</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/daily_review.py" line="197" />
        <source>None</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="54" />
        <source>Locked</source>
        <translation>画面ロック</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="54" />
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="85" />
        <source>Sign in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="57" />
        <source>The desk was locked after a time without use. %1 or another staff member may sign in.</source>
        <translation>一定時間操作がなかったため画面をロックしました。%1さん、またはほかの職員がログインしてください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="60" />
        <source>Sign in with your staff login.</source>
        <translation>職員のログインIDでログインしてください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="70" />
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="71" />
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="80" />
        <source>Demo accounts (login / password): %1</source>
        <translation>デモ用アカウント（ログインID / パスワード）：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="86" />
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/sign_in_dialog.py" line="86" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="181" />
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="201" />
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="203" />
        <source>&amp;Edit…</source>
        <translation>変更(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="205" />
        <source>Set &amp;password…</source>
        <translation>パスワード設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="207" />
        <source>&amp;Deactivate / activate</source>
        <translation>無効化・有効化(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="212" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>StaffEditDialog</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="75" />
        <source>Edit staff member</source>
        <translation>職員の変更</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="75" />
        <source>New staff member</source>
        <translation>職員の追加</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="90" />
        <source>(all offices)</source>
        <translation>（全事業所）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="94" />
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="95" />
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="96" />
        <source>&amp;Role:</source>
        <translation>役割(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="97" />
        <source>&amp;Office:</source>
        <translation>事業所(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="105" />
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="106" />
        <source>R&amp;epeat password:</source>
        <translation>パスワード（確認）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="53" />
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="53" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="53" />
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="53" />
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="53" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="61" />
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/staff_dialog.py" line="61" />
        <source>inactive</source>
        <translation>無効</translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="72" />
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="73" />
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="74" />
        <source>Counsellor</source>
        <translation>相談員</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="75" />
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="76" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="82" />
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="82" />
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="82" />
        <source>Applications</source>
        <translation>申込数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="82" />
        <source>Sessions</source>
        <translation>予約数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="82" />
        <source>Completed</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="83" />
        <source>By phone</source>
        <translation>電話相談で終了</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="83" />
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="83" />
        <source>Same day</source>
        <translation>うち当日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="83" />
        <source>No-shows</source>
        <translation>無断キャンセル</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="84" />
        <source>Connection failures</source>
        <translation>接続不良</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="84" />
        <source>Average minutes</source>
        <translation>平均時間（分）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/reports_view.py" line="107" />
        <source>%1 (no counsellor assigned)</source>
        <translation>%1（相談員未割当）</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <source>&amp;Open the audit log</source>
        <translation>操作記録を開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="132" />
        <source>Daily review</source>
        <translation>日次確認</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="134" />
        <source>Reports</source>
        <translation>統計・レポート</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="136" />
        <source>Audit log</source>
        <translation>操作記録</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="139" />
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="142" />
        <source>&amp;Staff…</source>
        <translation>職員(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="143" />
        <source>&amp;Back up now…</source>
        <translation>今すぐバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="144" />
        <source>&amp;Restore from a backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="145" />
        <source>&amp;Anonymise old personal data…</source>
        <translation>古い個人情報の匿名化(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="155" />
        <source>&amp;Change my password…</source>
        <translation>パスワードの変更(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="174" />
        <source>Password changed.</source>
        <translation>パスワードを変更しました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="179" />
        <source>Back up the database</source>
        <translation>データベースのバックアップ</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="180" />
        <source>Database backup (*.sqlite3)</source>
        <translation>データベースのバックアップ (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="189" />
        <source>Backup saved: %1 (%2 reservations)</source>
        <translation>バックアップを保存しました：%1（予約%2件）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="199" />
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="213" />
        <source>Restore from a backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="200" />
        <source>Database backup (*.sqlite3);;All files (*)</source>
        <translation>データベースのバックアップ (*.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="210" />
        <source>Replace the data of every office with this backup?

%1
%2 reservations, schema %3.

The current data is kept as a safety copy in the backups folder. Everyone signs in again afterwards.</source>
        <translation>すべての事業所のデータをこのバックアップの内容に置き換えますか？

%1
予約%2件、スキーマ%3

現在のデータは backups フォルダに控えとして保存します。復元後は全員がログインし直します。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="213" />
        <source>&amp;Restore</source>
        <translation>復元する(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="220" />
        <source>Restored from %1; the previous data is in %2.</source>
        <translation>%1 から復元しました。復元前のデータは %2 にあります。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="230" />
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="273" />
        <source>%1 reservations anonymised.</source>
        <translation>予約%1件の個人情報を匿名化しました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="241" />
        <source>The daily backup failed: %1</source>
        <translation>毎日の自動バックアップに失敗しました：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="244" />
        <source>Daily backup saved: %1</source>
        <translation>毎日の自動バックアップを保存しました：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="262" />
        <source>%1 reservations of %2 people are past their office's retention period. Anonymise their personal data now? Statistics do not change.</source>
        <translation>%2人・%1件の予約が事業所の保存期間を過ぎています。個人情報を今すぐ匿名化しますか？（統計は変わりません）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="265" />
        <source>Retention period</source>
        <translation>個人情報の保存期間</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="1" />
        <source>Anonymising old personal data</source>
        <translation>古い個人情報を匿名化しています</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="1" />
        <source>Backing up the database</source>
        <translation>データベースをバックアップしています</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="1" />
        <source>Restoring from a backup</source>
        <translation>バックアップから復元しています</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="1" />
        <source>Daily backup</source>
        <translation>日次バックアップ</translation>
    </message>
</context>
</TS>