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

# Names whose value is a credential, alone or at the end of a longer name (db_password,
# dbPassword, PGPASSWORD, github.token, refreshtoken, X-Api-Key, KB_ADMIN_KEY, ODBC's Pwd,
# DB_PASS, AccountKey, client_secret, JWT_SECRET but not a bare "secret", which in Kubernetes
# names a Secret), then "=" (":=" and "=>" in code), or ":" as in JSON, YAML and headers. Only
# the value is replaced, so the name's own beginning need not be matched: every repeat is bounded or matched
# once, and no paste makes the engine backtrack (stored queries come from anyone; "a.a.a.…" once
# took seconds per 10 KB).
_NAME = (
    r"""(?:password|passwd|passphrase|token|api[_-]?key|access[_-]?key|secret[_-]?key|account[_-]?key|"""
    r"""private[_-]?key|admin[_-]?key|client[_-]?secret|app[_-]?secret|(?<=_)secret\b|credentials?|(?-i:Pwd|pwd)|"""
    r"""(?<=_)pass\b|(?<![\w-])_auth\b)["']?"""
)
_QUOTED = r""""[^"]{0,1000}"|'[^']{0,1000}'"""
_BARE = r"""[^\s"',;&})\]]+"""
# After "=", anything but the words that say there is none ("token=None").
_SET = rf"""(?P<value>(?!(?:none|null|nil|undefined|false|true|empty)\b)(?:{_QUOTED}|{_BARE}))"""
# After ":", prose as often: "Invalid token: the token has expired", "cannot fetch token: 401
# Unauthorized", "retrieving token: AADSTS50011: …", "securityToken: 'System.X509Token' and". A
# bare word is taken when it has a letter and a digit (or base64 padding) and no inner dot or
# colon, a quoted one when it is not a dotted name nor holds a space; after a name of a
# configuration's own (POSTGRES_PASSWORD: example, db_password: x) any value is.
_SAID = (
    r"""(?P<said>(?!["'][A-Za-z_][\w]*(?:\.\w+)+["'])(?:"[^"\s]{0,1000}"|'[^'\s]{0,1000}')"""
    r"""|(?=[^\s"'.:]{0,200}?[A-Za-z])(?=[^\s"'.:]{0,200}?[\d=])[^\s"'.:,;&})\]]{1,1000}(?![:\w]|\.\w))"""
)
# "=" as it is written in a URL's query (%3D) or escaped in JSON (\u003d): what the matcher decodes.
_EQUALS = r"""(?:=|%3D|\\u003d)"""
_NAMED = re.compile(
    rf"""(?P<name>{_NAME}[ \t]{{0,20}}:?{_EQUALS}>?[ \t]{{0,20}}){_SET}"""
    rf"""|(?P<key>(?<=_){_NAME}[ \t]{{0,20}}:[ \t]{{1,20}})(?P<configured>{_QUOTED}|{_BARE})"""
    rf"""|(?P<label>{_NAME}[ \t]{{0,20}}:[ \t]{{0,20}}){_SAID}""",
    re.IGNORECASE,
)
# Credentials given to a command or in an HTTP exchange, whose kind stays and whose value goes:
# an Authorization scheme's (a real one has a digit: "token validation failed" is prose) and
# Azure Storage's SharedKey signature; --password, --token and the like (-Password in PowerShell,
# and what ConvertTo-SecureString is given), quoted or not; curl's -u user:password; a .netrc
# line; cookies; and the short options that are a password only in the clients that give them
# that meaning (elsewhere -p is a port and -a an address): mysql's -pSECRET (written apart, -p
# asks for it and what follows is the database; its -P is the port), sqlcmd's -P, redis-cli's
# -a, the -p of a registry's or Azure's login, of mongosh and of sshpass.
_LOGINS = "docker|podman|nerdctl|buildah|skopeo|az"  # whose "login" takes a password after -p
_GIVEN = re.compile(
    r"\b(?P<scheme>bearer|basic|token)[ \t]{1,20}(?=[A-Za-z0-9._~+/=-]{0,200}?\d)[A-Za-z0-9._~+/=-]{8,}"
    r"|(?P<option>--(?:password|passwd|token|api-key|client-secret|secret|sas-token)[= ]|(?<!\S)(?:-u|--user)[ =\t]{1,20}[^\s:]{1,200}:"
    r"|\bcurl\b[^\n|;&]{0,300}?[ \t]-u[^\s:-][^\s:]{0,200}:"
    r"|(?<![\w-])-(?:password|passwd|token|api-?key|secret|client-?secret|access-?token)(?:[ \t]{1,20}|:)(?![($])"
    r"|\bConvertTo-SecureString[ \t]{1,20}(?:-String[ \t]{1,20})?"
    r"|\bsharedkey(?:lite)?[ \t]{1,20}[^\s:]{1,200}:"
    r"|\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n|;&]{0,300}?[ \t](?-i:-p)(?=\S)"
    r"|\b(?:redis-cli|keydb-cli)\b[^\n|;&]{0,300}?[ \t](?:-a|--pass)[ \t]{1,20}"
    r"|(?<![\w-])(?:sqlcmd|bcp)\b[^\n|;&]{0,300}?[ \t](?-i:-P)[ \t]{0,20}(?=\S)"
    # Within the same command: "docker login, docker run -p 8080:80" gives a port after the login.
    rf"|\b(?:(?:{_LOGINS})[ \t]{{1,20}}login|mongosh|mongo)\b(?:(?!\b(?:{_LOGINS}|mongosh|mongo)\b)[^\n|;&]){{0,300}}?"
    r"[ \t]-p[ \t]{1,20}"
    r"|\bsshpass[ \t]{1,20}-p[ \t]{0,20})(?:\"[^\"\n]{0,1000}\"|'[^'\n]{0,1000}'|[^\s\"']+)"
    r"|(?P<netrc>\blogin[ \t]{1,20}\S{1,200}[ \t]{1,20}password[ \t]{1,20})\S+"
    r"|(?P<cookie>\b(?:set-)?cookie[ \t]{0,20}:[ \t]{0,20})[^\s;]{1,1000}(?:;[ \t]{0,20}[^\s;]{1,1000}){0,50}",
    re.IGNORECASE,
)
# An XML element that holds one: "<password>Hunter2</password>", "<ApiKey>…</ApiKey>".
# A namespace and attributes too (WS-Security's <wsse:Password Type="…PasswordText">). Read before
# the other patterns, whose "<secret>" it would otherwise take for an element.
_ELEMENT = re.compile(
    r"(?P<open><(?:[\w.-]{1,40}:)?[\w.-]{0,40}?(?:password|passwd|passphrase|token|api[_-]?key|access[_-]?key|"
    r"secret|account[_-]?key|private[_-]?key|pwd)(?:\s[^<>]{0,200})?>)[^<]{1,1000}",
    re.IGNORECASE,
)
# The password of a URL's user (mysql://root:hunter2@db): the scheme and the user stay.
_URL_PASSWORD = re.compile(
    r"(?P<user>\b[a-z][a-z0-9+.-]{0,30}://[^\s/:@]{0,200}:)[^\s/@]{1,200}@", re.IGNORECASE
)
# Credentials recognisable by their shape wherever they stand: PEM and PGP private keys (their
# end may be cut off), JSON web tokens, and the documented prefixes of GitHub, GitLab, Slack,
# OpenAI, npm, AWS and Google keys.
_SHAPED = re.compile(
    r"-----BEGIN [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----.*?(?:-----END [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----|$)"
    # Not from inside a run ("-eyJ-eyJ…"), from each of whose starts the scan went to the end.
    r"|(?<![\w-])eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*"
    r"|\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abprs]-[\w-]{10,}|"
    r"sk-[\w-]{20,}|npm_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|AIza[\w-]{30,})",
    re.DOTALL,
)


def hide_elements(text: str) -> str:
    """``text`` with the credentials of XML elements (``<password>…</password>``) replaced by ``<secret>``:
    what must be hidden before a pass that reads ``<…>`` as a placeholder, which would keep the value."""
    return _ELEMENT.sub(lambda m: m["open"] + SECRET, text)


def hide_credentials(text: str) -> str:
    """``text`` with passwords, tokens, keys and authorization credentials replaced by ``<secret>``."""
    text = hide_elements(text)
    text = _SHAPED.sub(SECRET, text)
    text = _URL_PASSWORD.sub(lambda m: m["user"] + SECRET + "@", text)
    text = _GIVEN.sub(_given, text)
    return _NAMED.sub(lambda m: (m["name"] or m["key"] or m["label"]) + SECRET, text)


def _given(found: re.Match[str]) -> str:
    if found["scheme"]:
        return f"{found['scheme']} {SECRET}"
    return (found["option"] or found["netrc"] or found["cookie"]) + SECRET
