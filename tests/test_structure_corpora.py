"""Structure extraction on three real knowledge bases in three house styles.

msdocs (Microsoft support articles), longhorn-certmanager (the Longhorn KB and
cert-manager's troubleshooting guides) and devtools (Homebrew's and pip's docs, which
have no troubleshooting template at all). The assertions are about structure — what a
careful reader finds in an article — checked over every article, not counts tuned to
pass. The articles are read by path, never copied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from markdown_it.tree import SyntaxTreeNode

from indexer.errortext import comparable, log_lines
from indexer.markup import with_ref_titles
from indexer.messages import fence_output
from indexer.parse import inline_part_label, is_part_label, parse_article
from indexer.records import Article
from indexer.sections import LISTS, Section, block_text, parse_sections

CORPORA = ["msdocs", "longhorn-certmanager", "devtools"]
# Written here, not imported from indexer.roles, so the test does not restate the code.
BOILERPLATE_TITLES = re.compile(
    r"^(applicable versions?|related (information|articles|links)|see also|next steps?|feedback|"
    r"prerequisites?|requirements|table of contents|contents|references?|note:?)$",
    re.IGNORECASE,
)
SYMPTOM_HEADINGS = re.compile(r"^(symptoms?|errors?|error messages?|error: .+)$", re.IGNORECASE)
MARKUP = re.compile(
    r"(?<![#$\w-])\{[a-z-]+\}`|\{:toc\}|\{\{[<%]|^:::|^```\{|\{%[^}]*%\}|^\([\w -]+\)=$", re.M
)


@cache
def _parsed(path: Path) -> tuple[Article, Section]:
    data = path.read_bytes()
    article = parse_article(data, path.name)
    # The source as the reader reads it: a MyST {ref} to a heading of the page shows that heading's
    # title (pip's "Hash-checking Mode" for {ref}`Hash-checking mode`), not its label.
    text = with_ref_titles(data.decode("utf-8-sig").replace("\r\n", "\n"))
    root = parse_sections(text, is_label=is_part_label, inline_label=inline_part_label).root
    return article, root


def articles(folder: Path) -> Iterator[tuple[Path, Article, Section]]:
    for path in sorted(folder.glob("*.md")):
        article, root = _parsed(path)
        yield path, article, root


@pytest.fixture(params=CORPORA)
def corpus(request: pytest.FixtureRequest, shared_dir: Path) -> Path:
    return shared_dir / "corpus" / request.param


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _leaves(block: SyntaxTreeNode) -> Iterator[SyntaxTreeNode]:
    """Paragraphs, code, quotes, call-outs and tables, looking inside lists."""
    if block.type in LISTS or block.type == "list_item":
        for child in block.children:
            yield from _leaves(child)
    else:
        yield block


def _searchable(article: Article) -> str:
    fields = [article.title, article.body]
    for problem in article.problems:
        fields += [problem.title, problem.symptoms, problem.cause, problem.seen_in, problem.body]
        fields += problem.error_messages
        fields += [s.text for s in problem.steps] + [s.group or "" for s in problem.steps]
    return _norm(" ".join(fields))


def _kept(text: str, haystack: str) -> bool:
    """Whether ``text`` is in ``haystack`` whole, or as two sentences' runs in two fields: an error
    section's one paragraph that says what is wrong, then what to do, is read as its cause (or
    symptoms) and its step."""
    if text in haystack:
        return True
    return any(
        text[: cut.start()] in haystack and text[cut.end() :] in haystack
        for cut in re.finditer(r"(?<=[.!?]) ", text)
    )


def test_nothing_is_lost(corpus: Path) -> None:
    """Every block of every article is in a problem or in the article's searchable body."""
    lost = []
    for path, article, root in articles(corpus):
        haystack = _searchable(article)
        for section in root.walk():
            for block in section.blocks:
                for leaf in _leaves(block):
                    text = _norm(block_text(leaf)).rstrip(":")
                    if text and not _kept(text, haystack):
                        lost.append((path.name, section.line, text[:80]))
    assert lost == []


def test_no_problem_is_boilerplate(corpus: Path) -> None:
    titled = [
        (path.name, problem.title)
        for path, article, _ in articles(corpus)
        for problem in article.problems
        if BOILERPLATE_TITLES.match(problem.title.split(": ")[-1].strip())
    ]
    assert titled == []


def test_no_publishing_markup_reaches_titles_messages_or_steps(corpus: Path) -> None:
    leaks = []
    for path, article, _ in articles(corpus):
        for problem in article.problems:
            texts = [problem.title, *problem.error_messages]
            texts += [t for s in problem.steps for t in (s.text, s.markdown, s.group or "")]
            leaks += [(path.name, t[:80]) for t in texts if MARKUP.search(t)]
    assert leaks == []


def test_no_problem_takes_in_dozens_of_sections(corpus: Path) -> None:
    """One problem is a few parts: a reference page (a manual page whose DESCRIPTION heading
    reads like a Symptoms one, then a section per command) is a problem per section, not one."""
    swollen = []
    for path, article, _ in articles(corpus):
        per_problem: dict[str, int] = {}
        for entry in article.outline:
            if entry.use.startswith("problem "):
                owner = entry.use.split(":")[0]
                per_problem[owner] = per_problem.get(owner, 0) + 1
        swollen += [(path.name, owner, n) for owner, n in per_problem.items() if n > 30]
    assert swollen == []


def test_no_problem_is_empty_or_only_a_table_of_contents(corpus: Path) -> None:
    """A problem has steps; only an error section that documents no fix has just its error text."""
    bad = []
    for path, article, _ in articles(corpus):
        for problem in article.problems:
            texts = [s.text.strip() for s in problem.steps]
            if not texts and not problem.error_messages:
                bad.append((path.name, problem.title))
            if texts and all(t.lower().startswith(("table of contents", "contents")) for t in texts):
                bad.append((path.name, problem.title))
    assert bad == []


def _first_quoted_error(section: Section) -> str:
    """The first code block or block quote under a symptoms or error heading, as a reader finds it."""
    for part in section.walk():
        for block in part.blocks:
            for node in [block, *_descendants(block)]:
                if node.type in ("fence", "code_block") and node.info.strip() not in ("sh", "bash", "shell"):
                    # What a shell session printed: without its prompt lines and elisions.
                    return fence_output(node, after_lead=True) or node.content
                if node.type == "blockquote" and not _is_callout_or_reference(node):
                    return block_text(node)
    return ""


def _is_callout_or_reference(quote: SyntaxTreeNode) -> bool:
    """A "> [!NOTE]" call-out or a quote that links elsewhere: no error text a program printed."""
    nodes = _descendants(quote)
    first_text = next((n.content for n in nodes if n.type == "text"), "")
    return first_text.lstrip().startswith("[!") or any(n.type == "link" for n in nodes)


def _descendants(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    out = []
    for child in node.children:
        out += [child, *_descendants(child)]
    return out


def test_the_error_a_symptoms_section_quotes_is_kept(corpus: Path) -> None:
    """For every Symptoms/Error section, its first code block or quoted error is in a problem."""
    missing = []
    for path, article, root in articles(corpus):
        kept = " ".join(
            comparable(t) for p in article.problems for t in [*p.error_messages, p.symptoms, p.title]
        )
        for section in root.walk():
            if not SYMPTOM_HEADINGS.match(section.title.strip()):
                continue
            # Quoted log excerpts are kept as a pasted log is read: without time stamps and levels.
            quoted = comparable(" ".join(log_lines(_first_quoted_error(section).split("\n"))))[:80]
            if quoted and quoted not in kept:
                missing.append((path.name, section.line, quoted))
    assert missing == []


def test_webhook_guide_has_one_problem_per_error_section(longhorn_dir: Path) -> None:
    path = longhorn_dir / "cert-manager-website__content__docs__troubleshooting__webhook.md"
    article, root = _parsed(path)
    errors = [s for s in root.walk() if s.level == 2 and s.title.startswith("Error:")]
    assert len(errors) >= 10
    by_line = {p.line: p for p in article.problems}
    for section in errors:
        problem = by_line[section.line]
        assert problem.title == section.title
        # The heading's message is the problem's first error message, and its steps are its own.
        assert comparable(section.quoted[0].text) in comparable(problem.error_messages[0])
        assert all(section.line < s.line < section.end for s in problem.steps)
    # Only sections that document no fix at all have no steps.
    assert sum(1 for s in errors if by_line[s.line].steps) >= len(errors) - 2


def test_fstrim_article_is_one_problem_with_the_fstrim_error(longhorn_dir: Path) -> None:
    article, _ = _parsed(longhorn_dir / "longhorn-website__content__kb__troubleshooting-fstrim-error.md")
    (problem,) = article.problems
    assert any("the discard operation is not supported" in m for m in problem.error_messages)
    assert problem.cause.startswith("This is caused by a problem in old kernel SCSI driver")
    groups = list(dict.fromkeys(s.group for s in problem.steps))
    assert groups == [
        "Case 1: Volume is using old engine image or running in the old instance manager pod",
        "Case 2: Old node kernel version",
        "Solution",
    ]
    assert [s.number for s in problem.steps if s.group == groups[1]] == ["1", "2", "3", "4", "5"]


def test_the_error_an_overview_announces_is_the_message(longhorn_dir: Path) -> None:
    """ "You might see messages similar to the following:" then a `sh` fence: output, not a command."""
    article, _ = _parsed(
        longhorn_dir / "longhorn-website__content__kb__backup-store-lock-conflict-error-message.md"
    )
    (problem,) = article.problems
    assert any("failed to acquire lock backupstore/volumes" in m for m in problem.error_messages)


def test_fix_commands_are_never_error_messages(longhorn_dir: Path) -> None:
    article, _ = _parsed(
        longhorn_dir / "longhorn-website__content__kb__troubleshooting-iscsiadm-no-route-to-host.md"
    )
    (problem,) = article.problems
    messages = " ".join(problem.error_messages)
    assert "No route to host" in messages
    assert "--logout" not in messages and "systemctl restart" not in messages
    assert [s.text.split("\n")[-1] for s in problem.steps][1:5] == [
        "iscsiadm -m node --logout",
        "iscsiadm -m iface -I ${some_interface} --op=delete",
        "iscsiadm -m node --op=delete",
        "systemctl restart iscsid",
    ]


def test_commands_in_inline_code_are_never_error_messages(longhorn_dir: Path, devtools_dir: Path) -> None:
    """ "…via `kubectl -n longhorn-system edit configmap …`" names a command, not what a program printed."""
    settings, _ = _parsed(
        longhorn_dir / "longhorn-website__content__kb__troubleshooting-default-settings-do-not-persist.md"
    )
    faq, _ = _parsed(devtools_dir / "Homebrew-brew__docs__FAQ.md")
    messages = [m for article in (settings, faq) for p in article.problems for m in p.error_messages]
    assert not [m for m in messages if m.startswith(("kubectl ", "brew "))]
    # The sentence that names the command is still searchable.
    assert "edit configmap longhorn-default-setting" in settings.problems[0].symptoms


def test_homebrew_common_issues_has_one_problem_per_error_section(devtools_dir: Path) -> None:
    article, root = _parsed(devtools_dir / "Homebrew-brew__docs__Common-Issues.md")
    leaves = [s for s in root.walk()[1:] if not s.children]
    assert len(leaves) >= 10
    assert [p.line for p in article.problems] == [s.line for s in leaves]
    for problem, section in zip(article.problems, leaves, strict=True):
        assert problem.steps and all(section.line < s.line < section.end for s in problem.steps)
    # A heading that quotes the error carries it as the problem's error message.
    ruby = next(p for p in article.problems if "bad interpreter" in p.title)
    assert ruby.error_messages == ["bad interpreter: /usr/bin/ruby^M"]


def test_homebrew_faq_has_one_problem_per_question(devtools_dir: Path) -> None:
    article, root = _parsed(devtools_dir / "Homebrew-brew__docs__FAQ.md")
    questions = [s for s in root.walk()[1:] if s.title.endswith("?")]
    assert len(questions) >= 20
    titles = {p.title for p in article.problems}
    assert {q.title for q in questions} <= titles
    assert all(p.steps for p in article.problems)


def test_how_to_page_with_a_troubleshooting_section(longhorn_dir: Path) -> None:
    """Only the troubleshooting part of a how-to page gives problems; the rest is searchable body."""
    name = "longhorn-website__content__docs__1.13.0__advanced-resources__os-distro-specific__csi-on-k3s.md"
    article, root = _parsed(longhorn_dir / name)
    (troubleshooting,) = [s for s in root.walk() if s.title == "Troubleshooting"]
    inside = [p for p in article.problems if troubleshooting.line < p.line < troubleshooting.end]
    assert [p.title for p in inside][1] == "How to find root-dir?"
    assert inside[0].title.startswith("Failed to get arg root-dir")
    (instruction,) = [s for s in root.walk() if s.title == "Instruction"]
    assert instruction.line not in {p.line for p in article.problems}
    assert _norm(block_text(instruction.blocks[0])) in _norm(article.body)


def test_msdocs_and_kb_keep_their_shape(corpus_dir: Path) -> None:
    """The Microsoft articles still give about one problem each, and kb/ its four."""
    counts = [len(article.problems) for _, article, _ in articles(corpus_dir)]
    assert len(counts) >= 200
    assert sum(1 for c in counts if c == 1) / len(counts) > 0.8
    kb = Path(__file__).resolve().parent.parent / "kb" / "jumpcloud-m365.md"
    assert len(parse_article(kb.read_bytes(), kb.name).problems) == 4
