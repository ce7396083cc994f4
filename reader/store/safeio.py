"""Reading and replacing the store's files without trusting what is at their paths.

``bookmarks.yaml`` is a path in the user's config directory: anything may be
there. A FIFO would block an ``open`` for ever, ``/dev/zero`` (through a symlink)
would be read until memory runs out, and replacing a device node with a regular
file breaks the system. So every path is ``stat``-ed before it is opened (only
a regular file is opened, with ``O_NONBLOCK`` and checked again with ``fstat``
in case it was swapped in between), reads are bounded, and only a regular file
owned by this user is ever replaced.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.store.errors import StoreError

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind(mode: int) -> str:
    """What a non-regular file is, in a few words ("a FIFO")."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def why(error: OSError) -> str:
    """An ``OSError`` in a few words, with the file it is about."""
    reason = error.strerror or str(error) or type(error).__name__
    return f"{reason} ({error.filename})" if error.filename else reason


def problem(path: Path) -> str | None:
    """Why ``path`` must not be read or replaced, or ``None`` when it may be.

    A missing path is fine (it will be created). ``path`` is ``stat``-ed, never
    opened; symlinks are followed (a linked dotfile is fine if it links to a
    regular file of this user).
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        return why(error)
    if not stat.S_ISREG(info.st_mode):
        return f"{path.name} is {kind(info.st_mode)}, not a regular file ({path})"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return f"{path.name} belongs to another user ({path})"
    return None


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file ``path``, or ``None`` when it does not exist.

    Args:
        path: The file (symlinks followed).
        limit: Largest size read; a bigger file is refused unread.

    Raises:
        StoreError: ``path`` is not a regular file, is too big, or cannot be
            read; the message is one line (``"cannot read bookmarks: ..."``).
    """
    found = problem(path)
    if found is not None:
        raise StoreError(f"cannot read bookmarks: {found}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise StoreError(f"cannot read bookmarks: {why(error)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped in after the stat
            raise StoreError(
                f"cannot read bookmarks: {path.name} is {kind(info.st_mode)}, not a regular file"
            )
        if info.st_size > limit:
            raise StoreError(
                f"cannot read bookmarks: {path.name} is larger than {limit // 2**20} MB"
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise StoreError(f"cannot read bookmarks: {why(error)}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # grew while read
        raise StoreError(f"cannot read bookmarks: {path.name} is larger than {limit // 2**20} MB")
    return data
