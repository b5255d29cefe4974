"""The files a new user looks for beside the code: the licence and the change log."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _project() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]  # type: ignore[no-any-return]


def test_the_licence_is_a_file_and_declared_in_the_package_metadata() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text
    project = _project()
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert metadata("kb-answer")["License-Expression"] == "MIT"


def test_the_changelog_starts_with_the_current_version() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[?(\d+\.\d+\.\d+)", text, re.MULTILINE)
    assert versions and versions[0] == _project()["version"]
    assert re.search(r"^### (Added|Changed|Fixed)$", text, re.MULTILINE)
