"""Inline marks that several wiki markups write alike, rewritten as Markdown writes them.

DokuWiki, Remarkup, TiddlyWiki, Trac, XWiki, Zim and Creole write italics between ``//`` marks, TiddlyWiki,
Trac, XWiki and Creole inline code between triple braces (``{{{code}}}``), and Remarkup, XWiki and Creole
monospace between ``##`` marks; XWiki and Creole write a link's words and target, which Markdown writes as
a link where the target is on the web. Each is one piece here, so that what was learnt for one markup (a
URL's ``//`` is no mark; a line of unclosed braces is read in linear time) holds for every markup that
writes it.
"""

from __future__ import annotations

import re

# Italics between "//" marks, not a URL's ("https://…"), the words hugging the marks.
_SLASH_ITALIC = re.compile(r"(?<![:/])//(?=\S)((?:[^/\n]|/(?!/))+?)(?<=\S)(?<!:)//")
# Code between triple braces, its text stopping at the next opening: a line of unclosed ones is read in
# linear time.
_TRIPLE_BRACES = re.compile(r"\{\{\{((?:[^{]|\{(?!\{\{))+?)\}\}\}")
# Monospace between "##" marks.
_DOUBLE_HASH = re.compile(r"##([^#\n]+)##")


def slash_italics(text: str) -> str:
    """``text`` with its ``//italic//`` spans as Markdown's ``*italic*``."""
    return _SLASH_ITALIC.sub(r"*\1*", text)


def triple_brace_code(text: str) -> str:
    """``text`` with its ``{{{code}}}`` spans as Markdown's code spans."""
    return _TRIPLE_BRACES.sub(lambda m: f"`{m[1]}`", text)


def double_hash_code(text: str) -> str:
    """``text`` with its ``##monospace##`` spans as Markdown's code spans."""
    return _DOUBLE_HASH.sub(lambda m: f"`{m[1]}`", text)


def link_words(words: str, target: str, *, web: re.Pattern[str]) -> str:
    """A wiki link's text in Markdown: its ``words``, or ``[words](target)`` where its ``target`` is an
    address on the web (``web``, each markup's own schemes); the target alone for a link with no words."""
    if words and web.match(target):
        return f"[{words}]({target})"
    return words or target
