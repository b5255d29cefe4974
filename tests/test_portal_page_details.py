"""Details of help-centre and exported pages that were misread: the furniture a portal sets around the
article (Freshdesk's "powered by" line, Help Scout's "Still need help?" box, Zoho Desk's tags box), a
SharePoint code snippet's language label, a Help Scout section's unlabelled cause paragraph, the indented
levels of a Word filtered page's lists, and a bulleted list of alternatives under a problem.

Each test writes a small article of its own in the style and reads it with the real indexer, with a guard
for the nearest shape that must read as before.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A Freshdesk solution article as the portal serves it: the vote box, the footer's links and, outside the
# footer, the help desk's "powered by" line in a block classed "copyright".
FRESHDESK_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Card reader troubleshooting : Parcelo Support</title></head>
<body>
<section class="main content fc-article-show">
<h2 class="heading">Card reader troubleshooting</h2>
<article class="article-body" id="article-body">
<h3><strong>Reader not paired (CR-12)</strong></h3>
<p>The till shows <code>Card reader not paired (CR-12)</code>.</p>
<ol><li>Hold the reader's power button for ten seconds.</li><li>Pair it again under <b>Settings &gt; Devices</b>.</li></ol>
<p>If the reader still does not pair, send us its serial number.</p>
</article>
<div class="article-vote"><p>Did you find it helpful? <span>Yes</span> <span>No</span></p></div>
</section>
<footer class="footer rounded-6"><nav class="footer-links"><a href="/support/home">Home</a></nav></footer>
<div class="copyright"><a href="https://freshdesk.com/helpdesk-software">Help Desk Software</a> powered by Freshdesk</div>
</body></html>
"""


def test_a_help_desk_s_copyright_block_is_no_note(tmp_path: Path) -> None:
    [problem] = read(tmp_path / "kb", "card-reader.html", FRESHDESK_PAGE).problems
    assert problem.title == "Reader not paired (CR-12)"
    assert [s.text for s in problem.steps] == [
        "Hold the reader's power button for ten seconds.",
        "Pair it again under Settings > Devices.",
    ]
    # Before: "Help Desk Software powered by Freshdesk" was a second note after the steps.
    assert [n.text for n in problem.notes] == [
        "If the reader still does not pair, send us its serial number."
    ]


def test_an_article_s_paragraph_about_copyright_stays_the_article_s(tmp_path: Path) -> None:
    page = FRESHDESK_PAGE.replace(
        "<p>If the reader still does not pair, send us its serial number.</p>",
        '<p class="copyright-note">Copyright notices on receipts are set under <b>Settings &gt; Receipts</b>.</p>',
    )
    page = page.split('<div class="copyright">')[0] + "</body></html>\n"
    [problem] = read(tmp_path / "kb", "card-reader.html", page).problems
    assert [n.text for n in problem.notes] == [
        "Copyright notices on receipts are set under Settings > Receipts."
    ]
