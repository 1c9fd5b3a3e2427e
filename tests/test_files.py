"""Export files are written whole or not at all."""

from __future__ import annotations

import pytest

from consult_desk.errors import StorageError
from consult_desk.files import atomic_file, write_bytes


def test_file_appears_only_when_complete(tmp_path):
    out = tmp_path / "sub" / "a.ics"
    with pytest.raises(RuntimeError):
        with atomic_file(out, "wb") as fh:
            fh.write(b"half")
            raise RuntimeError("stopped half way")
    assert not out.exists() and list(out.parent.iterdir()) == []
    write_bytes(out, b"whole")
    assert out.read_bytes() == b"whole"


def test_unwritable_places_are_a_sentence(tmp_path):
    with pytest.raises(StorageError) as err:
        write_bytes(tmp_path, b"x")
    assert err.value.code == "file_unwritable" and "書き込めません" in err.value.message
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        write_bytes(blocker / "inside.csv", b"x")
