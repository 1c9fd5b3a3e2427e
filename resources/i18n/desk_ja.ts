<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Offer &amp;another time:</source>
        <translation>別の日時を提示(&amp;A)：</translation>
    </message>
    <message>
        <source>The applicant receiving this mail confirms the booking; no reply is asked.</source>
        <translation>このメールの受信で予約が確定します（申込者の返信は不要です）。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="199" />
        <source>&amp;Channel</source>
        <translation>経路(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="202" />
        <source>On the day itself: %1 only</source>
        <translation>当日は%1のみ</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="207" />
        <source>— choose the prohibited act —</source>
        <translation>— 禁止行為を選択 —</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="214" />
        <source>&amp;Prohibited act</source>
        <translation>禁止行為(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="224" />
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="229" />
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="225" />
        <source>Extend by</source>
        <translation>延長</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="230" />
        <source>Phone consultation lasted</source>
        <translation>電話相談の時間</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="236" />
        <source>&amp;Reason (required)</source>
        <translation>理由（必須）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="236" />
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="243" />
        <source>This cannot be undone from the desk.</source>
        <translation>この操作は窓口では取り消せません。</translation>
    </message>
</context>
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
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="129" />
        <source>Reschedule reservation #%1</source>
        <translation>予約 #%1 の日程変更</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="131" />
        <source>New booking — %1</source>
        <translation>新規予約 — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="150" />
        <source>&amp;Reschedule</source>
        <translation>日程を変更(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="150" />
        <source>&amp;Book</source>
        <translation>予約する(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="196" />
        <source>Move %1's reservation of %2 (%3) to another slot. The old one becomes “%4”.</source>
        <translation>%1 様の %2 の予約（%3）を別の枠に移します。元の予約は「%4」になります。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="202" />
        <source>Slot</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="227" />
        <source>Event</source>
        <translation>催し</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="232" />
        <source>&amp;Date</source>
        <translation>日付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="234" />
        <source>&amp;Time</source>
        <translation>時間(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="255" />
        <source>Applicant</source>
        <translation>申込者</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="265" />
        <source>— choose —</source>
        <translation>— 選択 —</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="273" />
        <source>e.g. %1</source>
        <translation>例：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="280" />
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="344" />
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="358" />
        <source>Clause: %1</source>
        <translation>根拠：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="312" />
        <source>Application</source>
        <translation>申込み</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="322" />
        <source>C&amp;hannel</source>
        <translation>申込経路(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="326" />
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="328" />
        <source>The city caused the connection failure</source>
        <translation>接続不良の原因は市（事業所）側</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="352" />
        <source>Companions named in advance</source>
        <translation>事前に届け出る同席者</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="355" />
        <source>Interpreter, assistant or family joining the session, with relation or affiliation.</source>
        <translation>相談に同席する通訳者・介助者・家族など（所属・続柄も）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="360" />
        <source>&amp;Add companion</source>
        <translation>同席者を追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="391" />
        <source>Consent to the terms of use</source>
        <translation>利用規約への同意</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="396" />
        <source>&amp;Consent checklist…</source>
        <translation>同意チェックリスト(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="418" />
        <source>&amp;Go ahead: staff checked the earlier trouble</source>
        <translation>確認のうえ受け付ける(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="421" />
        <source>Re&amp;fuse the booking</source>
        <translation>受付を断る(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="489" />
        <source>free %1 of %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="492" />
        <source>(full)</source>
        <translation>（満席）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="494" />
        <source>(not bookable)</source>
        <translation>（受付不可）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="508" />
        <source>Application deadline: %1</source>
        <translation>申込締切：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="509" />
        <source>Meeting details to be sent by: %1</source>
        <translation>接続情報の送付期限：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="521" />
        <source>%1 is a closed day (%2)</source>
        <translation>%1 は休業日です（%2）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="524" />
        <source>Choose a time</source>
        <translation>時間を選んでください</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="609" />
        <source>Earlier trouble with this applicant:</source>
        <translation>この申込者には過去の利用上の問題があります：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="614" />
        <source>Go ahead (recorded in the reservation's history) or refuse (recorded in the audit log).</source>
        <translation>受け付ける場合は予約の履歴に、断る場合は監査ログに記録されます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="637" />
        <source>%1 of %2 items confirmed</source>
        <translation>%2 項目中 %1 項目確認済み</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="638" />
        <source>Terms version: %1</source>
        <translation>規約の版：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="640" />
        <source>Consent was given to an older version (%1)</source>
        <translation>旧版（%1）への同意です</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="655" />
        <source>Check: %1</source>
        <translation>未入力・要確認：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="662" />
        <source>The consent checklist is not complete</source>
        <translation>同意チェックリストが完了していません</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="664" />
        <source>Earlier trouble: tick “Go ahead” or refuse the booking</source>
        <translation>過去の問題あり：「確認のうえ受け付ける」にチェックするか、受付を断ってください</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="699" />
        <source>Move reservation #%1 to %2? The old reservation becomes “%3”.</source>
        <translation>予約 #%1 を %2 に変更しますか？元の予約は「%3」になります。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="702" />
        <source>Reschedule</source>
        <translation>日程を変更</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="731" />
        <source>Refuse this booking because of the earlier trouble? The decision is recorded.</source>
        <translation>過去の問題を理由に受付を断りますか？この判断は記録されます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="732" />
        <source>Refuse</source>
        <translation>断る</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="312" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="330" />
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="330" />
        <source>Week</source>
        <translation>週</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="330" />
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="388" />
        <source>Go to today</source>
        <translation>今日へ移動</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="389" />
        <source>Previous month / week / day</source>
        <translation>前の月・週・日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="391" />
        <source>Next month / week / day</source>
        <translation>次の月・週・日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="400" />
        <source>Month view</source>
        <translation>月表示</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="401" />
        <source>Week view</source>
        <translation>週表示</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="402" />
        <source>Day timeline</source>
        <translation>日表示（時間割）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="529" />
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="569" />
        <source>Closed: %1</source>
        <translation>休業日：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="573" />
        <source>No consultations at this time</source>
        <translation>この時間は相談を行っていません</translation>
    </message>
</context>
<context>
    <name>CompanionRow</name>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="67" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="69" />
        <source>Relation or affiliation</source>
        <translation>所属・続柄</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/booking_dialog.py" line="72" />
        <source>Remove this companion</source>
        <translation>この同席者を削除</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="64" />
        <source>Consent checklist — %1</source>
        <translation>同意チェックリスト — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="71" />
        <source>Version %1, effective %2</source>
        <translation>版：%1　施行日：%2</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="74" />
        <source>Read the full &amp;terms…</source>
        <translation>規約の全文を読む(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="81" />
        <source>Read each item to the applicant and tick it with Space when they confirm it.</source>
        <translation>各項目を申込者に読み上げ、確認できたらスペースキーでチェックしてください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="93" />
        <source>(optional)</source>
        <translation>（任意）</translation>
        <source>Conditions of use (required) come first; the advice the terms ask the applicant to follow is read out or sent and recorded as advised.</source>
        <translation>利用の条件（必須）が先、規約が求める注意事項は読み上げ・送付して「案内済み」として記録します。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/consent_dialog.py" line="93" />
        <source>(advice: tick when read out or sent; recorded as advised, not required)</source>
        <translation>（注意事項：読み上げ・送付したらチェック。案内済みとして記録、必須ではありません）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="100" />
        <source>Clause: %1</source>
        <translation>根拠：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="107" />
        <source>&amp;Record consent</source>
        <translation>同意を記録(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="151" />
        <source>Not yet confirmed: %1 of the required items</source>
        <translation>未確認の必須項目：%1 件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/consent_dialog.py" line="154" />
        <source>Every required item is confirmed.</source>
        <translation>必須項目はすべて確認済みです。</translation>
    </message>
</context>
<context>
    <name>CredentialsView</name>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="126" />
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="127" />
        <source>Meeting ID</source>
        <translation>ミーティングID</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="128" />
        <source>Passcode</source>
        <translation>パスコード</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="129" />
        <source>Room key</source>
        <translation>ルームキー</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="130" />
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="132" />
        <source>Re&amp;veal passcode / key</source>
        <translation>パスコード等を表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="137" />
        <source>No meeting details yet.</source>
        <translation>接続情報はまだありません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="150" />
        <source>Issued %1 by %2</source>
        <translation>発行：%1（%2）</translation>
    </message>
</context>
<context>
    <name>DayModel</name>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="341" />
        <source>Seat %1</source>
        <translation>席%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="342" />
        <source>Cancelled / moved</source>
        <translation>キャンセル・変更済み</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="85" />
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="85" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="85" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="85" />
        <source>Channel</source>
        <translation>経路</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="85" />
        <source>Staff</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="86" />
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../consult_desk/ui/widgets/messages.py" line="12" />
        <source>Not possible</source>
        <translation>できません</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/widgets/messages.py" line="16" />
        <source>Rule: %1</source>
        <translation>根拠：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/widgets/messages.py" line="25" />
        <source>Go back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>MonthDelegate</name>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="99" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="110" />
        <source>Booked %1</source>
        <translation>予約 %1 件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="112" />
        <source>Free %1 / %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="115" />
        <source>Closed for booking</source>
        <translation>受付終了</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="155" />
        <source>Booked %1</source>
        <translation>予約 %1 件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="156" />
        <source>Free %1 / %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="158" />
        <source>(closed for booking)</source>
        <translation>（受付終了）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="178" />
        <source>%1 of %2 seats booked</source>
        <translation>%2 席中 %1 席予約済み</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="180" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="188" />
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="188" />
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="188" />
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="188" />
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="188" />
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="188" />
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="189" />
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
<context>
    <name>ReservationPanel</name>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="299" />
        <source>Select a reservation in the calendar, or search for one (Ctrl+F).</source>
        <translation>カレンダーで予約を選ぶか、検索（Ctrl+F）してください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="327" />
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="331" />
        <source>Reservation</source>
        <translation>予約内容</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="336" />
        <source>Meeting details</source>
        <translation>接続情報</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="340" />
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="355" />
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="442" />
        <source>Earlier trouble recorded for this applicant</source>
        <translation>この申込者には過去の利用上の問題が記録されています</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="445" />
        <source>Consent was given to an older version of the terms (%1); the current version is %2.</source>
        <translation>旧版の規約（%1）への同意です。現行の版は %2 です。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="463" />
        <source>Asks for confirmation: cannot be undone</source>
        <translation>取り消せない操作のため確認があります</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="469" />
        <source>No further actions: the reservation is closed.</source>
        <translation>この予約は完了しており、これ以上の操作はありません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="484" />
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="485" />
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="487" />
        <source>Seat</source>
        <translation>席</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="488" />
        <source>Applied by</source>
        <translation>申込経路</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="497" />
        <source>Companions</source>
        <translation>同席者</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="499" />
        <source>Meeting details due</source>
        <translation>接続情報の送付期限</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="501" />
        <source>Offer mail due</source>
        <translation>日時提示メールの期限</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="503" />
        <source>Moved from</source>
        <translation>変更前の予約</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="505" />
        <source>Moved to</source>
        <translation>変更後の予約</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="508" />
        <source>Open #%1</source>
        <translation>#%1 を開く</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="518" />
        <source>No consent recorded.</source>
        <translation>同意の記録がありません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="523" />
        <source>(advised)</source>
        <translation>（案内済み）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/reservation_panel.py" line="523" />
        <source>Ticked by %1 on %2, terms version %3</source>
        <translation>確認者：%1　日時：%2　規約の版：%3</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="527" />
        <source>Older terms version: consent was given to %1, the office now uses %2.</source>
        <translation>旧版の規約への同意：%1 に同意（現行は %2）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="563" />
        <source>“%1” for reservation #%2 (%3) cannot be undone. Go ahead?</source>
        <translation>予約 #%2（%3）を「%1」にします。この操作は取り消せません。よろしいですか？</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/reservation_panel.py" line="1" />
        <source>Reservation #%1 belongs to another office: switch the office to see it.</source>
        <translation>予約 #%1 は別の事業所の予約です。表示するには事業所を切り替えてください。</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="70" />
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="70" />
        <source>Date and time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="70" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="70" />
        <source>Kana</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="70" />
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="71" />
        <source>E-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="71" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="126" />
        <source>Name, kana, phone, e-mail, job-seeker number or reservation number</source>
        <translation>氏名・ふりがな・電話番号・メールアドレス・求職番号・予約番号</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="129" />
        <source>&amp;All offices</source>
        <translation>すべての事業所(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="147" />
        <source>&amp;Search:</source>
        <translation>検索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="186" />
        <source>%1 found</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="186" />
        <source>Nothing found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/search_view.py" line="188" />
        <source>(only the newest %1 are shown)</source>
        <translation>（新しい順に %1 件まで表示）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../consult_desk/ui/shell/settings_dialog.py" line="28" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/settings_dialog.py" line="35" />
        <source>Show Japanese era years (令和9年1月13日)</source>
        <translation>和暦で表示する（令和9年1月13日）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/settings_dialog.py" line="38" />
        <source>A new language takes effect the next time Consult Desk starts.</source>
        <translation>表示言語の変更は次回の起動から有効になります。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/settings_dialog.py" line="41" />
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SlotDelegate</name>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="176" />
        <source>Consent to older terms</source>
        <translation>旧版の規約に同意</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="180" />
        <source>Free</source>
        <translation>空き</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="184" />
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="202" />
        <source>Closed for booking</source>
        <translation>受付終了</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="199" />
        <source>Free %1 / %2</source>
        <translation>空き %1/%2</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="213" />
        <source>Free: Enter books a place</source>
        <translation>空きあり：Enter で申込み</translation>
    </message>
</context>
<context>
    <name>StatusLegend</name>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="283" />
        <source>Free</source>
        <translation>空き</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_views.py" line="283" />
        <source>Not bookable now</source>
        <translation>受付不可</translation>
    </message>
</context>
<context>
    <name>_SlotModel</name>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="226" />
        <source>Free</source>
        <translation>空き</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="245" />
        <source>%1 of %2 places taken</source>
        <translation>定員 %2 名中 %1 名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="250" />
        <source>Counsellor: %1</source>
        <translation>相談員：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="252" />
        <source>consent to older terms</source>
        <translation>旧版の規約に同意</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/calendar_models.py" line="255" />
        <source>Free: Enter books this slot</source>
        <translation>空き：Enter で予約</translation>
    </message>
</context>
</TS>