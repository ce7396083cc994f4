"""Atomic replacement of a file: a reader sees the old bytes or the new, never a mix."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path


def atomic_write(target: Path, data: Sequence[bytes]) -> None:
    """Replace ``target`` with the pieces ``data`` atomically and durably.

    A temp file in the same directory is written, flushed and fsynced, then
    ``os.replace``-d onto ``target``, and the directory is fsynced so the rename
    survives a power cut. On any failure the temp file is removed and ``target``
    is untouched. ``target`` should already be resolved (symlinks followed) so a
    linked dotfile stays a link.

    Raises:
        OSError: the write, sync or rename failed (read-only, disk full, ...).
    """
    directory = target.parent
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            # Keep the old file's permission bits (mkstemp makes 0600).
            os.chmod(temp, target.stat().st_mode & 0o7777)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(directory)


def sweep_temp_files(target: Path) -> None:
    """Remove temp files that killed writers left beside ``target``.

    Call only while holding the store lock: then no live writer owns one.
    """
    for temp in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            temp.unlink()


def fsync_dir(directory: Path) -> None:
    """fsync a directory so renames in it are durable (a no-op where unsupported)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on directories; the data itself is synced
    finally:
        os.close(fd)
