"""The palette's Screenshot saves to the current directory and says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import make_app


async def test_screenshot_is_saved_in_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"  # no ~/Downloads here
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.chdir(work)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.5)
        [saved] = work.glob("*.svg")
        messages = [str(n.message) for n in app._notifications]
        assert f"Screenshot saved to {saved}" in messages, messages
        assert not any("Failed" in m for m in messages)
        assert "<svg" in saved.read_text(encoding="utf-8")[:2000]
