"""Wiki and help-portal pages saved as HTML: what the page sets around the article is not read as it (review R8a).

Each test writes a short page of its own in one site's style (a MediaWiki page with its section edit
links, category links and warning templates; a Help Scout Docs article with its collection sidebar; a
SharePoint modern page with a Quick links web part beside its text; a Freshdesk portal article under
the portal's banner) and reads it with the real indexer; with a guard for the nearest shape that must
not change.
"""

from __future__ import annotations

from pathlib import Path

from test_house_styles import read

# A MediaWiki page as the browser saves it: each heading followed by its "[edit]" link, then the page's
# "See also", the printed footer "Retrieved from …" and the category links under the content.
MEDIAWIKI_PAGE = """\
<html><head><title>Print server troubleshooting - OpsWiki</title></head><body>
<div id="content" class="mw-body">
<h1 id="firstHeading" class="firstHeading">Print server troubleshooting</h1>
<div id="bodyContent"><div id="mw-content-text"><div class="mw-parser-output">
<h2><span class="mw-headline" id="Spooler_stops">Spooler stops after a driver update</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/index.php?title=Print_server_troubleshooting&amp;action=edit&amp;section=1" title="Edit section: Spooler stops after a driver update">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
<p>The System log shows <code>The Print Spooler service terminated unexpectedly.</code></p>
<ol><li>Remove the new driver package.</li><li>Start the spooler again.</li></ol>
<h2><span class="mw-headline" id="Queue_stuck">Jobs stay in the queue</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/index.php?title=Print_server_troubleshooting&amp;action=edit&amp;section=2" title="Edit section: Jobs stay in the queue">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
<p>Jobs show <code>Error - Printing</code> and never leave the queue.</p>
<ol><li>Stop the spooler.</li><li>Delete the files in the spool folder.</li><li>Start the spooler.</li></ol>
<h2><span class="mw-headline" id="See_also">See also</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/index.php?title=Print_server_troubleshooting&amp;action=edit&amp;section=3" title="Edit section: See also">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
<ul><li><a href="/wiki/Printer_deployment">Printer deployment</a></li></ul>
</div>
<div class="printfooter">Retrieved from "<a dir="ltr" href="https://wiki.example.org/index.php?title=Print_server_troubleshooting&amp;oldid=1207">https://wiki.example.org/index.php?title=Print_server_troubleshooting&amp;oldid=1207</a>"</div></div>
<div id="catlinks" class="catlinks" data-mw="interface"><div id="mw-normal-catlinks" class="mw-normal-catlinks"><a href="/wiki/Special:Categories" title="Special:Categories">Categories</a>: <ul><li><a href="/wiki/Category:Printing" title="Category:Printing">Printing</a></li><li><a href="/wiki/Category:Windows" title="Category:Windows">Windows</a></li></ul></div></div>
</div></div>
</body></html>
"""


def test_a_mediawiki_page_s_edit_links_categories_and_printed_footer_are_not_the_article(
    tmp_path: Path,
) -> None:
    """Review R8a §11: the "[edit]" links ended every title, and "See also[edit]" was a third problem whose
    steps were the linked page and the categories, its note the printed footer's "Retrieved from"."""
    article = read(tmp_path / "wiki", "print-server.html", MEDIAWIKI_PAGE)
    assert article.title == "Print server troubleshooting"
    assert [p.title for p in article.problems] == [
        "Spooler stops after a driver update",
        "Jobs stay in the queue",
    ]
    spooler, queue = article.problems
    assert spooler.error_messages == ["The Print Spooler service terminated unexpectedly."]
    assert [s.text for s in queue.steps] == [
        "Stop the spooler.",
        "Delete the files in the spool folder.",
        "Start the spooler.",
    ]
    assert not queue.notes
    assert "Retrieved from" not in article.body and "Category" not in article.body


def test_a_heading_with_a_link_of_its_own_keeps_its_words(tmp_path: Path) -> None:
    """Guard: a link in a heading that is no wiki's section edit link (a help centre's "edit" wording in
    the title, a link to the setting) stays in the title."""
    page = """<html><head><title>Editing - Help</title></head><body><main>
<h1>Editing problems</h1>
<h2>Cannot <a class="edit-link" href="/settings/edit">edit</a> a shared section</h2>
<p>The editor shows <code>Section is locked by another user</code>.</p>
<ol><li>Ask the other user to close the page.</li><li>Reload the page.</li></ol>
</main></body></html>
"""
    article = read(tmp_path / "help", "editing.html", page)
    [problem] = article.problems
    assert problem.title == "Cannot edit a shared section"
    assert [s.text for s in problem.steps] == ["Ask the other user to close the page.", "Reload the page."]


# A MediaWiki page whose fix ends with a warning template ({{Warning|…}}), which MediaWiki renders as a
# one-row "ambox" table: its icon in one cell, its text in the next.
MEDIAWIKI_WARNING_BOX = """\
<html><head><title>Database replicas - OpsWiki</title></head><body>
<h1 id="firstHeading" class="firstHeading">Database replicas</h1>
<div class="mw-parser-output">
<h2><span class="mw-headline" id="Lag">Replica lag keeps growing</span></h2>
<p>The monitor shows <code>replication lag 1800 s exceeds threshold</code>.</p>
<ol><li>Find the long transaction on the primary.</li>
<li>Ask its owner to end it.</li>
<li>Watch the lag fall.</li></ol>
<table class="ambox ambox-warning" role="presentation"><tbody><tr><td class="mbox-image"><img alt="Warning" src="/images/warning.svg" width="40" height="40"/></td><td class="mbox-text"><b>Warning:</b> Never kill the replication process itself.</td></tr></tbody></table>
<h2><span class="mw-headline" id="Slot">Replication slot is missing</span></h2>
<p>The replica logs <code>replication slot "standby1" does not exist</code>.</p>
<ol><li>Create the slot on the primary.</li></ol>
</div></body></html>
"""


def test_a_mediawiki_warning_template_after_the_steps_is_a_note_and_not_a_step(tmp_path: Path) -> None:
    """Review R8a §17: the "ambox" table after the list was glued onto the last step as a table row,
    "Watch the lag fall. | Warning: …"."""
    article = read(tmp_path / "wiki", "replicas.html", MEDIAWIKI_WARNING_BOX)
    lag, slot = article.problems
    assert [s.text for s in lag.steps] == [
        "Find the long transaction on the primary.",
        "Ask its owner to end it.",
        "Watch the lag fall.",
    ]
    assert [n.text for n in lag.notes] == ["Warning: Never kill the replication process itself."]
    assert slot.title == "Replication slot is missing"
    assert [s.text for s in slot.steps] == ["Create the slot on the primary."]


def test_a_two_column_table_after_the_steps_stays_a_table(tmp_path: Path) -> None:
    """Guard: a table of data after a fix's steps (a help centre's table of settings, no message box's
    class) is still read as the table it is, part of the last step."""
    page = """<html><head><title>Replicas - Help</title></head><body><main>
<h1>Replica settings</h1>
<h2>Replica lag keeps growing</h2>
<p>The monitor shows <code>replication lag 1800 s exceeds threshold</code>.</p>
<ol><li>Set the values below.</li><li>Restart the replica.</li></ol>
<table class="wikitable"><tbody><tr><th>Setting</th><th>Value</th></tr>
<tr><td>max_standby_streaming_delay</td><td>30s</td></tr></tbody></table>
</main></body></html>
"""
    article = read(tmp_path / "help", "replica-settings.html", page)
    [problem] = article.problems
    assert problem.steps[-1].text.endswith("Setting | Value\nmax_standby_streaming_delay | 30s")
    assert not problem.notes


# A Help Scout Docs article: the article, its footer, then the collection's other articles in the
# sidebar beside it, an <aside id="sidebar"> with no class that names it.
HELP_SCOUT_ARTICLE = """\
<!DOCTYPE html>
<html><head><title>Calendar sync problems - Bookly Help Center</title></head>
<body>
<div id="contentArea"><section id="main-content">
<article id="fullArticle">
<h1 class="title">Calendar sync problems</h1>
<h2>SYNC-310: Calendar could not be reached</h2>
<p>The sync log says <code>SYNC-310 Calendar unreachable (HTTP 401)</code>.</p>
<ol><li>Disconnect the calendar.</li><li>Connect it again and allow access.</li></ol>
<aside class="callout-yellow"><p>Bookings made while the calendar was disconnected are not copied.</p></aside>
</article>
<div class="articleFoot"><time class="lu" datetime="2024-05-02">Last updated on May 2, 2024</time></div>
</section>
<aside id="sidebar" class="span3">
<h3>Calendars</h3>
<ul class="nav nav-list">
<li><a href="/article/101-connect-google-calendar"><span>Connect Google Calendar</span></a></li>
<li class="active"><a href="/article/118-calendar-sync-problems"><span>Calendar sync problems</span></a></li>
<li><a href="/article/125-time-zones"><span>Time zones</span></a></li>
</ul>
</aside></div>
</body></html>
"""


def test_a_help_centre_s_sidebar_aside_is_no_group_of_steps(tmp_path: Path) -> None:
    """Review R8a §5: the collection's article links in <aside id="sidebar"> were a step group
    "Calendars" of the last problem."""
    article = read(tmp_path / "help", "calendar-sync.html", HELP_SCOUT_ARTICLE)
    [problem] = article.problems
    assert "SYNC-310 Calendar unreachable (HTTP 401)" in problem.error_messages
    assert [s.text for s in problem.steps] == [
        "Disconnect the calendar.",
        "Connect it again and allow access.",
    ]
    assert {s.group for s in problem.steps} == {problem.steps[0].group}
    assert "Time zones" not in article.body + "".join(n.text for n in problem.notes)


def test_an_aside_in_the_article_is_still_read(tmp_path: Path) -> None:
    """Guard: an <aside> inside the article, with an id of its own that is not the sidebar's, is still
    the article's note."""
    page = HELP_SCOUT_ARTICLE.replace('<aside class="callout-yellow">', '<aside id="sidebar-note">')
    article = read(tmp_path / "help", "calendar-sync.html", page)
    [problem] = article.problems
    assert any("are not copied" in n.text for n in problem.notes)


# A SharePoint modern page: the text web part in the wide column, a Quick links web part beside it.
SHAREPOINT_PAGE = """\
<!DOCTYPE html>
<html><head><title>VPN problems</title></head>
<body>
<div data-automation-id="pageHeader"><div data-automation-id="TitleTextId"><span role="heading" aria-level="1">VPN problems</span></div></div>
<div class="CanvasZone">
 <div class="CanvasSection CanvasSection-xl8">
  <div data-sp-feature-tag="Rich Text Editor"><div data-automation-id="textBox" class="cke_editable rte--read">
   <h2>VPN client does not connect</h2>
   <p>The client shows <code>The remote gateway did not respond (error 809)</code>.</p>
   <ol><li>Switch to the office Wi-Fi.</li><li>Connect again.</li></ol>
   <h2>VPN disconnects every hour</h2>
   <p>The session ends after exactly 60 minutes.</p>
   <ol><li>Update the VPN client to the latest version.</li><li>Sign in again.</li></ol>
  </div></div>
 </div>
 <div class="CanvasSection CanvasSection-xl4">
  <div data-sp-feature-tag="QuickLinksWebPart web part (Quick links)">
   <div class="ms-webpart-titleText"><span role="heading" aria-level="2">More help</span></div>
   <ul><li><a href="/sites/IT/SitePages/Remote-working.aspx">Remote working</a></li><li><a href="/sites/IT/SitePages/Request-VPN-access.aspx">Request VPN access</a></li></ul>
  </div>
 </div>
</div>
</body></html>
"""


def test_a_sharepoint_quick_links_web_part_is_no_step_of_the_last_problem(tmp_path: Path) -> None:
    """Review R8a §6: the Quick links web part in the page's other column gave the last problem two more
    steps (its links) and a note (its title)."""
    article = read(tmp_path / "sharepoint", "vpn.html", SHAREPOINT_PAGE)
    assert [p.title for p in article.problems] == [
        "VPN client does not connect",
        "VPN disconnects every hour",
    ]
    hourly = article.problems[1]
    assert [s.text for s in hourly.steps] == [
        "Update the VPN client to the latest version.",
        "Sign in again.",
    ]
    assert not hourly.notes
    assert "Request VPN access" not in article.body


def test_a_sharepoint_text_web_part_in_the_side_column_is_still_read(tmp_path: Path) -> None:
    """Guard: a text web part beside the main one is the page's own text."""
    side = """<div data-sp-feature-tag="Rich Text Editor"><div data-automation-id="textBox" class="cke_editable rte--read">
   <p>The VPN gateway is restarted every Sunday at 02:00.</p></div></div>"""
    start = SHAREPOINT_PAGE.index('<div data-sp-feature-tag="QuickLinksWebPart')
    end = SHAREPOINT_PAGE.index("</ul>", start) + len("</ul>\n  </div>")
    article = read(
        tmp_path / "sharepoint", "vpn.html", SHAREPOINT_PAGE[:start] + side + SHAREPOINT_PAGE[end:]
    )
    hourly = article.problems[1]
    texts = [s.text for s in hourly.steps] + [n.text for n in hourly.notes] + [article.body]
    assert any("restarted every Sunday" in text for text in texts)


# A Freshdesk portal's solution article: the portal's banner, its name in an <h1>, over the article's
# own title in an <h2> that ends with a "Print" icon link; the <title> is the article's, then the
# portal's name.
FRESHDESK_ARTICLE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Card reader troubleshooting : Kasso Help Desk</title></head>
<body>
<header class="banner"><div class="banner-wrapper page"><div class="banner-title">
<a href="/" class="portal-logo"><img src="/logo.png" alt="Logo"></a>
<h1 class="ellipsis heading">Kasso Help Desk</h1>
</div></div></header>
<div class="page">
<section class="main content rounded-6 fc-article-show" id="article-show-51000234567">
<div class="breadcrumb"><a href="/support/solutions"> Solution home </a><a href="/support/solutions/51000011111"> Payments </a></div>
<h2 class="heading">Card reader troubleshooting
<a href="javascript:print();" class="solution-print--icon print--remove" title="Print this Article"><span class="icon-print"></span><span class="text-print">Print</span></a>
</h2>
<p>Modified on: Mon, 8 Apr, 2024 at 9:05 AM</p>
<article class="article-body" id="article-body">
<h3><strong>Reader not found (CR-12)</strong></h3>
<p>The till shows <code>Card reader not found (CR-12)</code>.</p>
<ol><li>Unplug the reader's USB cable.</li><li>Plug it into another port.</li></ol>
<h3><strong>Payment declined offline (CR-40)</strong></h3>
<p>The till shows <code>Offline payment limit reached (CR-40)</code>.</p>
<ol><li>Reconnect the till to the network.</li></ol>
</article>
</section></div>
</body></html>
"""


def test_a_portal_s_banner_naming_the_portal_does_not_title_its_articles(tmp_path: Path) -> None:
    """Review R8a §12: the portal's banner <h1> ("Kasso Help Desk", the name the <title> gives after the
    article's) titled every article of the portal, and the article's own title heading, with its "Print"
    link's word, was body."""
    article = read(tmp_path / "portal", "card-reader.html", FRESHDESK_ARTICLE)
    assert article.title == "Card reader troubleshooting"
    assert [p.title for p in article.problems] == [
        "Reader not found (CR-12)",
        "Payment declined offline (CR-40)",
    ]
    reader = article.problems[0]
    assert reader.error_codes == ["CR12"]
    assert [s.text for s in reader.steps] == ["Unplug the reader's USB cable.", "Plug it into another port."]
    assert "Print" not in article.body


def test_a_page_titled_by_its_own_h1_keeps_it(tmp_path: Path) -> None:
    """Guard: a page whose <h1> is the article's title, and the <title> that title and the site's name,
    is titled by its <h1> as before."""
    page = FRESHDESK_ARTICLE.replace(
        '<h1 class="ellipsis heading">Kasso Help Desk</h1>', '<p class="ellipsis">Kasso Help Desk</p>'
    ).replace(
        '<h2 class="heading">Card reader troubleshooting', '<h1 class="heading">Card reader troubleshooting'
    )
    page = page.replace(
        page[page.index('\n<a href="javascript:print();"') : page.index("</a>\n</h2>") + 4], ""
    )
    page = page.replace("\n</h2>", "</h1>", 1)
    article = read(tmp_path / "portal", "card-reader.html", page)
    assert article.title == "Card reader troubleshooting"
    assert [p.title for p in article.problems] == [
        "Reader not found (CR-12)",
        "Payment declined offline (CR-40)",
    ]


def test_a_heading_that_is_a_script_link_keeps_its_words(tmp_path: Path) -> None:
    """Guard: an accordion's heading whose words are all a script's link (a FAQ's toggle) keeps them."""
    page = """<html><head><title>Card readers - Help</title></head><body><main>
<h1>Card readers</h1>
<h2><a href="javascript:void(0)" class="toggle">Reader not found (CR-12)</a></h2>
<p>The till shows <code>Card reader not found (CR-12)</code>.</p>
<ol><li>Unplug the reader's USB cable.</li><li>Plug it into another port.</li></ol>
</main></body></html>
"""
    article = read(tmp_path / "help", "readers.html", page)
    [problem] = article.problems
    assert problem.title == "Reader not found (CR-12)"


# A MediaWiki page whose sections label their parts with ";Cause" and ";Fix" lines, which MediaWiki
# renders as a definition list each (the label a <dt>, a ":" line under it its <dd>), after the log the
# problem shows in a <pre>.
MEDIAWIKI_LABELLED_PARTS = """\
<html><head><title>Backup server troubleshooting - OpsWiki</title></head><body>
<h1 id="firstHeading" class="firstHeading">Backup server troubleshooting</h1>
<div id="mw-content-text"><div class="mw-parser-output">
<h2><span class="mw-headline" id="Job_fails">Nightly job fails at the verify stage</span></h2>
<p>The job log ends with:
</p>
<pre>ERROR: verify failed for volume VOL0042
checksum mismatch at block 118734
</pre>
<dl><dt>Cause</dt>
<dd>The tape drive needs cleaning.</dd></dl>
<dl><dt>Fix</dt></dl>
<ol><li>Load the cleaning cartridge.</li>
<li>Run the job again.</li></ol>
<h2><span class="mw-headline" id="Catalog">Catalog is locked</span></h2>
<p>Every restore fails with <code>catalog database is locked</code>.</p>
<ol><li>Stop the backup service.</li><li>Start it again.</li></ol>
</div></div></body></html>
"""


def test_mediawiki_part_labels_as_definition_lists_are_the_problem_s_parts(tmp_path: Path) -> None:
    """Review R8a §2: with ";Cause" and ";Fix" read as paragraphs "Cause" and "Fix", the problem had no
    cause and the log in its <pre> was no error message."""
    article = read(tmp_path / "wiki", "backup-server.html", MEDIAWIKI_LABELLED_PARTS)
    verify, catalog = article.problems
    assert verify.title == "Nightly job fails at the verify stage"
    assert any("checksum mismatch at block 118734" in message for message in verify.error_messages)
    assert verify.cause == "The tape drive needs cleaning."
    assert [s.text for s in verify.steps] == ["Load the cleaning cartridge.", "Run the job again."]
    assert catalog.error_messages == ["catalog database is locked"]


def test_a_glossary_of_part_names_stays_a_glossary(tmp_path: Path) -> None:
    """Guard: a definition list of several terms that name parts, without colons, whose definitions tell
    no one what to do (a glossary) is read as it was, not as the problem's parts."""
    page = """<html><head><title>Terms - Help</title></head><body><main>
<h1>Support terms</h1>
<h2>Words we use in tickets</h2>
<dl><dt>Cause</dt><dd>What made the problem happen.</dd>
<dt>Workaround</dt><dd>A way around a problem until it is fixed.</dd></dl>
</main></body></html>
"""
    article = read(tmp_path / "help", "terms.html", page)
    assert all(not p.cause for p in article.problems)
    assert "A way around a problem until it is fixed." in article.body + "".join(
        p.symptoms + "".join(s.text for s in p.steps) for p in article.problems
    )
