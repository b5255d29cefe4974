"""What review r9a found in help-desk portals' house styles: a Q&A wiki's answer whose step sets a
variable in inline code (`NAME: value`), a help centre's page whose <title> is "article | site" over the
site's top menu, an error block between the sentence that announces it and the numbered steps with no
label between, and a known-error article's "Scenario 1" / "Scenario 2" in every field.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Tettra page: each question a bold "Q:" line, its answer an "A:" paragraph that says why, then the
# numbered fix; a step sets a variable, written in inline code as the CI file has it.
QA_WIKI = """\
# Build pipeline questions

**Q: Why does the integration job time out?**

A: The job starts before the cache service is ready.

1. Add a `redis:7` service to the job.
2. Set `CACHE_URL: redis://cache:6379/0` in the job's variables.
3. Run the pipeline again.

**Q: Why does the deploy job stop with an error?**

A: The deploy key has expired.

1. If the log shows the error `Permission denied (publickey)`, create a new deploy key.
2. Add the key under **Settings > Repository**.
"""


def test_a_variable_an_answer_s_step_sets_in_inline_code_is_no_error_message(tmp_path: Path) -> None:
    timeout, deploy = read(tmp_path / "kb", "pipeline-faq.md", QA_WIKI).problems
    assert timeout.title == "Why does the integration job time out?"
    assert timeout.cause == "The job starts before the cache service is ready."
    assert timeout.error_messages == []
    assert [s.text for s in timeout.steps] == [
        "Add a redis:7 service to the job.",
        "Set CACHE_URL: redis://cache:6379/0 in the job's variables.",
        "Run the pipeline again.",
    ]
    # Guard: what a step calls an error is still the problem's message, as under a Resolution heading.
    assert deploy.error_messages == ["Permission denied (publickey)"]
    assert len(deploy.steps) == 2
