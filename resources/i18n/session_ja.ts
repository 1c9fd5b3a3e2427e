<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AttemptModel</name>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="92" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="92" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="92" />
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="92" />
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
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="65" />
        <source>Reached</source>
        <translation>つながった</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="66" />
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="67" />
        <source>Busy</source>
        <translation>話し中</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="126" />
        <source>&amp;Copy number</source>
        <translation>番号をコピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="128" />
        <source>Copies the digits, ready to paste into a phone</source>
        <translation>数字だけをコピーします（電話機に貼り付け可）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="146" />
        <source>Note on this call (optional)</source>
        <translation>この通話のメモ（任意）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="155" />
        <source>Calls</source>
        <translation>架電記録</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="161" />
        <source>End the callback</source>
        <translation>折返しの終了</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="166" />
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="170" />
        <source>&amp;Reschedule…</source>
        <translation>別日に変更(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="181" />
        <source>Phone consultation length:</source>
        <translation>電話相談の時間：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="191" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="217" />
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="226" />
        <source>Phone callback — %1</source>
        <translation>電話折返し — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="219" />
        <source>This callback is closed: %1</source>
        <translation>この折返しは終了しています：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="228" />
        <source>Connection failed in the session at %1. Call the applicant:</source>
        <translation>%1開始の相談で接続不良。次の番号に電話してください：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="233" />
        <source>Call by %1</source>
        <translation>折返し予定 %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="235" />
        <source>(due now)</source>
        <translation>（折返しの時刻です）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="239" />
        <source>A new slot only when the city caused the failure; give the reason in the booking dialog.</source>
        <translation>別日程は原因が市にある場合のみです。予約画面で理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="268" />
        <source>Copied: %1</source>
        <translation>コピーしました：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="278" />
        <source>Call logged: %1</source>
        <translation>記録しました：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_panel.py" line="292" />
        <source>End the callback as unreachable after %1 calls?</source>
        <translation>%1回架電しました。連絡不通として終了しますか？</translation>
    </message>
</context>
<context>
    <name>CallbackQueueDock</name>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="97" />
        <source>Phone callbacks</source>
        <translation>電話折返し</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="109" />
        <source>No open callbacks.</source>
        <translation>折返し待ちはありません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="158" />
        <source>Callbacks: %1</source>
        <translation>折返し：%1件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="160" />
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
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="44" />
        <source>Check in — %1</source>
        <translation>入室確認 — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="48" />
        <source>Connection test before the start</source>
        <translation>開始前の接続テスト</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="52" />
        <source>&amp;Works (picture and sound)</source>
        <translation>映像・音声とも良好(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="54" />
        <source>&amp;Failed</source>
        <translation>不良(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="64" />
        <source>&amp;Face and name checked (camera and microphone on)</source>
        <translation>顔と名前を確認した（カメラ・マイクON）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="70" />
        <source>&amp;Companions as registered: %1</source>
        <translation>同席者は登録どおり：%1(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="74" />
        <source>&amp;Start the session now</source>
        <translation>このまま相談を開始する(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="78" />
        <source>Note (optional)</source>
        <translation>メモ（任意）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="88" />
        <source>&amp;Check in</source>
        <translation>入室確認(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="123" />
        <source>The failed test is recorded. Test again, or switch to a phone callback (Connection failed).</source>
        <translation>接続テスト不良を記録します。再テストするか「接続不良」で電話折返しに切り替えてください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/checkin_dialog.py" line="125" />
        <source>Check the applicant's face and name before checking in.</source>
        <translation>入室確認の前に顔と名前を確認してください。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../consult_desk/ui/widgets/note_dialog.py" line="60" />
        <source>By:</source>
        <translation>連絡方法：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/widgets/note_dialog.py" line="78" />
        <source>What did the applicant say?</source>
        <translation>連絡の内容：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/widgets/note_dialog.py" line="79" />
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="55" />
        <source>Due</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="55" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="55" />
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="55" />
        <source>Calls</source>
        <translation>架電記録</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="55" />
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/callback_queue.py" line="77" />
        <source>Due now</source>
        <translation>折返しの時刻です</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <location filename="../../consult_desk/ui/session/terminate_dialog.py" line="36" />
        <source>Terminate the session — %1</source>
        <translation>相談の中止 — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/terminate_dialog.py" line="39" />
        <source>— choose the act —</source>
        <translation>— 行為を選択 —</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/terminate_dialog.py" line="46" />
        <source>What happened (required)</source>
        <translation>状況（必須）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/terminate_dialog.py" line="49" />
        <source>The session ends now and the applicant is flagged: the flag is shown at the next booking.</source>
        <translation>相談をここで終了し、利用者に要注意の印を付けます。次回の予約時に表示されます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/terminate_dialog.py" line="57" />
        <source>Prohibited &amp;act:</source>
        <translation>禁止行為(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/terminate_dialog.py" line="58" />
        <source>&amp;Note:</source>
        <translation>メモ(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/terminate_dialog.py" line="60" />
        <source>&amp;Terminate</source>
        <translation>中止する(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TodayBoard</name>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="68" />
        <source>Starts in %1 min</source>
        <translation>開始まで%1分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="69" />
        <source>Started %1 min ago</source>
        <translation>開始から%1分経過</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="70" />
        <source>No-show possible in %1 min</source>
        <translation>無断キャンセル判定まで%1分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="71" />
        <source>No-show possible since %1 min</source>
        <translation>無断キャンセル判定から%1分経過</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="72" />
        <source>%1 min left</source>
        <translation>残り%1分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="73" />
        <source>%1 min over the end</source>
        <translation>終了時刻を%1分超過</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="74" />
        <source>Call back in %1 min</source>
        <translation>折返しまで%1分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="75" />
        <source>Callback due since %1 min</source>
        <translation>折返し時刻から%1分経過</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="85" />
        <source>Next booking</source>
        <translation>次回予約</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="99" />
        <source>Counsellor / seat</source>
        <translation>相談員・席</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="99" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="99" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="99" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="99" />
        <source>Next</source>
        <translation>次の操作</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="99" />
        <source>Countdown</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="99" />
        <source>Warnings</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="200" />
        <source>Today</source>
        <translation>本日</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="219" />
        <source>&amp;Refresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="239" />
        <source>No sessions today.</source>
        <translation>本日の相談はありません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="269" />
        <source>Session</source>
        <translation>相談</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="290" />
        <source>Name:</source>
        <translation>氏名：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="291" />
        <source>Time:</source>
        <translation>時間：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="292" />
        <source>Status:</source>
        <translation>状態：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="293" />
        <source>Phone:</source>
        <translation>電話番号：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="294" />
        <source>Timer:</source>
        <translation>タイマー：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="295" />
        <source>Check-in:</source>
        <translation>入室確認：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="309" />
        <source>Phone callback…</source>
        <translation>電話折返し…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="310" />
        <source>Next booking…</source>
        <translation>次回予約…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="311" />
        <source>Check in…</source>
        <translation>入室確認…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="312" />
        <source>Terminate…</source>
        <translation>中止（禁止行為）…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="313" />
        <source>Record contact…</source>
        <translation>連絡を記録…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="314" />
        <source>Undo no-show…</source>
        <translation>無断キャンセルを取消…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="323" />
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="326" />
        <source>Extend by:</source>
        <translation>延長：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="359" />
        <source>Today — %1</source>
        <translation>本日 — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="360" />
        <source>As of %1</source>
        <translation>%1 現在</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="397" />
        <location filename="../../consult_desk/ui/session/today_board.py" line="413" />
        <source>Nothing to do</source>
        <translation>操作はありません</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="410" />
        <source>Next: %1</source>
        <translation>次へ：%1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="431" />
        <source>Planned end %1</source>
        <translation>終了予定 %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="435" />
        <source>started %1 min late</source>
        <translation>%1分遅れて開始</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="437" />
        <source>extendable to %1</source>
        <translation>%1まで延長可</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="443" />
        <source>connection test OK</source>
        <translation>接続テスト良好</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="443" />
        <source>connection test FAILED</source>
        <translation>接続テスト不良</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="445" />
        <source>face and name checked</source>
        <translation>顔と名前を確認済</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="447" />
        <source>companions not as registered</source>
        <translation>同席者が登録と異なる</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/today_board.py" line="490" />
        <source>%1 for %2 (%3)?</source>
        <translation>%2さん（%3）を「%1」にしますか？</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <location filename="../../consult_desk/ui/session/action_runner.py" line="1" />
        <source>“%1” for reservation #%2 (%3)?</source>
        <translation>予約 #%2（%3）を「%1」にします。よろしいですか？</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/action_runner.py" line="1" />
        <source>“%1” for reservation #%2 (%3) cannot be undone. Go ahead?</source>
        <translation>予約 #%2（%3）を「%1」にします。この操作は取り消せません。よろしいですか？</translation>
    </message>
</context>
</TS>