"""Forum and question-and-answer pages saved as articles: a Discourse topic as its text export writes it
(each post under a ``name | date | #n`` line, posts apart by a row of dashes) and a Stack Exchange question
page saved as HTML (its top bar, the accepted answer's sub-headings, a bold line that opens another case).

Each test writes a small article of its own in one site's style, finds it as `kb index` does and reads it
with the real indexer.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

# A Discourse topic as its text export writes it: each post under its writer's name, when and its number,
# the posts apart by a row of dashes; the topic's category and tags, and the line the solved plugin prints
# naming the answer, over the first post.
DISCOURSE_TOPIC = """\
# Sync client stops with "journal is read-only" after the 3.2 update

Category: Desktop client > macOS · Tags: `sync`, `journal` · **Solved**

> Solved by **t_okafor** in [post #4](https://forum.example.org/t/journal-read-only/5120/4)

r_lindqvist | 2025-06-03 08:41:10 UTC | #1

Hi everyone,

After updating to 3.2 the client stops syncing within a minute and the activity log ends with:

```
sync: fatal: journal is read-only (SC-JRN-04)
```

-------------------------

mbeck | 2025-06-03 09:02:55 UTC | #2

Reinstalling worked for me:

1. Uninstall the client.
2. Install 3.2 again.

-------------------------

r_lindqvist | 2025-06-03 10:12:40 UTC | #3

Reinstalled twice, same error.

-------------------------

t_okafor | 2025-06-03 11:30:12 UTC | #4

This is a known issue with 3.2: the journal moved into the app's container, and a copy restored from a backup keeps its old read-only flag.

1. Quit the client.
2. Run `chflags nouchg ~/Library/Containers/sync/journal.db`.
3. Start the client again.

-------------------------

r_lindqvist | 2025-06-04 07:15:40 UTC | #5

That fixed it, thanks!

-------------------------

system | 2025-06-05 07:15:40 UTC | #6

This topic was automatically closed 24 hours after the last reply. New replies are no longer allowed.
"""


def test_a_discourse_export_s_first_post_is_the_problem_and_the_named_post_its_fix(tmp_path: Path) -> None:
    # Its bylines ("r_lindqvist | 2025-06-03 08:41:10 UTC | #1") opened no post: the whole page was one
    # problem whose symptoms were every post's words and bylines, and the thanks and the system's closing
    # post were notes of the fix.
    article = read(tmp_path, "journal.md", DISCOURSE_TOPIC)
    (problem,) = article.problems
    assert problem.title == 'Sync client stops with "journal is read-only" after the 3.2 update'
    assert not problem.whole_article
    assert problem.symptoms.startswith("After updating to 3.2 the client stops syncing")
    for said in ("| #", "Category:", "Reinstall", "Hi everyone"):
        assert said not in problem.symptoms
    assert problem.error_messages == ["sync: fatal: journal is read-only (SC-JRN-04)"]
    # Post #4, which the solved line names, not the first reply that gives steps.
    assert [s.text for s in problem.steps] == [
        "Quit the client.",
        "Run chflags nouchg ~/Library/Containers/sync/journal.db.",
        "Start the client again.",
    ]
    assert problem.cause.startswith("This is a known issue with 3.2: the journal moved")
    assert problem.notes == []
    for said in ("That fixed it, thanks!", "automatically closed", "Reinstalled twice", "t_okafor | 2025"):
        assert said in article.body


def test_a_discourse_export_with_no_solved_line_takes_the_reply_the_asker_thanks(tmp_path: Path) -> None:
    # The text export keeps no mark of the answer: without the solved line, no fix was found and the
    # page was read as one problem of every post. Not the first reply with steps either: the asker says
    # it failed ("Reinstalled twice, same error.") and thanks post #4.
    text = DISCOURSE_TOPIC.replace(
        "> Solved by **t_okafor** in [post #4](https://forum.example.org/t/journal-read-only/5120/4)\n\n", ""
    )
    (problem,) = read(tmp_path, "journal.md", text).problems
    assert not problem.whole_article
    assert problem.error_messages == ["sync: fatal: journal is read-only (SC-JRN-04)"]
    assert [s.text for s in problem.steps] == [
        "Quit the client.",
        "Run chflags nouchg ~/Library/Containers/sync/journal.db.",
        "Start the client again.",
    ]


def test_a_discourse_export_whose_replies_give_no_steps_is_read_as_a_page(tmp_path: Path) -> None:
    # Guard: a discussion with no reply that gives steps has no fix to tell; it stays one page.
    text = (
        "# Journal format of the 3.2 client\n\n"
        "r_lindqvist | 2025-06-03 08:41:10 UTC | #1\n\nWhere can I read about the new journal format?\n\n"
        "-------------------------\n\n"
        "t_okafor | 2025-06-03 11:30:12 UTC | #2\n\nNot yet, the docs team is on it.\n"
    )
    (problem,) = read(tmp_path, "journal-format.md", text).problems
    assert problem.whole_article
    said = [problem.symptoms, *(s.text for s in problem.steps)]
    assert "Not yet, the docs team is on it." in said


# A Stack Exchange question page saved as HTML: the site's top bar over the question, the <title> with the
# question's tag before its title and the site's name after it.
STACK_EXCHANGE_TOP_BAR = """\
<!DOCTYPE html>
<html><head><title>mysql - Replica stops with "Could not execute Write_rows event" - Database Administrators Stack Exchange</title></head>
<body class="question-page">
<header class="s-topbar"><div class="s-topbar--container">
<a href="https://stackexchange.com" class="s-topbar--logo">Stack Exchange</a>
<ol class="s-topbar--content"><li><a href="/questions">Questions</a></li><li><a href="/tags">Tags</a></li></ol>
</div></header>
<div id="question-header"><h1 itemprop="name">Replica stops with "Could not execute Write_rows event"</h1></div>
<div id="mainbar">
<div class="question" id="question"><div class="s-prose js-post-body" itemprop="text">
<p>Our replica stopped applying events. <code>SHOW REPLICA STATUS</code> says:</p>
<pre><code>Last_SQL_Error: Could not execute Write_rows event on table shop.orders; Duplicate entry '4411' for key 'PRIMARY', Error_code: 1062
</code></pre>
</div></div>
<div id="answer-7" class="answer accepted-answer" itemprop="acceptedAnswer"><div class="s-prose js-post-body" itemprop="text">
<ol><li><p>Compare the row on both servers.</p></li><li><p>Skip the event with <code>SET GLOBAL sql_replica_skip_counter = 1</code>.</p></li></ol>
</div></div>
</div></body></html>
"""


def test_a_stack_exchange_page_s_top_bar_is_no_problem_and_its_h1_titles_it(tmp_path: Path) -> None:
    # The top bar ("s-topbar") was a problem of its own, titled by the <title> with the tag and the
    # site's name, its link "Questions" a step.
    article = read(tmp_path, "write-rows.html", STACK_EXCHANGE_TOP_BAR)
    assert article.title == 'Replica stops with "Could not execute Write_rows event"'
    (problem,) = article.problems
    assert problem.title == 'Replica stops with "Could not execute Write_rows event"'
    assert [s.text for s in problem.steps] == [
        "Compare the row on both servers.",
        "Skip the event with SET GLOBAL sql_replica_skip_counter = 1.",
    ]
    assert "Questions" not in article.body


def test_a_layout_class_that_says_the_page_has_a_top_bar_is_the_article_s(tmp_path: Path) -> None:
    # Guard: "has-topbar" says how the page is laid out; the block so classed holds the article.
    bar = STACK_EXCHANGE_TOP_BAR[
        STACK_EXCHANGE_TOP_BAR.index("<header") : STACK_EXCHANGE_TOP_BAR.index("<div id=")
    ]
    text = (
        STACK_EXCHANGE_TOP_BAR.replace(bar, "")
        .replace('<div id="question-header">', '<div class="container has-topbar"><div id="question-header">')
        .replace("</div></body>", "</div></div></body>")
    )
    (problem,) = read(tmp_path, "write-rows.html", text).problems
    assert problem.title == 'Replica stops with "Could not execute Write_rows event"'
    assert len(problem.steps) == 2


# A Stack Exchange question page whose accepted answer has sections of its own (its <h2>s: the fix, a
# case of another error and what to do then, how to keep it from coming back), and a down-voted answer.
STACK_EXCHANGE_SECTIONED_ANSWER = """\
<!DOCTYPE html>
<html><head><title>Celery worker rejects jobs with "Received unregistered task"</title></head>
<body class="question-page">
<div id="question-header"><h1 itemprop="name">Celery worker rejects jobs with "Received unregistered task"</h1></div>
<div id="mainbar">
<div class="question" id="question"><div class="s-prose js-post-body" itemprop="text">
<p>Since this morning's deploy every charge job fails and the worker logs:</p>
<pre><code>ERROR/MainProcess Received unregistered task of type 'billing.tasks.charge'.
</code></pre>
</div></div>
<div id="answers">
<h2 data-answercount="2">2 Answers <span style="display:none" itemprop="answerCount">2</span></h2>
<div id="answer-31" class="answer accepted-answer" itemprop="acceptedAnswer"><div class="s-prose js-post-body" itemprop="text">
<p>The worker imports only the modules listed in the app's <code>include</code>, and <code>billing.tasks</code> was added after the workers were last started.</p>
<h2>Register the task</h2>
<ol><li><p>Add <code>billing.tasks</code> to <code>include</code> in <code>celery.py</code>.</p></li><li><p>Restart the workers.</p></li></ol>
<h2>If the worker then logs "No module named 'billing'"</h2>
<p>If the restarted worker logs</p>
<pre><code>ModuleNotFoundError: No module named 'billing'
</code></pre>
<p>the workers start in a directory the package cannot be imported from:</p>
<ol><li><p>Set <code>WorkingDirectory=/srv/app</code> in the worker's unit file.</p></li><li><p>Run <code>systemctl daemon-reload</code> and restart the workers.</p></li></ol>
<h2>Keep it from coming back</h2>
<ul><li>Run <code>celery -A proj inspect registered</code> in the deploy check.</li></ul>
</div></div>
<div id="answer-32" class="answer" data-score="-2" itemprop="suggestedAnswer"><div class="s-prose js-post-body" itemprop="text">
<p>Just reboot the server, that always works for me.</p>
</div></div>
</div></div></body></html>
"""


def test_an_accepted_answer_s_own_sections_are_its_parts_and_the_next_answer_is_no_step(
    tmp_path: Path,
) -> None:
    # The answer's <h2>s stood at the level of the answers' heading: its first paragraph was a step, the
    # down-voted answer after its last <h2> a group of steps.
    article = read(tmp_path, "unregistered.html", STACK_EXCHANGE_SECTIONED_ANSWER)
    first, other = article.problems
    assert first.title == 'Celery worker rejects jobs with "Received unregistered task"'
    assert first.cause.startswith("The worker imports only the modules listed in the app's include")
    assert [(s.group, s.text) for s in first.steps] == [
        ("Register the task", "Add billing.tasks to include in celery.py."),
        ("Register the task", "Restart the workers."),
        ("Keep it from coming back", "Run celery -A proj inspect registered in the deploy check."),
    ]
    assert "reboot" not in " ".join(n.text for n in first.notes)
    assert "Just reboot the server" in article.body
    # The case of another error under the answer's own heading is a problem of that error.
    assert other.title == "If the worker then logs \"No module named 'billing'\""
    assert "ModuleNotFoundError: No module named 'billing'" in other.error_messages
    assert [s.text for s in other.steps] == [
        "Set WorkingDirectory=/srv/app in the worker's unit file.",
        "Run systemctl daemon-reload and restart the workers.",
    ]


def test_an_accepted_answer_without_sections_is_read_as_before(tmp_path: Path) -> None:
    # Guard: the same answer with no <h2>s: its paragraph the cause, its list the steps, the down-voted
    # answer searchable body.
    start = STACK_EXCHANGE_SECTIONED_ANSWER.index("<h2>Register the task</h2>")
    end = STACK_EXCHANGE_SECTIONED_ANSWER.index("</ol>", start) + len("</ol>")
    text = (
        STACK_EXCHANGE_SECTIONED_ANSWER[:start]
        + STACK_EXCHANGE_SECTIONED_ANSWER[start:end].replace("<h2>Register the task</h2>\n", "")
        + STACK_EXCHANGE_SECTIONED_ANSWER[
            STACK_EXCHANGE_SECTIONED_ANSWER.index('</div></div>\n<div id="answer-32"') :
        ]
    )
    article = read(tmp_path, "unregistered.html", text)
    (problem,) = article.problems
    assert problem.cause.startswith("The worker imports only the modules listed in the app's include")
    assert [s.text for s in problem.steps] == [
        "Add billing.tasks to include in celery.py.",
        "Restart the workers.",
    ]
    assert "Just reboot the server" in article.body


# A Stack Exchange answer that sets off a branch of its fix by a bold line alone: the case of another error,
# over the output that shows it, then what to do then.
STACK_EXCHANGE_BOLD_CASE = """\
<!DOCTYPE html>
<html><head><title>pip install fails with "externally-managed-environment"</title></head>
<body class="question-page">
<div id="question-header"><h1 itemprop="name">pip install fails with "externally-managed-environment"</h1></div>
<div id="mainbar">
<div class="question" id="question"><div class="s-prose js-post-body" itemprop="text">
<p>On a fresh Debian 12 server <code>pip install tabulate</code> stops with:</p>
<pre><code>error: externally-managed-environment
</code></pre>
</div></div>
<div id="answers">
<h2 data-answercount="1">1 Answer</h2>
<div id="answer-8" class="answer accepted-answer" itemprop="acceptedAnswer"><div class="s-prose js-post-body" itemprop="text">
<p>Debian 12 marks its system Python as managed by apt, so pip refuses to install into it. Use a virtual environment:</p>
<ol><li><p>Run <code>python3 -m venv ~/.venvs/tools</code>.</p></li><li><p>Run <code>~/.venvs/tools/bin/pip install tabulate</code>.</p></li></ol>
<p><strong>If the first step fails with "ensurepip is not available"</strong></p>
<pre><code>The virtual environment was not created successfully because ensurepip is not available.
</code></pre>
<p>the venv module is packaged apart on Debian:</p>
<ol><li><p>Run <code>sudo apt install python3-venv</code>.</p></li><li><p>Create the environment again.</p></li></ol>
</div></div>
</div></div></body></html>
"""


def test_a_bold_case_of_another_error_in_an_answer_is_a_problem_of_its_own(tmp_path: Path) -> None:
    # The bold line was a note, the error under it another, and its steps a second group of the first
    # error's fix; the answer's explanation before "Use a virtual environment:" a group's name.
    article = read(tmp_path, "pep668.html", STACK_EXCHANGE_BOLD_CASE)
    first, other = article.problems
    assert first.title == 'pip install fails with "externally-managed-environment"'
    assert (
        first.cause
        == "Debian 12 marks its system Python as managed by apt, so pip refuses to install into it."
    )
    assert [s.text for s in first.steps] == [
        "Run python3 -m venv ~/.venvs/tools.",
        "Run ~/.venvs/tools/bin/pip install tabulate.",
    ]
    assert all("ensurepip" not in n.text for n in first.notes)
    assert other.title == 'If the first step fails with "ensurepip is not available"'
    assert (
        "The virtual environment was not created successfully because ensurepip is not available."
        in other.error_messages
    )
    assert [s.text for s in other.steps] == [
        "Run sudo apt install python3-venv.",
        "Create the environment again.",
    ]


def test_a_bold_line_over_output_that_sets_no_case_stays_in_its_fix(tmp_path: Path) -> None:
    # Guard: a bold line that only labels what a step prints ("**The check then prints**") opens no case.
    text = (
        '# Nightly export stops with "quota exceeded"\n\n'
        "The export stops halfway and logs `quota exceeded (EXP-507)`.\n\n"
        "## Resolution\n\n"
        "1. Raise the quota to 50 GB.\n"
        "2. Run the export check.\n\n"
        "**The check then prints**\n\n"
        "```\nquota: 50 GB, used: 31 GB\n```\n\n"
        "1. Start the export again.\n"
    )
    (problem,) = read(tmp_path, "export-quota.md", text).problems
    assert [s.text for s in problem.steps][:2] == ["Raise the quota to 50 GB.", "Run the export check."]
    assert "Start the export again." in [s.text for s in problem.steps]


# The solution post adds, after its steps, the case of another error and what to do then, in one paragraph.
OTHER_ERROR_CASE = (
    "If the client was stopped while it moved the journal, you get `journal version 0 is not supported "
    "(SC-JRN-11)` instead; quit the client, delete `journal.db*` and start it again. It uploads the last "
    "day's changes again, so expect a slow first sync.\n\n"
)


def test_another_error_s_case_after_a_solution_s_steps_is_a_problem_of_that_error(tmp_path: Path) -> None:
    # It was a note of the first error's fix: pasted, its error got that fix (chflags) with confidence.
    text = DISCOURSE_TOPIC.replace(
        "3. Start the client again.\n\n", "3. Start the client again.\n\n" + OTHER_ERROR_CASE
    )
    first, other = read(tmp_path / "kb", "journal.md", text).problems
    assert all("SC-JRN-11" not in n.text for n in first.notes)
    assert len(first.steps) == 3
    assert other.title == "journal version 0 is not supported (SC-JRN-11)"
    assert other.error_messages == ["journal version 0 is not supported (SC-JRN-11)"]
    assert other.error_codes == ["SCJRN11"]
    assert [s.text for s in other.steps] == [
        "quit the client, delete journal.db* and start it again. It uploads the last day's changes again, "
        "so expect a slow first sync."
    ]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(
        KnowledgeBase(tmp_path / "index.db"), "journal version 0 is not supported (SC-JRN-11)"
    ).matches[0]
    assert (best.problem.id, best.confidence) == ("journal#2", "high")


def test_a_remark_after_the_steps_on_the_problem_s_own_error_stays_a_note(tmp_path: Path) -> None:
    # Guard: the same case on the error the problem quotes is a remark on its fix, not another problem.
    case = OTHER_ERROR_CASE.replace("journal version 0 is not supported (SC-JRN-11)", "journal is read-only")
    text = DISCOURSE_TOPIC.replace("3. Start the client again.\n\n", "3. Start the client again.\n\n" + case)
    (problem,) = read(tmp_path, "journal.md", text).problems
    assert any("journal.db*" in n.text for n in problem.notes)
