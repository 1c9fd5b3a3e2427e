"""Who is acting and what time it is: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field

from consult_desk.clock import Clock, SystemClock

ROLES = ("reception", "counsellor", "supervisor", "admin")


@dataclass(frozen=True)
class Actor:
    login: str
    name: str
    role: str = "reception"


CLI_ACTOR = Actor("cli", "コマンドライン", "admin")


@dataclass
class Context:
    actor: Actor = CLI_ACTOR
    clock: Clock = field(default_factory=SystemClock)
