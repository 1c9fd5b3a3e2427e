<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>MeetingButtons</name>
    <message>
        <location filename="../../consult_desk/ui/desk/meeting_buttons.py" line="39"/>
        <source>Create &amp;meeting on %1</source>
        <translation>%1で会議を作成(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/meeting_buttons.py" line="43"/>
        <source>Delete meeting on %1</source>
        <translation>%1の会議を削除</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/meeting_buttons.py" line="74"/>
        <location filename="../../consult_desk/ui/desk/meeting_buttons.py" line="84"/>
        <source>Made by %1.</source>
        <translation>%1で作成した会議です。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/meeting_buttons.py" line="80" />
        <source>Talking to %1</source>
        <translation>%1と通信しています</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/desk/meeting_buttons.py" line="80" />
        <source>Talking to %1…</source>
        <translation>%1と通信しています…</translation>
    </message>
</context>
<context>
    <name>MeetingsDialog</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="49"/>
        <source>Meeting platform — %1</source>
        <translation>会議サービスの設定 — %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="55"/>
        <source>Creating meetings needs a PC that may reach %1 over the internet (in separated networks: the internet-connected segment, not LGWAN). Without it the desk works fully: the details are typed in.</source>
        <translation>会議の自動作成には、%1にインターネット経由で接続できるPC（ネットワーク分離環境ではLGWAN接続系ではなくインターネット接続系）が必要です。使わない場合も窓口の機能はすべて使えます（接続情報は手入力）。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="66"/>
        <source>Not used (details typed in)</source>
        <translation>使わない（接続情報は手入力）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="68"/>
        <source>On demand (the “Create meeting” button)</source>
        <translation>必要なときに作成（「会議を作成」ボタン）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="69"/>
        <source>Automatically when a reservation is confirmed</source>
        <translation>予約確定時に自動で作成</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="74"/>
        <source>&amp;Meetings:</source>
        <translation>会議の作成(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="89"/>
        <source>Online meeting (OnlineMeetings.ReadWrite.All)</source>
        <translation>オンライン会議（OnlineMeetings.ReadWrite.All）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="90"/>
        <source>Calendar event with a Teams meeting (Calendars.ReadWrite)</source>
        <translation>Teams会議付きの予定表イベント（Calendars.ReadWrite）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="94"/>
        <source>Account ID:</source>
        <translation>アカウントID：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="97"/>
        <source>Tenant ID:</source>
        <translation>テナントID：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="98"/>
        <source>Organiser&apos;s user ID or e-mail</source>
        <translation>開催者のユーザーIDまたはメールアドレス</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="99"/>
        <source>Create as:</source>
        <translation>作成方法：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="101"/>
        <source>Client ID:</source>
        <translation>クライアントID：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="102"/>
        <source>Client secret:</source>
        <translation>クライアントシークレット：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="103"/>
        <source>Organiser (user):</source>
        <translation>開催者（ユーザー）：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="104"/>
        <source>API URL:</source>
        <translation>API URL：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="105"/>
        <source>Sign-in URL:</source>
        <translation>認証URL：</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="109"/>
        <source>%1 has no public interface for creating meetings: staff type the details in.</source>
        <translation>%1には会議を作成する公開APIがないため、接続情報は職員が手入力します。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="120"/>
        <source>Connection &amp;test</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="123"/>
        <source>Saves the settings, then creates a test meeting and deletes it at once</source>
        <translation>設定を保存し、テスト用の会議を作成してすぐに削除します</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="133"/>
        <source>Meetings left to delete on the platform</source>
        <translation>会議サービス側で削除できていない会議（要整理リスト）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="137"/>
        <source>&amp;Delete again</source>
        <translation>もう一度削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="180"/>
        <source>Use the variable %1 instead.</source>
        <translation>代わりに環境変数 %1 を使ってください。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="185"/>
        <source>The client secret is kept in this PC&apos;s keyring, never in the database.</source>
        <translation>クライアントシークレットはこのPCの資格情報ストアに保管し、データベースには保存しません。</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="186"/>
        <source>Stored (empty: keep)</source>
        <translation>保存済み（空欄なら変更しません）</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="186"/>
        <source>Not stored yet</source>
        <translation>未登録</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="193"/>
        <source>reservation #%1</source>
        <translation>予約 %1</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="193"/>
        <source>test</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="245"/>
        <source>Connection test</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <location filename="../../consult_desk/ui/supervisor/meetings_dialog.py" line="240" />
        <source>Testing the connection…</source>
        <translation>接続テスト中…</translation>
    </message>
</context>
<context>
    <name>PlatformCalls</name>
    <message>
        <location filename="../../consult_desk/ui/widgets/platform_calls.py" line="140" />
        <source>Updating the meeting on the platform</source>
        <translation>会議サービスの会議を更新しています</translation>
    </message>
</context>
<context>
    <name>SupervisorActions</name>
    <message>
        <location filename="../../consult_desk/ui/supervisor/actions.py" line="160" />
        <source>&amp;Meeting platform (Zoom, Teams)…</source>
        <translation>会議サービスの設定（Zoom・Teams）(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../consult_desk/ui/shell/main_window.py" line="130" />
        <source>Meeting platform</source>
        <translation>会議サービス</translation>
    </message>
</context>
</TS>
