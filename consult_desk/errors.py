"""Rule refusals and known failures, with messages in the UI language.

The service layer raises :class:`RuleError` naming the rule (``code``) and, where the refusal
comes from an office's terms, the clause. The window and the command line show ``message``;
nothing is written when one is raised (every user action is one transaction).
"""

from __future__ import annotations

from typing import Any

_LANG = "ja"

# code -> (Japanese, English). Parameters are filled with str.format.
MESSAGES: dict[str, tuple[str, str]] = {
    "unknown_office": ("事業所「{office}」は登録されていません", "Office '{office}' does not exist"),
    "unknown_preset": ("プリセット「{preset}」はありません", "There is no preset '{preset}'"),
    "office_exists": ("事業所「{office}」は既に登録されています", "Office '{office}' already exists"),
    "not_found": ("予約 {id} は見つかりません", "Reservation {id} was not found"),
    "closed_day": ("{date} は休業日です（{reason}）", "{date} is a closed day ({reason})"),
    "outside_hours": (
        "{time} は相談の実施時間外です（{hours}）",
        "{time} is outside the consultation hours ({hours})",
    ),
    "off_grid": ("予約は{minutes}分単位の枠で受け付けます", "Bookings are taken on the {minutes}-minute grid"),
    "past": ("過去の日時（{start}）は予約できません", "{start} is in the past"),
    "app_deadline": (
        "申込みの締切（{deadline}、実施日の{days}営業日前）を過ぎています",
        "The application deadline ({deadline}, {days} business days before) has passed",
    ),
    "full": ("この枠は満席です（{start}）", "This slot is full ({start})"),
    "event_full": ("この催しは定員に達しています（定員{capacity}名）", "This event is full ({capacity} places)"),
    "required": ("{label}を入力してください", "{label} is required"),
    "invalid_choice": ("{label}は選択肢から選んでください", "Choose {label} from the list"),
    "ineligible": (
        "対象外です：{label}が「{value}」の方はご利用いただけません",
        "Not eligible: {label} '{value}' does not qualify",
    ),
    "invalid_phone": (
        "電話番号の形式が正しくありません（例：090-1234-5678）",
        "The phone number is not valid (e.g. 090-1234-5678)",
    ),
    "invalid_email": (
        "メールアドレスの形式が正しくありません（例：hanako@example.jp）",
        "The e-mail address is not valid (e.g. hanako@example.jp)",
    ),
    "invalid_job_seeker_no": (
        "求職番号は「5桁-8桁」の13桁で入力してください（例：11010-12345678）",
        "The job-seeker number has 13 digits as 5-8 (e.g. 11010-12345678)",
    ),
    "invalid_kana": ("ふりがなはひらがなで入力してください", "Enter the reading in hiragana"),
    "too_long": ("{label}が長すぎます（{max}文字まで）", "{label} is too long ({max} characters at most)"),
    "unknown_field": ("「{key}」はこの事業所の入力項目にありません", "'{key}' is not an intake field of this office"),
    "companion_incomplete": (
        "同席者は氏名と所属・続柄を両方入力してください",
        "Give both the name and the affiliation or relation of each companion",
    ),
    "companions_not_accepted": ("この事業所では同席者を登録できません", "This office does not take companions"),
    "consent_missing": (
        "利用規約と確認事項への同意が必要です（未確認：{items}）",
        "Consent to the terms and checklist is required (not ticked: {items})",
    ),
    "consent_outdated": (
        "同意した規約の版（{given}）が現行版（{current}）と異なります",
        "Consent was given to terms version {given}, the current one is {current}",
    ),
    "channel_not_accepted": (
        "この事業所では「{channel}」での申込みは受け付けていません（受付：{allowed}）",
        "This office does not take bookings by {channel} (accepted: {allowed})",
    ),
    "first_booking_channel": (
        "初回の申込みは{allowed}のみで受け付けます",
        "A first booking is accepted by {allowed} only",
    ),
    "cancel_channel": (
        "キャンセルは{allowed}で受け付けます",
        "Cancellations are accepted by {allowed}",
    ),
    "same_day_cancel": (
        "当日のキャンセルは{allowed}のみで受け付けます",
        "On the day itself, cancellations are accepted by {allowed} only",
    ),
    "cancel_after_start": (
        "開始時刻（{start}）を過ぎた予約はキャンセルできません",
        "A reservation cannot be cancelled after its start ({start})",
    ),
    "transition": (
        "現在の状態（{status}）では「{action}」はできません",
        "'{action}' is not possible while the reservation is {status}",
    ),
    "no_show_too_early": (
        "無断キャンセルの記録は開始{grace}分後（{at}）からです",
        "A no-show can be recorded only from {grace} minutes after the start ({at})",
    ),
    "no_show_contacted": (
        "本人から連絡の記録があるため無断キャンセルにはできません",
        "The applicant made contact, so this is not a no-show",
    ),
    "extend_limit": (
        "延長は1回あたり最大{max}分までです",
        "A session can be extended to {max} minutes at most",
    ),
    "reschedule_city_fault": (
        "接続不良時の別日程は、原因が市にある場合のみです。理由を入力してください",
        "Another slot after a connection failure is offered only when the city caused it: give the reason",
    ),
    "reason_required": ("理由を入力してください", "Give a reason"),
    # session day (issue 4)
    "not_session_day": (
        "入室確認と相談開始は相談日（{date}）の当日に行います",
        "Check-in and start happen on the day of the session ({date})",
    ),
    "identity_not_checked": (
        "入室時に顔と名前を確認してから入室確認をしてください",
        "Check the applicant's face and name before checking them in",
    ),
    "connection_test_failed": (
        "接続テストが不合格のため開始できません。再テストするか「接続不良」で電話折返しに切り替えてください",
        "The connection test failed: test again, or switch to a phone callback with 'Connection failed'",
    ),
    "phone_duration": (
        "電話相談の時間を1～{max}分で入力してください",
        "Give the length of the phone consultation in minutes (1 to {max})",
    ),
    "callback_not_reached": (
        "電話がつながった記録がありません。先に折返し電話の結果「つながった」を記録してください",
        "No call has reached the applicant yet: log a reached call first",
    ),
    "callback_no_attempt": (
        "折返し電話の記録がありません。先に架電の結果を記録してください",
        "No callback has been tried yet: log a call first",
    ),
    "in_session_booking": (
        "相談中の次回予約は、入室確認済または相談中の予約からのみ受け付けます",
        "A next booking in session is taken only from a checked-in or running session",
    ),
    "unknown_act": ("禁止行為「{act}」はこの事業所の一覧にありません", "'{act}' is not in this office's prohibited acts"),
    "not_offer_office": ("この事業所では日時の提示（オファー）は行いません", "This office does not offer times by e-mail"),
    "invalid_date": ("日付の形式が正しくありません：{value}", "Not a valid date: {value}"),
    "invalid_datetime": ("日時の形式が正しくありません：{value}", "Not a valid date and time: {value}"),
    "date_out_of_range": (
        "{value} は扱える日付の範囲（{first}～{last}）の外です",
        "{value} is outside the dates handled ({first} to {last})",
    ),
    "file_unwritable": ("ファイルに書き込めません：{path}（{detail}）", "The file cannot be written: {path} ({detail})"),
    "invalid_value": ("{label}の値が正しくありません：{value}", "{label} is not valid: {value}"),
    "event_not_found": ("催し {id} は見つかりません", "Event {id} was not found"),
    "permission": ("この操作には権限がありません（{action}：{role}）", "Not allowed for this role ({action}: {role})"),
    "newer_schema": (
        "このデータベースは新しい版（スキーマ{found}）のConsult Deskで作成されています。"
        "この版（スキーマ{supported}）では開けません。ファイルは変更していません",
        "This database was written by a newer Consult Desk (schema {found}); this version reads up to "
        "{supported}. Nothing was changed",
    ),
    "db_corrupt": (
        "データベースファイルが壊れているか、データベースではありません：{path}。ファイルは変更していません",
        "The database file is damaged or not a database: {path}. Nothing was changed",
    ),
    "db_locked": (
        "データベースが他の処理でロックされています。しばらくしてからやり直してください",
        "The database is locked by another process; try again in a moment",
    ),
    "db_readonly": (
        "データベースに書き込めません（読み取り専用）：{path}",
        "The database cannot be written (read-only): {path}",
    ),
    "db_unavailable": ("データベースを開けません：{detail}", "The database cannot be opened: {detail}"),
    "db_not_initialised": (
        "データベースが初期化されていません。先に init を実行してください",
        "The database is not initialised: run init first",
    ),
    "no_offices": ("事業所が登録されていません", "No office is set up"),
    # meeting credentials, mail templates, SMTP (issue 5)
    "credential_field_unused": (
        "「{field}」はこの事業所（{platform}）の接続情報にはありません",
        "'{field}' is not a meeting credential of this office ({platform})",
    ),
    "credential_required": ("接続情報の{fields}を入力してください（{platform}）", "Enter the {fields} ({platform})"),
    "credential_url": (
        "URLは https:// で始まる形式で入力してください（空白不可）",
        "The URL must start with https:// and contain no spaces",
    ),
    "credential_meeting_id": (
        "ミーティングIDは数字{min}～{max}桁で入力してください",
        "The meeting ID has {min} to {max} digits",
    ),
    "credential_secret_format": (
        "{label}は半角の英数字・記号で入力してください（空白不可、{max}文字まで）",
        "The {label} takes ASCII letters, digits and symbols only (no spaces, {max} at most)",
    ),
    "credential_url_reused": (
        "このURLは別の予約（予約{other}）で使われています。相談ごとに異なるURLが必要です",
        "This URL was used for another reservation ({other}); every session needs its own URL",
    ),
    "credentials_closed": (
        "現在の状態（{status}）では接続情報を変更できません",
        "Meeting credentials cannot be changed while the reservation is {status}",
    ),
    "credentials_none": ("この予約には接続情報が登録されていません", "This reservation has no meeting credentials"),
    "credential_reissue_same": (
        "再発行では、無効にする{label}と異なる値を入力してください",
        "A reissue needs a {label} different from the one withdrawn",
    ),
    "credential_secret_in_note": (
        "メモや理由にパスコード・パスワード等を書かないでください",
        "Do not write a passcode or password into a note or reason",
    ),
    "keyring_unavailable": (
        "このPCではパスワードを安全に保管する仕組み（OSの資格情報ストア）が使えないため、"
        "SMTPパスワードを保存・読み出しできません。パスワードをファイル等に保存することはしません（{detail}）",
        "This PC has no usable credential store (keyring), so the SMTP password cannot be stored or read; "
        "it is never kept in a file instead ({detail})",
    ),
    "smtp_password_missing": (
        "事業所「{office}」のSMTPパスワードがこのPCに登録されていません。SMTP設定で登録してください",
        "The SMTP password of office '{office}' is not stored on this PC: enter it in the SMTP settings",
    ),
    "smtp_not_configured": (
        "事業所「{office}」のメール送信設定（SMTPサーバー・差出人）がありません",
        "Office '{office}' has no SMTP settings (server and sender)",
    ),
    "smtp_insecure": (
        "暗号化なしの送信は、このPC内のサーバー（localhost）宛てにのみ使えます",
        "Unencrypted SMTP is allowed only to a server on this PC (localhost)",
    ),
    "mail_not_allowed": (
        "この事業所では窓口PCからメールを送信しません。「.emlで保存」または「コピー」を使ってください",
        "This office does not send mail from the desk PC: save as .eml or copy instead",
    ),
    "mail_failed": ("メールを送信できませんでした：{detail}", "The mail could not be sent: {detail}"),
    "applicant_no_email": ("申込者のメールアドレスがありません", "The applicant has no e-mail address"),
    "template_unknown": ("メールのひな形「{name}」はありません", "There is no mail template '{name}'"),
    "template_not_for_status": (
        "現在の状態（{status}）では「{template}」のメールは送れません",
        "The '{template}' mail does not fit a reservation that is {status}",
    ),
    "template_placeholder": (
        "ひな形に使えない差し込み項目があります：{names}",
        "The template uses unknown placeholders: {names}",
    ),
    "template_format": (
        "ひな形は1行目に件名、2行目を空行、3行目から本文としてください",
        "A template is the subject on line 1, an empty line 2, then the body",
    ),
    "outbox_not_found": ("送信箱のメール {id} は見つかりません", "Outbox message {id} was not found"),
    "outbox_state": (
        "送信箱のメール {id} は「{state}」のため、この操作はできません",
        "Outbox message {id} is {state}: not possible now",
    ),
    # issue 17: form import, the outbox schedule and its sender
    "submitted_in_future": (
        "申込日時（{at}）が現在より後になっています",
        "The submission time ({at}) is later than now",
    ),
    "outbox_due_past": ("送信日時（{due}）が過去です", "The sending time ({due}) is in the past"),
    "outbox_due_after_start": (
        "送信日時（{due}）が相談の開始（{start}）以降です",
        "The sending time ({due}) is not before the session starts ({start})",
    ),
    "import_unreadable": ("CSVファイルを読めません：{detail}", "The CSV file cannot be read: {detail}"),
    "import_encoding": (
        "CSVファイルの文字コードを判定できません（UTF-8またはShift_JIS/CP932で保存してください）",
        "The CSV file's encoding is not recognised (save it as UTF-8 or Shift_JIS/CP932)",
    ),
    "import_empty": ("CSVファイルに見出し行とデータがありません", "The CSV file has no header row and data"),
    "import_too_large": (
        "CSVファイルが大きすぎます（{max}行まで）",
        "The CSV file is too large ({max} rows at most)",
    ),
    "mapping_unknown": ("取込設定「{name}」は保存されていません", "No import mapping named '{name}' is saved"),
    "mapping_invalid": ("取込設定が正しくありません：{detail}", "The import mapping is not valid: {detail}"),
    "mapping_required": (
        "取込設定で必須の項目に列が割り当てられていません：{names}",
        "The import mapping gives no column for required fields: {names}",
    ),
    "mapping_column_missing": (
        "CSVに列「{column}」がありません（取込設定の「{key}」）",
        "The CSV has no column '{column}' (mapping key '{key}')",
    ),
    "mapping_name": (
        "取込設定の名前は1～{max}文字で入力してください",
        "Give the import mapping a name of 1 to {max} characters",
    ),
    "import_duplicate": (
        "この申込みは取込済みです（予約{reservation}）",
        "This application was already imported (reservation {reservation})",
    ),
    "import_cell": ("{column}：{message}", "{column}: {message}"),
    # supervisor: staff, sign-in, reports, retention, backup (issue 6)
    "sign_in_failed": ("ログインIDまたはパスワードが違います", "Wrong login or password"),
    "sign_in_locked": (
        "ログインに続けて失敗したため、{until}まではログインできません",
        "Too many failed sign-ins: try again after {until}",
    ),
    "invalid_login": (
        "ログインIDは半角英数字と「. _ -」で{max}文字までにしてください",
        "A login is letters, digits and . _ - ({max} characters at most)",
    ),
    "weak_password": ("パスワードは{min}文字以上にしてください", "A password needs at least {min} characters"),
    "password_mismatch": ("確認用のパスワードが一致しません", "The two passwords differ"),
    "staff_exists": ("ログインID「{login}」は既に使われています", "The login '{login}' is taken"),
    "unknown_staff": ("職員「{login}」は登録されていません", "There is no staff member '{login}'"),
    "last_admin": (
        "システム管理者が1人もいなくなるため、この変更はできません",
        "This would leave no administrator",
    ),
    "admin_exists": ("システム管理者は既に登録されています", "An administrator already exists"),
    "invalid_month": ("月の形式が正しくありません（例：2027-01）：{value}", "Not a valid month (e.g. 2027-01): {value}"),
    "backup_sqlite_only": (
        "バックアップと復元はSQLiteのデータベースファイルでのみ行えます（PostgreSQLはサーバ側でpg_dumpを使用してください）",
        "Backup and restore work on a SQLite database file only (for PostgreSQL use pg_dump on the server)",
    ),
    "backup_failed": ("バックアップを作成できませんでした：{detail}", "The backup could not be made: {detail}"),
    "restore_missing": ("復元するファイルがありません：{path}", "There is no file to restore: {path}"),
    "restore_damaged": (
        "バックアップファイルが壊れています（{detail}）：{path}。現在のデータベースは変更していません",
        "The backup file is damaged ({detail}): {path}. The current database was not changed",
    ),
    "restore_not_backup": (
        "このファイルはConsult Deskのデータベースではありません（{detail}）：{path}。現在のデータベースは変更していません",
        "This file is not a Consult Desk database ({detail}): {path}. The current database was not changed",
    ),
    "restore_newer": (
        "このバックアップは新しい版（スキーマ{found}）で作成されています。この版（スキーマ{supported}）では復元できません。"
        "現在のデータベースは変更していません",
        "This backup was written by a newer version (schema {found}); this version reads up to {supported}. "
        "The current database was not changed",
    ),
    # issue 11: actions as data
    "unknown_action": ("「{action}」という操作はありません", "There is no action '{action}'"),
    "details_incomplete": (
        "{platform}の接続情報が揃っていないため、案内送付済にできません（未登録：{fields}）",
        "The {platform} meeting details are incomplete, so they cannot be marked as sent (missing: {fields})",
    ),
    "trouble_not_acknowledged": (
        "この方には過去の利用状況の記録があります：{dates}。確認のうえ受け付ける場合は、そのことを明示してください"
        "（コマンドラインでは --acknowledge-trouble）",
        "This applicant has earlier trouble: {dates}. To book, acknowledge it explicitly "
        "(on the command line: --acknowledge-trouble)",
    ),
    "connection_test_required": (
        "接続テストの結果（成功・失敗）を入力してください",
        "Give the result of the connection test (ok or failed)",
    ),
    "channel_required": ("受付の方法（電話・メールなど）を選んでください", "Choose the channel (phone, e-mail...)"),
    # end issue 11
    # meetings created by the platforms: Zoom, Microsoft Graph (issue 16)
    "meetings_setting_invalid": (
        "会議の設定「{key}」の値が正しくありません：{value}",
        "The meetings setting '{key}' is not valid: {value}",
    ),
    "meetings_setting_missing": ("会議の設定「{key}」を入力してください", "The meetings setting '{key}' is required"),
    "meetings_setting_unknown": (
        "会議の設定に「{key}」という項目はありません（使える項目：{keys}）",
        "The meetings setting has no key '{key}' (keys: {keys})",
    ),
    "meetings_wrong_platform": (
        "{provider}の会議はこの事業所の会議サービス（{platform}）では使えません",
        "{provider} meetings do not fit this office's platform ({platform})",
    ),
    "meetings_not_configured": (
        "この事業所（{platform}）では会議の自動作成を設定していません。接続情報は手入力してください",
        "This office ({platform}) does not create meetings through a platform: type the details in",
    ),
    "meetings_secret_missing": (
        "クライアントシークレットが登録されていません（会議サービスの設定で登録するか、環境変数 {env} で指定してください）",
        "No client secret is stored (store it in the meeting platform settings, or set {env})",
    ),
    "meetings_refused": (
        "{platform}が認証情報を受け付けませんでした（アカウントID／テナント・クライアントID・シークレットを確認してください：{detail}）",
        "{platform} refused the credentials (check the account id or tenant, client id and secret: {detail})",
    ),
    "meetings_tenant": (
        "{platform}：テナント「{tenant}」の設定を取得できませんでした（テナントIDを確認してください）",
        "{platform}: the tenant '{tenant}' could not be found (check the tenant id)",
    ),
    "meetings_forbidden": (
        "{platform}がこの操作を許可しませんでした（アプリの権限・スコープ、Teamsではアプリケーション アクセス ポリシーを確認してください：{detail}）",
        "{platform} did not allow this (check the app's permissions or scopes, and for Teams the application access policy: {detail})",
    ),
    "meetings_rate_limited": (
        "{platform}の利用回数の上限に達しました。{seconds}秒ほど待ってからやり直してください（接続情報は手入力もできます）",
        "{platform} asks to slow down: try again in about {seconds} seconds (or type the details in)",
    ),
    "meetings_unavailable": (
        "{platform}に接続できませんでした（{detail}）。時間をおいてやり直すか、接続情報を手入力してください",
        "{platform} could not be reached ({detail}). Try again later, or type the details in",
    ),
    "meetings_bad_answer": (
        "{platform}の応答を読み取れませんでした（{detail}）。{platform}の会議一覧を確認し、必要なら接続情報を手入力してください",
        "{platform}'s answer could not be read ({detail}). Check the meeting list on {platform}; type the details in if needed",
    ),
    "meetings_failed": ("{platform}が要求を受け付けませんでした（{detail}）", "{platform} did not accept the request ({detail})"),
    "meetings_gone": (
        "{platform}にこの会議はもうありません（{platform}側で削除されたようです）",
        "{platform} no longer has this meeting (it seems to have been deleted there)",
    ),
    "meetings_exists": (
        "この予約には{platform}で作成した会議が既にあります",
        "This reservation already has a meeting created on {platform}",
    ),
    "meetings_none": ("この予約には会議サービスで作成した会議がありません", "This reservation has no meeting created by a platform"),
    "meetings_store_failed": (
        "{platform}で会議を作成しましたが予約に保存できませんでした（{detail}）。作成した会議は削除しました",
        "{platform} created the meeting but it could not be stored ({detail}); the meeting was deleted again",
    ),
    "meetings_store_failed_listed": (
        "{platform}で会議を作成しましたが予約に保存できず（{detail}）、削除もできなかったため要整理リストに記録しました",
        "{platform} created the meeting but it could not be stored ({detail}) nor deleted: it is on the clean-up list",
    ),
    "meetings_move_failed": (
        "{platform}の会議の時刻を変更できませんでした（{detail}）。会議は元の時刻のままです",
        "The {platform} meeting could not be moved ({detail}); it keeps its old time",
    ),
    "meetings_move_retired": (
        "{platform}の会議を新しい日時へ移動できなかったため削除しました（{detail}）。新しい予約で「会議を作成」するか接続情報を手入力してください",
        "The {platform} meeting could not be moved ({detail}) and was deleted: create a new one or type the details in",
    ),
    "meetings_move_listed": (
        "{platform}の会議を移動も削除もできなかったため要整理リストに記録しました（{detail}）。新しい予約の接続情報は作成し直してください",
        "The {platform} meeting could be neither moved nor deleted ({detail}): it is on the clean-up list",
    ),
    "meetings_created": ("{platform}で会議を作成しました", "The {platform} meeting was created"),
    "meetings_moved": ("{platform}の会議を{when}に変更しました", "The {platform} meeting now runs {when}"),
    "meetings_deleted": ("{platform}の会議を削除しました", "The {platform} meeting was deleted"),
    "meetings_test_ok": (
        "{platform}に接続できました（{user}でテスト会議を作成し、削除しました）",
        "Connected to {platform} (a test meeting was created for {user} and deleted)",
    ),
    "meetings_test_not_deleted": (
        "{platform}でテスト会議を作成できましたが削除できませんでした（{detail}）。要整理リストに記録しました",
        "{platform} created a test meeting but it could not be deleted ({detail}): it is on the clean-up list",
    ),
    "meetings_manual_and_platform": (
        "--create／--delete と接続情報の手入力（--url など）は同時に指定できません",
        "--create or --delete cannot be combined with typed-in details (--url etc.)",
    ),
    "meetings_cleanup_unknown": ("要整理リストに {id} はありません", "There is no clean-up entry {id}"),
    # seed rules corrected: session lengths, loans, offers, no-shows, check-in, reissue (issue 12)
    "session_length": (
        "相談時間は{allowed}分から選んでください（{minutes}分は選べません）",
        "Choose a session length of {allowed} minutes ({minutes} is not offered)",
    ),
    "loans_not_offered": (
        "この事業所は機器の貸与を行っていません",
        "This office does not lend equipment",
    ),
    "loan_not_found": ("貸与記録 {id} は見つかりません", "Loan {id} was not found"),
    "loan_returned": ("貸与記録 {id} は{date}に返却済みです", "Loan {id} was returned on {date}"),
    "loan_target": (
        "貸与先の予約またはイベントを1つ指定してください",
        "Name the reservation or the event the equipment is lent for (one of them)",
    ),
    "loan_participant": (
        "予約{reservation}はイベント{event}の参加者ではありません",
        "Reservation {reservation} is not a participant of event {event}",
    ),
    "loan_due_before_lent": (
        "返却予定日（{due}）が貸与日（{lent}）より前です",
        "The due-back date ({due}) is before the day it was lent ({lent})",
    ),
    "loan_return_before_lent": (
        "返却日（{returned}）が貸与日（{lent}）より前です",
        "The return date ({returned}) is before the day it was lent ({lent})",
    ),
    "offer_too_late": (
        "{deadline}（営業日上の前々日）を過ぎているため、予約確定のメールは原則として送れません。送る場合は理由を記録してください",
        "The booking must be complete by {deadline} (two business days before): to send the confirming mail now, give a reason",
    ),
    "offer_slot_taken": (
        "提示する日時 {start} は予約できません：{reason}",
        "The time offered, {start}, cannot be booked: {reason}",
    ),
    "no_show_not_communicated": (
        "実施日時をまだ連絡していない予約は無断キャンセルにできません（キャンセルまたはお断りとしてください）",
        "A session whose date and time were never communicated cannot be a no-show (cancel or refuse it instead)",
    ),
    "details_not_sent": (
        "接続情報を送付していないため入室確認できません（原則として3営業日前までにメールで連絡のあった方が利用できます）。"
        "入室させる場合は理由を記録してください",
        "The meeting details were never sent: check-in needs a reason (in principle only those mailed the details may join)",
    ),
    "cancel_after_grace": (
        "開始時刻から{grace}分（{at}）を過ぎ、連絡がなかったため、キャンセルではなく無断キャンセルとなります",
        "{grace} minutes past the start ({at}) without contact: this is a no-show, not a cancellation",
    ),
    "reissue_reason_required": (
        "再発行の理由を入力してください（紛失・盗難など）",
        "Give the reason for reissuing (lost, stolen ...)",
    ),
    # issue 15: undo of the last reversible step
    "undo_too_late": (
        "元に戻せません（その後に操作があったか、時間が過ぎました）",
        "This step can no longer be undone (something happened since, or too much time has passed)",
    ),
    # issue 11: work run off the window's thread (consult_desk/ui/shell/ops.py)
    "operation_failed": ("処理を完了できませんでした：{detail}", "The operation could not be completed: {detail}"),
    # least privilege and tamper evidence (issue 13)
    "sign_in_required": (
        "このデータベースには職員が登録されています。--staff ログインID を指定し、パスワード"
        "（環境変数CONSULT_DESK_PASSWORDまたは入力）でログインしてください",
        "This database has staff accounts: sign in with --staff LOGIN and the password "
        "(CONSULT_DESK_PASSWORD or the prompt)",
    ),
    "password_required": (
        "{what}を入力できません（端末がありません）。環境変数{variable}で渡してください",
        "Cannot ask for the {what} (no terminal): pass it in {variable}",
    ),
    "audit_broken": (
        "操作記録の改ざんを検出しました（{rows}件中、記録番号{first_bad}から連鎖が一致しません）。"
        "システム管理者に連絡し、バックアップと照合してください",
        "The audit log has been tampered with: the chain breaks at entry {first_bad} (of {rows}). "
        "Tell the administrator and compare with a backup",
    ),
    "audit_triggers_missing": (
        "操作記録の保護（変更・削除を拒否するトリガー）が削除されています。システム管理者が内容を確認のうえ再設定してください",
        "The audit log's protection (the triggers refusing changes and deletions) has been removed. "
        "The administrator reinstalls it after checking the log",
    ),
    "audit_ok": (
        "操作記録の連鎖は正常です（{rows}件を確認）",
        "The audit log's chain holds ({rows} entries checked)",
    ),
    "schema_upgrade_owner": (
        "データベースの更新（スキーマ{found}→{supported}）が必要です。システム管理者が所有者のログインで"
        "「consult-desk init」を実行してください",
        "The database needs an upgrade (schema {found} to {supported}): the administrator runs "
        "'consult-desk init' with the owner's login",
    ),
    "pg_role_failed": (
        "PostgreSQLのログインロールを変更できませんでした：{detail}",
        "The PostgreSQL login role could not be changed: {detail}",
    ),
    # issue 14: robustness
    "control_chars": (
        "{label}に改行やタブなどの制御文字は使えません（1行で入力してください）",
        "{label} must be one line, without line breaks, tabs or other control characters",
    ),
    "extend_minutes": (
        "延長する時間は1分から{max}分までの分数で指定してください",
        "Give the extension in minutes, from 1 to {max}",
    ),
    "smtp_password_chars": (
        "SMTPのパスワードは半角の英数字と記号で入力してください（全角文字・改行は使えません）",
        "The SMTP password must be ASCII letters, digits and symbols (no full-width characters or line breaks)",
    ),
    "same_person_slot": (
        "同じ方（電話番号・メールアドレス・求職番号のいずれかが同じ）がこの枠を既に予約しています（予約{other}）。1枠に1人1席です",
        "The same person (same phone, e-mail or job-seeker number) already holds a seat in this slot "
        "(reservation {other}): one seat per person and slot",
    ),
    "number_range": (
        "{label}は{low}から{high}までの整数で指定してください：{value}",
        "{label} must be a whole number from {low} to {high}: {value}",
    ),
}


def set_language(lang: str) -> None:
    """Switch rule messages between Japanese (default) and English."""
    global _LANG
    _LANG = "en" if lang.lower().startswith("en") else "ja"


def language() -> str:
    return _LANG


def message(code: str, **params: Any) -> str:
    ja, en = MESSAGES.get(code, (code, code))
    template = en if _LANG == "en" else ja
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class ConsultDeskError(Exception):
    """A known failure: shown to the user as a sentence, never as a traceback."""

    def __init__(self, code: str, clause: str | None = None, **params: Any) -> None:
        self.code = code
        self.clause = clause
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return message(self.code, **self.params)

    def one_line(self) -> str:
        """For stderr: always one line, even when the message quotes input holding line breaks."""
        where = f" ({self.clause})" if self.clause else ""
        return " ".join(f"{self.code}{where}: {self.message}".splitlines())


class RuleError(ConsultDeskError):
    """A request refused by a booking rule or the reservation state machine."""


class StorageError(ConsultDeskError):
    """The database cannot be used as asked (damaged, locked, newer, read-only)."""
