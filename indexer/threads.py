"""A forum thread exported as one page: its posts, each opened by a byline, apart by rules.

Discourse (and forums like it) export a "Solved" topic as the posts one after another, each
opening with who wrote it and when ("**@mhartmann** · Nov 3, 2025") and set apart by a thematic
break (``---``); the post the asker marked as the answer says so in its byline ("· ✅ Solution").
Read as one page of paragraphs, every post's words were the problem's symptoms and the last
replies ("That was it, thanks!") notes of the fix. The first post is the problem (but for its
greeting, "Hi all,"); the marked one is its fix; the rest are what the thread says besides:
searchable, no part of the problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from indexer.dates import AGE, CLOCK, DATE, MONTH
from indexer.inline_text import inline_parts, inline_text
from indexer.messages import REPLY_MARKER
from indexer.posts import DATED, HANDLE, LEVEL, MAX_BYLINE_CHARS, NAME
from indexer.roles import Role, reads_as_cause
from indexer.section_shapes import section_role
from indexer.sections import BOLD_LABEL_LEVEL, LISTS, Section, block_text, is_mail_header

# GitLab's byline of a comment: the user's name in bold, their handle, and how long ago they wrote it
# ("**Ming Huang** @mhuang · 3 weeks ago").
_HANDLE_AGED = re.compile(rf"[ \t]+@[\w.-]{{1,60}}[ \t]*[\u00b7\u2022|][ \t]*{AGE}")
# A chat's time of a message after its writer's name ("**Jane Doe** · 10:42 AM"): a chat sets no rule
# between its messages, so such a byline opens one wherever it stands.
_CHAT_TIME = re.compile(rf"[ \t]*[\u00b7\u2022|][ \t]*{CLOCK}")
# How old a post is, as Reddit prints it after the handle ("u/quietfox_ops · 5h", "· 3d", "· 2mo"): with
# it, a handle in plain text opens a byline too.
_AGED_HANDLE = re.compile(
    r"(?P<handle>u/[\w-]{3,20})(?=[ \t]*[\u00b7\u2022|][ \t]*\d{1,3}[ \t]?(?:mo|min|hr|yr|[smhdwy])\b)"
)
# Discourse's byline as its print view and text export write each post ("jdoyle | 2024-02-12 09:14:22 UTC
# | #1"): the writer's username in plain text, when, and the post's number, apart by bars. Read as text,
# every post's byline was a symptom, and the last replies ("That fixed it, thanks!") notes of the fix.
# The number says where a post begins, though the topic's category and tags stand over the first one.
_POST_NUMBER = re.compile(rf"[ \t]*\|[ \t]*{DATE}[ \t]*\|[ \t]*#(\d{{1,6}})$")
_NUMBERED_POST = re.compile(rf"[\w.-]{{1,60}}(?={_POST_NUMBER.pattern})")
# The line Discourse's solved plugin prints under a topic's first post, naming the answer by its number
# ("Solved by **mkarlsson** in [post #4](…)"), before the posts in a copy of the page: that post is the fix.
_SOLVED_IN_POST = re.compile(r"solved by\b[^\n]{1,80}?\bin post #(\d{1,6})\b", re.IGNORECASE)
# A post's points in its byline, as a voting site prints them ("· ▲ 42", "· 1.2k points"): they rank
# the replies, and say where one begins though no rule sets it apart.
_POINTS = re.compile(r"(?:[\u25b2\u2b06][ \t]*|\b(?=[\d.]+k?[ \t]+points?\b))(\d+(?:\.\d+)?)(k?)\b")
# How a forum marks the post that solved the topic, in its byline, or in a bold line right over that
# byline, as community sites print it ("**Accepted answer**", Microsoft Q&A's; "**Official comment**",
# Zendesk's; "**Solved by ana** · Best reply", Apple's).
_SOLUTION_MARK = re.compile(
    r"[\u2705\u2714\u2611]|\b(?:solution|solved|accepted answer|best (?:answer|reply)|official comment)\b",
    re.IGNORECASE,
)
# The mark alone in a paragraph right under a post's byline, as GitHub Discussions prints it over the
# answer ("✅ **Marked as answer**"): the post it opens is the solution.
_MARK_UNDER_BYLINE = re.compile(
    r"(?:[\u2705\u2714\u2611][ \t]*)?(?:marked as (?:the )?answer|accepted answer|best (?:answer|reply))",
    re.IGNORECASE,
)
# What GitHub Discussions prints between a writer's name and the date: their role in the project
# ("**lena-h** Maintainer · Nov 9, 2023") or where they asked ("**rkumar** asked this question in Q&A · …");
# and what Discourse prints there: the mark of the post that solved the topic ("**fstein** ✅ Solution ·
# Jan 12") or the action of a post the forum itself writes ("**system** Closed · Jan 14").
# Where they asked says the post opens the discussion, wherever it stands: under the repository's header
# and tabs when the whole page is saved.
_ASKED_IN = r"(?:asked this question|started this conversation) in\b"
# The roles an issue tracker gives the project's own people in a byline (see _PROJECT_MARK): GitHub's
# "Maintainer", "Owner", "Member", "Collaborator"; the bug's "Assignee", as a Bugzilla page's is written, and
# a service desk's "Agent" (indexer.html_blocks writes both so).
_PROJECT_ROLES = r"maintainer|owner|member|collaborator|assignee|agent"
_OPENS_DISCUSSION = re.compile(rf"[ \t]+{_ASKED_IN}", re.IGNORECASE)
_BESIDE_NAME = re.compile(
    rf"[ \t]+(?:(?:{_PROJECT_ROLES}|contributor|author)\b"
    rf"|{_ASKED_IN}[^\u00b7\u2022|\n]{{1,40}}"
    r"|(?:[\u2705\u2714\u2611][ \t]*)?solution\b"
    r"|(?:closed|opened|pinned|unpinned|archived|unarchived|listed|unlisted)\b)",
    re.IGNORECASE,
)
# What only GitHub prints in the bylines of a discussion ("asked this question in Q&A", "started this
# conversation in General") or of an issue's comments ("commented on Jan 9, 2025", or as its web page
# prints a comment's header, "commented Jan 9, 2025"), and the mark over a discussion's answer: the page is
# GitHub's, which prints the discussion's or issue's number after its title.
_GITHUB_WORDS = re.compile(
    rf"{_ASKED_IN}|\bcommented[ \t]+(?:on\b|{MONTH}\.?[ \t]+\d{{1,2}}\b)|\bmarked as (?:the )?answer\b",
    re.IGNORECASE,
)
# That number ("… exit code 137 #1842").
_GITHUB_NUMBER = re.compile(r"[ \t]+#\d{1,9}$")
# The topic's state alone in bold under its title ("**Solved**"): it marks no post, and says nothing of
# the problem.
_STATE_MARK = re.compile(r"(?:[\u2705\u2714\u2611][ \t]*)?(?:solved|answered|resolved)", re.IGNORECASE)
# A label over the replies, a heading or a bold line alone ("All replies", "Comments", "3 answers"): under
# it, the posts follow one another with no rule between them.
_REPLIES_LABEL = re.compile(
    r"(?:all[ \t]+)?(?:\d[\d,]*[ \t]+)?(?:replies|comments|answers)(?:[ \t]*\(\d[\d,]*\))?:?", re.IGNORECASE
)
# Where the thread stands on the site, a page's first line ("Apple Support Community › Mac › Bluetooth"):
# three places or more, each a few words that end no sentence.
_TRAIL = re.compile(
    r"[^>\u203a\u00bb\n.!?:]{1,40}(?:[ \t]*[>\u203a\u00bb][ \t]*[^>\u203a\u00bb\n.!?:]{1,40}){2,}"
)
# How an issue tracker marks the project's own people in a comment's byline (one of _PROJECT_ROLES, "(Maintainer)"):
# an issue's reply by one of them is its answer, where none is marked.
# The mark before a topic's title once it is solved ("[SOLVED] …", "[Resolved]", "(Solved):"), as a board
# whose software marks no post as the answer lets its users say so in the title (phpBB's).
_SOLVED_TITLE = re.compile(r"[ \t]*[\[(](?:solved|resolved)[\])][ \t]*:?[ \t]*", re.IGNORECASE)
# What a thread's asker writes back after trying a reply: that it worked ("That fixed it, thanks!", "That
# did the trick"), or that it failed ("Yes, both, no change.", "Didn't help, same error."). Unmarked, the
# reply they thank is the answer, and one they say failed is none. The words are English only: a thread in
# another language ("Beides probiert, keine Änderung.") gets no verdict, and its first reply with steps answers.
_WORKED = re.compile(
    r"\b(?:(?:that|this|it|which)[ \t]+(?:fixed|solved|did)[ \t]+it|(?:that|this)[ \t]+(?:was it|worked)"
    r"|did[ \t]+the[ \t]+trick|works[ \t]+now|working[ \t]+(?:again|now))\b",
    re.IGNORECASE,
)
_FAILED = re.compile(
    r"\b(?:no[ \t]+(?:change|luck|difference)|(?:did|does)(?:n['\u2019]t|[ \t]+not)[ \t]+(?:help|work|change)"
    r"|same[ \t]+(?:error|problem|issue|result)|still[ \t]+(?:the[ \t]+same|fails|failing|broken|getting)"
    r"|still[ \t]+not[ \t]+working|did(?:n['\u2019]t|[ \t]+not)[ \t]+fix)\b",
    re.IGNORECASE,
)
# A negation right before a _WORKED phrase, a word or none between: "it's still not working now" says it failed.
_NEGATED = re.compile(r"(?:\b(?:not|never|no[ \t]+longer)|n['\u2019]t)[ \t]+(?:\w+[ \t]+)?$", re.IGNORECASE)
# The head a board puts on a quote of an earlier post: who wrote it ("kevmcd wrote:").
_QUOTE_HEAD = re.compile(r"[^\n:]{1,60}[ \t]wrote:", re.IGNORECASE)
_PROJECT_MARK = re.compile(rf"\b(?:{_PROJECT_ROLES})\b", re.IGNORECASE)
# A note the tracker writes of what someone did, as GitLab prints it under their byline in a quote ("> changed
# the description", '> added ~"workflow::in dev" label', "> mentioned in merge request !42"): one line in
# lower case that goes on from their name, no comment of theirs.
_SYSTEM_NOTE = re.compile(
    r"(?:changed|added|removed|mentioned in|closed|reopened|assigned|unassigned|marked|set|created|"
    r"requested review|approved|merged|moved|locked|unlocked)\b[^\n]{0,120}"
)
# What only the project's people do to an issue, by such a note: a commit or merge request of theirs
# mentions or closes it, they label it, set its milestone or assign it. GitLab prints no role beside a
# comment, so these say whose reply answers it.
_PROJECT_NOTE = re.compile(
    r"(?:mentioned in|closed via) (?:merge request|commit)\b|(?:added|removed|changed)\b.*\blabels?\b"
    r"|changed (?:the )?milestone\b|assigned to\b"
)
# The heading a tracker prints over an issue's or a request's comments and events.
_ACTIVITY = re.compile(r"activity", re.IGNORECASE)
# A quick action, as GitLab's issue template and its reporters end a description ("/label ~bug", "/assign
# @mhuang", "/milestone %14.2"): a command to the tracker on a line of its own, no path ("/etc/hosts").
_QUICK_ACTION = re.compile(r"/[a-z][a-z_]*+(?![/\w.])(?:[ \t]+[^\n]*)?")
# A post's greeting, a paragraph of its own: a greeting word, a few words more and a comma or "!" ("Hi
# all,", "Hello @mira!", "Good morning everyone,"); "Alerts broke completely!" says what happens.
_GREETING = re.compile(
    r"(?:hi|hello|hey|hiya|howdy|dear|greetings|good[ \t]++(?:morning|afternoon|evening|day)|morning"
    r"|hallo|moin|bonjour|salut|hola|ciao|hej)\b(?:[ \t]++@?[\w'\u2019.-]++){0,2}[ \t]*+[,!]",
    re.IGNORECASE,
)
# A letter's closing words over its writer's name, a line of their own ("Best regards,", "Thanks,", "Cheers").
_VALEDICTION = re.compile(
    r"(?:(?:(?:best|kind|warm|many)[ \t]+)?(?:regards|wishes|thanks)|thanks?(?:[ \t]+(?:again|you))?|cheers"
    r"|sincerely|best|all[ \t]+the[ \t]+best|take[ \t]+care|yours[ \t]+(?:truly|sincerely)|hth)[ \t]*[,.!]?",
    re.IGNORECASE,
)
# The name lines under a letter's closing words ("Ana", "Paylane Customer Support"): a few, of a few words.
MAX_NAME_LINES = 3
MAX_NAME_WORDS = 4
# A support reply's courtesy right after its greeting ("Thanks for reaching out!", "Thank you for
# contacting us.") and right before its closing ("Let me know how it goes!", "Hope this helps."): one
# sentence that says nothing of the problem or its fix.
_THANKS = re.compile(r"thanks?(?:[ \t]+you)?[ \t]+for\b", re.IGNORECASE)
_COURTESY = re.compile(
    r"(?:please[ \t]+)?(?:let[ \t]+(?:me|us)[ \t]+know|(?:i[ \t]+|we[ \t]+)?hope[ \t]+(?:this|that|it)[ \t]+helps"
    r"|feel[ \t]+free|do(?:n['\u2019]t|[ \t]+not)[ \t]+hesitate)\b",
    re.IGNORECASE,
)
# A question a letter's writer puts to a colleague by name before signing off ("Marco – can you add it
# to the template?", "Anna, could you …?"): the mail's business, nothing of the problem or its fix.
_ASIDE = re.compile(
    r"@?[A-Z][\w'\u2019-]*+(?:[ \t]+[A-Z][\w'\u2019-]*+)?(?:[ \t]*+,|[ \t]++[\u2013\u2014-])[ \t]+[^\n]+\?"
)
# Where a sentence ends inside a paragraph: a courtesy is one sentence.
_INNER_SENTENCE_END = re.compile(r"[.!?][ \t\n]+\S")
# A name alone (one to three capitalised words, no punctuation), as a reply signs off over the message
# it quotes ("Martina").
_NAME_ALONE = re.compile(r"[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2}")

# Where a solution says where the failure comes from ("The error comes from the ingester's window").
_ORIGIN = re.compile(r"\b(?:comes?|came|stems?|results?) from\b|\bis caused by\b", re.IGNORECASE)
# Where a reply says what follows from a change ("2.0 rewrites the metadata branch, so old vaults no
# longer …"): the change is the cause; not a purpose ("…, so that …").
_CONSEQUENCE = re.compile(r",\s+so\s+(?!that\b)", re.IGNORECASE)
# A sentence about a thing, its subject first ("The lock file lives in …"), as an explanation opens; or
# one that says what an error means or what is usually behind it, as a support engineer's answer opens
# ("System error 53 means the client cannot reach …", "This is usually the module's stale pairing data"),
# or that it is a known one, as a vendor's engineer answers on its forum ("This is a known issue with 8.12:
# the state store moved …").
_THING_FIRST = re.compile(
    r"(?:the|its|their)\s|[^.!?\n]{1,60}?\bmeans\b"
    r"|this\s+is\s+(?:usually|typically|often|mostly|most\s+likely|probably|likely)\b"
    r"|this\s+is\s+a\s+known\s+(?:issue|bug|problem|limitation)\b",
    re.IGNORECASE,
)
# A sentence that says what an error, its code or its status means ("Exit code 137 means the pod was
# OOM-killed: you set …"): an explanation though it speaks to the reader, unlike "That means you need …".
_ERROR_MEANS = re.compile(
    r"[^.!?\n]{0,40}?(?:\b(?:error|code|status|signal|exception)\b|\d)[^.!?\n]{0,20}?\bmeans\b", re.IGNORECASE
)
# The writer or the one written to: chatter around a fix ("This worked for me", "Thanks, you saved me").
_PERSONAL = re.compile(r"\b(?:i|i'm|i've|me|my|we|us|our|you|your|thanks?)\b", re.IGNORECASE)


def explains_why(block: SyntaxTreeNode) -> bool:
    """Whether a solution post's paragraph before its steps says why: in the words of a cause ("…
    because …", "… comes from …"), or a sentence about a thing, not its writer or reader ("The lock
    file lives in … and survives the reboot"); a greeting or chatter ("Same here, spent two days on it.",
    "This worked for me on 11.2.1.") says no cause."""
    if block.type != "paragraph" or is_greeting(block):
        return False
    return says_why(block_text(block))


def tells_origin(text: str) -> bool:
    """Whether ``text`` says where a failure comes from ("… is caused by …", "… comes from …") or what
    follows from a state ("The volume is full, so the snapshot cannot be received"; not "…, so that …")."""
    return bool(_ORIGIN.search(text) or _CONSEQUENCE.search(text))


def says_why(text: str) -> bool:
    """Whether ``text``, of a reply, explains (see :func:`explains_why`): a cause's words, a sentence that
    says what an error means, or one about a thing or what follows from it, not about its writer or reader."""
    return (
        reads_as_cause(text)
        or bool(_ORIGIN.search(text))
        or bool(_ERROR_MEANS.match(text))
        or bool((_THING_FIRST.match(text) or _CONSEQUENCE.search(text)) and not _PERSONAL.search(text))
    )


@dataclass
class Post:
    """One post of a thread: its byline and what it says."""

    byline: SyntaxTreeNode
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    solution: bool = False
    # Written by the project's people (see _PROJECT_MARK).
    by_project: bool = False
    # Its points, on a voting site (see _POINTS); None where its byline has none.
    points: float | None = None
    # The replies to it quoted under it, each opened by its byline, as Reddit nests them.
    quoted: list[SyntaxTreeNode] = field(default_factory=list)
    # Who wrote it, as its byline names them.
    author: str = ""
    # The tracker's notes of what its writer did (see _SYSTEM_NOTE), no words of theirs.
    system: list[SyntaxTreeNode] = field(default_factory=list)
    # The site's labels after it (see _is_thread_label): the page's words, none of the post's.
    aside: list[str] = field(default_factory=list)


# A block of a thread's page, or the title of a heading among them (see thread_items).
Item = SyntaxTreeNode | str


def thread_items(root: Section) -> tuple[list[Item], list[Section]] | None:
    """The blocks of a thread's page in order, with the title of each heading under its own title where
    the site heads its posts (a label of the replies, "### All replies", or of the post under it, a
    bold "**Accepted answer**" read as a label) or a post labels a part of what it says ("Fix:"), and the site's sections after the posts, each with its
    sub-sections (its "**Related topics**" over a table of other threads, "See also"); None when a
    heading there says anything else."""
    items: list[Item] = list(root.blocks)
    furniture: list[Section] = []
    for section in root.walk()[1:]:
        if any(section is part for after in furniture for part in after.walk()):
            continue
        if section_role(section) is Role.BOILERPLATE:
            # The forum prints its links to other threads under the last post: no post's words, and the
            # posts read as they do without them.
            furniture.append(section)
            continue
        follows = _byline(section.blocks[0]) if section.blocks else None
        if furniture or not (
            _REPLIES_LABEL.fullmatch(section.title)
            or _marks_post(section.title, follows)
            # A post's own label over its steps ("Fix:"), a line of the post and no heading of the page's.
            or section.level >= BOLD_LABEL_LEVEL
        ):
            return None
        items.append(section.title)
        items.extend(section.blocks)
    return items, furniture


def thread_posts(items: Sequence[Item]) -> tuple[list[SyntaxTreeNode], list[Post], list[str]]:
    """The blocks before a thread's first post (its category, its tags), its posts, and the site's
    words before the first post (its trail to the thread, "Community › Mac › Bluetooth", and its labels,
    "**Solved**"); all blocks and no posts when they are not two posts or more, each opened by a
    byline at the start or right after a rule."""
    preface, posts, aside = _posts(items)
    if len(posts) < 2:
        return [i for i in items if not isinstance(i, str)], [], []
    _mark_numbered_solution(preface, posts)
    if preface and preface[0].type == "paragraph" and _TRAIL.fullmatch(block_text(preface[0]).strip()):
        return preface[1:], posts, [block_text(preface[0]), *aside]
    return preface, posts, aside


def _mark_numbered_solution(preface: list[SyntaxTreeNode], posts: list[Post]) -> None:
    """Mark as the solution the post whose number a line before the posts names as the answer (see
    _SOLVED_IN_POST), where the bylines number the posts (see _NUMBERED_POST)."""
    named = next((m[1] for b in preface if (m := _SOLVED_IN_POST.search(block_text(b)))), None)
    for post in posts if named else []:
        number = _POST_NUMBER.search(block_text(post.byline))
        if number is not None and number[1] == named:
            post.solution = True


def issue_replies(blocks: list[SyntaxTreeNode]) -> tuple[list[SyntaxTreeNode], list[Post]]:
    """The blocks of an issue's body and the replies after it: the posts from the first rule that a
    byline follows on ("---", then "**@lbrandt** (Maintainer) commented on …"); ``blocks`` and no
    replies when no rule is followed by one. The body itself has no byline: the page's title and
    template headings say who asks."""
    for at, block in enumerate(blocks[:-1]):
        if block.type == "hr" and _byline(blocks[at + 1]) is not None:
            return blocks[:at], _posts(blocks[at:])[1]
    return blocks, []


def issue_activity(blocks: list[SyntaxTreeNode]) -> list[Post]:
    """The comments of an issue under a heading of their own, as GitLab exports them ("### Activity", then
    "**Ming Huang** @mhuang · 3 weeks ago" over each, no rule between them), when ``blocks`` open with a
    byline; else none. The tracker's notes under a byline are no words of the post; a writer whose notes
    show the project's work (their merge request mentions the issue, they label it) is the project's."""
    if not blocks or _byline(blocks[0]) is None:
        return []
    posts = _posts(blocks, ruled=False)[1]
    project = {p.author for p in posts if any(_PROJECT_NOTE.match(block_text(n).strip()) for n in p.system)}
    for post in posts:
        post.by_project = post.by_project or post.author in project
    return posts


def asked_and_replies(
    preface: list[SyntaxTreeNode], posts: list[Post]
) -> tuple[list[SyntaxTreeNode], list[Post]]:
    """What a thread asks and the posts that reply to it: the first post and the others; but where the
    first byline carries its post's points, the page's text before it, as Reddit prints the post asked
    with its byline over its title and its points under its text, and only the replies' in theirs; so
    too where the first post is marked as the answer, as Apple's community prints it over the replies."""
    if posts and (posts[0].points is not None or posts[0].solution):
        return preface, posts
    return (posts[0].blocks if posts else []), posts[1:]


def without_github_number(title: str, posts: list[Post]) -> str:
    """``title`` without the number GitHub prints after a discussion's or an issue's title ("… #1842")
    where ``posts`` are a GitHub page's (see _GITHUB_WORDS); elsewhere as it is, since a title's "#" and
    number may be an error's ("… fails with error #4012")."""
    said = (text for post in posts for text in (block_text(post.byline), *post.aside))
    if not _GITHUB_NUMBER.search(title) or not any(_GITHUB_WORDS.search(text) for text in said):
        return title
    return _GITHUB_NUMBER.sub("", title)


def answering_post(replies: list[Post], *, solved: bool = False, asker: str = "") -> Post | None:
    """The reply that answers a thread: the one marked as its solution, else, on a voting site that
    marks none (Reddit), the top-voted one, the first of them on a tie, else, where the thread's title
    says it is ``solved`` (see :func:`without_solved_mark`) or the posts are numbered as Discourse exports
    them, the first reply that the ``asker`` (who wrote the first post) says worked, or that gives steps
    and they do not say failed (see _unmarked_answer); None on any other thread."""
    marked = next((r for r in replies if r.solution), None)
    voted = [r for r in replies if r.points is not None]
    # Discourse's text export of a topic numbers its posts, and keeps no mark of the one that solved it:
    # its answer is the first reply that gives steps, as a title marked solved says.
    solved = solved or any(_POST_NUMBER.search(block_text(r.byline)) for r in replies)
    steps = _unmarked_answer(replies, asker) if solved else None
    return marked or max(voted, key=lambda r: r.points or 0.0, default=None) or steps


def _unmarked_answer(replies: list[Post], asker: str) -> Post | None:
    """The answer of a thread that marks none: the first reply the ``asker`` then says worked (see
    _WORKED), else the first that gives steps (a list) and that the asker does not then say failed (see
    _FAILED). A topic's first reply with a list is often the usual things to try ("1. Restart the service.
    2. Reinstall the agent."), which the asker answers "Yes, both, no change.", and the fix comes later,
    in prose, thanked by the asker ("That fixed it, thanks!")."""
    said = _verdicts(replies, asker)
    worked = (r for r, verdict in zip(replies, said, strict=True) if _says_worked(verdict))
    tried = (
        r
        for r, verdict in zip(replies, said, strict=True)
        if any(b.type in LISTS for b in r.blocks) and not _FAILED.search(verdict)
    )
    return next(worked, None) or next(tried, None)


def _verdicts(replies: list[Post], asker: str) -> list[str]:
    """What the ``asker`` says of each of ``replies`` (nothing for their own): their posts after it, before
    anyone else replies, or a later post of theirs that names its writer ("thanks ohale!"). Two people
    often reply before the asker writes back: read as said of every earlier reply, the thanks for the
    second went to the first, and its usual things to try were the answer."""
    said = [""] * len(replies)
    last: int | None = None
    # Each other writer's latest reply so far, by their name.
    latest: dict[str, int] = {}
    for at, post in enumerate(replies):
        if not asker or post.author != asker:
            last = at
            if post.author:
                latest[post.author] = at
            continue
        text = " ".join(block_text(b) for b in post.blocks)
        named = [
            before
            for name, before in latest.items()
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        ]
        to = max(named) if named else last
        if to is not None:
            said[to] = f"{said[to]} {text}".strip()
    return said


def _says_worked(verdict: str) -> bool:
    """Whether ``verdict`` says the reply worked (_WORKED), in words no negation turns (_NEGATED)."""
    return any(not _NEGATED.search(verdict[: found.start()]) for found in _WORKED.finditer(verdict))


def quotes_a_post(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a quote headed by whom it quotes ("kevmcd wrote:", as a board heads the earlier
    post a reply answers): that post's words, none of the reply's."""
    first = block.children[0] if block.type == "blockquote" and block.children else None
    return (
        first is not None
        and first.type == "paragraph"
        and bool(_QUOTE_HEAD.fullmatch(block_text(first).split("\n", 1)[0].strip()))
    )


def without_solved_mark(title: str) -> tuple[str, bool]:
    """``title`` without the mark a board's users put before a topic's title once it is solved
    ("[SOLVED] …", "(Solved) …"), and whether it had one: the thread's state, no words of its title."""
    mark = _SOLVED_TITLE.match(title)
    return (title[mark.end() :], True) if mark else (title, False)


def answering_reply(replies: list[Post]) -> Post | None:
    """The reply that answers an issue: the one marked as its solution, else the first by the
    project's people that gives steps (a list), else the first of theirs that says something (not only
    the tracker's notes): a question they ask first ("Which entry do you use?") answers nothing. None
    when neither is there (the other replies only discuss it)."""
    said = [r for r in replies if r.by_project and r.blocks]
    return (
        next((r for r in replies if r.solution), None)
        or next((r for r in said if any(b.type in LISTS for b in r.blocks)), None)
        or next(iter(said), None)
    )


def activity_comments(section: Section) -> list[Post]:
    """The comments under a tracker's own heading of them ("Activity", as GitLab and a service desk's
    portal print it), each opened by a byline (see :func:`issue_activity`); none under any other heading."""
    return issue_activity(section.blocks) if _ACTIVITY.fullmatch(section.title.strip()) else []


def _posts(
    items: Sequence[Item], *, ruled: bool = True
) -> tuple[list[SyntaxTreeNode], list[Post], list[str]]:
    """The blocks before the first post, the posts and the site's labels before the first post. A post
    is opened by a byline at the start, right after a rule or a label that marks it as the answer,
    anywhere under a label of the replies or where no rule parts the posts (not ``ruled``), or anywhere
    where it carries points (the post's, or its writer's level's) or says its writer asked the question
    there (GitHub Discussions', under the repository's header and tabs); a quote opened by a byline is a reply
    quoted under the post before it, and where no rule parts them, a tracker's note (see _SYSTEM_NOTE)
    is one of the post's notes. The site's labels (see _is_thread_label) are no post's words, and leave
    the rule before them in force."""
    preface: list[SyntaxTreeNode] = []
    posts: list[Post] = []
    aside: list[str] = []
    after_rule, marked, listed = True, False, False
    # Each block's byline, read once: a label is asked about the one under it, and that block then about its own.
    read = [
        None if isinstance(item, str) or item.type == "hr" else _writer_and_byline(item) for item in items
    ]
    writers = [found[0] if found else "" for found in read]
    bylines = [found[1] if found else None for found in read]
    for at, item in enumerate(items):
        follows = bylines[at + 1] if at + 1 < len(items) else None
        if isinstance(item, str) or _is_thread_label(item, bylines[at], follows):
            said = item if isinstance(item, str) else block_text(item)
            (posts[-1].aside if posts else aside).append(said)
            marked = _marks_post(said, follows)
            listed = listed or bool(_REPLIES_LABEL.fullmatch(said))
            continue
        if item.type == "hr":
            after_rule = True
            continue
        beside = bylines[at]
        if posts and _quoted_byline(item) is not None:
            posts[-1].quoted.append(item)
        elif beside is not None and (
            after_rule
            or not ruled
            or marked
            or listed
            or _POINTS.search(beside)
            or _OPENS_DISCUSSION.match(beside)
            or _CHAT_TIME.match(beside)
            or _POST_NUMBER.match(beside)
        ):
            posts.append(
                Post(
                    item,
                    solution=marked or bool(_SOLUTION_MARK.search(beside)),
                    by_project=bool(_PROJECT_MARK.search(beside)),
                    points=_points(beside),
                    author=writers[at],
                )
            )
        elif posts and not posts[-1].blocks and _MARK_UNDER_BYLINE.fullmatch(block_text(item).strip()):
            posts[-1].solution = True
            posts[-1].aside.append(block_text(item))
        elif posts and not ruled and _is_system_note(item):
            posts[-1].system.append(item)
        elif posts:
            posts[-1].blocks.append(item)
        else:
            preface.append(item)
        after_rule = marked = False
    return preface, posts, aside


def _is_thread_label(block: SyntaxTreeNode, beside: str | None, follows: str | None) -> bool:
    """Whether ``block`` (``beside``: its byline's words, if it is one) is a label the site prints in bold
    among a thread's posts: of the replies ("**Comments**"), of the topic's state ("**Solved**"), or of
    the post its byline opens right under it (``follows``: that byline's words) as the answer
    ("**Accepted answer**", "**Solved by ana** · Best reply"). Read as a post's words, they were its
    symptoms and notes of its fix."""
    parts = inline_parts(block)
    if not parts or parts[0].type != "strong" or beside is not None:
        return False
    said = block_text(block).strip()
    alone = len(parts) == 1 and bool(_REPLIES_LABEL.fullmatch(said) or _STATE_MARK.fullmatch(said))
    return alone or _marks_post(said, follows)


def _marks_post(said: str, follows: str | None) -> bool:
    """Whether a label that ``said`` marks as the answer the post whose byline (``follows``: its words,
    None where the block under the label is no byline) opens right under it."""
    return follows is not None and bool(_SOLUTION_MARK.search(said))


def is_quick_actions(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a paragraph of an issue's quick actions alone ("/label ~bug" over "/assign
    @mhuang"): commands the tracker ran on it when it was filed, nothing it says of the problem."""
    lines = block_text(block).strip().split("\n") if block.type == "paragraph" else []
    return bool(lines) and all(_QUICK_ACTION.fullmatch(line.strip()) for line in lines)


def _is_system_note(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a quote of a tracker's note alone ("> changed the description")."""
    return (
        block.type == "blockquote"
        and len(block.children) == 1
        and block.children[0].type == "paragraph"
        and bool(_SYSTEM_NOTE.fullmatch(block_text(block.children[0]).strip()))
    )


def is_greeting(block: SyntaxTreeNode) -> bool:
    """Whether ``block`` is a post's greeting alone ("Hi all,"): it says nothing of the problem."""
    return block.type == "paragraph" and bool(_GREETING.fullmatch(block_text(block)))


def _points(beside: str) -> float | None:
    """The points a byline gives its post ("▲ 42", "1.2k points"), or None; a level's points are its
    writer's ("Level 8 (35,412 points)"), no rank of the post."""
    found = _POINTS.search(beside)
    if found is None or LEVEL.search(beside):
        return None
    return float(found[1]) * (1000 if found[2] else 1)


def _quoted_byline(block: SyntaxTreeNode) -> str | None:
    """What the byline says that opens a quote ("> **u/lurking_larry** · 4h · ▲ 3", nested or not),
    when ``block`` is one: a reply to a post, as Reddit quotes it under that post; else None."""
    if block.type != "blockquote":
        return None
    while block.type == "blockquote" and block.children:
        block = block.children[0]
    return _byline(block)


def _byline(block: SyntaxTreeNode) -> str | None:
    """What a byline says beside the user's handle (see _writer_and_byline), when ``block`` is one; else None."""
    found = _writer_and_byline(block)
    return found[1] if found else None


def _writer_and_byline(block: SyntaxTreeNode) -> tuple[str, str] | None:
    """The writer a byline names and what it says beside them ("· Nov 3, 2025 · ✅ Solution"), when ``block``
    is one: a short paragraph that opens with the handle in bold, italics or a link ("**@mhartmann**"),
    or with a name there and a date after it ("**ana** · Oct 2, 2023"), perhaps after the writer's role
    or where they asked ("**lena-h** Maintainer · Nov 9, 2023", see _BESIDE_NAME), or with Reddit's handle in
    plain text and its age after it ("u/quietfox_ops · 5h"), or with Discourse's username in plain text and
    its post's date and number after it ("jdoyle | 2024-02-12 09:14:22 UTC | #1"); else None. A handle or
    username in plain text is the writer without what follows it: read as the line's first text, a Reddit
    post's writer was the whole line ("u/quietfox_ops · 5h"), and no later post was the asker's."""
    parts = inline_parts(block)
    said = block_text(block)
    if not parts or len(said) > MAX_BYLINE_CHARS:
        return None
    aged = (_AGED_HANDLE.match(said) or _NUMBERED_POST.match(said)) if parts[0].type == "text" else None
    if aged is not None:
        return aged[0], said[aged.end() :]
    if parts[0].type not in ("strong", "em", "link"):
        return None
    handle = inline_text(parts[0]).strip()
    beside = said.replace(handle, "", 1)
    who = _BESIDE_NAME.match(beside)
    dated = beside[who.end() :] if who else beside
    if HANDLE.fullmatch(handle) or (
        NAME.fullmatch(handle)
        and (DATED.match(dated) or _HANDLE_AGED.match(dated) or _CHAT_TIME.match(dated))
    ):
        return handle, beside
    return None


def letter_furniture(blocks: list[SyntaxTreeNode]) -> set[int]:
    """The ids of the blocks of a letter that only frame what it says, as an email or a help desk's canned
    reply (a macro) writes them, when ``blocks`` open with a greeting ("Hi Jonas,", or "Hi ," where a
    template's placeholder stood): the greeting and a thanks right after it, the closing ("Best regards,"
    over the writer's name, or a name alone over a reply's marker) with a courtesy right before it ("Let
    me know how it goes!"), and what follows the closing (a signature, a footer), but for the message a
    reply quotes under its marker. Read as the letter's text, they were its symptoms and notes of its fix.
    An empty set for blocks that open with no greeting."""
    if not blocks or not is_greeting(blocks[0]):
        return set()
    found = {id(blocks[0])}
    if len(blocks) > 1 and _one_sentence(blocks[1], _THANKS):
        found.add(id(blocks[1]))
    close = letter_close(blocks, 1)
    if close is None:
        return found
    before = close - 1
    while before > 1 and (_one_sentence(blocks[before], _COURTESY) or _one_sentence(blocks[before], _ASIDE)):
        found.add(id(blocks[before]))
        before -= 1
    quoted = reply_quote(blocks)
    kept = {id(block) for block in blocks[quoted : quoted + 2]} if quoted is not None else set()
    found.update(id(block) for block in blocks[close:] if id(block) not in kept)
    return found


def mail_ending(blocks: list[SyntaxTreeNode]) -> set[int]:
    """The ids of the last blocks of a mail that only sign it: its signature, from the line that opens it
    ("-- ", as RFC 3676 writes it), and the closing right over that or at the end (closing words over the
    writer's name, "HTH," over "Martin", or the name alone)."""
    end = next(
        (
            at
            for at, block in enumerate(blocks)
            if block.type == "paragraph" and block_text(block).split("\n", 1)[0].strip() == "--"
        ),
        len(blocks),
    )
    found = {id(block) for block in blocks[end:]}
    if end and _sign_off(blocks[end - 1]) is not None:
        found.add(id(blocks[end - 1]))
    return found


def quoted_mails(blocks: list[SyntaxTreeNode]) -> set[int]:
    """The ids of the quotes among ``blocks`` that open with a mail's header ("> **From:** …" over "> **Subject:**
    …"): the earlier mail of a thread, quoted under the one kept as the article, its history and no error
    output; but for the message a reply's marker introduces ("On … wrote:"), the question a reply answers."""
    answered = reply_quote(blocks)
    return {
        id(block)
        for at, block in enumerate(blocks)
        if block.type == "blockquote"
        and block.children
        and is_mail_header(block.children[0])
        and (answered is None or at != answered + 1)
    }


def reply_quote(blocks: list[SyntaxTreeNode]) -> int | None:
    """The index of a reply's marker ("On Mon, … wrote:") among ``blocks`` when the quote of the message
    it answers follows it; else None."""
    return next(
        (
            at
            for at, block in enumerate(blocks[:-1])
            if block.type == "paragraph"
            and REPLY_MARKER.fullmatch(block_text(block).strip())
            and blocks[at + 1].type == "blockquote"
        ),
        None,
    )


def letter_close(blocks: list[SyntaxTreeNode], start: int = 0) -> int | None:
    """The index of a letter's closing among ``blocks`` from ``start`` on (see :func:`_closes_letter`), or None."""
    return next((at for at in range(start, len(blocks)) if _closes_letter(blocks, at)), None)


def _closes_letter(blocks: list[SyntaxTreeNode], at: int) -> bool:
    """Whether ``blocks[at]`` is a letter's closing: its closing words over a few name lines, or a name
    alone right over a reply's marker."""
    sign = _sign_off(blocks[at])
    return sign == "closing" or (sign == "name" and reply_quote(blocks[at + 1 :]) == 0)


def _sign_off(block: SyntaxTreeNode) -> str | None:
    """How ``block`` signs a letter or a mail off: "closing" for closing words over a few name lines
    ("Best regards," over "Priya Raman", "HTH,"), "name" for a name alone ("Martin"); None for any other
    block."""
    lines = [line.strip() for line in block_text(block).split("\n") if line.strip()]
    if block.type != "paragraph" or not lines:
        return None
    if _VALEDICTION.fullmatch(lines[0]) and name_lines(lines[1:]):
        return "closing"
    return "name" if _NAME_ALONE.fullmatch(" ".join(lines)) else None


def name_lines(lines: list[str]) -> bool:
    """Whether ``lines`` can be what a letter's writer puts under their greeting or closing words: a
    few lines of a few words each that end no sentence or clause ("Priya Raman", "IT Service Desk")."""
    return len(lines) <= MAX_NAME_LINES and all(
        len(line.split()) <= MAX_NAME_WORDS and not line.endswith((".", "!", "?", ":", ";", ","))
        for line in lines
    )


def _one_sentence(block: SyntaxTreeNode, opening: re.Pattern[str]) -> bool:
    """Whether ``block`` is a paragraph of one sentence that opens with ``opening``."""
    text = block_text(block).strip()
    return block.type == "paragraph" and bool(opening.match(text)) and not _INNER_SENTENCE_END.search(text)
