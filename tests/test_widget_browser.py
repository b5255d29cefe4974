"""The widget end to end in headless Chromium.

The API runs in a live uvicorn on one loopback port; the portal page that embeds
the widget is served from another port, a second origin, so every call the widget
makes is a real cross-origin request through the CORS allow-list.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from live import live_server
from pydantic import SecretStr

from api.http import create_app
from api.settings import Settings
from indexer.build import build_index

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("KB_TEST_ARTIFACTS") or REPO / "build" / "test-artifacts")
KEY = "browser-admin-key"
SEED_ERROR = (
    "Sync failed for user jdoe: The domain portion of the userPrincipalName property is invalid. "
    "You must use one of the verified domain names in your organization."
)
SEED_PROBLEM = "jumpcloud-m365#2"
NO_ANSWER = "the coffee machine on floor three is leaking water"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# An article whose text is full of markup, in our own words: the widget must show it as text.
HOSTILE_ARTICLE = """\
---
id: markup-in-text
title: Editor shows <script> tags in pasted HTML
---

# Editor shows <script> tags in pasted HTML

## Pasting HTML into the editor shows raw <script> tags

### Symptoms

After pasting, the editor shows <script>window.__kbInjected = 1</script> literally.

### Error messages

> Zorblax paste filter rejected <img src=x onerror="window.__kbInjected = 2"> element

### Resolution

1. Remove the <script>window.__kbInjected = 3</script> block from the source before pasting.
2. Open [the filter settings](javascript:window.__kbInjected=4) and switch **strict mode** on.
3. Paste again and check for <b>bold</b> text that stays plain.
4. Set `paste_filter_level` to _lenient_ for the user_principal_name field:

   ```text
   set paste_filter_level lenient
   ```

   | Setting | Value |
   | --- | --- |
   | paste_filter_level | lenient |

   > [!NOTE]
   > The change applies after the editor reloads. See [the guide](https://docs.example/paste).
"""

# Steps whose Markdown once took the widget's inline renderer seconds to minutes (each
# scan went to the end of the text from every bracket, star or backtick).
SLOW_MARKUP_ARTICLE = """\
---
id: slow-markup
title: Quixplod renderer stalls on brackets
---

# Quixplod renderer stalls on brackets

## Quixplod renderer stalls on long runs of markup characters

### Error messages

> Quixplod renderer stalled on markup

### Resolution

1. Brackets: {brackets}
2. Stars: {stars}
3. Backticks: {backticks}
""".format(brackets="[" * 20_000, stars="*a" * 10_000, backticks="`" * 20_000)


# Two whole-article problems (titled like their articles), published at a known address, with a
# relative link in a step: in our own words.
WHOLE_ARTICLES = {
    "frobnicator-reboots": """\
---
id: frobnicator-reboots
title: Frobnicator keeps rebooting after the firmware update
url: https://docs.example/kb/frobnicator/reboots
---

# Frobnicator keeps rebooting after the firmware update

After the 4.2 firmware update the frobnicator restarts every few minutes.

1. Hold the frobnicator's reset button for ten seconds.
2. Follow [Clearing the frobnicator cache](../cache/clear#steps) to empty the cache.
""",
    "badge-reader": """\
---
id: badge-reader
title: Badge reader refuses every card
---

# Badge reader refuses every card

## Symptoms

The badge reader at the door refuses every card and its light stays red.

## Cause

This issue occurs for one of the following reasons:

- The door controller is offline.
- The reader's certificate has expired.

## Resolution

1. Restart the door controller.
""",
    "turnstile-errors": """\
---
id: turnstile-errors
title: Turnstile errors
---

# Turnstile errors

## Error: `turnstile jammed at gate seven`

The arm stops half way, and the gate panel shows:

```text
Error: turnstile jammed at gate seven, arm held half open
```

> [!NOTE]
> This error was reported once, by the night shift.

## Error: `turnstile refused the badge`

```text
Error: turnstile refused the badge at gate two
```

1. Restart the turnstile.
""",
    "frobnicator-blank": """\
---
id: frobnicator-blank
title: Frobnicator shows a blank screen after the firmware update
---

# Frobnicator shows a blank screen after the firmware update

After the 4.2 firmware update the frobnicator's screen stays blank.

1. Unplug the frobnicator for a minute.
2. Plug the frobnicator in again and wait for the firmware update to finish.
""",
}


@dataclass
class Site:
    """The live API, the portal page that embeds the widget, and where feedback is kept."""

    api: str
    page: str
    feedback_db: Path
    pages: Path  # the portal's own folder, served from its own origin


def find_chromium() -> str:
    """Debian's Chromium, or skip with the way to get it."""
    path = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("needs Chromium (Debian package 'chromium'); `make test` installs it where apt-get can")
    return path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the portal page; says nothing on stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def portal_page(
    folder: Path,
    api: str,
    support: str = "mailto:help@portal.example",
    *,
    name: str = "index.html",
    extra: str = "",
) -> None:
    """The portal's page: its own content plus the widget's two tags, as the README says."""
    (folder / name).write_text(
        f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Portal</title></head>
<body><h1>Contoso support portal</h1>
<div id="kb-answer"></div>
<script src="{api}/widget.js" data-kb-url="{api}" data-support-url="{support}"{extra} defer></script>
</body></html>
""",
        encoding="utf-8",
    )


@contextlib.contextmanager
def static_site(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free loopback port: the portal's own origin."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("widget")
    articles = Path(shutil.copytree(REPO / "kb", root / "articles"))
    (articles / "markup-in-text.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    for name, text in WHOLE_ARTICLES.items():
        (articles / f"{name}.md").write_text(text, encoding="utf-8")
    (articles / "slow-markup.md").write_text(SLOW_MARKUP_ARTICLE, encoding="utf-8")
    pages = root / "portal"
    pages.mkdir()
    with static_site(pages) as page_origin:
        settings = Settings(
            db=root / "kb.db",
            articles=[articles],
            api_key=SecretStr(KEY),
            cors_origins=[page_origin],
            feedback_db=root / "feedback.db",
        )
        report = build_index([articles], settings.db)
        assert not report.warnings, report.warnings
        with live_server(create_app(settings)) as api:
            portal_page(pages, api)
            yield Site(
                api=api, page=page_origin + "/index.html", feedback_db=root / "feedback.db", pages=pages
            )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = find_chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (dev extra)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def portal_tab(browser: Any, url: str, **options: Any) -> Iterator[Any]:
    """A fresh browser tab on a portal page with the widget, failing the test on any script error."""
    context = browser.new_context(**options)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(url)
    query_box(tab).wait_for()
    try:
        yield tab
    finally:
        context.close()
    assert not errors, errors


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    """A fresh tab on the portal page."""
    with portal_tab(browser, site.page, viewport={"width": 1024, "height": 900}) as tab:
        yield tab


def query_box(page: Any) -> Any:
    return page.get_by_label("Paste an error message or describe the problem")


def ask(page: Any, text: str) -> None:
    """Type ``text`` into the box and press Enter."""
    box = query_box(page)
    box.fill(text)
    box.press("Enter")


def paste(page: Any, text: str) -> None:
    """Paste ``text`` into the box as a person does (a real paste event)."""
    box = query_box(page)
    box.focus()
    page.evaluate(
        """text => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            const box = document.activeElement;
            box.value = text;
            box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
        }""",
        text,
    )


def shown_steps(page: Any) -> list[str]:
    """The text of each step on screen, in document order, without its sub-steps."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.kba-best .kba-steps > li')].map(li =>
            [...li.childNodes].filter(n => n.nodeName !== 'OL').map(n => n.textContent).join(' ')
              .replace(/\\s+/g, ' ').trim())"""
    )


def flatten(steps: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for step in steps:
        out.append(" ".join(step["text"].split()))
        out.extend(flatten(step["steps"]))
    return out


def feedback_rows(path: Path) -> list[tuple[str, str, str]]:
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return list(conn.execute("SELECT query, problem_id, verdict FROM feedback ORDER BY id"))


def test_pasted_seed_error_shows_the_right_problem_and_its_steps_in_order(page: Any, site: Site) -> None:
    paste(page, SEED_ERROR)
    answer = page.locator(".kba-best")
    answer.wait_for()

    expected = httpx.get(f"{site.api}/v1/problems/{SEED_PROBLEM.replace('#', '%23')}").json()
    assert answer.locator(".kba-title").inner_text() == expected["title"]
    assert "High confidence" in answer.locator(".kba-badge").inner_text()
    steps = shown_steps(page)
    assert steps == flatten(expected["steps"])
    assert steps.index("Open the Microsoft 365 Admin Center.") < steps.index(
        "Navigate to Settings > Domains."
    )
    assert "Answer found with high confidence" in page.locator(".kba-status").inner_text()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-answered.png"), full_page=True)


def test_a_fix_s_lead_in_is_shown_in_its_group_before_its_steps(page: Any, site: Site) -> None:
    paste(page, SEED_ERROR)
    page.locator(".kba-best").wait_for()
    expected = httpx.get(f"{site.api}/v1/problems/{SEED_PROBLEM.replace('#', '%23')}").json()
    lead = next(n for n in expected["notes"] if n["group"] and n["group"].startswith("Step 3"))
    # In the page's order: the group's label, its lead-in, then its first step.
    order = page.evaluate(
        """() => [...document.querySelectorAll('.kba-best .kba-group, .kba-best .kba-aside, .kba-best .kba-steps > li')]
            .map(node => node.className + ':' + node.innerText.trim())"""
    )
    at = order.index(f"kba-aside:{lead['text']}")
    assert order[at - 1] == f"kba-group:{lead['group']}"
    assert order[at + 1].startswith(":In the JumpCloud Admin Console")


def test_typing_a_partial_word_suggests_problems_and_the_keyboard_picks_one(page: Any) -> None:
    box = query_box(page)
    box.press_sequentially("mailnick", delay=20)
    options = page.get_by_role("option")
    options.first.wait_for()
    assert "mailNickname" in options.first.inner_text()
    assert box.get_attribute("aria-controls") == page.get_by_role("listbox").get_attribute("id")

    box.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    box.press("Enter")
    page.locator(".kba-best").wait_for()
    assert "mailNickname" in page.locator(".kba-best .kba-title").inner_text()
    assert page.get_by_role("listbox").is_hidden()


def test_the_first_letters_of_a_next_word_keep_the_suggestions_shown(page: Any) -> None:
    # "mailnick s" asked for the whole word "s", found nothing and closed the list at each new word.
    box = query_box(page)
    box.press_sequentially("mailnick", delay=20)
    options = page.get_by_role("option")
    options.first.wait_for()
    box.press_sequentially(" sy", delay=20)
    page.wait_for_timeout(800)  # past the 250 ms the box waits, and the answer of a request
    assert options.count() > 0 and "mailNickname" in options.first.inner_text()


def test_a_failure_of_a_question_since_replaced_leaves_the_newer_answer(page: Any) -> None:
    # The first question's 500 arrived after the second question's answer and wiped it.
    held: list[Any] = []

    def hold_the_first(route: Any) -> None:
        if not held and "slow question" in (route.request.post_data or ""):
            held.append(route)  # answered below, once the newer answer is shown
        else:
            route.continue_()

    page.route("**/v1/match", hold_the_first)
    ask(page, "slow question")
    ask(page, SEED_ERROR)
    page.locator(".kba-best").wait_for()
    error = {"error": {"code": "internal_error", "message": "boom", "detail": None}}
    held[0].fulfill(status=500, content_type="application/json", body=json.dumps(error))
    page.wait_for_timeout(500)
    assert page.locator(".kba-best").count() == 1
    assert page.locator(".kba-status").inner_text().startswith("Answer found")


@pytest.mark.parametrize("body", ["null", "{}", '{"matches": null}'])
def test_an_answer_in_a_shape_the_page_does_not_know_is_said_not_left_searching(page: Any, body: str) -> None:
    # The page threw inside its answer handler and stayed on "Searching…".
    page.route(
        "**/v1/match", lambda route: route.fulfill(status=200, content_type="application/json", body=body)
    )
    ask(page, SEED_ERROR)
    page.get_by_text(
        "Sorry, the knowledge base answered in a shape this page does not understand."
    ).wait_for()
    assert page.locator(".kba-answer").get_attribute("aria-busy") is None


def test_markup_in_an_article_is_shown_as_text_never_run(page: Any) -> None:
    ask(page, "Zorblax paste filter rejected element")
    answer = page.locator(".kba-best")
    answer.wait_for()

    text = answer.inner_text()
    assert "<script>window.__kbInjected = 3</script>" in text
    assert "<b>bold</b>" in text
    assert page.evaluate("() => window.__kbInjected") is None
    assert answer.locator("script, img, b").count() == 0
    # A javascript: link is shown as its words, not as a link.
    assert answer.get_by_text("the filter settings").count() == 1
    assert answer.locator("a[href^='javascript']").count() == 0
    assert answer.locator("strong", has_text="strict mode").count() == 1


def test_step_markdown_becomes_code_tables_notes_and_safe_links(page: Any) -> None:
    ask(page, "Zorblax paste filter rejected element")
    step = page.locator(".kba-best .kba-steps > li").nth(3)
    step.wait_for()

    assert step.locator("code").first.inner_text() == "paste_filter_level"
    assert step.locator("em").inner_text() == "lenient"
    assert "user_principal_name" in step.inner_text()  # intra-word underscores are not emphasis
    assert step.locator("pre code").inner_text() == "set paste_filter_level lenient"
    assert step.locator("th").all_inner_texts() == ["Setting", "Value"]
    assert step.locator("td").all_inner_texts() == ["paste_filter_level", "lenient"]
    note = step.locator("blockquote.kba-note")
    assert note.inner_text().startswith("Note:")
    link = note.get_by_role("link", name="the guide")
    assert link.get_attribute("href") == "https://docs.example/paste"
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_long_runs_of_markup_characters_render_at_once(page: Any) -> None:
    ask(page, "Quixplod renderer stalled on markup")
    steps = page.locator(".kba-best .kba-steps > li")
    steps.nth(2).wait_for()  # within the tab's 10 s: the renderer once needed minutes here
    assert steps.nth(0).inner_text().count("[") == 20_000
    assert steps.nth(1).inner_text().count("*a") == 10_000
    assert steps.nth(2).inner_text().count("`") == 20_000


def test_feedback_click_stores_a_row(page: Any, site: Site) -> None:
    before = feedback_rows(site.feedback_db)
    paste(page, SEED_ERROR)
    page.locator(".kba-best").wait_for()
    feedback = page.get_by_role("group", name="Was this helpful?")
    feedback.get_by_role("button", name="Yes").click()
    page.get_by_text("Thanks for your feedback.").wait_for()

    assert feedback_rows(site.feedback_db)[len(before) :] == [(SEED_ERROR, SEED_PROBLEM, "yes")]


def test_feedback_on_a_long_query_cut_inside_an_emoji_is_sent(page: Any, site: Site) -> None:
    # The widget sent the first 4,000 UTF-16 units: the half of an emoji's pair at the cut was refused
    # with 422, "Feedback not sent".
    padding = "x" * (3999 - len(SEED_ERROR) - 1)
    paste(page, f"{SEED_ERROR}\n{padding}\U0001f600 and more")
    page.locator(".kba-best").wait_for()
    feedback = page.get_by_role("group", name="Was this helpful?").first
    feedback.get_by_role("button", name="Yes").click()
    page.get_by_text("Thanks for your feedback.").wait_for()


def test_no_answer_query_shows_the_no_answer_state_and_is_reported(page: Any, site: Site) -> None:
    ask(page, NO_ANSWER)
    page.locator(".kba-none").wait_for()

    assert page.get_by_role("heading", name="No confident match").is_visible()
    contact = page.get_by_role("link", name="Contact support")
    assert contact.get_attribute("href") == "mailto:help@portal.example"
    assert page.locator(".kba-best").count() == 0

    report = httpx.get(f"{site.api}/v1/admin/feedback", headers={"Authorization": f"Bearer {KEY}"}).json()
    assert NO_ANSWER in [u["query"] for u in report["unanswered"]]


def test_other_candidates_can_be_opened(page: Any) -> None:
    ask(page, "JumpCloud sync to Microsoft 365 fails")
    page.locator(".kba-answer").get_by_role("heading").first.wait_for()
    others = page.locator(".kba-others button")
    if others.count() == 0:
        pytest.fail("expected other candidates for a vague query over four related problems")
    title = others.first.inner_text().split("\n")[0].strip()
    others.first.click()
    assert page.locator(".kba-best .kba-title").inner_text() == title


def test_keyboard_only_use_and_labels(page: Any) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == query_box(page).get_attribute("id")
    assert query_box(page).get_attribute("placeholder").startswith("Paste an error message")
    page.keyboard.type("Sync failed: The domain portion of the userPrincipalName property is invalid.")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Find answer"
    page.keyboard.press("Enter")
    page.locator(".kba-best").wait_for()
    assert page.get_by_role("search", name="Knowledge base").count() == 1
    assert page.locator(".kba-status").get_attribute("role") == "status"


def test_enter_before_the_suggestions_arrive_shows_the_answer_alone(page: Any) -> None:
    box = query_box(page)
    # Words of a problem's title: what was typed has suggestions, and it is an answerable question.
    box.press_sequentially("Sync fails because mailNickname contains spaces", delay=10)
    box.press("Enter")  # well within the 250 ms the box waits before asking for suggestions
    page.locator(".kba-best").wait_for()
    page.wait_for_timeout(800)  # past the moment a forgotten suggestion request would land
    assert page.get_by_role("listbox").is_hidden()
    assert page.locator(".kba-status").inner_text().startswith("Answer found")


def test_a_cause_that_lists_its_reasons_is_shown_as_a_list(page: Any) -> None:
    ask(page, "the badge reader refuses every card and its light stays red")
    shown = page.locator(".kba-best .kba-cause")
    shown.wait_for()
    assert shown.locator("li").all_inner_texts() == [
        "The door controller is offline.",
        "The reader's certificate has expired.",
    ]
    assert "one of the following reasons:" in shown.locator("p").first.inner_text()


def test_a_remark_on_a_problem_without_steps_is_shown_with_the_words_no_steps(page: Any) -> None:
    ask(page, "Error: turnstile jammed at gate seven, arm held half open")
    best = page.locator(".kba-best")
    best.locator(".kba-aside").wait_for()
    assert "reported once, by the night shift" in best.locator(".kba-aside").inner_text()
    # With no steps to follow, what the article says the problem is is shown.
    assert "The arm stops half way" in best.locator(".kba-symptoms").inner_text()
    assert best.get_by_text("This article gives no steps for this problem.").is_visible()
    assert best.locator(".kba-steps").count() == 0


def test_a_problem_titled_like_its_article_is_named_once(page: Any) -> None:
    title = "Frobnicator keeps rebooting after the firmware update"
    query_box(page).press_sequentially("frobnicator keeps", delay=20)
    option = page.get_by_role("option").first
    option.wait_for()
    assert option.inner_text().count(title) == 1
    ask(page, "frobnicator firmware update")
    others = page.locator(".kba-others button")
    others.first.wait_for()
    texts = others.all_inner_texts()
    frobnicators = [text for text in texts if text.startswith("Frobnicator")]
    assert frobnicators and all(text.count(text.split("\n")[0]) == 1 for text in frobnicators), texts


def test_relative_links_resolve_against_the_articles_address(page: Any) -> None:
    ask(page, "Frobnicator keeps rebooting after the firmware update")
    answer = page.locator(".kba-best")
    answer.wait_for()
    link = answer.get_by_role("link", name="Clearing the frobnicator cache")
    assert link.get_attribute("href") == "https://docs.example/kb/cache/clear#steps"
    assert link.get_attribute("rel") == "noopener noreferrer"
    original = answer.locator(".kba-source a")
    assert original.get_attribute("href") == "https://docs.example/kb/frobnicator/reboots"


def test_no_answer_says_so_once(page: Any) -> None:
    ask(page, NO_ANSWER)
    page.locator(".kba-none").wait_for()
    assert page.locator("#kb-answer").inner_text().count("No confident match") == 1


def test_demo_page_fits_a_phone_and_shows_this_servers_address(browser: Any, site: Site) -> None:
    phone = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2}
    with portal_tab(browser, site.api + "/", **phone) as tab:
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 360
        sample = tab.locator("pre code").inner_text()
        assert f'src="{site.api}/widget.js"' in sample and f'data-kb-url="{site.api}"' in sample
        assert "kb.example" not in tab.locator("body").inner_text()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "demo-phone.png"), full_page=True)


def accessibility_violations(page: Any, context: str) -> list[str]:
    """What axe-core (the engine behind Lighthouse's accessibility audit) finds wrong in ``context``."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="needs axe-playwright-python")
    results = axe.Axe().run(page, context=context)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


def test_every_state_passes_an_accessibility_audit(page: Any, site: Site) -> None:
    box = query_box(page)
    states = {"empty": lambda: None}

    def suggestions() -> None:
        box.press_sequentially("mailnick", delay=20)
        page.get_by_role("option").first.wait_for()
        box.press("ArrowDown")

    def answered() -> None:
        ask(page, SEED_ERROR)
        page.locator(".kba-best").wait_for()

    def no_answer() -> None:
        ask(page, NO_ANSWER)
        page.locator(".kba-none").wait_for()

    states.update(suggestions=suggestions, answered=answered, no_answer=no_answer)
    found = {}
    for name, reach in states.items():
        reach()
        found[name] = accessibility_violations(page, "#kb-answer")
    assert found == {name: [] for name in states}

    page.goto(site.api + "/")
    query_box(page).wait_for()
    # The demo page's own example replaces the widget's generic one.
    assert query_box(page).get_attribute("placeholder").startswith("e.g. The domain portion")
    assert accessibility_violations(page, "body") == []


def test_readable_on_a_phone_width_screen(browser: Any, site: Site) -> None:
    phone = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2}
    with portal_tab(browser, site.page, **phone) as tab:
        paste(tab, SEED_ERROR)
        tab.locator(".kba-best").wait_for()
        # Nothing forces sideways scrolling, and the button spans the narrow screen.
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 360
        button = tab.get_by_role("button", name="Find answer").bounding_box()
        assert button is not None and button["width"] > 300
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / "widget-phone.png"), full_page=True)


def test_a_portal_not_on_the_allow_list_gets_a_clear_message(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    portal_page(tmp_path, site.api)
    with static_site(tmp_path) as other_origin, portal_tab(browser, other_origin + "/index.html") as tab:
        ask(tab, SEED_ERROR)
        tab.get_by_text("could not reach the knowledge base").wait_for()


def test_a_server_without_an_index_is_reported_not_hidden(browser: Any, tmp_path: Path) -> None:
    pages = tmp_path / "portal"
    pages.mkdir()
    with static_site(pages) as origin:
        settings = Settings(db=tmp_path / "missing.db", cors_origins=[origin], feedback_db=tmp_path / "f.db")
        with live_server(create_app(settings)) as api:
            portal_page(pages, api)
            with portal_tab(browser, origin + "/index.html") as tab:
                ask(tab, SEED_ERROR)
                tab.get_by_text("no index is loaded").wait_for()
                assert tab.locator(".kba-best, .kba-none").count() == 0


@pytest.mark.parametrize(
    ("path", "rendered"), [("/docs", ".opblock-summary-path"), ("/redoc", "[data-section-id]")]
)
def test_api_docs_render_offline_from_the_package(browser: Any, site: Site, path: str, rendered: str) -> None:
    context = browser.new_context()
    # Every request that would reach the network passes here (the page's own policy stops
    # others earlier): our server's go through, anything else is noted and refused.
    elsewhere: list[str] = []

    def only_ours(route: Any) -> None:
        if route.request.url.startswith(site.api + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_ours)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    try:
        tab.goto(site.api + path)
        tab.locator(rendered).first.wait_for()
        assert tab.get_by_text("/v1/match").first.is_visible()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"docs{path.replace('/', '-')}.png"))
    finally:
        context.close()
    assert elsewhere == []


def test_a_page_about_one_product_asks_only_about_it(browser: Any, site: Site) -> None:
    """data-product scopes answers and suggestions to that product's articles (case aside)."""
    sent: list[str] = []
    warned: dict[str, list[str]] = {}
    for product, answered in (("jumpcloud microsoft 365 integration", True), ("Some other product", False)):
        portal_page(site.pages, site.api, name="scoped.html", extra=f' data-product="{product}"')
        with portal_tab(browser, site.page.replace("index.html", "scoped.html")) as tab:
            tab.on("request", lambda r: sent.append(r.post_data or r.url) if "/v1/" in r.url else None)
            said = warned.setdefault(product, [])
            tab.on("console", lambda m, said=said: said.append(m.text) if m.type == "warning" else None)
            ask(tab, SEED_ERROR)
            tab.locator(".kba-best" if answered else ".kba-none").wait_for()
    assert any('"product":"Some other product"' in body for body in sent)
    # A product no article has is a misspelt data-product: said to whoever embeds the widget.
    assert warned == {
        "jumpcloud microsoft 365 integration": [],
        "Some other product": [
            'kb-answer: no article in the index has the product "Some other product" (data-product)'
        ],
    }


def test_the_portal_restyles_the_widget_through_its_properties(browser: Any, site: Site) -> None:
    """--kba-* set on #kb-answer (inline, or by a rule of the portal's that widget.css follows)
    reach the widget's parts: widget.css set its defaults on them too, over the portal's."""
    styled = ' style="--kba-accent: rgb(170, 0, 0)"'
    (site.pages / "styled.html").write_text(
        (site.pages / "index.html")
        .read_text(encoding="utf-8")
        .replace("</head>", "<style>#kb-answer { --kba-text: rgb(1, 2, 3); }</style></head>")
        .replace('<div id="kb-answer">', f'<div id="kb-answer"{styled}>'),
        encoding="utf-8",
    )
    with portal_tab(browser, site.page.replace("index.html", "styled.html")) as tab:
        colours = tab.evaluate(
            """() => [getComputedStyle(document.querySelector('.kba-button')).backgroundColor,
                      getComputedStyle(document.querySelector('.kba')).color]"""
        )
    assert colours == ["rgb(170, 0, 0)", "rgb(1, 2, 3)"]
