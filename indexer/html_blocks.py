"""An HTML block of a Markdown article → the Markdown it stands for.

Markdown passes raw HTML through untouched, and articles exported from HTML editors (a
help centre, a wiki) or folded into ``<details>`` keep whole paragraphs and numbered lists
that way: left as HTML, their words are not searchable and their steps are no steps. So an
HTML block's paragraphs, headings, lists, preformatted text and tables are written as
Markdown, with bold, italic, code and links kept, and read like the rest of the article.
Its text stays text: whatever in it Markdown (or the publishing markup we read) would take
for syntax is escaped.

The tags are found by one linear scan (:data:`_TAG`, and ``str.find`` for comments), not by
``html.parser``, which takes the square of its input on some malformed text in the Python
versions we support (64 KB of ``<!--`` took 2.4 s, 256 KB 46 s) and raises on some.
"""

from __future__ import annotations

import html
import re
import textwrap
from bisect import bisect_left, insort
from collections import deque
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.common.utils import isPunctChar

from indexer.callouts import CALLOUT_KINDS, CALLOUT_LABEL, symbol_kind
from indexer.column_names import column_holds
from indexer.dates import RECORD_FIELD
from indexer.definition_lists import (
    DefinitionList,
    bold_part_label,
    is_message_reference,
    says_what_to_do,
    term_words,
)
from indexer.errortext import error_codes, reports_failure
from indexer.fixed_text import is_prose
from indexer.heading_text import title_of
from indexer.roles import (
    FIX_WAY_WORDS,
    KEYWORDS_WORDS,
    PROBLEM_PART_ROLES,
    SUBJECT_PREFIX,
    Role,
    heading_names_errors,
    heading_role,
    heads_answers,
    is_title_field,
    names_bug_report_part,
    names_hidden_output,
    names_keywords,
    normalise_heading,
)
from indexer.word_lists import (
    FILTERED_MARKER_PEEK,
    continues_item,
    filtered_item,
    is_marker,
    is_numbered,
    list_level,
)

# An opening or closing tag. Attribute values stop at "<" as well as at their quote, so an
# unclosed tag or quote ends at the next "<" instead of being looked for to the end of the text.
# A name may have an XML namespace's prefix (Confluence's storage format writes "ac:link", Word "o:p"):
# the element is then told apart from the HTML one its prefix spells ("a:blip" is no link).
_TAG = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9-]{0,30}(?::[A-Za-z][A-Za-z0-9-]{0,30})?)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)(/?)>"""
)
# Where a tag, a comment or a declaration may begin.
_OPENING = re.compile(r"<(?=[A-Za-z/!?])")
# An attribute's value after its name, each of its groups one way of quoting it (see _attribute).
_ATTRIBUTE_VALUE = r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
_HREF = re.compile(rf"\bhref{_ATTRIBUTE_VALUE}", re.I)
_ID = re.compile(rf"\bid{_ATTRIBUTE_VALUE}", re.I)
_START = re.compile(r"""\bstart\s*=\s*["']?(\d{1,6})""", re.I)
_SPACES = re.compile(r"\s+")
# Text that Markdown would read as markup anywhere in a line: escaped ("<" only where a tag could begin).
_MARKUP = re.compile(r"[\\`*_\[\]|&]|<(?=[A-Za-z/!?])")
# The beginning of a line that Markdown or publishing markup (MyST's "%" comments and "(x)="
# targets, Liquid, Kramdown, ":::" containers) would read as a block: a list number, or any
# ASCII punctuation, which a backslash escapes; but for the marks this module writes itself
# ("**", "`", "[" of bold, code and links), which text never begins with unescaped.
_LEADING = re.compile(r"^(\d{1,9})([.)])|^([!-)+-/:-@\]^{-~])")
_BACKTICKS = re.compile(r"`+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_LINK_SCHEMES = frozenset(("http", "https", "mailto", "ftp"))
_SCRIPT_LINK = re.compile(r"\s*javascript:", re.I)
# Blocks: their text is a paragraph of its own.
_BLOCKS = frozenset(
    """p div section article main aside header footer nav details summary figure figcaption
    blockquote address dl dt dd fieldset form center hgroup""".split()
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Confluence's storage format (the XHTML its editor saves, which a space export or its REST API gives): a
# macro's settings are <ac:parameter> elements, which no reader sees (its code macro's "text" or "false"
# were words of the symptoms), and the text of a code or noformat macro is its <ac:plain-text-body>,
# preformatted, in a CDATA section, as a link's words may be in its <ac:plain-text-link-body>. A CDATA
# section elsewhere is no text, as browsers show none in HTML. Dropped, the error message a code macro
# shows was lost.
_MACRO_PARAMETER = "ac:parameter"
# The elements of an XML topic format that stand for HTML's blocks, as JetBrains Writerside mixes them
# with a Markdown topic's text (DocBook and DITA name a procedure's steps alike): a <procedure> of
# <step>s is a numbered list, its title a paragraph over it (see _TITLED_ELEMENTS), a step's <substeps> (of
# DocBook's <step>s, DITA's <substep>s, a DITA task's <steps>) a list in it, and a <list> a bulleted
# one. Unknown to HTML, their text ran into one paragraph: a procedure's three steps were one step, and a
# <list> in a step took the steps after it as its last item's text. A <deflist> is a <dl>, each <def>'s title
# its term (the setting a step names, which was lost), and the related topics' links (<seealso>) are the
# page's, as its navigation: they were a step. A <code-block> is a <pre>, and a <tab> of <tabs> a block
# under its title in bold, as a tab's panel is under its label (see _tab_panel), in a step too: a step's
# commands for Linux and for Windows were one line, and the platforms' names lost.
_TOPIC_ELEMENTS = {
    "procedure": "ol",
    "step": "li",
    "substeps": "ol",
    "substep": "li",
    "steps": "ol",
    "list": "ul",
    "deflist": "dl",
    "def": "dd",
    "seealso": "nav",
    "code-block": "pre",
    "tabs": "div",
    "tab": "div",
}
_ELEMENT_ALIASES = {"ac:plain-text-body": "pre", **_TOPIC_ELEMENTS}
# A topic element's title (<procedure title="Clear a stale lock">, <def title="spool.maxSize">) → the element
# written before it for it.
_TITLED_ELEMENTS = {"procedure": "p", "def": "dt", "tab": "b"}
_TITLE = re.compile(rf"(?<![\w:-])title{_ATTRIBUTE_VALUE}", re.I)
_PLAIN_TEXT_ELEMENTS = frozenset(("ac:plain-text-body", "ac:plain-text-link-body"))
_CDATA_OPEN, _CDATA_CLOSE = "<![CDATA[", "]]>"
# A code macro's language parameter, which labels its body as a <pre>'s class does, and how far its value
# is looked for.
_MACRO_NAME = re.compile(rf"(?<![\w:-])ac:name{_ATTRIBUTE_VALUE}")
_MACRO_LANGUAGE = "language"
_LANGUAGE_NAME = re.compile(r"[\w#+.-]{1,30}")
_LANGUAGE_PEEK_CHARS = 64
# Its link (<ac:link>) to a page, a blog post or an attached file (<ri:page ri:content-title="…"/>,
# <ri:attachment ri:filename="…"/>) with no words of its own shows the page's title or the file's name: such a
# link was no words ("Related: " alone). A resource's name is read only in a link: an image's is no text.
_RESOURCE_LINK = "ac:link"
_RESOURCE_PREFIX = "ri:"
_RESOURCE_NAME = re.compile(rf"(?<![\w:-])ri:(?:content-title|filename){_ATTRIBUTE_VALUE}")
# What a reader never sees; the first ones hold raw text, skipped to their closing tag unread. A drop-down's
# choices are a form's too (a question page's "Sorted by:" control over every order it offers, which ran
# into one note of the fix), but for the one it shows (see _Converter._chosen_option).
_RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp"))
_SKIPPED = _RAW_TEXT | {"template", "noscript", "svg", "math", "select", _MACRO_PARAMETER}
# A page's navigation and footer, as elements or as the roles a <div> is given: a whole page
# exported from a wiki ended in "Document generated by Confluence on …", which was its last
# problem's last note.
_PAGE_CHROME = frozenset(("nav", "footer"))
# An element the page hides (the `hidden` attribute, with or without a value): a widget's text its script
# shows only later, a knowledge base's "Thank you for your feedback!" after a vote, which was a note of
# the last fix. Quoted values are taken out first, so that a class or a title holding the word hides nothing.
_QUOTED_VALUE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*')""")
_HIDDEN = re.compile(r"(?<![\w=-])hidden(?![\w-])", re.I)
# A value the page writes for search engines and hides from its readers (schema.org microdata styled
# display:none: a question page's "2 Answers <span style="display:none" itemprop="answerCount">2</span>"):
# a copy of what the page shows, which made "2 Answers 2" a heading no longer over the answers. Without an
# itemprop, a hidden block is an accordion's answer its script shows on a click, and stays the page's text.
# Searched for from a style attribute's value to the next quote or ">" (see _styled_hidden).
_STYLE_VALUE = re.compile(r"""(?<![\w-])style\s*=\s*["']?""", re.I)
_VALUE_END = re.compile(r"""["'>]""")
_DISPLAY_NONE = re.compile(r"(?<![\w-])display\s*:\s*none\b", re.I)
_MICRODATA = re.compile(r"""(?<![\w-])itemprop\s*=""", re.I)
# A <div> that is the page's footer by its id (Asciidoctor's "Version 4.2 Last updated …"), a word joined
# before it too ("bottomfooter", a help desk's "Help Desk Software by …"): no heading's anchor joins words.
# Or its header (a bug tracker's <div id="header">, its links to the site's pages, which were a problem's steps).
_CHROME_ROLE = re.compile(
    r"""(?<![\w-])(?:role\s*=\s*["']?(?:navigation|contentinfo)\b"""
    r"""|id\s*=\s*["']?(?:(?:site-|page-)?header|(?:site-|page-|[a-z]{2,12})?footer)(?:["'\s]|$))""",
    re.I,
)
# A help centre's or blog's comments under the article, by its element's class or id ("article-comments",
# "comments-area", "comments"): its readers' words and the prompt to sign in and write one, not the
# article's; read as its last section, they were the text of its last problem. The whole name only: docs
# tools give a section its heading's anchor as its id ("cannot-post-comments", "formatter-removes-todo-
# comments"), and a page its own classes ("yaml-comments"), which are the article's.
# So are a help desk's boxes of one comment each and its form to post one ("commentbox", "postcomment",
# Kayako's), whose label ("Comments (2)") over them is theirs too (see _drop_comments_count).
_COMMENTS = re.compile(
    r"^(?:(?:article|page|post|blog|reader)[-_])?comments(?:[-_](?:area|section|list|thread))?$"
    r"|^comment[-_](?:list|section|thread)s?$|^comment[-_]?box(?:es)?$|^post[-_]?(?:a[-_])?comment$"
)
# So is an issue tracker's comments section under the issue ("issue-comments", Bitbucket's), its comments'
# authors, links and automatic status changes ("changed status to resolved"), which were a group of steps.
# By its class only: as an id, "issue-comments" is the anchor of a heading "Issue: comments".
_ISSUE_COMMENTS = re.compile(r"^issue[-_]comments(?:[-_](?:area|section|list|thread))?$")
# A blog's heading over its readers' comments, which counts them ("23 Comments", "One comment",
# "Comments (4)"); "Comments" alone heads a reference's topic (how a file's comments are written).
COMMENTS_COUNT = re.compile(r"(?:\d[\d,.]*|one|no)\s+comments?|comments?\s*\(\d[\d,.]*\)", re.IGNORECASE)
# A help centre's rating widget under the article, by its block's class or id ("helpful-rating",
# "article-votes", "page-feedback"): its prompt, its buttons, its comment box's limit and privacy notice,
# no words of the article; read as its last section's, they were notes of the last fix. The whole name
# only: an article's own section may be anchored "rating-is-not-saved". A component's element so named
# ("KbDetail__feedback", in BEM's "Block__element" names, as Zoho Desk writes them) is one too.
_RATING = re.compile(
    r"^(?:(?:article|page|doc|content)[-_]|[a-z0-9]{1,30}__)?(?:helpful(?:ness)?|was[-_]this[-_]helpful|feedback|votes?|rating)"
    r"(?:[-_](?:rating|votes?|widget|form|survey|box|container))?$"
)
# A help centre's support contact block, wherever the page sets it, by its block's class or id ("contact",
# "hotline", "support-contact"): its phone, hours, address or ticket link, on every page; read as the last
# section's, it was a note of the last fix. The whole name only: "contact-admin" may be the article's advice.
_SUPPORT_CONTACT = re.compile(
    r"^(?:(?:support|help|customer|service)[-_])?(?:contact(?:[-_](?:us|box|info|block))?|hotline|helpline)$"
)
# MadCap Flare's generated chrome in a topic, by its block's class: the link that opens the topic in its
# navigation frame ("MCWebHelpFramesetLink", "Open topic with navigation"), the trail to it
# ("MCBreadcrumbsBox_0") and a mini table of contents ("MCMiniTocBox_1"), links Flare writes, no words of
# the article; the link was a note of the last problem.
_FLARE_CHROME = re.compile(
    r"^mc(?:webhelpframesetlink(?:top|bottom)?|breadcrumbsbox(?:_\d+)?|minitocbox(?:_\d+)?)$"
)
# A blog template's chrome around a post, by a class of its block, as Blogger writes it: the post's footer
# ("post-footer": "Posted by … at …", the share buttons, "Labels: …"), the links to its feeds ("post-feeds",
# "feed-links": "Subscribe to: Post Comments (Atom)") and the pager to the posts beside it ("blog-pager").
# Read as the post's, the footer's lines were its steps where the body wrote none as a list, in a high
# answer. The whole class: a block of the post may be named after what it fixes ("post-footer-fix").
# So is the blog's header over every post ("header-outer", "header-wrapper" and "header-inner" in Blogger's
# templates, a WordPress theme's "site-header" and "site-branding"): its <h1> is the blog's name, which
# titled every post. A theme's "page-header" wraps the post's own title, and stays.
_BLOG_CHROME = re.compile(
    r"^(?:post[-_]footer|post[-_]feeds|feed[-_]links|blog[-_]pager"
    r"|header[-_](?:outer|wrapper|inner)|(?:site|blog)[-_]header|site[-_]branding)$"
)
_BLOG_CHROME_WORDS = ("footer", "feed", "pager", "header", "branding")
# A blog's share buttons, which a plugin writes at the end of the post's content, by its block's class:
# Jetpack's "sharedaddy" and "sd-sharing" ("Share this:" over "Twitter", "Facebook"), a theme's
# "share-buttons" or "social-share". Inside the content, its heading and links were a group of steps of the
# last problem, or a problem. The whole class: "sharing-permissions" may head the post's own section.
_SHARE_BLOCK = re.compile(
    r"^(?:sharedaddy|sd[-_]sharing(?:[-_]enabled)?"
    r"|(?:[a-z0-9]{1,12}[-_])?(?:share|social|sharing)[-_]?(?:buttons?|share|links|icons|bar|box))$"
)
_SHARE_BLOCK_WORDS = ("shar", "social")
# A WordPress theme's sidebar, by its block's class: the widget area ("widget-area", an <aside> beside the
# post) and each widget in it, named "widget_" and its kind ("widget_recent_entries", "widget_categories").
# Its headings ("Recent Posts", "Categories") were problems whose steps were other posts' titles. A page
# builder's blocks of the post are named with a hyphen ("elementor-widget-text-editor"), and Blogger's
# "widget Blog" holds the post itself: neither is a sidebar's.
_WIDGETS = re.compile(r"^(?:[a-z0-9]{1,12}[-_])?widget[-_]area$|^widget_[a-z][a-z0-9_]*$")
# A Flare drop-down's head, whose hotspot's words title the drop-down's body, as a heading does.
_DROP_DOWN_HEAD = re.compile(r"^mcdropdownhead$")
# A form's panel's title, a <div>, <span> or <p> over the panel's body (Ivanti Service Manager's
# "ism-panel-title" over each field of a knowledge article, "Title", "Symptoms", "Cause", "Resolution";
# Bootstrap's "panel-title"): it heads the body as a heading does. Read as a paragraph, the panels ran on
# into one problem whose symptoms and causes were steps, and the error messages they quote were lost.
_PANEL_TITLE = re.compile(r"(?:^|[-_])panel-title$")
# A docs site's furniture around the article, by a class of its block: its sidebar ("sidebar", MkDocs'
# "md-sidebar--primary", Docusaurus' "theme-doc-sidebar-container"), its "On this page" table of contents
# ("toc", "table-of-contents", Confluence's "toc-macro") and its cookie banner ("cookie-consent",
# "consent-banner"). Saved with the page, the sidebar's links were its first problem's steps and the banner
# its symptoms. The whole class, a tool's prefixes and a layout's suffix aside: a layout's class that says
# the page has one ("has-sidebar", "content-with-toc") is the article's, and an id may be a heading's anchor.
# So is a wiki's navigation in the page: its trail to it ("breadcrumbs") and its tree of pages (Confluence's
# "plugin_pagetree", its Children Display macro's "childpages-macro"), whose links were steps; and a portal's
# menu bar over the article ("ssp-menu", "navbar", "top-nav"), whose links were a problem's steps, titled by
# the page's <title> when that names an error code; and a knowledge base's tags under the answer
# ("article-tags", Zammad's), links to their listings, which were a note of its last problem. So are a
# page's footer by its class ("page-footer", a status page's "Powered by …") and a status page's list of
# the components an incident touched ("components-affected"), which were its symptoms. So are a docs site's
# links to the articles before and after the page ("next-prev", "pagination-nav", "prev-next-area"; Document360's
# "Previous: … Next: …"), which were a note of the last problem. So is a bar of related pages by its class
# ("related", Sphinx's classic theme's trail and links to the index; a help centre's "related-articles"),
# whose trail was a problem of its own and whose articles a step of the last one. So are the tables of
# Prev, Up, Home and Next links that DocBook's XSL stylesheets set over and under each page ("navheader",
# "navfooter"), which ran on into the last step. So is Doxygen's trail of the directories to the file
# ("navpath", each directory a "navelem"), whose directories were the first steps. So is a site's top bar
# over every page ("topbar", Stack Exchange's "s-topbar": its logo and links), whose logo and links were a
# problem of their own, titled by the page's <title> with the site's name. So is a page's copyright line by
# its class ("copyright", "site-copyright"), which a help desk sets after its footer (Freshdesk's "Help Desk
# Software powered by Freshdesk"), outside it: it was a note of the last problem. So is the foot a help
# centre sets under the article by its class ("articleFoot", Help Scout Docs' "Still need help? Contact Us"
# box and the date; "article-footer"), which was a note of the last problem too. A sidebar, a menu or tags
# may be an element of a component named in BEM's "Block__element" form, its block up to 30 letters, as
# Zoho Desk names its tags box under the article ("KbDetailLtContainer__tags"): its "Tags" and the tags, run
# together ("Tagsbank feedsopen banking"), were a note of the last problem.
_FURNITURE = re.compile(
    r"^(?!(?:.*[-_])?(?:has|with|without|no)[-_])(?:[a-z0-9]{1,30}__)?(?:[a-z0-9]{1,12}[-_]{1,2}){0,3}?"
    r"(?:sidebar|side-bar|sidenav|side-nav|toc|table-of-contents|on-this-page|breadcrumbs?|pagetree|childpages"
    r"|menu|menubar|menu-bar|navbar|nav-bar|navpath|nav-path|topnav|top-nav|topbar|top-bar|tags|tag-list|taglist)"
    r"(?:[-_]{1,2}(?:container|wrapper|primary|secondary|left|right|desktop|mobile|drawer|inner|macro))?$"
    r"|^(?:[a-z0-9]{1,12}[-_])?(?:cookies?|consent|gdpr)[-_]?(?:banner|bar|consent|notice|popup|modal|dialog|overlay)$"
    r"|^(?:page|site)[-_]?footer$|^article[-_]?foot(?:er)?$|^components?[-_]affected$|^(?:[a-z0-9]{1,12}[-_])?copyright$"
    r"|^(?:[a-z0-9]{1,20}(?:__|[-_]))?(?:prev(?:ious)?[-_]?next|next[-_]?prev(?:ious)?|pagination|pager)"
    r"(?:[-_](?:nav|area|links|container|wrapper))?$"
    r"|^related(?:[-_](?:articles|links|pages|posts|topics))?$"
    r"|^nav(?:header|footer)$"
)
# The words one of those classes holds: a block whose attributes hold none is not looked at further.
_FURNITURE_WORDS = (
    "side",
    "menu",
    "nav",
    "toc",
    "contents",
    "on-this-page",
    "breadcrumb",
    "pagetree",
    "childpages",
    "topbar",
    "top-bar",
    "cookie",
    "consent",
    "gdpr",
    "tag",
    "foot",
    "affected",
    "prev",
    "pag",
    "related",
    "copyright",
)
# A site's sidebar as an <aside> known by its id alone (Help Scout Docs' <aside id="sidebar">, the
# collection's other articles under its name): its links were a group of steps of the last problem. Only
# an <aside>: a docs tool anchors a section (<div id="sidebar">) at its heading "Sidebar".
_SIDEBAR_ID = re.compile(r"^(?:[a-z0-9]{1,12}[-_])?side-?bar$")
# An article's byline, by its block's class: Zendesk Guide's "article-author" (the avatar, the author's
# profile link, "Updated" and when) and "article-meta", a blog's "post-meta" or "entry-byline". Read as
# the article's first text, the author's name was its first problem's first symptom. The whole class:
# a paragraph of the body may be classed "author-note".
_BYLINE = re.compile(r"^(?:(?:article|post|entry|page|blog)[-_])?(?:author|authors|byline|meta)$")
_BYLINE_WORDS = ("author", "byline", "meta")
# What a blog platform marks for read-aloud tools to skip in a story (Medium's "speechify-ignore"): the bar of
# its byline, "Follow", read time, date, claps and responses under the title, which was a problem whose steps
# were the author's name and the counts.
_READ_ALOUD_SKIPPED = re.compile(r"^(?:speechify|tts|read-?aloud)[-_]ignore$")
# A heading that a blog post's class names its subtitle (Medium's "pw-subtitle-paragraph", a theme's
# "post-subtitle"): a line under the title that says what the post is about, no section of it.
_SUBTITLE = re.compile(r"^(?:[a-z0-9]{1,12}[-_])?sub-?title(?:[-_](?:paragraph|text))?$")
# A story's element, by its start tag, and its title's heading, by its start tag and then the class a blog
# platform gives a post's title (Medium's "pw-post-title", Ghost's "article-title", WordPress' "entry-title";
# see _story_end).
_ARTICLE_TAG = re.compile(r"<article[\s>]")
_TITLE_TAG = re.compile(r"<h1(\s[^>]*)?>")
_POST_TITLE = re.compile(r"^(?:[a-z0-9]{1,12}[-_])?(?:post|entry|article|story)[-_]title$")
# A mailing list's archive of one message (Mailman's pipermail): the message between these comments, under
# the subject's <h1>; between them, its writer, date and the archive's links to the previous and next messages,
# and after it the link to the list's page. Read as the page, the links were steps and the writer symptoms.
_ARCHIVED_MESSAGE_BEGIN = "<!--beginarticle-->"
# A quoted line of such a message indented past its quote marks, as a mail sets off output it pastes: its marks
# and what it shows; and the marks that open a quoted line.
_QUOTED_OUTPUT = re.compile(r"((?:>[ \t]?)+)[ \t]{2,}(\S.*)")
_QUOTE_ONLY = re.compile(r"(?:>[ \t]?)+")
# What opens a list's item in Markdown or typed text: a number and "." or ")", or a bullet, then a space.
ITEM_OPENING = re.compile(r"(?:\d{1,9}[.)]|[-*+])[ \t]")
_ARCHIVED_MESSAGE_END = "<!--endarticle-->"
# Confluence's export titles a page by a heading of this id, its words "Space name : Page title".
_SPACE_TITLE_ID = "title-heading"
# The small labels an API documenter writes over a request's parts, as Postman publishes a collection: its
# AUTHORIZATION (and its type), HEADERS, PARAMS, Body (and its mode, "raw (json)"), and a saved example's
# "Example" (its name picked under it), "Request" and "Response". In its lowest headings, they label fields
# of one request, no sections: each was a problem, and an example's error response a step of "Response".
_REQUEST_PART_LABEL = re.compile(
    r"(?:authori[sz]ation(?: (?:bearer token|basic auth|api key|oauth [12]\.0|digest auth|aws signature|no auth"
    r"|(?:hawk|ntlm) authentication|akamai edgegrid|inherit auth from parent))?|headers?|(?:query |path )?(?:params|parameters|variables)"
    r"|body(?: (?:raw|form-data|urlencoded|x-www-form-urlencoded|binary|graphql|none)(?: \(\w{1,12}\))?)?"
    r"|request|response|example)",
    re.I,
)
_EXAMPLE_LABEL = "example"
# The most words an example's name has ("413 – payload too large"); a sentence is none.
MAX_EXAMPLE_NAME_WORDS = 8
_LABEL_HEADING_LEVEL = 5
_SPACE_SEPARATOR = " : "
# The printed page's header and footer in a Word document saved as a web page: paragraphs of Word's
# own styles for them ("Document ID: … | Page 1 of 1"), which were a note of the last problem's steps.
_WORD_PAGE_MARGIN = re.compile(r"^mso(?:header|footer)$")
# The facts a docs site prints about the page's source file at the article's end: Material for MkDocs'
# "md-source-file" aside (the git-revision-date plugin's "Last update" and "Created" dates, its
# contributors). Its date was a note after the last problem's steps.
_SOURCE_FILE_FACTS = re.compile(r"^md-source-file$")
# A forum's chrome around its posts, by a class of its block or list, as old.reddit.com writes it: the
# community's sidebar ("side", its name in an <h1> that titled the article), a post's vote column
# ("midcol", its score a symptom), the tagline over a post or comment ("submitted 1 month ago by …",
# "level 1 pve_guru 30 points"), the bar of its buttons ("flat-list buttons": "12 comments", "share",
# "reply", read as steps) and the site's footer of links ("footer", no id).
_FORUM_CHROME = re.compile(r"^(?:side|midcol|tagline|buttons|footer)$")
_FORUM_CHROME_WORDS = ("side", "midcol", "tagline", "buttons", "footer")
# A question-and-answer site's chrome around each post, by its block's class, as Stack Exchange writes it:
# the vote column ("votecell": its buttons, the count and the accepted answer's check mark), the bar of the
# post's links ("js-post-menu": "Share", "Improve this question", "Follow") and its signature card
# ("post-signature": "asked …", the user's name, reputation and badges). Read as the post's, the count and
# the card were the question's symptoms, or its steps, and notes after an answer's.
_POST_CHROME = re.compile(r"^(?:votecell|(?:js-)?post-menu|post-signature)$")
_POST_CHROME_WORDS = ("votecell", "post-menu", "post-signature")
# A question page's answer post, as schema.org's microdata marks it (itemprop="acceptedAnswer", the one the
# asker accepted, or "suggestedAnswer"), as Stack Exchange writes each. Under the heading that counts them
# ("2 Answers") each is written under a heading of its own, as a site's Markdown export heads them
# ("Accepted answer", "Answer"): the accepted one is the fix, the others searchable body. Read as the
# answers' one section, the other answers were notes of the fix. A FAQ page marks each question's answer
# as accepted too, under its question, where no heading counts answers.
_ANSWER_POST = re.compile(r"""(?<![\w-])itemprop\s*=\s*["']?(acceptedAnswer|suggestedAnswer)\b""")
_ANSWER_HEADINGS = {"acceptedAnswer": "Accepted answer", "suggestedAnswer": "Answer"}
# The words of the heading over them where the page's own are another language's (see _ANSWER_COUNT).
_ANSWERS_HEADING = "Answers"
# The count of a question's answers the heading over them holds for search engines (schema.org's, hidden:
# "2 Answers <span itemprop="answerCount">2</span>"): that heading, in whatever language it is worded.
_ANSWER_COUNT = re.compile(r"""(?<![\w-])itemprop\s*=\s*["']?answerCount\b""")
# A docs site's search banner over the article, by its block's class ("search-banner", "hero-search") or
# an id a theme writes in camelCase (Help Scout Docs' "docsSearch", "searchBar"), which no heading's
# generated anchor is ("site-search" may be a section's): its heading ("How can we help?") was the page's
# first <h1>, which titled the article and made the article's own title a problem.
_SEARCH_BANNER = re.compile(
    r"^(?:[a-z0-9]{1,12}[-_]{1,2})?(?:search[-_]?(?:banner|hero|header|bar|box|area|container|wrapper)"
    r"|(?:docs|site|kb|help|global|hero|header)[-_]?search)$"
)
# (A short prefix run into "Search", "docsSearch", is _CAMEL_CASED_CHROME's, for ids and classes alike.)
_SEARCH_ID = re.compile(r"search(?:Banner|Hero|Header|Bar|Box|Area)")
# A portal's furniture by a class the product writes in camelCase, its own short prefix run into the
# component's name (SolarWinds Web Help Desk's "faqSearch" box, "faqHelpful" prompt and "whdFooter"): no
# heading's generated anchor is camel-cased, and a class so joined names the widget, as _SEARCH_ID's ids do.
# Read as the page's, the search box's words opened the symptoms and the prompt ("Was this FAQ helpful? Yes
# No") and the footer were notes after the fix. The whole class or id, in its own case, a search box's part
# after it ("faqSearchBox") at most: "faqSearchTips" may hold the article's advice (as an id, it was dropped,
# while the class was kept). A footer only after the page's or the product's prefix, a word of the page or an
# initialism (no vowel: "whd", "kb"): a CMS names a component's own parts so too ("noteFooter", "cardFooter",
# "panelFooter"), and a note's "If the ribbon is still not detected, replace the sensor" was dropped.
_CAMEL_CASED_CHROME = re.compile(
    r"[a-z]{2,12}Search(?:Bar|Box|Area|Form|Field|Panel)?|[a-z]{2,12}Helpful"
    r"|(?:page|site|portal|faq|help|docs?|global|main|app|[b-df-hj-np-tv-z]{2,5})Footer"
)
# A support chat's widget on the page, by its block's class or id ("la-chat-placeholder", LiveAgent's
# "liveagent-chat-button", "chat-widget", "livechat-launcher"): a button and its caption ("Chat with us", "We
# typically reply in a few minutes") that its script replaces, set after the article, which were notes of
# its last fix. A chat or a chatbot and one or more of the widget's words after it ("chatbot-widget",
# "chat-widget-button"), or a live or support chat by that alone ("support-chat"). The whole name:
# "chat-transcript" holds what a customer wrote, and so may a block classed "chat" alone.
_CHAT_WIDGET = re.compile(
    r"^(?:[a-z0-9]{1,12}[-_])?(?:(?:live|support)[-_]?chat(?:bot)?(?=(?:[-_]container)?$)"
    r"|(?:live[-_]?|support[-_]?)?chat(?:bot)?(?:[-_]?(?:button|widget|launcher|placeholder|bubble))+)"
    r"(?:[-_]container)?$"
)
# A page's <header> that holds a search field (an <input type="search">, or a form or block whose role is
# "search"), whatever its class: a help centre's header over every article, its heading a question to the
# reader ("How can we help?" over "Search for articles..."). Read as the page's, that heading was a problem
# whose step was the category card after it, and the article's own problems were groups of steps of its
# <h1>. Looked for up to the header's end, however far it is: an inline SVG logo or a menu of many links
# runs a site header past any window (in the first 4 KB only, such a header was read as the article's
# again). A header with no search field (an article's own, its title and byline) stays the page's, and so
# does one that holds an <h1>: an article's own header may hold a box to search its section beside its
# title, which, skipped, gave way to the page's <title> ("KB-2231 | Acme Support").
# Many themes write the field as a text box, known by its name ("q", "query"), its label or placeholder
# ("Search the help center"), or its form's action ("/search"): with type="search" only, such a header was
# read as the article's.
_SEARCH_FIELD = re.compile(
    r"""<input\b[^<>]*?\b(?:type\s*=\s*["']?search\b|name\s*=\s*["']?(?:q|query|search)\b"""
    r"""|(?:aria-label|placeholder)\s*=\s*["']?search\b)"""
    r"""|<form\b[^<>]*?\baction\s*=\s*["']?[^"'\s<>]*/search\b|\brole\s*=\s*["']?search\b""",
    re.I,
)
_HEADER_END = re.compile(r"</header\s*>", re.I)
_TITLE_HEADING = re.compile(r"<h1\b", re.I)
# The banner a vendor's knowledge base shows a reader without a subscription ("Subscriber exclusive
# content … Log In"), saved with the page: a class that says it is one ("paywall", "subscription-prompt"),
# or a subscription's class beside a banner's ("banner subscriber-only"). A subscription's class alone
# wraps the content it is for. Read as the article, the banner opened the first problem's symptoms.
# So is a newsletter platform's sign-up box in or after a post: Substack's subscription widget
# ("subscription-widget-wrap-editor", its caption "Thanks for reading …" a note of the fix) and Ghost's
# call to sign up ("footer-cta", its heading a problem whose steps were the email field and the button).
_PAYWALL = re.compile(
    r"^(?:[a-z0-9]{1,12}[-_])?(?:paywall|(?:subscri(?:ber|ption|be)s?|premium|members?|newsletter|sign[-_]?up)[-_]?"
    r"(?:banner|prompt|gate|wall|notice|upsell|widget|cta)(?:[-_](?:wrap|wrapper|container|editor)){0,2}"
    r"|(?:footer|subscribe|signup|newsletter)[-_]cta)$"
)
_SUBSCRIPTION = re.compile(r"subscri(?:ber|ption)|paywall|premium|members?[-_]only")
_BANNER = re.compile(r"^(?:[a-z0-9]{1,12}[-_])?(?:banner|notice|prompt|upsell)$")
_PAYWALL_WORDS = ("subscri", "paywall", "premium", "member", "newsletter", "sign", "cta")
# A help authoring tool's chrome by its block's id, not its class, as HelpNDoc sets a topic's page: its trail
# (<div id="topic_breadcrumb">), its tree of the help's topics (<div id="tree">) and its generator's credit
# (<div id="hnd_generated_by">Created with the Personal Edition of HelpNDoc</div>). The tree's topics were the
# steps of a problem titled by the topic's heading, the trail its symptoms and the credit a note of the last
# problem. A tree by its id alone ("tree", "navtree", "toc-tree"): a "decision-tree" is a page's own. The trail's
# id is _TRAIL_LIST's. A block's id, unlike a list's, may be its heading's anchor: only a block of links and words
# is chrome by it (see _holds_links_only); <div id="tree"> over "Resolution" and its steps is the page's own.
_CHROME_ID = re.compile(r"^(?:[a-z0-9]{1,12}[-_])?generated[-_]?by$|^(?:nav|toc)?[-_]?tree$")
# What a block of content holds and a trail, a tree of links or a credit does not: a heading, a paragraph, code,
# a table; and the end of a <div> or <nav>, the first after its start (a tree's nested lists hold no block).
_CONTENT_TAG = re.compile(r"<(?:h[1-6]|p|pre|table|dl|blockquote)\b", re.I)
_BLOCK_END = re.compile(r"</(?:div|nav)\s*>", re.I)
# A trail to the page by a list's id, as Confluence exports it (<ol id="breadcrumbs">): a list's id, unlike a
# section's, is no heading's anchor; or by a block's of links alone (see _CHROME_ID).
_TRAIL_LIST = re.compile(r"^(?:[a-z0-9]{1,12}[-_])?breadcrumbs?$")
# A trail to the page by its class on any element, a span too, its product's prefix run into it as a
# camel-cased class is (My Oracle Support's <span class="kmBreadcrumb">, "My Oracle Support > Knowledge >
# Document …"): it was the first line of the symptoms. Not a layout's class that says the page has one
# ("has-breadcrumbs"), which holds the article.
_TRAIL_CLASS = re.compile(r"^(?!(?:has|with|without|no)[-_]?b)(?:[a-z0-9]{1,12}[-_]?)?breadcrumbs?$")
# A help centre's list of the files attached to the article ("article-attachments"): under the fix, each
# file ("connector-proxy.pdf (120 KB)") was one more step. Written under a heading that says what it is,
# it is read as an "Attachments" heading is, the page's.
_ATTACHMENTS = re.compile(r"(?:^|[-_])attachments$")
_ATTACHMENTS_TITLE = "Attachments"
# A link made a button ("<a role="button">Follow</a>"), or styled as one by a class a CSS framework names
# buttons by (Bootstrap's "btn", Stack Exchange's "s-btn", "button"; a question page's "Ask Question"): its
# words are a widget's, as a <button>'s are.
_BUTTON_ROLE = re.compile(r"""\brole\s*=\s*["']?button\b""", re.I)
_BUTTON_CLASS = re.compile(r"^(?:[a-z]{1,4}-)?(?:btn|button)$")
# An element's ARIA roles: a tab list's (role="tablist", its labels role="tab") and its panels' ("tabpanel").
_ROLE = re.compile(rf"(?<![\w-])role{_ATTRIBUTE_VALUE}", re.I)
# The elements a docs tool or help centre renders a call-out as, and the classes that say so:
# "admonition warning" (Sphinx), "admonitionblock warning" (Asciidoctor), "alert alert-warning"
# (Bootstrap), "confluence-information-macro-warning", "callout callout-tip", or a kind alone ("note").
# (Not <p>: a paragraph may be left unclosed, and would take the rest of the page into its quote.)
_CALLOUT_TAGS = frozenset(("div", "aside", "section"))
_CLASS = re.compile(rf"(?<![\w-])class{_ATTRIBUTE_VALUE}", re.I)
_CALLOUT_CLASSES = frozenset(
    "admonition admonitionblock callout alert notice confluence-information-macro markdown-alert".split()
)
# A wiki's message box, a call-out its template renders as a one-row table, by the table's class
# (MediaWiki's "ambox" of an article, "ombox", "tmbox", "mbox"...: its icon in the "mbox-image" cell, its
# text in the "mbox-text" cell), of the kind its type's class ends in ("ambox-warning"), else a note.
# Read as a table after a fix's list, a {{Warning}} box was the last step's "| Warning: …" row.
_MESSAGE_BOX = re.compile(r"^[a-z]?mbox$")
# A blog editor's call-out card, its icon in a block of its own before its text (Ghost's "kg-callout-card",
# "kg-callout-emoji", "kg-callout-text"): of the kind its icon says (⚠️ a warning, 💡 a note), its icon no
# word of it. Read as paragraphs, a warning was the problem's cause or symptoms.
_ICON_CALLOUT = re.compile(r"^(?:[a-z]{1,4}-)?callout-card$")
_CALLOUT_ICON = re.compile(r"^(?:[a-z]{1,4}-)?callout-(?:emoji|icon)$")
# How much of a card is looked at for its icon and the label its text opens with.
_CARD_PEEK_CHARS = 400
_TAGS_IN_PEEK = re.compile(r"<[^<>]*>")
# A <details> fold's summary and the fold's end, and the preformatted blocks in it; how far a fold is
# looked through (a folded cell's code is short), and how long a summary that names what a fold hides is.
_SUMMARY_END = re.compile(r"</summary\s*>", re.I)
# The fold's end, or a fold opened in it first (whose code is no longer this fold's alone).
_FOLD_END_OR_START = re.compile(r"</details\s*>|<details", re.I)
_PRE_ELEMENT = re.compile(r"<pre\b.*?</pre\s*>", re.I | re.S)
_FOLD_PEEK_CHARS = 64 * 1024
# A drop-down's end, and the option it shows (``<option selected>``), looked for as far as a fold is.
_SELECT_END = re.compile(r"</select\s*>", re.I)
_OPTION = re.compile(r"<option\b([^<>]*)>([^<]*)", re.I)
_SELECTED = re.compile(r"(?<![\w-])selected(?![\w-])", re.I)
# The control each <label for="…"> of a page names.
_LABEL_FOR = re.compile(r"""<label\b[^<>]*?(?<![\w-])for\s*=\s*["']?([^"'\s<>]+)""", re.I)
MAX_FOLD_LABEL_CHARS = 60
# A part's label opening the card's text ("Cause: …"): the part, as a paragraph so labelled is, no call-out.
_OPENING_LABEL = re.compile(r"([^\W\d][\w ]{0,30})[:：]")
# A footnote's reference mark and its number at the footnote, by their class (Substack's "footnote-anchor"
# and "footnote-number", others' "footnote-ref", "footnote-backref"): marks, no words. Read as text, the
# number was glued to the sentence it marks ("… your From domain.1") and stood as a note of its own.
_FOOTNOTE_MARK = re.compile(r"^footnote[-_]?(?:anchor|ref|reference|number|backref|marker)$")
_FOOTNOTE_MARK_TAGS = frozenset(("a", "sup", "span"))
# An EPUB book's own semantics of an element (epub:type="noteref sidebar"), as its XHTML writes them: a
# footnote's reference mark ("noteref", or its ARIA role "doc-noteref"), a mark as the classes above are,
# and a boxed sidebar, the author's aside in its section, a note, whatever theme class the box has.
_EPUB_TYPE = re.compile(rf"\bepub:type{_ATTRIBUTE_VALUE}", re.I)
# Kinds that style other things too when no call-out class goes with them: an "error" <div> is the
# message a page shows.
_STYLES_ALONE = frozenset(("error",))
# A kind's box, as a knowledge base names the class of the box it renders a call-out as ("infoBox",
# "warningBox", Document360's): a call-out of that kind ("checkbox", "textbox" are a form's).
_KIND_BOX = re.compile(r"^([a-z]+)[-_]?box$")
# The permalink a docs site ends each heading with (Sphinx' and MkDocs' "¶", others' "#" or "🔗",
# Docusaurus' hash-link a zero-width space, there to be hovered): read as text, every title ended in
# "¶", and "Symptoms¶" named no part.
# Each run is tried from its first mark or space only: from each of them, a long run cost its square.
_PERMALINK_MARK = "\u00b6#\u00a7\U0001f517\u200b"
_HEADING_PERMALINK = re.compile(
    rf"(?<!\s)\s*+(?:\[\\?[{_PERMALINK_MARK}]++\]\([^()\s]*+\)"
    rf"|(?<![{_PERMALINK_MARK}\\])\\?[{_PERMALINK_MARK}]++)$"
)
# rustdoc's permalink opens its heading instead ("[§](#errors)Errors"): a link of the mark alone.
_LEADING_PERMALINK = re.compile(rf"^\[\\?[{_PERMALINK_MARK}]\]\([^()\s]*+\)\s*+")
# An underline is bold: Markdown has none, and a help desk's editor underlines the line that heads each
# issue of an answer as others set it in bold ("<p><u>Scanner not detected</u></p>"); dropped, the line
# was a plain paragraph, the issues one.
_INLINE_MARKS = {"b": "**", "strong": "**", "u": "**", "i": "*", "em": "*"}
_CODE_TAGS = frozenset(("code", "kbd", "samp", "tt"))
_LIST_TAGS = frozenset(("ol", "ul", "li"))
_TABLE_PARTS = frozenset("table thead tbody tfoot tr td th caption".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_BARE_PIPE = re.compile(r"(?<!\\)\|")
# Where a <pre> in a table's cell begins and ends in its text (see _Converter.cell_pre).
_CELL_CODE = "\x02"
_CELL_CODE_END = "\x03"
_CELL_CODE_SPAN = re.compile(f"{_CELL_CODE}([^{_CELL_CODE_END}]*){_CELL_CODE_END}")
# Where a paragraph in a table's cell begins: a cell that holds a problem's part keeps its paragraphs
# apart (an explanation, then steps numbered by hand "1) …" a paragraph each); a table's row is one line.
_CELL_PARAGRAPH = "\x04"
# Where a <br> breaks a cell's line: a part's lines stay apart ("1. …<br>2. …", as a Domino form writes a
# fix's steps in its field), a table's row is one line.
_CELL_BREAK = "\x05"
# Deeper lists are written at this depth, deeper bold or italic is not marked: Markdown's own
# nesting limits are not reached, and no text is joined more than this many times.
MAX_LIST_DEPTH = 8
MAX_MARKS = 8
# A table of more cells than this (rows times its widest row) is written a row per paragraph:
# markdown-it fills every row out to the widest, so a few wide rows among many short ones
# would cost the square of the HTML's size.
MAX_TABLE_CELLS = 20_000
# The widest table markdown-it reads as one (indexer.markup reads a wider one as a paragraph:
# it fills every row out to the header's width, each cell a token and a tree node).
MAX_TABLE_COLUMNS = 64
# The blocks a table's cell may hold that make it rich text rather than a value (see _is_layout).
_CELL_BLOCKS = frozenset(("p", "div", "pre", "ol", "ul", "blockquote", "dl", *_HEADINGS))
# How deep layout tables are read again inside one another (each depth reads its content once more).
MAX_LAYOUT_DEPTH = 3
# The longest typed number or bullet of a Word list item ("iii.", "1.2.3.").
MAX_WORD_MARKER = 16
# The inline elements that set a font (Word's and editors' <span style='font-family:…'>, <font face=…>),
# and the fixed-width fonts that mark code when a paragraph's whole text is written in one: word
# processors and rich-text editors (TinyMCE) have no code element.
_FONT_TAGS = frozenset(("span", "font"))
_FIXED_FONT = re.compile(
    r"""(?:font-family\s*:|\bface\s*=)\s*["'&quot;]*(?:courier|consolas|lucida console|monaco|menlo|monospace"""
    r"""|(?:[a-z]{1,16} ){1,2}mono)\b""",
    re.I,
)

# A help-authoring tool's paragraph style for code, by the whole class: RoboHelp's and Word-derived
# templates' "Code" and "CodeExample", "code-sample", "codeblock". A paragraph so styled is set in a
# fixed-width font, as a command or a message is shown; "code-note" or "has-code" style something else.
_CODE_STYLE = re.compile(r"^code(?:[-_]?(?:example|sample|block|listing))?$")
# SharePoint's rich-text editor has no code element: its Code style (ms-rteStyle-Code, defined in the site's
# stylesheet, not on the element) sets a command or a message in a fixed-width font, in a sentence too.
_RTE_CODE_STYLE = re.compile(r"^ms-rtestyle-code$")

# DITA's message phrase (<msgph>, which DITA-OT writes as <span class="ph msgph">): the text a program shows,
# quoted in a sentence ("the job reports <msgph>KBA-3310: Restore target is locked</msgph>"), as <code> quotes
# it. Read as plain words, the message was no error text of its problem.
_MESSAGE_PHRASE = re.compile(r"^msgph$")

# A note app's export, by the exporter its page names in a <meta> (Evernote's "exporter-version", OneNote's
# "Generator"): a note has no heading elements, and its author's headings are lines of bold text.
_NOTE_APP = re.compile(r"""<meta\b[^<>]{0,200}?\bcontent\s*=\s*["']?(?:Evernote|Microsoft OneNote)\b""", re.I)
# How far into a page its exporter's <meta> is looked for (its head).
_NOTE_APP_WITHIN = 8 * 1024
# A font element set larger than the text around it, as a rich-text editor's size menu writes one
# (Blogger's <span style="font-size: large;">, <font size="5">): sizes above "medium", 18px, 14pt, 1.2em or
# 120%. A blog's author heads a section with such a line in bold rather than with a heading element.
_LARGE_FONT = re.compile(
    r"""font-size\s*:\s*(?:x{0,3}-?large(?!\w)|larger|(?:1[89]|[2-9]\d)(?:\.\d+)?px|(?:1[4-9]|[2-9]\d)(?:\.\d+)?pt"""
    r"""|(?:1\.[2-9]|[2-9](?:\.\d+)?)\d*(?:em|rem)|(?:1[2-9]\d|[2-9]\d\d)%)"""
    r"""|\bsize\s*=\s*["']?(?:[4-7]|\+[1-4])\b""",
    re.I,
)
# A line of Markdown that is one bold span, its words escaped as the converter writes them.
_WHOLE_BOLD = re.compile(r"\*\*((?:[^*\\]|\\.)+)\*\*")
# What a note app writes under a page's title, when the page was written: its date in the words of the
# writer's locale ("Tuesday, March 5, 2024", "Dienstag, 5. März 2024", "2024-03-05") or its time
# ("10:14 AM", "09:41"); and OneNote's signature at the end of a page it exports or mails.
_DATE_STAMP = re.compile(
    r"(?:[^\W\d_]{2,20}\.?,?[ \t]+)?(?:\d{1,2}\.?[ \t]+[^\W\d_]{3,20}\.?|[^\W\d_]{3,20}\.?[ \t]+\d{1,2}),?[ \t]+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
)
_TIME_STAMP = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?")
_NOTE_SIGNATURE = re.compile(r"Created with (?:Microsoft )?OneNote(?: \d{4})?\.?", re.I)
# An Evernote checkbox (<en-todo checked="true"/>) and whether it is ticked.
_TICKED = re.compile(r"""\bchecked\s*=\s*["']?true\b""", re.I)


# A stylesheet's rule for one class alone (".c7"), as Google Docs writes a run's bold, italic and font
# (it writes no <b>, <i> nor <code>), and the declarations in it that say so. A rule for a class under
# another selector (".doc-content .c8") or for an element is a theme's, not the run's own.
_CLASS_SELECTOR = re.compile(r"\s*\.(-?[A-Za-z_][\w-]{0,60})\s*")
_BOLD_WEIGHT = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*(?:italic|oblique)\b", re.I)


def _declared_marks(declarations: str) -> str:
    """The marks CSS ``declarations`` give a run: "b" (bold), "i" (italic) and "f" (a fixed-width
    font), in that order; "" for none."""
    return (
        ("b" if _BOLD_WEIGHT.search(declarations) else "")
        + ("i" if _ITALIC_STYLE.search(declarations) else "")
        + ("f" if _FIXED_FONT.search(declarations) else "")
    )


def _class_fonts(css: str) -> dict[str, str]:
    """For each class a stylesheet ``css`` styles alone, the marks its rules give a run: "b" (bold),
    "i" (italic) and "f" (a fixed-width font), "" for none; a later rule for it overrides an earlier."""
    fonts: dict[str, str] = {}
    for rule in _without_comments(css).split("}"):
        head, _, declarations = rule.rpartition("{")
        # A rule inside an at-rule ("@media print{.c7{…}") is the text after the at-rule's brace.
        selectors = head.rpartition("{")[2].split(",")
        named = [found.group(1) for found in map(_CLASS_SELECTOR.fullmatch, selectors) if found]
        if not named or len(named) < len(selectors):
            continue
        marks = _declared_marks(declarations)
        for name in named:
            fonts[name] = marks
    return fonts


def _without_comments(css: str) -> str:
    """A stylesheet without its comments; one left open runs to its end. Found with str.find: a
    pattern looked for "*/" again from each "/*" left open."""
    kept, position = [], 0
    while (opening := css.find("/*", position)) >= 0:
        kept.append(css[position:opening])
        closing = css.find("*/", opening + 2)
        if closing < 0:
            return "".join(kept)
        position = closing + 2
    kept.append(css[position:])
    return "".join(kept)


@dataclass
class _List:
    ordered: bool
    number: int
    # Where its markers are written, and where the text of its current item is.
    indent: str = ""
    content: str = ""


@dataclass
class _Callout:
    """A call-out being read: its element and kind, where it begins, the elements of that name open
    inside it, and whether any of its text was written yet."""

    tag: str
    kind: str
    # How many quotes were open before it, and the line of its marker (-1 when it has none).
    quotes: int
    marker: int = -1
    depth: int = 0
    said: bool = False


# The elements that label a field of a page laid out as label then value: a <span>, <div> or <p> of a
# class named a label ("slds-form-element__label" in Salesforce Knowledge, Drupal's "field__label",
# "field-label"), not one whose class only names a layout ("field--label-above"). Not a heading, item,
# link or code of such a class (a "tab-label" heading is still a heading), nor a form's <label> or a
# glossary's <dt>: "Error" and "Workaround" defined in a glossary are no parts of a problem.
_LABEL_TAGS = frozenset(("span", "div", "p"))
_LABEL_CLASS = re.compile(r"(?:^|[-_])label$")
# A field's label, in bold or not: short, and no sentence.
_FIELD_LABEL = re.compile(r"(\*\*)?([^*\n]{1,40}?)\1?:?")


# An entry of a help desk's ticket thread ("thread-entry" in osTicket's export, "ticket-event", "thread_item",
# Freshdesk's "conversation-item"), and the part of the problem each role its class names tells: the
# requester's message what is seen, the agent's internal or private note why (its "note" class is no
# call-out), the agent's public response or reply what to do.
_THREAD_ENTRY = re.compile(r"^(?:thread|ticket|conversation)[-_](?:entry|event|item)$")
_ENTRY_PARTS = {
    "message": "Symptoms",
    "requester": "Symptoms",
    "note": "Cause",
    "private-note": "Cause",
    "response": "Resolution",
    "agent-reply": "Resolution",
}
# What a help desk writes around a ticket's messages, by its class: each entry's header of who wrote it and
# how ("Eva Lind replied", "Lars Olsen reported via portal"), the ticket's record ("Created by … via Portal")
# and its properties panel (Status, Priority), and an entry that only logs an activity ("X set Status as
# Resolved"). Read as text, the header over a reply was its cause, and the record and properties symptoms.
# So is an issue tracker's properties panel beside the issue ("issue-meta", Bitbucket's: Assignee, Priority,
# Status, Votes), which was the first lines of the symptoms.
_TICKET_FURNITURE = re.compile(
    r"^(?:conv|conversation|thread)[-_](?:header|meta)$|^(?:ticket|issue)[-_](?:meta|properties)$|^activity$"
)
# A GitHub issue saved as a web page: each comment a "timeline-comment" box opened by its header (the writer,
# their role in the project, "commented" and the day), the issue's state and opener over them
# ("gh-header-meta"), and the tracker's events between them, a "TimelineItem" that holds no comment ("X added
# the bug label", "X closed this as completed in #415"). The comments are written as GitHub's Markdown export
# writes its replies, each after a rule and opened by its header, a byline (indexer.threads reads the issue
# then); the first is the issue's body, whose header only says who opened it, as the state line does. A
# header's link to its writer ("author") is their handle, "@" and the name, as the export writes it. Read as
# paragraphs, the events and that line were symptoms, and a header a question-and-answer site's signature.
_ISSUE_COMMENT = "timeline-comment"
_ISSUE_COMMENT_HEADER = "timeline-comment-header"
_ISSUE_STATE = "gh-header-meta"
_ISSUE_EVENT = "timelineitem"
_ISSUE_COMMENT_CONTAINER = "js-comment-container"
_ISSUE_AUTHOR = re.compile(r"(?:^|\s)author(?:\s|$)")
# A Bugzilla bug page (show_bug.cgi) is read as a GitHub issue page is: each comment a "bz_comment" box
# opened by its head ("bz_comment_head": its number, its writer, its time), the first the report, whose
# head is left out. A reply's head is written as a byline, its writer in bold and the time after a
# separator, and its number, the comment's anchor, left out; a writer who is the bug's Assignee (its field
# table's row) is the project's, as a maintainer's role marks a GitHub comment. Its text is in a <pre>
# ("bz_comment_text") as its writer typed it: its lines, numbered items and quotes, not output. Read as
# paragraphs and code, each comment was a step, and the report's "Actual results" no error.
_BUG_COMMENT = "bz_comment"
_BUG_COMMENT_HEAD = "bz_comment_head"
_BUG_COMMENT_NUMBER = "bz_comment_number"
_BUG_COMMENT_USER = "bz_comment_user"
_BUG_COMMENT_TIME = "bz_comment_time"
_BUG_COMMENT_TEXT = "bz_comment_text"
_BUG_ASSIGNEE = re.compile(r"assignee:?", re.IGNORECASE)
# How a byline marks the writer the bug is assigned to (see indexer.threads).
_ASSIGNEE_ROLE = "Assignee"
# A typed line's own block marks, kept as Markdown reads them: its indentation, a quote's ">" (a reply
# quoting the comment it answers), a numbered item's number or a bullet.
_TYPED_MARKS = re.compile(r"[ \t]*+(?:>[ \t]?)*+(?:(?:\d{1,9}[.)]|[-*+])[ \t]+)?")
# A Jira Service Management request saved from its customer portal: its Activity list ("cv-activity-list")
# of items ("cv-activity-item"), each a comment opened by its author's line ("cv-comment-author": the name in
# bold, an "Agent" badge for the service desk's people, the time) or an event of the request ("cv-status",
# "X changed the status to Resolved"), and over it the line that says who raised the request
# ("cv-raised-by"). The comments are written as a GitLab issue's activity is, each opened by a byline, the
# time after a separator, under the list's heading (indexer.threads reads the request then); the events and
# that line are left out, as a GitHub issue's are. Read as a list, every item was a step.
_ACTIVITY_LIST = "cv-activity-list"
_ACTIVITY_ITEM = "cv-activity-item"
_ACTIVITY_EVENT = "cv-status"
_ACTIVITY_AUTHOR = "cv-comment-author"
_REQUEST_OPENER = "cv-raised-by"
# A status page's incident update (Atlassian Statuspage's "update-title" over each "update-body"), newest
# first: its status word tells what the update says, Investigating the symptoms, Identified the cause,
# Monitoring and Resolved the fix; any other ("Update") goes on with the part before it. Read as text, each
# status word and update was a step, and the error quoted in one no message.
_UPDATE_TITLE = re.compile(r"^(?:incident[-_])?update[-_]title$")
_UPDATE_PARTS = {
    "investigating": "Symptoms",
    "identified": "Cause",
    "monitoring": "Resolution",
    "resolved": "Resolution",
    "completed": "Resolution",
}


# The class of an API generator's entry for an exception: Sphinx autodoc's ``<dl class="py exception">``
# (each domain's, "js exception" too).
_EXCEPTION_ENTRY = re.compile(r"^exception$")
# A definition list's elements (see _Converter._definition_start).
_DEFINITION_TAGS = frozenset(("dl", "dt", "dd"))
# An API generator's table of a type's variants, a row each, its name's cell then its documentation's:
# Doxygen's enumerators (<table class="fieldtable">, "fieldname" and "fielddoc" cells) and the block of
# Haddock's constructors that holds their table (<div class="subs constructors">, "src" and "doc"
# cells). Each row is one case of the type, an error of an error type with its message and fix, as an
# exception's entry is (see _EXCEPTION_ENTRY); read as a table, every case was one step of one problem.
_VARIANT_TABLE = re.compile(r"^fieldtable$")
_VARIANT_BLOCK = re.compile(r"^constructors$")
# The class of a variant's documentation cell; any other cell is more of its name.
_VARIANT_DOC = re.compile(r"^(?:field)?doc$")


def _names_part(title: str) -> bool:
    """Whether a heading names a part of one problem that a list of messages may be said in
    ("Symptoms", "Resolution"); not one that names the messages themselves ("Error messages")."""
    return bool(title) and heading_role(title) in PROBLEM_PART_ROLES - {Role.ERRORS, Role.CODES}


def _part_fields(rows: list[_Row]) -> list[str]:
    """The labels of a table whose rows each give a field of a problem, its label in the first cell
    (a <th>, or bold) and its text in the second, when two of them or more name its parts
    (Symptoms, Cause, Resolution; Question, Answer); [] for any other table."""
    labels: list[str] = []
    for row in rows:
        found = _FIELD_LABEL.fullmatch(row.cells[0]) if len(row.cells) == 2 else None
        if found is None or not (row.tags[:1] == ["th"] or found.group(1)):
            return []
        labels.append(found.group(2).strip())
    return labels if _name_parts(labels) else []


# A cell whose whole text is bold: a rich-text editor's header cell (Freshservice's and Zendesk's
# editors write a table's first row as <td><strong>Step</strong></td>, with no <th>).
_BOLD_CELL = re.compile(r"\*\*[^*\n]+\*\*")


def _is_layout(rows: list[_Row]) -> bool:
    """Whether a table only lays out a page: one column, a cell of it holding rich text (two
    paragraphs, headings or lists or more), as an older help desk (ServiceDesk Plus) saves an
    article's body in the cell under a "Contents" row. A row of a data table is one line; such a
    cell is the article, its blocks flattened into one line lost its parts and steps."""
    return all(len(row.cells) == 1 for row in rows) and any(row.block_elements >= 2 for row in rows)


def _is_header(rows: list[_Row]) -> bool:
    """Whether a table's first row names its columns: all <th>, or every cell of it bold where some
    cell of each other row is not. Taken for a row of data, its names were the first step of a
    procedure table ("Step | Action | Screenshot")."""
    first, rest = rows[0], rows[1:]
    if first.header:
        return True
    bold = [all(_BOLD_CELL.fullmatch(cell) for cell in row.cells) for row in rows]
    return bool(rest) and ((bold[0] and not any(bold[1:])) or _names_problem_columns(first, rest[0]))


# The longest name a spreadsheet gives a column ("Error code", "What to do").
MAX_COLUMN_NAME_WORDS = 4


def _names_problem_columns(first: _Row, second: _Row) -> bool:
    """Whether a first row of plain cells names the columns of a table of problems and their fixes
    ("Code | Message | Meaning | Fix"), as a spreadsheet exported as a web page writes its header: in
    <td> cells, which it never makes <th>. The row under it must not read so too: that is a table of
    labels, not one with a header."""

    def named(row: _Row) -> bool:
        if not all(cell and len(cell.split()) <= MAX_COLUMN_NAME_WORDS for cell in row.cells):
            return False
        held = [column_holds(cell) for cell in row.cells]
        return any("fix" in h for h in held) and any(h & {"error", "symptom"} - {"fix"} for h in held)

    return named(first) and not named(second)


def _name_parts(labels: list[str]) -> bool:
    """Whether two or more of a page's field ``labels`` name a problem's parts: fields laid out so are
    the problem's (a lone "Cause" is one field of a form)."""
    return sum(map(_names_a_part, labels)) >= 2 and any(
        heading_role(label) in PROBLEM_PART_ROLES for label in labels
    )


# The fields a knowledge base describes an article's problem in besides those a part's name heads:
# Salesforce Knowledge's "Summary" and "Details". Only as a field's label: a heading "Details" may head
# anything, and even as a label it counts only beside another part (see _name_parts).
_DESCRIPTION_FIELD = re.compile(r"(?:(?:problem|issue) )?(?:summary|details)")


# The fields of a knowledge base's article record that Salesforce Knowledge lays out around its parts, and
# the words the page is found by ("Keywords", "Tags", "Schlagwörter"), as a form's field after its parts.
_RECORD_FIELD = re.compile(rf"{RECORD_FIELD}|{KEYWORDS_WORDS}")


# The fields of a help desk's record of the article, as its page tabulates them under the article
# (Kayako's "Article ID", "Author", "Created On", "Rating"): the page's, not the last step's table. Its
# "Version" too, beside the article's number (Salesforce Knowledge's field list under the title). And an
# ITSM tool's record form after the article's parts (Ivanti Neurons' print view: "Related CIs", "Category",
# "Keywords", "Created By", "Last Modified"), the configuration items, services or assets it concerns and who
# changed it: read as the last step's table, it was a step's text.
# A record's field that says when or by whom it was last changed: as much the record's own as its number,
# beside what the record concerns or is found by (its related items, its keywords). Alone beside a version or
# a category, it is what a step compares or enters ("Version | 7.4.2", "Last updated | 2024-03-11" in a step):
# read as the record, the step's values were dropped.
_RECORD_CHANGE = re.compile(r"last (?:updated|modified)(?: by)?|(?:created|modified|updated) (?:on|by)")
_RECORD_RELATED = re.compile(r"related (?:cis?|configuration items?|services?|assets?)")
_PAGE_RECORD_FIELD = re.compile(
    rf"{_RECORD_FIELD.pattern}|(?:article|kb) (?:id|no|#)|authors?|published (?:on|by)|{_RECORD_CHANGE.pattern}"
    rf"|rating|views|version|category|{_RECORD_RELATED.pattern}"
)


def _is_page_record(rows: list[_Row]) -> bool:
    """Whether a table's rows are each a label and its value, every label a field of the article's record
    (see _PAGE_RECORD_FIELD) and one of them its number, or its last change beside what it concerns."""
    labels = [row.cells[0] for row in rows if len(row.cells) == 2]
    return len(labels) == len(rows) and _are_page_record(labels)


def _are_page_record(labels: list[str]) -> bool:
    """Whether two or more fields' ``labels`` are each a field of the article's record (see
    _PAGE_RECORD_FIELD), one of them its number, or when it was changed beside what it concerns (see
    _RECORD_CHANGE)."""
    names = [normalise_heading(label).rstrip(":").strip() for label in labels]
    return (
        len(names) > 1
        and all(_PAGE_RECORD_FIELD.fullmatch(name) for name in names)
        and (
            any(name.startswith(("article", "kb")) for name in names)
            or (
                any(_RECORD_CHANGE.fullmatch(name) for name in names)
                and any(_RECORD_RELATED.fullmatch(name) or names_keywords(name) for name in names)
            )
        )
    )


def _names_a_part(label: str) -> bool:
    """Whether a field's label names a part of a problem ("Symptoms", "Resolution", "Details")."""
    return heading_role(label) in PROBLEM_PART_ROLES or bool(
        _DESCRIPTION_FIELD.fullmatch(normalise_heading(label))
    )


def _is_field_label(tag: str, attributes: str) -> bool:
    """Whether an element labels the field whose value follows it (see _LABEL_TAGS)."""
    return tag in _LABEL_TAGS and "label" in attributes.lower() and _has_class(attributes, _LABEL_CLASS)


def _attribute(pattern: re.Pattern[str], attributes: str) -> str:
    """The value of the attribute ``pattern`` finds in an element's ``attributes`` (each of its groups
    one way of quoting it), or "" when it has none."""
    found = pattern.search(attributes)
    return next((g for g in found.groups() if g is not None), "") if found else ""


def _has_class(attributes: str, name: re.Pattern[str]) -> bool:
    """Whether one of an element's classes is ``name`` (searched in each, lower-cased)."""
    return any(name.search(c) for c in _attribute(_CLASS, attributes).lower().split())


def _rte_code(attributes: str) -> bool:
    """Whether an element is set in SharePoint's rich-text Code style (see _RTE_CODE_STYLE)."""
    return "rtestyle" in attributes.lower() and _has_class(attributes, _RTE_CODE_STYLE)


def _has_role(attributes: str, role: str) -> bool:
    """Whether an element's ARIA roles (see _ROLE) include ``role``."""
    return "role" in attributes.lower() and role in _attribute(_ROLE, attributes).lower().split()


# MkDocs Material's content tabs (pymdownx.tabbed) carry no ARIA roles: their class names the tab list
# ("tabbed-labels", a <label> per tab in it) and each panel ("tabbed-block").
_TAB_CLASSES = {"tablist": "tabbed-labels", "tabpanel": "tabbed-block"}


def _is_tab_part(tag: str, attributes: str, role: str) -> bool:
    """Whether an element is the part ``role`` of a set of tabs ("tablist", "tab" or "tabpanel"): by its
    ARIA role or, as Material renders its tabs, by its class (a tab is then a <label> in the tab list)."""
    if _has_role(attributes, role):
        return True
    if role == "tab":
        return tag == "label"
    return "tabbed-" in attributes and _TAB_CLASSES[role] in _attribute(_CLASS, attributes).split()


def _is_hidden(attributes: str) -> bool:
    """Whether an element has the `hidden` attribute (see _HIDDEN), or is microdata styled hidden (see
    _STYLE_VALUE)."""
    lowered = attributes.lower()
    if "hidden" in lowered and _HIDDEN.search(_QUOTED_VALUE.sub("=", attributes)):
        return True
    return "none" in lowered and bool(_MICRODATA.search(attributes)) and _styled_hidden(attributes)


def _styled_hidden(attributes: str) -> bool:
    """Whether a style attribute in ``attributes`` says display:none before the next quote or ">".
    Each stretch up to a quote or ">" is searched once, from the first value in it: a later value in
    the same stretch ends at the same place, and searching from each took the square of a tag of many
    style attributes (200 KB, minutes)."""
    searched = 0
    for value in _STYLE_VALUE.finditer(attributes):
        if value.end() <= searched:
            continue
        end = _VALUE_END.search(attributes, value.end())
        searched = end.start() if end else len(attributes)
        if _DISPLAY_NONE.search(attributes, value.end(), searched):
            return True
    return False


def _is_comments(tag: str, attributes: str) -> bool:
    """Whether a block is a help centre's comments under the article (see _COMMENTS), by its class or id."""
    if tag not in _BLOCKS or "comment" not in attributes.lower():
        return False
    return (
        _has_class(attributes, _COMMENTS)
        or _has_class(attributes, _ISSUE_COMMENTS)
        or bool(_COMMENTS.search(_attribute(_ID, attributes).lower()))
    )


def _is_rating(tag: str, attributes: str) -> bool:
    """Whether a block is a help centre's rating widget under the article (see _RATING), by its class or id."""
    lowered = attributes.lower()
    if tag not in _BLOCKS or not any(word in lowered for word in ("helpful", "feedback", "vote", "rating")):
        return False
    return _has_class(attributes, _RATING) or bool(_RATING.fullmatch(_attribute(_ID, attributes).lower()))


def _is_support_contact(tag: str, attributes: str) -> bool:
    """Whether a block is a help centre's support contact block (see _SUPPORT_CONTACT), by its class or id."""
    lowered = attributes.lower()
    if tag not in _BLOCKS or not any(word in lowered for word in ("contact", "hotline", "helpline")):
        return False
    return _has_class(attributes, _SUPPORT_CONTACT) or bool(
        _SUPPORT_CONTACT.fullmatch(_attribute(_ID, attributes).lower())
    )


# What Javadoc generates around a class's own description: its summaries of members, the members it
# inherits ("Methods inherited from class java.lang.Throwable", which was a problem whose step was their
# names), and its tag list (<dl class="notes">: "Since:", "See Also:"), which were notes after the steps;
# and the members' details after it ("Constructor Details", each member's signature and comment), API
# reference that went on with the description's list of steps as steps of their own; and the class's
# inheritance tree and declaration over the description ("java.lang.Object", "public class … extends
# Exception"), which were its first symptoms.
_JAVADOC_CHROME = re.compile(
    r"^(?:(?:method|constructor|field|nested-class|enum-constant|property)-(?:summary|details)"
    r"|inherited-list|inheritance|type-signature)$"
)

# What TypeDoc generates around a class's own documentation: the toolbar of its search widget (whose states,
# "The search index is not available", were a problem's steps), the class's hierarchy, the index of its
# members (each group, "Methods", a problem) and where each is defined ("Defined in src/…").
_TYPEDOC_CHROME = re.compile(r"^tsd-(?:page-toolbar|hierarchy|index-group|sources)$")
# The lists of the traits rustdoc shows a type implements, by their ids: each method's doc there is copied
# from the trait's ("The lower-level source of this error, if any. Read more"), and was a problem of its own.
_RUSTDOC_IMPLEMENTATIONS = re.compile(r"^(?:trait|synthetic|blanket)-implementations-list$")


# The language a <pre> of source code is labelled with by its class, as a highlighter (`language-rust`,
# `lang-go`) or rustdoc (`rust-example-rendered`) labels it: read as a fence of no language, a doc
# example's `Err(e) => …` was an error message.
_PRE_LANGUAGE = re.compile(r"^(?:language|lang)-([a-z][a-z0-9+#-]{0,19})$|^([a-z]{1,12})-example-rendered$")
# The block pkg.go.dev sets a Go declaration in ("func Dial(…) (*Conn, error)"), its <pre> of no class.
_GO_DECLARATION = "documentation-declaration"

# A Go package's sentinel error in its declaration, the comment over it its doc:
# `ErrRefused = errors.New("relay: session token refused")`.
_GO_COMMENT = re.compile(r"[ \t]*//[ \t]?(.*)")
_GO_SENTINEL = re.compile(
    r'[ \t]*(?:var[ \t]+)?(\w{1,80})[ \t]*=[ \t]*(?:errors\.New|fmt\.Errorf)\("((?:[^"\\\n]|\\.){1,500})"'
)


# A documentation generator's block of a docstring (YARD's and pdoc's <div class="docstring">), where
# RDoc's and YARD's authors, who rarely write deep headings, open a paragraph with a bold sentence that
# names the case the rest of it and what follows explain ("**Rollout times out.** The job prints …").
_DOCSTRING = re.compile(r"^docstring$")
# Such a paragraph: its bold sentence's words, and its full stop or colon, then its text. A full-width
# one ("。", "："), of a script written without spaces, may stand outside the bold (written so where a
# letter follows it, that Markdown closes the bold) and needs no space after it.
_BOLD_LEAD_IN = re.compile(
    r"\*\*((?:[^*\\]|\\.){2,200}?)(?:([.:])\*\*[ \t]+|([。：])\*\*[ \t]*|\*\*([。：])[ \t]*)(\S.*)", re.S
)


# Doxygen's group of documentation of functions, macros, variables or typedefs (its "groupheader"
# heading, "Function Documentation", over a "memtitle" heading and a "memitem" block per member): API
# reference generated from the declarations, as Javadoc's member details are; each function was a
# problem, its parameters and return value steps. An enumeration's group holds the cases of a status
# type (see _VARIANT_TABLE), and stays.
_GROUP_HEADER = re.compile(r"^groupheader$")
_MEMBER_PART = re.compile(r"^mem(?:title|item)$")
_REFERENCE_GROUP = re.compile(
    r"(?:(?:member |friends and related )?functions?|macro definitions?|variables?|typedefs?|"
    r"(?:member )?data)\s+documentation",
    re.I,
)
# The anchor Doxygen sets before such a group's heading, by the kind of its members (its MemberListType's
# label), in whatever language the heading is worded (OUTPUT_LANGUAGE); a page's other groups' anchors
# ("doc-enum-members") name none.
_REFERENCE_ANCHORS = frozenset(
    f"doc-{kind}-members" for kind in ("func", "define", "var", "variable", "typedef", "related")
)


# The source listing YARD appends to each method's documentation (<table class="source_code">: its line
# numbers, "# File 'lib/…', line N" and the method's body), generated from the code, no text of the
# article; it was glued onto the last step.
_SOURCE_LISTING = re.compile(r"^source_code$")


# A SharePoint page's master-page chrome around the wiki's rich-text field, by its block's class: the
# navigation boxes (ms-core-navigation) and the menus they hold, the Quick Launch beside the page and the
# top link bar over it (ms-core-listMenu-verticalBox, -horizontalBox, in the ms-breadcrumb-top box), and the
# ribbon's tabs (ms-cui-ribbonTopBars: "Browse", "Page"). Saved with the page, the Quick Launch's links
# ("Home", "How To Use This Library", "Recent") were the steps of one problem of the whole page. The page's
# own text is the rich-text field's (ms-rtestate-field, its editor's ms-rte… styles) and its web part's.
_SHAREPOINT_CHROME = re.compile(
    r"^ms-(?:core-navigation|core-listmenu-(?:verticalbox|horizontalbox)|breadcrumb-top|cui-ribbontopbars)$"
)
_SHAREPOINT_CHROME_WORDS = ("ms-core-", "ms-breadcrumb", "ms-cui-")
# A SharePoint modern page's web parts that list links to other pages and items, by the feature tag the
# page gives each web part ("QuickLinksWebPart web part (Quick links)"; Highlighted content's "ContentRollup",
# News, Events, Hero, Sites, Site activity, People), set beside or under the text web parts ("Rich Text
# Editor"), which hold the page's own text. Read as the page's last section, a Quick links web part's
# links were the last problem's last steps and its title a note of it.
_FEATURE_TAG = re.compile(rf"(?<![\w-])data-sp-feature-tag{_ATTRIBUTE_VALUE}", re.I)
_LINKS_WEB_PART = re.compile(
    r"^(?:QuickLinks|ContentRollup|News|Events|Hero|Sites|SiteActivity|People)WebPart\b", re.I
)


# A region of the page its site leaves out of a printout, by a class that says so (BookStack's "print-hidden",
# Bootstrap's "d-print-none" and "hidden-print", MediaWiki's "noprint", "no-print"): the site's chrome, not the
# article, which is what a printout keeps. BookStack so marks its columns beside the page (the page's revision,
# its author and the actions on it, which were a group of steps of the last problem) and its pager under it
# ("Previous", "Next": two notes of it). Only a <div> or an <aside>: a paragraph of the page's own text so
# marked (a hint to click) is still the page's.
_NOT_PRINTED = re.compile(r"^(?:print[-_]?hidden|hidden[-_]print|d-print-none|no[-_]?print)$")
_NOT_PRINTED_TAGS = frozenset(("div", "aside"))


# A wiki's link to edit one section, which it writes in the section's heading (MediaWiki's "mw-editsection",
# "editsection" in its older skins: "[edit]"), by its element's class: read as the heading's words, every
# problem's title ended in "[edit]", and a "See also[edit]" was no longer the boilerplate "See also" is.
_SECTION_EDIT_LINK = re.compile(r"^(?:mw-)?editsection$")
# MediaWiki's chrome under a page's content, by its block's class: the footer it prints ("printfooter":
# 'Retrieved from "https://…&oldid=…"') and the page's categories ("catlinks"), which were a note and a
# group of steps of the last problem.
_WIKI_CHROME = re.compile(r"^(?:printfooter|catlinks)$")


# Furniture known by its block's class alone, each kind by its pattern of whole class names, with the words
# one of them holds: a cheap look before the pattern is tried.
_FURNITURE_CLASSES = (
    (_BYLINE_WORDS, _BYLINE),
    (("mso",), _WORD_PAGE_MARGIN),
    (("source-file",), _SOURCE_FILE_FACTS),
    (_FORUM_CHROME_WORDS, _FORUM_CHROME),
    (_POST_CHROME_WORDS, _POST_CHROME),
    (_FURNITURE_WORDS, _FURNITURE),
    (("mcwebhelp", "mcbreadcrumbs", "mcminitoc"), _FLARE_CHROME),
    (_BLOG_CHROME_WORDS, _BLOG_CHROME),
    (_SHARE_BLOCK_WORDS, _SHARE_BLOCK),
    (("widget",), _WIDGETS),
    (("ignore",), _READ_ALOUD_SKIPPED),
    (("summary", "inherit", "details", "type-signature"), _JAVADOC_CHROME),
    (("tsd-",), _TYPEDOC_CHROME),
    (_SHAREPOINT_CHROME_WORDS, _SHAREPOINT_CHROME),
    (("printfooter", "catlinks"), _WIKI_CHROME),
)


def _pre_language(attributes: str) -> str:
    """The language a <pre>'s class, or its <code>'s, labels its code with (see _PRE_LANGUAGE), else ""."""
    lowered = attributes.lower()
    if "lang" not in lowered and "-example-rendered" not in lowered:
        return ""
    for name in _attribute(_CLASS, attributes).lower().split():
        if found := _PRE_LANGUAGE.fullmatch(name):
            return found.group(1) or found.group(2)
    return ""


def _is_furniture(tag: str, attributes: str) -> bool:
    """Whether a block or a list is a docs site's sidebar, table of contents, breadcrumbs, page tree, cookie
    banner, an article's byline, a Word page's header or footer, a page's source file's dates, a forum's
    or a blog template's chrome, a blog's share buttons or sidebar widgets, a SharePoint page's navigation
    and ribbon (see _FURNITURE_CLASSES) or a subscription banner or sign-up box (see _PAYWALL), by its
    class, or a list that is the trail to the page by its id (see _TRAIL_LIST), or its search banner (see
    _SEARCH_BANNER), by its class or id, or a portal's widget by a camel-cased class or id (see
    _CAMEL_CASED_CHROME), or a support chat's widget by its class or id (see _CHAT_WIDGET), or a
    documentation generator's listing of a method's source (see _SOURCE_LISTING), or a sidebar <aside> by
    its id (see _SIDEBAR_ID), or a SharePoint web part of links (see _LINKS_WEB_PART), or a region the site
    leaves out of a printout (see _NOT_PRINTED), or a wiki's link to edit a section (see _SECTION_EDIT_LINK)
    or its printed footer and category links (see _WIKI_CHROME)."""
    lowered = attributes.lower()
    is_list = tag in ("ol", "ul")
    if is_list and "breadcrumb" in lowered and _TRAIL_LIST.search(_attribute(_ID, attributes).lower()):
        return True
    if "breadcrumb" in lowered and tag not in _VOID and _has_class(attributes, _TRAIL_CLASS):
        return True
    if tag == "table" and "source_code" in lowered and _has_class(attributes, _SOURCE_LISTING):
        return True
    if tag in _NOT_PRINTED_TAGS and "print" in lowered and _has_class(attributes, _NOT_PRINTED):
        return True
    if "editsection" in lowered and tag not in _VOID and _has_class(attributes, _SECTION_EDIT_LINK):
        return True
    if tag not in _BLOCKS and not is_list:
        return False
    if "sidebar" in _epub_types(attributes):
        return False
    if tag == "aside" and "side" in lowered and _SIDEBAR_ID.fullmatch(_attribute(_ID, attributes).lower()):
        return True
    if "webpart" in lowered and _LINKS_WEB_PART.match(_attribute(_FEATURE_TAG, attributes)):
        return True
    if tag == "dl" and "notes" in lowered and _attribute(_CLASS, attributes).lower().split() == ["notes"]:
        return True
    if "implementations" in lowered and _RUSTDOC_IMPLEMENTATIONS.fullmatch(
        _attribute(_ID, attributes).lower()
    ):
        return True
    if any(word in lowered for word in _PAYWALL_WORDS) and (
        _has_class(attributes, _PAYWALL)
        or (_has_class(attributes, _SUBSCRIPTION) and _has_class(attributes, _BANNER))
    ):
        return True
    if "search" in lowered and (
        _has_class(attributes, _SEARCH_BANNER) or _SEARCH_ID.fullmatch(_attribute(_ID, attributes))
    ):
        return True
    if any(word in lowered for word in ("search", "helpful", "footer")) and any(
        _CAMEL_CASED_CHROME.fullmatch(name)
        for name in [*_attribute(_CLASS, attributes).split(), _attribute(_ID, attributes)]
    ):
        return True
    if "chat" in lowered and (
        _has_class(attributes, _CHAT_WIDGET) or _CHAT_WIDGET.fullmatch(_attribute(_ID, attributes).lower())
    ):
        return True
    return any(
        any(word in lowered for word in words) and _has_class(attributes, classes)
        for words, classes in _FURNITURE_CLASSES
    )


def _part_labels(labels: list[tuple[int, str, int]]) -> list[tuple[int, str]]:
    """The field labels written as paragraphs of their own (their line, text and heading level) as
    their line and text, each without its colon, when two of them or more name a problem's parts
    (as _part_fields asks of a table's rows); else []."""
    found = [
        (line, named.group(2).strip()) for line, text, _ in labels if (named := _FIELD_LABEL.fullmatch(text))
    ]
    return found if _name_parts([label for _, label in found]) else []


def _is_ticket_furniture(attributes: str) -> bool:
    """Whether a block is what a help desk writes around a ticket's messages (see _TICKET_FURNITURE): an
    activity only within a thread's entry's classes."""
    lowered = attributes.lower()
    if not any(word in lowered for word in ("header", "meta", "properties", "activity")):
        return False
    classes = _attribute(_CLASS, attributes).lower().split()
    if "activity" in classes and not any(_THREAD_ENTRY.match(c) for c in classes):
        return False
    return any(_TICKET_FURNITURE.match(c) for c in classes)


def _issue_class(attributes: str) -> str:
    """What an element of a GitHub issue page, a Bugzilla bug page or a service desk's request is by its
    class (see _ISSUE_COMMENT, _BUG_COMMENT, _ACTIVITY_LIST): "comment", "header" (a comment's), "byline" (an
    activity item's author line), "furniture" (the state line, an event, a comment's number, the request's
    opener), or "" for anything else."""
    lowered = attributes.lower()
    if (
        "timeline" not in lowered
        and "gh-header" not in lowered
        and "bz_" not in lowered
        and "cv-" not in lowered
    ):
        return ""
    classes = _attribute(_CLASS, attributes).lower().split()
    if _ISSUE_COMMENT in classes or _BUG_COMMENT in classes:
        return "comment"
    if _ISSUE_COMMENT_HEADER in classes or _BUG_COMMENT_HEAD in classes:
        return "header"
    if _ACTIVITY_AUTHOR in classes:
        return "byline"
    if (
        _ISSUE_STATE in classes
        or _BUG_COMMENT_NUMBER in classes
        or (_ISSUE_EVENT in classes and _ISSUE_COMMENT_CONTAINER not in classes)
        or (_ACTIVITY_ITEM in classes and _ACTIVITY_EVENT in classes)
        or _REQUEST_OPENER in classes
    ):
        return "furniture"
    return ""


def _thread_entry_part(attributes: str) -> str:
    """The part of a problem a help desk's thread entry tells by its role (see _THREAD_ENTRY), "" for an
    element that is no such entry."""
    lowered = attributes.lower()
    if "thread" not in lowered and "ticket" not in lowered and "conversation" not in lowered:
        return ""
    classes = _attribute(_CLASS, attributes).lower().split()
    if not any(_THREAD_ENTRY.match(c) for c in classes):
        return ""
    return next((_ENTRY_PARTS[c] for c in classes if c in _ENTRY_PARTS), "")


def _epub_types(attributes: str) -> list[str]:
    """The EPUB semantics an element's ``epub:type`` names (see _EPUB_TYPE), lower-cased; [] for none."""
    if "epub:" not in attributes:
        return []
    return _attribute(_EPUB_TYPE, attributes).lower().split()


def _callout_class(attributes: str) -> str:
    """The call-out kind an element's classes name ("warning" of "admonition warning" or of "alert
    alert-warning", "note" of a bare "admonition", or of an EPUB sidebar), or "" for an element that is
    no call-out."""
    if "sidebar" in _epub_types(attributes):
        return "note"
    classes = _attribute(_CLASS, attributes).lower().split()
    marked = any(c in _CALLOUT_CLASSES for c in classes)
    # "note" with another kind after it is that kind: DITA-OT classes a <note type="warning"> "note warning"
    # (read as its first class, the warning was a plain note).
    noted = False
    for name in classes:
        kind = name if name in CALLOUT_KINDS else name.rsplit("-", 1)[-1]
        if kind == "note" == name and not noted:
            noted = True
        elif kind in CALLOUT_KINDS and (marked or noted or (kind == name and kind not in _STYLES_ALONE)):
            return kind
        elif (boxed := _KIND_BOX.match(name)) and boxed.group(1) in CALLOUT_KINDS - _STYLES_ALONE:
            return boxed.group(1)
    return "note" if marked or noted else ""


def _message_box_kind(attributes: str) -> str:
    """The call-out kind of a wiki's message box table (see _MESSAGE_BOX): the kind its type's class
    ends in ("warning" of "ambox ambox-warning"), else "note"; "" for any other table."""
    classes = _attribute(_CLASS, attributes).lower().split()
    if not any(_MESSAGE_BOX.fullmatch(c) for c in classes):
        return ""
    kinds = (c.rsplit("-", 1)[-1] for c in classes)
    return next((kind for kind in kinds if kind in CALLOUT_KINDS), "note")


def _callout_paragraph(attributes: str) -> str:
    """The call-out kind of a paragraph whose classes name a call-out (BookStack's ``<p class="callout
    danger">``), or "" for any other paragraph: a kind alone ("warning") classes a paragraph's style, no box."""
    classes = _attribute(_CLASS, attributes).lower().split()
    return _callout_class(attributes) if any(c in _CALLOUT_CLASSES for c in classes) else ""


@dataclass
class _Row:
    line: int
    cells: list[str] = field(default_factory=list)
    # Whether every cell is a header cell (<th>).
    header: bool = True
    # Each cell's element, "td" or "th".
    tags: list[str] = field(default_factory=list)
    # Each cell's text as blocks: (the line of a <pre> in it, its code), (None, the text) around them.
    blocks: list[list[tuple[int | None, str]]] = field(default_factory=list)
    # How many paragraphs, headings, lists and the like open in its cells (see _is_layout).
    block_elements: int = 0


@dataclass
class _Writer:
    """Markdown lines, each with the line of the HTML block it came from."""

    lines: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)
    # What each line opens with inside block quotes ("> " per quote).
    prefix: str = ""

    def add(self, text: str, origin: int) -> None:
        for line in text.split("\n"):
            self.lines.append(self.prefix + line)
            self.origins.append(origin)


class _Converter:
    """Tags and text in document order → Markdown paragraphs, headings, lists, tables and fences."""

    def __init__(
        self, source: str = "", *, fixed_code: bool = True, layout_depth: int = 0, page: bool = False
    ) -> None:
        self.out = _Writer()
        # Whether ``source`` is a whole page, whose folds' titles are written in bold (see flush), and
        # whether the block being gathered is one (a <summary>).
        self.page = page
        self.fold_title = False
        # Whether the start tag read last was a <details> fold's: only the <summary> right after it
        # labels the fold (see _labels_code_fold), which is so looked through once. Every summary in
        # a fold looked through the rest of it: a fold of many took the square of its length.
        self.after_fold_start = False
        # Whether the block being gathered is the <summary> of a Markdown article's fold, whose
        # author writes code in Markdown's marks (see _summary_text).
        self.article_summary = False
        # Whether the block being gathered is a status page's update title (see _UPDATE_TITLE).
        self.update_title = False
        # The HTML read, and where in it the tag being read ends: a layout table's cells are read
        # again from it, as blocks (see _write_layout); how many such tables this one is read inside.
        self.source = source
        # The controls the page's labels name (see _chosen_option), gathered at its first drop-down.
        self.label_targets: set[str] | None = None
        self.tag_end = 0
        # For each pattern looked ahead for in ``source`` (see _next_found): where it was last looked for
        # from, and where it was found then (-1: nowhere after).
        self.found_ahead: dict[re.Pattern[str], tuple[int, int]] = {}
        self.layout_depth = layout_depth
        # Where the outermost table open begins its content in ``source``, and that offset's line.
        self.table_content: tuple[int, int] = (0, 0)
        self.text: list[str] = []
        self.has_text = False
        self.text_line = 0
        # The line of the element the text being gathered belongs to (a <li>, a <p>).
        self.block_line: int | None = None
        self.lists: list[_List] = []
        # The marker of the list item whose content comes next.
        self.marker = ""
        self.link: tuple[str, int] | None = None
        # Each list of attached files: the line kept for its heading, and that heading's level.
        self.attachments: list[tuple[int, int]] = []
        # Whether the link open is a button (see _BUTTON_ROLE).
        self.link_button = False
        # The Confluence link open (see _RESOURCE_LINK): where its words begin in ``text``, and the name of
        # the page or file it links to, and the line of that.
        self.resource_link: tuple[int, str, int] | None = None
        self.marks: list[tuple[str, int]] = []
        self.code: list[str] | None = None
        # The last code span written (the very string in ``text``) and its code.
        self.code_span: tuple[str, str] | None = None
        # The last bold or italic written (the very string in ``text``) that Markdown closes only before a
        # space or punctuation, and how to write it where a letter follows (see _close_mark).
        self.tight_mark: tuple[str, str] | None = None
        self.pre: list[str] | None = None
        self.pre_line = 0
        # The language of the <pre> open, or of the next, by its class or its block's (see _PRE_LANGUAGE).
        self.pre_language = ""
        # Whether the <pre> open is a topic's <code-block> (see _TOPIC_ELEMENTS), indented with the XML around it.
        self.pre_indented = False
        self.skipping = ""
        # How many elements named ``skipping`` are open, that one included.
        self.skipped_depth = 0
        # Whether the element skipped is furniture by its class (see _is_furniture), which a <main> in it
        # is not; and while such a <main> is read, the skip it ended (``skipping`` and ``skipped_depth``)
        # and how many <main> elements are open in it, itself included.
        self.skipping_furniture = False
        self.main_in_furniture: tuple[str, int, int] | None = None
        self.heading = 0
        # Whether the heading open is a Confluence export's title (see _SPACE_TITLE_ID).
        self.space_title = False
        self.after_list = False
        self.rows: list[_Row] | None = None
        self.cell_open = False
        # Tables inside the table being read: their cells are text of its cell.
        self.inner_tables = 0
        # The lists open in the cell being read: each numbered one's last number, None for bullets.
        self.cell_lists: list[int | None] = []
        # Where in the text the sub-steps' numbers of a list nested in a cell's numbered item were written
        # ("<br>2.1. "), and, once that list ended, how long the text was (see _sub_steps_run_on).
        self.cell_sub_steps: list[int] = []
        self.cell_sub_end: int | None = None
        # The text of the <pre> open in that cell, as written, and of each one read in it: a field
        # table's cell is its part's blocks (see write_table), another's its row's text.
        self.cell_pre: list[str] | None = None
        self.cell_codes: list[tuple[int, str]] = []
        self.cell_pre_line = 0
        # The <blockquote> elements open: whether each is written as a Markdown quote (those outside
        # lists: in an item, its indentation after "> " could make the text a code block), and the
        # first line written inside it.
        self.quotes: list[tuple[bool, int]] = []
        # How many of them are written as quotes: the prefix of each line, without summing the stack.
        self.quoted = 0
        # The call-outs open, innermost last (see _Callout).
        self.callouts: list[_Callout] = []
        # How many comments of a GitHub issue page were read (see _ISSUE_COMMENT), and whether the block
        # being gathered is a comment's header.
        self.issue_comments = 0
        self.issue_header = False
        # A Bugzilla bug's Assignee, as its field table names them (see _BUG_COMMENT), and whether the
        # <pre> open is a comment's text.
        self.assignee = ""
        self.typed_pre = False
        # Whether the page is a message a mailing list's archive keeps, whose <pre> is its text as its writer
        # typed it (see _ARCHIVED_MESSAGE_BEGIN).
        self.typed_message = False
        # Whether the block being gathered is a service desk's activity item's author line (see
        # _ACTIVITY_LIST).
        self.desk_byline = False
        # The parts a ticket thread's entries have labelled so far (see _thread_entry).
        self.entry_parts: set[str] = set()
        self.entry_level = 0
        # The field label element open (see _is_field_label), and how many of its name are open in it.
        self.label_tag = ""
        self.label_depth = 0
        # The text of the block being gathered when it is a field label's alone, else "".
        self.label_text = ""
        # Each field label written as a paragraph of its own: its line of ``out``, its text, and the
        # level of the heading it stands under.
        self.labels: list[tuple[int, str, int]] = []
        # The <button> elements open, and whether the block being gathered has text in one and out
        # of them: a block of buttons' words only is a widget's ("Yes", "No" under a feedback prompt).
        self.buttons = 0
        self.button_text = False
        self.other_text = False
        # Tabs (see _tab_panel): the labels of the last tab list read, in order, while one is read and
        # after; and the label written over the panel open, at its line of ``out``.
        self.tab_labels: deque[list[str]] = deque()
        self.reading_tabs = False
        self.tab_label: tuple[int, str] | None = None
        # The tab panel open (see _code_tab): its tag, how many elements of that tag are open in it, and
        # where in ``out`` its content begins when it is written as a Markdown tab (else -1).
        self.panel: tuple[str, int, int] | None = None
        # The level and the words of the last heading written.
        self.last_heading: tuple[int, str] = (0, "")
        # The level of the panels' titles (see _PANEL_TITLE) since the last heading of the page's own: one
        # under it, so that each panel is the next one's sibling, not its parent (0 until a panel is read).
        self.panel_level = 0
        # How many <div>s are open, and how many were around the last panel's title while the one holding
        # it (the panel) is still open, else 0: a heading in that panel's body is under the panel's title.
        self.divs_open = 0
        self.panel_divs = 0
        # The level of a question page's answer posts' headings, once the first is written (see _ANSWER_POST);
        # and the index in heading_lines of the heading that holds the answers' count (see _ANSWER_COUNT).
        self.answers_level = 0
        self.answers_count_heading = -1
        # The answer post being read (see _answer_post): its tag and how many elements of that tag are open,
        # itself included. Its own headings are its parts, under its heading.
        self.answer_post: tuple[str, int] | None = None
        # The <dl> elements open, innermost last: None for one that cannot be a reference of
        # messages (in a list, a quote, another <dl> or a problem's part); and those read that can.
        self.definition_lists: list[DefinitionList | None] = []
        self.read_lists: list[DefinitionList] = []
        # A table of a type's variants being read as an exception's entries (see _VARIANT_TABLE): the
        # tables open in it, itself first (0 when none is read); and a block that holds one (Haddock's)
        # whose table is yet to come: its tag and how many elements of that tag are open, itself included.
        self.variant_tables = 0
        self.variants_block: tuple[str, int] | None = None
        # The lines of ``out`` that are headings, in order.
        self.heading_lines: list[int] = []
        # Word's list paragraphs (see indexer.word_lists): how many of the open lists they opened; the
        # level and line of the item whose paragraph has opened, until its typed number is read; that
        # number's text, while its span is read, and how many spans are open in it.
        self.word_lists = 0
        self.word_item: tuple[int, int] | None = None
        self.word_marker: list[str] | None = None
        self.marker_spans = 0
        # The font elements open in the block being gathered, each True when it sets a fixed-width
        # font, and how many of them do; whether the block has text in one and out of them; that text
        # as written, for code; and the last code block such paragraphs were written as (its end in
        # ``out``, indent and fence).
        self.fonts: list[bool] = []
        self.fixed_fonts = 0
        # How many font elements are open, that one included, where one's fixed-width run is read as
        # code (see _starts_fixed_run); 0 when none is.
        self.code_font = 0
        # The marks ("b", "i") each font element open gives its text by its classes (see _styled_marks),
        # and those classes, from the page's stylesheets.
        self.font_marks: list[str] = []
        self.class_fonts: dict[str, str] = {}
        self.fixed_text = self.proportional_text = False
        self.code_text: list[str] = []
        self.fixed_code: tuple[int, str, str] | None = None
        # Whether a paragraph in a fixed-width font may be code (see html_as_markdown), whether any
        # was written as code, and whether any block but a heading has text in another font.
        self.fixed_may_be_code = fixed_code
        self.wrote_fixed = self.own_font = False
        # Whether a note app wrote the page (see _NOTE_APP), the level of the last heading an element
        # of its own wrote, and the task box of the block being gathered when a checkbox opens it.
        self.note_app = bool(_NOTE_APP.search(source, 0, _NOTE_APP_WITHIN))
        # The docstring's block being read (see _DOCSTRING): its tag and how many elements of that tag are
        # open, itself included; and the line of ``out`` of the last heading a bold lead-in in one made
        # (see _lead_in_heading).
        self.docstring: tuple[str, int] | None = None
        self.lead_in_heading = -1
        # Whether the last heading begun is a Doxygen group's (see _REFERENCE_GROUP), and whether the last
        # group's anchor read names a group of reference (see _REFERENCE_ANCHORS).
        self.group_heading = False
        self.reference_anchor = False
        # Where the text of each font element open began in ``text``, -1 for one not set larger (see
        # _LARGE_FONT), and the words of the block set in a larger font, run by run.
        self.large_starts: list[int] = []
        self.large_words: list[str] = []
        self.element_heading = 0
        # The blocks written so far, up to two: a note app's stamp follows the first, its title.
        self.written = 0
        self.todo = ""
        # The level, line and words of a saved example's "Example" label just read (see
        # _REQUEST_PART_LABEL), whose next block names the example; None when none is open. And whether
        # the block being read holds a drop-down's chosen option (see _chosen_option): an example picker's
        # choice, the only name of an example.
        self.example_label: tuple[int, int, str] | None = None
        self.chose_option = False

    # --- text -------------------------------------------------------------------------------

    def data(self, raw: str, line: int) -> None:
        if self.skipping:
            if self.reading_tabs and self.tab_labels:
                self.tab_labels[-1].append(raw)
            return
        text = (
            html.unescape(raw)
            .replace(_CELL_CODE, "")
            .replace(_CELL_CODE_END, "")
            .replace(_CELL_PARAGRAPH, "")
            .replace(_CELL_BREAK, "")
        )
        if self.cell_pre is not None:
            self.cell_pre.append(text)
        if self.word_marker is not None:
            self.word_marker.append(text)
            return
        if self.word_item is not None and text.strip():
            self._word_item("")
        if self.pre is not None:
            self.pre.append(text)
        elif self.code is not None:
            self.code.append(text)
            self._font_text(text)
        elif text.strip() or self.text:
            self._font_text(text)
            if not self.has_text and text.strip():
                self.has_text = True
                # The element's line, else the text's own (the chunk may begin with line ends).
                leading = text[: len(text) - len(text.lstrip())].count("\n")
                self.text_line = self.block_line if self.block_line is not None else line + leading
            if (
                self.tight_mark is not None
                and self.text
                and self.text[-1] is self.tight_mark[0]
                and text
                and not (text[0].isspace() or isPunctChar(text[0]))
            ):
                self.text[-1] = self.tight_mark[1]
            spaced = _SPACES.sub(" ", text)
            self.text.append(
                _summary_text(spaced) if self.article_summary else _MARKUP.sub(r"\\\g<0>", spaced)
            )
            if self.buttons:
                self.button_text = True
            elif text.strip():
                self.other_text = True

    # --- tags -------------------------------------------------------------------------------

    def start(self, tag: str, attributes: str, line: int) -> None:
        """Read an element's start tag."""
        self.divs_open += tag == "div"
        labels_fold, self.after_fold_start = tag == "summary" and self.after_fold_start, tag == "details"
        if tag == "main" and self.main_in_furniture is not None and not self.skipping:
            wrapper, depth, mains = self.main_in_furniture
            self.main_in_furniture = (wrapper, depth, mains + 1)
        elif (
            tag == "main"
            and self.skipping_furniture
            and self.main_in_furniture is None
            and self.skipping
            and not self.reading_tabs
        ):
            # The page's main content is never its chrome: a class on a wrapper around it that reads as
            # furniture says how the page is laid out (Quarto's "page-navbar": the page has a navbar).
            # Skipped, the whole article was. The wrapper is skipped again after it (see end).
            self.main_in_furniture = (self.skipping, self.skipped_depth, 1)
            self.skipping, self.skipping_furniture = "", False
        if self.skipping:
            self.skipped_depth += tag == self.skipping
            if self.reading_tabs and _is_tab_part(tag, attributes, "tab"):
                self.tab_labels.append([])
            return
        if tag == "select" and not _is_hidden(attributes):
            self._chosen_option(attributes, line)
        if self.heading and "answerCount" in attributes and _ANSWER_COUNT.search(attributes):
            # Before the hidden element is skipped: the heading being read is the next in heading_lines.
            self.answers_count_heading = len(self.heading_lines)
        if tag == _MACRO_PARAMETER and _attribute(_MACRO_NAME, attributes) == _MACRO_LANGUAGE:
            self.pre_language = self._macro_language()
        # Each asked once: the skip below needs to know again why it skips.
        comments = _is_comments(tag, attributes)
        furniture = _is_furniture(tag, attributes) or self._is_chrome_by_id(tag, attributes)
        if (
            tag in _SKIPPED
            or tag in _PAGE_CHROME
            or (tag in _BLOCKS and _CHROME_ROLE.search(attributes))
            or comments
            or _is_rating(tag, attributes)
            or _is_support_contact(tag, attributes)
            or furniture
            or (tag == "header" and self._holds_search_field())
            or (tag in _BLOCKS and "callout-" in attributes and _has_class(attributes, _CALLOUT_ICON))
            or (
                tag in _FOOTNOTE_MARK_TAGS
                and "footnote" in attributes
                and _has_class(attributes, _FOOTNOTE_MARK)
            )
            or (
                tag in _FOOTNOTE_MARK_TAGS
                and "noteref" in attributes
                and ("noteref" in _epub_types(attributes) or _has_role(attributes, "doc-noteref"))
            )
            or (tag in _BLOCKS and _is_ticket_furniture(attributes))
            or (
                (tag in _BLOCKS or tag in ("span", "li"))
                and self._issue_element(_issue_class(attributes), line)
            )
            or (tag not in _VOID and _is_hidden(attributes) and not self._opens_tab_panel(tag, attributes))
            or self._is_reference_member(tag, attributes)
        ):
            if comments:
                self._drop_comments_count()
            self.skipping, self.skipped_depth = tag, 1
            self.skipping_furniture = furniture
            return
        if self._variant_start(tag, attributes, line):
            return
        if labels_fold and self.page and not self.lists and self._labels_code_fold():
            # A fold of code only under a label that names what it hides (Quarto's folded code cell,
            # "Code"; "Full log") shows that code where it stands, as a Markdown article's fold does
            # (indexer.sections): its label headed a part of its own ("Code": error codes), whose codes
            # were the command and the steps after it.
            self.skipping, self.skipped_depth = tag, 1
            return
        if self.answer_post is not None and tag == self.answer_post[0]:
            self.answer_post = (tag, self.answer_post[1] + 1)
        if "Answer" in attributes and not (self.lists or self.quoted or self.rows is not None):
            self._answer_post(tag, attributes, line)
        if _is_tab_part(tag, attributes, "tablist"):
            # A tab list's labels name the panels after it, one each: read as a list, they were the
            # fix's first steps, before the panels' own.
            self.skipping, self.skipped_depth = tag, 1
            self.tab_labels, self.reading_tabs = deque(), True
            return
        if self.panel is not None and tag == self.panel[0]:
            self.panel = (tag, self.panel[1] + 1, self.panel[2])
        if self.docstring is not None and tag == self.docstring[0]:
            self.docstring = (tag, self.docstring[1] + 1)
        if self._opens_tab_panel(tag, attributes):
            self._tab_panel(self.tab_labels.popleft(), line)
            self.panel = (tag, 1, -1)
        if self._lists_attachments(tag, attributes):
            self._attachments_heading(line)
        if self._word_list_markup(tag, attributes, line):
            return
        if tag in _FONT_TAGS:
            large = "size" in attributes.lower() and bool(_LARGE_FONT.search(attributes))
            self.large_starts.append(len(self.text) if large else -1)
            styled = self._styled_marks(attributes) + (
                self._bug_head_part(attributes) if self.issue_header else ""
            )
            # An own style with "font-" was read for a fixed-width font by _styled_marks already.
            self.fonts.append(
                "f" in styled
                or ("font-" not in attributes and bool(_FIXED_FONT.search(attributes)))
                or _rte_code(attributes)
            )
            self.fixed_fonts += self.fonts[-1]
            self.font_marks.append(styled.replace("f", ""))
            if self.code is None and self.pre is None:
                for mark in self.font_marks[-1]:
                    if len(self.marks) < MAX_MARKS:
                        self.marks.append((mark, len(self.text)))
            if self.fonts[-1] and self._starts_fixed_run():
                # A run in a fixed-width font after words in another (LibreOffice's <font face="Liberation
                # Mono">, Word's Courier span in a sentence) is code, as <code> is: a message a
                # sentence quotes so is the problem's error text.
                self.code, self.code_font = [], len(self.fonts)
            elif (
                self.code is None
                and self.pre is None
                and not self.heading
                and "msgph" in attributes
                and _has_class(attributes, _MESSAGE_PHRASE)
            ):
                # A message a DITA topic quotes is code, as a fixed-width run is (see _MESSAGE_PHRASE).
                self.code, self.code_font = [], len(self.fonts)
        elif tag == "br" and self.fixed_fonts:
            self.code_text.append("\n")
        if self.callouts and self.callouts[-1].tag == "p" and tag != "br" and _starts_block(tag):
            # A paragraph's call-out ends where a block begins, as a browser ends the paragraph: one left
            # unclosed took the rest of the page into its box.
            self._callout_end()
        boxed = tag in _CALLOUT_TAGS and self.pre is None and self.rows is None
        entry = _thread_entry_part(attributes) if boxed and not self.lists else ""
        if entry:
            self._thread_entry(entry, line)
        kind = _callout_class(attributes) if boxed and not entry else ""
        if tag == "p" and self.pre is None and self.rows is None and "callout" in attributes.lower():
            # A wiki's call-out written as one paragraph (BookStack's "callout warning", "callout danger"):
            # read as a paragraph, its kind was lost and a warning was a plain note.
            kind = _callout_paragraph(attributes)
        if tag == "table" and self.pre is None and self.rows is None and "mbox" in attributes.lower():
            kind = _message_box_kind(attributes)
        if (
            boxed
            and not entry
            and not kind
            and "callout-card" in attributes
            and _has_class(attributes, _ICON_CALLOUT)
        ):
            kind = self._icon_callout_kind()
        if self.callouts and self.pre is None and tag == self.callouts[-1].tag and not kind:
            self.callouts[-1].depth += 1
        self.label_depth += tag == self.label_tag
        if self.callouts and self.pre is None and tag in _HEADINGS and self.callouts[-1].said:
            # A heading after a call-out's text begins the next section: one left open ends there.
            while self.callouts:
                self._callout_end()
        if self.pre is not None:
            if tag == "br":
                self.pre.append("\n")
            elif tag == "code" and not self.pre and not self.pre_language:
                # The <code> a highlighter sets the whole block in labels its language, not the <pre>:
                # "<pre><code class="language-rust">" (CommonMark, highlight.js, Prism).
                self.pre_language = _pre_language(attributes)
        elif kind:
            self._callout_start(tag, kind, line)
            if tag == "p":
                self.block_line = line
        elif self.rows is None and tag in _TABLE_PARTS and (self.callouts or self._in_layout(tag)):
            # A call-out laid out as a table (Asciidoctor's: its icon in one cell, its text in the
            # next), or the layout table being read as blocks: each cell is a block, not a row.
            self.flush()
            self.block_line = line
        elif tag in _TABLE_PARTS or (self.rows is not None and _starts_block(tag)):
            self._table_start(tag, line)
        elif not self.label_tag and not self.text and _is_field_label(tag, attributes):
            # A field's label, first in its block: the block may be the label alone (see flush).
            self.label_tag, self.label_depth = tag, 0
            if tag in _BLOCKS:
                self.block_line = line
        elif tag == "div" and _GO_DECLARATION in attributes.lower():
            self.pre_language = (
                "go" if _GO_DECLARATION in _attribute(_CLASS, attributes).lower().split() else ""
            )
        elif tag == "pre":
            self.flush()
            self._code_tab()
            self._open_item(line)
            self.pre, self.pre_line = [], line
            self.pre_language = _pre_language(attributes) or self.pre_language
            self.typed_pre = (
                self.typed_message or _BUG_COMMENT_TEXT in _attribute(_CLASS, attributes).lower().split()
            )
        elif tag in _CODE_TAGS:
            self.code = self.code if self.code is not None else []
        elif tag in _INLINE_MARKS:
            if self.code is None and len(self.marks) < MAX_MARKS:
                self.marks.append((tag, len(self.text)))
        elif tag == "a":
            # One link at a time (HTML has no links in links): each text is then joined once.
            if self.link is None and self.code is None:
                self.link = (html.unescape(_attribute(_HREF, attributes)), len(self.text))
                if self.issue_header and _ISSUE_AUTHOR.search(_attribute(_CLASS, attributes)):
                    self.text.append("@")
                lowered = attributes.lower()
                # The class can only be a button's when one of its words is in the tag (see _BUTTON_CLASS):
                # most links have none, and their classes are then not read.
                self.link_button = bool(_BUTTON_ROLE.search(attributes)) or (
                    ("btn" in lowered or "button" in lowered) and _has_class(attributes, _BUTTON_CLASS)
                )
                self.buttons += self.link_button
        elif tag == _RESOURCE_LINK:
            self.resource_link = (len(self.text), "", line)
        elif (
            tag.startswith(_RESOURCE_PREFIX) and self.resource_link is not None and not self.resource_link[1]
        ):
            self.resource_link = (self.resource_link[0], _attribute(_RESOURCE_NAME, attributes), line)
        elif tag == "br":
            if self._blank_line():
                self.flush()
            else:
                self.text.append("\n")
        elif tag == "time" and self.desk_byline:
            self._byline_time("")
        elif tag == "en-todo" and not self.lists and self.rows is None and not "".join(self.text).strip():
            # Evernote's checkbox opening a line: the line is a task list's item, as Markdown writes one.
            self.todo = "[x] " if _TICKED.search(attributes) else "[ ] "
        elif tag == "button":
            self.buttons += 1
        elif tag in ("ol", "ul", "li") and self._activity_start(attributes, line):
            return
        elif tag in ("ol", "ul"):
            self._list_start(tag, attributes, line)
        elif tag == "li":
            self.flush()
            if not self.lists:
                self.lists.append(_List(ordered=False, number=1))
            current = self.lists[-1]
            self.marker = f"{current.number}. " if current.ordered else "- "
            current.number += 1
            current.content = current.indent + " " * len(self.marker)
            self.block_line = line
        elif (
            "mcdropdownhead" in attributes.lower()
            and not (self.lists or self.callouts or self.quoted)
            and self.rows is None
            and _has_class(attributes, _DROP_DOWN_HEAD)
        ):
            # A Flare drop-down's head: its words title the body under it, one level under the heading
            # it sits in. Read as a paragraph, it was the text of the drop-down before.
            self.flush()
            self.heading, self.block_line = self._level_under_last_heading(), line
        elif (
            tag in _LABEL_TAGS
            and "panel-title" in attributes.lower()
            and not (self.lists or self.callouts or self.quoted)
            and self.rows is None
            and _has_class(attributes, _PANEL_TITLE)
        ):
            self.flush()
            self.panel_level = self.panel_level or self._level_under_last_heading()
            self.heading, self.block_line = self.panel_level, line
            self.panel_divs = self.divs_open - (tag == "div")
        elif tag in _HEADINGS and (
            self.callouts or ("title" in attributes and _has_class(attributes, _SUBTITLE))
        ):
            # A heading that opens a call-out is its title (Bootstrap's "alert-heading"), a paragraph of it;
            # a post's subtitle is a line of its introduction.
            self.flush()
            self.block_line = line
        elif tag in _HEADINGS:
            self.flush()
            self.heading, self.block_line = _HEADINGS[tag], line
            if self.panel_divs and self.divs_open >= self.panel_divs:
                # A heading in the body of the panel open is under its title, whatever its level: a portal's
                # editor writes "<h2>" by default, and at the panels' level it ended them (as below).
                self.heading = min(max(self.heading, self.panel_level + 1), 6)
            elif self.heading <= self.panel_level:
                # Only a heading at the panels' level or above ends them; one deeper is inside a panel's
                # body (a Cause panel's "<h3>Background</h3>"). Reset by it, the next panels nested under
                # it, and the Cause panel lost its text to "Background".
                self.panel_level = 0
            if self.answer_post is not None:
                # An answer's own <h2> ("Get the replica back") heads a part of that answer, under its
                # heading: at the answers' level, it ended them, and the next answer (down-voted) was a
                # group of its steps, the accepted one's explanation a step.
                self.heading = min(max(self.heading, self.answers_level + 1), 6)
            self.space_title = _attribute(_ID, attributes) == _SPACE_TITLE_ID
        elif tag in _DEFINITION_TAGS:
            self._definition_start(tag, line, attributes)
        elif tag == "blockquote":
            # What a help centre quotes ("the terminal shows:" then the message) stays a quote, as
            # Markdown's "> " is read: the error text a problem shows (see _end_quote).
            self.flush()
            self.block_line = line
            self._push_quote()
        elif tag == "hr" and not (self.lists or self.quoted or self.callouts or self.rows is not None):
            # A rule between the page's blocks is Markdown's: what follows the last one may be the page's
            # footer (a block editor's small-print sign-off after its separator, indexer.sections).
            self.flush()
            self.out.add("---", line)
            self.out.add("", line)
        elif tag in _BLOCKS or tag == "hr":
            self.flush()
            self.block_line = line
            if self.docstring is None and "docstring" in attributes and _has_class(attributes, _DOCSTRING):
                self.docstring = (tag, 1)
            self.fold_title = tag == "summary" and self.page and not self.lists and self.rows is None
            self.article_summary = tag == "summary" and not self.page
            self.update_title = (
                "update" in attributes.lower() and not self.lists and _has_class(attributes, _UPDATE_TITLE)
            )
            if (
                tag == "p"
                and (
                    ("font" in attributes.lower() and _FIXED_FONT.search(attributes))
                    or ("code" in attributes.lower() and _has_class(attributes, _CODE_STYLE))
                )
            ) or (tag in ("p", "div") and _rte_code(attributes)):
                # Older editors (ServiceDesk Plus') set the fixed-width font on the paragraph itself, not
                # on a span in it, and help-authoring tools give it their code style (RoboHelp's "Code",
                # SharePoint's on a <div> too): its whole text is in that font (flush sets the count back
                # at its end).
                self.fonts.append(True)
                self.fixed_fonts += 1

    def end(self, tag: str) -> None:
        if tag == "div" and self.divs_open:
            self.divs_open -= 1
            self.panel_divs = self.panel_divs if self.divs_open >= self.panel_divs else 0
        if tag == "main" and self.main_in_furniture is not None and not self.skipping:
            wrapper, depth, mains = self.main_in_furniture
            self.main_in_furniture = (wrapper, depth, mains - 1) if mains > 1 else None
            if self.main_in_furniture is None:
                # The <main> read in a wrapper skipped as furniture has ended: the rest of it is skipped.
                self.flush()
                self.skipping, self.skipped_depth, self.skipping_furniture = wrapper, depth, True
                return
        if tag in _FONT_TAGS and self.fonts and not self.skipping and self.word_marker is None:
            if self.code_font == len(self.fonts) and self.code is not None:
                self._write_code()
            self.code_font = min(self.code_font, len(self.fonts) - 1)
            self.fixed_fonts -= self.fonts.pop()
            for mark in reversed(self.font_marks.pop()):
                self._close_mark(mark)
            at = self.large_starts.pop() if self.large_starts else -1
            if at >= 0 and (words := "".join(self.text[at:]).strip()):
                self.large_words.append(words)
        if self.panel is not None and tag == self.panel[0] and not self.skipping:
            self.panel = (tag, self.panel[1] - 1, self.panel[2])
            if not self.panel[1]:
                self._end_panel()
        if self.docstring is not None and tag == self.docstring[0] and not self.skipping:
            depth = self.docstring[1] - 1
            if not depth:
                # Its last paragraph is still the docstring's: the page's blocks after it open no cases.
                self.flush()
            self.docstring = (tag, depth) if depth else None
        if self.answer_post is not None and tag == self.answer_post[0] and not self.skipping:
            depth = self.answer_post[1] - 1
            self.answer_post = (tag, depth) if depth else None
        if self.skipping:
            self.skipped_depth -= tag == self.skipping
            if not self.skipped_depth:
                self.skipping, self.reading_tabs, self.skipping_furniture = "", False, False
        elif self._variant_end(tag):
            return
        elif self.word_marker is not None and (tag != "span" or self.marker_spans == 1):
            self._end_marker()
            if tag != "span":
                self.end(tag)
        elif self.word_marker is not None:
            self.marker_spans -= 1
        elif self.pre is not None:
            if tag == "pre":
                self.write_pre()
        elif self.callouts and tag == self.callouts[-1].tag and not self.callouts[-1].depth:
            self._callout_end()
        elif self.rows is None and tag in _TABLE_PARTS and (self.callouts or self._in_layout(tag)):
            if self.callouts and tag == self.callouts[-1].tag:
                # A table inside a message box that is a table (see _MESSAGE_BOX).
                self.callouts[-1].depth -= 1
            self.flush()
        elif tag in _TABLE_PARTS or (self.rows is not None and _starts_block(tag)):
            self._table_end(tag)
        elif tag == self.label_tag and self.label_depth:
            self.label_depth -= 1
        elif tag == self.label_tag:
            self.label_tag, self.label_text = "", "".join(self.text).strip()
            if tag in _BLOCKS:
                self.flush()
        elif tag in _CODE_TAGS and self.code is not None:
            self._write_code()
        elif tag in _INLINE_MARKS:
            self._close_mark(tag)
        elif tag == "a" and self.link is not None:
            href, at = self.link
            self.link = None
            if self.link_button:
                self.buttons, self.link_button = max(0, self.buttons - 1), False
            words, target = "".join(self.text[at:]).strip(), _link_target(href)
            if words and target:
                self.text[at:] = [f"[{words}]({target})"]
            elif words and self.heading and _SCRIPT_LINK.match(href) and "".join(self.text[:at]).strip():
                # A script's link after a heading's words is a control of the page beside its title
                # (Freshdesk's "Print" icon, javascript:print()), none of its words: the title of every
                # article of the portal ended in "Print". A heading that is all one such link (an
                # accordion's toggle) keeps its words.
                del self.text[at:]
        elif tag == _RESOURCE_LINK and self.resource_link is not None:
            at, name, line = self.resource_link
            self.resource_link = None
            if name and not "".join(self.text[at:]).strip():
                self.data(name, line)
        elif tag == "button":
            self.buttons = max(0, self.buttons - 1)
        elif tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.lists.pop()
            self.after_list = not self.lists
        elif tag == "blockquote" and self.quotes:
            self._end_quote()
        elif tag in _DEFINITION_TAGS:
            self._definition_end(tag)
        elif tag == "li" or tag in _HEADINGS or tag in _BLOCKS:
            if self.callouts and tag == self.callouts[-1].tag:
                self.callouts[-1].depth -= 1
            self.flush()

    def _macro_language(self) -> str:
        """The language a Confluence code macro's parameter, whose start tag was read last, names (see
        _MACRO_NAME), in lower case; "" when its value is no language's name."""
        value_end = self.source.find("<", self.tag_end, self.tag_end + _LANGUAGE_PEEK_CHARS)
        value = html.unescape(self.source[self.tag_end : value_end]).strip() if value_end >= 0 else ""
        return value.lower() if _LANGUAGE_NAME.fullmatch(value) else ""

    # --- Word's lists -----------------------------------------------------------------------

    def _word_list_markup(self, tag: str, attributes: str, line: int) -> bool:
        """Read a tag of Word's lists (see :mod:`indexer.word_lists`): an item's paragraph opens it
        (its number still to be read), the span of that number is left out of its text, and any
        other block ends the lists. Whether the tag was one of theirs, and so read."""
        if self.word_marker is not None and tag != "br" and (_starts_block(tag) or tag in _TABLE_PARTS):
            self._end_marker()  # its span left open: a block ends it
        elif self.word_marker is not None:
            self.marker_spans += tag == "span"
            return True
        if tag == "span" and self.word_item is not None and is_marker(attributes):
            self.word_marker, self.marker_spans = [], 1
            return True
        if tag != "br" and (_starts_block(tag) or tag in _TABLE_PARTS):
            # An item's paragraph that ended before any text opens no item.
            self.word_item = None
            level = list_level(attributes) if tag == "p" else 0
            # Saved as "Web Page, Filtered", an item has no list style: its level is its indent, and its
            # typed number is read up to Word's spacer after it. Read as paragraphs, an indented "a." or
            # "·" item was a step of the list's own run, its marker kept ("a. Enter the serial number.").
            filtered = None
            if tag == "p" and not level and "mso" in attributes.lower():
                opening = self.source[self.tag_end : self.tag_end + FILTERED_MARKER_PEEK]
                if filtered := filtered_item(attributes, opening):
                    level = filtered[0]
            # Not in a list or a table of HTML's own, whose structure stands as it is.
            if level and len(self.lists) == self.word_lists and self.rows is None:
                self.flush()
                self.word_item = (min(level, MAX_LIST_DEPTH), line)
                if filtered:
                    # The spans open before the spacer are counted down to its own, whose end ends the marker.
                    self.word_marker, self.marker_spans = [], -filtered[1]
                return True
            if self.word_lists and not (tag == "p" and continues_item(attributes)):
                self._end_word_lists()
        return False

    def _end_marker(self) -> None:
        """Close the span of a Word list item's typed number, and open the item. Longer than a
        number or a bullet, its text is the item's (a span left open took the words after it)."""
        marker, self.word_marker = "".join(self.word_marker or []), None
        line = self.word_item[1] if self.word_item else 0
        if len(marker.strip()) <= MAX_WORD_MARKER:
            self._word_item(marker)
        else:
            self._word_item("")
            self.data(marker, line)

    def _word_item(self, marker: str) -> None:
        """Open the item of a Word list whose typed ``marker`` was read (a number, a bullet, or ""),
        in lists opened or closed to its level, as an ``<li>`` in them is."""
        if self.word_item is None:
            return
        (level, line), self.word_item = self.word_item, None
        while self.word_lists > level:
            self.flush()
            self.lists.pop()
            self.word_lists -= 1
        while self.word_lists < level:
            self._list_start("ol" if is_numbered(marker) else "ul", "", line)
            self.word_lists += 1
        current = self.lists[-1]
        self.marker = f"{current.number}. " if current.ordered else "- "
        current.number += 1
        current.content = current.indent + " " * len(self.marker)
        self.block_line = line

    def _chosen_option(self, attributes: str, line: int) -> None:
        """Write the choice a drop-down just opened shows, its option marked ``selected``: the page's text
        of it, where its other choices are none (see _SKIPPED); a docs page names the saved example it shows
        so (Postman's example picker). Not a form's control that a ``<label for>`` names ("Sorted by:" over
        a question page's order of answers): its choice is a setting of the page, no text of it."""
        if self.label_targets is None:
            self.label_targets = set(_LABEL_FOR.findall(self.source))
        if _attribute(_ID, attributes) in self.label_targets:
            return
        end = _SELECT_END.search(self.source, self.tag_end, self.tag_end + _FOLD_PEEK_CHARS)
        if end is None:
            return
        for option in _OPTION.finditer(self.source, self.tag_end, end.start()):
            if _SELECTED.search(option.group(1)):
                if option.group(2).strip():
                    self.data(option.group(2), line)
                    self.chose_option = True
                return

    def _labels_code_fold(self) -> bool:
        """Whether the <summary> just opened labels a fold that holds code only (one <pre> or more, no
        other text) with a few words that name what it hides (see MAX_FOLD_LABEL_CHARS, names_hidden_output)."""
        start = self.tag_end
        summary = _SUMMARY_END.search(self.source, start, start + _FOLD_PEEK_CHARS)
        if summary is None:
            return False
        label = " ".join(html.unescape(_TAGS_IN_PEEK.sub(" ", self.source[start : summary.start()])).split())
        if not label or len(label) > MAX_FOLD_LABEL_CHARS or not names_hidden_output(label):
            return False
        fold = _FOLD_END_OR_START.search(self.source, summary.end(), summary.end() + _FOLD_PEEK_CHARS)
        if fold is None or fold.group().lower() == "<details":
            return False
        content = self.source[summary.end() : fold.start()]
        outside, shown = _PRE_ELEMENT.subn(" ", content)
        return bool(shown) and not html.unescape(_TAGS_IN_PEEK.sub(" ", outside)).strip()

    def _holds_search_field(self) -> bool:
        """Whether the <header> whose start tag was just read holds a search field before its end, and no
        <h1> (see _SEARCH_FIELD)."""
        end = self._next_found(_HEADER_END, self.tag_end)
        return (
            end != -1
            and -1 < self._next_found(_SEARCH_FIELD, self.tag_end) < end
            and not -1 < self._next_found(_TITLE_HEADING, self.tag_end) < end
        )

    def _is_chrome_by_id(self, tag: str, attributes: str) -> bool:
        """Whether the <div> or <nav> whose start tag was just read is a help authoring tool's trail, tree of
        topics or generator's credit by its id (see _CHROME_ID, _TRAIL_LIST), holding links and words alone:
        no heading, paragraph, code or table before its end."""
        if tag not in ("div", "nav"):
            return False
        id_ = _attribute(_ID, attributes).lower()
        if not (_CHROME_ID.match(id_) or _TRAIL_LIST.match(id_)):
            return False
        end = self._next_found(_BLOCK_END, self.tag_end)
        content = self._next_found(_CONTENT_TAG, self.tag_end)
        return end != -1 and not -1 < content < end

    def _next_found(self, pattern: re.Pattern[str], start: int) -> int:
        """Where ``pattern`` is next found in ``source`` at or after ``start``; -1 if nowhere. What was found
        is kept: a look from a place before it finds the same, so a page of many elements that look ahead
        (thousands of <header> tags, none closed) is read once, not once an element."""
        since, found = self.found_ahead.get(pattern, (-1, -1))
        if since == -1 or start < since or start > found != -1:
            match = pattern.search(self.source, start)
            since, found = start, -1 if match is None else match.start()
            self.found_ahead[pattern] = (since, found)
        return found

    def _opens_tab_panel(self, tag: str, attributes: str) -> bool:
        """Whether an element is the panel of a tab whose label was read. A panel is shown even when
        hidden: the page hides every tab but the one selected, and each is another way to do it."""
        return bool(self.tab_labels) and _is_tab_part(tag, attributes, "tabpanel")

    def _tab_panel(self, label: list[str], line: int) -> None:
        """Open a tab's panel: its tab's label written over it in bold, as a label alone over a fix's
        steps names their group (the other tabs' steps are other ways). Not in a list or a table,
        where no paragraph of its own stands."""
        self.flush()
        words = _SPACES.sub(" ", html.unescape("".join(label))).strip()
        if not words or self.lists or self.rows is not None:
            return
        escaped = _MARKUP.sub(r"\\\g<0>", words)
        self.tab_label = (len(self.out.lines), escaped)
        self.out.add(f"**{escaped}**", line)
        self.out.add("", line)
        # The label stands between the last tab's list and this one's: no comment to keep them apart,
        # which came between the label and the steps it names.
        self.after_list = False

    def _code_tab(self) -> None:
        """Where a tab's panel opens with code (a command per platform, as Docusaurus renders its
        <Tabs>), write the panel as the Markdown tab it was (``=== "Linux"``, its content indented under
        it): its label and its code together, one way to do the step above, as a Markdown tab of code is
        read. Under its label in bold it was a note after the steps, and the label another."""
        if self.panel is None or self.tab_label is None or self.tab_label[0] != len(self.out.lines) - 2:
            return
        at, label = self.tab_label
        self.tab_label = None
        words = re.sub(r"\\(?=[^\w\s])", "", label).replace('"', "'")
        self.out.lines[at] = f'=== "{words}"'
        self.panel = (self.panel[0], self.panel[1], at + 1)

    def _end_panel(self) -> None:
        """Close the tab panel open; one written as a Markdown tab has its content indented under its label."""
        written, self.panel = self.panel[2] if self.panel else -1, None
        if written < 0:
            return
        if self.pre is not None:
            self.write_pre()
        self.flush()
        self.out.lines[written:] = [f"    {line}" if line else line for line in self.out.lines[written:]]

    def _named_tab(self, heading: str) -> str:
        """The words of a heading that opens a tab's panel: it names the panel's group in place of its
        tab's label, written over it, which it holds ("Option 1: Linux" under that tab), or else
        follows ("Linux: Clear the cache"), as a Markdown tab's label opens its text."""
        if self.tab_label is None or self.tab_label[0] != len(self.out.lines) - 2:
            return heading
        at, label = self.tab_label
        self.tab_label = None
        del self.out.lines[at:], self.out.origins[at:]
        return heading if label.lower() in heading.lower() else f"{label}: {heading}"

    def _end_word_lists(self) -> None:
        """Close the lists Word's paragraphs opened: a paragraph of another kind ends them."""
        self.flush()
        del self.lists[len(self.lists) - self.word_lists :]
        self.word_lists = 0
        self.after_list = not self.lists

    def _thread_entry(self, part: str, line: int) -> None:
        """Open a ticket thread's entry: its role's part, labelled over it, where no entry before it
        told that part (a requester's reply after the response goes on with the fix's text, not
        another problem's symptoms). Right under a heading of the thread's own ("Ticket Thread"), the
        parts are headings beside it, the problem the heading's above (the ticket's subject): under it,
        it titled the problem; elsewhere a part is a bold label, one level under the heading it sits in."""
        self.flush()
        if not self.entry_parts:
            written = [n for n, text in enumerate(self.out.lines) if text.strip()][-1:]
            under_heading = bool(written) and written == self.heading_lines[-1:]
            self.entry_level = self.last_heading[0] if under_heading else 0
        if part not in self.entry_parts:
            self.entry_parts.add(part)
            if self.entry_level:
                self._write_heading(self.entry_level, part, line)
            else:
                self.out.add(f"**{part}**", line)
                self.out.add("", line)

    def _issue_element(self, kind: str, line: int) -> bool:
        """Read the start of a GitHub issue page's element of ``kind`` (see _issue_class): a reply's
        comment is set apart by a rule, as the Markdown export sets it. Whether the element is furniture,
        left out: the state line, an event, and the header of the issue's own body."""
        if kind == "comment" and not self.lists and self.rows is None:
            self.issue_comments += 1
            if self.issue_comments > 1:
                self.flush()
                if self.out.lines and self.out.lines[-1].strip():
                    self.out.add("", line)
                self.out.add("---\n", line)
        if kind == "header" and self.issue_comments > 1:
            self.flush()
            self.issue_header = True
        if kind == "byline":
            self.flush()
            self.desk_byline = True
        return kind == "furniture" or (kind == "header" and self.issue_comments == 1)

    def _activity_start(self, attributes: str, line: int) -> bool:
        """Read the start of a service desk's activity list or of one of its items (see _ACTIVITY_LIST)
        as a block, no list: whether the element was one."""
        if "cv-activity" not in attributes.lower() or self.lists:
            return False
        classes = _attribute(_CLASS, attributes).lower().split()
        if _ACTIVITY_LIST not in classes and _ACTIVITY_ITEM not in classes:
            return False
        self.flush()
        self.block_line = line
        return True

    def _byline_time(self, role: str) -> None:
        """Write the separator a byline sets before its time (see indexer.threads), after the writer's
        ``role`` in the project where it has one."""
        said = "".join(self.text)
        self.text.append(f"{'' if said.endswith(' ') else ' '}{role}{' ' if role else ''}\u00b7 ")

    def _bug_head_part(self, attributes: str) -> str:
        """Read the start of a span of a Bugzilla comment's head (see _BUG_COMMENT) as a byline says it: the
        marks of its writer's name, bold; before its time, the writer's role where they are the bug's
        Assignee and a separator. "" for any other span."""
        if _BUG_COMMENT not in attributes.lower():
            return ""
        classes = _attribute(_CLASS, attributes).lower().split()
        if _BUG_COMMENT_USER in classes:
            return "b"
        if _BUG_COMMENT_TIME in classes:
            writer = "".join(self.text).replace("\\", "").strip(" *")
            self._byline_time(_ASSIGNEE_ROLE if self.assignee and writer == self.assignee else "")
        return ""

    def _update_part(self, status: str, line: int | None) -> None:
        """Label the part a status page's update tells by its ``status`` word (see _UPDATE_TITLE), where
        no update before it told that part; the word itself is no text of the page."""
        part = _UPDATE_PARTS.get(status.strip().rstrip(":").lower(), "")
        if part and part not in self.entry_parts:
            self.entry_parts.add(part)
            at = self.text_line if line is None else line
            self.out.add(f"**{part}**", at)
            self.out.add("", at)

    def _icon_callout_kind(self) -> str:
        """The kind of the icon call-out card whose start tag was just read (see _ICON_CALLOUT), by its icon,
        or "" where its text opens with a part's label ("Cause: …"), which it states."""
        peeked = _TAGS_IN_PEEK.sub(" ", self.source[self.tag_end : self.tag_end + _CARD_PEEK_CHARS])
        text = html.unescape(peeked).strip()
        kind = symbol_kind(text)
        said = text.lstrip(text[:1]).lstrip("\ufe0f \t\n") if kind else text
        label = _OPENING_LABEL.match(said)
        if label is not None and heading_role(label.group(1)) in PROBLEM_PART_ROLES:
            return ""
        return kind or "note"

    def _callout_start(self, tag: str, kind: str, line: int) -> None:
        """Open a call-out: a ``> [!KIND]`` quote, as GitHub and Learn write one in Markdown (read as
        a quote of paragraphs, a warning was a symptom or a step, and its "Warning" title a word)."""
        self.flush()
        depth = len(self.quotes)
        if self._push_quote():
            marker = len(self.out.lines)
            self.out.add(f"[!{kind.upper()}]", line)
            self.callouts.append(_Callout(tag, kind, depth, marker))
        else:
            # Inside a list no quote is written: its title ("Warning") is the only word of its kind.
            self.callouts.append(_Callout(tag, kind, depth, said=True))

    def _callout_end(self) -> None:
        """Close the innermost call-out, and any quote left open inside it."""
        self.flush()
        callout = self.callouts.pop()
        if callout.marker >= 0 and not any(line.strip(" >") for line in self.out.lines[callout.marker + 1 :]):
            # Nothing of it was read here (its Markdown follows the HTML block that opened it, or it
            # was empty): no empty call-out.
            del self.out.lines[callout.marker :], self.out.origins[callout.marker :]
        prefix = self.out.prefix
        while len(self.quotes) > callout.quotes:
            self._pop_quote()
        if prefix and self.out.lines and self.out.lines[-1] == prefix:
            # The blank line after its last paragraph, inside it: the quote ends there.
            self.out.lines.pop()
            self.out.origins.pop()
        self.out.add("", self.text_line)

    def _push_quote(self) -> bool:
        """Open a quote; whether it is written as one (see ``quotes``)."""
        quoted = not self.lists and len(self.quotes) < MAX_LIST_DEPTH
        self.quotes.append((quoted, len(self.out.lines)))
        self.quoted += quoted
        self.out.prefix = "> " * self.quoted
        return quoted

    def _pop_quote(self) -> tuple[bool, int]:
        """Close the innermost quote: whether it was written as one, and its first line."""
        quoted, first = self.quotes.pop()
        self.quoted -= quoted
        self.out.prefix = "> " * self.quoted
        return quoted, first

    def _end_quote(self) -> None:
        """Close a <blockquote>: a quote when what it holds reports a failure (a message, an error
        code); else the paragraphs it indents, as editors use it to indent instructions, which as
        a quote read as error text."""
        self.flush()
        quoted, first = self._pop_quote()
        if quoted:
            inside = self.out.lines[first:]
            text = "\n".join(line.removeprefix(self.out.prefix).removeprefix(">").lstrip() for line in inside)
            if not reports_failure(text, named=False):
                # One "> " less on each line (the outer quotes' stay).
                depth = len(self.out.prefix)
                self.out.lines[first:] = [
                    line[:depth] + line[depth:].removeprefix("> ").removeprefix(">") for line in inside
                ]
        self.out.add("", self.text_line)

    def _write_code(self) -> None:
        """Close the code being read as a code span; one right after another joins it, as a
        browser shows them ("`a``b`" would be one span holding backticks)."""
        code = "".join(self.code or [])
        self.code = None
        # The same string object, not an equal one: the span is still the last thing written.
        if self.code_span is not None and self.text and self.text[-1] is self.code_span[0]:
            self.text.pop()
            code = self.code_span[1] + code
        span = _code_span(code)
        self.text.append(span)
        self.code_span = (span, code)

    def _close_mark(self, tag: str) -> None:
        """Bold or italic around the text since its tag, spaces outside it (Markdown wants none inside)."""
        for i in range(len(self.marks) - 1, -1, -1):
            if self.marks[i][0] == tag:
                at = self.marks[i][1]
                del self.marks[i:]
                inner = "".join(self.text[at:])
                words = inner.strip()
                if words:
                    lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
                    mark = _INLINE_MARKS[tag]
                    written = f"{lead}{mark}{words}{mark}{trail}"
                    # Chinese and Japanese set no space beside their punctuation ("<b>注意：</b>本文",
                    # "を<b>「設定」</b>"), and Markdown opens no mark after a letter before punctuation nor
                    # closes one after punctuation before a letter: its asterisks were shown. That
                    # punctuation is written outside the marks where a letter is beside it.
                    first, last = _wide_punctuation_run(words), _wide_punctuation_run(words[::-1])
                    if first + last < len(words):
                        loose = (
                            f"{lead}{words[:first]}{mark}{words[first : len(words) - last]}{mark}"
                            f"{words[len(words) - last :]}{trail}"
                        )
                        before = self._last_char(at)
                        if first and not lead and before and not (before.isspace() or isPunctChar(before)):
                            written = loose
                        elif last and not trail:
                            self.tight_mark = (written, loose)
                    self.text[at:] = [written]
                return

    def _last_char(self, at: int) -> str:
        """The last character of the text written before ``text[at]``, or "" at its beginning."""
        for i in range(at - 1, -1, -1):
            if self.text[i]:
                return self.text[i][-1]
        return ""

    def _list_start(self, tag: str, attributes: str, line: int) -> None:
        self.flush()
        if not self.lists and self.after_list:
            # Two lists in a row would read as one: an empty comment keeps them apart.
            self.out.add(_LIST_BREAK + "\n", line)
        self._open_item(line)
        first = _START.search(attributes) if tag == "ol" else None
        parent = self.lists[-1] if self.lists else None
        if parent is None:
            indent = ""
        elif len(self.lists) >= MAX_LIST_DEPTH:
            indent = parent.indent  # written beside its parent's items
        else:
            indent = parent.content
        self.lists.append(_List(tag == "ol", int(first.group(1)) if first else 1, indent, indent))

    def _open_item(self, line: int) -> None:
        """Write the marker of an item whose content begins with a block (a list, a table, code)."""
        if self.marker and self.lists:
            self.out.add(self.lists[-1].indent + self.marker.rstrip(), line)
            self.marker = ""

    # --- tables -----------------------------------------------------------------------------

    def _table_start(self, tag: str, line: int) -> None:
        if self.rows is None:
            # A table, or its rows or cells without one (a blank line split the HTML block).
            self.flush()
            self._open_item(line)
            self.rows, self.inner_tables = [], 0
            if tag == "table":
                self.table_content = (self.tag_end, line)
                return
        elif tag == "table":
            self.inner_tables += 1
        if self.cell_open and not self.inner_tables and tag in _CELL_BLOCKS:
            self.rows[-1].block_elements += 1
        if self.cell_open and not self.inner_tables and tag in ("ol", "ul", "li"):
            self._cell_list_start(tag)
            return
        if self.inner_tables or tag not in ("tr", "td", "th"):
            # A block in a cell is more text of its cell: a table row is one line.
            self.text.append(" ")
            if self.cell_open and not self.inner_tables and tag == "pre" and self.cell_pre is None:
                self.text.append(_CELL_CODE)
                self.cell_pre, self.cell_pre_line = [], line
            elif tag == "br" and self.cell_pre is not None:
                self.cell_pre.append("\n")
            elif tag == "br" and self.cell_open and not self.inner_tables:
                self.text.append(_CELL_BREAK)
            elif tag == "p" and self.cell_open and not self.inner_tables and self.cell_pre is None:
                self.text.append(_CELL_PARAGRAPH)
            return
        self._end_cell()
        if tag == "tr" or not self.rows:
            self.rows.append(_Row(line))
        if tag in ("td", "th"):
            self.cell_open = True
            self.rows[-1].header = self.rows[-1].header and tag == "th"
            self.rows[-1].tags.append(tag)

    def _cell_list_start(self, tag: str) -> None:
        """A list in a cell: its numbered items on lines of their own ("1. …<br>2. …"), as a
        Markdown table writes a fix's steps in its cell, and the items of a list nested in a numbered item
        too, numbered under it ("<br>2.1. …"; see _sub_steps_run_on), in any cell; the items of a bulleted
        list elsewhere are more text of the cell."""
        self._sub_steps_run_on()
        if tag != "li":
            # A list in a numbered item, bulleted or not, numbers its sub-steps under it ("2.1. …").
            numbered = tag == "ol" or bool(self.cell_lists and self.cell_lists[-1])
            self.cell_lists.append(0 if numbered else None)
            self.text.append(" ")
            return
        number = self.cell_lists[-1] if self.cell_lists else None
        if number is None:
            self.text.append(" ")
            return
        self.cell_lists[-1] = number + 1
        # A sub-step on a line of its own, numbered under the item it is in ("2. Rename the folder.<br>2.1.
        # If it is in use, sign out first."): written as more text of its cell, it ran on into its step.
        above: list[str] = []
        for count in reversed(self.cell_lists[:-1]):
            if not count:
                break
            above.insert(0, f"{count}.")
        # The text before the first item is read once; each later item follows an item.
        after_text = number > 0 or above or any(part.strip() for part in self.text)
        if above:
            self.cell_sub_steps.append(len(self.text))
        self.text.append(f"{'<br>' if after_text else ''}{''.join(above)}{number + 1}. ")

    def _sub_steps_run_on(self) -> None:
        """Where the item over a nested list that has ended goes on with text after it ("Remove the stored
        credentials:" over a bullet per platform, then "Delete every entry …, then restart."), its sub-steps
        are more text of that item, as before they were numbered: written on lines of their own, that text
        ran on into the last sub-step (macOS's, though it applies to both)."""
        if self.cell_sub_end is not None and any(part.strip() for part in self.text[self.cell_sub_end :]):
            for at in self.cell_sub_steps:
                self.text[at] = " "
        if self.cell_sub_end is not None:
            self.cell_sub_steps, self.cell_sub_end = [], None

    def _table_end(self, tag: str) -> None:
        if tag in ("ol", "ul") and self.cell_lists and not self.inner_tables:
            self._sub_steps_run_on()
            self.cell_lists.pop()
            self.text.append(" ")
            if self.cell_lists and self.cell_lists[-1] and self.cell_sub_steps:
                self.cell_sub_end = len(self.text)
            return
        if tag == "table" and self.inner_tables:
            self.inner_tables -= 1
        elif tag == "table":
            self._end_cell()
            self.write_table(self.source.rfind("<", 0, self.tag_end))
        elif self.inner_tables or tag not in ("tr", "td", "th"):
            if tag == "pre":
                self._end_cell_pre()
            self.text.append(" ")
        else:
            self._end_cell()

    def _end_cell_pre(self) -> None:
        """Close the <pre> open in a cell, if any, keeping its text as written."""
        if self.cell_pre is not None:
            self.cell_codes.append((self.cell_pre_line, "".join(self.cell_pre).strip("\n")))
            self.text.append(_CELL_CODE_END)
            self.cell_pre = None

    def _end_cell(self) -> None:
        """Close the open cell, if any; text between cells is no cell's."""
        self._end_cell_pre()
        taken, codes = self._take_text(), iter(self.cell_codes)
        self.cell_codes = []
        # A pipe in a code span would end the cell: GFM tables want it escaped there too.
        flat = _CELL_CODE_SPAN.sub(r"\1", taken).replace(_CELL_PARAGRAPH, " ").replace(_CELL_BREAK, " ")
        text = _BARE_PIPE.sub(r"\\|", _SPACES.sub(" ", flat).strip())
        if self.cell_open and self.rows:
            self.rows[-1].cells.append(text)
            blocks: list[tuple[int | None, str]] = []
            for n, part in enumerate(_CELL_CODE_SPAN.split(taken)):
                if n % 2:
                    blocks.append(next(codes, (self.rows[-1].line, part)))
                    continue
                for paragraph in part.replace(_CELL_BREAK, "<br>").split(_CELL_PARAGRAPH):
                    if paragraph := _BARE_PIPE.sub(r"\\|", _SPACES.sub(" ", paragraph).strip()):
                        blocks.append((None, paragraph))
            self.rows[-1].blocks.append(blocks)
        self.cell_open = False
        self.cell_lists, self.cell_sub_steps, self.cell_sub_end = [], [], None

    def write_table(self, content_end: int) -> None:
        """The table read so far, whose content ends at ``content_end`` of ``source``, as a Markdown
        table: its header row if it has one (all <th>), else an empty header, so that no row is taken
        for the columns' names; or, a layout table, as the blocks its cells hold (see _is_layout)."""
        rows = [row for row in self.rows or [] if any(row.cells)]
        self.rows = None
        if not rows:
            return
        for row in rows:
            if (
                len(row.cells) == 2
                and row.tags[:1] == ["th"]
                and _BUG_ASSIGNEE.fullmatch(row.cells[0].strip())
            ):
                self.assignee = row.cells[1].replace("\\", "").strip()
        if self.callouts:
            self.callouts[-1].said = True
        if self.layout_depth < MAX_LAYOUT_DEPTH and _is_layout(rows):
            self._write_layout(content_end)
            return
        if _is_page_record(rows):
            for row in rows:
                if names_keywords(row.cells[0]):
                    # The words the page is found by among its record ("Article ID | KB0041120", "Keywords |
                    # ribbon jam, badge kiosk"): on one line, as a byline says it (indexer.sections), the
                    # page's. With the rest of the record dropped, they were nowhere in the index. A form's
                    # label keeps its colon ("Keywords:"): one colon, or the line was read as a note.
                    self.out.add(f"{row.cells[0].rstrip(':').rstrip()}: {row.cells[1]}", row.line)
                    self.out.add("", row.line)
            return
        width = max(len(row.cells) for row in rows)
        indent = self.lists[-1].content if self.lists else ""
        if width > 1 and len(rows) > 2 and len(rows[0].cells) == 1:
            # A first row of one cell over a table of several columns (a spreadsheet's title, its
            # cells merged across the sheet): the table's caption, over the row that names its columns.
            caption = rows.pop(0)
            self.out.add(indent + _escaped_lead(caption.cells[0]), caption.line)
            self.out.add("", caption.line)
        fields = _part_fields(rows)
        if fields:
            # A table of a problem's parts, a row each (ServiceNow's and Salesforce's article fields:
            # "Symptoms | …", "Cause | …", "Resolution | …"): each part under its label in bold, as a
            # help desk's export labels it, its lines (a list's items) on lines of their own.
            for n, (row, label) in enumerate(zip(rows, fields, strict=True)):
                texts = [text for _, text in row.blocks[1]]
                if (
                    is_title_field(normalise_heading(label))
                    and len(texts) == 1
                    and "<br>" not in texts[0]
                    and self._under_furniture_only()
                ):
                    # The article's Title field, one line (a service desk's form, "Title | Print jobs stuck
                    # in the Follow-Me queue"): the page's title heading over its parts. In bold, its label
                    # titled the page and the problem, or under the form's heading the portal's <title> did,
                    # and the top bar over the form was what is seen. Only where the table is the page's
                    # record: under an entry's own heading ("## KE-101" over each entry's table on a page of
                    # known errors), a "#" heading took the entry's heading and code, and the page's h1.
                    self._write_heading(1, texts[0].strip(), row.line)
                    continue
                if (
                    _RECORD_FIELD.fullmatch(normalise_heading(label))
                    and len(texts) == 1
                    and "<br>" not in texts[0]
                ):
                    # A field of the record, no part ("Log Level | ERROR" beside an error's code and
                    # message): on one line, as a byline says it (indexer.sections), the page's.
                    self.out.add(f"{indent}{label}: {texts[0].strip()}", row.line)
                    self.out.add("", row.line)
                    continue
                # The problem's Summary or Details before its other parts (a service desk's form, "Summary |
                # Jobs sent to FollowMe-Secure never print."): what is seen, as the paragraph under a title
                # is, without its label. Under the label in bold, the label was the symptoms' first line.
                described = _DESCRIPTION_FIELD.fullmatch(normalise_heading(label)) and not any(
                    heading_role(before) in PROBLEM_PART_ROLES for before in fields[:n]
                )
                if not described:
                    self.out.add(f"{indent}**{label}**", row.line)
                    self.out.add("", row.line)
                for code_line, text in row.blocks[1]:
                    if code_line is not None:
                        # The output it shows (a message in <pre>), as it would be under a heading.
                        fence = "`" * max(3, _longest_backticks(text) + 1)
                        for line in (fence, *text.split("\n"), fence, ""):
                            self.out.add(indent + line if line else line, code_line)
                        continue
                    for line in text.replace("\\|", "|").split("<br>"):
                        self.out.add(indent + line.strip(), row.line)
                    self.out.add("", row.line)
            self.after_list = False
            return
        if width > MAX_TABLE_COLUMNS or width * len(rows) > MAX_TABLE_CELLS:
            for row in rows:
                self.out.add(indent + _escaped_lead(" | ".join(c for c in row.cells if c)), row.line)
                self.out.add("", row.line)
        else:
            header = rows.pop(0) if _is_header(rows) else _Row(rows[0].line, [""] * width)
            for i, row in enumerate([header, *rows]):
                self.out.add(
                    indent + "| " + " | ".join(row.cells + [""] * (width - len(row.cells))) + " |", row.line
                )
                if i == 0:
                    self.out.add(indent + "|" + " --- |" * width, row.line)
            self.out.add("", header.line)
        self.after_list = False

    def _write_layout(self, content_end: int) -> None:
        """Write a layout table's content, up to ``content_end`` of ``source``, as the blocks it
        holds: read again by a converter of its own, its cells' boundaries only those of blocks."""
        start, line = self.table_content
        inner = _converted(
            self.source[start:content_end],
            fixed_code=self.fixed_may_be_code,
            layout_depth=self.layout_depth + 1,
            page=self.page,
        )
        first_line = line + self.source.count("\n", self.source.rfind("<", 0, start), start)
        indent = self.lists[-1].content if self.lists else ""
        offset = len(self.out.lines)
        for text, origin in zip(inner.out.lines, inner.out.origins, strict=True):
            self.out.add(indent + text if text else text, first_line + origin)
        self.out.add("", first_line)
        self.heading_lines.extend(offset + at for at in inner.heading_lines)
        if inner.last_heading[0]:
            self.last_heading = inner.last_heading
        self.wrote_fixed = self.wrote_fixed or inner.wrote_fixed
        self.own_font = self.own_font or inner.own_font
        self.after_list = inner.after_list

    def _in_layout(self, tag: str) -> bool:
        """Whether ``tag`` is a row's or cell's of the layout table this converter reads as blocks
        (its content holds them outside any table of its own)."""
        return self.layout_depth > 0 and tag != "table"

    # --- blocks -----------------------------------------------------------------------------

    def flush(self) -> None:
        """Write the text gathered so far as one block: a paragraph, a heading or a list item's text."""
        widget = self.button_text and not self.other_text
        fixed = self.fixed_text and not self.proportional_text
        code = "".join(self.code_text) if fixed else None
        large = "".join(words.strip("*") for words in self.large_words)
        text = self._take_text()
        block_line, self.block_line = self.block_line, None
        todo, self.todo = self.todo, ""
        raw = [line.strip() for line in text.split("\n") if line.strip()]
        self.issue_header = self.issue_header and not raw
        self.desk_byline = self.desk_byline and not raw
        label, self.label_text = self.label_text, ""
        fold_title, self.fold_title = self.fold_title, False
        chosen, self.chose_option = self.chose_option, False
        self.article_summary = False
        if self.update_title:
            self.update_title = False
            self._update_part(" ".join(raw), block_line)
            return
        if label and raw == [label] and not self.lists and not self.quoted and not self.heading:
            # A field's label alone, its value's blocks to follow: perhaps a part's name (see finish).
            self.labels.append((len(self.out.lines), _escaped_lead(label), self.last_heading[0]))
        elif (
            label
            and raw
            and raw[0].startswith(label)
            and raw[0] != label
            and not self.lists
            and not self.quoted
            and not self.heading
        ):
            # A field's label with its value in the same block, both inline (BMC Helix's "field-label" and
            # "field-value" spans): one field, "Article ID: KBA00031245", as a byline's are, not the
            # problem's symptoms "Article IDKBA00031245", label and value glued. Not in a heading or a list
            # item, as the label alone above: there a "label" span is a badge ("<h2><span class="label">Beta
            # </span> Sync fails …</h2>"), no field's name.
            raw[0] = f"{label.rstrip(':')}: {raw[0][len(label) :].lstrip(' :')}"
        if widget and not self.lists and not self.heading:
            # Buttons' words alone ("YesNo" under "Did this article help?"): a widget's labels, which
            # were a note of the fix above; a button named in a sentence stays in it, and one that is
            # a heading's words is its title (an accordion's question, <h4><a role="button">…</a></h4>).
            raw = []
        if not raw:
            self.block_line = block_line if self.marker else None
            return
        if self._note_stamp(raw):
            return
        callout = self.callouts[-1] if self.callouts else None
        if callout is not None and not callout.said:
            callout.said = True
            if " ".join(raw).rstrip(":").strip().lower() == callout.kind:
                # Its title that only names its kind ("Warning"), which the quote's marker says.
                return
        current = self.lists[-1] if self.lists else None
        if (
            code is not None
            and self.fixed_may_be_code
            and not (label or self.heading or self.marker or todo)
            and self.rows is None
            and not is_prose(code)
        ):
            self._write_fixed(code)
            return
        items = _numbered_lines(raw) if current is None and not self.heading else None
        # "<p>1) Open the portal.<br>2) Sign in again.</p>": steps, a numbered line each, as an
        # editor without lists writes them; escaped, they read as one paragraph "1) … 2) …".
        lines = (
            [f"{mark} {_escaped_lead(item)}" for mark, item in items]
            if items
            else [_escaped_lead(line) for line in raw]
        )
        if current is None and not self.heading and (words := self._note_heading(raw, large)):
            lines, self.heading = (
                [_escaped_lead(words)],
                min(self.element_heading + 1, 6) if self.element_heading else 2,
            )
        elif current is None and self.heading:
            self.element_heading = self.heading
        elif current is None and self.docstring is not None and (opened := self._lead_in_heading(lines)):
            lines = [opened, *lines[1:]]
        if todo and current is None and not self.heading:
            lines = [f"- {todo}{lines[0]}", *(f"  {line}" for line in lines[1:])]
        if fold_title and current is None and not (self.heading or items):
            # A page's <details> fold titled by its <summary> (a FAQ's accordion, schema.org's Question):
            # its title heads its answer, as a bold question does in Markdown. A paragraph, every
            # question's answer ran on into one problem. (An HTML block of an article is marked as a
            # fold by indexer.markup instead.)
            joined = " ".join(lines)
            bold = joined.startswith("**") and joined.endswith("**") and len(joined) > 4
            lines = [joined if bold else f"**{joined}**"]
        if (
            current is None
            and self.heading >= _LABEL_HEADING_LEVEL
            and _REQUEST_PART_LABEL.fullmatch(" ".join(raw))
        ):
            # A request's part's label: a line of its text. An example's is the drop-down's, no words of
            # the page: its next block, the example's name, heads the example in its place.
            if " ".join(raw).lower() == _EXAMPLE_LABEL:
                self._release_example_label()
                self.example_label, self.heading = (self.heading, self.text_line, " ".join(raw)), 0
                return
            self.heading = 0
        elif current is None and not self.heading and self.example_label and chosen and _names_example(raw):
            # The saved example's name ("422 – tax id missing"), the choice of its picker under the label,
            # heads its status, its body and its notes.
            self.heading = self.example_label[0]
            self.example_label = None
        self._release_example_label()
        if current is None and self.heading:
            joined = " ".join(lines)
            unlinked = _HEADING_PERMALINK.sub("", joined)
            unlinked = _LEADING_PERMALINK.sub("", unlinked) if unlinked.startswith("[") else unlinked
            heading = self._named_tab(unlinked or joined)
            if self.space_title:
                # The space's name is the page's trail, not its title.
                heading = heading.partition(_SPACE_SEPARATOR)[2] or heading
                self.space_title = False
            if self.typed_message and self.heading == 1:
                # The list's tag and a reply's prefix are the list software's, no words of the subject.
                heading = SUBJECT_PREFIX.sub("", heading) or heading
            lines = [_heading_line(self.heading, heading)]
            self.last_heading = (self.heading, heading)
            self.heading_lines.append(len(self.out.lines))
        if current is None:
            first = rest = ""
        elif self.marker:
            first, rest = current.indent + self.marker, current.content
        else:
            first = rest = current.content
        self.out.add(first + lines[0], self.text_line)
        for line in lines[1:]:
            self.out.add(rest + line, self.text_line)
        self.out.add("", self.text_line)
        self.marker, self.heading, self.after_list = "", 0, False
        self.written = min(self.written + 1, 2)

    def _release_example_label(self) -> None:
        """Write a saved example's label just read (see _REQUEST_PART_LABEL) as a line of text where it
        stood, where what follows it is no example's name (a sentence, a list, code, the page's end)."""
        if self.example_label is not None:
            _, line, words = self.example_label
            self.out.add(words, line)
            self.out.add("", line)
            self.example_label = None

    def _is_reference_member(self, tag: str, attributes: str) -> bool:
        """Whether a tag begins a member's entry in a Doxygen group of reference (see _REFERENCE_GROUP and
        _REFERENCE_ANCHORS): its title or its block, right under the group's heading or another such entry."""
        if "mem" not in attributes and "groupheader" not in attributes:
            if tag in _HEADINGS:
                self.group_heading = False
            return False
        if tag in _HEADINGS and _has_class(attributes, _GROUP_HEADER):
            self.group_heading = True
            return False
        if tag == "a" and (anchor := _attribute(_ID, attributes)).startswith("doc-"):
            self.reference_anchor = anchor in _REFERENCE_ANCHORS
            return False
        if not _has_class(attributes, _MEMBER_PART):
            if tag in _HEADINGS:
                self.group_heading = False
            return False
        return self.group_heading and (
            self.reference_anchor or bool(_REFERENCE_GROUP.fullmatch(self.last_heading[1]))
        )

    def _lead_in_heading(self, lines: list[str]) -> str:
        """Write the bold sentence that opens a docstring's paragraph (see _DOCSTRING) as a heading one
        level under the heading it sits in, beside the headings of the lead-ins before it, and return the
        rest of the paragraph's first line; "" where the paragraph opens with no such sentence, or is in a
        list, a quote, a call-out or a table, or under no heading. Read as paragraphs, every case under a
        "Troubleshooting" heading was one problem, each paragraph a step."""
        level, _ = self.last_heading
        if not level or self.lists or self.quoted or self.callouts or self.rows is not None:
            return ""
        found = _BOLD_LEAD_IN.fullmatch(lines[0])
        if found is None:
            return ""
        words, stop = found.group(1).strip(), found.group(2) or found.group(3) or found.group(4)
        # A sentence, no one word's label ("**Note:**"): words with a space between them, or a script's
        # written without spaces. Nor a call-out's label ("**Please note:**") or a part's ("**Root
        # cause:**"), which the Markdown reader takes for what they are.
        if not (" " in words or stop in "。："):
            return ""
        if CALLOUT_LABEL.match(f"{words}:") or heading_role(words) in PROBLEM_PART_ROLES:
            return ""
        if not (self.heading_lines and self.heading_lines[-1] == self.lead_in_heading):
            level = min(level + 1, 6)
        title = words + stop
        self.lead_in_heading = len(self.out.lines)
        self._write_heading(level, title, self.text_line)
        self.last_heading = (level, title)
        return found.group(5)

    def _note_stamp(self, raw: list[str]) -> bool:
        """Whether the block of lines ``raw`` is what a note app adds to its page: the date or the time
        it was written, right under its title (OneNote's), or OneNote's signature. Read as text, the
        date and time were the symptoms of the page's first problem and the signature a note of its fix."""
        if not self.note_app or len(raw) != 1 or self.lists or self.quoted or self.rows is not None:
            return False
        line = raw[0]
        if _NOTE_SIGNATURE.fullmatch(line):
            return True
        return self.written == 1 and bool(_DATE_STAMP.fullmatch(line) or _TIME_STAMP.fullmatch(line))

    def _blank_line(self) -> bool:
        """Whether a line break just read follows another with nothing but spaces between them, where it
        ends a paragraph of text: outside lists, tables, headings, labels and any open inline element,
        and not after a line ending in ":", which leads to what it shows (a message) under the blank line.
        Blogger's compose editor (and other rich-text editors') writes a post as lines of text and
        ``<br />`` in one ``<div>``, a blank line as two of them; read as one paragraph, a fix's label
        and its "Step 1: …" lines ran into the text before them, and the first step was lost."""
        if (
            self.lists
            or self.rows is not None
            or self.heading
            or self.label_tag
            or self.marks
            or self.link is not None
            or self.code is not None
            or self.word_item is not None
        ):
            return False
        breaks = 0
        for chunk in reversed(self.text):
            if chunk.strip():
                # A bold or italic lead-in ("**Error:**") ends in its marks.
                return breaks > 0 and not chunk.rstrip().rstrip("*_").endswith(":")
            breaks += "\n" in chunk
        return False

    def _note_heading(self, raw: list[str], large: str) -> str:
        """The words of a note app's heading, or of a blog post's, when the block of lines ``raw`` is
        one: a line wholly in bold (in a post, wholly in a larger font too: its words ``large``), outside
        quotes, call-outs and tables, that is no sentence (no end punctuation) and no label of a part
        ("Cause", which heads it one level under the problem's heading); else "". Read as a paragraph,
        every note's problems were one, and a post's second problem a note of the first one's steps."""
        # Outside a note app's page, only a line in a larger font can be one: most blocks are not tried.
        if (
            not (self.note_app or large)
            or len(raw) != 1
            or self.quoted
            or self.callouts
            or self.rows is not None
        ):
            return ""
        found = _WHOLE_BOLD.fullmatch(raw[0])
        if found is None:
            return ""
        words = found.group(1).strip()
        if not (self.note_app or large == words):
            return ""
        if words.endswith((".", "!", "?", ":", ";", ",")) or _names_part(words.replace("\\", "")):
            return ""
        return words

    def _take_text(self) -> str:
        """The text gathered for the block or cell being closed (its code closed too), and a
        fresh start for the next one."""
        if self.code is not None:
            self._write_code()
        text = "".join(self.text)
        self.own_font = self.own_font or (self.proportional_text and not self.heading)
        if text.strip():
            # A button holds no block: one its HTML left open ("<p><button>Get the tool</p>") ends
            # with the block of its words, or every later block would be a widget's, and dropped.
            self.buttons = 0
        self.text, self.link, self.marks, self.has_text = [], None, [], False
        self.button_text = self.other_text = False
        self.fonts, self.fixed_fonts, self.code_text, self.code_font = [], 0, [], 0
        self.large_starts, self.large_words = [], []
        self.font_marks = []
        self.fixed_text = self.proportional_text = False
        return text

    def read_style(self, css: str) -> None:
        """Keep what the rules of a ``<style>`` element ``css`` give the classes they style alone."""
        self.class_fonts.update(_class_fonts(css))

    def _styled_marks(self, attributes: str) -> str:
        """The marks a font element's classes give it by the page's stylesheets (see _class_fonts),
        and its own style: OneNote bolds a heading's words with ``<span style='font-weight:bold'>``,
        and writes no ``<b>``."""
        marks: set[str] = set()
        if "font-" in attributes:
            marks.update(_declared_marks(attributes))
        if self.class_fonts:
            classes = _attribute(_CLASS, attributes).split()
            marks.update(mark for name in classes for mark in self.class_fonts.get(name, ""))
        return "".join(sorted(marks))

    def _starts_fixed_run(self) -> bool:
        """Whether the fixed-width font element just opened begins a run of code inside a block
        whose words so far are in another font (a paragraph wholly in one is a code block, see
        flush); not in a page in a fixed-width font throughout, nor in a heading."""
        return (
            self.fixed_fonts == 1
            and self.proportional_text
            and self.fixed_may_be_code
            and not self.heading
            and self.code is None
            and self.pre is None
            and self.word_marker is None
        )

    def _font_text(self, text: str) -> None:
        """Note whether ``text`` is written in a fixed-width font, and keep it as written for code
        (a line end in the HTML is a space, as a browser shows it)."""
        if self.fixed_fonts:
            self.code_text.append(text.replace("\r", "").replace("\n", " "))
            self.fixed_text = self.fixed_text or bool(text.strip())
        elif text.strip():
            self.proportional_text = True

    def _write_fixed(self, code: str) -> None:
        """Write a paragraph whose whole text is in a fixed-width font as code (Word's and rich-text
        editors' way to show a command or a message): the code block of the paragraphs of such text
        right before it, or one of its own. Read as a paragraph, a message was no error text."""
        lines = [line.replace("\xa0", " ").rstrip() for line in code.strip("\n").split("\n")]
        indent = self.lists[-1].content if self.lists else ""
        fence = "`" * max(3, _longest_backticks(code) + 1)
        if self.fixed_code == (len(self.out.lines), indent, fence):
            # Right after that block (a blank paragraph between): one more of its lines.
            del self.out.lines[-2:], self.out.origins[-2:]
        else:
            self.out.add(indent + fence, self.text_line)
        for line in (*lines, fence):
            self.out.add(indent + line, self.text_line)
        self.out.add("", self.text_line)
        self.fixed_code = (len(self.out.lines), indent, fence)
        self.after_list, self.wrote_fixed = False, True

    def write_pre(self) -> None:
        self._release_example_label()
        typed, self.typed_pre = self.typed_pre, False
        if typed and not self.lists and self.rows is None:
            self._write_typed(self.pre or [])
            return
        body = "".join(self.pre or []).strip("\n")
        if self.pre_indented:
            # The indent its lines share is the XML's around it, not the code's ("    sudo systemctl …" under
            # <tab> in a <step>), as the topic's tool leaves it out.
            body, self.pre_indented = textwrap.dedent(body).strip("\n"), False
        self.pre = None
        if self.callouts:
            self.callouts[-1].said = True
        # Longer than any run of backticks in it: nothing inside can close it.
        fence = "`" * max(3, _longest_backticks(body) + 1)
        indent = self.lists[-1].content if self.lists else ""
        language, self.pre_language = self.pre_language, ""
        if language and self._language_label_over(language):
            # A paragraph of the code's language's name alone right over it is the title bar of its box
            # (SharePoint's code snippet web part: "Text" over <pre class="language-text">), which the
            # fence's language says: read as a paragraph, it was a line of the problem's symptoms.
            del self.out.lines[-2:], self.out.origins[-2:]
        for line in (fence + language, *body.split("\n"), fence, ""):
            self.out.add(indent + line if line else line, self.pre_line)
        self.after_list = False
        if language == "go" and "errors." in body and not self.lists and self.rows is None:
            self._go_sentinels(body)

    def _language_label_over(self, language: str) -> bool:
        """Whether the last block written is a paragraph of one line that names ``language`` alone."""
        lines = self.out.lines
        return (
            len(lines) >= 2
            and not lines[-1].strip(" >")
            and lines[-2].strip(" >").lower() == language
            and (len(lines) == 2 or not lines[-3].strip(" >"))
        )

    def _go_sentinels(self, body: str) -> None:
        """Each sentinel error a Go declaration defines (see _GO_SENTINEL) as an entry of its own after it:
        a heading of its message one level under the page's last, over the comment that documents it
        (what returns it, and often its fix). Read as code, a package's errors were no error messages."""
        level = self._level_under_last_heading()
        comment: list[str] = []
        for offset, line in enumerate(body.split("\n")):
            if said := _GO_COMMENT.fullmatch(line):
                comment.append(said.group(1).strip())
            elif found := _GO_SENTINEL.match(line):
                message = found.group(2)
                ticks = "`" * (_longest_backticks(message) + 1)
                at = self.pre_line + offset
                # The page's last heading stays the one over the declaration: the errors of the next
                # declaration are entries beside these, not under them.
                self._write_heading(level, f"{found.group(1)}: {ticks}{message}{ticks}", at)
                described = _MARKUP.sub(r"\\\g<0>", " ".join(words for words in comment if words))
                if described:
                    self.out.add(described, at)
                    self.out.add("", at)
                comment = []
            else:
                comment = []

    def _level_under_last_heading(self) -> int:
        """The level of a heading one under the last the page has written (2 under none)."""
        return min(self.last_heading[0] + 1, 6) if self.last_heading[0] else 2

    def _write_typed(self, pre: list[str]) -> None:
        """A Bugzilla comment's text (see _BUG_COMMENT) as Markdown: each line as its writer typed it, its
        block marks kept (see _TYPED_MARKS) and the rest escaped; in the report, the first comment, a line
        alone that names a part of the bug form's template ("Actual results:") is a heading one level
        under the page's, as an issue's template heads its parts."""
        self.pre = None
        level = self._level_under_last_heading()
        # The quote marks of the output a quoted message shows, where a run of it is open (see _QUOTED_OUTPUT).
        output = ""
        lead_in = False
        for offset, typed in enumerate("".join(pre).rstrip().split("\n")):
            at = self.pre_line + offset
            said = typed.strip()
            shown = _QUOTED_OUTPUT.fullmatch(typed) if self.typed_message else None
            if shown is not None and (output or lead_in) and not ITEM_OPENING.match(shown[2]):
                # Output pasted into the message it quotes, set off by indentation under the sentence that
                # shows it: code, as Markdown would not read so few spaces.
                if not output:
                    output = shown[1].rstrip()
                    self.out.add(f"{output} ```", at)
                self.out.add(f"{output} {shown[2].rstrip()}", at)
                continue
            if output:
                self.out.add(f"{output} ```", at)
                output = ""
            quoted = _QUOTE_ONLY.match(typed)
            line_said = _QUOTE_ONLY.sub("", typed, count=1).strip() if quoted else ""
            if line_said or not quoted:
                # A quoted sentence that ends in ":" or runs on ("every job fails with") shows what follows.
                lead_in = bool(line_said) and not line_said.endswith((".", "!", "?", ",", ";"))
            if self.issue_comments == 1 and said.endswith(":") and names_bug_report_part(said[:-1]):
                self.out.add("", at)
                self.out.add(_heading_line(level, said[:-1]), at)
                self.out.add("", at)
                continue
            marked = _TYPED_MARKS.match(typed)
            end = marked.end() if marked else 0
            rest = _MARKUP.sub(r"\\\g<0>", typed[end:].rstrip())
            self.out.add(typed[:end] + (rest if typed[:end].strip() else _escaped_lead(rest)), at)
        if output:
            self.out.add(f"{output} ```", self.pre_line)
        self.out.add("", self.pre_line)
        self.after_list = False

    def finish(self) -> None:
        """Close what the HTML left open."""
        if self.pre is not None:
            self.write_pre()
        self._end_panel()
        if self.rows is not None:
            self._end_cell()
            self.write_table(len(self.source))
        while self.callouts:
            self._callout_end()
        self.flush()
        self._release_example_label()
        fields = _part_labels(self.labels)
        for line, label in fields:
            # A page laid out as fields, two or more of them a problem's parts (Salesforce Knowledge's
            # "Symptoms", then its value): each part under its label in bold, as a field table's are.
            self.out.lines[line] = f"**{label}**"
        last_part = max((line for line, label in fields if _names_a_part(label)), default=len(self.out.lines))
        first_part = min((line for line, label in fields if _names_a_part(label)), default=0)
        record: set[int] = set()
        for line, label in fields:
            lines = self.out.lines
            if (
                not first_part <= line <= last_part
                and _RECORD_FIELD.fullmatch(normalise_heading(label))
                and line + 3 < len(lines)
            ):
                value = lines[line + 2]
                if not lines[line + 1] and value and _is_plain_line(value) and not lines[line + 3]:
                    # The article's own record ("Article Number", "Data Categories"), before the parts or
                    # after them, on one line as a byline says it (indexer.sections): the page's, neither
                    # the problem's symptoms nor a problem of its own after cases read as problems.
                    lines[line], lines[line + 2] = f"{label}: {value}", ""
                    record.add(line)
        for line, label, level in self.labels:
            if line > last_part and 0 < level < 6 and line not in record:
                # A field after the parts that names none ("Products", "Data Categories") is the
                # page's: a heading of its own ends the last part, whose notes it and its value were.
                self.out.lines[line] = _heading_line(level + 1, label)
                insort(self.heading_lines, line)
        self._head_attachments()
        while self.definition_lists:
            self._definition_end("dl")
        for n, read in enumerate(self.read_lists):
            # What follows a list, up to the next list, is moved: the next list's lines stay where they are.
            following = self.read_lists[n + 1].terms if n + 1 < len(self.read_lists) else []
            bound = following[0].start if following else None
            if read.entries:
                self._write_entries(read, bound)
            elif not self._write_messages(read, bound) and not self._write_record(read):
                self._write_fields(read)

    def _answer_post(self, tag: str, attributes: str, line: int) -> None:
        """Head a question page's answer post (see _ANSWER_POST), a ``tag`` element, under the heading that
        counts the answers (see _ANSWER_COUNT, or by its words), or under the one before it; no other
        element, nor a post elsewhere (a FAQ's answer)."""
        found = _ANSWER_POST.search(attributes)
        if found is None:
            return
        if not self.answers_level and heads_answers(self.last_heading[1]):
            self.answers_level = min(self.last_heading[0] + 1, 6)
        elif not self.answers_level and self.answers_count_heading == len(self.heading_lines) - 1:
            # Counted in another language ("2 respuestas", "2 件の回答"): headed as the site's Markdown
            # export heads the answers, as the posts under it are, for the article's reader to know it.
            self.answers_level = min(self.last_heading[0] + 1, 6)
            self.out.lines[self.heading_lines[-1]] = _heading_line(self.last_heading[0], _ANSWERS_HEADING)
        if not self.answers_level:
            return
        self.flush()
        words = _ANSWER_HEADINGS[found.group(1)]
        self._write_heading(self.answers_level, words, line)
        self.last_heading = (self.answers_level, words)
        self.answer_post = (tag, 1)

    def _write_heading(self, level: int, words: str, line: int) -> None:
        """Write a heading of ``level`` saying ``words``, read at ``line``, and the blank line after it; its
        line is kept among the headings' (see heading_lines), which bound what is read or moved after a
        list. Not the page's last heading (see last_heading), which only some headings written become."""
        self.heading_lines.append(len(self.out.lines))
        self.out.add(_heading_line(level, words), line)
        self.out.add("", line)

    def _under_furniture_only(self) -> bool:
        """Whether every heading written so far is the page's furniture (a form's name, "Knowledge
        Article"), so that what follows is the page's own record, under no heading of the author's."""
        return all(
            heading_role(self.out.lines[at].lstrip("#").strip()) is Role.BOILERPLATE
            for at in self.heading_lines
        )

    def _drop_comments_count(self) -> None:
        """Leave out the label that counts the comments right before their block ("Comments (2)", a
        help desk's box label over its comment boxes): read alone after the fix, it was a note."""
        self.flush()
        lines = self.out.lines
        written = next((n for n in range(len(lines) - 1, -1, -1) if lines[n].strip()), None)
        if written is not None and COMMENTS_COUNT.fullmatch(lines[written].strip()):
            del lines[written:], self.out.origins[written:]

    def _lists_attachments(self, tag: str, attributes: str) -> bool:
        """Whether a block is a help centre's list of attached files (see _ATTACHMENTS), outside any
        list, table, quote or call-out, where a heading could stand."""
        return (
            tag in _BLOCKS
            and "attachments" in attributes.lower()
            and not (self.lists or self.rows is not None or self.quotes or self.callouts)
            and _has_class(attributes, _ATTACHMENTS)
        )

    def _attachments_heading(self, line: int) -> None:
        """Keep a line before a help centre's list of attached files (see _ATTACHMENTS) for the heading
        that says what it is, one level under the page's title or at the level of the last heading:
        written at the end (see _head_attachments), when nothing but the list stands under it."""
        self.flush()
        self.attachments.append((len(self.out.lines), max(self.last_heading[0], 2)))
        self.out.add("", line)

    def _head_attachments(self) -> None:
        """Write the heading of each list of attached files that nothing but its items follow up to the
        next heading: a fix or text after it would be read as the page's too."""
        lines = self.out.lines
        # Last first, each read up to the first line that is no item: the heading written for the
        # next list then ends this one's reading (read first to last, a page of lists read the rest
        # of the page for each: 800 KB of them took 39 s).
        for at, level in reversed(self.attachments):
            after = bisect_left(self.heading_lines, at)
            stop = self.heading_lines[after] if after < len(self.heading_lines) else len(lines)
            if _only_items(lines, at + 1, stop):
                lines[at] = _heading_line(level, _ATTACHMENTS_TITLE)
                insort(self.heading_lines, at)

    # --- an API reference's variants -------------------------------------------------------

    def _variant_start(self, tag: str, attributes: str, line: int) -> bool:
        """Read a start tag of a table of a type's variants (see _VARIANT_TABLE) as an exception's
        entries: the table a definition list, each name's cell a term and each documentation's cell its
        definition; a header row is left out. Whether the tag was read so."""
        if self.variants_block is not None and tag == self.variants_block[0]:
            self.variants_block = (tag, self.variants_block[1] + 1)
        elif tag in _BLOCKS and "constructors" in attributes and _has_class(attributes, _VARIANT_BLOCK):
            self.variants_block = (tag, 1)
        elif tag in _HEADINGS:
            # A block of constructors with no table (a type with none documented) names no later table:
            # one left open ends at the next heading, as one closed ends at its end (see _variant_end).
            self.variants_block = None
        if tag == "table" and self.variant_tables:
            self.variant_tables += 1
            return False
        if tag == "table" and self.rows is None and not self.callouts:
            if not (
                self.variants_block is not None
                or ("fieldtable" in attributes and _has_class(attributes, _VARIANT_TABLE))
            ):
                return False
            self.variants_block = None
            self.variant_tables = 1
            self._definition_start("dl", line, entries=True)
            return True
        if self.variant_tables != 1 or tag not in ("tr", "td", "th"):
            return False
        if tag == "th":
            self.skipping, self.skipped_depth = tag, 1
        elif tag == "td":
            current = self.definition_lists[-1] if self.definition_lists else None
            if "doc" in attributes and _has_class(attributes, _VARIANT_DOC):
                self._definition_start("dd", line)
            elif current is None or current.open_tag != "dt":
                self._definition_start("dt", line)
            else:
                self.text.append(" ")
        return True

    def _variant_end(self, tag: str) -> bool:
        """Read an end tag of a table of a type's variants (see _variant_start). Whether it was read so."""
        if self.variants_block is not None and tag == self.variants_block[0]:
            depth = self.variants_block[1] - 1
            self.variants_block = (tag, depth) if depth else None
        if not self.variant_tables or tag not in ("table", "tr", "td", "th"):
            return False
        if tag == "table":
            self.variant_tables -= 1
            if self.variant_tables:
                return False
            self._definition_end("dl")
            return True
        if self.variant_tables != 1:
            return False
        if tag == "td":
            self.flush()
        return True

    # --- definition lists -------------------------------------------------------------------

    def _definition_start(self, tag: str, line: int, attributes: str = "", *, entries: bool = False) -> None:
        self.flush()
        self.block_line = line
        if tag == "dl":
            level, title = self.last_heading
            # Where its terms cannot be headings: in a list, a quote or another definition list, in a
            # problem's part ("Symptoms", then the messages the problem shows), or under no heading this
            # HTML has (a Markdown article's HTML block, under headings it does not see).
            plain = level and not (self.lists or self.quotes or self.definition_lists or _names_part(title))
            self.definition_lists.append(
                DefinitionList(
                    min(level + 1, 6),
                    heading_names_errors(title, level),
                    entries=entries or _has_class(attributes, _EXCEPTION_ENTRY),
                )
                if plain
                else None
            )
        elif self.definition_lists and (current := self.definition_lists[-1]) is not None:
            current.open(tag, len(self.out.lines))

    def _definition_end(self, tag: str) -> None:
        self.flush()
        current = self.definition_lists[-1] if self.definition_lists else None
        if tag == "dl" and self.definition_lists:
            self.definition_lists.pop()
        if current is not None and (tag == "dl" or tag == current.open_tag):
            current.close(len(self.out.lines))
            if tag == "dl":
                current.end = len(self.out.lines)
                self.read_lists.append(current)

    def _write_messages(self, read: DefinitionList, bound: int | None) -> bool:
        """A definition list whose terms are messages (see :mod:`indexer.definition_lists`): each term
        a heading, and the part labels its definition's paragraphs open with in bold; what follows
        the list under the same heading (before line ``bound``, if any) is moved before it. Whether
        it was one."""
        lines = self.out.lines
        terms = [[n for n in span if lines[n].strip()] for span in read.terms]
        if any(len(written) != 1 for written in terms):
            return False  # a term of several lines or blocks, or of none, is no message
        definitions = [[lines[n] for n in span] for span in read.definitions]
        if not is_message_reference([lines[written[0]] for written in terms], definitions):
            return False
        for [n] in terms:
            words, code = term_words(lines[n])
            if code and error_codes(words, named=False):
                # A message in code is no name written as code: its code says what it is, as in a
                # reference written in plain text ("QRY-00104: deadlock detected …").
                lines[n] = _escaped_lead(_MARKUP.sub(r"\\\g<0>", words))
            lines[n] = _heading_line(read.level, lines[n])
        for span in read.definitions:
            for n in span:
                if lines[n] and (n == span.start or not lines[n - 1].strip()):
                    lines[n] = bold_part_label(lines[n])
        self._lift_after(read, bound)
        return True

    def _write_entries(self, read: DefinitionList, bound: int | None) -> None:
        """An exception's entry of an API reference (see DefinitionList.entries): its term a heading,
        its definition that section's message and steps; what follows it under the same heading (before
        line ``bound``) is moved before it. Read as a list, the entries of a page were one problem, their
        steps merged and the signatures after the first notes."""
        lines = self.out.lines
        for span in read.terms:
            written = [n for n in span if lines[n].strip()]
            if not written:
                continue
            signature = " ".join(lines[n].strip() for n in written)
            for n in written[1:]:
                lines[n] = ""
            lines[written[0]] = _heading_line(read.level, signature)
        self._lift_after(read, bound)

    def _write_record(self, read: DefinitionList) -> bool:
        """A definition list of the article's record (see _are_page_record: Salesforce Knowledge's
        "Article Number", "Version", "Publish Date" under the title) written on one line, its number
        first, as a byline says it (indexer.sections): the page's, searchable, where each label and
        value was a paragraph of the first problem's symptoms. Whether it was one."""
        lines = self.out.lines
        terms = [[n for n in span if lines[n].strip()] for span in read.terms]
        values = [[n for n in span if lines[n].strip()] for span in read.definitions]
        if (
            len(terms) != len(values)
            or any(len(written) != 1 for written in [*terms, *values])
            or not all(_is_plain_line(lines[n]) for [n] in values)
            or not _are_page_record([lines[n] for [n] in terms])
        ):
            return False
        fields = [
            f"{lines[t].strip().rstrip(':')}: {lines[v].strip()}"
            for [t], [v] in zip(terms, values, strict=True)
        ]
        fields.sort(key=lambda f: not normalise_heading(f).startswith(("article", "kb")))
        for [t], [v] in zip(terms, values, strict=True):
            lines[t] = lines[v] = ""
        lines[terms[0][0]] = " \u00b7 ".join(fields)
        return True

    def _write_fields(self, read: DefinitionList) -> None:
        """A field list whose every field names a part of a problem, its label ending in a colon
        (Sphinx's ``<dl class="field-list"><dt>Cause:</dt><dd>…</dd>``), or without one where its fix
        says what to do (a cloud CLI's ``<dt>Cause</dt>…<dt>Solution</dt><dd>Request …</dd>``): each
        field one labelled paragraph, "**Cause:** …", as a help desk writes a part in one paragraph.
        Its label alone on its line was a heading of that part, or a step, and the section's fix after
        the list was read as more of the cause; a glossary's terms ("Workaround", defined: "A way
        around a problem.") have no colon and tell no one what to do, and stay. A list of one term
        that names a part is its label too, with its definition or alone (MediaWiki's ";Fix")."""
        lines = self.out.lines
        terms = [[n for n in span if lines[n].strip()] for span in read.terms]
        # A list of one term is one label (MediaWiki writes each ";Cause" line as a list of its own, its
        # ":" line the definition, and ";Fix" over a numbered list as a term alone): no glossary's.
        # Read as paragraphs, "Cause" was a symptom, and the problem had no cause.
        label_alone = len(terms) == 1 and not read.definitions
        if (
            not terms
            or (len(terms) != len(read.definitions) and not label_alone)
            or any(len(written) != 1 for written in terms)
        ):
            return
        if label_alone:
            found = _FIELD_LABEL.fullmatch(lines[terms[0][0]].strip())
            if found is not None and _names_a_part(found.group(2)):
                lines[terms[0][0]] = f"**{found.group(2).strip()}:**"
            return
        labels: list[str] = []
        colons, fixes = True, False
        for [n], span in zip(terms, read.definitions, strict=True):
            found = _FIELD_LABEL.fullmatch(lines[n].strip())
            if found is None or not _names_a_part(found.group(2)):
                return
            label = found.group(2).strip()
            colons = colons and found.group(0).endswith(":")
            fixes = fixes or (
                heading_role(label) is Role.RESOLUTION and says_what_to_do([lines[m] for m in span])
            )
            labels.append(f"**{label}:**")
        if not (colons or fixes or len(terms) == 1):
            return
        for [n], label, span in zip(terms, labels, read.definitions, strict=True):
            first = next((m for m in span if lines[m].strip()), None)
            if first is not None and _is_plain_line(lines[first]):
                # Its definition's first paragraph is the part's text, on the label's line.
                lines[n], lines[first] = f"{label} {lines[first]}", ""
                if heading_role(label.strip("*:")) != Role.RESOLUTION:
                    self._join_paragraphs(n, range(first + 1, span.stop))
            else:
                lines[n] = label

    def _join_paragraphs(self, labelled: int, span: range) -> None:
        """Join the paragraphs of a field's definition in ``span`` that follow its first one, up to its
        first list, code or other block, to the labelled paragraph at line ``labelled``, a line each:
        a paragraph after "**Cause:** …" is read as the symptoms'. A fix's paragraphs stay paragraphs,
        read as its steps."""
        lines = self.out.lines
        at = labelled + 1
        for m in span:
            if not lines[m].strip():
                continue
            if not _is_plain_line(lines[m]):
                break
            # Moved up into the blank lines the first paragraph left: each paragraph one line.
            lines[at], lines[m] = lines[m], lines[at]
            at += 1

    def _lift_after(self, read: DefinitionList, bound: int | None) -> None:
        """Move what follows a list of messages, up to the next heading (or ``bound``), before its
        first message: after the </dl> it is the text of the section the list is in, but under the
        last message's heading it was read as that message's steps."""
        lines, origins = self.out.lines, self.out.origins
        start, end = read.terms[0].start, read.end
        after = bisect_left(self.heading_lines, end)
        stop = min(
            self.heading_lines[after] if after < len(self.heading_lines) else len(lines),
            len(lines) if bound is None else bound,
        )
        trailing = lines[end:stop]
        if not any(line.strip() for line in trailing) or (
            read.under_errors and any(_STEP_LIKE.match(line) for line in trailing)
        ):
            # A list or code there, under a heading that names errors, would make that heading one
            # problem of steps and its messages the groups of its fix: left where it is. Under any
            # other heading they are the section's, as its paragraphs are.
            return
        # As many lines as before: the lines of the lists after it stay where they were read.
        lines[start:stop] = [*lines[end:stop], *lines[start:end]]
        origins[start:stop] = [*origins[end:stop], *origins[start:end]]


# A line of Markdown that opens a list's item or a fence: what a section's steps are read from.
_STEP_LIKE = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s|\s*(?:```|~~~)")
# A line of a bulleted list's item, of its text under its first line, or the comment that parts two lists.
_LIST_BREAK = "<!-- -->"
_LISTED = re.compile(rf"[-*+]\s|\s|{_LIST_BREAK}$")
# A line that opens a block other than a paragraph: a heading, a quote, a table's row, a comment, or
# an indented line.
_OTHER_BLOCK = ("#", ">", "|", "<", " ")


def _is_plain_line(line: str) -> bool:
    """Whether a line of Markdown written from HTML is a paragraph's, not a list's, a fence's or another block's."""
    return not _STEP_LIKE.match(line) and not line.startswith(_OTHER_BLOCK)


# A line an editor numbered by hand: "1) Open the portal.", "2. Sign in again."
_NUMBERED_LINE = re.compile(r"(\d{1,3})[.)]\s+(\S.*)")
# A line lettered by hand under one so numbered ("a. If the roll is narrow, …"); not an abbreviation of
# single letters ("a. k. a.").
_LETTERED_LINE = re.compile(r"([a-zA-Z])[.)]\s+(?![a-zA-Z]\.(?:\s|$))(\S.*)")


def _numbered_lines(lines: list[str]) -> list[tuple[str, str]] | None:
    """(list mark, text) of each of ``lines`` when there are two or more numbered ones and each opens
    with the number after the one before ("1) …", "2) …"), the lines lettered from "a" right under one
    its nested items ("a. …", "b. …", marked as a sub-list in it); else None."""
    numbered = [_NUMBERED_LINE.fullmatch(line) for line in lines]
    if sum(1 for m in numbered if m) < 2 or numbered[0] is None:
        return None
    items: list[tuple[str, str]] = []
    numbers: list[int] = []
    letter = 0
    for line, found in zip(lines, numbered, strict=True):
        if found is not None:
            numbers.append(int(found.group(1)))
            items.append((f"{numbers[-1]}.", found.group(2)))
            letter = 0
            continue
        # Rich text with no nested lists (Salesforce Knowledge's, "2. Turn the roll.<br>&nbsp;&nbsp;a. If
        # …<br>3. …") letters a step's sub-steps on lines of their own: they ran on into the step above.
        lettered = _LETTERED_LINE.fullmatch(line)
        if lettered is None or lettered.group(1).lower() != chr(ord("a") + letter):
            return None
        letter += 1
        items.append((f"{' ' * (len(str(numbers[-1])) + 2)}{letter}.", lettered.group(2)))
    if any(b != a + 1 for a, b in pairwise(numbers)):
        return None
    return items


def _names_example(raw: list[str]) -> bool:
    """Whether a block's lines ``raw`` are a saved example's name: one short line that ends no sentence."""
    return (
        len(raw) == 1
        and len(raw[0].split()) <= MAX_EXAMPLE_NAME_WORDS
        and not raw[0].endswith((".", ":", "!"))
    )


def _heading_line(level: int, text: str) -> str:
    """A Markdown heading of ``level`` saying ``text``."""
    # A closing "#" would be taken for the heading's closing sequence.
    return "#" * level + " " + (text[:-1] + "\\#" if text.endswith("#") else text)


def _only_items(lines: list[str], start: int, stop: int) -> bool:
    """Whether ``lines[start:stop]`` hold a list's items and nothing else but blank lines (read up to
    the first line that is no item, without copying the lines)."""
    listed = False
    for number in range(start, stop):
        line = lines[number]
        if not line.strip():
            continue
        if not _LISTED.match(line):
            return False
        listed = True
    return listed


def _starts_block(tag: str) -> bool:
    return tag == "br" or tag == "pre" or tag in _BLOCKS or tag in _LIST_TAGS or tag in _HEADINGS


# A code span written in Markdown's marks, on one line.
_MARKED_CODE = re.compile(r"(`[^`\n]+`)")


def _summary_text(text: str) -> str:
    """The text of a Markdown article's ``<summary>``, escaped but for its code spans: a known-errors
    page folds each error under its title written in backticks (``<summary>`npm ERR! …`</summary>``),
    which its author means as code. Escaped, the title was the backticks and words, and quoted no
    error: the problem had no message."""
    if "`" not in text:
        return _MARKUP.sub(r"\\\g<0>", text)
    parts = _MARKED_CODE.split(text)
    return "".join(part if n % 2 else _MARKUP.sub(r"\\\g<0>", part) for n, part in enumerate(parts))


def _escaped_lead(line: str) -> str:
    """``line`` with its beginning escaped where it would be read as a block's markup."""
    if line.startswith("\\"):
        return line
    found = _LEADING.match(line)
    if found is None:
        return line
    if found.group(1):
        return f"{found.group(1)}\\{line[found.end(1) :]}"
    return "\\" + line


def _longest_backticks(text: str) -> int:
    return max((len(run) for run in _BACKTICKS.findall(text)), default=0)


def _wide_punctuation_run(text: str) -> int:
    """How many characters ``text`` opens with that are punctuation beyond ASCII ("「", "：", "。"): those
    a Chinese or Japanese sentence sets no space beside (ASCII punctuation may be a Markdown escape's)."""
    count = 0
    for char in text:
        if char.isascii() or not isPunctChar(char):
            break
        count += 1
    return count


def _code_span(code: str) -> str:
    code = _SPACES.sub(" ", code).strip()
    if not code:
        return ""
    ticks = "`" * (_longest_backticks(code) + 1)
    return f"{ticks} {code} {ticks}" if len(ticks) > 1 else f"`{code}`"


def _link_target(href: str) -> str | None:
    """``href`` as a Markdown link's destination; None for no address, or one that is no web or
    mail address (``javascript:``, ``data:``), also when written to hide it."""
    href = href.strip()
    if not href or any(ord(ch) < 32 or ch == "\\" for ch in href):
        return None
    scheme = _SCHEME.match(href)
    if scheme is None and ":" in href.split("/", 1)[0]:
        return None  # "java script:x", ":x": a scheme that does not read as one
    if scheme is not None and scheme.group(1).lower() not in _LINK_SCHEMES:
        return None
    return quote(href, safe="/:?#[]@!$&'*+,;=%~.-_")


def html_as_markdown(block: str, *, page: bool = False) -> tuple[str, list[int]] | None:
    """The Markdown that HTML ``block`` stands for, and for each of its lines the line of
    ``block`` it comes from (0-based); None when it holds no text (a comment, an image).

    With ``page``, ``block`` is a whole page: its paragraphs in a fixed-width font are code only
    when some of its text is in another (a page pasted from a plain-text email is in Courier
    throughout); a Markdown article's HTML block stands among the article's own text."""
    converter = _converted(block, fixed_code=True, page=page)
    if page and converter.wrote_fixed and not converter.own_font:
        converter = _converted(block, fixed_code=False, page=page)
    lines, origins = converter.out.lines, converter.out.origins
    while lines and not lines[-1].strip():
        lines.pop()
        origins.pop()
    if not any(line.strip() and line.strip() != _LIST_BREAK for line in lines):
        return None
    if page:
        lines, origins = _cases_by_field(lines, origins)
    return "\n".join(lines) + "\n", origins


# A field's label alone on its line, as a page of fields is written ("**Symptoms**", "**Cause:**").
_BOLD_FIELD_LABEL = re.compile(r"\*\*([^*\d]{1,40}?):?\*\*")
# Or its heading, as BMC Helix heads a known error's fields ("### Problem", "### Root Cause", "### Workaround"),
# each telling "**Scenario 1**" from "**Scenario 2**", its error in a block and its fix a list: read field by
# field, the scenarios were one problem, and an answer to one's error led with the other's steps.
_HEADED_FIELD_LABEL = re.compile(r"#{2,6} ([^*#\d]{1,40}?):?")
# A heading's marks, which say how high it is.
_HEADING_MARKS = re.compile(r"(#{1,6}) ")
# CommonMark's own parser, which says where a fence opens and closes (see fenced_lines): the articles'
# parser is markup's, which imports this module, and the kinds of block its plugins add do not change that.
_COMMONMARK = MarkdownIt("commonmark")
# A case's name written after its bold label, led by a dash ("**Scenario 1** – after the upgrade:").
_NAME_AFTER_LABEL = re.compile(r"[\u2013\u2014-][ \t]++(.+?):?")
# A line opening with a bold label of a numbered case, what it is perhaps after it ("**Symptom 1:** The
# register shows …", "**Symptom 1 - Reader not paired (E-204)**"): its word, number, name and text.
# The name neither starts nor ends with a blank, and the blanks around it are taken whole: where three
# parts could each take a run of spaces, a line with no closing "**" (in a <pre>, any line is tried) took
# the cube of its length, 3,000 spaces in 51 s.
# A service desk's form numbers a field's cases alone ("**1. Spooler stuck:** …" in its Cause field), the
# word its field's label (see _case_word), and names them so in another field, after "for" and perhaps
# with a name in brackets ("**For cause 1 (spooler)**", "**Fix for cause 1**" over that cause's steps in
# its Resolution field).
_CASE_LINE = re.compile(
    rf"\*\*(?:(?:(?:(?i:{FIX_WAY_WORDS})[ \t]++)?[Ff]or[ \t]++)?([^\W\d_][^\W\d]{{0,20}})[ \t]++)?(\d{{1,2}})[ \t]*+"
    r"(?:(?:[:.)\-\u2013\u2014]|(?=\())[ \t]*+([^*\s](?:[^*]*?[^*\s])?))?[ \t]*+:?\*\*[ \t]*+(.*)"
)
# A number a paragraph's line opens with, escaped so that it is no list's ("1\\. Open …").
_ESCAPED_NUMBER = re.compile(r"^(\d{1,3})\\\.")


@dataclass
class _FieldCases:
    """A field whose text tells cases apart by numbered labels at its lines' starts (see _field_cases)."""

    label: str
    # The labels' word, in lower case ("symptom").
    word: str
    # Each case's label, and the indexes of its lines (its label's first).
    cases: list[tuple[re.Match[str], list[int]]]
    # The index of the line after the field's text.
    end: int
    # The index of its label's line, and those of the lines before its first case (a headed field's
    # opening, "One of two errors is written to `connector.log`:", which all its cases share), or of all
    # its lines where it tells no case apart (a headed field between two that do: "Environment").
    start: int = 0
    shared: list[int] = field(default_factory=list)


def _field_cases(lines: list[str], start: int, fenced: list[bool]) -> _FieldCases | None:
    """The field whose label is ``lines[start]`` when its text opens with a numbered case's label; else None.

    A field under a heading goes on, blank lines and all (its cases' error blocks and lists), to the next
    heading as high, and ends on the blank line before it; the lines before its first case (or all its
    lines, where it has none) are its shared ones."""
    if start + 2 >= len(lines) or lines[start + 1]:
        return None
    label = _BOLD_FIELD_LABEL.fullmatch(lines[start]) or _HEADED_FIELD_LABEL.fullmatch(lines[start])
    level = _label_level(lines[start])
    opening = _CASE_LINE.fullmatch(lines[start + 2])
    if label is None or (opening is None and not level):
        return None
    field = _FieldCases(label[1], _case_word(opening, label[1]) if opening else "", [], start + 2, start)
    while field.end < len(lines):
        line = lines[field.end]
        code = bool(level) and fenced[field.end]
        case = _CASE_LINE.fullmatch(line) if line and not code else None
        if level and not code and _closes_field(lines, field.end, level):
            break
        word = _case_word(case, field.label) if case is not None else ""
        if case is not None and (not field.word or word == field.word):
            field.word = word
            field.cases.append((case, [field.end]))
        elif not field.cases:
            field.shared.append(field.end)
        elif line or level:
            field.cases[-1][1].append(field.end)
        elif not (
            field.end + 1 < len(lines)
            and (after := _CASE_LINE.fullmatch(lines[field.end + 1])) is not None
            and _case_word(after, field.label) == field.word
        ):
            # A blank line goes on with the field only before the next case's label.
            break
        field.end += 1
    return field


def _case_word(case: re.Match[str], label: str) -> str:
    """The word, in lower case, that a numbered case's label (see _CASE_LINE) tells its cases apart by: its
    own ("symptom" of "**Symptom 1:**"), or, numbered alone and named ("**1. Spooler stuck:**"), its field's
    ``label``'s, so that "**For cause 1 (spooler)**" in another field is the same case; "" for a number alone."""
    word = case[1] or (label if case[3] else "")
    # A part's word in any of its labels is one word: a Cause field labelled "Causes", "Root Cause" or
    # "Possible causes" numbers the cases that "**For cause 1 (…)**" names in the Resolution field. Compared
    # as written, they were no case of each other, and the causes one problem.
    role = heading_role(word) if word else None
    return role.value if role in PROBLEM_PART_ROLES else word.strip().lower()


def _label_level(line: str) -> int:
    """How high the heading that labels a field on ``line`` is; 0 for a bold label."""
    return len(line) - len(line.lstrip("#"))


def _closes_field(lines: list[str], at: int, level: int) -> bool:
    """Whether ``lines[at]`` is a heading of ``level`` or higher, or the blank line right before one."""
    line = lines[at + 1] if not lines[at] and at + 1 < len(lines) else lines[at]
    found = _HEADING_MARKS.match(line)
    return found is not None and len(found[1]) <= level


def fenced_lines(lines: list[str]) -> list[bool]:
    """Whether each of ``lines`` is in a fenced block of code, its marks' lines included, as CommonMark reads
    them: a fence closes only on its marks alone, as many or more (a "```bash" line in its code does not),
    or where the list item or quote it is in ends; and "```brew doctor```" on a line of its own, as chat-style
    guides write a command, is a code span (a fence's info string holds no backquote), no fence."""
    fenced = [False] * len(lines)
    if not any("```" in line or "~~~" in line for line in lines):
        return fenced
    # The fence's lines read from markdown-it's tokens, not walked by hand: a walk of lines that open with
    # marks took the one-line span for a fence that held the rest of the page (its title heading a comment).
    for token in _COMMONMARK.parse("\n".join(lines)):
        if token.type == "fence" and token.map:
            fenced[token.map[0] : token.map[1]] = [True] * (token.map[1] - token.map[0])
    return fenced


def _case_fields(lines: list[str]) -> list[_FieldCases] | None:
    """The first run of two fields or more, one right after the other, that tell the same cases apart,
    numbered from 1 in the same order under labels of one word (see _cases_by_field); None if none."""
    start = 2
    # The heading over each line, outside code blocks, found in one pass (looked for from each case's label,
    # a page's every line was looked at again for each): a root prompt's "# tail -n 50 …" in a block over the
    # first case was taken for the Problem field's heading, and an opening of twenty lines or more (a log)
    # hid it, and the scenarios were one problem holding both errors.
    heading_over: list[int] = []
    fenced = fenced_lines(lines)
    for n, line in enumerate(lines):
        heading_over.append(n if not fenced[n] and line.startswith("#") else heading_over[-1] if n else -1)
    while start < len(lines):
        if not _CASE_LINE.fullmatch(lines[start]):
            start += 1
            continue
        fields: list[_FieldCases] = []
        # The field's label two lines up, or the heading over a headed field's opening lines.
        at = start - 2
        if not _BOLD_FIELD_LABEL.fullmatch(lines[at]) and heading_over[start - 1] > 0:
            at = heading_over[start - 1]
        # Fields labelled alike: in bold, or by headings as high as the first's.
        while (found := _field_cases(lines, at, fenced)) is not None and (
            not fields or _label_level(lines[found.start]) == _label_level(lines[fields[0].start])
        ):
            fields.append(found)
            at = found.end + 1
        # A run opens and closes with a field that tells the cases apart; one under a heading, only where the
        # heading names a part of a problem ("Root Cause", "Workaround"): "**Step 1**" under "## Install" and
        # again under "## Configure" tells no problems apart. Headed parts after the last such field go on
        # with it, every case's ("### Resolution" over "Both are fixed in 8.3" followed the last case only);
        # the rest (Related Articles) does not.
        last = max((n for n, found in enumerate(fields) if found.cases), default=-1)
        parts = last + 1
        while parts < len(fields) and heading_role(fields[parts].label) in PROBLEM_PART_ROLES:
            parts += 1
        del fields[parts:]
        told = [
            found
            for found in fields
            if found.cases
            and (not _label_level(lines[found.start]) or heading_role(found.label) in PROBLEM_PART_ROLES)
        ]
        numbers = [[int(case[2]) for case, _ in found.cases] for found in told]
        if (
            len(told) >= 2
            and len(told) == sum(1 for found in fields if found.cases)
            and fields[0].cases
            and len({found.word for found in told}) == 1
            and numbers[0] == list(range(1, max(len(numbers[0]), 2) + 1))
            and all(n == numbers[0] for n in numbers)
        ):
            return fields
        # On after the run read: each of its lines read once, however many fields a page has.
        start = max(start + 1, at)
    return None


def _cases_by_field(lines: list[str], origins: list[int]) -> tuple[list[str], list[int]]:
    """A page of fields (Symptoms, Cause, Resolution) each of which tells the same cases apart, in the
    same order, by a numbered label at a line's start, rewritten as a section per case holding its
    lines of each field; any other page as it is.

    Salesforce Knowledge's authors put several problems in one article that way: "**Symptom 1:** …<br>
    **Symptom 2:** …" in the Symptoms field, the same labels in the Cause field, and "**Symptom 1 - Reader
    not paired**" over each problem's numbered lines in the Resolution field. Read field by field, the
    cases were one problem, every case's lines one step of it. Each case is titled by what a label names
    it ("Reader not paired"), else by its first field's first sentence."""
    fields = _case_fields(lines)
    if fields is None:
        return lines, origins
    start, end = fields[0].start, fields[-1].end
    out: list[tuple[str, int]] = []
    for number in range(len(fields[0].cases)):
        cases = [found.cases[number] for found in fields if found.cases]
        first = cases[0][0]
        # A name after the label and a dash ("**Scenario 1** – after the password was rotated:") names the
        # case as a name inside it does ("After the password was rotated"); so titled, "Scenario 1" was read
        # as an alternative fix of one problem.
        after = _NAME_AFTER_LABEL.fullmatch(first[4])
        named = (
            next((label[3] for label, _ in cases if label[3]), "")
            or (after[1][:1].upper() + after[1][1:] if after else first[4])
            or f"{first[1]} {first[2]}"
        )
        title = title_of(named)
        out += [(f"## {title}", origins[cases[0][1][0]]), ("", origins[cases[0][1][0]])]
        for found in fields:
            # The lines all its cases share, the text after the case's label on its line, then the lines under it.
            label, at = found.cases[number] if found.cases else (None, [found.start])
            dashed = _NAME_AFTER_LABEL.fullmatch(label[4]) if label else None
            said = [(lines[i], origins[i]) for i in found.shared]
            # The name the case is titled by is no line of its text: under a shared "One of two errors is
            # written to `connector.log`:", it was read as the error written.
            if label and label[4] and not (label is first and after):
                said += [(label[4][dashed.start(1) :] if dashed else label[4], origins[at[0]])]
            said += [(lines[i], origins[i]) for i in at[1:]]
            if not said:
                continue
            # Its numbered lines (escaped as a paragraph's, under the label) are the list they stand for.
            items = _numbered_lines([_ESCAPED_NUMBER.sub(r"\1.", text, count=1) for text, _ in said])
            if items:
                said = [
                    (f"{mark} {text}", origin) for (mark, text), (_, origin) in zip(items, said, strict=True)
                ]
            out += [(f"**{found.label}**", origins[at[0]]), ("", origins[at[0]]), *said, ("", said[-1][1])]
    return (
        [*lines[:start], *(text for text, _ in out), *lines[end:]],
        [*origins[:start], *(origin for _, origin in out), *origins[end:]],
    )


def _story_end(page: str, lowered: str) -> int:
    """Where a blog's page ends its story: after its one ``<article>`` element when that holds the page's
    title (its first ``<h1>``) classed as a post's title, as Medium and Ghost save a post; else the page's
    end. What follows the story is the platform's: its tags, claps, the author's card, readers' responses
    and more posts, which were problems of their own, a response ranked above the story's fix. A docs
    page's ``<article>`` titled by a plain ``<h1>`` may be followed by more of its text. ``lowered`` is the
    page in lower case."""
    if "<article" not in lowered:
        return len(page)
    found = list(_ARTICLE_TAG.finditer(lowered))
    if len(found) != 1:
        return len(page)
    closing = lowered.find("</article>", found[0].end())
    title = _TITLE_TAG.search(lowered)
    if closing < 0 or title is None or not found[0].end() <= title.start() < closing:
        return len(page)
    return closing + len("</article>") if _has_class(title.group(1) or "", _POST_TITLE) else len(page)


def _archived_message(lowered: str) -> tuple[int, int, int] | None:
    """Where the page of a message a mailing list's archive keeps (see _ARCHIVED_MESSAGE_BEGIN) ends its
    subject's heading, and begins and ends the message; None for any other page. ``lowered`` is the page in
    lower case."""
    begin = lowered.find(_ARCHIVED_MESSAGE_BEGIN)
    end = lowered.find(_ARCHIVED_MESSAGE_END, begin) if begin >= 0 else -1
    heading = lowered.find("</h1>", 0, begin) if end >= 0 else -1
    return None if heading < 0 else (heading + len("</h1>"), begin, end)


def _converted(block: str, *, fixed_code: bool, layout_depth: int = 0, page: bool = False) -> _Converter:
    """The converter that has read HTML ``block`` (a whole page with ``page``) to its end (see
    html_as_markdown), inside ``layout_depth`` layout tables (see _Converter._write_layout)."""
    converter = _Converter(block, fixed_code=fixed_code, layout_depth=layout_depth, page=page)
    # The block in lower case, made once where it is needed: a whole page's at once, for where its story ends.
    lowered: str | None = block.lower() if page else None
    line, position = 0, 0
    # Whether a Confluence plain-text body is open, whose CDATA section is its text.
    plain_text = False
    end_of_text = _story_end(block, lowered) if lowered is not None else len(block)
    message = _archived_message(lowered) if lowered is not None else None
    if message is not None:
        # Only the subject and the message are read: what the archive prints around them is its own.
        end_of_text = min(end_of_text, message[2])
        converter.typed_message = True
    while position < end_of_text:
        if message is not None and message[0] <= position < message[1]:
            line += block.count("\n", position, message[1])
            position = message[1]
        found = _OPENING.search(block, position)
        opening = found.start() if found else len(block)
        if opening > position:
            converter.data(block[position:opening], line)
            line += block.count("\n", position, opening)
        if found is None:
            break
        if block.startswith("<!--", opening):
            # "-->" may close it at once ("<!-->"), as in browsers.
            closing = block.find("-->", opening + 2)
            end = len(block) if closing < 0 else closing + 3
        elif block.startswith(_CDATA_OPEN, opening):
            closing = block.find(_CDATA_CLOSE, opening + len(_CDATA_OPEN))
            end = len(block) if closing < 0 else closing + len(_CDATA_CLOSE)
            if plain_text:
                # Its text is literal: escaped, it is read back as written.
                cdata = block[opening + len(_CDATA_OPEN) : end if closing < 0 else closing]
                converter.data(html.escape(cdata, quote=False), line)
        elif block.startswith(("<!", "<?"), opening):
            # A declaration (<!DOCTYPE html>) or a processing instruction: no text.
            closing = block.find(">", opening + 2)
            end = len(block) if closing < 0 else closing + 1
        elif (tag := _TAG.match(block, opening)) is None:
            # A "<" that opens no tag is text ("a <b"), up to where the next one might.
            following = _OPENING.search(block, opening + 1)
            end = following.start() if following else len(block)
            converter.data(block[opening:end], line)
        else:
            name = tag.group(2).lower()
            end = converter.tag_end = tag.end()
            # A topic's element is XML, closed by its own "/>" (<code-block src="import-ca.sh"/>, a file's
            # code): _TAG's attributes take the "/", and read as opened, the <pre> took the steps after it.
            closed = bool(tag.group(4)) or (
                name in _TOPIC_ELEMENTS and not tag.group(1) and tag.group(3).rstrip().endswith("/")
            )
            # A code-block's CDATA section is its code, as a code macro's is (XML, or code full of "<").
            if name in _PLAIN_TEXT_ELEMENTS or name == "code-block":
                plain_text = not tag.group(1) and not closed
            if (
                not tag.group(1)
                and (titled := _TITLED_ELEMENTS.get(name))
                and (title := _attribute(_TITLE, tag.group(3)))
            ):
                converter.start(titled, "", line)
                converter.data(title, line)
                converter.end(titled)
            converter.pre_indented |= name == "code-block" and not tag.group(1) and not closed
            name = _ELEMENT_ALIASES.get(name, name)
            if tag.group(1):
                converter.end(name)
            elif name not in _VOID:
                converter.start(name, tag.group(3), line)
                if closed:
                    converter.end(name)
                elif name in _RAW_TEXT and converter.skipping == name:
                    # Its text is not HTML ("<!--" in a script): skipped to its closing tag.
                    lowered = lowered if lowered is not None else block.lower()
                    closing = lowered.find("</" + name, end)
                    if name == "style":
                        converter.read_style(block[end : None if closing < 0 else closing])
                    end = len(block) if closing < 0 else closing
            elif name in ("br", "hr"):
                converter.start(name, "", line)
        line += block.count("\n", opening, end)
        position = end
    converter.finish()
    return converter
