"""Help-file house styles: how their articles are read, from files written in tmp_path.

A Vim help file (a plugin's ``doc/*.txt``: its tag line, ``====`` rules over ``N. Title  *tag*`` sections,
``*CODE*  >`` entries of its error messages, ``>``/``<`` examples, its modeline), a HelpNDoc HTML topic
(its navigation tree, breadcrumb, icon call-out tables and generator footer), a Phriction page's reference
table beside the problems it sums up, and a Swimm document (``.sw.md``: its snippets and footer). Each test
writes a small article of its own in the style and reads it with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index
from indexer.records import Step
from indexer.vim_help_text import vim_help_markdown
from tests.test_house_styles import read


def _texts(steps: list[Step]) -> list[str]:
    """Each step's text on one line."""
    return [" ".join(step.text.split()) for step in steps]


VIM_HELP = """\
*harbor.txt*	For Harbor version 1.4	Last change: 2026 Mar 11

			HARBOR PLUGIN MANUAL

Contents					*harbor-contents*

1. Uploads time out		|harbor-upload-stalls|
2. Credentials rejected		|harbor-credentials|
3. Error messages		|harbor-errors|

==============================================================================
1. Uploads time out					*harbor-upload-stalls*

Uploads stop at 99% and the status line shows: >
	HB204: Upload of "site.tar" timed out after 300 s
<
This happens when the proxy buffers the whole request.

To fix it:
1. Raise the timeout: >
	let g:harbor_timeout = 900
<
2. Run |:HarborUpload| again.

==============================================================================
2. Credentials rejected				*harbor-credentials*

Every command asks for the password again.

To fix it:
1. Delete the saved token with |:HarborLogout|.
2. Sign in with |:HarborLogin|.

==============================================================================
3. Error messages					*harbor-errors*

							*HB301*  >
  HB301: Registry "{name}" refused the manifest
The registry does not accept this manifest format.  Push with |:HarborPush!|.

							*HB418*  >
  HB418: Cache directory ~/.harbor is not writable
Another user owns the cache.  Change its owner back to you.

 vim:tw=78:ts=8:noet:ft=help:norl:
"""


def test_a_vim_help_file_is_a_problem_per_section_and_per_error_entry(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "harbor.txt", VIM_HELP)
    assert [p.title for p in article.problems] == [
        "Uploads time out",
        "Credentials rejected",
        "HB301",
        "HB418",
    ]
    stalls, rejected, manifest, cache = article.problems
    assert stalls.error_messages == ['HB204: Upload of "site.tar" timed out after 300 s']
    assert stalls.error_codes == ["HB204"]
    assert "proxy buffers the whole request" in stalls.cause
    assert _texts(stalls.steps) == [
        "Raise the timeout: let g:harbor_timeout = 900",
        "Run :HarborUpload again.",
    ]
    # The example is the step's code, its ">" and "<" marks no text.
    assert "```\nlet g:harbor_timeout = 900\n```" in stalls.steps[0].markdown
    assert _texts(rejected.steps) == [
        "Delete the saved token with :HarborLogout.",
        "Sign in with :HarborLogin.",
    ]
    assert "password again" in rejected.symptoms
    assert manifest.error_messages == ['HB301: Registry "{name}" refused the manifest']
    assert manifest.error_codes == ["HB301"]
    assert cache.error_codes == ["HB418"]
    assert _texts(cache.steps) == ["Another user owns the cache. Change its owner back to you."]
    # The file's tag line, its tags, its contents' links and its modeline are no text of it.
    everything = " ".join(
        [p.title + p.symptoms + p.cause for p in article.problems]
        + [n.text for p in article.problems for n in p.notes]
    )
    for furniture in ("harbor.txt", "*harbor-", "|harbor-", "vim:tw", "===="):
        assert furniture not in everything


def test_a_vim_help_error_entry_answers_its_message(tmp_path: Path) -> None:
    read(tmp_path / "docs", "harbor.txt", VIM_HELP)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    kb = KnowledgeBase(tmp_path / "index.db")
    best = match(kb, "HB418: Cache directory ~/.harbor is not writable").matches[0]
    assert (best.problem.title, best.confidence) == ("HB418", "high")
    best = match(kb, 'HB204: Upload of "site.tar" timed out after 300 s').matches[0]
    assert best.problem.title == "Uploads time out"


def test_one_vim_help_section_without_rules_is_titled_by_it(tmp_path: Path) -> None:
    text = (
        "*harbor-cache.txt*\tFor Harbor version 1.4\n\n"
        "Cache keeps growing\t\t\t\t\t*harbor-cache-size*\n\n"
        "To fix it:\n"
        "1. Remove old layers: >\n\tharbor prune --older-than 30d\n<\n"
        "2. Restart Vim.\n\n"
        " vim:tw=78:ts=8:noet:ft=help:norl:\n"
    )
    [problem] = read(tmp_path / "docs", "harbor-cache.txt", text).problems
    assert problem.title == "Cache keeps growing"
    assert _texts(problem.steps) == ["Remove old layers: harbor prune --older-than 30d", "Restart Vim."]
    assert all("vim:" not in n.text for n in problem.notes)


def test_a_text_note_that_opens_with_a_starred_file_name_is_no_vim_help_file(tmp_path: Path) -> None:
    # Its first line has a help file's tag line's shape, but no modeline nor tagged title says it is help.
    text = (
        "*requirements.txt* not found when the nightly build starts\n\n"
        "Symptom:\n"
        'The build stops at the install stage with "No such file or directory".\n\n'
        "Cause:\n"
        "The job checks out the repository into a sub-folder since the runner upgrade.\n\n"
        "Resolution:\n"
        "1. Open the job's settings.\n"
        "2. Set the working directory to the checkout folder.\n"
        "3. Run the build again.\n"
    )
    assert vim_help_markdown(text) is None
    [problem] = read(tmp_path / "docs", "build.txt", text).problems
    assert "not found when the nightly build starts" in problem.title
    assert problem.cause == "The job checks out the repository into a sub-folder since the runner upgrade."
    assert _texts(problem.steps) == [
        "Open the job's settings.",
        "Set the working directory to the checkout folder.",
        "Run the build again.",
    ]


def test_a_vim_help_file_without_its_modeline_is_read_by_its_tagged_sections(tmp_path: Path) -> None:
    text = VIM_HELP.replace(" vim:tw=78:ts=8:noet:ft=help:norl:\n", "")
    assert vim_help_markdown(text) is not None
    article = read(tmp_path / "docs", "harbor.txt", text)
    assert [p.title for p in article.problems][:2] == ["Uploads time out", "Credentials rejected"]


PHRICTION_PAGE = """\
= Print server: troubleshooting =

== Jobs rejected with "PS-4031 Quota exceeded" ==

Users see this when they print:

```
PS-4031 Quota exceeded for user jdoe (500 pages)
```

**Fix**

# Open the quota console and find the user.
# Raise the monthly quota, or reset the counter.

== Reference: print server error codes ==

| Code | Meaning | Action |
|------|---------|--------|
| PS-4031 | Quota exceeded | See above |
| PS-5002 | Spooler stopped | Restart the spooler service |
"""


def test_a_reference_table_row_of_a_documented_code_is_that_problems(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "print-server.txt", PHRICTION_PAGE)
    assert [p.title for p in article.problems] == ['Jobs rejected with "PS-4031 Quota exceeded"', "PS-5002"]
    quota, spooler = article.problems
    assert _texts(quota.steps) == [
        "Open the quota console and find the user.",
        "Raise the monthly quota, or reset the counter.",
    ]
    assert "PS-4031" in quota.error_codes
    # A code that no section documents keeps its row's problem.
    assert spooler.error_codes == ["PS-5002"]
    assert _texts(spooler.steps) == ["Restart the spooler service"]


def test_a_code_alone_is_answered_by_the_section_that_documents_it(tmp_path: Path) -> None:
    read(tmp_path / "docs", "print-server.txt", PHRICTION_PAGE)
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "PS-4031").matches[0]
    assert best.problem.title == 'Jobs rejected with "PS-4031 Quota exceeded"'
    assert best.steps[0].text == "Open the quota console and find the user."


HELPNDOC_TOPIC = """\
<!DOCTYPE html>
<html><head><meta name="generator" content="HelpNDoc Personal Edition 9.2.0.591"><title>Label printer errors</title></head>
<body>
<div id="topic_header"><h1 id="topic_header_text">Label printer errors</h1>
<div id="topic_breadcrumb"><a href="Home.html">LabelDesk Help</a> &rsaquo;&rsaquo; <a href="Errors.html">Errors</a> &rsaquo;&rsaquo;</div></div>
<div id="tree"><ul>
<li><a href="Home.html">Home</a></li>
<li><a href="Errors.html">Errors</a><ul><li><a href="Labelprintererrors.html">Label printer errors</a></li></ul></li>
<li><a href="Contact.html">Contact us</a></li>
</ul></div>
<div id="topic_content">
<h2 class="rvps3"><span class="rvts7">Printer offline (LD-404)</span></h2>
<p class="rvps4"><span class="rvts9">LD-404: The label printer is offline.</span></p>
<p class="rvps2"><span class="rvts10">Cause:</span><span class="rvts6"> the USB cable is loose.</span></p>
<p class="rvps2"><span class="rvts10">To fix the problem:</span></p>
<ol><li class="rvps2"><span class="rvts6">Reconnect the USB cable.</span></li>
<li class="rvps2"><span class="rvts6">Click Retry in the print queue.</span></li></ol>
</div>
<div id="topic_footer"><div id="topic_footer_content">Copyright &copy; 2026 by Example Labels Ltd.</div></div>
<div id="hnd_generated_by">Created with the Personal Edition of HelpNDoc: <a href="https://www.helpndoc.com">Easy EPub and documentation editor</a></div>
</body></html>
"""


def test_a_helpndoc_topics_tree_trail_and_credit_are_no_problem_nor_note(tmp_path: Path) -> None:
    article = read(tmp_path / "docs", "label-printer.html", HELPNDOC_TOPIC)
    [problem] = article.problems
    assert problem.title == "Printer offline (LD-404)"
    assert _texts(problem.steps) == ["Reconnect the USB cable.", "Click Retry in the print queue."]
    assert all("HelpNDoc" not in n.text for n in problem.notes)
    assert "LabelDesk Help" not in problem.symptoms


def test_a_block_of_content_by_a_tree_or_trail_id_is_the_pages_own(tmp_path: Path) -> None:
    # The ids a help tool's chrome is known by, on a section's wrapper (its heading's anchor): its content.
    page = (
        "<html><head><title>Laptop drops off the office Wi-Fi</title></head><body>"
        "<h1>Laptop drops off the office Wi-Fi</h1>"
        "<p>The laptop loses the office network every few minutes.</p>"
        '<div id="tree"><h2>Resolution</h2><ol><li>Open Device Manager and find the wireless adapter.</li>'
        "<li>Turn off power saving for the adapter.</li><li>Restart the laptop.</li></ol></div>"
        "</body></html>"
    )
    [problem] = read(tmp_path / "docs", "wifi.html", page).problems
    assert _texts(problem.steps) == [
        "Open Device Manager and find the wireless adapter.",
        "Turn off power saving for the adapter.",
        "Restart the laptop.",
    ]
    assert "loses the office network" in problem.symptoms
    theme = (
        "<html><head><title>Storefront theme issues</title></head><body><h1>Storefront theme issues</h1>"
        '<div id="breadcrumbs"><h2>Breadcrumbs are missing on product pages</h2>'
        "<p>After upgrading the theme the breadcrumb bar is empty.</p><h3>Resolution</h3>"
        "<ol><li>Open the theme settings.</li><li>Turn on Show breadcrumbs.</li></ol></div>"
        '<div id="search"><h2>Search returns no results</h2><p>Every search shows an empty page.</p>'
        "<h3>Resolution</h3><ol><li>Rebuild the search index.</li></ol></div></body></html>"
    )
    article = read(tmp_path / "docs", "theme.html", theme)
    assert [p.title for p in article.problems] == [
        "Breadcrumbs are missing on product pages",
        "Search returns no results",
    ]
    assert _texts(article.problems[0].steps) == ["Open the theme settings.", "Turn on Show breadcrumbs."]


SWIMM_DOC = """\
---
id: q7w2
title: Invoice export stuck
---

# Invoice export stuck

The nightly export logs:

```
ERROR INV-3301: export lock held by worker 4
```

1. Delete the stale lock row in `export_locks`.
2. Run the export job again.

> **Note:** The lock expires by itself after two hours.

<SwmMeta version="3.0.0" repo-id="Z2l0aHViJTNBJTNBYmlsbGluZw==" repo-name="billing"><sup>Powered by [Swimm](https://app.swimm.io/)</sup></SwmMeta>
"""


def test_a_swimm_documents_powered_by_footer_is_no_note(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "docs", "invoice-export.sw.md", SWIMM_DOC).problems
    assert [n.text for n in problem.notes] == ["Note: The lock expires by itself after two hours."]


def test_a_last_note_that_opens_with_what_it_is_built_with_stays_a_note(tmp_path: Path) -> None:
    # A signature's opening words, then a clause of its own: the page's last note, no footer.
    note = "Built with the export runner 2.4 by default, older workers need the lock table cleared too."
    text = SWIMM_DOC.split("<SwmMeta")[0] + note + "\n"
    [problem] = read(tmp_path / "docs", "invoice-export.sw.md", text).problems
    assert problem.notes[-1].text == note


def test_a_cause_that_opens_with_what_powers_the_tool_stays_the_cause(tmp_path: Path) -> None:
    text = (
        "# Chat assistant stops answering\n\n"
        "## Symptoms\n\n"
        "The assistant shows a spinner and never replies after lunch time.\n\n"
        "## Resolution\n\n"
        "1. Open the admin console.\n"
        "2. Raise the daily token quota.\n\n"
        "## Cause\n\n"
        "Powered by a hosted model, the assistant stops once its daily quota is used up.\n"
    )
    [problem] = read(tmp_path / "docs", "assistant.md", text).problems
    assert problem.cause == (
        "Powered by a hosted model, the assistant stops once its daily quota is used up."
    )


BACKUP_AGENT_PAGE = """\
# Backup agent troubleshooting

## Nightly backup stops after the first volume

The agent's log shows:

    ERROR BK-210: snapshot of /srv failed (cause: KEY-117 vault key rotated)

1. Stop the agent.
2. Remove the snapshot lock in `/var/lib/bkagent/lock`.
3. Start the agent and run the backup again.

## Error codes

| Code | Meaning | What to do |
|------|---------|------------|
| KEY-117 | Vault key rotated | Run `bkagent rekey` and enter the new vault key |
| KEY-118 | Vault sealed | Ask the vault admin to unseal it |
"""


def test_a_code_row_with_its_own_fix_stays_a_problem_where_a_section_quotes_the_code(tmp_path: Path) -> None:
    # The section only quotes KEY-117 inside its own message; the row says how to fix KEY-117 itself.
    article = read(tmp_path / "docs", "backup-agent.md", BACKUP_AGENT_PAGE)
    assert [p.title for p in article.problems] == [
        "Nightly backup stops after the first volume",
        "KEY-117",
        "KEY-118",
    ]
    rekey = article.problems[1]
    assert rekey.error_codes == ["KEY-117"]
    assert _texts(rekey.steps) == ["Run bkagent rekey and enter the new vault key"]
    build_index([tmp_path / "docs"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "KEY-117 vault key rotated").matches[0]
    assert best.problem.title == "KEY-117"


def test_a_code_row_that_points_above_is_the_section_that_quotes_its_code(tmp_path: Path) -> None:
    # The nearest shape that is still folded: the row's fix only sends the reader to the section above.
    page = BACKUP_AGENT_PAGE.replace("Run `bkagent rekey` and enter the new vault key", "See the steps above")
    article = read(tmp_path / "docs", "backup-agent.md", page)
    assert [p.title for p in article.problems] == ["Nightly backup stops after the first volume", "KEY-118"]
    assert "KEY-117" in article.problems[0].error_codes


def test_a_vim_help_title_that_opens_with_its_code_keeps_it(tmp_path: Path) -> None:
    text = (
        "*harbor-proxy.txt*\tFor Harbor version 1.4\n\n"
        "==============================================================================\n"
        "1. Uploads time out\t\t\t\t\t*harbor-proxy-timeout*\n\n"
        "Uploads stop at 99% behind the office proxy.\n\n"
        "==============================================================================\n"
        "502 Bad Gateway from the registry\t\t\t*harbor-502*\n\n"
        "The registry answers every push with a 502 page.\n\n"
        "To fix it:\n"
        "1. Ask the proxy team to raise the upload size limit.\n"
        "2. Push again with |:HarborPush|.\n\n"
        " vim:tw=78:ts=8:noet:ft=help:norl:\n"
    )
    article = read(tmp_path / "docs", "harbor-proxy.txt", text)
    # A section's own number is no word of its title; a code that opens a title is.
    assert [p.title for p in article.problems] == ["Uploads time out", "502 Bad Gateway from the registry"]


def test_a_vim_help_sentence_that_ends_in_a_link_is_no_contents_line(tmp_path: Path) -> None:
    # Two spaces after a full stop, then a link: Vim's style for a sentence, not a contents line.
    text = (
        "*tidepool.txt*\tFor Tidepool version 2.3\n\n"
        "CONTENTS\t\t\t\t\t\t*tidepool-contents*\n\n"
        "1. Sync fails at startup\t\t|tp-sync-fails|\n\n"
        "==============================================================================\n"
        "1. Sync fails at startup\t\t\t\t*tp-sync-fails*\n\n"
        'Vim shows "TP512: cannot reach server" when it starts.\n\n'
        "The server address in your vimrc is wrong.  See the option's entry.  |g:tp_server|\n\n"
        "To fix it:\n"
        "1. Set |g:tp_server| to the new host.\n"
        "2. Restart Vim.\n\n"
        " vim:tw=78:ts=8:noet:ft=help:norl:\n"
    )
    [problem] = read(tmp_path / "docs", "tidepool.txt", text).problems
    said = problem.symptoms + " " + problem.cause
    assert "The server address in your vimrc is wrong." in said
    assert "g:tp_server" in said
    # The contents line stays no text of it.
    assert "|tp-sync-fails|" not in said and "tp-sync-fails" not in said


def test_vim_help_sub_headings_part_a_sections_symptom_cause_and_fix(tmp_path: Path) -> None:
    text = (
        "*tidepool.txt*\tFor Tidepool version 2.3\n\n"
        "==============================================================================\n"
        "1. Sync fails at startup\t\t\t\t*tp-sync-fails*\n\n"
        "Symptom ~\n"
        "Vim shows this when it starts: >\n"
        "\tTP512: cannot reach server sync.example.org\n"
        "<\n"
        "Cause ~\n"
        "The server address in your vimrc points to the old host.\n\n"
        "Fix ~\n"
        "1. Set |g:tp_server| to the new host.\n"
        "2. Restart Vim.\n\n"
        " vim:tw=78:ts=8:noet:ft=help:norl:\n"
    )
    [problem] = read(tmp_path / "docs", "tidepool.txt", text).problems
    assert problem.cause == "The server address in your vimrc points to the old host."
    assert "~" not in problem.symptoms and "Cause" not in problem.symptoms
    assert problem.error_codes == ["TP512"]
    assert _texts(problem.steps) == ["Set g:tp_server to the new host.", "Restart Vim."]


def test_a_vim_help_examples_own_indentation_is_kept(tmp_path: Path) -> None:
    text = (
        "*tidepool.txt*\tFor Tidepool version 2.3\n\n"
        "Sync goes to the old server\t\t\t\t*tp-old-server*\n\n"
        "To fix it:\n"
        "1. Stop the sync with |:TidepoolStop|.\n"
        "2. Set the server in your config: >yaml\n"
        "\tsync:\n"
        "\t  server: https://sync.example.org\n"
        "\t  retries: 3\n"
        "<\n"
        "3. Start the sync again.\n\n"
        " vim:tw=78:ts=8:noet:ft=help:norl:\n"
    )
    [problem] = read(tmp_path / "docs", "tidepool.txt", text).problems
    # Only the example's common indentation is the help file's: the YAML's nesting is the example's own.
    assert "```\nsync:\n  server: https://sync.example.org\n  retries: 3\n```" in problem.steps[1].markdown
