<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>BookingDialog</name>
    <message>
        <source>%1 minutes</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>A %1-minute session does not end within the hours at this time</source>
        <translation>この時刻からの%1分の相談は実施時間内に終わりません</translation>
    </message>
    <message>
        <source>Reschedule reservation #%1</source>
        <translation>予約 #%1 の日程変更</translation>
    </message>
    <message>
        <source>New booking — %1</source>
        <translation>新規予約 — %1</translation>
    </message>
    <message>
        <source>&amp;Reschedule</source>
        <translation>日程を変更(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>予約する(&amp;B)</translation>
    </message>
    <message>
        <source>Move %1&apos;s reservation of %2 (%3) to another slot. The old one becomes “%4”.</source>
        <translation>%1 様の %2 の予約（%3）を別の枠に移します。元の予約は「%4」になります。</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>催し</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>時間(&amp;T)</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申込者</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例：%1</translation>
    </message>
    <message>
        <source>Clause: %1</source>
        <translation>根拠：%1</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申込み</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>申込経路(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>The city caused the connection failure</source>
        <translation>接続不良の原因は市（事業所）側</translation>
    </message>
    <message>
        <source>This office does not take applications by %1 (%2).</source>
        <translation>この事業所では%1による申込みを受け付けていません（%2）。</translation>
    </message>
    <message>
        <source>This office does not take applications by %1.</source>
        <translation>この事業所では%1による申込みを受け付けていません。</translation>
    </message>
    <message>
        <source>Companions named in advance</source>
        <translation>事前に届け出る同席者</translation>
    </message>
    <message>
        <source>Interpreter, assistant or family joining the session, with relation or affiliation.</source>
        <translation>相談に同席する通訳者・介助者・家族など（所属・続柄も）</translation>
    </message>
    <message>
        <source>&amp;Add companion</source>
        <translation>同席者を追加(&amp;A)</translation>
    </message>
    <message>
        <source>Consent to the terms of use</source>
        <translation>利用規約への同意</translation>
    </message>
    <message>
        <source>&amp;Consent checklist…</source>
        <translation>同意チェックリスト(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Go ahead: staff checked the earlier trouble</source>
        <translation>確認のうえ受け付ける(&amp;G)</translation>
    </message>
    <message>
        <source>Re&amp;fuse the booking</source>
        <translation>受付を断る(&amp;F)</translation>
    </message>
    <message>
        <source>free %1 of %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <source>(full)</source>
        <translation>（満席）</translation>
    </message>
    <message>
        <source>(not bookable)</source>
        <translation>（受付不可）</translation>
    </message>
    <message>
        <source>Application deadline: %1</source>
        <translation>申込締切：%1</translation>
    </message>
    <message>
        <source>Meeting details to be sent by: %1</source>
        <translation>接続情報の送付期限：%1</translation>
    </message>
    <message>
        <source>%1 is a closed day (%2)</source>
        <translation>%1 は休業日です（%2）</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>時間を選んでください</translation>
    </message>
    <message>
        <source>Earlier trouble with this applicant:</source>
        <translation>この申込者には過去の利用上の問題があります：</translation>
    </message>
    <message>
        <source>Go ahead (recorded in the reservation&apos;s history) or refuse (recorded in the audit log).</source>
        <translation>受け付ける場合は予約の履歴に、断る場合は監査ログに記録されます。</translation>
    </message>
    <message>
        <source>%1 of %2 items confirmed</source>
        <translation>%2 項目中 %1 項目確認済み</translation>
    </message>
    <message>
        <source>Terms version: %1</source>
        <translation>規約の版：%1</translation>
    </message>
    <message>
        <source>Consent was given to an older version (%1)</source>
        <translation>旧版（%1）への同意です</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>未入力・要確認：%1</translation>
    </message>
    <message>
        <source>The consent checklist is not complete</source>
        <translation>同意チェックリストが完了していません</translation>
    </message>
    <message>
        <source>Earlier trouble: tick “Go ahead” or refuse the booking</source>
        <translation>過去の問題あり：「確認のうえ受け付ける」にチェックするか、受付を断ってください</translation>
    </message>
    <message>
        <source>Discard what you typed in this booking?</source>
        <translation>この予約に入力した内容を破棄しますか？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄する(&amp;D)</translation>
    </message>
    <message>
        <source>Move reservation #%1 to %2? The old reservation becomes “%3”.</source>
        <translation>予約 #%1 を %2 に変更しますか？元の予約は「%3」になります。</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>日程を変更</translation>
    </message>
    <message>
        <source>Refuse this booking because of the earlier trouble? The decision is recorded.</source>
        <translation>過去の問題を理由に受付を断りますか？この判断は記録されます。</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>断る</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>今日へ移動</translation>
    </message>
    <message>
        <source>Previous month / week / day</source>
        <translation>前の月・週・日</translation>
    </message>
    <message>
        <source>Next month / week / day</source>
        <translation>次の月・週・日</translation>
    </message>
    <message>
        <source>Month view</source>
        <translation>月表示</translation>
    </message>
    <message>
        <source>Week view</source>
        <translation>週表示</translation>
    </message>
    <message>
        <source>Day timeline</source>
        <translation>日表示（時間割）</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>休業日：%1</translation>
    </message>
    <message>
        <source>No consultations at this time</source>
        <translation>この時間は相談を行っていません</translation>
    </message>
</context>
<context>
    <name>CompanionRow</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Relation or affiliation</source>
        <translation>所属・続柄</translation>
    </message>
    <message>
        <source>Remove this companion</source>
        <translation>この同席者を削除</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Consent checklist — %1</source>
        <translation>同意チェックリスト — %1</translation>
    </message>
    <message>
        <source>Version %1, effective %2</source>
        <translation>版：%1&#x3000;施行日：%2</translation>
    </message>
    <message>
        <source>Read the full &amp;terms…</source>
        <translation>規約の全文を読む(&amp;T)…</translation>
    </message>
    <message>
        <source>Read each item to the applicant and tick it with Space when they confirm it (Space moves on to the next); Enter records.</source>
        <translation>各項目を申込者に読み上げ、確認が取れたら Space でチェックします（Space で次の項目へ進みます）。Enter で記録します。</translation>
    </message>
    <message>
        <source>Conditions of use (required) come first; the advice the terms ask the applicant to follow is read out or sent and recorded as advised.</source>
        <translation>利用条件（必須）が先に並びます。規約が申込者に求める注意事項は、読み上げるか送付して「案内済み」として記録します。</translation>
    </message>
    <message>
        <source>(advice: tick when read out or sent; recorded as advised, not required)</source>
        <translation>（注意事項：読み上げ・送付したらチェック。案内済みとして記録、必須ではありません）</translation>
    </message>
    <message>
        <source>Clause: %1</source>
        <translation>根拠：%1</translation>
    </message>
    <message>
        <source>&amp;All read and confirmed</source>
        <translation>すべて読み上げて確認済み(&amp;A)</translation>
    </message>
    <message>
        <source>Ticks every item once all were read out and the applicant confirmed them</source>
        <translation>すべて読み上げて申込者が確認したとき、全項目をまとめてチェックします</translation>
    </message>
    <message>
        <source>&amp;Record consent</source>
        <translation>同意を記録(&amp;R)</translation>
    </message>
    <message>
        <source>Not yet confirmed: %1 of the required items</source>
        <translation>未確認の必須項目：%1 件</translation>
    </message>
    <message>
        <source>Every required item is confirmed.</source>
        <translation>必須項目はすべて確認済みです。</translation>
    </message>
</context>
<context>
    <name>CredentialsView</name>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Meeting ID</source>
        <translation>ミーティングID</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>パスコード</translation>
    </message>
    <message>
        <source>Room key</source>
        <translation>ルームキー</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Re&amp;veal passcode / key</source>
        <translation>パスコード等を表示(&amp;V)</translation>
    </message>
    <message>
        <source>No meeting details yet.</source>
        <translation>接続情報はまだありません。</translation>
    </message>
    <message>
        <source>Issued %1 by %2</source>
        <translation>発行：%1（%2）</translation>
    </message>
</context>
<context>
    <name>CredentialsWidget</name>
    <message>
        <source>Re&amp;veal</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Issue &amp;new (lost/stolen)…</source>
        <translation>再発行（紛失・盗難）(&amp;N)…</translation>
    </message>
    <message>
        <source>E-&amp;mail…</source>
        <translation>メール(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source> (a new URL for every session)</source>
        <translation>（相談ごとに新しいURL）</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（未登録）</translation>
    </message>
    <message>
        <source>Issued %1 by %2</source>
        <translation>%1 登録（%2）</translation>
    </message>
    <message>
        <source>No meeting details yet.</source>
        <translation>接続情報はまだ登録されていません。</translation>
    </message>
    <message>
        <source>Stored (empty: keep)</source>
        <translation>保存済み（空欄：変更しない）</translation>
    </message>
</context>
<context>
    <name>DayModel</name>
    <message>
        <source>Seat %1</source>
        <translation>席%1</translation>
    </message>
    <message>
        <source>Cancelled / moved</source>
        <translation>キャンセル・変更済み</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>The form&apos;s CSV file</source>
        <translation>フォームのCSVファイル</translation>
    </message>
    <message>
        <source>The answers exported from the electronic form (UTF-8 or Shift_JIS).</source>
        <translation>電子申請フォームから出力した回答一覧（UTF-8またはShift_JIS）を選びます。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F)：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>文字コード：</translation>
    </message>
    <message>
        <source>Form CSV</source>
        <translation>フォームのCSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSVファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 — %2 rows, %3 columns</source>
        <translation>%1 — %2 行、%3 列</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Will be booked: %1, refused: %2, already imported: %3</source>
        <translation>予約する：%1件、受付不可：%2件、取込済み：%3件</translation>
    </message>
    <message>
        <source>Booked: %1, refused: %2, already imported: %3</source>
        <translation>予約した：%1件、受付不可：%2件、取込済み：%3件</translation>
    </message>
    <message>
        <source>Import form applications</source>
        <translation>フォーム申込みの取込</translation>
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
        <translation>貸与中：%1件&#x3000;うち返却期限超過：%2件</translation>
    </message>
    <message>
        <source>This office does not lend equipment.</source>
        <translation>この事業所は機器の貸与を行っていません。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Which column holds what</source>
        <translation>どの列に何が入っているか</translation>
    </message>
    <message>
        <source>Map the form&apos;s columns to the office&apos;s fields once; the mapping is saved with the office.</source>
        <translation>フォームの列を事業所の入力項目に一度割り当てます。割り当ては事業所に保存され、次回から使われます。</translation>
    </message>
    <message>
        <source>&amp;Save this mapping with the office</source>
        <translation>この割り当てを事業所に保存する(&amp;S)</translation>
    </message>
    <message>
        <source>Saved &amp;mapping:</source>
        <translation>保存済みの割り当て(&amp;M)：</translation>
    </message>
    <message>
        <source>Mapping &amp;name:</source>
        <translation>割り当ての名前(&amp;N)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>(new mapping)</source>
        <translation>（新しい割り当て）</translation>
    </message>
</context>
<context>
    <name>MeetingButtons</name>
    <message>
        <source>Create &amp;meeting on %1</source>
        <translation>%1で会議を作成(&amp;M)</translation>
    </message>
    <message>
        <source>Delete meeting on %1</source>
        <translation>%1の会議を削除</translation>
    </message>
    <message>
        <source>Talking to %1…</source>
        <translation>%1と通信しています…</translation>
    </message>
    <message>
        <source>Made by %1.</source>
        <translation>%1で作成した会議です。</translation>
    </message>
    <message>
        <source>Talking to %1</source>
        <translation>%1と通信しています</translation>
    </message>
</context>
<context>
    <name>MonthDelegate</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Booked %1</source>
        <translation>予約 %1 件</translation>
    </message>
    <message>
        <source>Free %1 / %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <source>Closed for booking</source>
        <translation>受付終了</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>Booked %1</source>
        <translation>予約 %1 件</translation>
    </message>
    <message>
        <source>Free %1 / %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <source>(closed for booking)</source>
        <translation>（受付終了）</translation>
    </message>
    <message>
        <source>%1 of %2 seats booked</source>
        <translation>%2 席中 %1 席予約済み</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview: what each row will give</source>
        <translation>確認：各行の取込結果</translation>
    </message>
    <message>
        <source>Nothing is stored yet. Each row is checked with the same rules as a booking at the desk, the deadline at the time the form was sent.</source>
        <translation>まだ何も登録していません。各行を窓口での予約と同じ規則で確認します（締切はフォームの申込日時で判定）。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ReissueDialog</name>
    <message>
        <source>Issue new meeting credentials</source>
        <translation>接続情報の再発行</translation>
    </message>
    <message>
        <source>Who reported it, when (never the passcode itself)</source>
        <translation>誰から・いつ連絡があったか（パスコード等は書かない）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>メモ：</translation>
    </message>
    <message>
        <source>New value (empty: keep)</source>
        <translation>新しい値（空欄：変更しない）</translation>
    </message>
    <message>
        <source>&amp;Withdraw only (new ones later)</source>
        <translation>無効化のみ（再発行は後で）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Issue new</source>
        <translation>再発行(&amp;I)</translation>
    </message>
    <message>
        <source>The old credentials stop working for this session; the reason is recorded.</source>
        <translation>これまでの接続情報はこの相談では使えなくなります。理由は記録されます。</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Import report</source>
        <translation>取込結果</translation>
    </message>
</context>
<context>
    <name>ReservationPanel</name>
    <message>
        <source>Select a reservation in the calendar, or search for one (Ctrl+F).</source>
        <translation>カレンダーで予約を選ぶか、検索（Ctrl+F）してください。</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>予約内容</translation>
    </message>
    <message>
        <source>Meeting details</source>
        <translation>接続情報</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reservation #%1 belongs to another office: switch the office to see it.</source>
        <translation>予約 #%1 は別の事業所の予約です。表示するには事業所を切り替えてください。</translation>
    </message>
    <message>
        <source>Earlier trouble recorded for this applicant</source>
        <translation>この申込者には過去の利用上の問題が記録されています</translation>
    </message>
    <message>
        <source>Consent was given to an older version of the terms (%1); the current version is %2.</source>
        <translation>旧版の規約（%1）への同意です。現行の版は %2 です。</translation>
    </message>
    <message>
        <source>Asks for confirmation: cannot be undone</source>
        <translation>取り消せない操作のため確認があります</translation>
    </message>
    <message>
        <source>No further actions: the reservation is closed.</source>
        <translation>この予約は完了しており、これ以上の操作はありません。</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>席</translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation>申込経路</translation>
    </message>
    <message>
        <source>Companions</source>
        <translation>同席者</translation>
    </message>
    <message>
        <source>Meeting details due</source>
        <translation>接続情報の送付期限</translation>
    </message>
    <message>
        <source>Offer mail due</source>
        <translation>日時提示メールの期限</translation>
    </message>
    <message>
        <source>Moved from</source>
        <translation>変更前の予約</translation>
    </message>
    <message>
        <source>Moved to</source>
        <translation>変更後の予約</translation>
    </message>
    <message>
        <source>Open #%1</source>
        <translation>#%1 を開く</translation>
    </message>
    <message>
        <source>No consent recorded.</source>
        <translation>同意の記録がありません。</translation>
    </message>
    <message>
        <source>(advised)</source>
        <translation>（案内済み）</translation>
    </message>
    <message>
        <source>Ticked by %1 on %2, terms version %3</source>
        <translation>確認者：%1&#x3000;日時：%2&#x3000;規約の版：%3</translation>
    </message>
    <message>
        <source>Older terms version: consent was given to %1, the office now uses %2.</source>
        <translation>旧版の規約への同意：%1 に同意（現行は %2）</translation>
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
    <name>RowsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Desired time</source>
        <translation>希望日時</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Name, kana, phone, e-mail, job-seeker number or reservation number</source>
        <translation>氏名・ふりがな・電話番号・メールアドレス・求職番号・予約番号</translation>
    </message>
    <message>
        <source>&amp;All offices</source>
        <translation>すべての事業所(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S)：</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>(only the newest %1 are shown)</source>
        <translation>（新しい順に %1 件まで表示）</translation>
    </message>
</context>
<context>
    <name>SlotDelegate</name>
    <message>
        <source>Consent to older terms</source>
        <translation>旧版の規約に同意</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空き</translation>
    </message>
    <message>
        <source>Closed for booking</source>
        <translation>受付終了</translation>
    </message>
    <message>
        <source>Free %1 / %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <source>Free: Enter books a place</source>
        <translation>空きあり：Enter で申込み</translation>
    </message>
</context>
<context>
    <name>StatusLegend</name>
    <message>
        <source>Free</source>
        <translation>空き</translation>
    </message>
    <message>
        <source>Not bookable now</source>
        <translation>受付不可</translation>
    </message>
</context>
<context>
    <name>_SlotModel</name>
    <message>
        <source>Free</source>
        <translation>空き</translation>
    </message>
    <message>
        <source>%1 of %2 places taken</source>
        <translation>定員 %2 名中 %1 名</translation>
    </message>
    <message>
        <source>Counsellor: %1</source>
        <translation>相談員：%1</translation>
    </message>
    <message>
        <source>consent to older terms</source>
        <translation>旧版の規約に同意</translation>
    </message>
    <message>
        <source>Free: Enter books this slot</source>
        <translation>空き：Enter で予約</translation>
    </message>
</context>
</TS>
