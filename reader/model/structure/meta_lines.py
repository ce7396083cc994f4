"""Shapes of metadata lines that carry no ``key:`` to go by.

Each function looks at one line of the metadata window at the top of a text
(see :mod:`reader.model.structure.meta`) and says whether it is:

* a **header-block line**: the two-column lines at the top of a memo or an RFC
  (``Network Working Group      G. Klyne``: two columns parted by three or more
  spaces) and the key lines of such headers (``Request for Comments:``,
  ``Category:``, ``Obsoletes:``, ``Updates:``, ``Internet-Draft``,
  ``Intended status:``, ``Expires:``, ``ISSN:``);
* a **dateline**: ``新华社杭州3月12日电``, ``本报北京3月5日电（记者 X）``: an
  optional agency and place, a month and day, then 电/讯, alone on its line
  (``上海3月5日电力负荷创新高`` goes on past 电, so it is a headline);
* a **byline**: ``南方日报记者 林晓东``, ``記者　2031-05-06``, ``文/张三``,
  ``张三 报道``, ``By Henrietta Vale``, ``by Lewis Carroll``, ``Ann Lowe, Staff
  Reporter`` (a reporter word or ``by`` with names, or names with a reporter's
  role, alone on its line; ``记者节特别报道`` is a headline);
* an **edition line**: ``THE MILLENNIUM FULCRUM EDITION 3.0``, ``Second Edition``;
* a **speaker line** under a speech's title: an office ending in 总理, 主席, 书记,
  部长, 省长, 市长, 院长, 主任 or 委员长, a space, a name (``国务院总理 李克强``);
* an **editorial placeholder**: a line that is one bracketed note such as
  ``[Illustration]`` (a picture that was left out), never a title.

Position unit: offsets into the line handed in.
"""

from __future__ import annotations

import re
from functools import cache

_WS = " \t\u3000\xa0"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

_HEADER_KEY_RE = re.compile(
    r"(?:Request for Comments|Category|Obsoletes|Updates|Intended [Ss]tatus|Expires|ISSN|"
    r"Obsoleted by|Internet-Draft|INTERNET-DRAFT)\b"
)
_TWO_COLUMNS_RE = re.compile(r"\S[ \t]{3,}\S")

_CN_DAY = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})"

# The Chinese line patterns below cost 2-5 ms each to compile (their Han classes):
# each is built on first use, and only tried on a line holding the literal text it
# cannot match without (a cheap test), so a text without such lines never builds it.


@cache
def _dateline_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<agency>[{_HAN}]{{1,8}}?(?:社|网|網|台|报|報))?(?P<place>[{_HAN}]{{0,8}}?)"
        rf"{_CN_DAY}月{_CN_DAY}日(?:电|電|讯|訊)"
        r"(?:[ \u3000]*(?:（[^）]{0,30}）|\([^)]{0,30}\)))?"
    )


_NAME_ZH = rf"[{_HAN}][{_HAN}·]{{1,4}}"
_DATE_ZH = r"\d{4}(?:[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?)?"
_REPORTER = (
    "(?:特约记者|特約記者|实习记者|實習記者|摄影记者|攝影記者|"
    "记者|記者|通讯员|通訊員|实习生|實習生)"
)
_REPORTER_WORDS = ("记者", "記者", "通讯员", "通訊員", "实习生", "實習生")
"""Every reporter title above holds one of these."""


@cache
def _byline_zh_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<outlet>[{_HAN}]{{0,10}}?){_REPORTER}"
        rf"(?P<names>(?:[ \u3000]+(?:{_REPORTER}[ \u3000]*)?(?:{_NAME_ZH}|{_DATE_ZH}))+)"
    )


_CREDIT_STARTS = "文图圖撰摄攝"
"""The first characters of the credit words (文/图/撰文/摄 …)."""


@cache
def _credit_zh_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?:文|图|圖|撰文|摄|攝|文图|文圖)[/／|｜:：][ \u3000]*"
        rf"(?P<names>{_NAME_ZH}(?:[ \u3000、]+{_NAME_ZH})*)"
    )


_REPORTS_ENDS = ("报道", "報導")


@cache
def _reports_zh_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<names>{_NAME_ZH}(?:[ \u3000、]+{_NAME_ZH})*)[ \u3000]+(?:报道|報導)")


_EN_NAME = r"(?:[A-Z][\w'’.-]*|van|von|de|der|da|bin|la|le)"
_DESK = r"(?:(?:Staff|Senior|Chief|Special|Foreign|Political|Business|Science)[ \t]+)?"
_ROLE_END_RE = re.compile(rf",[ \t]*{_DESK}(?:Reporter|Correspondent|Writer|Editor)$")
_BYLINE_EN_RE = re.compile(
    rf"(?:[Bb]y|BY)[ \t]+(?P<names>[A-Z][\w'’.-]*(?:[ \t]+{_EN_NAME}){{0,4}}"
    rf"(?:(?:,[ \t]*|[ \t]+and[ \t]+)[A-Z][\w'’.-]*(?:[ \t]+{_EN_NAME}){{0,4}})*)"
)
_ROLE_EN_RE = re.compile(
    rf"(?P<names>[A-Z][\w'’.-]*(?:[ \t]+{_EN_NAME}){{1,4}}),[ \t]*{_DESK}"
    r"(?:Reporter|Correspondent|Writer)"
)


# Compiled on first use, not at import: rare, or not needed for a first frame.
@cache
def _edition_line_re() -> re.Pattern[str]:
    return re.compile(r"(?:[A-Z0-9][\w.'’-]*[ \t]+){0,6}(?:EDITION|Edition)(?:[ \t]+[\w.]+){0,3}")


_OFFICES = (
    "总理", "總理", "主席", "书记", "書記", "部长", "部長", "省长", "省長",
    "市长", "市長", "院长", "院長", "主任", "委员长", "委員長",
)  # fmt: skip


@cache
def _speaker_re() -> re.Pattern[str]:
    return re.compile(rf"[{_HAN}]{{1,12}}(?:{'|'.join(_OFFICES)})[ \u3000]+(?P<name>{_NAME_ZH})")


_PLACEHOLDER_RE = re.compile(r"\[[A-Za-z][^\[\]]{0,40}\]")


def is_header_line(line: str) -> bool:
    """Whether ``line`` is a line of a memo's or RFC's header block."""
    stripped = line.strip(_WS)
    if not stripped or len(stripped) > 100:
        return False
    return _HEADER_KEY_RE.match(stripped) is not None or bool(_TWO_COLUMNS_RE.search(stripped))


def dateline_agency(line: str) -> str | None:
    """For a dateline, its agency (``""`` when it names none); ``None`` for other lines."""
    stripped = line.strip(_WS)
    if "月" not in stripped or "日" not in stripped:
        return None
    found = _dateline_re().fullmatch(stripped)
    if found is None:
        return None
    return found["agency"] or ""


def byline_names(line: str) -> str | None:
    """For a byline, the names it gives (``""`` when only a date follows); else ``None``."""
    stripped = line.strip(_WS)
    if not stripped or len(stripped) > 80:
        return None
    bare = _ROLE_END_RE.sub("", stripped)
    found = None
    if stripped[0] in _CREDIT_STARTS:
        found = _credit_zh_re().fullmatch(stripped)
    if found is None and stripped.endswith(_REPORTS_ENDS):
        found = _reports_zh_re().fullmatch(stripped)
    if found is None:
        found = _BYLINE_EN_RE.fullmatch(bare) or _ROLE_EN_RE.fullmatch(stripped)
    if found is not None:
        return " ".join(found["names"].split())
    if not any(word in stripped for word in _REPORTER_WORDS):
        return None
    found = _byline_zh_re().fullmatch(stripped)
    if found is None:
        return None
    names = [
        part
        for part in re.split(rf"[ \u3000]+|{_REPORTER}", found["names"])
        if part and not part[0].isdigit()
    ]
    return "、".join(names)


def is_placeholder(line: str) -> bool:
    """Whether ``line`` is one bracketed editorial note, such as ``[Illustration]``."""
    return _PLACEHOLDER_RE.fullmatch(line.strip(_WS)) is not None


def edition_line(line: str) -> bool:
    """Whether ``line`` names an edition and nothing else (``THE FULCRUM EDITION 3.0``)."""
    stripped = line.strip(_WS)
    return len(stripped) <= 60 and _edition_line_re().fullmatch(stripped) is not None


def speaker_name(line: str) -> str | None:
    """The name in an office-and-name line under a speech's title (``国务院总理 李克强``)."""
    stripped = line.strip(_WS)
    if not any(office in stripped for office in _OFFICES):
        return None
    found = _speaker_re().fullmatch(stripped)
    return found["name"] if found is not None else None
