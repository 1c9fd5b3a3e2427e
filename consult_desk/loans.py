"""Equipment lent to participants (002 4(1)).

「船橋市が必要と認めた参加者については、可能な範囲で…必要な環境を貸与する」: the office records what
it lent (the item), to whom (the participant's reservation: an individual session or a place in a
group event), when it was lent and is due back, when it came back and who handled it. The list shows
what is out and what is overdue (due back before today and not returned). The window's Loans view
and the command line (``loan add|return|list``) call the same functions here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from consult_desk import audit
from consult_desk.calendar import format_date
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.models import Applicant, Event, Loan, Reservation, transaction
from consult_desk.models.db import valid_id
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.validation import normalise_text

ITEM_MAX = 200


@dataclass
class LoanRow:
    id: int
    office: str
    reservation_id: int
    event_id: int | None
    event_title: str
    participant: str
    item: str
    lent_on: dt.date
    due_on: dt.date
    returned_on: dt.date | None
    lent_by: str
    returned_by: str
    note: str
    overdue: bool

    @property
    def out(self) -> bool:
        return self.returned_on is None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "office": self.office,
            "reservation": self.reservation_id,
            "event": self.event_id,
            "participant": self.participant,
            "item": self.item,
            "lent_on": self.lent_on.isoformat(),
            "due_on": self.due_on.isoformat(),
            "returned_on": self.returned_on.isoformat() if self.returned_on else None,
            "lent_by": self.lent_by,
            "returned_by": self.returned_by or None,
            "note": self.note,
            "overdue": self.overdue,
        }


def offers_loans(office: str) -> bool:
    """The office lends equipment (its preset's ``equipment_loans``: Funabashi, 002 4(1))."""
    return bool(get_config(office).get("equipment_loans"))


def _check_office(office: str) -> None:
    if not offers_loans(office):
        raise RuleError("loans_not_offered", clause=get_config(office).clause("equipment_loans"))


def _reservation(reservation_id: int) -> Reservation:
    res = Reservation.get_or_none(Reservation.id == reservation_id) if valid_id(reservation_id) else None
    if res is None:
        raise RuleError("not_found", id=reservation_id)
    return res


def add(
    ctx: Context,
    reservation_id: int,
    item: str,
    due_on: dt.date,
    lent_on: dt.date | None = None,
    event_id: int | None = None,
    note: str = "",
) -> Loan:
    """Lend ``item`` to the participant of ``reservation_id`` (for its group event when it is one; an
    ``event_id`` given must be that event), due back on ``due_on``."""
    require(ctx, "act")
    text = normalise_text(item, "貸与機器", ITEM_MAX)
    if not text:
        raise RuleError("required", label="貸与機器")
    note = normalise_text(note, "メモ", 1000)
    lent = lent_on or ctx.clock.today()
    if due_on < lent:
        raise RuleError("loan_due_before_lent", due=format_date(due_on), lent=format_date(lent))
    with transaction():
        res = _reservation(reservation_id)
        _check_office(res.office_id)
        if event_id is not None and res.event_id != event_id:
            if not valid_id(event_id) or Event.get_or_none(Event.id == event_id) is None:
                raise RuleError("event_not_found", id=event_id)
            raise RuleError("loan_participant", reservation=res.id, event=event_id)
        loan = Loan.create(
            office=res.office_id,
            reservation=res,
            event=res.event_id,
            item=text,
            lent_on=lent,
            due_on=due_on,
            lent_by=ctx.actor.login,
            note=note,
        )
        audit.record(ctx, "loan_add", f"loan {loan.id} reservation {res.id}", detail=f"due={due_on.isoformat()}")
        touch(Topic.LOANS, Topic.AUDIT)
    return loan


def give_back(ctx: Context, loan_id: int, returned_on: dt.date | None = None, note: str = "") -> Loan:
    """The equipment came back on ``returned_on`` (default today)."""
    require(ctx, "act")
    note = normalise_text(note, "メモ", 1000)
    day = returned_on or ctx.clock.today()
    with transaction():
        loan = Loan.get_or_none(Loan.id == loan_id) if valid_id(loan_id) else None
        if loan is None:
            raise RuleError("loan_not_found", id=loan_id)
        if loan.returned_on is not None:
            raise RuleError("loan_returned", id=loan.id, date=format_date(loan.returned_on))
        if day < loan.lent_on:
            raise RuleError("loan_return_before_lent", returned=format_date(day), lent=format_date(loan.lent_on))
        loan.returned_on = day
        loan.returned_by = ctx.actor.login
        if note:
            loan.note = f"{loan.note}\n{note}".strip()
        loan.save()
        audit.record(ctx, "loan_return", f"loan {loan.id} reservation {loan.reservation_id}", detail=f"on={day.isoformat()}")
        touch(Topic.LOANS, Topic.AUDIT)
    return loan


def rows(today: dt.date, office: str | None = None, include_returned: bool = False, overdue_only: bool = False) -> list[LoanRow]:
    """Loans still out (overdue first, then by due date), or every loan with ``include_returned``."""
    query = (
        Loan.select(Loan, Reservation, Applicant)
        .join(Reservation)
        .join(Applicant)
        .order_by(Loan.due_on, Loan.id)
    )
    if office:
        query = query.where(Loan.office == office)
    if not include_returned:
        query = query.where(Loan.returned_on.is_null())
    if overdue_only:
        query = query.where(Loan.returned_on.is_null(), Loan.due_on < today)
    loans = list(query)
    event_ids = sorted({loan.event_id for loan in loans if loan.event_id})
    titles = dict(Event.select(Event.id, Event.title).where(Event.id.in_(event_ids)).tuples()) if event_ids else {}
    result = [
        LoanRow(
            id=loan.id,
            office=loan.office_id,
            reservation_id=loan.reservation_id,
            event_id=loan.event_id,
            event_title=titles.get(loan.event_id, "") if loan.event_id else "",
            participant=loan.reservation.applicant.name,
            item=loan.item,
            lent_on=loan.lent_on,
            due_on=loan.due_on,
            returned_on=loan.returned_on,
            lent_by=loan.lent_by,
            returned_by=loan.returned_by,
            note=loan.note,
            overdue=loan.returned_on is None and loan.due_on < today,
        )
        for loan in loans
    ]
    result.sort(key=lambda r: (not r.overdue, r.returned_on is not None, r.due_on, r.id))
    return result
