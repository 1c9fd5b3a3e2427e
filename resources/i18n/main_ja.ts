<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>システム管理者の登録</translation>
    </message>
    <message>
        <source>This database has no staff accounts yet. Create the administrator&apos;s account; the administrator then adds the other staff (Administration &gt; Staff).</source>
        <translation>このデータベースには職員アカウントがまだありません。システム管理者のアカウントを作成してください。ほかの職員はシステム管理者が登録します（管理 &gt; 職員）。</translation>
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
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>パスワード（確認）(&amp;R)：</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>%1文字以上にしてください。</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <source>Consult Desk manual</source>
        <translation>Consult Desk 操作マニュアル</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>事業所(&amp;O)：</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>予約</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <source>&amp;Undo the last step</source>
        <translation>直前の操作を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Meeting platform</source>
        <translation>会議サービス</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>予約カレンダー</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>サインアウト(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Booking</source>
        <translation>予約(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;New booking…</source>
        <translation>新規予約(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>検索(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import form applications…</source>
        <translation>フォーム申込みの取込(&amp;I)…</translation>
    </message>
    <message>
        <source>Go to the &amp;reservation panel</source>
        <translation>予約パネルへ移動(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>マニュアル(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キー操作一覧(&amp;K)</translation>
    </message>
    <message>
        <source>Undo: %1 (#%2)</source>
        <translation>元に戻す：%1（#%2）</translation>
    </message>
    <message>
        <source>Undone: the reservation is “%1” again.</source>
        <translation>元に戻しました。予約は「%1」に戻りました。</translation>
    </message>
    <message>
        <source>(no office)</source>
        <translation>（事業所なし）</translation>
    </message>
    <message>
        <source>Staff: %1</source>
        <translation>担当：%1</translation>
    </message>
    <message>
        <source>Outbox: %1 sent, %2 failed</source>
        <translation>送信箱：%1件送信、%2件失敗</translation>
    </message>
</context>
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <source>Set up offices</source>
        <translation>事業所の設定</translation>
    </message>
    <message>
        <source>This database has no office yet. Tick the offices this desk serves; each starts from the office&apos;s terms of use and can be edited later.</source>
        <translation>このデータベースにはまだ事業所がありません。この窓口で扱う事業所にチェックを付けてください。各事業所は利用規約に基づく設定で始まり、後から変更できます。</translation>
    </message>
    <message>
        <source>Tick at least one office (Space ticks the selected row).</source>
        <translation>事業所を1つ以上選んでください（スペースキーで選択行にチェックが付きます）。</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Show Japanese era years (令和9年1月13日)</source>
        <translation>和暦で表示する（令和9年1月13日）</translation>
    </message>
    <message>
        <source>A new language takes effect the next time Consult Desk starts.</source>
        <translation>表示言語の変更は次回の起動から有効になります。</translation>
    </message>
    <message>
        <source>The office&apos;s setting</source>
        <translation>事業所の設定</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
    <message>
        <source>Lock after &amp;idle time</source>
        <translation>無操作でロックするまで(&amp;I)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Locked</source>
        <translation>画面ロック</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>The desk was locked after a time without use. %1 or another staff member may sign in.</source>
        <translation>一定時間操作がなかったため画面をロックしました。%1さん、またはほかの職員がログインしてください。</translation>
    </message>
    <message>
        <source>The desk is locked. %1 or another staff member may sign in.</source>
        <translation>画面はロックされています。%1さんまたは別の職員がログインできます。</translation>
    </message>
    <message>
        <source>%1 has signed out. Sign in with your staff login.</source>
        <translation>%1さんがサインアウトしました。職員のログインIDでログインしてください。</translation>
    </message>
    <message>
        <source>Sign in with your staff login.</source>
        <translation>職員のログインIDでログインしてください。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>ログインID(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P)：</translation>
    </message>
    <message>
        <source>Demo accounts (login / password): %1</source>
        <translation>デモ用アカウント（ログインID / パスワード）：%1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>StartFrame</name>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <source>Database upgraded</source>
        <translation>データベースを更新しました</translation>
    </message>
</context>
</TS>
