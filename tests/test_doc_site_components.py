"""Documentation sites' components in troubleshooting pages: VitePress containers (``::: details``,
``::: code-group``, ``::: danger``), Mintlify's MDX components (``<AccordionGroup>``, ``<Steps>``,
``<CodeGroup>``) and Docsify's heading attributes (``:id=``) and closing help sections.

Each test writes a small article of its own in one site's style, finds it as `kb index` does and
reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

DOCSIFY_PAGE = """\
# Troubleshooting

## Uploads stall at 99% :id=uploads-stall

The progress bar stops at 99% and the console shows `net::ERR_CONNECTION_RESET`.

**Cause:** the proxy in front of the server limits request bodies to 1 MB.

**Fix**

1. Raise `client_max_body_size` in the proxy's configuration.
2. Reload the proxy.

## Thumbnails are blank :id=blank-thumbnails <!-- {docsify-ignore} -->

Thumbnails show a grey box instead of the picture.

**Fix**

1. Install the `libvips` package on the server.
2. Restart the worker.
"""


def test_a_docsify_heading_id_is_no_word_of_the_problem_title(tmp_path: Path) -> None:
    """Docsify gives a heading its anchor after its text (``## Uploads stall :id=uploads-stall``), before
    the comment that hides it from the sidebar, if any."""
    article = read(tmp_path / "docs", "troubleshooting.md", DOCSIFY_PAGE)
    assert [p.title for p in article.problems] == ["Uploads stall at 99%", "Thumbnails are blank"]
    assert [s.text for s in article.problems[0].steps] == [
        "Raise client_max_body_size in the proxy's configuration.",
        "Reload the proxy.",
    ]


def test_a_docsify_ignore_tag_without_its_comment_is_no_word_of_the_problem_title(tmp_path: Path) -> None:
    """Docsify documents its sidebar tag bare too (``## Node not ready {docsify-ignore}``): the tag, and an
    anchor before it, stayed in the title."""
    page = DOCSIFY_PAGE.replace(" <!-- {docsify-ignore} -->", " {docsify-ignore}").replace(
        "## Uploads stall at 99% :id=uploads-stall", "## Uploads stall at 99% {docsify-ignore-all}"
    )
    article = read(tmp_path / "docs", "troubleshooting.md", page)
    assert [p.title for p in article.problems] == ["Uploads stall at 99%", "Thumbnails are blank"]


def test_an_id_set_in_a_heading_s_code_stays(tmp_path: Path) -> None:
    """Guard: ``:id=`` inside a code span, or written without a space before it, is the heading's text."""
    page = "# Flags\n\n## `--name :id=web` is rejected\n\nThe CLI says `invalid flag`.\n\n## Key:id=5 missing\n\nNo row.\n"
    article = read(tmp_path / "docs", "flags.md", page)
    assert [p.title for p in article.problems] == ["--name :id=web is rejected", "Key:id=5 missing"]


def test_a_closing_getting_more_help_section_is_no_problem(tmp_path: Path) -> None:
    """A docs site's troubleshooting page closes with where to ask (Docsify's "Getting more help",
    hidden from its sidebar by a comment): page text, not a problem whose step is to ask."""
    page = DOCSIFY_PAGE + (
        "\n## Getting more help <!-- docsify-ignore -->\n\n"
        "Open an issue with the output of `relay diagnose` attached.\n"
    )
    article = read(tmp_path / "docs", "troubleshooting.md", page)
    assert [p.title for p in article.problems] == ["Uploads stall at 99%", "Thumbnails are blank"]
    assert [s.text for s in article.problems[1].steps] == [
        "Install the libvips package on the server.",
        "Restart the worker.",
    ]
    assert "relay diagnose" in article.body


@pytest.mark.parametrize(
    "heading", ["Weitere Hilfe", "¿Necesitas más ayuda?", "Besoin d'aide ?", "Dalsza pomoc"]
)
def test_a_closing_more_help_section_in_another_language_is_no_problem(tmp_path: Path, heading: str) -> None:
    # Only the English headings were the page's: "Weitere Hilfe" was a problem whose step was to ask.
    page = DOCSIFY_PAGE + f"\n## {heading}\n\nOpen an issue with the output of `relay diagnose` attached.\n"
    article = read(tmp_path / "docs", "troubleshooting.md", page)
    assert [p.title for p in article.problems] == ["Uploads stall at 99%", "Thumbnails are blank"]


def test_a_problem_about_a_help_page_stays_a_problem(tmp_path: Path) -> None:
    """Guard: a heading that only names help ("Help page does not load") is a problem."""
    page = "# Troubleshooting\n\n## Help page does not load\n\nThe help page stays blank.\n\n**Fix**\n\n1. Clear the cache.\n2. Reload.\n"
    article = read(tmp_path / "docs", "help.md", page)
    assert [p.title for p in article.problems] == ["Help page does not load"]
    assert [s.text for s in article.problems[0].steps] == ["Clear the cache.", "Reload."]


VITEPRESS_PAGE = """\
# Troubleshooting

## Preview shows a blank page {#blank-preview}

`quire preview` opens a blank page and the console shows `Failed to fetch dynamically imported module`.

**Cause:** the `base` option does not match the folder the site is served from.

**Solution:**

1. Set `base: '/handbook/'` in `.quire/config.ts`.
2. Build and preview again.

::: details Full browser console
```
Uncaught (in promise) TypeError: Failed to fetch dynamically imported module: /assets/index.js
```
:::

::: danger STOP
If the page is still blank after a rebuild, do not purge the CDN by hand. Ask the platform team.
:::

## Search returns nothing {#search}

The search box finds no page, even for words in a title.

**Solution:**

- Rebuild the search index with `quire build --index`.
- Or switch to the local search provider.

::: details Why does the index go stale?
The index is built once per deploy, so pages added by hand after it are not in it.
:::

::: warning
The local provider loads the whole index in the browser, which is slow on large sites.
:::
"""


def test_a_callout_after_a_vitepress_fold_of_output_is_a_note_of_the_fix(tmp_path: Path) -> None:
    """``::: details Full browser console`` over a log, then ``::: danger``: the fold ends at its ``:::``,
    and the danger box after it is a note after the fix's steps (it was lost with the fold)."""
    article = read(tmp_path / "docs", "troubleshooting.md", VITEPRESS_PAGE)
    problem = article.problems[0]
    assert problem.title == "Preview shows a blank page"
    assert [s.text for s in problem.steps] == [
        "Set base: '/handbook/' in .quire/config.ts.",
        "Build and preview again.",
    ]
    assert [(n.text, n.after) for n in problem.notes] == [
        (
            "Danger: STOP\nIf the page is still blank after a rebuild, do not purge the CDN by hand. "
            "Ask the platform team.",
            True,
        )
    ]
    assert any("dynamically imported module: /assets/index.js" in m for m in problem.error_messages)


def test_a_vitepress_fold_asking_why_after_the_fix_is_an_aside_of_it(tmp_path: Path) -> None:
    """``::: details Why does the index go stale?`` after a labelled fix's steps explains them: no
    problem of its own, and the ``::: warning`` after it is a note of the fix."""
    article = read(tmp_path / "docs", "troubleshooting.md", VITEPRESS_PAGE)
    assert [p.title for p in article.problems] == ["Preview shows a blank page", "Search returns nothing"]
    problem = article.problems[1]
    assert [s.text for s in problem.steps] == [
        "Rebuild the search index with quire build --index.",
        "Or switch to the local search provider.",
    ]
    assert [(n.text, n.after) for n in problem.notes] == [
        ("Why does the index go stale?", True),
        ("The index is built once per deploy, so pages added by hand after it are not in it.", True),
        (
            "Warning: The local provider loads the whole index in the browser, which is slow on large sites.",
            True,
        ),
    ]


def test_the_same_question_in_an_html_fold_is_an_aside_of_the_fix(tmp_path: Path) -> None:
    """The ``<details>`` a VitePress fold renders, written as HTML, is read the same way."""
    page = VITEPRESS_PAGE.replace(
        "::: details Why does the index go stale?\n",
        "<details>\n<summary>Why does the index go stale?</summary>\n\n",
    ).replace("not in it.\n:::", "not in it.\n\n</details>")
    article = read(tmp_path / "docs", "troubleshooting.md", page)
    assert [p.title for p in article.problems] == ["Preview shows a blank page", "Search returns nothing"]
    assert len(article.problems[1].notes) == 3


def test_a_faq_of_vitepress_folds_is_a_problem_per_fold(tmp_path: Path) -> None:
    """Guard: folds that no fix's steps stand before are a FAQ's entries, each its own problem."""
    page = """\
# FAQ

::: details Why does the preview show a blank page?
The `base` option does not match the folder the site is served from. Set it and build again.
:::

::: details Can I host the site on a subpath?
Yes: set `base` to the subpath, with a slash at each end.
:::
"""
    article = read(tmp_path / "docs", "faq.md", page)
    assert [p.title for p in article.problems] == [
        "Why does the preview show a blank page?",
        "Can I host the site on a subpath?",
    ]


CODE_GROUP_PAGE = """\
# Troubleshooting

## Build fails with `ERR_MODULE_NOT_FOUND`

The build stops with `Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'quire-theme'`.

**Solution:**

1. Install the theme next to Quire:

::: code-group

```sh [npm]
npm install -D quire-theme
```

```sh [yarn]
yarn add -D quire-theme
```

:::

2. Run the build again.
"""


def test_a_vitepress_code_group_s_fences_are_labelled_alternatives(tmp_path: Path) -> None:
    """``::: code-group`` holds one command per package manager, each labelled in its fence's info
    (```` ```sh [npm] ````): each is shown under its label, not as commands to run one after another."""
    article = read(tmp_path / "docs", "build.md", CODE_GROUP_PAGE)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Install the theme next to Quire:\nnpm:\nnpm install -D quire-theme\nyarn:\nyarn add -D quire-theme",
        "Run the build again.",
    ]


def test_a_fence_labelled_in_brackets_outside_a_code_group_stays_code(tmp_path: Path) -> None:
    """Guard: brackets after a fence's language, with no code group around it, label nothing."""
    page = CODE_GROUP_PAGE.replace("::: code-group\n\n", "").replace("```\n\n:::\n", "```\n")
    article = read(tmp_path / "docs", "build.md", page)
    [problem] = article.problems
    assert "npm:" not in problem.steps[0].text
    assert "npm install -D quire-theme" in problem.steps[0].text


MINTLIFY_STEPS_PAGE = """\
---
title: "Troubleshooting uploads"
---

## Upload URL expired

Your client gets `SignedUrlExpired: the upload URL expired before the upload finished`.

<Steps>
  <Step title="Ask for a longer expiry">
    Pass `expires_in` when you create the upload URL.

    <CodeGroup>
    ```js Node.js
    const url = await ferry.uploads.createUrl({ expires_in: 3600 });
    ```

    ```python Python
    url = ferry.uploads.create_url(expires_in=3600)
    ```
    </CodeGroup>
  </Step>
  <Step title="Retry the upload">
    Upload the file again with the new URL.
  </Step>
</Steps>
"""


def test_a_mintlify_code_group_right_under_its_tag_is_code_without_fences(tmp_path: Path) -> None:
    """``<CodeGroup>`` with a fence on the line under it: the fences are code, not a paragraph of
    HTML whose text kept their backticks."""
    article = read(tmp_path / "docs", "uploads.mdx", MINTLIFY_STEPS_PAGE)
    [problem] = article.problems
    assert [s.text for s in problem.steps] == [
        "Ask for a longer expiry: Pass expires_in when you create the upload URL.\n"
        "const url = await ferry.uploads.createUrl({ expires_in: 3600 });\n"
        "url = ferry.uploads.create_url(expires_in=3600)",
        "Retry the upload: Upload the file again with the new URL.",
    ]


LONG_TITLE = (
    "Uploads fail with 'SSL certificate problem: unable to get local issuer certificate' behind a proxy"
)


def test_a_mintlify_accordion_s_long_title_is_the_whole_problem_title(tmp_path: Path) -> None:
    """An ``<Accordion title=…>`` titles a problem: its title is whole, not cut mid-word as a tab's label."""
    page = f"""\
---
title: "Troubleshooting uploads"
---

## Common issues

<AccordionGroup>
  <Accordion title="{LONG_TITLE}">
    The proxy re-signs traffic with its own certificate authority.

    **Fix:** add the proxy's CA bundle with `ferry config set ca_bundle /etc/ssl/proxy.pem`.
  </Accordion>
  <Accordion title="Uploads stall at 99%">
    The server is still checking the file.

    **Fix:** wait for the check to finish; large files take a few minutes.
  </Accordion>
</AccordionGroup>
"""
    article = read(tmp_path / "docs", "uploads.mdx", page)
    assert [p.title for p in article.problems] == [LONG_TITLE, "Uploads stall at 99%"]


def test_a_mintlify_step_s_title_still_labels_its_content(tmp_path: Path) -> None:
    """Guard: a ``<Step title=…>`` is its content labelled by its title, as before."""
    article = read(tmp_path / "docs", "uploads.mdx", MINTLIFY_STEPS_PAGE)
    assert article.problems[0].steps[1].text == "Retry the upload: Upload the file again with the new URL."


ACCORDION_ERRORS_PAGE = """\
---
title: "Troubleshooting sync"
---

## Sync errors

<AccordionGroup>
  <Accordion title="Sync stops with 'quota exceeded for project'">
    The project used its monthly transfer quota. Transfers resume on the first of the month.

    **Fix:** raise the quota under **Settings → Billing**, then click **Retry sync**.
  </Accordion>
  <Accordion title="Files appear twice after a sync">
    Two devices renamed the same file while offline, so both names were kept.

    **Fix:** delete the copy with the older date; the next sync removes it everywhere.
  </Accordion>
</AccordionGroup>
"""


def test_accordions_under_an_errors_heading_are_a_problem_each(tmp_path: Path) -> None:
    """Under "## Sync errors", one accordion names its error and the other says what is seen: each
    says what goes wrong and fixes it, a problem of its own (they were one problem, "Sync errors",
    each accordion a group of its steps)."""
    article = read(tmp_path / "docs", "sync.mdx", ACCORDION_ERRORS_PAGE)
    assert [p.title for p in article.problems] == [
        "Sync stops with 'quota exceeded for project'",
        "Files appear twice after a sync",
    ]
    first, second = article.problems
    assert first.symptoms.startswith("The project used its monthly transfer quota.")
    assert [s.text for s in first.steps] == [
        "raise the quota under Settings → Billing, then click Retry sync."
    ]
    assert [s.text for s in second.steps] == [
        "delete the copy with the older date; the next sync removes it everywhere."
    ]


def test_the_same_errors_under_plain_headings_are_a_problem_each(tmp_path: Path) -> None:
    """The same page written with ``###`` headings, as a Markdown site writes it."""
    page = (
        ACCORDION_ERRORS_PAGE.replace("<AccordionGroup>\n", "")
        .replace("</AccordionGroup>\n", "")
        .replace("  </Accordion>\n", "")
        .replace('  <Accordion title="', "### ")
        .replace('">\n', "\n\n")
        .replace("\n    ", "\n")
    )
    article = read(tmp_path / "docs", "sync.md", page)
    assert [p.title for p in article.problems] == [
        "Sync stops with 'quota exceeded for project'",
        "Files appear twice after a sync",
    ]


def test_fixes_per_server_under_one_error_stay_one_problem(tmp_path: Path) -> None:
    """Guard: sub-sections of one error that each say how it shows on one server and fix it there,
    none naming an error of its own, are that error's fixes, not problems of their own."""
    page = """\
# Uploads

## Upload fails with "413 Request Entity Too Large"

Large uploads stop at once.

### Nginx

Nginx limits request bodies to 1 MB by default.

**Fix:** set `client_max_body_size 50m;` and reload Nginx.

### Apache

Apache may limit request bodies with `LimitRequestBody`.

**Fix:** raise `LimitRequestBody` and restart Apache.
"""
    article = read(tmp_path / "docs", "uploads.md", page)
    assert [p.title for p in article.problems] == ['Upload fails with "413 Request Entity Too Large"']
