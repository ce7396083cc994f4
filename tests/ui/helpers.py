"""Build apps for the UI tests, as posting's tests do with ``make_posting``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.app import ReaderApp
from reader.model.opening import open_document

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_e3e3ef0b6fd35ab0.txt"
"""The bundled sample document."""


def make_app(path: Path | None = SEED, **kwargs: Any) -> ReaderApp:
    """Parse ``path`` (when given) and build a ReaderApp around it.

    Animations are switched off so screenshots and Pilot runs are deterministic.

    Args:
        path: The document to open; ``None`` for none (pass ``document=`` or
            ``folder_documents=`` in ``kwargs`` instead).
        **kwargs: More arguments for :class:`ReaderApp`.
    """
    if path is not None and "document" not in kwargs:
        kwargs["document"] = open_document(path)
    app = ReaderApp(**kwargs)
    app.animation_level = "none"
    return app
