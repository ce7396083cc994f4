"""OnceModal: a modal screen that dismisses itself once, whatever keys are queued.

``Screen.dismiss`` pops whatever screen is on top. Keys that arrive together
(``m Enter Enter Enter`` typed fast, or piled up while the app was busy) each
reach the modal's handler before the first pop has happened, so each would
pop a screen: the second the reading screen under the modal, the third
nothing (``ScreenStackError``). A dismissal here happens once, and only while
the modal is the screen on top.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class OnceModal(ModalScreen[ResultT]):
    """A modal screen whose :meth:`dismiss` acts once; later calls do nothing."""

    _dismissed = False

    @property
    def dismissed(self) -> bool:
        """Whether the screen has been dismissed (its result is given)."""
        return self._dismissed

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        """Give ``result`` and close, the first time while on top; else do nothing.

        Args:
            result: What the screen's callback receives.
        """
        if self._dismissed or not self.is_active:
            return AwaitComplete()  # nothing to wait for: already done
        self._dismissed = True
        return super().dismiss(result)
