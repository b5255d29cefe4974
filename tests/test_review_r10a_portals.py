"""What review r10a found around help-desk portals' articles: a help centre's search header ("How can we
help?" over the search field) before the article, a FAQ page's search box, feedback prompt and footer in
classes its product names in camelCase, a chat widget under the article, a knowledge base export's footer
of related entries and page actions after its last rule, and a portal's "Related Items" field.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Crisp-like help centre's page: the site's header, its heading a question to the reader over the search
# field, and a category card before the article; the article's own problems are its <h2>s.
SEARCH_HEADER_PAGE = """\
<html><head><title>Label printing fails | Shipwise Help Center</title></head><body>
<header class="hc-top">
  <h2 class="hc-top-title">How can we help?</h2>
  <form class="hc-search" action="/search"><input type="search" name="q" placeholder="Search the help center"></form>
</header>
<div class="hc-category-card"><a href="/en/category/labels/"><span>Labels</span> <span>9 articles</span></a></div>
<article>
  <h1>Label printing fails</h1>
  <h2>"403 Forbidden: carrier account suspended"</h2>
  <p>Labels stay in the queue. The carrier suspended the account after a failed payment.</p>
  <ol><li>Open Carriers.</li><li>Update the card on file.</li></ol>
  <h2>Labels print blank</h2>
  <p>The printer feeds an empty label.</p>
  <ol><li>Switch the printer to direct thermal mode.</li></ol>
</article>
</body></html>
"""


def test_a_help_centre_s_search_header_is_no_problem(tmp_path: Path) -> None:
    article = read(tmp_path / "kb", "labels.html", SEARCH_HEADER_PAGE)
    suspended, blank = article.problems
    assert article.title == "Label printing fails"
    assert suspended.title == '"403 Forbidden: carrier account suspended"'
    assert suspended.error_messages == ["403 Forbidden: carrier account suspended"]
    assert [step.text for step in suspended.steps] == ["Open Carriers.", "Update the card on file."]
    assert blank.title == "Labels print blank"
    assert [step.text for step in blank.steps] == ["Switch the printer to direct thermal mode."]
    assert "How can we help" not in " ".join(p.title for p in article.problems)


def test_a_page_header_without_a_search_field_stays_the_article_s(tmp_path: Path) -> None:
    # Guard: a <header> that holds the article's own title, and no search field, titles the page.
    page = SEARCH_HEADER_PAGE.replace(
        SEARCH_HEADER_PAGE[SEARCH_HEADER_PAGE.index("<header") : SEARCH_HEADER_PAGE.index("<article>")], ""
    ).replace(
        "<article>\n  <h1>Label printing fails</h1>",
        "<header><h1>Label printing fails</h1></header>\n<article>",
    )
    article = read(tmp_path / "kb", "labels.html", page)
    assert article.title == "Label printing fails"
    assert [p.title for p in article.problems] == [
        '"403 Forbidden: carrier account suspended"',
        "Labels print blank",
    ]
