<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>MailPreviewDialog</name>
    <message>
        <source>E-mail to the applicant</source>
        <translation>申込者へのメール</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>メール(&amp;M)：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>宛先：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>件名：</translation>
    </message>
    <message>
        <source>Re&amp;veal passcode / key</source>
        <translation>パスコード等を表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>Save as .&amp;eml…</source>
        <translation>.emlで保存(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>This office does not send mail from the desk PC: save it as .eml or copy it.</source>
        <translation>この事業所は窓口PCからメールを送信しません。.emlで保存するかコピーしてください。</translation>
    </message>
    <message>
        <source>No SMTP settings for this office yet (Outbox tab, SMTP settings): save it as .eml or copy it.</source>
        <translation>この事業所のSMTP設定がまだありません（送信箱タブの「SMTP設定」）。.emlで保存するかコピーしてください。</translation>
    </message>
    <message>
        <source>No message fits this reservation now.</source>
        <translation>この予約の状態で送れるメールはありません。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>Not sent: %1 (you can try again)</source>
        <translation>送信できませんでした：%1（再送できます）</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>再送(&amp;A)</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>%1 に送信しました。</translation>
    </message>
    <message>
        <source>After saving or copying, mark the meeting details as sent</source>
        <translation>保存・コピーしたら「案内送付済」にする</translation>
    </message>
    <message>
        <source>After saving or copying, mark the time as offered</source>
        <translation>保存・コピーしたら「日時提示中」にする</translation>
    </message>
    <message>
        <source>Save as .eml</source>
        <translation>.emlで保存</translation>
    </message>
    <message>
        <source>E-mail (*.eml)</source>
        <translation>メール (*.eml)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <source>Copied: paste it into the mail program.</source>
        <translation>コピーしました。メールソフトに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Change the sending time</source>
        <translation>送信日時の変更</translation>
    </message>
    <message>
        <source>Send &amp;at:</source>
        <translation>送信日時(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Due</source>
        <translation>送信予定</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>予約</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>作成 %1</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Outbox</source>
        <translation>送信箱</translation>
    </message>
    <message>
        <source>&amp;Failed only</source>
        <translation>送信失敗のみ(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Scheduled only</source>
        <translation>送信予定のみ(&amp;S)</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>今すぐ送信(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>保留(&amp;H)</translation>
    </message>
    <message>
        <source>Change &amp;time…</source>
        <translation>送信日時を変更(&amp;T)…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel message</source>
        <translation>送信を取消(&amp;N)</translation>
    </message>
    <message>
        <source>It &amp;arrived</source>
        <translation>届いたことを確認(&amp;A)</translation>
    </message>
    <message>
        <source>Sending was interrupted: mark it sent after checking it arrived</source>
        <translation>送信中に中断したメールです。届いたことを確認してから送信済みにします</translation>
    </message>
    <message>
        <source>SMTP se&amp;ttings…</source>
        <translation>SMTP設定(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Mail templates…</source>
        <translation>メールのひな形(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>解除(&amp;R)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>Message %1 goes out at its time again.</source>
        <translation>メール %1 は予定の日時に送信されます。</translation>
    </message>
    <message>
        <source>Message %1 is held: it is not sent until released.</source>
        <translation>メール %1 を保留しました。解除するまで送信されません。</translation>
    </message>
    <message>
        <source>Message %1 cancelled.</source>
        <translation>メール %1 の送信を取り消しました。</translation>
    </message>
    <message>
        <source>Message %1 recorded as sent.</source>
        <translation>メール %1 を送信済みにしました。</translation>
    </message>
    <message>
        <source>Message %1 now goes out at %2.</source>
        <translation>メール %1 は %2 に送信されます。</translation>
    </message>
    <message>
        <source>Message %1 not sent: %2</source>
        <translation>メール %1 を送信できませんでした：%2</translation>
    </message>
    <message>
        <source>Message %1 sent.</source>
        <translation>メール %1 を送信しました。</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <source>SMTP settings — %1</source>
        <translation>SMTP設定 — %1</translation>
    </message>
    <message>
        <source>Only for a certificate signed in-house (PEM)</source>
        <translation>庁内で発行した証明書の場合のみ（PEM）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Forget the stored password</source>
        <translation>保存したパスワードを削除(&amp;F)</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTPサーバー(&amp;S)：</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>暗号化：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>ユーザー名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード：</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>差出人アドレス：</translation>
    </message>
    <message>
        <source>Sender name:</source>
        <translation>差出人名：</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA証明書：</translation>
    </message>
    <message>
        <source>This office does not send from the desk PC; the sender is used for .eml files.</source>
        <translation>この事業所は窓口PCから送信しません。差出人は.emlファイルに使われます。</translation>
    </message>
    <message>
        <source>No keyring on this PC</source>
        <translation>このPCでは保存できません</translation>
    </message>
    <message>
        <source>The password is kept in this PC&apos;s keyring (%1).</source>
        <translation>パスワードはこのPCの資格情報ストア（%1）に保管されます。</translation>
    </message>
    <message>
        <source>Stored (empty: keep)</source>
        <translation>保存済み（空欄：変更しない）</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA証明書</translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt *.cer)</source>
        <translation>PEM (*.pem *.crt *.cer)</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Mail templates</source>
        <translation>メールのひな形</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Back to the shipped text</source>
        <translation>標準の文面に戻す(&amp;B)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>メール(&amp;M)：</translation>
    </message>
    <message>
        <source>Placeholders (double-click to insert):</source>
        <translation>差し込み項目（ダブルクリックで挿入）：</translation>
    </message>
    <message>
        <source>Line 1: subject. Line 2: empty. From line 3: the body.</source>
        <translation>1行目：件名&#x3000;2行目：空行&#x3000;3行目から：本文</translation>
    </message>
    <message>
        <source>This office&apos;s own text</source>
        <translation>この事業所で編集した文面</translation>
    </message>
    <message>
        <source>Shipped text for this office</source>
        <translation>この事業所向けの標準文面</translation>
    </message>
    <message>
        <source>Shipped standard text</source>
        <translation>共通の標準文面</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
</TS>
