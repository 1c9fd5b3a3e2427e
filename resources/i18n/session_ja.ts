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
        <source>&amp;Channel</source>
        <translation>経路(&amp;C)</translation>
    </message>
    <message>
        <source>On the day itself: %1 only</source>
        <translation>当日は%1のみ</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Extend by</source>
        <translation>延長</translation>
    </message>
    <message>
        <source>Phone consultation lasted</source>
        <translation>電話相談の時間</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>理由（必須）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>This cannot be undone from the desk.</source>
        <translation>この操作は窓口では取り消せません。</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <source>“%1” for reservation #%2 (%3)?</source>
        <translation>予約 #%2（%3）を「%1」にします。よろしいですか？</translation>
    </message>
    <message>
        <source>“%1” for reservation #%2 (%3) cannot be undone. Go ahead?</source>
        <translation>予約 #%2（%3）を「%1」にします。この操作は取り消せません。よろしいですか？</translation>
    </message>
</context>
<context>
    <name>AttemptModel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>担当</translation>
    </message>
</context>
<context>
    <name>CallbackPanel</name>
    <message>
        <source>The connection could not be made: why does the consultation end?</source>
        <translation>接続できませんでした。相談を終了する理由：</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>つながった</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>話し中</translation>
    </message>
    <message>
        <source>&amp;Copy number</source>
        <translation>番号をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copies the digits, ready to paste into a phone</source>
        <translation>数字だけをコピーします（電話機に貼り付け可）</translation>
    </message>
    <message>
        <source>Note on this call (optional)</source>
        <translation>この通話のメモ（任意）</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>架電記録</translation>
    </message>
    <message>
        <source>End the callback</source>
        <translation>折返しの終了</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>別日に変更(&amp;R)…</translation>
    </message>
    <message>
        <source>Phone consultation length:</source>
        <translation>電話相談の時間：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Phone callback — %1</source>
        <translation>電話折返し — %1</translation>
    </message>
    <message>
        <source>This callback is closed: %1</source>
        <translation>この折返しは終了しています：%1</translation>
    </message>
    <message>
        <source>Connection failed in the session at %1. Call the applicant:</source>
        <translation>%1開始の相談で接続不良。次の番号に電話してください：</translation>
    </message>
    <message>
        <source>Call by %1</source>
        <translation>折返し予定 %1</translation>
    </message>
    <message>
        <source>(due now)</source>
        <translation>（折返しの時刻です）</translation>
    </message>
    <message>
        <source>A new slot only when the city caused the failure; give the reason in the booking dialog.</source>
        <translation>別日程は原因が市にある場合のみです。予約画面で理由を入力してください。</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>コピーしました：%1</translation>
    </message>
    <message>
        <source>Call logged: %1</source>
        <translation>記録しました：%1</translation>
    </message>
    <message>
        <source>End the callback as unreachable after %1 calls?</source>
        <translation>%1回架電しました。連絡不通として終了しますか？</translation>
    </message>
</context>
<context>
    <name>CallbackQueueDock</name>
    <message>
        <source>Phone callbacks</source>
        <translation>電話折返し</translation>
    </message>
    <message>
        <source>No open callbacks.</source>
        <translation>折返し待ちはありません。</translation>
    </message>
    <message>
        <source>Callbacks: %1</source>
        <translation>折返し：%1件</translation>
    </message>
    <message>
        <source>(%1 due)</source>
        <translation>（%1件 時刻経過）</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必須）</translation>
    </message>
    <message>
        <source>Check in — %1</source>
        <translation>入室確認 — %1</translation>
    </message>
    <message>
        <source>Connection test before the start</source>
        <translation>開始前の接続テスト</translation>
    </message>
    <message>
        <source>&amp;Works (picture and sound)</source>
        <translation>映像・音声とも良好(&amp;W)</translation>
    </message>
    <message>
        <source>F&amp;ailed</source>
        <translation>不良(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Face and name checked (camera and microphone on)</source>
        <translation>顔と名前を確認した（カメラ・マイクON）(&amp;F)</translation>
    </message>
    <message>
        <source>Com&amp;panions as registered: %1</source>
        <translation>同席者は登録どおり：%1(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Start the session now</source>
        <translation>このまま相談を開始する(&amp;S)</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>メモ（任意）</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>入室確認(&amp;C)</translation>
    </message>
    <message>
        <source>The failed test is recorded. Test again, or switch to a phone callback (Connection failed).</source>
        <translation>接続テスト不良を記録します。再テストするか「接続不良」で電話折返しに切り替えてください。</translation>
    </message>
    <message>
        <source>Check the applicant&apos;s face and name before checking in.</source>
        <translation>入室確認の前に顔と名前を確認してください。</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <source>Due: %1</source>
        <translation>要対応：%1件</translation>
    </message>
</context>
<context>
    <name>DueListWidget</name>
    <message>
        <source>Meeting details and replies due (%1)</source>
        <translation>接続情報の送付・返信の要対応（%1件）</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>Due</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>対応</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
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
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Due</source>
        <translation>予定</translation>
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
        <source>Calls</source>
        <translation>架電記録</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>折返しの時刻です</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>Terminate the session — %1</source>
        <translation>相談の中止 — %1</translation>
    </message>
    <message>
        <source>— choose the act —</source>
        <translation>— 行為を選択 —</translation>
    </message>
    <message>
        <source>What happened (required)</source>
        <translation>状況（必須）</translation>
    </message>
    <message>
        <source>The session ends now and the applicant is flagged: the flag is shown at the next booking.</source>
        <translation>相談をここで終了し、利用者に要注意の印を付けます。次回の予約時に表示されます。</translation>
    </message>
    <message>
        <source>Prohibited &amp;act:</source>
        <translation>禁止行為(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>メモ(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Terminate</source>
        <translation>中止する(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TodayBoard</name>
    <message>
        <source>Starts in %1 min</source>
        <translation>開始まで%1分</translation>
    </message>
    <message>
        <source>Started %1 min ago</source>
        <translation>開始から%1分経過</translation>
    </message>
    <message>
        <source>No-show possible in %1 min</source>
        <translation>無断キャンセル判定まで%1分</translation>
    </message>
    <message>
        <source>No-show possible since %1 min</source>
        <translation>無断キャンセル判定から%1分経過</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>残り%1分</translation>
    </message>
    <message>
        <source>%1 min over the end</source>
        <translation>終了時刻を%1分超過</translation>
    </message>
    <message>
        <source>Call back in %1 min</source>
        <translation>折返しまで%1分</translation>
    </message>
    <message>
        <source>Callback due since %1 min</source>
        <translation>折返し時刻から%1分経過</translation>
    </message>
    <message>
        <source>Next booking</source>
        <translation>次回予約</translation>
    </message>
    <message>
        <source>Counsellor / seat</source>
        <translation>相談員・席</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次の操作</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>本日</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>No sessions today.</source>
        <translation>本日の相談はありません。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>相談</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>氏名：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>時間：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>電話番号：</translation>
    </message>
    <message>
        <source>Timer:</source>
        <translation>タイマー：</translation>
    </message>
    <message>
        <source>Check-in:</source>
        <translation>入室確認：</translation>
    </message>
    <message>
        <source>Phone callback…</source>
        <translation>電話折返し…</translation>
    </message>
    <message>
        <source>Next booking…</source>
        <translation>次回予約…</translation>
    </message>
    <message>
        <source>Check in…</source>
        <translation>入室確認…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>中止（禁止行為）…</translation>
    </message>
    <message>
        <source>Record contact…</source>
        <translation>連絡を記録…</translation>
    </message>
    <message>
        <source>Undo no-show…</source>
        <translation>無断キャンセルを取消…</translation>
    </message>
    <message>
        <source>Today — %1</source>
        <translation>本日 — %1</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>%1 現在</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>操作はありません</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>次へ：%1</translation>
    </message>
    <message>
        <source>Planned end %1</source>
        <translation>終了予定 %1</translation>
    </message>
    <message>
        <source>started %1 min late</source>
        <translation>%1分遅れて開始</translation>
    </message>
    <message>
        <source>extendable to %1</source>
        <translation>%1まで延長可</translation>
    </message>
    <message>
        <source>connection test OK</source>
        <translation>接続テスト良好</translation>
    </message>
    <message>
        <source>connection test FAILED</source>
        <translation>接続テスト不良</translation>
    </message>
    <message>
        <source>face and name checked</source>
        <translation>顔と名前を確認済</translation>
    </message>
    <message>
        <source>companions not as registered</source>
        <translation>同席者が登録と異なる</translation>
    </message>
</context>
</TS>
