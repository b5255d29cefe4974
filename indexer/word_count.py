"""How many words a text holds, in languages written with spaces between words and in those without.

Shared by the reader of headings (is a quoted phrase a message?) and the matcher (is a quoted
message long enough to identify its problem?).
"""

from __future__ import annotations

import re

# Chinese and Japanese are written without spaces between words: their Han characters and hiragana
# count as a word per CHARS_PER_UNSPACED_WORD of them, a Chinese word being one to three characters,
# and a run of katakana as one word, a loanword ("ネットワーク"). A button's or a menu's name
# ("「パスワードを変更」", "“高级同步设置”", "「ネットワークとインターネットの設定」") is then under four
# words, as "Reveal in Sidebar" is.
_UNSPACED = re.compile(r"[\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\uff66-\uff9f]+")
CHARS_PER_UNSPACED_WORD = 3


def word_count(text: str) -> float:
    """How many words ``text`` holds: what spaces part, and in Chinese or Japanese a run of katakana
    and their other characters at CHARS_PER_UNSPACED_WORD a word."""
    unspaced = sum(len(run) for run in _UNSPACED.findall(text))
    if not unspaced and not _KATAKANA.search(text):
        return len(text.split())
    spaced = _KATAKANA.sub(" \u30a2 ", _UNSPACED.sub(" ", text)).split()
    # Their marks ("，", "「", ">" in a menu's path "文件 > 选项") are written without spaces: no words.
    return sum(1 for word in spaced if any(ch.isalnum() for ch in word)) + unspaced / CHARS_PER_UNSPACED_WORD
