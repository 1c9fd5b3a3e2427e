"""Child process of tests/test_outbox_send.py: one desk sending the outbox, killed at a chosen moment.

    python tests/outbox_child.py DB_TARGET NOW

Runs :func:`consult_desk.outbox.send_due` with the real SMTP client at the fixed time NOW; after
the server has accepted a message's DATA, and before anything is written back, it prints
"accepted <outbox id>" and waits to be killed (SIGKILL) by the test.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from consult_desk import mail, outbox
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.models import open_database


def main() -> None:
    target, now = sys.argv[1], dt.datetime.fromisoformat(sys.argv[2])
    open_database(target, create=False)
    ctx = Context(Actor("desk-child", "受付", "reception"), FixedClock(now))

    def transmit_then_hang(prepared: mail.Prepared) -> None:
        mail.transmit(prepared)  # the SMTP conversation, DATA accepted by the server
        print(f"accepted {prepared.outbox_id}", flush=True)
        time.sleep(600)  # the result is never written: the test kills this process here

    print("ready", flush=True)
    outbox.send_due(ctx, transmit=transmit_then_hang)


if __name__ == "__main__":
    main()
