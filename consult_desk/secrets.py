"""Secrets kept outside the database: one small interface over ``keyring``.

The SMTP password of an office lives in the operating system's credential store (Windows
Credential Manager, macOS Keychain, Secret Service on Linux), never in the database or a
settings file. When the PC has no usable store, every call refuses with ``keyring_unavailable``
and a Japanese sentence: there is deliberately no plain-text fallback.
Tests install an in-memory backend with ``keyring.set_keyring``.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from consult_desk.errors import StorageError

SERVICE = "ConsultDesk"

# Backends that would lose the secret silently or keep it in plain text: refused.
_REFUSED_BACKENDS = frozenset({"fail.Keyring", "null.Keyring", "file.PlaintextKeyring"})


def _backend_name(backend: KeyringBackend) -> str:
    module = type(backend).__module__.rsplit(".", 1)[-1]
    return f"{module}.{type(backend).__name__}"


def backend() -> KeyringBackend:
    """The usable credential store, or ``keyring_unavailable``."""
    try:
        current = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration file
        raise StorageError("keyring_unavailable", detail=type(exc).__name__) from exc
    name = _backend_name(current)
    chained = getattr(current, "backends", None)
    if name in _REFUSED_BACKENDS or (chained is not None and not chained):
        raise StorageError("keyring_unavailable", detail=name)
    return current


def available() -> bool:
    try:
        backend()
    except StorageError:
        return False
    return True


def backend_label() -> str:
    """What the settings dialog shows: the store in use, or why there is none."""
    try:
        return _backend_name(backend())
    except StorageError as exc:
        return exc.message


def smtp_account(office: str) -> str:
    return f"smtp/{office}"


def set_secret(account: str, value: str) -> None:
    store = backend()
    try:
        store.set_password(SERVICE, account, value)
    except keyring.errors.KeyringError as exc:
        raise StorageError("keyring_unavailable", detail=type(exc).__name__) from exc


def get_secret(account: str) -> str | None:
    store = backend()
    try:
        return store.get_password(SERVICE, account)
    except keyring.errors.KeyringError as exc:
        raise StorageError("keyring_unavailable", detail=type(exc).__name__) from exc


def delete_secret(account: str) -> None:
    store = backend()
    try:
        store.delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise StorageError("keyring_unavailable", detail=type(exc).__name__) from exc


def has_secret(account: str) -> bool:
    return bool(get_secret(account))
