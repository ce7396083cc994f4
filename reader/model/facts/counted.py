"""What a Chinese quantity counts: a short noun phrase next to it, best effort.

Rules, in order (the quantity's surface is ``numeral + measure word``):

* a duration (年, 个月, 天, 小时 ...) counts nothing: ``None``;
* the noun run after it, when there is one (数词+量词+名词): 324个项目开工 ->
  项目, 600辆空调公交车 -> 空调公交车, 百分之八十的群众 -> 群众. The run stops at
  punctuation, a digit, a function character (的 和 与 及 、 是 在 ...) or a common
  verb (开展 召开 实现 投入 ...);
* otherwise, when the quantity ends its clause (名词+数词+量词), the object before
  it: the clause from the last punctuation, without the cue words (超过, 约 ...)
  and trailing verbs (增长, 达到 ...), after its last verb: 召开座谈会3200余场 ->
  座谈会, 累计开展调研1.2万余次 -> 调研, 联系点215个 -> 联系点.

Never crosses punctuation; at most :data:`MAX_COUNTED` characters (the tail of a
longer noun, since the head of a Chinese noun phrase comes last).
"""

from __future__ import annotations

import re

MAX_COUNTED = 10
"""Longest counted phrase, in characters."""

DURATION_UNITS = frozenset(
    "年 月 个月 天 日 周 星期 个星期 小时 个小时 分钟 秒 季度 个季度 工作日 个工作日 "
    "学时 个学时 课时 个课时".split()
)
"""Units of time: a duration is not a count of things."""

_STOP = re.escape('\n\r\t 　，。、；：！？,.;:!?()（）“”"「」『』《》〈〉【】[]—…·%％') + "0-9０-９"
# Characters that end a noun run: function words and particles.
_FUNCTION = "的和与及或等是为有在被将已于到给对把也都就均各并而"
_VERBS = (
    "进行 开展 召开 实现 发放 新增 提高 参与 参加 投入 受益 建成 完成 落实 明确 开工 "
    "通过 审议 印发 出台 制定 建立 推进 举办 组织 覆盖 达到 增长 下降 减少 增加 提升 "
    "发现 查处 整改 解决 收集 征集 走访 接待 处理 组建 成立 设立 帮助 惠及 涉及 "
    "坚持 要求 围绕 聚焦 推动 加强 强化 形成 细化 梳理 听取 带头 督促 "
    "签订 签约 给予 发行 新建 改造 建设 开通 吸纳 带动 创造 引进 培育 累计 共计 合计 "
    "总计 共有 拥有 占比 约占 满意 认可 支持 达 占 "
    # Traditional forms (Taiwan, Hong Kong news).
    "進行 開展 召開 實現 發放 參與 參加 完成 落實 通過 達到 增長 減少 增加 提升 "
    "建設 舉辦 組織 發現 處理 辦理 成立 設立 幫助 涉及 給予 發行 帶動 創造 引進 累計 佔"
).split()
_VERBS.sort(key=len, reverse=True)
_VERB_ALT = "|".join(_VERBS)
_TRAILING_WORDS = "实际 平均 同比 比上年 年均 分别 总共 一共 共 均 约 为 是 有 已 的 了 过"
# Scope words that open a clause (全国居民 -> 居民): cut before shortening the phrase.
_LEADING = re.compile("^(?:全国|全省|全市|全县|全区|全年|我国|我省|我市|各地|各级|其中)")

# A qualifier may stand between the quantity and its noun (5%左右的企业).
_RUN = re.compile(rf"(?:左右|以上|以下|以内|上下)?+的?([^{_STOP}]{{1,{MAX_COUNTED + 2}}})")
# A verb or a function character ends the noun run (verbs first: 参与 holds 与).
_CUT = re.compile(rf"{_VERB_ALT}|[{_FUNCTION}]")
# The clause before a quantity is read backwards (reversed), so that "the last
# verb" and "trailing words" are a match at the start, not a search for an end.
_LAST_STOP_REVERSED = re.compile(rf"[{_STOP}]")
_TRAILING_REVERSED = re.compile(
    "(?:"
    + "|".join(w[::-1] for w in sorted(_VERBS + _TRAILING_WORDS.split(), key=len, reverse=True))
    + ")+"
)
_VERB_REVERSED = re.compile("|".join(w[::-1] for w in _VERBS))
_WINDOW = 24


def zh_counted(text: str, end: int, cue_start: int, unit: str, floor: int = 0) -> str | None:
    """The noun a Chinese quantity counts (see the module docstring).

    Args:
        text: The whole document text.
        end: Where the quantity's surface ends.
        cue_start: Where it starts, cue words (超过, 约) included.
        unit: Its measure word (``个``, ``项``, ``年`` ...).
        floor: Where the quantity before it ends: the phrase never reaches back
            past it (两级党员干部联系点215个 -> 党员干部联系点).

    Returns:
        A short noun phrase, or ``None`` for durations and when nothing fits.
    """
    if unit in DURATION_UNITS:
        return None
    run = _RUN.match(text, end)
    if run is not None:
        noun = run.group(1)
        cut = _CUT.search(noun)
        if cut is not None:
            noun = noun[: cut.start()]
        if noun:
            return noun[:MAX_COUNTED]
    # Nothing after it, or a verb right after it: the quantity ends its clause.
    return _before(text, cue_start, floor)


def _before(text: str, start: int, floor: int) -> str | None:
    """The object of the clause that ends at ``start`` (召开座谈会 -> 座谈会)."""
    reversed_window = text[max(0, floor, start - _WINDOW) : start][::-1]
    stop = _LAST_STOP_REVERSED.search(reversed_window)
    clause = reversed_window[: stop.start()] if stop else reversed_window
    trailing = _TRAILING_REVERSED.match(clause)
    if trailing is not None:
        clause = clause[trailing.end() :]
    verb = _VERB_REVERSED.search(clause)
    if verb is not None and verb.start() > 0:
        clause = clause[: verb.start()]
    clause = clause[::-1]
    leading = _LEADING.match(clause)
    if leading is not None and len(clause) > MAX_COUNTED:
        clause = clause[leading.end() :]
    return clause[-MAX_COUNTED:] or None
