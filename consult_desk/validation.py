"""Input normalisation and validation for intake fields (no storage, no Qt)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from consult_desk.errors import RuleError

_PHONE_RE = re.compile(r"^0\d{9,10}$")
_EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_JOB_SEEKER_RE = re.compile(r"^(\d{5})-?(\d{8})$")
_HYPHENS = "‐‑‒–—―−ーｰ－"
MAX_TEXT = 200


def strip_format(value: str) -> str:
    """Invisible format characters (zero-width space, joiners, direction marks, BOM: category Cf)
    removed, before anything looks at where the text starts (issue 14 (5))."""
    return "".join(ch for ch in value if unicodedata.category(ch) != "Cf")


def nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", strip_format(value)).strip()


def _unify_hyphens(value: str) -> str:
    return "".join("-" if ch in _HYPHENS else ch for ch in value)


def phone_digits(value: str) -> str:
    """Only the digits of a phone number, after NFKC: ０９０－１２３４－５６７８ -> 09012345678."""
    return re.sub(r"\D", "", nfkc(value))


def normalise_phone(value: str) -> str:
    """A Japanese phone number as digits, validated (10 or 11 digits starting with 0)."""
    text = _unify_hyphens(nfkc(value))
    if re.search(r"[^\d\-() ]", text):
        raise RuleError("invalid_phone")
    digits = re.sub(r"\D", "", text)
    if not _PHONE_RE.match(digits):
        raise RuleError("invalid_phone")
    return digits


def format_phone(digits: str) -> str:
    """For display: 09012345678 -> 090-1234-5678, 0312345678 -> 03-1234-5678."""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10:
        if digits.startswith(("03", "06")):
            return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return digits


def normalise_email(value: str) -> str:
    text = nfkc(value)
    if not _EMAIL_RE.match(text) or ".." in text or len(text) > 254:
        raise RuleError("invalid_email")
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalise_job_seeker_no(value: str) -> str:
    """求職番号: 13 digits written 5-8 (11010-12345678); full-width digits and hyphens accepted."""
    text = _unify_hyphens(nfkc(value)).replace(" ", "")
    match = _JOB_SEEKER_RE.match(text)
    if not match:
        raise RuleError("invalid_job_seeker_no")
    return f"{match.group(1)}-{match.group(2)}"


def to_hiragana(value: str) -> str:
    """Katakana (ァ-ヶ, ヽヾ) as hiragana; everything else unchanged. Apply after NFKC (half-width kana)."""
    out = []
    for ch in value:
        code = ord(ch)
        if 0x30A1 <= code <= 0x30F6 or code in (0x30FD, 0x30FE):
            ch = chr(code - 0x60)
        out.append(ch)
    return "".join(out)


def to_katakana(value: str) -> str:
    """Hiragana (ぁ-ゖ, ゝゞ) as katakana; everything else unchanged."""
    out = []
    for ch in value:
        code = ord(ch)
        if 0x3041 <= code <= 0x3096 or code in (0x309D, 0x309E):
            ch = chr(code + 0x60)
        out.append(ch)
    return "".join(out)


def fold(value: str) -> str:
    """The one folding for comparing what people type (search, duplicate checks, normalised columns).

    NFKC (full-width letters and digits to ASCII, half-width kana to full-width, ｶﾞ to ガ), katakana
    to hiragana, case folded, runs of white space to one space, trimmed: ヤマダ, ﾔﾏﾀﾞ and やまだ fold
    alike, as do ＹＡＭＡＤＡ and yamada, ０９０ and 090.
    """
    text = to_hiragana(unicodedata.normalize("NFKC", value)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def search_key(value: str) -> str:
    """A name or reading as stored for search: folded (:func:`fold`) with every space removed, so
    山田 花子, 山田花子 and ﾔﾏﾀﾞ ﾊﾅｺ compare by their letters alone."""
    return re.sub(r"\s+", "", fold(value))


def applicant_keys(name: str, kana: str) -> dict[str, str]:
    """The search columns of an applicant (models.Applicant): the whole name and reading, and the
    given name and its reading (what follows the first space), each as :func:`search_key`."""

    def given(value: str) -> str:
        parts = fold(value).split(" ", 1)
        return search_key(parts[1]) if len(parts) == 2 else ""

    return {
        "name_key": search_key(name),
        "kana_key": search_key(kana),
        "given_key": given(name),
        "given_kana_key": given(kana),
    }


def normalise_kana(value: str) -> str:
    """Reading in hiragana; katakana is converted, spaces kept."""
    result = to_hiragana(nfkc(value))
    if not re.fullmatch(r"[\u3041-\u3096\u30fc\u309d\u309e 　]+", result):
        raise RuleError("invalid_kana")
    return re.sub(r"[ 　]+", " ", result)


def normalise_text(value: str, label: str, max_len: int = MAX_TEXT) -> str:
    """A free text of several lines (a note): format characters removed first, then NFKC and the
    spaces around it stripped; CRLF and CR become LF; other control characters are dropped."""
    text = nfkc(strip_format(value).replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == "\n")
    if len(text) > max_len:
        raise RuleError("too_long", label=label, max=max_len)
    return text


def normalise_line(value: str, label: str, max_len: int = MAX_TEXT) -> str:
    """A one-line field (a name, an address, a title, a mail header): a line feed, carriage return,
    tab or any other control character is refused with a sentence (issue 14 (2)): such a name would
    break every mail header and CSV row later. Format characters are removed, spaces stripped."""
    text = nfkc(value)
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise RuleError("control_chars", label=label)
    if len(text) > max_len:
        raise RuleError("too_long", label=label, max=max_len)
    return text


def starts_formula(text: str) -> bool:
    """True when a spreadsheet would read the cell as a formula: its first character that is not a
    space (or an invisible format character) is =, +, -, @, or the cell starts with tab or CR/LF."""
    if text[:1] in ("\t", "\r", "\n"):
        return True
    rest = strip_format(text).lstrip(" \u3000\t\r\n")
    return rest[:1] in ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def name_key(value: str) -> str:
    """A name compared without spaces or width differences."""
    return re.sub(r"\s+", "", nfkc(value))


def person_keys(phone: str = "", email: str = "", job_seeker_no: str = "") -> list[str]:
    """A person's identities (normalised phone, e-mail, 求職番号) as SHA-256 digests: what a person
    claim stores (issue 14 (6)), so the claim table holds no personal data in clear."""
    parts = [("phone", phone), ("email", email.lower()), ("job_seeker_no", job_seeker_no)]
    return [hashlib.sha256(f"{kind}:{value}".encode()).hexdigest() for kind, value in parts if value]
