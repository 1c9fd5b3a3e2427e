"""The audit log (004 第5条): every change, reveal, export and print; append-only; viewer and export."""

from __future__ import annotations

import ast
import csv
import datetime as dt
import re
from pathlib import Path

import peewee as pw
import pytest

import consult_desk
from consult_desk import audit, booking, lifecycle
from consult_desk.errors import RuleError
from consult_desk.export import export_reservations
from consult_desk.lifecycle import ActOptions
from consult_desk.models import DB, AuditLog, transaction
from consult_desk.models import schema as schema_mod
from consult_desk.models.guards import audit_guard_installed
from consult_desk.models.schema import SCHEMA_VERSION, ensure_schema
from consult_desk.offices import create_office

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)
PACKAGE = Path(consult_desk.__file__).parent


@pytest.fixture
def hw(any_db, make_office):
    return make_office("hellowork-kawagoe")


def rows(action_prefix: str = "") -> list[tuple[str, str, str, int]]:
    query = AuditLog.select().order_by(AuditLog.id)
    if action_prefix:
        query = query.where(AuditLog.action.startswith(action_prefix))
    return [(a.staff, a.action, a.target, a.count) for a in query]


def test_every_reservation_change_is_an_audit_entry(hw, ctx, clock, make_request):
    """004 第5条: usage times and access history — booking, each life-cycle step and the cancel."""
    res = booking.book(ctx, make_request(hw, WED))
    lifecycle.act(ctx, res.id, "offer", ActOptions(channel="email"))  # confirms (004 第4条(2))
    lifecycle.cancel(ctx, res.id, "phone", "都合が悪い")
    assert rows("reservation.") == [
        ("tester", "reservation.book", str(res.id), 1),
        ("tester", "reservation.offer", str(res.id), 1),
        ("tester", "reservation.cancel", str(res.id), 1),
    ]
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert last.at == clock.now() and last.detail == "confirmed->cancelled phone"


def test_a_refused_change_leaves_no_audit_entry(hw, ctx, make_request):
    res = booking.book(ctx, make_request(hw, WED))
    before = rows()
    with pytest.raises(RuleError):
        lifecycle.act(ctx, res.id, "complete")  # not in session: refused by the state machine
    assert rows() == before


def test_exports_are_audited_with_how_many_records(hw, ctx, make_request, tmp_path):
    booking.book(ctx, make_request(hw, WED))
    booking.book(ctx, make_request(hw, WED + dt.timedelta(minutes=30), phone="080-1111-2222"))
    export_reservations(ctx, WED.date(), WED.date(), tmp_path / "a.csv")
    export_reservations(ctx, WED.date(), WED.date(), tmp_path / "b.csv", mask_pii=True)
    assert [(a, n) for _, a, _, n in rows("export")] == [("export_csv_pii", 2), ("export_csv", 2)]


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET staff = 'someone-else'",
    "DELETE FROM audit_log",
])
def test_the_database_refuses_to_change_the_audit_log(any_db, ctx, statement):
    """Append-only is enforced by triggers on both engines, not only by the application's habits."""
    create_office(ctx, "hellowork-kawagoe")
    assert audit_guard_installed()
    with pytest.raises(pw.IntegrityError, match="append-only"), transaction():
        DB.execute_sql(statement)
    assert rows() == [("tester", "office_create", "hellowork-kawagoe", 1)]


def test_postgres_also_refuses_truncate(any_db, ctx):
    if any_db.target.startswith("postgres"):
        create_office(ctx, "hellowork-kawagoe")
        with pytest.raises(pw.IntegrityError), transaction():
            DB.execute_sql("TRUNCATE audit_log")
        assert AuditLog.select().count() == 1


def test_a_migration_step_may_rebuild_the_table_and_the_guard_comes_back(any_db, ctx, monkeypatch):
    create_office(ctx, "hellowork-kawagoe")

    def rebuild(migrator):
        from playhouse.migrate import migrate

        # adds the column, fills it (an UPDATE) and, on SQLite, rebuilds the table for NOT NULL
        migrate(migrator.add_column("audit_log", "workstation", pw.CharField(max_length=64, default="desk-1")))

    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema_mod.MIGRATIONS, SCHEMA_VERSION + 1, rebuild)
    ensure_schema()
    assert audit_guard_installed()
    assert DB.execute_sql("SELECT workstation FROM audit_log").fetchall() == [("desk-1",)]
    with pytest.raises(pw.IntegrityError), transaction():
        DB.execute_sql("DELETE FROM audit_log")


def test_no_code_path_updates_or_deletes_audit_rows():
    """Only inserts: no AuditLog.update/delete/save-of-an-existing-row, no raw UPDATE/DELETE on audit_log."""
    offenders = []
    raw = re.compile(r"(update\s+\"?audit_log|delete\s+from\s+\"?audit_log|truncate\s+\"?audit_log)", re.I)
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        # guards.py: the guard itself and the purge's scrub; chain.py: schema 5 chains the rows already there
        if path.name not in {"guards.py", "chain.py"} and raw.search(text):
            offenders.append(f"{path.name}: raw SQL")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Attribute) and node.attr in {"update", "delete", "delete_instance", "replace",
                                                                "insert_or_replace", "truncate_table"}:
                owner = node.value
                if isinstance(owner, ast.Name) and owner.id == "AuditLog":
                    offenders.append(f"{path.name}:{node.lineno} AuditLog.{node.attr}")
    assert offenders == []


def test_viewer_filters_and_json_shape(hw, ctx, clock, make_request):
    booking.book(ctx, make_request(hw, WED))
    clock.set(T(2027, 1, 5, 9, 0))
    with transaction():
        audit.record(ctx.__class__(ctx.actor.__class__("sato", "佐藤", "supervisor"), clock), "export_csv", "x", 3)
    all_rows = audit.search(ctx)
    assert [r.action for r in all_rows] == ["office_create", "reservation.book", "export_csv"]
    assert [r.action for r in audit.search(ctx, start=dt.date(2027, 1, 5))] == ["export_csv"]
    assert [r.action for r in audit.search(ctx, end=dt.date(2027, 1, 4))] == ["office_create", "reservation.book"]
    assert [r.staff for r in audit.search(ctx, staff="sato")] == ["sato"]
    assert [r.action for r in audit.search(ctx, action="reservation.")] == ["reservation.book"]
    assert audit.as_json(all_rows[-1]) == {
        "at": "2027-01-05T09:00:00", "staff": "sato", "action": "export_csv", "target": "x", "count": 3,
    }
    assert audit.action_text("reservation.no-show") == "予約：無断キャンセル"
    assert audit.action_text("export_csv_pii") == "CSV出力（個人情報あり）"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_audit_export_reads_back_and_is_itself_audited(hw, ctx, make_request, tmp_path, encoding):
    booking.book(ctx, make_request(hw, WED))
    out = tmp_path / "audit.csv"
    result = audit.export_csv(ctx, out, encoding=encoding)
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == result.rows + 1 and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    with out.open(encoding=encoding, newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["日時", "職員", "操作", "操作（表示名）", "対象", "件数", "詳細"]
    assert [r[2] for r in table[1:]] == ["office_create", "reservation.book"]
    assert table[2][3] == "予約：予約受付"
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (last.action, last.count) == ("export_audit", 2)


def test_changes_read_with_labels_and_newest_first(hw, ctx, clock, make_request):
    res = booking.book(ctx, make_request(hw, WED, channel="phone"))
    clock.advance(minutes=5)
    lifecycle.cancel(ctx, res.id, "phone")
    newest = audit.search(ctx, action="reservation.", newest_first=True)
    assert [r.action for r in newest] == ["reservation.cancel", "reservation.book"]
    assert [audit.detail_text(r) for r in newest] == ["申込受付 → キャンセル（電話）", "申込受付（電話）"]
    assert audit.target_text(newest[0]) == f"予約 {res.id}"
    other = audit.search(ctx, action="office_create")[0]
    assert (audit.target_text(other), audit.detail_text(other)) == ("hellowork-kawagoe", "")


def test_audit_details_in_plain_words():
    """Issue 15 (4): no developer text (encoding=utf-8-sig columns=id,office) in the audit log view."""
    from consult_desk.audit import plain_detail
    from consult_desk.errors import language, set_language

    before = language()
    try:
        set_language("ja")
        assert plain_detail("encoding=utf-8-sig columns=id,office,name") == "文字コード：UTF-8（BOM付き）　列：予約ID、事業所、氏名"
        assert plain_detail("role=admin first-start").startswith("役割：")
        assert "初回起動時" in plain_detail("role=admin first-start")
        assert plain_detail("電話で 継続") == "電話で 継続"  # staff's own words untouched
        set_language("en")
        assert plain_detail("encoding=cp932 columns=id,name") == "encoding: Shift_JIS (CP932); columns: id, name"
    finally:
        set_language(before)
