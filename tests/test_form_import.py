"""Form applications imported from a CSV export (issue 17): the same booking rules, the deadline
judged at the form's submission time, never imported twice, UTF-8 and CP932, Japanese headers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil

import peewee as pw
import pytest
from cli_support import Cli

from consult_desk import audit, export, form_import, lifecycle
from consult_desk.booking import BookingRequest, book
from consult_desk.errors import RuleError
from consult_desk.models import AuditLog, Consent, FormSubmission, Outbox, Reservation
from consult_desk.offices import change_terms, get_config
from consult_desk.paths import resources_dir

SAMPLE = resources_dir() / "import" / "logo-form-nishitokyo-sample.csv"
SAMPLE_MAPPING = resources_dir() / "import" / "logo-form-nishitokyo.mapping.json"
OFFICE = "nishitokyo-childcare"
# Friday 8 January 2027: past the 5-business-day deadline (000 第4条(2)) for Wednesday 13 January
# (5 January: 11 January is 成人の日), but the sample's forms for that day were sent in December.
IMPORT_DAY = dt.datetime(2027, 1, 8, 9, 0)
HEADER = ["受付番号", "申込日時", "氏名", "ふりがな", "電話番号", "メールアドレス", "住所", "利用者の区分",
          "お子さんの年齢", "お住まい", "希望日時", "利用規約への同意"]


def row(number: str, submitted: str, start: str, name: str = "山田 花子", phone: str = "090-1234-5678", **extra) -> list[str]:
    values = {
        "受付番号": number, "申込日時": submitted, "氏名": name, "ふりがな": "", "電話番号": phone,
        "メールアドレス": "hanako@example.jp", "住所": "西東京市南町五丁目6番13号",
        "利用者の区分": "0歳から就学前までの児童の保護者", "お子さんの年齢": "1歳", "お住まい": "西東京市在住",
        "希望日時": start, "利用規約への同意": "同意する",
    }
    values.update(extra)
    return [values[h] for h in HEADER]


def write_csv(path, rows, encoding="utf-8-sig"):
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([HEADER, *rows])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


@pytest.fixture
def office(db, make_office):
    return make_office(OFFICE)


@pytest.fixture
def mapping():
    return json.loads(SAMPLE_MAPPING.read_text(encoding="utf-8"))["mapping"]


def test_the_sample_imported_twice_books_each_valid_row_once(office, ctx, clock):
    """Done-when: the shipped sample, imported twice, books rows 2, 3 and 8 once; every other row
    is reported with its rule (000 第4条(2) deadline at submission, 000 第2条(2) eligibility, a
    malformed date) or as the reservation it already is."""
    clock.set(IMPORT_DAY)
    first = form_import.import_file(ctx, office, SAMPLE, str(SAMPLE_MAPPING))
    assert first.encoding == "utf-8-sig"
    out = first.as_json()
    assert len(out["booked"]) == 3
    assert [(r["row"], r["rule"]) for r in out["refused"]] == [(4, "app_deadline"), (6, "invalid_datetime"),
                                                                  (7, "ineligible")]
    assert out["duplicates"] == [{"row": 5, "reservation": out["booked"][0]}]
    [deadline] = [r for r in first.rows if r.row == 4]
    assert deadline.clause == "000 第4条(2)" and "締切" in deadline.message
    [malformed] = [r for r in first.rows if r.row == 6]
    assert malformed.message.startswith("希望日時：") and "2027/13/45 10:00" in malformed.message

    second = form_import.import_file(ctx, office, SAMPLE, str(SAMPLE_MAPPING)).as_json()
    assert second["booked"] == []
    assert second["duplicates"] == [
        {"row": 2, "reservation": out["booked"][0]},
        {"row": 3, "reservation": out["booked"][1]},
        {"row": 5, "reservation": out["booked"][0]},
        {"row": 8, "reservation": out["booked"][2]},
    ]
    assert Reservation.select().count() == 3 and FormSubmission.select().count() == 3
    # the quoted line break of row 3's address arrived as one address, its lines joined (one-line field)
    res = Reservation.get_by_id(out["booked"][1])
    assert res.applicant.address == "西東京市田無町四丁目15番11号 グリーンハイツ201"
    assert res.start == dt.datetime(2027, 1, 13, 13, 30) and res.channel == "form"


def test_deadline_is_judged_at_submission_not_at_import(office, ctx, clock, mapping, tmp_path):
    """000 第4条(2): 5 business days before 13 January 2027 is 5 January (11 January is a holiday).
    Sent on the 5th at 23:59 -> booked even when imported on the 8th; sent on the 6th -> refused."""
    clock.set(IMPORT_DAY)
    path = write_csv(tmp_path / "a.csv", [
        row("A1", "2027/01/05 23:59", "2027/01/13 10:00"),
        row("A2", "2027/01/06 00:01", "2027/01/13 11:00", name="佐藤 健", phone="080-2345-6789"),
    ])
    report = form_import.run(ctx, office, form_import.read_file(path), mapping)
    assert [r.outcome for r in report.rows] == ["booked", "refused"]
    assert report.rows[1].rule == "app_deadline" and report.rows[1].clause == "000 第4条(2)"
    # the same application typed at the desk on the 8th is refused: the desk judges today
    with pytest.raises(RuleError) as err:
        book(ctx, BookingRequest(office, dt.datetime(2027, 1, 13, 11, 30), "伊藤 恵", "090-5678-9012",
                                 "megumi@example.jp", "form", answers={"address": "西東京市中町1-1-1",
                                 "relationship": "家族", "child_age_band": "1歳", "residence": "西東京市在住"},
                                 consent_items=get_config(office).required_consent_keys()))
    assert err.value.code == "app_deadline"


def test_submission_time_is_validated(office, ctx, clock, mapping, tmp_path):
    """A submission time after the import (a clock error in the form, a typo) is refused, not trusted."""
    clock.set(IMPORT_DAY)
    path = write_csv(tmp_path / "a.csv", [row("A1", "2027/01/09 10:00", "2027/01/20 10:00")])
    [result] = form_import.run(ctx, office, form_import.read_file(path), mapping).rows
    assert result.rule == "submitted_in_future"
    assert Reservation.select().count() == 0


def test_cp932_and_utf8_without_bom_and_the_date_forms(office, ctx, clock, mapping, tmp_path):
    """Both encodings; 2027/01/13 10:00, 2027-01-13 10:00, 2027年1月13日 10:00 and full-width digits."""
    rows = [
        row("B1", "2026/12/21 10:15:32", "2027/01/20 10:00"),
        row("B2", "2026-12-21 10:16", "2027-01-20 10:30", name="佐藤 健", phone="080-2345-6789"),
        row("B3", "2026年12月21日 10:17", "2027年1月20日(水) 13:00", name="鈴木 真理", phone="070-3456-7890"),
        row("B4", "２０２６年１２月２１日　１０：１８", "2027年1月20日 13時30分", name="高橋 陽子", phone="080-4567-8901"),
    ]
    for encoding in ("cp932", "utf-8"):
        path = write_csv(tmp_path / f"{encoding}.csv", rows, encoding)
        data = form_import.read_file(path)
        assert data.encoding == encoding and data.headers == HEADER
        report = form_import.run(ctx, office, data, mapping, dry_run=encoding == "cp932")
        assert [r.outcome for r in report.rows] == ["booked"] * 4, [r.message for r in report.rows]
    starts = sorted(r.start for r in Reservation.select())
    assert starts == [dt.datetime(2027, 1, 20, 10, 0), dt.datetime(2027, 1, 20, 10, 30),
                      dt.datetime(2027, 1, 20, 13, 0), dt.datetime(2027, 1, 20, 13, 30)]


def test_a_dry_run_stores_nothing_and_says_what_would_happen(office, ctx, clock, mapping, tmp_path):
    path = write_csv(tmp_path / "a.csv", [
        row("C1", "2026/12/21 10:00", "2027/01/20 10:00"),
        row("C2", "2026/12/21 10:05", "2027/01/20 10:00"),  # the same person and slot, a new form number
        row("C3", "2026/12/21 10:06", "2027/01/20 10:00", name="佐藤 健", phone="080-2345-6789",
            **{"メールアドレス": "ken@example.jp"}),  # another person; 1 seat: full
    ])
    before = AuditLog.select().count()
    report = form_import.run(ctx, office, form_import.read_file(path), mapping, dry_run=True)
    assert [r.text(True) for r in report.rows] == [
        "予約します", "2行目と同じ申込みです", "受付不可：full（000 第4条(2)） この枠は満席です（2027-01-20 10:00）",
    ]
    assert report.as_json()["booked"] == [2]
    assert Reservation.select().count() == 0 and FormSubmission.select().count() == 0
    assert Outbox.select().count() == 0 and AuditLog.select().count() == before


def test_the_forms_own_number_is_never_imported_twice_even_for_another_slot(office, ctx, mapping, tmp_path):
    """The unique index on (office, submission_id) holds even if the service check were skipped."""
    path = write_csv(tmp_path / "a.csv", [row("D1", "2026/12/21 10:00", "2027/01/20 10:00")])
    [first] = form_import.run(ctx, office, form_import.read_file(path), mapping).rows
    path = write_csv(tmp_path / "b.csv", [row("D1", "2026/12/21 10:00", "2027/01/21 10:00")])
    [again] = form_import.run(ctx, office, form_import.read_file(path), mapping).rows
    assert again.outcome == "duplicate" and again.reservation == first.reservation
    with pytest.raises(pw.IntegrityError) as err:  # the database itself refuses a second row
        FormSubmission.create(office=office, submission_id="D1", person_key="x", start=dt.datetime(2027, 2, 1, 10),
                              submitted_at=dt.datetime(2026, 12, 1), imported_at=dt.datetime(2027, 1, 4), staff="t")
    assert "unique" in str(err.value).lower()
    with pytest.raises(pw.IntegrityError):
        FormSubmission.create(office=office, submission_id=None, person_key="09012345678|山田花子",
                              start=dt.datetime(2027, 1, 20, 10), submitted_at=dt.datetime(2026, 12, 1),
                              imported_at=dt.datetime(2027, 1, 4), staff="t")


def test_a_formula_like_cell_is_kept_as_text_and_exported_harmless(office, ctx, mapping, tmp_path):
    """A cell such as =HYPERLINK(...) is data: stored as typed, never evaluated, and the CSV export
    neutralises it for Excel."""
    formula = '=HYPERLINK("http://evil.example/","click")'
    path = write_csv(tmp_path / "a.csv", [row("E1", "2026/12/21 10:00", "2027/01/20 10:00", 住所=formula)])
    [result] = form_import.run(ctx, office, form_import.read_file(path), mapping).rows
    assert result.outcome == "booked"
    res = Reservation.get_by_id(result.reservation)
    assert res.applicant.address == formula
    out = tmp_path / "export.csv"
    export.export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out)
    text = out.read_text(encoding="utf-8-sig")
    assert formula not in text.replace("'=HYPERLINK", "")


def test_a_control_character_refuses_the_row_with_a_sentence(office, ctx, mapping, tmp_path):
    """Issue 14's one-line rule holds for imported rows: a bell character in the name is refused, the
    other rows go on."""
    path = write_csv(tmp_path / "a.csv", [
        row("L1", "2026/12/21 10:00", "2027/01/20 10:00", name="山田\x07花子"),
        row("L2", "2026/12/21 10:00", "2027/01/20 10:30", name="佐藤 健", phone="080-2345-6789"),
    ])
    report = form_import.run(ctx, office, form_import.read_file(path), mapping)
    assert [(r.outcome, r.rule) for r in report.rows] == [("refused", "control_chars"), ("booked", "")]


def test_consent_is_recorded_with_the_form_as_channel_and_the_terms_in_force_at_submission(
    office, ctx, clock, mapping, tmp_path
):
    """000 第11条: the terms changed on 2027-01-01; a form sent in December agreed to version 1.0."""
    change_terms(ctx, office, "2.0", dt.date(2027, 1, 1), "改定後の規約")
    path = write_csv(tmp_path / "a.csv", [
        row("F1", "2026/12/21 10:00", "2027/01/20 10:00"),
        row("F2", "2027/01/02 10:00", "2027/01/20 10:30", name="佐藤 健", phone="080-2345-6789"),
        row("F3", "2026/12/21 10:00", "2027/01/20 13:00", name="鈴木 真理", phone="070-3456-7890",
            利用規約への同意="同意しない"),
    ])
    report = form_import.run(ctx, office, form_import.read_file(path), mapping)
    assert [r.outcome for r in report.rows] == ["booked", "booked", "refused"]
    assert report.rows[2].rule == "consent_missing" and report.rows[2].clause == "000 第2条(3)"
    december, january = (Consent.get(Consent.reservation == r.reservation) for r in report.rows[:2])
    assert (december.terms_version, december.channel, december.at) == ("1.0", "form", dt.datetime(2026, 12, 21, 10, 0))
    assert (january.terms_version, january.channel) == ("2.0", "form")
    assert Reservation.get_by_id(report.rows[0].reservation).terms_version == "1.0"


def test_the_import_is_in_the_audit_log(office, ctx, mapping, tmp_path):
    path = write_csv(tmp_path / "forms.csv", [row("G1", "2026/12/21 10:00", "2027/01/20 10:00")])
    form_import.run(ctx, office, form_import.read_file(path), mapping, mapping_name="logo")
    [entry] = AuditLog.select().where(AuditLog.action == "form_import")
    assert entry.target == office and "file=forms.csv" in entry.detail and "booked=1" in entry.detail
    assert audit.action_text("form_import") == "フォーム申込みの取込"


def test_mappings_are_saved_with_the_office_and_checked(office, ctx, mapping, tmp_path):
    form_import.save_mapping(ctx, office, "LoGoフォーム", mapping)
    assert form_import.load_mapping(office, None) == ("LoGoフォーム", mapping)
    with pytest.raises(RuleError) as err:
        form_import.save_mapping(ctx, office, "x", {k: v for k, v in mapping.items() if k != "start"})
    assert err.value.code == "mapping_required" and "希望日時（start）" in err.value.message
    with pytest.raises(RuleError) as err:
        form_import.save_mapping(ctx, office, "x", {**mapping, "nickname": "あだ名"})
    assert err.value.code == "unknown_field"
    with pytest.raises(RuleError) as err:
        form_import.load_mapping(office, "nothing-saved")
    assert err.value.code == "mapping_unknown"
    path = write_csv(tmp_path / "a.csv", [row("H1", "2026/12/21 10:00", "2027/01/20 10:00")])
    with pytest.raises(RuleError) as err:
        form_import.run(ctx, office, form_import.read_file(path), {**mapping, "start": "第1希望日時"})
    assert err.value.code == "mapping_column_missing"


def test_unreadable_files_get_a_sentence(office, tmp_path):
    (tmp_path / "bin.csv").write_bytes(b"\x81\xff\xfe\x00" * 10)
    with pytest.raises(RuleError) as err:
        form_import.read_file(tmp_path / "bin.csv")
    assert err.value.code == "import_encoding"
    (tmp_path / "empty.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    with pytest.raises(RuleError) as err:
        form_import.read_file(tmp_path / "empty.csv")
    assert err.value.code == "import_empty"
    with pytest.raises(RuleError) as err:
        form_import.read_file(tmp_path / "missing.csv")
    assert err.value.code == "import_unreadable"


def test_an_imported_session_gets_its_details_and_reminder_scheduled(office, ctx, clock, mapping, tmp_path):
    """000 第4条(3): the details by the notify-by day (3 business days before), the reminder the business day before."""
    path = write_csv(tmp_path / "a.csv", [row("J1", "2026/12/21 10:00", "2027/01/20 10:00")])
    [result] = form_import.run(ctx, office, form_import.read_file(path), mapping).rows
    rows = {r.template: r for r in Outbox.select().where(Outbox.reservation == result.reservation)}
    assert rows["details"].due == dt.datetime(2027, 1, 15, 9, 0) and rows["details"].state == "scheduled"
    assert rows["reminder"].due == dt.datetime(2027, 1, 19, 16, 0)
    lifecycle.cancel(ctx, result.reservation, "phone")
    assert {r.state for r in Outbox.select().where(Outbox.reservation == result.reservation)} == {"cancelled"}


# ---------------------------------------------------------------- the command line


@pytest.fixture
def cli(db_path, capsys):
    return Cli(db_path, capsys)


def test_cli_import_csv_contract(cli, tmp_path):
    cli("init", "--preset", OFFICE)
    sample = tmp_path / "forms.csv"
    shutil.copy(SAMPLE, sample)
    base = ("import", "csv", "--office", OFFICE, "--file", str(sample), "--now", "2027-01-08T09:00", "--json")
    dry = cli(*base, "--mapping", str(SAMPLE_MAPPING), "--dry-run")
    assert dry["booked"] == [2, 3, 8] and dry["duplicates"] == [{"row": 5, "reservation": None}]
    assert set(dry) == {"booked", "refused", "duplicates"}
    assert all(set(r) == {"row", "rule", "message"} for r in dry["refused"])
    assert cli("search", "山田", "--json") == []
    first = cli(*base, "--mapping", str(SAMPLE_MAPPING))
    assert first["booked"] == [1, 2, 3]
    again = cli(*base, "--mapping", str(SAMPLE_MAPPING))
    assert again["booked"] == [] and [d["row"] for d in again["duplicates"]] == [2, 3, 5, 8]
    line = cli(*base, "--mapping", "no-such-mapping", expect=2)
    assert line.startswith("mapping_unknown:")
    line = cli("import", "csv", "--office", OFFICE, "--file", str(tmp_path / "none.csv"), "--mapping",
               str(SAMPLE_MAPPING), "--json", expect=2)
    assert line.startswith("import_unreadable:")
    line = cli(*base, expect=2)  # no mapping saved and none given
    assert line.startswith("required:")


def test_anonymising_old_data_scrubs_the_imported_forms_person_key(office, ctx, clock, mapping, tmp_path):
    """The duplicate guard's phone|name key is personal data: retention replaces it (000 第6条)."""
    from consult_desk import retention

    path = write_csv(tmp_path / "a.csv", [row("K1", "2026/12/21 10:00", "2027/01/20 10:00")])
    [result] = form_import.run(ctx, office, form_import.read_file(path), mapping).rows
    assert FormSubmission.get().person_key == "09012345678|山田花子"
    clock.set(dt.datetime(2030, 6, 1, 9, 0))
    retention.purge(ctx, before=dt.date(2030, 1, 1))
    submission = FormSubmission.get()
    assert submission.person_key == f"purged|{submission.id}" and submission.reservation_id == result.reservation


# ---------------------------------------------------------------- two desks importing the same file


def _import_desk(target: str, desk: int, barrier, results) -> None:
    import traceback

    try:
        from consult_desk.clock import FixedClock
        from consult_desk.context import Actor, Context
        from consult_desk.models import open_database

        open_database(target, create=False)
        ctx = Context(Actor(f"desk{desk}", "受付", "reception"), FixedClock(IMPORT_DAY))
        barrier.wait(timeout=120)
        report = form_import.import_file(ctx, OFFICE, SAMPLE, str(SAMPLE_MAPPING))
        results.put(("ok", report.as_json()))
    except BaseException:  # noqa: BLE001 - reported to the test
        results.put(("error", traceback.format_exc()))


def test_two_desks_importing_the_same_file_at_once_book_each_row_once(any_db, make_office, clock):
    """The unique indexes, not only the check before booking, keep a submission from being imported twice."""
    import multiprocessing as mp

    make_office(OFFICE)
    spawn = mp.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    procs = [spawn.Process(target=_import_desk, args=(any_db.target, i, barrier, results)) for i in range(2)]
    for p in procs:
        p.start()
    out = [results.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert [r[0] for r in out] == ["ok", "ok"], out
    booked = sorted(i for _, report in out for i in report["booked"])
    assert len(booked) == 3 and Reservation.select().count() == 3 and FormSubmission.select().count() == 3
    duplicates = sorted(d["row"] for _, report in out for d in report["duplicates"])
    assert duplicates == sorted([5, 5] + [2, 3, 8])  # each valid row once booked, once reported already imported
