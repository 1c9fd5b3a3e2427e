"""The keyring interface: a test backend only; no store means a clear refusal, never a plain-text file."""

from __future__ import annotations

import keyring.backends.fail
import keyring.backends.null
import pytest
from memory_keyring import MemoryKeyring, installed

from consult_desk import secrets
from consult_desk.errors import StorageError, set_language


def test_set_get_delete_with_the_test_backend():
    with installed(MemoryKeyring()) as backend:
        assert secrets.available()
        secrets.set_secret("smtp/office", "s3cret")
        assert backend.store == {(secrets.SERVICE, "smtp/office"): "s3cret"}
        assert secrets.get_secret("smtp/office") == "s3cret" and secrets.has_secret("smtp/office")
        secrets.delete_secret("smtp/office")
        secrets.delete_secret("smtp/office")  # deleting twice is not an error
        assert secrets.get_secret("smtp/office") is None
        assert secrets.backend_label() == "memory_keyring.MemoryKeyring"


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's plain-text file backend (refused by name)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring(), PlaintextKeyring()])
def test_no_usable_store_is_refused_with_a_sentence(backend):
    with installed(backend):
        assert not secrets.available()
        for call in (lambda: secrets.set_secret("a", "b"), lambda: secrets.get_secret("a")):
            with pytest.raises(StorageError) as err:
                call()
            assert err.value.code == "keyring_unavailable"
        assert "資格情報ストア" in secrets.backend_label()
        set_language("en")
        assert "never kept in a file" in secrets.backend_label()
        if isinstance(backend, PlaintextKeyring):
            assert backend.store == {}
