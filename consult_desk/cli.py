"""The command line: the same services as the window, for administrators' scripts and checks.

JSON goes to stdout. A refused or invalid request exits 2 with one line on stderr naming the
rule; success exits 0. Without a command the desk window opens.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from consult_desk import booking, export, lifecycle, offices
from consult_desk.actions import VIA_ACT, Action
from consult_desk.clock import Clock, FixedClock, SystemClock
from consult_desk.context import CLI_ACTOR, Actor, Context
from consult_desk.errors import ConsultDeskError, RuleError, set_language
from consult_desk.i18n import N_, NP_, _p, _t
from consult_desk.models import Staff, open_database
from consult_desk.models.db import classify_error, is_url, with_login
from consult_desk.models.schema import ensure_schema
from consult_desk.paths import default_db_path
from consult_desk.presets import CHANNELS, OfficeConfig
from consult_desk.states import SPECS

# `act` takes every action of the table that lifecycle.act carries out (cancel has its own command).
ACT_CHOICES = [a.value for a, spec in SPECS.items() if spec.via == VIA_ACT]
ACK_HELP = N_("staff checked the applicant's earlier trouble (no-show, termination, refusal) and book all the same")
EXIT_OK = 0
EXIT_REFUSED = 2
EXIT_INTERNAL = 1
MAIL_TEMPLATES = ("received", "offered", "details", "reminder", "cancelled", "no_show", "rescheduled", "callback")

Handler = Callable[[argparse.Namespace, Context], Any]


@dataclass
class Outcome:
    """A result printed like any other, with its own exit status (``audit verify``: 2 when broken) and a
    line for stderr."""

    data: Any
    code: int
    line: str = ""
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        COMMANDS[name] = fn
        return fn

    return register


# ------------------------------------------------------------------ parsing helpers


# Dates the rules can count with (deadlines go back and forth by business days): no year 1 or 9999.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


def _in_range(day: dt.date, value: str) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise RuleError("date_out_of_range", value=value, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat())


def parse_date(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise RuleError("invalid_date", value=value) from None
    _in_range(day, value)
    return day


def parse_datetime(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise RuleError("invalid_datetime", value=value) from None
    if parsed.tzinfo is not None:
        raise RuleError("invalid_datetime", value=value)
    _in_range(parsed.date(), value)
    return parsed.replace(second=0, microsecond=0)


def parse_key_values(items: Sequence[str] | None) -> dict[str, str]:
    result = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise RuleError("invalid_value", label="--field", value=item)
        result[key.strip()] = value
    return result


def make_clock(args: argparse.Namespace) -> Clock:
    now = getattr(args, "now", None)
    today = getattr(args, "today", None)
    if now:
        return FixedClock(parse_datetime(now))
    if today:
        return FixedClock(dt.datetime.combine(parse_date(today), dt.time.min))
    return SystemClock()


def office_arg(args: argparse.Namespace) -> str:
    """``--office``; may be left out when the database holds a single office."""
    if getattr(args, "office", None):
        offices.get_office(args.office)
        return str(args.office)
    rows = offices.list_offices()
    if len(rows) == 1:
        return str(rows[0].code)
    if not rows:
        raise RuleError("no_offices")
    raise RuleError("required", label="--office")


PASSWORD_ENV = "CONSULT_DESK_PASSWORD"
NEW_PASSWORD_ENV = "CONSULT_DESK_NEW_PASSWORD"


def read_secret(variable: str, prompt: str, what: str) -> str:
    """A password from the environment variable the issue names, else a prompt on the terminal (never echoed)."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not (sys.stdin and sys.stdin.isatty()):
        raise RuleError("password_required", what=what, variable=variable)
    import getpass

    return getpass.getpass(prompt, stream=sys.stderr)


def staff_password() -> str:
    return read_secret(PASSWORD_ENV, "Password: ", _t("password"))


def resolve_actor(login: str | None, clock: Clock, password: str | None = None) -> Actor:
    """Who runs the command: a signed-in staff member; the local administrator while the database has no staff.

    On SQLite the password is checked like the window's sign-in (a failure is audited and counts toward
    the lockout). On PostgreSQL the server checked it already (the connection is that login role)."""
    from consult_desk import auth
    from consult_desk.models.db import is_sqlite

    if not login:
        if auth.has_staff():
            raise RuleError("sign_in_required")
        return CLI_ACTOR
    if not is_sqlite():
        staff = Staff.get_or_none(Staff.login == auth.normalise_login(login), Staff.active == True)  # noqa: E712
        if staff is None:
            raise RuleError("sign_in_failed")
        return auth.actor_of(staff)
    return auth.sign_in(login, password if password is not None else staff_password(), clock, via="cli")


# ------------------------------------------------------------------ commands


@command("init")
def cmd_init(args: argparse.Namespace, ctx: Context) -> Any:
    from consult_desk.models.db import is_sqlite

    if not is_sqlite():
        from consult_desk.models import DB, pgroles

        with DB.atomic():
            pgroles.install()  # the group roles and their grants, again after any upgrade (issue 13)
    code = args.office_id or args.preset
    if offices.Office.get_or_none(offices.Office.code == code) is None:
        offices.create_office(ctx, args.preset, code)
    if args.demo:
        from consult_desk.auth import create_demo_accounts
        from consult_desk.demo import add_demo_data

        add_demo_data(code, today=ctx.clock.today(), now=ctx.clock.now())
        create_demo_accounts(ctx.clock)  # the README's demo accounts, so the window can be signed in to
    result: dict[str, Any] = {"office": code}
    if not is_sqlite():
        from consult_desk.models import search_index

        if not search_index.pg_trgm_reads_japanese():
            result["warnings"] = [_t(
                "Name search cannot use its index on this database: pg_trgm is missing or the database's"
                " LC_CTYPE ({ctype}) does not treat Japanese characters as letters. Create the database with"
                " LC_CTYPE 'C.UTF-8' or 'ja_JP.UTF-8' (see the README); search still works, more slowly.",
                ctype=search_index.ctype(),
            )]
    return result


@command("offices")
def cmd_offices(args: argparse.Namespace, ctx: Context) -> Any:
    return [{"id": o.code, "name": offices.display_name(o), "preset": o.preset} for o in offices.list_offices()]


@command("fields")
def cmd_fields(args: argparse.Namespace, ctx: Context) -> Any:
    return booking.intake_fields(office_arg(args))


@command("slots")
def cmd_slots(args: argparse.Namespace, ctx: Context) -> Any:
    return [s.as_json() for s in booking.slots(ctx, office_arg(args), parse_date(args.date))]


def _consent_items(config: OfficeConfig, args: argparse.Namespace) -> list[str] | None:
    """--consent: the conditions of use agreed; --advised KEY (or all): advice read out or sent (not required)."""
    if not args.consent:
        return None
    advice = config.advice_keys()
    advised: list[str] = []
    for key in args.advised or []:
        if key == "all":
            advised.extend(advice)
        elif key in advice:
            advised.append(key)
        else:
            raise RuleError("invalid_value", label="--advised", value=key)
    return config.required_consent_keys() + [k for k in advice if k in advised]


@command("book")
def cmd_book(args: argparse.Namespace, ctx: Context) -> Any:
    office = office_arg(args)
    config = offices.get_config(office)
    companions = []
    for item in args.companion or []:
        name, _, relation = item.partition(":")
        companions.append({"name": name, "relation": relation})
    req = booking.BookingRequest(
        office=office,
        start=parse_datetime(args.start) if args.start else None,
        name=args.name,
        phone=args.phone,
        email=args.email,
        kana=args.kana or "",
        answers=parse_key_values(args.field),
        channel=args.channel,
        consent_items=_consent_items(config, args),
        companions=companions,
        event_id=args.event,
        note=args.note or "",
        minutes=args.minutes,
        acknowledge_trouble=args.acknowledge_trouble,
    )
    res = booking.book(ctx, req)
    _report_follow_up(lifecycle.after_commit(ctx, Action.BOOK, res))
    return {
        "id": res.id,
        "start": res.start.strftime("%Y-%m-%dT%H:%M"),
        "end": res.end.strftime("%Y-%m-%dT%H:%M"),
        "status": res.status,
        "notify_by": res.notify_by.isoformat() if res.notify_by else None,
    }


@command("show")
def cmd_show(args: argparse.Namespace, ctx: Context) -> Any:
    return lifecycle.describe(lifecycle.get_reservation(args.id))


@command("cancel")
def cmd_cancel(args: argparse.Namespace, ctx: Context) -> Any:
    res = lifecycle.cancel(ctx, args.id, args.channel, args.note or "")
    _report_follow_up(lifecycle.after_commit(ctx, "cancel", res))
    return lifecycle.describe(res)


def _report_follow_up(outcome: Any) -> None:
    """The platform meeting's follow-up after an action (issue 16): one line on stderr; the action
    itself is done whatever it says."""
    if outcome is not None:
        print(f"meeting: {outcome.message}" if outcome.ok else f"meeting_failed: {outcome.message}", file=sys.stderr)


@command("act")
def cmd_act(args: argparse.Namespace, ctx: Context) -> Any:
    checks = None
    if args.action == Action.CHECK_IN:
        checks = {
            "connection_test": args.connection or "ok",
            "identity_checked": not args.identity_not_checked,
            "companions_present": not args.companions_missing,
        }
    opts = lifecycle.ActOptions(
        note=args.note or "",
        channel=args.channel or "",
        minutes=args.minutes,
        prohibited_act=args.prohibited_act,
        city_fault=args.city_fault,
        checks=checks,
        new_start=parse_datetime(args.start) if args.start else None,
        acknowledge_trouble=args.acknowledge_trouble,
    )
    res = lifecycle.act(ctx, args.id, Action(args.action), opts)
    _report_follow_up(lifecycle.after_commit(ctx, Action(args.action), res))
    return lifecycle.describe(res)


@command("actions")
def cmd_actions(args: argparse.Namespace, ctx: Context) -> Any:
    """What may be done to a reservation now (the same table and rules as ``act`` and the window)."""
    return [
        {
            "action": offer.action.value,
            "needs": sorted(n.value for n in offer.needs),
            "irreversible": offer.irreversible,
            "refusal": offer.refusal_code,
            "message": offer.refusal,
        }
        for offer in lifecycle.offered_actions(ctx, args.id)
    ]


@command("callbacks")
def cmd_callbacks(args: argparse.Namespace, ctx: Context) -> Any:
    return [
        {"reservation": row.reservation, "phone": row.phone, "due": f"{row.due:%Y-%m-%dT%H:%M}", "attempts": row.attempts}
        for row in lifecycle.open_callbacks(office_arg(args) if args.office else None)
    ]


@command("callback")
def cmd_callback(args: argparse.Namespace, ctx: Context) -> Any:
    attempt = lifecycle.log_callback_attempt(ctx, args.id, args.result, args.note or "")
    return {"reservation": args.id, "result": attempt.result, "at": attempt.at.strftime("%Y-%m-%dT%H:%M")}


@command("board")
def cmd_board(args: argparse.Namespace, ctx: Context) -> Any:
    from consult_desk import session

    day = parse_date(args.date) if args.date else ctx.clock.today()
    return [row.as_json() for row in session.today_board(office_arg(args), day, ctx.clock.now())]


@command("next-booking")
def cmd_next_booking(args: argparse.Namespace, ctx: Context) -> Any:
    from consult_desk import session

    res = session.book_next(
        ctx, args.id, parse_datetime(args.start), note=args.note or "", acknowledge_trouble=args.acknowledge_trouble
    )
    _report_follow_up(lifecycle.after_commit(ctx, Action.BOOK, res))
    return {"id": res.id, "start": res.start.strftime("%Y-%m-%dT%H:%M"), "status": res.status, "channel": res.channel}


@command("search")
def cmd_search(args: argparse.Namespace, ctx: Context) -> Any:
    from consult_desk.search import search

    return [
        {
            "id": r.id,
            "office": r.office_id,
            "start": r.start.strftime("%Y-%m-%dT%H:%M"),
            "status": r.status,
            "name": r.applicant.name,
        }
        for r in search(args.query, getattr(args, "office", None))
    ]


@command("export")
def cmd_export(args: argparse.Namespace, ctx: Context) -> Any:
    if args.kind == "ics":
        from consult_desk import ics

        return ics.export_ics(
            ctx,
            parse_date(args.date_from),
            parse_date(args.date_to),
            Path(args.out),
            office=args.office,
            counsellor=args.counsellor,
            with_names=args.with_names,
        ).as_json()
    if args.kind != "csv":
        raise RuleError("invalid_value", label="export", value=args.kind)
    result = export.export_reservations(
        ctx,
        parse_date(args.date_from),
        parse_date(args.date_to),
        Path(args.out),
        encoding=args.encoding,
        mask_pii=args.mask_pii,
        office=args.office,
    )
    for problem in result.unencodable:
        print(_unencodable_line(problem), file=sys.stderr)
    return result.as_json()


@command("office")
def cmd_office(args: argparse.Namespace, ctx: Context) -> Any:
    """Show an office's configuration, or edit keys of it (values as JSON: --set seats=2)."""
    office = office_arg(args)
    if args.set:
        changes = {}
        for key, raw in parse_key_values(args.set).items():
            try:
                changes[key] = json.loads(raw)
            except json.JSONDecodeError:
                changes[key] = raw
        offices.update_config(ctx, office, changes)
    if args.closure:
        offices.add_closure(ctx, office, parse_date(args.closure), args.reason or "臨時休業")
    if args.platform_test:
        from consult_desk import meetings

        return meetings.platform_test(ctx, office).as_json()
    config = offices.get_config(office)
    data = {k: v for k, v in config.data.items() if k != "terms"}
    data["terms"] = {k: v for k, v in config.data["terms"].items() if k != "text"}
    return data


@command("event")
def cmd_event(args: argparse.Namespace, ctx: Context) -> Any:
    event = booking.create_event(
        ctx, office_arg(args), args.kind, args.title or "", parse_datetime(args.start), args.minutes, args.capacity
    )
    return {"id": event.id, "start": event.start.strftime("%Y-%m-%dT%H:%M"), "capacity": event.capacity}


@command("meeting")
def cmd_meeting(args: argparse.Namespace, ctx: Context) -> Any:
    """Set a session's credentials (given flags only); prints them masked, with which fields are set."""
    from consult_desk import credentials

    changes = {
        "url": args.url,
        "meeting_id": args.meeting_id,
        "passcode": args.passcode,
        "room_key": args.room_key,
        "password": args.password,
    }
    if (args.create or args.delete) and (args.reissue or any(v is not None for v in changes.values())):
        raise RuleError("meetings_manual_and_platform")
    if args.create:
        from consult_desk import meetings

        meetings.create_meeting(ctx, args.id)
    elif args.delete:
        from consult_desk import meetings

        meetings.delete_meeting(ctx, args.id)
    elif args.reissue:
        # 002 5(3): lost or stolen ID and password: the old ones are withdrawn with the reason, new ones
        # issued (every secret must change, as in the window)
        reason, note = _reissue_reason(args.reason)
        credentials.reissue(ctx, args.id, {k: v for k, v in changes.items() if v is not None}, reason, note)
    elif args.reason:
        raise RuleError("invalid_value", label="--reason", value=args.reason)
    elif any(v is not None for v in changes.values()):
        credentials.set_credentials(ctx, args.id, changes)
    res = lifecycle.get_reservation(args.id)
    data = credentials.summary(args.id).as_json()
    data.update(status=res.status, notify_by=res.notify_by.isoformat() if res.notify_by else None)
    return data


@command("loan")
def cmd_loan(args: argparse.Namespace, ctx: Context) -> Any:
    """Equipment lent to participants (002 4(1)): add, return, list what is out and overdue."""
    from consult_desk import loans

    if args.op == "add":
        if args.reservation is None:
            raise RuleError("loan_target")
        if not args.due:
            raise RuleError("required", label="--due")
        loan = loans.add(
            ctx,
            args.reservation,
            args.item or "",
            parse_date(args.due),
            lent_on=parse_date(args.lent) if args.lent else None,
            event_id=args.event,
            note=args.note or "",
        )
        return _loan_json(loan.id, ctx)
    if args.op == "return":
        if args.id is None:
            raise RuleError("required", label="ID")
        loan = loans.give_back(ctx, args.id, parse_date(args.date) if args.date else None, args.note or "")
        return _loan_json(loan.id, ctx)
    office = office_arg(args) if args.office else None
    return [r.as_json() for r in loans.rows(ctx.clock.today(), office, include_returned=args.all, overdue_only=args.overdue)]


def _loan_json(loan_id: int, ctx: Context) -> dict[str, Any]:
    from consult_desk import loans

    return next(r.as_json() for r in loans.rows(ctx.clock.today(), include_returned=True) if r.id == loan_id)


def _reissue_reason(text: str | None) -> tuple[str, str]:
    """``--reason``: a reason key (lost, stolen, leaked, other) or its Japanese word, then optional words
    after it as a note ("lost 電話で連絡あり"); any other text is recorded as 'other' with the text as note."""
    from consult_desk.credentials import REVOKE_REASONS

    raw = (text or "").strip()
    if not raw:
        raise RuleError("reissue_reason_required")
    head, _, rest = raw.partition(" ")
    by_word = {v: k for k, v in REVOKE_REASONS.items()}
    key = head if head in REVOKE_REASONS else by_word.get(head)
    if key is not None and key != "replaced":
        return key, rest.strip()
    return "other", raw


@command("mail")
def cmd_mail(args: argparse.Namespace, ctx: Context) -> Any:
    """Render one message for a reservation and write it as an .eml file (RFC 5322, UTF-8)."""
    from consult_desk import mail

    row = mail.save_eml(ctx, args.id, args.template, Path(args.eml))
    return {
        "outbox": row.id,
        "reservation": args.id,
        "template": args.template,
        "to": row.to_addr,
        "subject": row.subject,
        "out": str(Path(args.eml)),
        "state": row.state,
    }


# ------------------------------------------------------------------ issue 17: form import, the outbox


@command("import")
def cmd_import(args: argparse.Namespace, ctx: Context) -> Any:
    """Form applications from a CSV export: each row booked under the desk's rules, never twice."""
    from consult_desk import form_import

    office = office_arg(args)
    report = form_import.import_file(ctx, office, Path(args.file), args.mapping, dry_run=args.dry_run)
    if not args.json:
        print(f"{report.file}: {form_import.ENCODING_LABELS.get(report.encoding, report.encoding)}", file=sys.stderr)
        for row in report.rows:
            print(f"{row.row}: {row.text(report.dry_run)}", file=sys.stderr)
    return report.as_json()


@command("outbox")
def cmd_outbox(args: argparse.Namespace, ctx: Context) -> Any:
    """The outbox schedule: list, send what is due, and staff's hold / release / move / cancel."""
    from consult_desk import outbox

    if args.action == "list":
        office = office_arg(args) if args.office else None
        return [entry.as_json() for entry in outbox.schedule(office)]
    if args.action == "send-due":
        office = office_arg(args) if args.office else None
        report = outbox.send_due(ctx, office)
        if not args.json:
            if report.skipped:
                print(_t("another desk holds the sender lease: it sends what is due"), file=sys.stderr)
            if report.unsendable:
                print(
                    _t("{count} due message(s) wait: no SMTP settings (office --set smtp=...)", count=report.unsendable),
                    file=sys.stderr,
                )
        return report.as_json()
    if args.id is None:
        raise RuleError("required", label="ID")
    if args.action == "move":
        if not args.due:
            raise RuleError("required", label="--due")
        row = outbox.reschedule(ctx, args.id, parse_datetime(args.due))
    else:
        row = {
            "hold": outbox.hold, "release": outbox.release, "cancel": outbox.cancel, "confirm-sent": outbox.confirm_sent,
        }[args.action](ctx, args.id)
    return outbox.ScheduleEntry(row.id, row.reservation_id, row.office_id, row.template, row.due, row.state, row.to_addr,
                                row.error, row.attempts, row.sent_at).as_json()


# ------------------------------------------------------------------ supervisor: reports, audit, backup, retention


def _unencodable_line(problem: dict[str, Any]) -> str:
    """A character cp932 cannot hold, written as the geta mark."""
    return _t(
        "cp932: row {row} {column}: {char} ({codepoint}) -> {mark}",
        row=problem["row"], column=problem["column"], char=problem["char"], codepoint=problem["codepoint"], mark="〓",
    )


def _warn_unencodable(problems: list[dict[str, Any]]) -> None:
    for problem in problems:
        print(_unencodable_line(problem), file=sys.stderr)


@command("report")
def cmd_report(args: argparse.Namespace, ctx: Context) -> Any:
    """daily: the day's review counts; monthly: statistics (JSON, or CSV for Excel with --csv)."""
    from consult_desk import reports

    office = args.office or None
    if office:
        offices.get_office(office)
    if args.kind == "daily":
        if not args.date:
            raise RuleError("required", label="--date")
        day = parse_date(args.date)
        if args.csv:
            stats = reports.daily_statistics(ctx, day, office)
        else:
            return reports.daily_review(ctx, office, day).as_json()
    else:
        if not args.month:
            raise RuleError("required", label="--month")
        stats = reports.monthly_statistics(ctx, args.month, office)
        if not args.csv:
            return reports.monthly_json(stats)
    result = reports.export_statistics(ctx, stats, Path(args.csv), args.encoding)
    _warn_unencodable(result.unencodable)
    return result.as_json()


@command("audit")
def cmd_audit(args: argparse.Namespace, ctx: Context) -> Any:
    """The audit log (004 第5条), oldest first; --csv writes it for Excel (and that export is audited)."""
    from consult_desk import audit

    if args.what in ("verify", "reinstall-triggers"):
        result = audit.reinstall_guard(ctx) if args.what == "reinstall-triggers" else audit.verify(ctx)
        problems = audit.problem_messages(result)
        return Outcome(result.as_json(), EXIT_OK if result.ok else EXIT_REFUSED, " ".join(problems))
    start = parse_date(args.date_from) if args.date_from else None
    end = parse_date(args.date_to) if args.date_to else None
    if args.csv:
        result = audit.export_csv(ctx, Path(args.csv), start, end, args.by, args.action, encoding=args.encoding)
        _warn_unencodable(result.unencodable)
        return result.as_json()
    return [audit.as_json(row) for row in audit.search(ctx, start, end, staff=args.by, action=args.action)]


@command("backup")
def cmd_backup(args: argparse.Namespace, ctx: Context) -> Any:
    from consult_desk import backup

    return backup.backup_to(ctx, Path(args.file)).as_json()


@command("restore")
def cmd_restore(args: argparse.Namespace, ctx: Context) -> Any:
    from consult_desk import backup

    return backup.restore(ctx, Path(args.file)).as_json()


@command("purge")
def cmd_purge(args: argparse.Namespace, ctx: Context) -> Any:
    """Anonymise personal data of reservations ended before --before (default: each office's retention)."""
    from consult_desk import retention

    before = parse_date(args.before) if args.before else None
    result = retention.purge(ctx, before=before, office=args.office or None, dry_run=args.dry_run).as_json()
    if not args.dry_run:
        from consult_desk import meetings

        for outcome in meetings.follow_purge(ctx):
            _report_follow_up(outcome)
    return result


# ------------------------------------------------------------------ staff accounts (issue 13)


@command("staff")
def cmd_staff(args: argparse.Namespace, ctx: Context) -> Any:
    """add / disable / password / list: the staff table, and on PostgreSQL each member's login role."""
    from consult_desk import auth

    if args.staff_cmd == "list":
        return [
            {"login": s.login, "name": s.name, "role": s.role, "active": s.active} for s in auth.list_staff(ctx)
        ]
    if args.staff_cmd == "add":
        secret = read_secret(NEW_PASSWORD_ENV, "New password: ", _t("new password"))
        staff = auth.create_staff(ctx, args.login, args.name or args.login, args.role, secret, args.office or None)
        return {"login": staff.login, "name": staff.display_name, "role": staff.role, "active": bool(staff.active)}
    if args.staff_cmd == "disable":
        staff = auth.update_staff(ctx, args.login, active=False)
        return {"login": staff.login, "name": staff.display_name, "role": staff.role, "active": bool(staff.active)}
    secret = read_secret(NEW_PASSWORD_ENV, "New password: ", _t("new password"))
    auth.set_password(ctx, args.login, secret)
    return {"login": auth.get_staff(args.login).login, "password": "set"}


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help=_t("print JSON on stdout"))
    common.add_argument("--today", help=_t("fixed date YYYY-MM-DD for the rules (default: today)"))
    common.add_argument("--now", help=_t("fixed time YYYY-MM-DDTHH:MM for the rules (default: now)"))
    common.add_argument("--staff", help=_t("staff login acting (default: the command line itself)"))

    parser = argparse.ArgumentParser(
        prog="consult-desk",
        description=_t("Consult Desk: reservations for online public-service consultations."),
    )
    parser.add_argument("--db", help=_t("SQLite file path or database URL (default: the user data folder)"))
    parser.add_argument("--lang", choices=["ja", "en"], help=_t("language of messages (default ja)"))
    parser.add_argument("--smoke-test", action="store_true", help=_t("open the window offscreen, check resources, exit"))
    parser.add_argument("--demo", action="store_true", help=_t("with the window: add demo data on first start"))
    sub = parser.add_subparsers(dest="cmd")

    p = sub.add_parser("init", parents=[common], help=_t("create or upgrade the database and an office"))
    p.add_argument("--preset", required=True)
    p.add_argument("--office-id", help=_t("office id (default: the preset id)"))
    p.add_argument("--demo", action="store_true", help=_t("add a realistic sample"))

    sub.add_parser("offices", parents=[common], help=_t("list offices"))

    p = sub.add_parser("fields", parents=[common], help=_t("intake fields of an office"))
    p.add_argument("--office")

    p = sub.add_parser("slots", parents=[common], help=_t("slots of a day"))
    p.add_argument("--office")
    p.add_argument("--date", required=True)

    p = sub.add_parser("book", parents=[common], help=_t("book a slot"))
    p.add_argument("--office")
    p.add_argument("--start")
    p.add_argument("--event", type=int, help=_t("group event id (Funabashi)"))
    p.add_argument("--name", required=True)
    p.add_argument("--phone", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--kana")
    p.add_argument("--field", action="append", metavar="KEY=VALUE")
    p.add_argument("--companion", action="append", metavar="NAME:RELATION")
    p.add_argument("--channel", required=True, choices=CHANNELS)
    p.add_argument("--consent", action="store_true", help=_t("the applicant agreed to the current terms and checklist"))
    p.add_argument(
        "--advised", action="append", metavar="KEY", help=_t("with --consent: advice item read out or sent (repeat; 'all')")
    )
    p.add_argument("--minutes", type=int, help=_t("session length where the office offers several (003 6: 30, 45, 60)"))
    p.add_argument("--note")
    p.add_argument("--acknowledge-trouble", action="store_true", help=_t(ACK_HELP))

    p = sub.add_parser("show", parents=[common], help=_t("one reservation with its history"))
    p.add_argument("id", type=int)

    p = sub.add_parser("cancel", parents=[common], help=_t("cancel a reservation"))
    p.add_argument("id", type=int)
    p.add_argument("--channel", required=True, choices=["form", "phone", "email"])
    p.add_argument("--note")

    p = sub.add_parser("act", parents=[common], help=_t("a life-cycle action"))
    p.add_argument("id", type=int)
    p.add_argument("action", choices=ACT_CHOICES)
    p.add_argument("--note")
    p.add_argument("--channel")
    p.add_argument("--minutes", type=int, help=_t("extend: minutes to add; complete-by-phone: duration"))
    p.add_argument("--act", dest="prohibited_act", help=_t("terminate: the prohibited act's key"))
    p.add_argument("--city-fault", action="store_true", help=_t("reschedule: the city caused the failure"))
    p.add_argument("--start", help=_t("reschedule: book this new slot, linked to the old one"))
    p.add_argument("--connection", choices=["ok", "failed"], help=_t("check-in: connection test result"))
    p.add_argument("--identity-not-checked", action="store_true")
    p.add_argument("--companions-missing", action="store_true")
    p.add_argument("--acknowledge-trouble", action="store_true", help=_t("reschedule: {ack}", ack=_t(ACK_HELP)))

    p = sub.add_parser("actions", parents=[common], help=_t("the actions a reservation offers now and what each needs"))
    p.add_argument("id", type=int)

    p = sub.add_parser("callbacks", parents=[common], help=_t("open phone callbacks"))
    p.add_argument("--office", help=_t("only this office's callbacks"))

    p = sub.add_parser("callback", parents=[common], help=_t("log a callback attempt"))
    p.add_argument("id", type=int)
    p.add_argument("--result", required=True, choices=list(lifecycle.CALLBACK_RESULTS))
    p.add_argument("--note")

    p = sub.add_parser("board", parents=[common], help=_t("the day's sessions with the next action for each"))
    p.add_argument("--office")
    p.add_argument("--date", help=_t("YYYY-MM-DD (default: today, or the day of --now)"))

    p = sub.add_parser("next-booking", parents=[common], help=_t("book the next session from inside a running one"))
    p.add_argument("id", type=int, help=_t("the running session's reservation"))
    p.add_argument("--start", required=True)
    p.add_argument("--note")
    p.add_argument("--acknowledge-trouble", action="store_true", help=_t(ACK_HELP))

    p = sub.add_parser("search", parents=[common], help=_t("find reservations"))
    p.add_argument("query")
    p.add_argument("--office")

    p = sub.add_parser("export", parents=[common], help=_t("export reservations"))
    p.add_argument("kind", choices=["csv", "ics"])
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--encoding", default="utf-8-sig", choices=list(export.ENCODINGS))
    p.add_argument("--mask-pii", action="store_true")
    p.add_argument("--office")
    p.add_argument("--with-names", action="store_true", help=_t("ics: applicants' names in the entries"))
    p.add_argument("--counsellor", metavar="LOGIN", help=_t("ics: one counsellor's sessions"))

    p = sub.add_parser("office", parents=[common], help=_t("show or edit an office's configuration"))
    p.add_argument("--office")
    p.add_argument("--set", action="append", metavar="KEY=JSON", help=_t("edit a configuration key (admin)"))
    p.add_argument("--closure", metavar="YYYY-MM-DD", help=_t("add an extra closed day"))
    p.add_argument("--reason", help=_t("with --closure"))
    p.add_argument(
        "--platform-test", action="store_true", help=_t("connection test of the meetings platform: {ok, message}")
    )

    p = sub.add_parser("event", parents=[common], help=_t("create a group event (Funabashi)"))
    p.add_argument("--office")
    p.add_argument("--kind", required=True)
    p.add_argument("--title")
    p.add_argument("--start", required=True)
    p.add_argument("--minutes", type=int, default=60)
    p.add_argument("--capacity", type=int)

    p = sub.add_parser("meeting", parents=[common], help=_t("set or show a session's meeting credentials (masked)"))
    p.add_argument("id", type=int)
    p.add_argument("--url")
    p.add_argument("--meeting-id")
    p.add_argument("--passcode")
    p.add_argument("--room-key")
    p.add_argument("--password", help=_t("web meeting password (Funabashi)"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--create", action="store_true", help=_t("create the meeting on the office's platform (Zoom, Teams)"))
    which.add_argument("--delete", action="store_true", help=_t("delete the meeting the platform created"))
    p.add_argument("--reissue", action="store_true", help=_t("lost or stolen (002 5(3)): withdraw and issue new ones"))
    p.add_argument("--reason", metavar="TEXT", help=_t("with --reissue: lost, stolen, leaked or other, then a note"))

    p = sub.add_parser("loan", parents=[common], help=_t("equipment lent to participants (002 4(1)): add, return, list"))
    p.add_argument("op", choices=["add", "return", "list"])
    p.add_argument("id", nargs="?", type=int, help=_t("return: the loan's number"))
    p.add_argument("--reservation", type=int, help=_t("add: the participant's reservation"))
    p.add_argument("--event", type=int, help=_t("add: the group event (must be the reservation's)"))
    p.add_argument("--item", help=_t("add: what is lent (e.g. one tablet)"))
    p.add_argument("--due", help=_t("add: due back YYYY-MM-DD"))
    p.add_argument("--lent", help=_t("add: lent on YYYY-MM-DD (default today)"))
    p.add_argument("--date", help=_t("return: returned on YYYY-MM-DD (default today)"))
    p.add_argument("--office", help=_t("list: one office"))
    p.add_argument("--all", action="store_true", help=_t("list: returned loans too"))
    p.add_argument("--overdue", action="store_true", help=_t("list: only overdue loans"))
    p.add_argument("--note")

    p = sub.add_parser("mail", parents=[common], help=_t("render a message to an applicant as an .eml file"))
    p.add_argument("id", type=int)
    p.add_argument("--template", required=True, choices=list(MAIL_TEMPLATES))
    p.add_argument("--eml", required=True, metavar="OUT.eml")

    # issue 17: form import, the outbox
    p = sub.add_parser("import", parents=[common], help=_t("import form applications from a CSV export"))
    p.add_argument("kind", choices=["csv"])
    p.add_argument("--office")
    p.add_argument("--file", required=True, help=_t("the form's CSV export (UTF-8 with or without BOM, or CP932)"))
    p.add_argument("--mapping", help=_t("a mapping saved with the office, or a JSON file {field key: CSV column}"))
    p.add_argument("--dry-run", action="store_true", help=_t("say what each row would give; store nothing"))

    p = sub.add_parser("outbox", parents=[common], help=_t("the outbox schedule: list, send what is due, hold..."))
    p.add_argument("action", choices=["list", "send-due", "hold", "release", "move", "cancel", "confirm-sent"])
    p.add_argument("id", nargs="?", type=int, help=_t("the message (hold, release, move, cancel, confirm-sent)"))
    p.add_argument("--office")
    p.add_argument("--due", help=_t("move: the new sending time YYYY-MM-DDTHH:MM"))

    # supervisor: reports, audit, backup, retention
    p = sub.add_parser("report", parents=[common], help=_t("daily review counts or monthly statistics (supervisors)"))
    p.add_argument("kind", choices=["daily", "monthly"])
    p.add_argument("--date", help=_t("daily: YYYY-MM-DD"))
    p.add_argument("--month", help=_t("monthly: YYYY-MM"))
    p.add_argument("--office", help=_t("one office (default: all)"))
    p.add_argument("--csv", metavar="FILE", help=_t("write the statistics as CSV for Excel"))
    p.add_argument("--encoding", default="utf-8-sig", choices=list(export.ENCODINGS))

    p = sub.add_parser("audit", parents=[common], help=_t("the audit log: who did what, when (supervisors)"))
    p.add_argument("what", nargs="?", choices=["verify", "reinstall-triggers"],
                   help=_t("verify: check the hash chain and the triggers (exit 2 when broken); "
                           "reinstall-triggers: put the triggers back (administrator)"))
    p.add_argument("--from", dest="date_from", help=_t("YYYY-MM-DD"))
    p.add_argument("--to", dest="date_to", help=_t("YYYY-MM-DD"))
    p.add_argument("--by", metavar="LOGIN", help=_t("only this staff member's entries"))
    p.add_argument("--action", help=_t("only actions starting with this (e.g. export, reservation.)"))
    p.add_argument("--csv", metavar="FILE", help=_t("write the entries as CSV for Excel"))
    p.add_argument("--encoding", default="utf-8-sig", choices=list(export.ENCODINGS))

    p = sub.add_parser("backup", parents=[common], help=_t("online backup of the SQLite database to FILE"))
    p.add_argument("file")

    p = sub.add_parser("restore", parents=[common], help=_t("replace the database with a checked backup FILE"))
    p.add_argument("file")

    p = sub.add_parser("purge", parents=[common], help=_t("anonymise personal data of old reservations"))
    p.add_argument("--before", help=_t("YYYY-MM-DD: reservations ended before this day (default: retention period)"))
    p.add_argument("--office", help=_t("one office (default: all)"))
    p.add_argument("--dry-run", action="store_true", help=_t("only count"))
    # end supervisor

    # staff accounts (issue 13)
    p = sub.add_parser("staff", parents=[common], help=_t("staff accounts (administrator): add, disable, password, list"))
    staff_sub = p.add_subparsers(dest="staff_cmd", required=True)
    q = staff_sub.add_parser("add", parents=[common], help=_t("a new account; password from CONSULT_DESK_NEW_PASSWORD"))
    q.add_argument("login")
    q.add_argument("--role", required=True, choices=["reception", "counsellor", "supervisor", "admin"])
    q.add_argument("--name", required=True)
    q.add_argument("--office", help=_t("the member's office (optional)"))
    q = staff_sub.add_parser("disable", parents=[common], help=_t("the account can no longer sign in"))
    q.add_argument("login")
    q = staff_sub.add_parser("password", parents=[common], help=_t("set a new password (CONSULT_DESK_NEW_PASSWORD)"))
    q.add_argument("login")
    staff_sub.add_parser("list", parents=[common], help=_t("every account"))
    return parser


def emit(result: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=None))
    elif isinstance(result, list):
        for row in result:
            print(row if not isinstance(row, dict) else "  ".join(f"{k}={v}" for k, v in row.items()))
    elif isinstance(result, dict):
        for key, value in result.items():
            for item in value if isinstance(value, list) else [value]:
                print(f"{key}: {item}")
    elif result is not None:
        print(result)


# argparse's own words (usage:, options, its error sentences), in the catalogue under the context
# "argparse". argparse looks them up through its module's ``_`` and ``ngettext`` (gettext's) each
# time it speaks; ``_argparse_in_our_language`` points those at this catalogue, so ``--help`` and a
# mistyped command are Japanese from the first word to the last. Texts not listed stay as they are.
ARGPARSE_TEXTS = frozenset({
    NP_("argparse", "usage: "),
    NP_("argparse", "positional arguments"),
    NP_("argparse", "options"),
    NP_("argparse", "show this help message and exit"),
    NP_("argparse", "%(prog)s: error: %(message)s\n"),
    NP_("argparse", "the following arguments are required: %s"),
    NP_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    NP_("argparse", "unrecognized arguments: %s"),
    NP_("argparse", "argument %(argument_name)s: %(message)s"),
    NP_("argparse", "expected one argument"),
    NP_("argparse", "expected at least one argument"),
    NP_("argparse", "expected at most one argument"),
    NP_("argparse", "expected %s argument"),
    NP_("argparse", "expected %s arguments"),
    NP_("argparse", "invalid %(type)s value: %(value)r"),
    NP_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    NP_("argparse", "not allowed with argument %s"),
    NP_("argparse", "one of the arguments %s is required"),
    NP_("argparse", "ignored explicit argument %r"),
    NP_("argparse", "can't open '%(filename)s': %(error)s"),
})


def _argparse_text(text: str) -> str:
    return _p("argparse", text) if text in ARGPARSE_TEXTS else text


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    return _argparse_text(singular if n == 1 else plural)


def _argparse_in_our_language() -> None:
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_plural  # type: ignore[attr-defined]


def _language(argv: Sequence[str]) -> str:
    """The language asked for before the arguments are parsed (``--lang en``, ``--lang=en``,
    ``CONSULT_DESK_LANG``): the parser's own help texts are in it."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return os.environ.get("CONSULT_DESK_LANG", "ja")


def main(argv: Sequence[str] | None = None) -> int:
    from consult_desk.files import private_umask

    private_umask()  # every file and folder this program makes is the user's only (issue 13)
    set_language(_language(sys.argv[1:] if argv is None else argv))  # --help speaks it too
    _argparse_in_our_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang or os.environ.get("CONSULT_DESK_LANG", "ja"))
    target = args.db or str(default_db_path())
    if args.cmd is None:
        from consult_desk.ui.shell.app import run_window

        return run_window(target, demo=args.demo, smoke_test=args.smoke_test)
    password = None
    try:
        if args.staff and is_url(target) and not target.startswith("sqlite"):
            # PostgreSQL: connect as the staff member's own login role; the server checks the password
            password = staff_password()
            target = with_login(target, args.staff, password)
        open_database(target, create=args.cmd == "init")
        try:
            for line in ensure_schema(create=args.cmd == "init"):
                if not args.json:
                    print(line, file=sys.stderr)
        except ConsultDeskError:
            raise
        except Exception as exc:  # a driver error while reading the schema: damaged or locked file
            raise classify_error(exc, target) from exc
        clock = make_clock(args)
        ctx = Context(actor=resolve_actor(args.staff, clock, password), clock=clock)
        result = COMMANDS[args.cmd](args, ctx)
    except ConsultDeskError as exc:
        print(exc.one_line(), file=sys.stderr)
        return EXIT_REFUSED
    except (pw.DatabaseError, pw.InterfaceError, sqlite3.DatabaseError) as exc:
        # A damaged page met half way through, a server gone: a sentence, not a traceback.
        print(classify_error(exc, target).one_line(), file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # a bug: the transaction was rolled back; details in the error log
        from consult_desk import crashlog

        print("internal_error: " + crashlog.sentence(exc, crashlog.record(type(exc), exc, exc.__traceback__)), file=sys.stderr)
        return EXIT_INTERNAL
    code = EXIT_OK
    if isinstance(result, Outcome):
        code = result.code
        if result.line:
            print(" ".join(result.line.splitlines()), file=sys.stderr)
        result = result.data
    try:
        emit(result, args.json)
        sys.stdout.flush()
    except BrokenPipeError:  # `consult-desk ... | head`: the reader left, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code


if __name__ == "__main__":
    raise SystemExit(main())
