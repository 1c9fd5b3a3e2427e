"""Search by name, kana, phone (any width or hyphens), e-mail, job-seeker number, id."""

from __future__ import annotations

import datetime as dt

from consult_desk import booking
from consult_desk.search import search

T = dt.datetime


def test_every_way_of_finding_a_reservation(any_db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0), kana="やまだ はなこ"))
    other = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 30), name="佐藤 太郎", phone="080-2222-3333",
                                           email="taro@example.jp", answers={"job_seeker_no": "11010-87654321"}))
    for query in ["山田", "山田花子", "やまだ", "090-1234-5678", "０９０１２３４５６７８", "09012345678",
                  "hanako@example.jp", "11010-12345678", str(res.id), f"#{res.id}"]:
        assert res.id in [r.id for r in search(query)], query
    assert [r.id for r in search("11010-87654321")] == [other.id]
    assert search("090-9999-9999") == []
    assert search("山田", office="\x00nowhere") == []  # control characters never name an office
    assert search("\x00\x01") == []


def test_search_folds_kana_and_width(any_db, ctx, make_office, make_request):
    """Issue 15 (3): ヤマダ finds やまだ; half-width kana, full-width letters and digits fold alike."""
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0), kana="ヤマダ ハナコ"))
    smith = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 30), name="スミス John", kana="すみす じょん",
                                           phone="080-2222-3333", email="john@example.jp",
                                           answers={"job_seeker_no": "11010-87654321"}))
    assert booking.Applicant.get_by_id(res.applicant_id).kana == "やまだ はなこ"  # stored as hiragana
    for query in ["ヤマダ", "やまだ", "ﾔﾏﾀﾞ", "ﾔﾏﾀﾞﾊﾅｺ", "ヤマダ　ハナコ", "ﾔﾏﾀﾞ ﾊﾅｺ"]:
        assert [r.id for r in search(query)] == [res.id], query
    for query in ["すみす", "スミス", "ｽﾐｽ", "john", "JOHN", "ＪＯＨＮ", "ｊｏｈｎ"]:
        assert [r.id for r in search(query)] == [smith.id], query
    assert [r.id for r in search("０８０２２２２")] == [smith.id]
    assert search("ヤマモト") == []


def test_fold_is_one_function():
    """The folding issue 18's normalised columns reuse: kana, width, case and spaces."""
    from consult_desk.validation import fold

    assert fold("ﾔﾏﾀﾞ　ﾊﾅｺ") == fold("ヤマダ ハナコ") == fold(" やまだ  はなこ ") == "やまだ はなこ"
    assert fold("ＳＭＩＴＨ １２３") == "smith 123"
    assert fold("ヴァイオリン") == "ゔぁいおりん"


def test_name_search_reads_the_applicant_index_not_every_reservation(any_db, ctx, make_office, make_request):
    """Issue 18 (1): any part of three or more letters through the substring index (FTS5 trigram /
    pg_trgm), one or two letters as the start of the family or given name or of a reading; the keys
    follow a change of name, and an anonymised person is not found."""
    from consult_desk.models import Applicant
    from consult_desk.search import applicants_matching

    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0), name="長谷川 花子", kana="はせがわ はなこ"))
    for query in ["長谷川", "谷川花", "長谷", "花子", "花", "はせ", "せがわ", "ハナコ", "はな", "hanako@exa", "example.jp"]:
        assert [r.id for r in search(query)] == [res.id], query
    for query in ["谷川", "がわ", "子"]:  # two letters inside a name: not a start
        assert search(query) == [], query
    applicant = Applicant.get_by_id(res.applicant_id)
    applicant.name = "長谷部 花子"
    applicant.save()
    assert [r.id for r in search("長谷部")] == [res.id] and search("長谷川") == []
    applicant.save(only=[Applicant.name])  # a partial save keeps the keys too
    assert [r.id for r in search("谷部花")] == [res.id]
    Applicant.update(name="（匿名化）", kana="", name_key="", kana_key="", given_key="", given_kana_key="", email="").where(
        Applicant.id == applicant.id
    ).execute()
    assert search("長谷部") == [] and search("花子") == []
    if any_db.target.startswith("postgresql"):
        return
    plan = " ".join(str(row) for row in any_db.execute_sql(
        "EXPLAIN QUERY PLAN " + applicants_matching("はせがわ").sql()[0], applicants_matching("はせがわ").sql()[1]
    ).fetchall())
    assert "VIRTUAL TABLE INDEX" in plan  # the FTS5 index, not a scan of the applicants
    short = applicants_matching("はな").sql()
    plan = " ".join(str(row) for row in any_db.execute_sql("EXPLAIN QUERY PLAN " + short[0], short[1]).fetchall())
    assert "USING INDEX" in plan and "SCAN applicant" not in plan.replace("SCAN applicant USING", "")
