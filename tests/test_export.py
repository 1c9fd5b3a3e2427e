"""CSV for Excel: BOM or CP932, CRLF, Japanese header, formula-safe, masked personal data."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from consult_desk import booking
from consult_desk.errors import RuleError
from consult_desk.export import export_reservations, safe_cell

T = dt.datetime


@pytest.fixture
def booked(db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0), name="=HYPERLINK(\"x\")", kana="やまだ はなこ"))
    booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 30), name="髙橋 𠮷子", phone="080-1111-2222"))
    return office


@pytest.mark.parametrize("value, expected", [
    ("=1+2", "'=1+2"), ("+81", "'+81"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-12", "-12"), ("2027-01-13", "2027-01-13"), ("2027-01-13 10:00", "2027-01-13 10:00"), ("山田", "山田"), ("", ""),
])
def test_cells_never_start_a_formula(value, expected):
    assert safe_cell(value) == expected


def test_utf8_with_bom_and_crlf(booked, ctx, tmp_path):
    out = tmp_path / "r.csv"
    result = export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(out.open(encoding="utf-8-sig", newline="")))
    assert rows[0][:3] == ["予約ID", "事業所", "日付"]
    assert rows[1][rows[0].index("氏名")] == "'=HYPERLINK(\"x\")"
    assert rows[2][rows[0].index("氏名")] == "髙橋 𠮷子"
    assert rows[1][rows[0].index("電話番号")] == "090-1234-5678"
    assert result.rows == 2


def test_cp932_reports_characters_it_cannot_hold(booked, ctx, tmp_path):
    out = tmp_path / "r932.csv"
    result = export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out, encoding="cp932")
    rows = list(csv.reader(out.open(encoding="cp932", newline="")))
    assert rows[2][rows[0].index("氏名")] == "髙橋 〓子"  # 髙 is in CP932 (IBM extension); 𠮷 is not
    assert result.unencodable == [{"row": 2, "column": "氏名", "char": "𠮷", "codepoint": "U+20BB7"}]


def test_mask_pii_hides_contact_data(booked, ctx, tmp_path):
    out = tmp_path / "masked.csv"
    export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out, mask_pii=True)
    text = out.read_text(encoding="utf-8-sig")
    assert "090-1234-5678" not in text and "hanako@example.jp" not in text and "11010-12345678" not in text
    assert "***" in text


def test_bad_ranges_and_encodings_refused(booked, ctx, tmp_path):
    with pytest.raises(RuleError):
        export_reservations(ctx, dt.date(2027, 2, 1), dt.date(2027, 1, 1), tmp_path / "x.csv")
    with pytest.raises(RuleError):
        export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), tmp_path / "x.csv", encoding="latin-1")
    assert not (tmp_path / "x.csv").exists()
