"""Writing export files: whole or not at all, and a sentence when the place cannot be written."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from consult_desk.errors import StorageError


def check_replaceable(path: Path) -> None:
    """Only a regular file (or nothing) may be replaced by an export (issue 14 (4)): a device node
    (/dev/full, a disk), a FIFO, a socket, a folder or a symbolic link is refused, whoever runs it."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError("file_unwritable", path=str(path), detail=exc.strerror or str(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise StorageError("file_unwritable", path=str(path), detail="folder")
    if stat.S_ISLNK(info.st_mode):
        raise StorageError("file_unwritable", path=str(path), detail="symbolic link")
    if not stat.S_ISREG(info.st_mode):
        raise StorageError("file_unwritable", path=str(path), detail="not a regular file")


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX: fsync the directory; Windows cannot open one)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "wb", **open_args: Any) -> Iterator[IO[Any]]:
    """Open ``path.part`` for writing and move it over ``path`` when the block ends without error;
    the folder is synced after the rename, so a power cut keeps the old file or the new one.

    A folder, a device, a FIFO, a symbolic link, a missing permission or a full disk becomes
    ``file_unwritable`` and leaves no partial file.
    """
    path = Path(path)
    if not path.name:
        raise StorageError("file_unwritable", path=str(path), detail="folder")
    check_replaceable(path)
    tmp = path.with_name(path.name + ".part")
    check_replaceable(tmp)  # a link planted as the temporary name is not followed
    try:
        private_dir(path.parent)
        with open(tmp, mode, opener=private_opener, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        check_replaceable(path)  # still nothing but a regular file at the moment of the rename
        tmp.replace(path)
        sync_folder(path.parent)
    except StorageError:
        with contextlib.suppress(OSError):
            if os.path.isfile(tmp) and not os.path.islink(tmp):
                tmp.unlink()
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise StorageError("file_unwritable", path=str(path), detail=exc.strerror or str(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------ private to the user (issue 13)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"


def private_umask() -> None:
    """At program start: whatever else creates a file (SQLite's -wal/-shm, Qt's PDF) makes it private."""
    if POSIX:
        os.umask(0o077)


def private_dir(folder: Path) -> Path:
    """Create ``folder`` and any missing parents as 0700; folders that exist already are left as they are."""
    folder = Path(folder)
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=PRIVATE_DIR)
        if POSIX:
            os.chmod(candidate, PRIVATE_DIR)  # mkdir's mode is reduced by the umask, never raised
    return folder


def private_opener(path: str, flags: int) -> int:
    """``open(..., opener=private_opener)``: a new file is 0600; one left from before is made 0600."""
    fd = os.open(path, flags, PRIVATE_FILE)
    if POSIX:
        os.fchmod(fd, PRIVATE_FILE)
    return fd


def private_file(path: Path) -> Path:
    """Create an empty 0600 file (before SQLite or Qt writes into it) or make an existing one 0600."""
    path = Path(path)
    private_dir(path.parent)
    os.close(private_opener(str(path), os.O_WRONLY | os.O_CREAT))
    return path


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_file(path, "wb") as fh:
        fh.write(data)


def write_with(path: Path, fill: Callable[[IO[Any]], None], **open_args: Any) -> None:
    with atomic_file(path, "w", **open_args) as fh:
        fill(fh)
