"""Which version of kb-answer this is, as every front end reports it (`kb --version`, `/readyz`, MCP)."""

from __future__ import annotations

# The distribution's name in pyproject.toml, by which its installed version is looked up.
DISTRIBUTION = "kb-answer"


def installed_version() -> str:
    """The installed version of kb-answer, or ``0+unknown`` in a checkout that was never installed."""
    # Imported here: `kb` names DISTRIBUTION at start-up, and a one-shot command that never reports
    # its version should not pay for importlib.metadata.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"
