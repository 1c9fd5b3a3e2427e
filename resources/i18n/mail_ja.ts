<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>CredentialsWidget</name>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="161" />
        <source>Re&amp;veal</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="162" />
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="163" />
        <source>Issue &amp;new (lost/stolen)…</source>
        <translation>再発行（紛失・盗難）(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="164" />
        <source>E-&amp;mail…</source>
        <translation>メール(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="165" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="166" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="209" />
        <source> (a new URL for every session)</source>
        <translation>（相談ごとに新しいURL）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="217" />
        <source>(missing)</source>
        <translation>（未登録）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="224" />
        <source>Issued %1 by %2</source>
        <translation>%1 登録（%2）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="228" />
        <source>No meeting details yet.</source>
        <translation>接続情報はまだ登録されていません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="254" />
        <source>Stored (empty: keep)</source>
        <translation>保存済み（空欄：変更しない）</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="37" />
        <source>Due: %1</source>
        <translation>要対応：%1件</translation>
    </message>
</context>
<context>
    <name>DueListWidget</name>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="126" />
        <source>Meeting details and replies due (%1)</source>
        <translation>接続情報の送付・返信の要対応（%1件）</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="59" />
        <source>Due</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="60" />
        <source>To do</source>
        <translation>対応</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="61" />
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="62" />
        <source>Session</source>
        <translation>相談日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="63" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/session/due_list.py" line="64" />
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
</context>
<context>
    <name>MailPreviewDialog</name>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="66" />
        <source>E-mail to the applicant</source>
        <translation>申込者へのメール</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="97" />
        <source>&amp;Message:</source>
        <translation>メール(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="100" />
        <source>To:</source>
        <translation>宛先：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="101" />
        <source>Subject:</source>
        <translation>件名：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="103" />
        <source>Re&amp;veal passcode / key</source>
        <translation>パスコード等を表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="114" />
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="231" />
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="117" />
        <source>Save as .&amp;eml…</source>
        <translation>.emlで保存(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="121" />
        <source>&amp;Copy to clipboard</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="125" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="155" />
        <source>This office does not send mail from the desk PC: save it as .eml or copy it.</source>
        <translation>この事業所は窓口PCからメールを送信しません。.emlで保存するかコピーしてください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="157" />
        <source>No SMTP settings for this office yet (Outbox tab, SMTP settings): save it as .eml or copy it.</source>
        <translation>この事業所のSMTP設定がまだありません（送信箱タブの「SMTP設定」）。.emlで保存するかコピーしてください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="181" />
        <source>No message fits this reservation now.</source>
        <translation>この予約の状態で送れるメールはありません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="246" />
        <source>After saving or copying, mark the meeting details as sent</source>
        <translation>保存・コピーしたら「案内送付済」にする</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="248" />
        <source>After saving or copying, mark the time as offered</source>
        <translation>保存・コピーしたら「日時提示中」にする</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="218" />
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="226" />
        <source>Not sent: %1 (you can try again)</source>
        <translation>送信できませんでした：%1（再送できます）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="227" />
        <source>Try &amp;again</source>
        <translation>再送(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="230" />
        <source>Sent to %1.</source>
        <translation>%1 に送信しました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="252" />
        <source>Save as .eml</source>
        <translation>.emlで保存</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="252" />
        <source>E-mail (*.eml)</source>
        <translation>メール (*.eml)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="266" />
        <source>Saved as %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/mail_preview_dialog.py" line="277" />
        <source>Copied: paste it into the mail program.</source>
        <translation>コピーしました。メールソフトに貼り付けてください。</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="53" />
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="54" />
        <source>Reservation</source>
        <translation>予約</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="55" />
        <source>Message</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="56" />
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="57" />
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="58" />
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="59" />
        <source>Attempts</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="60" />
        <source>Error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="112" />
        <source>Outbox</source>
        <translation>送信箱</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="136" />
        <source>&amp;Failed only</source>
        <translation>送信失敗のみ(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="139" />
        <source>&amp;Retry</source>
        <translation>再送(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="142" />
        <source>SMTP se&amp;ttings…</source>
        <translation>SMTP設定(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="146" />
        <source>&amp;Mail templates…</source>
        <translation>メールのひな形(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="214" />
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="219" />
        <source>Message %1 not sent: %2</source>
        <translation>メール %1 を送信できませんでした：%2</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="221" />
        <source>Message %1 sent.</source>
        <translation>メール %1 を送信しました。</translation>
    </message>
</context>
<context>
    <name>ReissueDialog</name>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="53" />
        <source>Issue new meeting credentials</source>
        <translation>接続情報の再発行</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="64" />
        <source>Who reported it, when (never the passcode itself)</source>
        <translation>誰から・いつ連絡があったか（パスコード等は書かない）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="67" />
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="70" />
        <source>Note:</source>
        <translation>メモ：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="73" />
        <source>New value (empty: keep)</source>
        <translation>新しい値（空欄：変更しない）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="80" />
        <source>&amp;Withdraw only (new ones later)</source>
        <translation>無効化のみ（再発行は後で）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="85" />
        <source>&amp;Issue new</source>
        <translation>再発行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/credentials_widget.py" line="89" />
        <source>The old credentials stop working for this session; the reason is recorded.</source>
        <translation>これまでの接続情報はこの相談では使えなくなります。理由は記録されます。</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="40" />
        <source>SMTP settings — %1</source>
        <translation>SMTP設定 — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="67" />
        <source>Only for a certificate signed in-house (PEM)</source>
        <translation>庁内で発行した証明書の場合のみ（PEM）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="68" />
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="78" />
        <source>&amp;Forget the stored password</source>
        <translation>保存したパスワードを削除(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="89" />
        <source>SMTP &amp;server:</source>
        <translation>SMTPサーバー(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="92" />
        <source>Encryption:</source>
        <translation>暗号化：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="93" />
        <source>Port:</source>
        <translation>ポート：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="94" />
        <source>User name:</source>
        <translation>ユーザー名：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="95" />
        <source>Password:</source>
        <translation>パスワード：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="96" />
        <source>Sender address:</source>
        <translation>差出人アドレス：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="97" />
        <source>Sender name:</source>
        <translation>差出人名：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="98" />
        <source>CA certificate:</source>
        <translation>CA証明書：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="100" />
        <source>This office does not send from the desk PC; the sender is used for .eml files.</source>
        <translation>この事業所は窓口PCから送信しません。差出人は.emlファイルに使われます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="121" />
        <source>No keyring on this PC</source>
        <translation>このPCでは保存できません</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="125" />
        <source>The password is kept in this PC's keyring (%1).</source>
        <translation>パスワードはこのPCの資格情報ストア（%1）に保管されます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="127" />
        <source>Stored (empty: keep)</source>
        <translation>保存済み（空欄：変更しない）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="136" />
        <source>CA certificate</source>
        <translation>CA証明書</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/smtp_settings_dialog.py" line="136" />
        <source>PEM (*.pem *.crt *.cer)</source>
        <translation>PEM (*.pem *.crt *.cer)</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="33" />
        <source>Mail templates</source>
        <translation>メールのひな形</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="56" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="59" />
        <source>&amp;Back to the shipped text</source>
        <translation>標準の文面に戻す(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="63" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="68" />
        <source>&amp;Message:</source>
        <translation>メール(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="76" />
        <source>Placeholders (double-click to insert):</source>
        <translation>差し込み項目（ダブルクリックで挿入）：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="86" />
        <source>Line 1: subject. Line 2: empty. From line 3: the body.</source>
        <translation>1行目：件名　2行目：空行　3行目から：本文</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="101" />
        <source>This office's own text</source>
        <translation>この事業所で編集した文面</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="102" />
        <source>Shipped text for this office</source>
        <translation>この事業所向けの標準文面</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="103" />
        <source>Shipped standard text</source>
        <translation>共通の標準文面</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/template_editor_dialog.py" line="118" />
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
</TS>