"""Inline marks that several wiki markups write alike, rewritten as Markdown writes them.

DokuWiki, Remarkup, TiddlyWiki, Trac, XWiki and Zim write italics between ``//`` marks, and TiddlyWiki,
Trac and XWiki inline code between triple braces (``{{{code}}}``). Each is one pattern here, so that what
was learnt for one markup (a URL's ``//`` is no mark; a line of unclosed braces is read in linear time)
holds for every markup that writes it.
"""

from __future__ import annotations

import re

# Italics between "//" marks, not a URL's ("https://…"), the words hugging the marks.
_SLASH_ITALIC = re.compile(r"(?<![:/])//(?=\S)((?:[^/\n]|/(?!/))+?)(?<=\S)(?<!:)//")
# Code between triple braces, its text stopping at the next opening: a line of unclosed ones is read in
# linear time.
_TRIPLE_BRACES = re.compile(r"\{\{\{((?:[^{]|\{(?!\{\{))+?)\}\}\}")


def slash_italics(text: str) -> str:
    """``text`` with its ``//italic//`` spans as Markdown's ``*italic*``."""
    return _SLASH_ITALIC.sub(r"*\1*", text)


def triple_brace_code(text: str) -> str:
    """``text`` with its ``{{{code}}}`` spans as Markdown's code spans."""
    return _TRIPLE_BRACES.sub(lambda m: f"`{m[1]}`", text)
