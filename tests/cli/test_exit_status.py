"""`reader FILE` ends with a non-zero status when the app stops on an unhandled error."""

from __future__ import annotations

import functools

import pytest
from textual.app import App

from reader.app import ReaderApp
from reader.cli import EXIT_CRASH, EXIT_OK, main
from reader.screens.main import MainScreen
from tests.conftest import SEED


def run_headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI's ``app.run()`` run without a terminal."""
    monkeypatch.setattr(ReaderApp, "run", functools.partialmethod(App.run, headless=True))


def test_an_unhandled_error_in_the_app_exits_non_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run_headless(monkeypatch)

    def broken(self: MainScreen) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(MainScreen, "on_mount", broken)
    assert main([str(SEED)]) == EXIT_CRASH != EXIT_OK
    assert "reader: stopped by an unexpected error" in capsys.readouterr().err


def test_quitting_exits_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    run_headless(monkeypatch)
    monkeypatch.setattr(MainScreen, "on_mount", lambda self: self.app.exit())
    assert main([str(SEED)]) == EXIT_OK
