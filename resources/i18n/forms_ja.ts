<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="77" />
        <source>The form's CSV file</source>
        <translation>フォームのCSVファイル</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="78" />
        <source>The answers exported from the electronic form (UTF-8 or Shift_JIS).</source>
        <translation>電子申請フォームから出力した回答一覧（UTF-8またはShift_JIS）を選びます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="82" />
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="92" />
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="95" />
        <source>Encoding:</source>
        <translation>文字コード：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="98" />
        <source>Form CSV</source>
        <translation>フォームのCSV</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="98" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSVファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="113" />
        <source>%1 — %2 rows, %3 columns</source>
        <translation>%1 — %2 行、%3 列</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="65" />
        <source>Will be booked: %1, refused: %2, already imported: %3</source>
        <translation>予約する：%1件、受付不可：%2件、取込済み：%3件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="67" />
        <source>Booked: %1, refused: %2, already imported: %3</source>
        <translation>予約した：%1件、受付不可：%2件、取込済み：%3件</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="303" />
        <source>Import form applications</source>
        <translation>フォーム申込みの取込</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="218" />
        <source>&amp;Import form applications…</source>
        <translation>フォーム申込みの取込(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="391" />
        <source>Outbox: %1 sent, %2 failed</source>
        <translation>送信箱：%1件送信、%2件失敗</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="128" />
        <source>Which column holds what</source>
        <translation>どの列に何が入っているか</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="129" />
        <source>Map the form's columns to the office's fields once; the mapping is saved with the office.</source>
        <translation>フォームの列を事業所の入力項目に一度割り当てます。割り当ては事業所に保存され、次回から使われます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="137" />
        <source>&amp;Save this mapping with the office</source>
        <translation>この割り当てを事業所に保存する(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="145" />
        <source>Saved &amp;mapping:</source>
        <translation>保存済みの割り当て(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="147" />
        <source>Mapping &amp;name:</source>
        <translation>割り当ての名前(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="165" />
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="172" />
        <source>(new mapping)</source>
        <translation>（新しい割り当て）</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="290" />
        <source>Change the sending time</source>
        <translation>送信日時の変更</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="299" />
        <source>Send &amp;at:</source>
        <translation>送信日時(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="56" />
        <source>Due</source>
        <translation>送信予定</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="87" />
        <source>Created %1</source>
        <translation>作成 %1</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="121" />
        <source>&amp;Scheduled only</source>
        <translation>送信予定のみ(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="124" />
        <source>Send &amp;now</source>
        <translation>今すぐ送信(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="127" />
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="206" />
        <source>&amp;Hold</source>
        <translation>保留(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="130" />
        <source>Change &amp;time…</source>
        <translation>送信日時を変更(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="133" />
        <source>Ca&amp;ncel message</source>
        <translation>送信を取消(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="136" />
        <source>It &amp;arrived</source>
        <translation>届いたことを確認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="138" />
        <source>Sending was interrupted: mark it sent after checking it arrived</source>
        <translation>送信中に中断したメールです。届いたことを確認してから送信済みにします</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="206" />
        <source>&amp;Release</source>
        <translation>解除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="244" />
        <source>Message %1 goes out at its time again.</source>
        <translation>メール %1 は予定の日時に送信されます。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="246" />
        <source>Message %1 is held: it is not sent until released.</source>
        <translation>メール %1 を保留しました。解除するまで送信されません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="249" />
        <source>Message %1 cancelled.</source>
        <translation>メール %1 の送信を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="252" />
        <source>Message %1 recorded as sent.</source>
        <translation>メール %1 を送信済みにしました。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/mail/outbox_view.py" line="262" />
        <source>Message %1 now goes out at %2.</source>
        <translation>メール %1 は %2 に送信されます。</translation>
    </message>
    </context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="240" />
        <source>Preview: what each row will give</source>
        <translation>確認：各行の取込結果</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="241" />
        <source>Nothing is stored yet. Each row is checked with the same rules as a booking at the desk, the deadline at the time the form was sent.</source>
        <translation>まだ何も登録していません。各行を窓口での予約と同じ規則で確認します（締切はフォームの申込日時で判定）。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="252" />
        <source>&amp;Import</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="273" />
        <source>Import report</source>
        <translation>取込結果</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="48" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="48" />
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="48" />
        <source>Desired time</source>
        <translation>希望日時</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/import_wizard.py" line="48" />
        <source>Result</source>
        <translation>結果</translation>
    </message>
</context>
</TS>