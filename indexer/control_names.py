"""Quoted words that name a control of a program's interface, not a message it showed.

A sentence that says something failed may quote a check box's label or a setting's path beside the
failure ("When "Sign me in automatically" is checked, the sync fails", "「…」にチェックを入れている場合、
…に失敗します", "在“设置 > 账户 > …”关闭的情况下，同步会失败"): read as messages by their length,
they were error messages. What names a control is read from the quote's shape (a path of menus) and
from the words right beside it: a control's state or kind after it ("is checked", "にチェック",
"选项"), what one does to a control before it ("click", "勾选"), in English, Chinese and Japanese.
"""

from __future__ import annotations

import re

# A path of menus or settings: names parted by ">", "›" or "→" with spaces around ("Settings > Account"),
# each a few words without a number, a colon or a quote. A message may compare or convert ("must be > 0",
# "column 'amount': text → decimal"): a side of it is a number or a clause of its own.
_PATH_STEP = re.compile(r"\s+[>›→]\s+")
MAX_PATH_STEP_WORDS = 6
# After the quote: its state ("is checked", "turned off") or the kind of control it names ("check box").
_AFTER_EN = re.compile(
    r"\s*(?:(?:is|was|are|were|gets|got|has been|stays)\s+)?(?:checked|unchecked|selected|deselected|ticked|"
    r"unticked|enabled|disabled|turned (?:on|off)|switched (?:on|off)|cleared)\b"
    # A Group Policy's name is one too, and often reads as a failure ('The "Do not display last user name"
    # policy is ignored' gave a Symptoms part that message), as _BEFORE_EN reads "the policy" before it.
    r"|\s*(?:check ?box|option|setting|toggle|switch|button|menu|tab|link|field|polic(?:y|ies))\b",
    re.IGNORECASE,
)
# What one does to a control in Chinese (simplified and traditional), after it ("已关闭") or before it ("勾选").
_CJK_CONTROL_VERBS = "关闭|關閉|打开|打開|开启|開啟|启用|啟用|禁用|勾选|勾選|选中|選中"
_AFTER_CJK = re.compile(
    "[にをがは]?(?:チェック|オン|オフ|有効|無効|選択|クリック|タップ|押)"
    "|(?:ボタン|オプション|設定|チェックボックス|メニュー|タブ|リンク|項目|欄)"
    "|(?:选项|選項|按钮|按鈕|设置|設定|开关|開關|复选框|複選框|菜单|選單|标签|標籤|链接|連結)"
    f"|已?(?:{_CJK_CONTROL_VERBS})"
)
# Before the quote: what one does to a control ("click", "turn off the", "勾选"), or its kind.
_BEFORE_EN = re.compile(
    r"\b(?:check|uncheck|select|deselect|tick|untick|enable|disable|clear|click|tap|press|choose|"
    r"turn (?:on|off)|switch (?:on|off))(?:\s+the)?\s*$"
    # Or the kind of control it names ("the profile option", "the Group Policy setting").
    r"|\b(?:option|setting|field|parameter|property|check ?box|button|menu|tab|toggle|switch|policy)\s*$",
    re.IGNORECASE,
)
_BEFORE_CJK = re.compile(f"(?:{_CJK_CONTROL_VERBS}|点击|點擊|单击|單擊|选择|選擇)$")
# How far from the quote its neighbouring words are read: a few words.
_NEIGHBOURHOOD = 24


def names_control(text: str, start: int, end: int) -> bool:
    """Whether the quote at ``text[start:end]`` (its marks included) names a control of a program's
    interface: a menu path, or a label that the words right after or before it name as a control's."""
    quoted = text[start + 1 : end - 1]
    if _is_menu_path(quoted):
        return True
    after = text[end : end + _NEIGHBOURHOOD]
    before = text[max(0, start - _NEIGHBOURHOOD) : start]
    return bool(
        _AFTER_EN.match(after)
        or _AFTER_CJK.match(after)
        or _BEFORE_EN.search(before)
        or _BEFORE_CJK.search(before)
    )


def _is_menu_path(quoted: str) -> bool:
    """Whether ``quoted`` is a path of menus or settings (see _PATH_STEP)."""
    steps = _PATH_STEP.split(quoted)
    return len(steps) > 1 and all(
        0 < len(step.split()) <= MAX_PATH_STEP_WORDS and not any(ch.isdigit() or ch in ":'\"`" for ch in step)
        for step in steps
    )
