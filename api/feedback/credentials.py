"""Credentials in pasted text: what a stored query must never keep.

People paste whole requests and configurations with their errors: an ``Authorization``
header, a ``password=`` line of a connection string, a ``HOMEBREW_GITHUB_API_TOKEN``
exported in a shell. The people and hosts in a paste are hidden by
:func:`indexer.errortext.redact_values`; these are hidden here, before anything is stored
or counted. A key's name stays ("password=<secret>"): it says what the person pasted.
"""

from __future__ import annotations

import re

SECRET = "<secret>"

# Names whose value is a credential, alone or as the end of a longer name (db_password,
# github.token, KB_ADMIN_KEY), then "=" or, in JSON and YAML, a quoted value after ":". A bare
# word after ": " is prose as often ("Invalid token: the token has expired"): it is taken
# only when it has a digit. Every repeat is bounded or matched once, and a longer name is only
# looked behind at, so that no paste makes the engine backtrack (stored queries come from
# anyone: "a.a.a.…" took seconds per 10 KB with the name's prefix matched).
_NAME = (
    r"""(?<![A-Za-z0-9])(?:password|passwd|pwd|passphrase|secret|token|api_?key|apikey|"""
    r"""access_?key|secret_?key|private_?key|admin_?key|client_?secret|credentials?)["']?"""
)
_QUOTED = r""""[^"]{0,1000}"|'[^']{0,1000}'"""
_BARE = r"""[^\s"',;&})\]]+"""
_NAMED = re.compile(
    rf"""(?P<name>{_NAME}[ \t]{{0,20}}=[ \t]{{0,20}})(?P<value>{_QUOTED}|{_BARE})"""
    rf"""|(?P<label>{_NAME}[ \t]{{0,20}}:[ \t]{{0,20}})(?P<said>{_QUOTED}|(?=[^\s"']{{0,200}}?\d){_BARE})""",
    re.IGNORECASE,
)
# An HTTP authorization: its scheme stays, its credentials go.
_SCHEME = re.compile(
    r"\b(?P<name>bearer|basic|digest|token)[ \t]{1,20}(?P<value>[A-Za-z0-9._~+/=-]{8,})", re.IGNORECASE
)
# Credentials recognisable by their shape wherever they stand: PEM private keys (their end may
# be cut off), JSON web tokens, and the documented prefixes of GitHub, GitLab, Slack, OpenAI,
# AWS and Google keys.
_SHAPED = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"
    r"|\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*"
    r"|\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abprs]-[\w-]{10,}|"
    r"sk-[\w-]{20,}|AKIA[0-9A-Z]{16}|AIza[\w-]{30,})",
    re.DOTALL,
)


def hide_credentials(text: str) -> str:
    """``text`` with passwords, tokens, keys and authorization credentials replaced by ``<secret>``."""
    text = _SHAPED.sub(SECRET, text)
    text = _SCHEME.sub(lambda m: f"{m['name']} {SECRET}", text)
    return _NAMED.sub(lambda m: (m["name"] or m["label"]) + SECRET, text)
