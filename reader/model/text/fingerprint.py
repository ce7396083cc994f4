"""The fingerprint of a text: sha256 of its UTF-8, hashed from the file's bytes when they are it.

``Document.fingerprint`` is the sha256 hex digest of the displayed text in
UTF-8; the bookmark store keys its records by it. Encoding a 50 MB text again
to hash it costs ~2 ms per MB on the thread that opens the document. When the
file's bytes *are* that UTF-8 (strict UTF-8 without a byte-order mark, nothing
changed by ``normalize``, nothing reflowed or rendered: most documents), the
digest of the bytes is the same value, and it is computed in a thread started
as soon as the bytes are read: ``hashlib`` releases the GIL while it hashes, so
it runs beside the decoding and parsing on another core. The value, and so
every stored fingerprint, is the same as before.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable

__all__ = ["Digest", "text_digest"]


def text_digest(text: str) -> str:
    """sha256 hex digest of ``text`` in UTF-8 (lone surrogates passed through)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Digest:
    """A sha256 hex digest: known, or being computed from bytes in a daemon thread.

    Args:
        data: The bytes to hash (kept only until they are hashed).
    """

    def __init__(self, data: bytes) -> None:
        self._value: str | None = None
        self._thread: threading.Thread | None = threading.Thread(
            target=self._hash, args=(data,), name="reader-digest", daemon=True
        )
        self._thread.start()

    @classmethod
    def known(cls, value: str) -> Digest:
        """A digest whose value is already known (carried from a parse of the same text)."""
        digest = cls.__new__(cls)
        digest._value = value
        digest._thread = None
        return digest

    def __reduce__(self) -> tuple[Callable[[str], Digest], tuple[str]]:
        # A document sent to or from a worker process carries its digest's value
        # (a thread does not pickle).
        return (Digest.known, (self.hexdigest(),))

    def _hash(self, data: bytes) -> None:
        self._value = hashlib.sha256(data).hexdigest()

    def hexdigest(self) -> str:
        """The digest, waiting for the thread to finish if it has not."""
        thread = self._thread
        if thread is not None:
            thread.join()
            self._thread = None
        assert self._value is not None
        return self._value
