"""Simplified or Traditional Chinese: which script a text is written in.

A general rule, not a list from any document: common characters whose
Simplified and Traditional forms differ are counted in the text's head, and the
script with more of them wins. Used for labels the reader makes up itself
(the lead section is 导语 in Simplified text, 導語 in Traditional, Lead in
English).
"""

from __future__ import annotations

from typing import Literal

__all__ = ["chinese_script", "lead_label"]

# Pairs of very frequent characters that differ between the scripts (same order).
_SIMPLIFIED = (
    "这个们来说时国会为对发经学与进开关现实从点动长问还过报导区员机业体当门见马车东书话让电间"
)
_TRADITIONAL = (
    "這個們來說時國會為對發經學與進開關現實從點動長問還過報導區員機業體當門見馬車東書話讓電間"
)

_DROP_TRADITIONAL = str.maketrans("", "", _TRADITIONAL)
_DROP_SIMPLIFIED = str.maketrans("", "", _SIMPLIFIED)


def chinese_script(text: str, sample: int = 50_000) -> Literal["hans", "hant"] | None:
    """``"hant"`` when Traditional forms outnumber Simplified ones in the head of ``text``,
    ``"hans"`` when the reverse, ``None`` when neither occurs."""
    head = text[:sample]
    traditional = len(head) - len(head.translate(_DROP_TRADITIONAL))
    simplified = len(head) - len(head.translate(_DROP_SIMPLIFIED))
    if traditional == simplified:
        return None
    return "hant" if traditional > simplified else "hans"


def lead_label(language: str | None, text: str) -> str:
    """The lead section's name when the document has no title of its own."""
    if language != "zh":
        return "Lead"
    return "導語" if chinese_script(text) == "hant" else "导语"
