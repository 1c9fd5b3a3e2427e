"""Rule refusals and known failures, with messages in the UI language.

The service layer raises :class:`RuleError` naming the rule (``code``) and, where the refusal
comes from an office's terms, the clause. The window and the command line show ``message``;
nothing is written when one is raised (every user action is one transaction).
"""

from __future__ import annotations

import re
from typing import Any

from consult_desk.i18n import LANGUAGES, N_, _t, language, set_language

__all__ = [
    "MESSAGES", "ConsultDeskError", "RuleError", "StorageError", "language", "message", "set_language",
]

# code -> English message id with {named} placeholders; the Japanese is in the gettext catalogue
# (resources/locale/ja/LC_MESSAGES/consult_desk.po). A new message may be written as a
# (Japanese, English) pair as before: scripts/messages_to_gettext.py turns it into an id and a
# catalogue entry (tests/test_i18n_catalogue.py fails until it has been run).
MESSAGES: dict[str, str | tuple[str, str]] = {
    "unknown_office": N_("Office '{office}' does not exist"),
    "unknown_preset": N_("There is no preset '{preset}'"),
    "office_exists": N_("Office '{office}' already exists"),
    "not_found": N_("Reservation {id} was not found"),
    "closed_day": N_("{date} is a closed day ({reason})"),
    "outside_hours": N_("{time} is outside the consultation hours ({hours})"),
    "off_grid": N_("Bookings are taken on the {minutes}-minute grid"),
    "past": N_("{start} is in the past"),
    "app_deadline": N_("The application deadline ({deadline}, {days} business days before) has passed"),
    "full": N_("This slot is full ({start})"),
    "event_full": N_("This event is full ({capacity} places)"),
    "required": N_("{label} is required"),
    "invalid_choice": N_("Choose {label} from the list"),
    "ineligible": N_("Not eligible: {label} '{value}' does not qualify"),
    "invalid_phone": N_("The phone number is not valid (e.g. 090-1234-5678)"),
    "invalid_email": N_("The e-mail address is not valid (e.g. hanako@example.jp)"),
    "invalid_job_seeker_no": N_("The job-seeker number has 13 digits as 5-8 (e.g. 11010-12345678)"),
    "invalid_kana": N_("Enter the reading in hiragana"),
    "too_long": N_("{label} is too long ({max} characters at most)"),
    "unknown_field": N_("'{key}' is not an intake field of this office"),
    "companion_incomplete": N_("Give both the name and the affiliation or relation of each companion"),
    "companions_not_accepted": N_("This office does not take companions"),
    "consent_missing": N_("Consent to the terms and checklist is required (not ticked: {items})"),
    "consent_outdated": N_("Consent was given to terms version {given}, the current one is {current}"),
    "channel_not_accepted": N_("This office does not take bookings by {channel} (accepted: {allowed})"),
    "first_booking_channel": N_("A first booking is accepted by {allowed} only"),
    "cancel_channel": N_("Cancellations are accepted by {allowed}"),
    "same_day_cancel": N_("On the day itself, cancellations are accepted by {allowed} only"),
    "cancel_after_start": N_("A reservation cannot be cancelled after its start ({start})"),
    "transition": N_("'{action}' is not possible while the reservation is {status}"),
    "no_show_too_early": N_("A no-show can be recorded only from {grace} minutes after the start ({at})"),
    "no_show_contacted": N_("The applicant made contact, so this is not a no-show"),
    "extend_limit": N_("A session can be extended to {max} minutes at most"),
    "reschedule_city_fault": N_("Another slot after a connection failure is offered only when the city caused it: give the reason"),
    "reason_required": N_("Give a reason"),
    # session day (issue 4)
    "not_session_day": N_("Check-in and start happen on the day of the session ({date})"),
    "identity_not_checked": N_("Check the applicant's face and name before checking them in"),
    "connection_test_failed": N_("The connection test failed: test again, or switch to a phone callback with 'Connection failed'"),
    "phone_duration": N_("Give the length of the phone consultation in minutes (1 to {max})"),
    "callback_not_reached": N_("No call has reached the applicant yet: log a reached call first"),
    "callback_no_attempt": N_("No callback has been tried yet: log a call first"),
    "in_session_booking": N_("A next booking in session is taken only from a checked-in or running session"),
    "unknown_act": N_("'{act}' is not in this office's prohibited acts"),
    "not_offer_office": N_("This office does not offer times by e-mail"),
    "invalid_date": N_("Not a valid date: {value}"),
    "invalid_datetime": N_("Not a valid date and time: {value}"),
    "date_out_of_range": N_("{value} is outside the dates handled ({first} to {last})"),
    "file_unwritable": N_("The file cannot be written: {path} ({detail})"),
    "invalid_value": N_("{label} is not valid: {value}"),
    "event_not_found": N_("Event {id} was not found"),
    "permission": N_("Not allowed for this role ({action}: {role})"),
    "newer_schema": N_(
        "This database was written by a newer Consult Desk (schema {found}); this version reads up to "
        "{supported}. Nothing was changed"
    ),
    "db_corrupt": N_("The database file is damaged or not a database: {path}. Nothing was changed"),
    "db_locked": N_("The database is locked by another process; try again in a moment"),
    "db_readonly": N_("The database cannot be written (read-only): {path}"),
    "db_unavailable": N_("The database cannot be opened: {detail}"),
    "db_not_initialised": N_("The database is not initialised: run init first"),
    "no_offices": N_("No office is set up"),
    # meeting credentials, mail templates, SMTP (issue 5)
    "credential_field_unused": N_("'{field}' is not a meeting credential of this office ({platform})"),
    "credential_required": N_("Enter the {fields} ({platform})"),
    "credential_url": N_("The URL must start with https:// and contain no spaces"),
    "credential_meeting_id": N_("The meeting ID has {min} to {max} digits"),
    "credential_secret_format": N_("The {label} takes ASCII letters, digits and symbols only (no spaces, {max} at most)"),
    "credential_url_reused": N_("This URL was used for another reservation ({other}); every session needs its own URL"),
    "credentials_closed": N_("Meeting credentials cannot be changed while the reservation is {status}"),
    "credentials_none": N_("This reservation has no meeting credentials"),
    "credential_reissue_same": N_("A reissue needs a {label} different from the one withdrawn"),
    "credential_secret_in_note": N_("Do not write a passcode or password into a note or reason"),
    "keyring_unavailable": N_(
        "This PC has no usable credential store (keyring), so the SMTP password cannot be stored or read; "
        "it is never kept in a file instead ({detail})"
    ),
    "smtp_password_missing": N_("The SMTP password of office '{office}' is not stored on this PC: enter it in the SMTP settings"),
    "smtp_not_configured": N_("Office '{office}' has no SMTP settings (server and sender)"),
    "smtp_insecure": N_("Unencrypted SMTP is allowed only to a server on this PC (localhost)"),
    "mail_not_allowed": N_("This office does not send mail from the desk PC: save as .eml or copy instead"),
    "mail_failed": N_("The mail could not be sent: {detail}"),
    "applicant_no_email": N_("The applicant has no e-mail address"),
    "template_unknown": N_("There is no mail template '{name}'"),
    "template_not_for_status": N_("The '{template}' mail does not fit a reservation that is {status}"),
    "template_placeholder": N_("The template uses unknown placeholders: {names}"),
    "template_format": N_("A template is the subject on line 1, an empty line 2, then the body"),
    "outbox_not_found": N_("Outbox message {id} was not found"),
    "outbox_state": N_("Outbox message {id} is {state}: not possible now"),
    # issue 17: form import, the outbox schedule and its sender
    "submitted_in_future": N_("The submission time ({at}) is later than now"),
    "outbox_due_past": N_("The sending time ({due}) is in the past"),
    "outbox_due_after_start": N_("The sending time ({due}) is not before the session starts ({start})"),
    "import_unreadable": N_("The CSV file cannot be read: {detail}"),
    "import_encoding": N_("The CSV file's encoding is not recognised (save it as UTF-8 or Shift_JIS/CP932)"),
    "import_empty": N_("The CSV file has no header row and data"),
    "import_too_large": N_("The CSV file is too large ({max} rows at most)"),
    "mapping_unknown": N_("No import mapping named '{name}' is saved"),
    "mapping_invalid": N_("The import mapping is not valid: {detail}"),
    "mapping_required": N_("The import mapping gives no column for required fields: {names}"),
    "mapping_column_missing": N_("The CSV has no column '{column}' (mapping key '{key}')"),
    "mapping_name": N_("Give the import mapping a name of 1 to {max} characters"),
    "import_duplicate": N_("This application was already imported (reservation {reservation})"),
    "import_cell": N_("{column}: {message}"),
    # supervisor: staff, sign-in, reports, retention, backup (issue 6)
    "sign_in_failed": N_("Wrong login or password"),
    "sign_in_locked": N_("Too many failed sign-ins: try again after {until}"),
    "invalid_login": N_("A login is letters, digits and . _ - ({max} characters at most)"),
    "weak_password": N_("A password needs at least {min} characters"),
    "password_mismatch": N_("The two passwords differ"),
    "staff_exists": N_("The login '{login}' is taken"),
    "unknown_staff": N_("There is no staff member '{login}'"),
    "last_admin": N_("This would leave no administrator"),
    "admin_exists": N_("An administrator already exists"),
    "invalid_month": N_("Not a valid month (e.g. 2027-01): {value}"),
    "backup_sqlite_only": N_("Backup and restore work on a SQLite database file only (for PostgreSQL use pg_dump on the server)"),
    "backup_failed": N_("The backup could not be made: {detail}"),
    "restore_missing": N_("There is no file to restore: {path}"),
    "restore_damaged": N_("The backup file is damaged ({detail}): {path}. The current database was not changed"),
    "restore_not_backup": N_("This file is not a Consult Desk database ({detail}): {path}. The current database was not changed"),
    "restore_newer": N_(
        "This backup was written by a newer version (schema {found}); this version reads up to {supported}. "
        "The current database was not changed"
    ),
    # issue 11: actions as data
    "unknown_action": N_("There is no action '{action}'"),
    "details_incomplete": N_("The {platform} meeting details are incomplete, so they cannot be marked as sent (missing: {fields})"),
    "trouble_not_acknowledged": N_(
        "This applicant has earlier trouble: {dates}. To book, acknowledge it explicitly "
        "(on the command line: --acknowledge-trouble)"
    ),
    "connection_test_required": N_("Give the result of the connection test (ok or failed)"),
    "channel_required": N_("Choose the channel (phone, e-mail...)"),
    # end issue 11
    # meetings created by the platforms: Zoom, Microsoft Graph (issue 16)
    "meetings_setting_invalid": N_("The meetings setting '{key}' is not valid: {value}"),
    "meetings_setting_missing": N_("The meetings setting '{key}' is required"),
    "meetings_setting_unknown": N_("The meetings setting has no key '{key}' (keys: {keys})"),
    "meetings_wrong_platform": N_("{provider} meetings do not fit this office's platform ({platform})"),
    "meetings_not_configured": N_("This office ({platform}) does not create meetings through a platform: type the details in"),
    "meetings_secret_missing": N_("No client secret is stored (store it in the meeting platform settings, or set {env})"),
    "meetings_refused": N_("{platform} refused the credentials (check the account id or tenant, client id and secret: {detail})"),
    "meetings_tenant": N_("{platform}: the tenant '{tenant}' could not be found (check the tenant id)"),
    "meetings_forbidden": N_("{platform} did not allow this (check the app's permissions or scopes, and for Teams the application access policy: {detail})"),
    "meetings_rate_limited": N_("{platform} asks to slow down: try again in about {seconds} seconds (or type the details in)"),
    "meetings_unavailable": N_("{platform} could not be reached ({detail}). Try again later, or type the details in"),
    "meetings_bad_answer": N_("{platform}'s answer could not be read ({detail}). Check the meeting list on {platform}; type the details in if needed"),
    "meetings_failed": N_("{platform} did not accept the request ({detail})"),
    "meetings_gone": N_("{platform} no longer has this meeting (it seems to have been deleted there)"),
    "meetings_exists": N_("This reservation already has a meeting created on {platform}"),
    "meetings_none": N_("This reservation has no meeting created by a platform"),
    "meetings_store_failed": N_("{platform} created the meeting but it could not be stored ({detail}); the meeting was deleted again"),
    "meetings_store_failed_listed": N_("{platform} created the meeting but it could not be stored ({detail}) nor deleted: it is on the clean-up list"),
    "meetings_move_failed": N_("The {platform} meeting could not be moved ({detail}); it keeps its old time"),
    "meetings_move_retired": N_("The {platform} meeting could not be moved ({detail}) and was deleted: create a new one or type the details in"),
    "meetings_move_listed": N_("The {platform} meeting could be neither moved nor deleted ({detail}): it is on the clean-up list"),
    "meetings_created": N_("The {platform} meeting was created"),
    "meetings_moved": N_("The {platform} meeting now runs {when}"),
    "meetings_deleted": N_("The {platform} meeting was deleted"),
    "meetings_test_ok": N_("Connected to {platform} (a test meeting was created for {user} and deleted)"),
    "meetings_test_not_deleted": N_("{platform} created a test meeting but it could not be deleted ({detail}): it is on the clean-up list"),
    "meetings_manual_and_platform": N_("--create or --delete cannot be combined with typed-in details (--url etc.)"),
    "meetings_cleanup_unknown": N_("There is no clean-up entry {id}"),
    # seed rules corrected: session lengths, loans, offers, no-shows, check-in, reissue (issue 12)
    "session_length": N_("Choose a session length of {allowed} minutes ({minutes} is not offered)"),
    "loans_not_offered": N_("This office does not lend equipment"),
    "loan_not_found": N_("Loan {id} was not found"),
    "loan_returned": N_("Loan {id} was returned on {date}"),
    "loan_target": N_("Name the reservation or the event the equipment is lent for (one of them)"),
    "loan_participant": N_("Reservation {reservation} is not a participant of event {event}"),
    "loan_due_before_lent": N_("The due-back date ({due}) is before the day it was lent ({lent})"),
    "loan_return_before_lent": N_("The return date ({returned}) is before the day it was lent ({lent})"),
    "offer_too_late": N_("The booking must be complete by {deadline} (two business days before): to send the confirming mail now, give a reason"),
    "offer_slot_taken": N_("The time offered, {start}, cannot be booked: {reason}"),
    "no_show_not_communicated": N_("A session whose date and time were never communicated cannot be a no-show (cancel or refuse it instead)"),
    "details_not_sent": N_("The meeting details were never sent: check-in needs a reason (in principle only those mailed the details may join)"),
    "cancel_after_grace": N_("{grace} minutes past the start ({at}) without contact: this is a no-show, not a cancellation"),
    "reissue_reason_required": N_("Give the reason for reissuing (lost, stolen ...)"),
    # issue 15: undo of the last reversible step
    "undo_too_late": N_("This step can no longer be undone (something happened since, or too much time has passed)"),
    # issue 11: work run off the window's thread (consult_desk/ui/shell/ops.py)
    "operation_failed": N_("The operation could not be completed: {detail}"),
    # least privilege and tamper evidence (issue 13)
    "sign_in_required": N_(
        "This database has staff accounts: sign in with --staff LOGIN and the password "
        "(CONSULT_DESK_PASSWORD or the prompt)"
    ),
    "password_required": N_("Cannot ask for the {what} (no terminal): pass it in {variable}"),
    "audit_broken": N_(
        "The audit log has been tampered with: the chain breaks at entry {first_bad} (of {rows}). "
        "Tell the administrator and compare with a backup"
    ),
    "audit_triggers_missing": N_(
        "The audit log's protection (the triggers refusing changes and deletions) has been removed. "
        "The administrator reinstalls it after checking the log"
    ),
    "audit_ok": N_("The audit log's chain holds ({rows} entries checked)"),
    "schema_upgrade_owner": N_(
        "The database needs an upgrade (schema {found} to {supported}): the administrator runs "
        "'consult-desk init' with the owner's login"
    ),
    "pg_role_failed": N_("The PostgreSQL login role could not be changed: {detail}"),
    # issue 14: robustness
    "control_chars": N_("{label} must be one line, without line breaks, tabs or other control characters"),
    "extend_minutes": N_("Give the extension in minutes, from 1 to {max}"),
    "smtp_password_chars": N_("The SMTP password must be ASCII letters, digits and symbols (no full-width characters or line breaks)"),
    "same_person_slot": N_(
        "The same person (same phone, e-mail or job-seeker number) already holds a seat in this slot "
        "(reservation {other}): one seat per person and slot"
    ),
    "number_range": N_("{label} must be a whole number from {low} to {high}: {value}"),
}


# The words of a seed clause ("004 第4条(2)①", "001 事前確認事項（通信環境）") in English: clauses
# quote the Japanese terms of use, so an English user reads them as "004 Art. 4(2)①".
CLAUSE_WORDS = (
    ("事前確認事項", "pre-use checks"),
    ("通信環境", "connection"),
    ("注意事項", "notes"),
    ("予約枠", "booking slots"),
    ("前文", "preamble"),
    ("（", " ("),
    ("）", ")"),
    ("、", ", "),
)


def clause_text(clause: str | None) -> str:
    """A seed clause as the user reads it: as quoted in Japanese, with English numbering in English."""
    if not clause or language() != "en":
        return clause or ""
    text = re.sub(r"第(\d+)条", r"Art. \1", clause)
    for japanese, english in CLAUSE_WORDS:
        text = text.replace(japanese, english)
    return text


def message(code: str, **params: Any) -> str:
    entry = MESSAGES.get(code, code)
    if isinstance(entry, tuple):  # a pair not yet converted (see above)
        template = entry[LANGUAGES.index(language())]  # (Japanese, English)
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            return template
    return _t(entry, **params)


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
        where = f" ({clause_text(self.clause)})" if self.clause else ""
        return " ".join(f"{self.code}{where}: {self.message}".splitlines())


class RuleError(ConsultDeskError):
    """A request refused by a booking rule or the reservation state machine."""


class StorageError(ConsultDeskError):
    """The database cannot be used as asked (damaged, locked, newer, read-only)."""
