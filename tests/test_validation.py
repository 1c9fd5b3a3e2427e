"""Input normalisation: NFKC phone numbers, e-mail syntax, 求職番号, kana."""

from __future__ import annotations

import pytest

from consult_desk.errors import RuleError
from consult_desk.validation import (
    format_phone,
    normalise_email,
    normalise_job_seeker_no,
    normalise_kana,
    normalise_phone,
)


@pytest.mark.parametrize("raw", ["090-1234-5678", "０９０－１２３４－５６７８", "09012345678", "090 1234 5678", "090ー1234ー5678"])
def test_phone_numbers_normalise_to_digits(raw):
    assert normalise_phone(raw) == "09012345678"
    assert format_phone("09012345678") == "090-1234-5678"


@pytest.mark.parametrize("raw", ["12345", "090-1234-567a", "+81 90 1234 5678", "1234567890", ""])
def test_bad_phone_numbers_are_refused(raw):
    with pytest.raises(RuleError) as err:
        normalise_phone(raw)
    assert err.value.code == "invalid_phone"


def test_email_syntax():
    assert normalise_email("Hanako@Example.JP") == "Hanako@example.jp"
    assert normalise_email("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ") == "hanako@example.jp"
    for bad in ["hanako", "hanako@", "@example.jp", "a..b@example.jp", "hanako@example", "花子@example.jp"]:
        with pytest.raises(RuleError):
            normalise_email(bad)


def test_job_seeker_number_format():
    """004 第4条(2)②: 求職番号, 13 digits written 5-8."""
    assert normalise_job_seeker_no("11010-12345678") == "11010-12345678"
    assert normalise_job_seeker_no("１１０１０－１２３４５６７８") == "11010-12345678"
    assert normalise_job_seeker_no("1101012345678") == "11010-12345678"
    for bad in ["11010-1234567", "1101-12345678", "ABCDE-12345678", ""]:
        with pytest.raises(RuleError) as err:
            normalise_job_seeker_no(bad)
        assert err.value.code == "invalid_job_seeker_no"


def test_kana_accepts_katakana_as_hiragana():
    assert normalise_kana("ヤマダ　ハナコ") == "やまだ はなこ"
    with pytest.raises(RuleError):
        normalise_kana("山田")
