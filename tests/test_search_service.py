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
