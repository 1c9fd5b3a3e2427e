"""Bad input on the services (hypothesis): the booking service, the reservation state machine,
search and CSV export. Whatever comes in: either it is stored completely and consistently, or a
RuleError with a sentence is raised and nothing at all is stored; no other exception.

The booking and search runs go through ``any_db``, so PostgreSQL (which refuses NUL characters and
out-of-range numbers that SQLite would take) gets the same input.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools

import pytest
from action_helpers import give_details
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consult_desk import booking, lifecycle
from consult_desk.csvfile import _NUMBER_OR_DATE, CP932_SUBSTITUTE, safe_cell, write_csv
from consult_desk.errors import RuleError
from consult_desk.export import export_reservations
from consult_desk.lifecycle import ActOptions
from consult_desk.models import ALL_MODELS, History, Reservation
from consult_desk.models.check import problems
from consult_desk.models.schema import change_count
from consult_desk.offices import get_config
from consult_desk.presets import CHANNELS
from consult_desk.search import search
from consult_desk.states import TRANSITIONS, Status, allowed_actions
from consult_desk.validation import starts_formula

T = dt.datetime
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ANY_TEXT = st.text(max_size=40)  # every code point but surrogates: NUL, controls, emoji, RTL marks...
JAPANESE = st.text(st.sampled_from("山田花子髙橋𠮷はなこハナコｱｲｳ　 -－ー=＝+@\t\r\n0０9９"), max_size=20)
TEXTISH = st.one_of(ANY_TEXT, JAPANESE)


def row_counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in ALL_MODELS}


def slot_stream(office: str):
    """Fresh future slots of an office, one per example (so seats never run out by accident)."""
    config = get_config(office)
    length = dt.timedelta(minutes=int(config.get("session_minutes") or config.get("slot_minutes") or 30))
    day = dt.date(2027, 1, 12)
    while True:
        if config.calendar.is_business_day(day):
            free_from = None  # a grid finer than a session (003 6: 30-minute grid, 60-minute sessions)
            grid = list(config.grid(day))
            closing = max(end for _, end in grid) if grid else None
            for start, _ in grid:
                if (free_from is not None and start < free_from) or start + length > closing:
                    continue
                free_from = start + length
                for _ in range(config.seats):
                    yield start
        day += dt.timedelta(days=1)


# ------------------------------------------------------------------ booking service


@st.composite
def mutated_requests(draw, base: booking.BookingRequest, field_keys: list[str], consent_keys: list[str]):
    """A valid request with some parts replaced by anything."""
    req = booking.BookingRequest(**{**base.__dict__, "answers": dict(base.answers)})
    for part in draw(st.sets(st.sampled_from(
        ["name", "kana", "phone", "email", "answers", "channel", "start", "consent", "terms", "companions", "note",
         "event"]), max_size=4)):
        if part in ("name", "kana", "phone", "email"):
            setattr(req, part, draw(TEXTISH))
        elif part == "answers":
            keys = st.one_of(st.sampled_from(field_keys), ANY_TEXT)
            req.answers.update(draw(st.dictionaries(keys, TEXTISH, max_size=3)))
        elif part == "channel":
            req.channel = draw(st.one_of(st.sampled_from(CHANNELS), ANY_TEXT))
        elif part == "start":
            req.start = draw(st.one_of(
                st.none(),
                st.datetimes(min_value=T(1900, 1, 1), max_value=T(2999, 12, 31)),
                st.datetimes(min_value=T(2027, 1, 4), max_value=T(2027, 3, 31)),
            ))
        elif part == "consent":
            req.consent_items = draw(st.one_of(st.none(), st.lists(st.one_of(st.sampled_from(consent_keys), ANY_TEXT))))
        elif part == "terms":
            req.terms_version = draw(st.one_of(st.none(), ANY_TEXT))
        elif part == "companions":
            req.companions = draw(st.lists(st.dictionaries(st.sampled_from(["name", "relation", "x"]), TEXTISH), max_size=3))
        elif part == "note":
            req.note = draw(st.one_of(TEXTISH, st.text(min_size=990, max_size=1010)))
        elif part == "event":
            req.event_id = draw(st.one_of(st.integers(), st.integers(-3, 3)))
    return req


@pytest.mark.parametrize("preset", ["hellowork-kawagoe", "funabashi-kosodate"])
def test_booking_service_stores_all_or_nothing(any_db, ctx, make_office, make_request, preset):
    office = make_office(preset)
    config = get_config(office)
    slots = slot_stream(office)
    counter = itertools.count()
    field_keys = [f.key for f in config.fields]

    @FUZZ
    @given(data=st.data())
    def run(data):
        base = make_request(office, next(slots), phone=f"080-{next(counter):04d}-0000")
        req = data.draw(mutated_requests(base, field_keys, config.required_consent_keys()))
        before = row_counts()
        try:
            res = booking.book(ctx, req)
        except RuleError as err:
            assert err.message and err.code != err.message
            assert row_counts() == before, err.one_line()
            return
        stored = Reservation.get_by_id(res.id)
        assert stored.status in {s.value for s in Status}
        assert stored.history.count() == 1 and stored.consents.count() == 1
        assert problems() == []

    run()


def test_search_takes_anything(any_db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0)))

    @FUZZ
    @given(query=TEXTISH, office_filter=st.one_of(st.none(), st.just(office), ANY_TEXT))
    def run(query, office_filter):
        found = search(query, office_filter)
        assert all(isinstance(r, Reservation) for r in found)

    run()


# ------------------------------------------------------------------ state machine

OFFSETS = [dt.timedelta(days=-3), dt.timedelta(days=-1), dt.timedelta(minutes=-5), dt.timedelta(0),
           dt.timedelta(minutes=5), dt.timedelta(minutes=11), dt.timedelta(minutes=40), dt.timedelta(days=2)]
CHECKS = [None, {}, {"connection_test": "ok", "identity_checked": True, "companions_present": True},
          {"connection_test": "failed"}, {"connection_test": "weird"}]
GOOD_MOMENT = {"check-in": dt.timedelta(minutes=-5), "no-show": dt.timedelta(minutes=11),
               "connection-failed": dt.timedelta(minutes=5), "complete": dt.timedelta(minutes=40),
               "cancel": dt.timedelta(days=-1), "extend": dt.timedelta(minutes=20),
               "complete-by-phone": dt.timedelta(minutes=30), "unreachable": dt.timedelta(minutes=30)}
ANY_ACTION = st.sampled_from([*TRANSITIONS, "callback-attempt", "no-such-action"])
MOSTLY = st.sampled_from([True, True, True, False])
STEP = st.tuples(
    st.sampled_from(OFFSETS),
    st.sampled_from(["", "理由あり"]),
    st.sampled_from(CHECKS),
    st.sampled_from([None, 5, 15, 500]),
    st.booleans(),
)


@pytest.mark.parametrize("preset", ["hellowork-kawagoe", "nishitokyo-childcare", "yamaguchi-vocational"])
def test_random_action_sequences_never_reach_an_illegal_state(db, ctx, clock, make_office, make_request, preset):
    """Any sequence of actions at any moment: each one is either a transition of the table (with its
    history entry and counter bump) or refused with nothing changed."""
    office = make_office(preset)
    config = get_config(office)
    slots = slot_stream(office)
    counter = itertools.count()
    acts = [a["key"] for a in config.prohibited_acts()]

    @FUZZ
    @given(data=st.data(), length=st.integers(0, 14))
    def run(data, length):
        clock.set(T(2027, 1, 4, 9, 0))
        # the same e-mail each time: earlier trouble of a previous run is acknowledged
        res = booking.book(
            ctx, make_request(office, next(slots), phone=f"080-{next(counter):04d}-1111", acknowledge_trouble=True)
        )
        if data.draw(MOSTLY):  # mostly with the meeting details registered (send-details needs them)
            give_details(ctx, res.id)
        for _ in range(length):
            current = Reservation.get_by_id(res.id)
            # Mostly an action the table allows now (to get deep into the life cycle), else any.
            allowed = allowed_actions(current.status) + (["callback-attempt"] if current.status == "phone_callback" else [])
            if allowed and data.draw(MOSTLY):
                action = data.draw(st.sampled_from(allowed))
                offset, note, checks, minutes, city_fault = (GOOD_MOMENT.get(action, dt.timedelta(0)), "理由あり",
                                                             CHECKS[2], None, True)
            else:
                action = data.draw(ANY_ACTION)
                offset, note, checks, minutes, city_fault = data.draw(STEP)
            clock.set(res.start + offset)
            before = (current.status, current.history.count(), change_count(), row_counts())
            opts = ActOptions(note=note, channel="phone", checks=checks, minutes=minutes, city_fault=city_fault,
                              prohibited_act=acts[0] if acts and city_fault else "nope")
            try:
                if action == "cancel":
                    lifecycle.cancel(ctx, res.id, "phone", note)
                elif action == "callback-attempt":
                    lifecycle.log_callback_attempt(ctx, res.id, "no_answer" if city_fault else "reached", note)
                else:
                    lifecycle.act(ctx, res.id, action, opts)
            except RuleError as err:
                assert err.message
                after = Reservation.get_by_id(res.id)
                assert (after.status, after.history.count(), change_count(), row_counts()) == before, err.one_line()
                continue
            after = Reservation.get_by_id(res.id)
            status = Status(after.status)
            last = History.select().where(History.reservation == res.id).order_by(History.id.desc()).first()
            assert last.action == action and last.from_status == before[0] and last.status == status.value
            assert after.history.count() == before[1] + 1
            assert change_count() == before[2] + 1
            if action in TRANSITIONS:
                sources, target = TRANSITIONS[action]
                assert Status(before[0]) in sources
                if target is not None:
                    assert status == target
                elif action != "undo-no-show":
                    assert status == Status(before[0])
            else:
                assert status == Status(before[0]) == Status.PHONE_CALLBACK
        assert problems() == []

    run()


# ------------------------------------------------------------------ CSV


@given(value=st.one_of(ANY_TEXT, st.integers(), st.none(), st.sampled_from(["-12", "-1.5", "2027-01-13", "-"])))
def test_a_cell_never_starts_a_formula(value):
    cell = safe_cell(value)
    text = "" if value is None else str(value)
    assert cell in (text, "'" + text)
    if starts_formula(cell):  # whatever hides in front (blanks, invisible characters): guarded
        assert _NUMBER_OR_DATE.match(cell)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(ANY_TEXT, min_size=3, max_size=3), max_size=8), encoding=st.sampled_from(["utf-8-sig", "cp932"]))
def test_csv_round_trip(tmp_path, rows, encoding):
    """What Excel reads back is exactly what was written (after the formula guard; CP932 with 〓 for
    what it cannot hold, each one listed)."""
    out = tmp_path / "round.csv"
    safe = [[safe_cell(c) for c in row] for row in rows]
    count, unencodable = write_csv(out, ["a", "b", "c"], iter(safe), encoding)
    assert count == len(rows)
    with open(out, encoding=encoding, newline="") as fh:
        back = list(csv.reader(fh))
    assert back[0] == ["a", "b", "c"]
    if encoding == "utf-8-sig":
        assert back[1:] == safe and unencodable == []
    else:
        # CP932 itself maps a few characters to their full-width twins (¬ -> ￢, ¦ -> ￤): what Excel shows.
        expected = [["".join(_cp932(ch) for ch in cell) for cell in row] for row in safe]
        assert back[1:] == expected
        assert len(unencodable) == sum(not _cp932_ok(ch) for row in safe for cell in row for ch in cell)


def _cp932(ch: str) -> str:
    return ch.encode("cp932").decode("cp932") if _cp932_ok(ch) else CP932_SUBSTITUTE


def _cp932_ok(ch: str) -> bool:
    try:
        ch.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def test_exported_names_are_formula_safe(db, ctx, make_office, make_request, tmp_path):
    office = make_office("hellowork-kawagoe")
    slots = slot_stream(office)
    counter = itertools.count()

    @FUZZ
    @given(name=JAPANESE, kana=st.sampled_from(["", "やまだ"]))
    def run(name, kana):
        assume(name.strip())
        try:
            booking.book(ctx, make_request(office, next(slots), name=name, kana=kana,
                                           phone=f"080-{next(counter):04d}-2222"))
        except RuleError:
            return
        out = tmp_path / "names.csv"
        export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 12, 31), out)
        with open(out, encoding="utf-8-sig", newline="") as fh:
            for row in list(csv.reader(fh))[1:]:
                for cell in row:
                    assert not starts_formula(cell) or _NUMBER_OR_DATE.match(cell), cell

    run()
