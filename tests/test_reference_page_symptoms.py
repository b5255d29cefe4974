"""Symptoms described in a reader's own words, answered from reference pages.

A tool's documentation is reference pages more than troubleshooting articles, and what answers
a question is often a short section of one: on an installation page, the "Requirements" section's
sub-headings are the platforms it sets apart ("ARM32", "Windows Subsystem for Linux 1"), each
saying what fails there. "Requirements" is boilerplate by its name, and read with it, those
sub-sections were in no problem: a question that describes that failure was answered by another
page. Their own headings say what they are about, and they are read by them; the section's own
text, and a boilerplate section whose sub-headings are links ("See also"), stay boilerplate, and
so do a troubleshooting article's Prerequisites, which its problems' fixes need.
"""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from tests.test_house_styles import read

LINUX_PAGE = """\
# Tide on Linux

tide runs on Linux and on Windows Subsystem for Linux 2, with the same commands as on macOS.

## Install

1. Run the install script in a terminal.
2. Add tide to PATH in your shell's profile, as the script's last lines say.
3. Run `tide doctor` to check the installation.

## Requirements

tide needs a C compiler and `git` to build packages from source. See Support Tiers for the
full list.

### ARM32 (Tier 3 Support)

tide runs on 32-bit ARM boards, but it does not ship prebuilt packages for them: each is built
from source, which takes hours on a small board.

### Windows Subsystem for Linux 1 (Tier 3 Support)

Because of known issues with WSL 1, programs installed by tide may crash, hang or fail to start
there. Switch the distribution to WSL 2 instead: `wsl --set-version <distro> 2`.

## See also

### Other platforms

- [Tide on macOS](macos.md)
- [Tide in containers](containers.md)
"""

FAQ = """\
# FAQ

## Why does tide refuse to run as root?

tide installs into a folder your own account owns. Run as root, it would leave files there that
your account cannot change, and later installs would fail.

1. Run tide as your own user, without `sudo`.
2. If a folder already belongs to root, give it back: `sudo chown -R "$USER" "$(tide --prefix)"`.

## Why is everything built from source?

tide uses prebuilt packages only in its default folder; installed anywhere else, each package is
built from source.
"""

PAGES = {"linux.md": LINUX_PAGE, "faq.md": FAQ}

# In the reader's words, no error quoted.
CRASHING_UNDER_WSL = (
    "Our antivirus must be breaking tide's programs. Laptop with Ubuntu under WSL (wsl -l -v says "
    "version 1, IT won't enable virtualization). tide install finishes fine, but then node and gh "
    "crash right away or hang, while the apt versions of the same tools work. Which folders should "
    "I exclude from the antivirus?"
)


def _kb(tmp_path: Path) -> KnowledgeBase:
    for name, text in PAGES.items():
        read(tmp_path / "docs", name, text)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    return KnowledgeBase(tmp_path / "index.db")


def test_a_requirements_sections_platforms_are_read_by_their_own_headings(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "linux.md", LINUX_PAGE)
    titles = [p.title for p in article.problems]
    assert "ARM32 (Tier 3 Support)" in titles
    wsl = next(p for p in article.problems if p.title == "Windows Subsystem for Linux 1 (Tier 3 Support)")
    assert "wsl --set-version" in " ".join(s.text for s in wsl.steps)
    uses = {entry.title: entry.use for entry in article.outline}
    # The section's own text stays boilerplate, and so does a section of links with sub-headings.
    assert uses["Requirements"] == "boilerplate"
    assert uses["See also"] == uses["Other platforms"] == "boilerplate"
    assert not any("Other platforms" in t or "Requirements" in t for t in titles)


def test_a_failure_described_in_own_words_finds_the_platform_that_has_it(tmp_path: Path) -> None:
    result = match(_kb(tmp_path), CRASHING_UNDER_WSL)
    first = result.matches[0]
    assert (first.article.source, first.problem.title) == (
        "linux.md",
        "Windows Subsystem for Linux 1 (Tier 3 Support)",
    )


def test_requirements_without_sub_headings_stay_boilerplate(tmp_path: Path) -> None:
    page = LINUX_PAGE.split("### ARM32")[0] + "## Uninstall\n\n1. Run `tide uninstall --all`.\n"
    article = read(tmp_path / "docs", "linux.md", page)
    uses = {entry.title: entry.use for entry in article.outline}
    assert uses["Requirements"] == "boilerplate"
    assert [p.title for p in article.problems] == ["Install", "Uninstall"]


TROUBLESHOOTING = """\
# Troubleshooting: backups to an NFS target fail

## Prerequisites

The backup target must export NFS 4.1 or later.

### Checking the server's NFS versions

1. Run `cat /proc/fs/nfsd/versions` on the server.

## Symptom 1

Each backup fails with `mount failed: protocol not supported`.

### Solution

1. Enable NFS 4.1 on the server.
2. Run the backup again.

## Symptom 2

Backups stop at 0% and the mount times out.

### Solution

1. Open port 2049 on the server's firewall.
"""


def test_a_troubleshooting_articles_prerequisites_stay_with_its_problem(tmp_path: Path) -> None:
    # A page with Symptoms or a Cause: what its Prerequisites say is what its problem's fix needs,
    # no problem of its own.
    article = read(tmp_path / "docs", "nfs-backups.md", TROUBLESHOOTING)
    assert not [p for p in article.problems if "NFS versions" in p.title]
    uses = {entry.title: entry.use for entry in article.outline}
    assert uses["Prerequisites"] == uses["Checking the server's NFS versions"] == "boilerplate"


INSTALL_PAGE = """\
# Installing Kestrel Agent

Kestrel Agent collects metrics from the host and sends them to the Kestrel server.

## Requirements

### Hardware

- 2 CPU cores
- 4 GB RAM

### Software

- Python 3.10 or later

### Supported operating systems

Ubuntu 22.04, RHEL 9, Windows Server 2022.

### Alpine Linux

The agent's collector does not start on musl-based systems such as Alpine: use the container image.

## Install

1. Download the package for your system.
2. Run the installer as an administrator.
3. Start the `kestrel-agent` service.
"""


def test_requirements_sub_sections_that_say_nothing_fails_stay_boilerplate(tmp_path: Path) -> None:
    """A plain list of what an installation needs (Hardware, Software, the systems it supports) is no
    problem: read as problems, "Supported operating systems" answered a question about the agent on
    Ubuntu with the list as its steps, and the page's install steps lost the page's title."""
    article = read(tmp_path / "docs", "install.md", INSTALL_PAGE)
    titles = [p.title for p in article.problems]
    assert not {"Hardware", "Software", "Supported operating systems"} & set(titles)
    uses = {entry.title: entry.use for entry in article.outline}
    assert uses["Hardware"] == uses["Software"] == uses["Supported operating systems"] == "boilerplate"
    # The platform the page says fails is still read by its own heading.
    assert "Alpine Linux" in titles


ERROR_TITLED_PAGE = """\
# Troubleshooting cluster access with kubectl

## Prerequisites

### VPN connection

Connect to the corporate VPN before you run any kubectl command.

### kubeconfig

Download your kubeconfig from the cluster portal and save it as `~/.kube/config`: without it,
kubectl cannot find the cluster.

## error: You must be logged in to the server (Unauthorized)

Your token has expired.

1. Run `kubectl oidc-login` again.
2. Retry the command.

## Unable to connect to the server: dial tcp 10.20.0.4:6443: i/o timeout

1. Check that the VPN is connected.
2. Retry the command.
"""


def test_prerequisites_of_a_page_headed_by_errors_stay_with_its_problems(tmp_path: Path) -> None:
    """A troubleshooting page whose headings are the errors it fixes, with no Symptoms or Cause
    headings: its Prerequisites are what its fixes need, no problems of their own."""
    article = read(tmp_path / "docs", "kubectl.md", ERROR_TITLED_PAGE)
    titles = [p.title for p in article.problems]
    assert not {"VPN connection", "kubeconfig"} & set(titles)
    uses = {entry.title: entry.use for entry in article.outline}
    assert uses["VPN connection"] == uses["kubeconfig"] == "boilerplate"
