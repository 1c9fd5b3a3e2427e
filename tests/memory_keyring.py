"""An in-memory keyring backend for tests: never the PC's real keyring, never a plain-text file."""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError(username)
        del self.store[(service, username)]


class installed:
    """``with installed(backend):`` sets the keyring backend and restores the previous one."""

    def __init__(self, backend: KeyringBackend) -> None:
        self.backend = backend
        self.previous: KeyringBackend | None = None

    def __enter__(self) -> KeyringBackend:
        self.previous = keyring.get_keyring()
        keyring.set_keyring(self.backend)
        return self.backend

    def __exit__(self, *exc: object) -> None:
        assert self.previous is not None
        keyring.set_keyring(self.previous)
