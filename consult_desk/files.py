"""Writing export files: whole or not at all, and a sentence when the place cannot be written."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from consult_desk.errors import StorageError


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "wb", **open_args: Any) -> Iterator[IO[Any]]:
    """Open ``path.part`` for writing and move it over ``path`` when the block ends without error.

    A folder, a missing permission or a full disk becomes ``file_unwritable`` and leaves no partial file.
    """
    path = Path(path)
    if not path.name or path.is_dir():
        raise StorageError("file_unwritable", path=str(path), detail="folder")
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, mode, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise StorageError("file_unwritable", path=str(path), detail=exc.strerror or str(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_file(path, "wb") as fh:
        fh.write(data)


def write_with(path: Path, fill: Callable[[IO[Any]], None], **open_args: Any) -> None:
    with atomic_file(path, "w", **open_args) as fh:
        fill(fh)
