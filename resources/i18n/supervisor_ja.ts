<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AuditModel</name>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>すべての操作</translation>
    </message>
    <message>
        <source>Reservation changes</source>
        <translation>予約の変更</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <source>Prints and PDFs</source>
        <translation>印刷・PDF</translation>
    </message>
    <message>
        <source>Revealed credentials</source>
        <translation>接続情報の表示</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>職員アカウント</translation>
    </message>
    <message>
        <source>Backups and restores</source>
        <translation>バックアップ・復元</translation>
    </message>
    <message>
        <source>Anonymisation</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <source>target contains…</source>
        <translation>対象に含む文字…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV出力(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>期間(&amp;F)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>職員：</translation>
    </message>
    <message>
        <source>&amp;Verify the whole log</source>
        <translation>操作記録全体を検証(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reinstall the protection</source>
        <translation>保護を再設定(&amp;R)</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1件</translation>
    </message>
    <message>
        <source>(the newest %1 shown; narrow the period or export the CSV)</source>
        <translation>（新しい順に%1件を表示。期間を絞るかCSVに出力してください）</translation>
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
        <source>audit-log</source>
        <translation>操作記録</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <source>CSV export</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>%1行を %2 に出力しました。</translation>
    </message>
    <message>
        <source>Exporting CSV</source>
        <translation>CSVを書き出しています</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data for this period</source>
        <translation>この期間のデータはありません</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <source>Columns of the reservations CSV</source>
        <translation>予約一覧CSVの項目</translation>
    </message>
    <message>
        <source>&amp;Mask phone, e-mail, address and job-seeker number</source>
        <translation>電話番号・メールアドレス・住所・求職番号を伏せる(&amp;M)</translation>
    </message>
    <message>
        <source>Personal data can be exported by supervisors only.</source>
        <translation>個人情報を含む出力は管理監督者のみ行えます。</translation>
    </message>
</context>
<context>
    <name>DailyReviewModel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Seat / counsellor</source>
        <translation>席・相談員</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation>申込方法</translation>
    </message>
    <message>
        <source>Meeting details</source>
        <translation>接続案内</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>折返し電話</translation>
    </message>
    <message>
        <source>open (%1 calls)</source>
        <translation>未完了（架電%1回）</translation>
    </message>
</context>
<context>
    <name>DailyReviewView</name>
    <message>
        <source>&amp;Day:</source>
        <translation>日付(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;All offices</source>
        <translation>全事業所(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>PDFで保存(&amp;D)…</translation>
    </message>
    <message>
        <source>no sessions</source>
        <translation>予約なし</translation>
    </message>
    <message>
        <source>Sessions: %1 (%2)</source>
        <translation>予約：%1件（%2）</translation>
    </message>
    <message>
        <source>Open phone callbacks: %1</source>
        <translation>未完了の電話折返し：%1件</translation>
    </message>
    <message>
        <source>No-shows: %1</source>
        <translation>無断キャンセル：%1件</translation>
    </message>
    <message>
        <source>Meeting details due today or overdue: %1</source>
        <translation>接続案内の送付期限（本日・期限切れ）：%1件</translation>
    </message>
    <message>
        <source>daily-review</source>
        <translation>日次確認表</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDFで保存</translation>
    </message>
    <message>
        <source>Saving the PDF</source>
        <translation>PDFを保存しています</translation>
    </message>
</context>
<context>
    <name>MeetingsDialog</name>
    <message>
        <source>Meeting platform — %1</source>
        <translation>会議サービスの設定 — %1</translation>
    </message>
    <message>
        <source>Creating meetings needs a PC that may reach %1 over the internet (in separated networks: the internet-connected segment, not LGWAN). Without it the desk works fully: the details are typed in.</source>
        <translation>会議の自動作成には、%1にインターネット経由で接続できるPC（ネットワーク分離環境ではLGWAN接続系ではなくインターネット接続系）が必要です。使わない場合も窓口の機能はすべて使えます（接続情報は手入力）。</translation>
    </message>
    <message>
        <source>Not used (details typed in)</source>
        <translation>使わない（接続情報は手入力）</translation>
    </message>
    <message>
        <source>On demand (the “Create meeting” button)</source>
        <translation>必要なときに作成（「会議を作成」ボタン）</translation>
    </message>
    <message>
        <source>Automatically when a reservation is confirmed</source>
        <translation>予約確定時に自動で作成</translation>
    </message>
    <message>
        <source>&amp;Meetings:</source>
        <translation>会議の作成(&amp;M)：</translation>
    </message>
    <message>
        <source>Online meeting (OnlineMeetings.ReadWrite.All)</source>
        <translation>オンライン会議（OnlineMeetings.ReadWrite.All）</translation>
    </message>
    <message>
        <source>Calendar event with a Teams meeting (Calendars.ReadWrite)</source>
        <translation>Teams会議付きの予定表イベント（Calendars.ReadWrite）</translation>
    </message>
    <message>
        <source>Account ID:</source>
        <translation>アカウントID：</translation>
    </message>
    <message>
        <source>Tenant ID:</source>
        <translation>テナントID：</translation>
    </message>
    <message>
        <source>Organiser&apos;s user ID or e-mail</source>
        <translation>開催者のユーザーIDまたはメールアドレス</translation>
    </message>
    <message>
        <source>Create as:</source>
        <translation>作成方法：</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>クライアントID：</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>クライアントシークレット：</translation>
    </message>
    <message>
        <source>Organiser (user):</source>
        <translation>開催者（ユーザー）：</translation>
    </message>
    <message>
        <source>API URL:</source>
        <translation>API URL：</translation>
    </message>
    <message>
        <source>Sign-in URL:</source>
        <translation>認証URL：</translation>
    </message>
    <message>
        <source>%1 has no public interface for creating meetings: staff type the details in.</source>
        <translation>%1には会議を作成する公開APIがないため、接続情報は職員が手入力します。</translation>
    </message>
    <message>
        <source>Connection &amp;test</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Saves the settings, then creates a test meeting and deletes it at once</source>
        <translation>設定を保存し、テスト用の会議を作成してすぐに削除します</translation>
    </message>
    <message>
        <source>Meetings left to delete on the platform</source>
        <translation>会議サービス側で削除できていない会議（要整理リスト）</translation>
    </message>
    <message>
        <source>&amp;Delete again</source>
        <translation>もう一度削除(&amp;D)</translation>
    </message>
    <message>
        <source>Use the variable %1 instead.</source>
        <translation>代わりに環境変数 %1 を使ってください。</translation>
    </message>
    <message>
        <source>The client secret is kept in this PC&apos;s keyring, never in the database.</source>
        <translation>クライアントシークレットはこのPCの資格情報ストアに保管し、データベースには保存しません。</translation>
    </message>
    <message>
        <source>Stored (empty: keep)</source>
        <translation>保存済み（空欄なら変更しません）</translation>
    </message>
    <message>
        <source>Not stored yet</source>
        <translation>未登録</translation>
    </message>
    <message>
        <source>reservation #%1</source>
        <translation>予約 %1</translation>
    </message>
    <message>
        <source>test</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>接続テスト中…</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>現在のパスワード(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新しいパスワード(&amp;N)：</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>パスワード（確認）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for %1</source>
        <translation>%1 の新しいパスワード</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>パスワード（確認）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Anonymise old personal data</source>
        <translation>古い個人情報の匿名化</translation>
    </message>
    <message>
        <source>Names, readings, phone numbers, e-mail addresses, addresses, job-seeker numbers and free-text answers of people whose every reservation is older than the cut-off are replaced. Reservations, statuses and history stay, so statistics do not change. This cannot be undone.</source>
        <translation>すべての予約が基準日より前に終わっている方の氏名・ふりがな・電話番号・メールアドレス・住所・求職番号・自由記述の回答を消去します。予約・状態・履歴は残るため、統計は変わりません。元に戻すことはできません。</translation>
    </message>
    <message>
        <source>Past each office&apos;s &amp;retention period</source>
        <translation>事業所ごとの保存期間を過ぎたもの(&amp;R)</translation>
    </message>
    <message>
        <source>Ended &amp;before:</source>
        <translation>次の日より前に終了したもの(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Anonymise</source>
        <translation>匿名化する(&amp;A)</translation>
    </message>
    <message>
        <source>%1 reservations of %2 people will be anonymised.</source>
        <translation>%2人・%1件の予約の個人情報を匿名化します。</translation>
    </message>
    <message>
        <source>Anonymising old personal data</source>
        <translation>古い個人情報を匿名化しています</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>&amp;All offices</source>
        <translation>全事業所(&amp;A)</translation>
    </message>
    <message>
        <source>Chart: by status</source>
        <translation>グラフ：状態別</translation>
    </message>
    <message>
        <source>Chart: sessions by day</source>
        <translation>グラフ：日別予約数</translation>
    </message>
    <message>
        <source>Chart: by counsellor</source>
        <translation>グラフ：相談員別</translation>
    </message>
    <message>
        <source>Statistics &amp;CSV…</source>
        <translation>統計CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reservations CSV…</source>
        <translation>予約一覧CSV(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P)：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>文字コード：</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>集計しています</translation>
    </message>
    <message>
        <source>%1: applications are counted by the day they came in, everything else by the session&apos;s day.</source>
        <translation>%1：申込数は申込を受け付けた日、それ以外は相談の実施日で数えています。</translation>
    </message>
    <message>
        <source>Sessions by day</source>
        <translation>日別の予約数</translation>
    </message>
    <message>
        <source>Sessions by counsellor or seat</source>
        <translation>相談員（席）別の予約数</translation>
    </message>
    <message>
        <source>Sessions by status</source>
        <translation>状態別の予約数</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>%1行を %2 に出力しました。</translation>
    </message>
    <message>
        <source>Shift_JIS cannot hold these characters; they were written as 〓: %1</source>
        <translation>次の文字はShift_JISで表せないため「〓」で出力しました：%1</translation>
    </message>
    <message>
        <source>CSV export</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV出力</translation>
    </message>
    <message>
        <source>Exporting CSV</source>
        <translation>CSVを書き出しています</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <source>reservations</source>
        <translation>予約一覧</translation>
    </message>
</context>
<context>
    <name>ReviewDocument</name>
    <message>
        <source>Daily review</source>
        <translation>日次確認</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>%1 %2 印刷</translation>
    </message>
    <message>
        <source>Sessions: %1</source>
        <translation>予約：%1件</translation>
    </message>
    <message>
        <source>Contains personal data: keep it at the counter and shred it when no longer needed.</source>
        <translation>個人情報を含みます。窓口で管理し、不要になったらシュレッダーで廃棄してください。</translation>
    </message>
    <message>
        <source>Open phone callbacks: %1</source>
        <translation>未完了の電話折返し：%1件</translation>
    </message>
    <message>
        <source>No-shows: %1</source>
        <translation>無断キャンセル：%1件</translation>
    </message>
    <message>
        <source>Meeting details due today or overdue: %1</source>
        <translation>接続案内の送付期限（本日・期限切れ）：%1件</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>相談日時</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>架電回数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Seat / counsellor</source>
        <translation>席・相談員</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Meeting details</source>
        <translation>接続案内</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>変更(&amp;E)…</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>パスワード設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate / activate</source>
        <translation>無効化・有効化(&amp;D)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>StaffEditDialog</name>
    <message>
        <source>Edit staff member</source>
        <translation>職員の変更</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>職員の追加</translation>
    </message>
    <message>
        <source>(all offices)</source>
        <translation>（全事業所）</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>氏名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>役割(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>事業所(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>パスワード（確認）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>無効</translation>
    </message>
</context>
<context>
    <name>StatisticsModel</name>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>相談員</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申込数</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>予約数</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>電話相談で終了</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Same day</source>
        <translation>うち当日</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>無断キャンセル</translation>
    </message>
    <message>
        <source>Connection failures</source>
        <translation>接続不良</translation>
    </message>
    <message>
        <source>Average minutes</source>
        <translation>平均時間（分）</translation>
    </message>
    <message>
        <source>%1 (no counsellor assigned)</source>
        <translation>%1（相談員未割当）</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <source>Daily review</source>
        <translation>日次確認</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>統計・レポート</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作記録</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Staff…</source>
        <translation>職員(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>今すぐバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Anonymise old personal data…</source>
        <translation>古い個人情報の匿名化(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Meeting platform (Zoom, Teams)…</source>
        <translation>会議サービスの設定（Zoom・Teams）(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>パスワードの変更(&amp;C)…</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>パスワードを変更しました。</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>データベースのバックアップ</translation>
    </message>
    <message>
        <source>Database backup (*.sqlite3)</source>
        <translation>データベースのバックアップ (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backup saved: %1 (%2 reservations)</source>
        <translation>バックアップを保存しました：%1（予約%2件）</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>データベースをバックアップしています</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Database backup (*.sqlite3);;All files (*)</source>
        <translation>データベースのバックアップ (*.sqlite3);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Restoring from a backup</source>
        <translation>バックアップから復元しています</translation>
    </message>
    <message>
        <source>Restored from %1; the previous data is in %2.</source>
        <translation>%1 から復元しました。復元前のデータは %2 にあります。</translation>
    </message>
    <message>
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
        <source>&amp;Restore</source>
        <translation>復元する(&amp;R)</translation>
    </message>
    <message>
        <source>%1 reservations anonymised.</source>
        <translation>予約%1件の個人情報を匿名化しました。</translation>
    </message>
    <message>
        <source>Daily backup saved: %1</source>
        <translation>毎日の自動バックアップを保存しました：%1</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>毎日の自動バックアップに失敗しました：%1</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>毎日の自動バックアップ</translation>
    </message>
    <message>
        <source>&amp;Open the audit log</source>
        <translation>操作記録を開く(&amp;O)</translation>
    </message>
    <message>
        <source>%1 reservations of %2 people are past their office&apos;s retention period. Anonymise their personal data now? Statistics do not change.</source>
        <translation>%2人・%1件の予約が事業所の保存期間を過ぎています。個人情報を今すぐ匿名化しますか？（統計は変わりません）</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>個人情報の保存期間</translation>
    </message>
    <message>
        <source>Anonymising old personal data</source>
        <translation>古い個人情報を匿名化しています</translation>
    </message>
</context>
</TS>
