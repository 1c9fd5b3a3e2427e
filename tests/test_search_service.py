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
