"""The presets against their seeds (issue 12, point 7): session lengths, the consent checklist's
conditions and advice, the clauses cited, and the README's list of the assumptions that remain."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from consult_desk import booking, lifecycle
from consult_desk.errors import RuleError
from consult_desk.paths import resources_dir
from consult_desk.presets import PRESET_IDS, load_preset

T = dt.datetime
# Conditions of use per seed: the terms (applying counts as agreeing, 001 2, 004 前文) and a camera
# device only where a clause makes it a condition (004 第2条(2); 001 事前確認事項 「…が必要になります」).
CONDITIONS = {
    "nishitokyo-childcare": {"terms"},
    "musashino-hoiku-concierge": {"terms", "camera_mic"},
    "funabashi-kosodate": {"terms"},
    "yamaguchi-vocational": {"terms"},
    "hellowork-kawagoe": {"terms", "camera_mic"},
}


@pytest.mark.parametrize("preset", PRESET_IDS)
def test_consent_conditions_and_advice_per_seed(preset):
    """001 2, 004 前文: applying counts as agreeing to the terms; 004 第2条(2) makes the camera device a
    condition. Everything else in the checklist is advice (not required)."""
    data = load_preset(preset)
    required = {c["key"] for c in data["consent_items"] if c["required"]}
    assert required == CONDITIONS[preset]
    advice = [c for c in data["consent_items"] if not c["required"]]
    assert all(c["clause"] for c in advice)
    if preset == "hellowork-kawagoe":
        camera = next(c for c in data["consent_items"] if c["key"] == "camera_mic")
        assert camera["clause"] == "004 第2条(2)"


def test_advice_is_recorded_as_advised_and_never_blocks(db, ctx, make_office, make_request):
    """003 3(5), 5(2)② (battery, updates, firewall) are advice: a booking with only the conditions of use
    goes through (Wednesday 2027-01-13, after 成人の日), and advice read out is recorded as advised."""
    yama = make_office("yamaguchi-vocational")
    res = booking.book(ctx, make_request(yama, T(2027, 1, 13, 10, 0), consent_items=["terms"]))
    assert lifecycle.describe(res)["consent"]["advised"] == []
    other = booking.book(
        ctx,
        make_request(
            yama, T(2027, 1, 13, 13, 0), consent_items=["terms", "battery", "firewall"], name="別の 人", phone="090-0000-2222"
        ),
    )
    shown = lifecycle.describe(other)["consent"]
    assert shown["advised"] == ["battery", "firewall"] and "terms" in shown["items"]
    with pytest.raises(RuleError) as err:
        booking.book(ctx, make_request(yama, T(2027, 1, 13, 14, 0), consent_items=["battery"], name="三 人", phone="090-0000-3333"))
    assert err.value.code == "consent_missing"


def test_hellowork_camera_device_is_a_condition(db, ctx, make_office, make_request):
    """004 第2条(2): a device capable of web-camera calls is a condition of use: without it, no booking."""
    hw = make_office("hellowork-kawagoe")
    with pytest.raises(RuleError) as err:
        booking.book(ctx, make_request(hw, T(2027, 1, 13, 10, 0), consent_items=["terms"]))
    assert err.value.code == "consent_missing"
    booking.book(ctx, make_request(hw, T(2027, 1, 13, 10, 0), consent_items=["terms", "camera_mic"]))


def test_nishitokyo_hours_do_not_cite_the_30_minute_clause():
    """000 第5条(1) is the 30-minute length, not the hours: the hours have no clause (an assumption)."""
    data = load_preset("nishitokyo-childcare")
    assert data["clauses"].get("hours") != "000 第5条(1)"
    assert data["clauses"]["max_session"] == "000 第5条(1)"
    assert "hours" in data["assumptions"]


def test_yamaguchi_hours_and_lengths_from_003_6():
    """003 6: 9:00～16:30, at most 60 minutes: 30, 45 and 60 minutes on a 30-minute grid, no lunch break
    (the seed has none) and the application deadline marked as an assumption."""
    data = load_preset("yamaguchi-vocational")
    assert all(data["hours"][d] == [["09:00", "16:30"]] for d in ("mon", "tue", "wed", "thu", "fri"))
    assert data["session_lengths"] == [30, 45, 60] and data["slot_minutes"] == 30
    assert data["max_session_minutes"] == 60
    assert "仮定" in data["assumptions"]["application_deadline_business_days"]


def test_readme_states_every_remaining_assumption():
    """The presets' README lists each assumption of each preset (and nothing that is no longer one)."""
    text = (resources_dir() / "presets" / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Assumptions that remain") :]
    for preset in PRESET_IDS:
        raw = json.loads((resources_dir() / "presets" / f"{preset}.json").read_text(encoding="utf-8"))
        part = section[section.index(f"### `{preset}`") :]
        part = part[: part.find("\n### ", 5)] if "\n### " in part[5:] else part
        listed = {line.split("`")[1] for line in part.splitlines() if line.startswith("- `")}
        assert listed == set(raw["assumptions"]), preset
        assert set(raw) >= {"session_lengths", "equipment_loans"}
