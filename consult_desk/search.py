"""Finding reservations by name, kana, phone, e-mail, job-seeker number or id."""

from __future__ import annotations

import re
import unicodedata

import peewee as pw

from consult_desk.models import Applicant, Reservation
from consult_desk.validation import fold, phone_digits, to_katakana

LIMIT = 200


def search(query: str, office: str | None = None, limit: int = LIMIT) -> list[Reservation]:
    """Newest first. Phone numbers match whatever their width or hyphens (090-1234-5678 = ０９０１２３４５６７８);
    names and readings whatever the kana (ヤマダ, ﾔﾏﾀﾞ = やまだ) or letter width (ＳＭＩＴＨ = smith)."""
    # Control characters cannot be part of a stored name (validation drops them) and PostgreSQL
    # refuses NUL in a query: they are left out.
    text = "".join(ch for ch in fold(query) if unicodedata.category(ch)[0] != "C")
    if not text or (office and any(unicodedata.category(ch)[0] == "C" for ch in office)):
        return []  # an office id never holds a control character: no office matches
    base = Reservation.select(Reservation, Applicant).join(Applicant)
    if office:
        base = base.where(Reservation.office == office)
    digits = phone_digits(text)
    conditions = []
    if re.fullmatch(r"#?\d{1,9}", text):
        conditions.append(Reservation.id == int(text.lstrip("#")))
    if re.fullmatch(r"[\d\-() ]+", text) and len(digits) >= 4:
        conditions.append(Applicant.phone.startswith(digits) if len(digits) < 10 else Applicant.phone == digits)
        if len(digits) == 13:
            conditions.append(Applicant.job_seeker_no == f"{digits[:5]}-{digits[5:]}")
        elif re.fullmatch(r"\d{5}-\d*", text):  # the start of a 求職番号 (5-8); a phone's first group is shorter
            conditions.append(Applicant.job_seeker_no.startswith(text))
    if "@" in text:
        conditions.append(Applicant.email == text.lower() if text.count("@") == 1 else Applicant.email.contains(text))
    if not conditions or not re.fullmatch(r"[\d\-() #]+", text):
        # The query is folded (validation.fold: hiragana, ASCII, lower case); a stored name may hold
        # katakana or hiragana, so both spellings are asked for (LIKE ignores ASCII case).
        for variant in dict.fromkeys([text, to_katakana(text)]):
            squeezed = re.sub(r"\s+", "", variant)
            conditions.append(Applicant.name.contains(variant))
            conditions.append(Applicant.kana.contains(variant))
            # 山田花子 finds 山田 花子 and 山田 花子 finds 山田花子: compared without spaces on both sides
            conditions.append(pw.fn.REPLACE(Applicant.name, " ", "").contains(squeezed))
            conditions.append(pw.fn.REPLACE(Applicant.kana, " ", "").contains(squeezed))
        if "@" not in text:
            conditions.append(Applicant.email.contains(text.lower()))
    cond = conditions[0]
    for extra in conditions[1:]:
        cond = cond | extra
    return list(base.where(cond).order_by(Reservation.start.desc(), Reservation.id.desc()).limit(limit))
