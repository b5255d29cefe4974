"""What a heading (or a flat-text label) means in a troubleshooting article.

Authors name the same parts many ways: "Symptoms", "Problem", "Issue"; "Cause",
"Reason", "Root Cause and Impact"; "Resolution", "Solution", "Workaround",
"Mitigation". Beyond the parts of one problem, a heading can say that a section
*is* a problem (an error message, a question, a symptom), that its sections are
problems (Troubleshooting, Common issues, FAQ), that it is one of several
alternatives (Method 2, Case 1), or that it is boilerplate (Applicable versions,
Related information). Every parser asks this module, so a new synonym is one edit here.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from functools import lru_cache

from indexer.errortext import ALERT_NAME, error_codes
from indexer.heading_text import MARKED_QUESTION, Quoted
from indexer.word_count import word_count


class Role(Enum):
    """The part of a problem a section holds, or what else it is."""

    SYMPTOMS = "symptoms"
    ERRORS = "errors"
    CODES = "codes"
    SEEN_IN = "seen_in"
    CAUSE = "cause"
    RESOLUTION = "resolution"
    # Descriptive text about the problem or page (Overview, More information): searchable, never a problem.
    INFO = "info"
    # Navigation, versions, links and legal text: searchable as the article's body, never a problem.
    BOILERPLATE = "boilerplate"
    # "Troubleshooting", "Common issues", "FAQ": each section under it is a problem.
    CONTAINER = "container"
    TOPIC = "topic"


class Kind(Enum):
    """What a topic heading says about its section."""

    ERROR = "error"  # the heading is an error message or code, or names a failure
    QUESTION = "question"  # the heading asks what its section answers
    ALTERNATIVE = "alternative"  # Method 2, Option B, Workaround 1, Case 1: one of several ways
    PLAIN = "plain"


# Each heading is asked about many times while its article is read (its role, its kind, whether
# it is generic or a container): each of these pure functions works on it once.
@lru_cache(maxsize=4096)
def normalise_heading(title: str) -> str:
    """Lowercase heading text without numbering, pictographs around it, trailing colons or extra spaces."""
    title = _without_pictographs(re.sub(r"\s+", " ", title).strip().lower())
    title = re.sub(r"^(\d+(\.\d+)*\.?|[ivx]+\.)\s+", "", title)
    # Japanese knowledge bases in formal style set a part's label in lenticular brackets ("【現象】",
    # "【対処】"), which name the part as the label alone does.
    title = _BRACKETED.sub(r"\1", title)
    # A full-width colon ends a Japanese or Chinese label as ":" ends an English one.
    return title.rstrip(":：").strip()


# A label wholly in lenticular brackets, "【原因】".
_BRACKETED = re.compile(r"^【([^【】]+)】$")


# What an icon in a heading is made of: symbols ("🔍", "✅", "⚠"), and the marks that join or vary them
# (the variation selector of "🛠️", the zero-width joiner inside a composed emoji).
_PICTOGRAPH_CATEGORIES = frozenset(("So", "Sk", "Mn", "Cf"))


def _without_pictographs(text: str) -> str:
    """``text`` without the icons and spaces that open or close it: wikis and Notion pages write a part's
    heading "🔍 Symptoms" or "🛠️ Fix", which names the part as "Symptoms" does. (ASCII's own symbols,
    such as the backquote of a code span, stay.)"""
    start, end = 0, len(text)
    while start < end and _is_icon_or_space(text[start]):
        start += 1
    while end > start:
        base = end - 1
        while base > start and _is_mark(text[base]):
            base -= 1
        # Marks go with the character they sit on: an icon's (the variation selector of "🛠️") with the
        # icon, a letter's (Thai "สาเหตุ" and Hindi words end in vowel signs) stay with the word.
        if not _is_icon_or_space(text[base]):
            break
        end = base
    return text[start:end]


def _is_icon_or_space(char: str) -> bool:
    return char.isspace() or (char > "\x7f" and unicodedata.category(char) in _PICTOGRAPH_CATEGORIES)


def _is_mark(char: str) -> bool:
    return char > "\x7f" and unicodedata.category(char) in ("Mn", "Cf")


# A help centre's prompt under each article for its readers' verdict, in English as a question of whether the
# page helped ("Did this answer your question?", "Did the article help?", "Did this article solve your
# problem?"): page furniture as a paragraph (indexer.sections) and, whole, no problem as a heading.
FEEDBACK_QUESTION = r"did (?:this|the) (?:(?:article|page|answer) )?(?:help|answer your question|solve your (?:issue|problem))"
# "Status", "Current status": where a known issue stands; and its field that names the release fixing
# it ("Fixed in: 12.1.1", "Resolved in"), as a vendor's Known Issues page lists it.
_STATUS_TITLES = (
    r"((current|fix|issue|known issue) )?status|(fixed|resolved|corrected) in( (version|release))?"
)
# "Diagnostics": a man page's (or a CLI reference's) list of the messages its tool prints, each a
# container's problem whose label is the message itself.
_DIAGNOSTICS_TITLES = r"diagnostics|diagnostic messages"
# "Steps to reproduce", "Reproducing steps", "How to reproduce": a bug report's account of how it happens.
_REPRODUCTION_TITLES = r"(steps|how) to reproduce|repro(duction|ducing)? steps"
# How to confirm the problem: Red Hat's "Diagnostic Steps", a runbook's "Diagnosis" or "Triage".
_DIAGNOSIS_TITLES = r"diagnosis|diagnostic steps|diagnosing( the (problem|issue))?|how to diagnose( (it|this))?|investigation|triage"
# Whom to call once the steps have failed: an SOP's closing "Escalation", a runbook's part after its Mitigation.
_ESCALATION_TITLES = r"escalations?( (path|contacts?|matrix|policy))?|when to escalate"
# What a question heading calls the problem it sits under: "this", "this error", "the issue".
_THE_PROBLEM = r"(error|issue|problem|message|warning)"
# A help centre's question what the problem above it means ("What does this mean?", "What it means"),
# and its closing prompt that asks whether the fix worked ("Still stuck?", "Still not working?"): each
# written once for the roles below and for asks_what_it_means and asks_if_fixed. ("Still need help?"
# only sends the reader to support: its steps are how to reach it.)
_WHAT_IT_MEANS = (
    rf"what (does|do) (it|this|that)( {_THE_PROBLEM})? mean|what (it|this|that)( {_THE_PROBLEM})? means"
)
_STILL_FAILING = r"still (not working|(won|doesn|does not|will not)[’']?t? work)"
_ASKS_FOR_THE_FIX = (
    rf"how (do|can|should|would) (i|we|you) (fix|resolve|solve|correct|repair) (it|this|that)( {_THE_PROBLEM})?|"
    r"what (should|can|do|must) (i|we|you)( need to)? do( (about (it|this|that)|now|next|then))?|"
    r"what(['’]s| is) the (fix|solution|workaround|resolution)"
)
# Help centres' names of the fix that follows what went wrong ("What you can do", "Steps to resolve"), and
# a Microsoft help topic's label over it ("To fix this problem", "To work around this issue"): whole
# labels only, as "To fix a printer that shows Offline" names a problem of its own.
_NAMES_THE_FIX = (
    r"steps to (fix|resolve|solve)( (it|this|the (error|issue|problem)))?|troubleshooting steps|try these steps|"
    rf"to (fix|correct|solve|repair|work around) (it|(this|that|the) {_THE_PROBLEM})|"
    r"what you can do|fixing (it|this|the (error|issue|problem))|here['’]?s how to fix (it|this)|"
    # What a support thread reports once it is solved ("What fixed it:").
    r"what (fixed|solved|resolved) (it|this|the (error|issue|problem))"
)
# The sections a web reference's page closes with: the standards that define what it documents and which
# browsers support it (MDN's "Specifications", "Browser compatibility"; see names_reference_metadata).
_REFERENCE_METADATA_WORDS = r"specifications|browser (compatibility|support)"
# What a runbook or a wiki lists as related pages ("Related alerts and dashboards").
# A reference's other codes ("Related error codes": what each means, no fix) are reading too; "Related
# error messages" is read before as the problem's messages.
_RELATED = (
    r"(alerts?|runbooks?|playbooks?|dashboards?|pages?|guides?|tutorials?|questions|faqs?|kb articles?|"
    r"knowledge( base)? articles?|articles?|links|topics|docs|documentation|resources|errors|(error )?codes|"
    # A bug tracker's entries about it ("Related GitHub Tickets"): links to read, no fix.
    r"((github|gitlab|jira) )?(tickets?|issues?|pull requests?|prs|bugs))"
)
_ROLE_PATTERNS: list[tuple[Role, re.Pattern[str]]] = [
    (
        Role.ERRORS,
        re.compile(
            r"^((common|typical|possible|related|sample|example) )?"
            r"(error messages?|errors? (text|output)|error|messages?|log messages?)$"
        ),
    ),
    (Role.CODES, re.compile(r"^(error codes?|codes?)$")),
    (Role.SEEN_IN, re.compile(r"^(seen in|where (it is|it's|this is) seen|where you see it)$")),
    (
        Role.SYMPTOMS,
        re.compile(
            r"^(symptoms?|problems?|issues?|the (problem|issue)|problem (description|statement)|description|"
            r"what (you see|happens)|what (users?|customers?|people|the \w+) (sees?|notices?|experiences?)|observed behaviou?r|issue description|actual (results?|behaviou?r|outcome)|"
            # A bug report's account of the failure, and what an alert's firing means (a runbook's "Meaning").
            r"describe the (bug|issue|problem)|(bug|error) description|current behaviou?r|meaning|"
            # GitLab's bug template asks it: "What is the current *bug* behavior?".
            r"what is the current (bug )?behaviou?r\??|"
            # A question-and-answer article's Question (Salesforce Knowledge), a runbook's Alert.
            r"situation|question|alert( description)?|what fired|(the )?(alert|alerts) (fired|firing)|when (it|this|this alert|the alert) fires|"
            # A DITA troubleshooting topic's <condition>, which DITA-OT titles "Condition": what is seen,
            # before its Cause and Remedy. (Read as no part, the message it quotes was lost.)
            r"condition|"
            # A help desk's macro (a canned reply): when an agent applies it.
            r"when to use( (it|this|this macro))?)$"
        ),
    ),
    (
        Role.CAUSE,
        re.compile(
            r"^((most )?(possible|likely|probable|potential|other|common|usual|typical) )?(causes?|reasons?|root[- ]causes?|"
            r"why (it|this) happens|explanation|reason for (the )?failure|what this (message|error) means)\b"
            # A help centre's questions about the problem above them ("Why does this happen?", "Why:",
            # "What does this mean?"): whole headings only, as they name nothing of their own.
            rf"|^({_WHAT_IT_MEANS}|"
            rf"why( (does|did|do|is|would|might) (it|this|that)( {_THE_PROBLEM})? (happen|occur)(ing)?|"
            rf"( (am|are|do) (i|we|you))? (see|seeing|get|getting) (it|this|that)( {_THE_PROBLEM})?)?|"
            rf"what( is|['’]s)? (causes|caused|causing) (it|this|that)( {_THE_PROBLEM})?)\??$"
            # A vendor KB's "Problem Cause" (Citrix's CTX articles): whole headings only, as "Error causes
            # a restart loop" says what fails.
            r"|^(problem|issue|error) (causes?|reasons?)$"
            # A bug record's account of how the bug comes about, after its workaround (Cisco's "Further
            # Problem Description"): whole headings only.
            r"|^further problem description$"
        ),
    ),
    (
        Role.RESOLUTION,
        re.compile(
            # "Fix version" (a tracker's field) says where the fix shipped, not what to do.
            # An error dictionary's "Possible solutions", beside its "Possible causes".
            r"^((possible|suggested) )?(resolutions?|solutions?|workarounds?|fix(es)?(?! versions?$))\b|"
            r"^(how to (fix|resolve|recover)|resolve|to resolve|answer$|"
            r"mitigations?|remediation|recovery|manual recovery|automatic recovery|what to do|"
            r"(long|short)[- ]term (fix|solution)|"
            # A message reference's fix ("Cause: … Action: …", "User response: …"); not "System action",
            # which says what the program did.
            r"(recommended |corrective |suggested |user |administrator |operator )?action$|"
            # IBM's message entries address each response to whoever acts on it ("System programmer
            # response", "Application Programmer Response", "Security administrator response").
            r"((system|application|security|storage|database|network) )?"
            r"(user|administrator|operator|programmer) response$|"
            # A help desk card's steps for whoever carries them out ("**Agent steps:**" under "**Why:**",
            # Guru's house style): read as no part, its list was the cause's text and every problem's
            # fix was lost, so the card's problems were merged into one of the whole article.
            r"((support )?agent|customer|(end[- ])?user|admin(istrator)?|technician|tier \d|l\d) steps(?! to reproduce)|"
            r"(troubleshoot(ing)? )?steps(?! to reproduce)|environment correction|"
            r"step[- ]by[- ]step( guide)?|procedure|instructions|method \w+|option \w+|step \d+)\b"
            # A note app's task list under a problem (Dropbox Paper's and Quip's "Checklist", "To do"): its
            # fix. Whole headings only: "Pre-upgrade checklist" lists what it names.
            r"|^(check ?list|to[- ]?dos?( list)?)$"
            # A help desk macro's canned reply to the customer: what they are told to do. Not "Response"
            # alone, which heads what an API returns.
            r"|^reply$|^(suggested|canned|macro) (reply|response)$"
            # "How do I fix it?", "What should I do?": the fix of the problem above them.
            rf"|^({_ASKS_FOR_THE_FIX})\??$|^({_NAMES_THE_FIX})[.:!]?$"
            # An IBM or HCL technote's field over its fix, beside its "Diagnosing the problem".
            rf"|^resolving the {_THE_PROBLEM}$"
        ),
    ),
    (
        Role.BOILERPLATE,
        # Whole headings only, but for the few that go on naming what they apply to ("Applies
        # to: …", "Related information for v1.4"): "Requirements for core packages", "Version
        # detection failures" and "Third-party plugins" are topics of their own.
        re.compile(
            r"^(versions?|fixed (in )?versions?|(fix|affects?|affected) versions?|see also|next steps?|what('s|’s| is) next|feedback|prerequisites?|requirements?|"
            r"table of contents|contents|on this page|in this (article|page)|references?|further reading|additional (resources|information)|"
            r"more resources|not covered|license|contributing|changelog|get help|getting help|related|attachments|"
            # A docs site's closing section that sends the reader on ("Getting more help": open a
            # discussion, attach the diagnostics), which was read as a problem whose step was to ask.
            r"(get(ting)? )?(more|further|additional) help|"
            # A support site's record of the page itself (IBM's "Document Information": its modified
            # date and ID), exported as a heading after the fix.
            r"(document|article|page) (information|details|properties|metadata)|"
            # A Word document's table of its own revisions, after the last fix: no step of it.
            r"(revision|document|change) history|"
            # A web reference's page closes with the standards that define what it documents and which
            # browsers support it (MDN's "Specifications", "Browser compatibility"): metadata, no fix.
            rf"{_REFERENCE_METADATA_WORDS}|"
            # A vendor note's list of the packages that carry its fix, each a name and a version (SAP's
            # "Support Packages & Patches"): which to install, as a fix version says, no steps. ("Patches"
            # alone heads how to write them.)
            r"(support packages?|service packs?|fix packs?)( (and|&) patch(es| levels?))?|"
            # A runbook's or wiki's links to its siblings, whole headings only: "Related alerts fire
            # twice after failover" is a problem.
            rf"related {_RELATED}( (and|&) {_RELATED})?|"
            # An Ubuntu SRU template's parts after the fix: how the update is verified and what it risks,
            # for the release team, no steps of the fix.
            r"test plan|where problems could occur|regression potential|other info)$"
            # "Still not working?" after a fix sends the reader on (to support, elsewhere): no problem of its own.
            # A help centre's box of the plans the article is for (HubSpot's "Available with any of the
            # following subscriptions, except where noted:"), which says whom it applies to, as "Applies to" does.
            r"|^available (with|in|on|for) (any of |one of )?(the following|these) "
            r"(subscriptions?|plans?|editions?|tiers?|products?|licen[cs]es?)\b"
            r"|^(applicable( \w+)? versions?|applies to|learn more|contact us|need (more )?help|acknowledge?ments?|"
            rf"{_STILL_FAILING}|(if you )?still (need help|having (issues|problems|trouble))|"
            # A help centre's prompt to ask its community forum, after the article ("Start a discussion in
            # … Communities", "Ask the community").
            r"start a discussion|ask (the|our) community|"
            r"third[- ]party (information |contact )?disclaimer|"
            r"(related|relevant) (information|articles?|content|links|issues?|resources|topics|documentation|docs|solutions?|"
            r"records?|tickets?|incidents?|changes?|cases?|bugs?|work items?)|"
            # A help centre's page furniture, exported as a heading: its feedback prompt, and its sidebar
            # of links to other articles (Zendesk's "Articles in this section").
            r"was this (article|page|answer|information) helpful|still have questions|have more questions|"
            # KnowledgeOwl's prompt over its 👍/👎 buttons ("Did this answer your question?"): a problem whose
            # steps were its buttons and the site's footer. The whole heading: "Did this help fix the sync?"
            # asks about a fix.
            rf"{FEEDBACK_QUESTION}(?=[?!.]*$)|"
            # A blog platform's appeal after the post (Hashnode's "Did you find this article valuable?" over
            # "Support … by becoming a sponsor").
            r"did you find this (article|post|page|tutorial|guide) (helpful|useful|valuable)|"
            r"articles in this (section|category)|(recently viewed|popular|promoted|other) articles)\b"
            # A problem record's cross-references after its fix, as an ITSM tool exports them ("Linked
            # incidents (3)", "Knowledge"): rows of other records, no steps. Whole headings only, with
            # their count: "Linked incidents are not closed" is a problem.
            r"|^(linked (incidents?|problems?|changes?|requests?|records?|tickets?|cases?|known errors?)|"
            r"knowledge( (base )?articles?)?)( \(\d+\))?$"
            # Whole headings only: "Still stuck?" sends the reader on too, and "Leave a comment" heads the
            # readers' comments, not the article; "Still stuck on the splash screen" is a problem, and
            # "Comments" alone a reference's topic (how a file's comments are written).
            r"|^(still stuck|leave a (comment|reply))\??$"
            # A dashboard's help describes each of its panels (what it shows, its thresholds' colours)
            # before what to do when one is red: a reference of the dashboard, as "References" is, no
            # problem each. Whole headings only: "Panels show no data" is a problem.
            r"|^((the |dashboard |available )?(panels|widgets|charts|graphs|tiles)|panel descriptions)$"
            # A vendor's block of ways to reach its support after the answer ("Contact Samsung Support" over
            # "Chat with us", "Call …", "Email us"), whole headings only: "Contact support form shows error
            # 403" is a problem.
            r"|^contact( [\w&.'-]+){0,3}? (support|customer (care|service|support)|help ?desk|service desk)( team)?$"
            # An interview's closing question, which asks for parting words, not about a fault ("Q: Any
            # last advice?"): its answer was a problem of its own.
            r"|^(q\d*[:.)] )?(any (last|final|parting|closing) (advice|tips?|thoughts|words)|"
            r"anything else( to add)?|(final|closing|parting) (thoughts|words))\??$"
        ),
    ),
    (
        Role.INFO,
        re.compile(
            r"^(summary|introduction|overview|more information|background|short description$|"
            + _STATUS_TITLES
            + r"|about|data collection|"
            r"expected (results?|behaviou?r|outcome)|what is the expected (correct )?behaviou?r|"
            # How to make it happen is what was done before it went wrong, never the fix.
            + _REPRODUCTION_TITLES
            + r"|before (you|troubleshooting)|context|notes?|additional notes|remarks|"
            # An API documenter's samples of a call and of what it returned ("Example Request", "Example
            # Response", as Postman publishes them under each request): what was sent and answered, no step.
            r"(example|sample) (requests?|(error )?responses?( body)?)$|"
            # A failure-modes page's tip on reading its logs before the failures: what to look at, no failure.
            r"(how to )?(find|finding|locate|locating|spot|spotting) the (real|actual|underlying|first) "
            r"(error|failure)s?$|where to look( first)?$|"
            # More about a problem, with no word that says how it comes about (a bug record's is its
            # cause: see Role.CAUSE).
            r"further description)\b"
            # A video's opening and closing chapters (YouTube's "Intro" and "Outro") greet and ask to
            # subscribe: no problem, whatever the chapters between are.
            r"|^(intro|outro)$"
            # A glossary defines the words of a page, whatever its terms are: no steps of a fix.
            r"|^(glossary|terminology|definitions( of terms)?|abbreviations|acronyms)$"
            # A standard operating procedure's frame around its faults (a Word SOP's "Purpose" and "Scope"
            # before them, its "Escalation" after: whom to call once the steps above have failed): no
            # fault each, where each was read as a problem whose sentences were its steps. Whole headings
            # only: "Escalation emails are not sent" is a problem.
            rf"|^(purpose|scope|objectives?|(intended )?audience|{_ESCALATION_TITLES})$"
            # A manual's table of routine tasks and their intervals, beside its troubleshooting: work done
            # when due, no fault whose fix they are. Whole headings only: "Maintenance mode stuck" is a problem.
            r"|^(maintenance (schedule|intervals?|plan)|(routine|preventive|preventative|periodic) maintenance( schedule)?)$"
            # A migration guide's or release notes' deprecations still work: what will change, no
            # problem, though each item says what to use instead ("Deprecations (removed in 5.0)").
            r"|^deprecations\b"
            # Release notes' list of what a release adds ("What's new", "New features in 8.3"): features,
            # no problem whose steps they are. Whole headings only, or ending in the release's number:
            # "New features fail to load" is a problem.
            r"|^(what(['’]s| is) new|new features)( in [\w .-]*\d[\w.-]*)?$"
            # How to confirm the problem (Red Hat's "Diagnostic Steps", a runbook's "Diagnosis") is not
            # its fix, though its checks are written as steps; the log lines it shows are its symptoms.
            # A postmortem's timeline is what happened when, not a problem whose entries are steps; nor
            # are its retrospective's lists after the fix (what went well, lessons, action items). (A
            # runbook's "Follow-up" after its steps is what the one on call does next: more steps.)
            r"|^((incident |event )?timeline( of (the |this )?(\w+ )?(incident|outage|events))?|"
            r"(business |customer |user )?impact|" + _DIAGNOSIS_TITLES + "|"
            r"what went (well|wrong|badly)|what (didn['’]t|did not) go (well|so well)|where we got lucky|lessons? learned|"
            r"learnings|contributing factors|action items)$"
        ),
    ),
    (
        Role.CONTAINER,
        re.compile(
            r"^((common|known|frequent|typical) (issues|errors|problems|pitfalls|questions|failures)|"
            r"troubleshoot(ing)?( guide| tips| common issues| issues| problems| common errors| errors)?|debugging|faqs?|"
            + _DIAGNOSTICS_TITLES
            + r"|"
            r"frequently asked questions|(errors|issues|problems) and (solutions|fixes|resolutions))$"
        ),
    ),
]

# A help centre's prompt under each article for its readers' verdict ("Was this article helpful?") in
# the languages of localized help centres: page furniture as a paragraph (indexer.sections) and no
# problem as a heading, where a widget outside the article heads its buttons with it.
FEEDBACK_PROMPTS = (
    r"cet article vous a-t-il été utile|war dieser artikel hilfreich|¿(?:le |te )?(?:ha |fue |resultó )"
    r"(?:sido |resultado )?útil (?:este artículo)?|este artigo foi útil|questo articolo (?:è stato|ti è stato) utile|"
    r"hjälpte (?:den här|denna) artikel(?:n)? dig|var (?:denne|den här) artik(?:kel|el)(?:en|n)? (?:nyttig|till hjälp)|"
    r"hjalp denne artikel dig|"
    r"was (?:dit artikel|deze informatie|deze pagina) nuttig|heeft (?:dit|deze) (?:artikel|antwoord|informatie|pagina) "
    r"(?:u|je) (?:geholpen|verder geholpen)|czy (?:ten artykuł|ta strona) była? pomocn[ya]|"
    r"была ли (?:эта )?статья полезной|эта статья была полезной|"
    # Korean asks it of the page, the answer or its content, plainly or in the honorific ("도움이 되셨나요").
    r"이 (?:문서|글|답변|내용|페이지)[이가] 도움이 되(?:었|셨)(?:나요|습니까)|"
    r"この(?:記事|情報|ページ|回答)は(?:役に立ちましたか|お役に立ちましたか)|"
    # Asked of the page without "是否" ("本文对您有帮助吗？", "這篇文章對您有幫助嗎？"), simplified or traditional.
    r"(?:本文|本篇文章|[这這此该該本]篇?(?:文章|页面|頁面|内容|內容|回答)|以上(?:内容|內容))(?:[对對][您你])?"
    r"有(?:帮助|幫助|用)[吗嗎]|"
    r"bu (?:makale|sayfa) (?:yardımcı oldu|faydalı oldu|işinize yaradı) mu|apakah (?:artikel|halaman) ini "
    r"(?:membantu|bermanfaat)|(?:bài viết|trang) này có (?:hữu ích|giúp ích)|"
    # Ukrainian, Greek, Thai and Hindi.
    r"чи (?:була|є) (?:ця )?(?:стаття|сторінка) корисною|σας βοήθησε (?:αυτό το|το) (?:άρθρο|σελίδα)|"
    r"ήταν χρήσιμο (?:αυτό το|το) άρθρο|(?:บทความ|หน้า)นี้(?:มีประโยชน์|เป็นประโยชน์|ช่วยคุณได้)(?:หรือไม่|ไหม)|"
    r"क्या (?:यह|ये) (?:लेख|पेज|पृष्ठ|जानकारी) (?:उपयोगी|मददगार|सहायक) (?:था|थी|रहा|रही)|"
    # Norwegian and Danish, Finnish, Czech and Slovak, Hungarian, Romanian, Croatian, Bulgarian, Malay and
    # Persian.
    r"var (?:denne|dette) (?:artikkelen|artikkel|artikel|siden|svaret) (?:nyttig|til hjelp|til hjælp)|"
    r"oliko (?:tästä|tämä) (?:artikkelista|sivusta|artikkeli|sivu) (?:apua|hyötyä|hyödyllinen)|"
    r"byl (?:pro vás )?tento článek (?:užitečný|přínosný)|byla tato stránka užitečná|"
    r"bol (?:pre vás )?tento článok (?:užitočný|nápomocný)|pomohl (?:vám )?tento článek|pomohla vám tato stránka|"
    r"pomohol (?:vám )?tento článok|pomohla vám táto stránka|je li vam (?:ovaj članak|ova stranica) (?:pomogao|pomogla)|"
    r"hasznos volt (?:ez a|a) (?:cikk|oldal)|segített (?:ez a|a) cikk|"
    r"(?:v-)?a fost util(?:ă)? (?:acest articol|această pagină|articolul)|"
    r"je li (?:vam )?(?:ovaj članak|ova stranica) (?:bio|bila) (?:koristan|korisna)|"
    r"полезна ли (?:беше|е) (?:тази )?статия(?:та)?|беше ли (?:ви )?полезна (?:тази )?статия(?:та)?|"
    r"adakah (?:artikel|halaman) ini (?:membantu|berguna|bermanfaat)|"
    r"آیا این (?:مقاله|صفحه|پاسخ) (?:مفید|سودمند|کمک‌کننده) بود|"
    # Lithuanian ("Ar šis straipsnis buvo naudingas?", "Ar ši informacija jums buvo naudinga?").
    r"ar (?:šis (?:straipsnis|atsakymas|puslapis)|ši informacija) (?:jums )?buvo naudinga?s?|"
    # Catalan ("Us ha estat útil aquest article?", "T'ha estat útil?").
    r"(?:us ha|t['’]ha) estat útil(?: aquest (?:article|contingut)| aquesta (?:pàgina|resposta))?|"
    # Romanian with the page first ("Acest răspuns v-a fost util?"), Filipino ("Nakatulong ba ang artikulong
    # ito?"), Swahili ("Je, makala hii imekusaidia?"), Azerbaijani ("Bu məqalə faydalı oldu mu?"), Bengali
    # ("এই নিবন্ধটি কি সহায়ক ছিল?"), Tamil ("இந்தக் கட்டுரை உதவியாக இருந்ததா?") and Urdu ("کیا یہ مضمون
    # مددگار تھا؟").
    r"(?:acest (?:articol|răspuns)|această (?:pagină|informație)) v-a fost util(?:ă)?|"
    r"nakatulong ba (?:sa (?:iyo|inyo) )?(?:ang (?:artikulong|pahinang|sagot na) ito|ito)|"
    r"je,? (?:makala|ukurasa|jibu|maelezo) h(?:ii|ili|aya) (?:i|u|li|ya)(?:me|li)?kusaidia|"
    r"je,? (?:makala|ukurasa|jibu) h(?:ii|ili) (?:i|u|li)(?:na|li)kuwa na msaada|"
    r"bu (?:məqalə|səhifə|cavab) (?:sizə )?(?:faydalı (?:oldu|idi) ?m[iu]|kömək etdi ?mi)|"
    r"এই (?:নিবন্ধ|লেখা|পৃষ্ঠা|উত্তর|তথ্য)(?:টি|টা)? কি (?:আপনার )?(?:সহায়ক|উপকারী|কাজে লেগেছে)|"
    r"இந்த[க்ப்]* (?:கட்டுரை|பக்கம்|பதில்|தகவல்) (?:உங்களுக்கு )?(?:உதவியாக|பயனுள்ளதாக) இருந்ததா|"
    r"کیا یہ (?:مضمون|صفحہ|جواب|معلومات) (?:آپ کے لیے )?(?:مددگار|مفید|کارآمد) (?:تھا|تھی|تھیں|رہا|رہی)|"
    # "以上内容是否解决了您的问题？", "本文是否对您有帮助？" (and in traditional characters).
    r"(?:以上|本文|本|此)?(?:内容|內容|文章|回答|信息|資訊)?是否(?:解[决決]了?[您你]的[问問][题題]|[对對][您你]有(?:帮助|幫助|用))"
)

# A help centre's prompt after each article that sends the reader who is still stuck to support ("Still
# need help?", "Didn't find the answer?") in the languages of localized help centres: no problem as a
# heading, and page furniture as a paragraph with a button's few words after it (indexer.sections).
HELP_PROMPTS = (
    # Romanian, Bulgarian, Danish, Norwegian, Finnish, Czech, Slovak, Hungarian, Croatian and Malay.
    r"(?:aveți|ai) nevoie de (?:mai mult )?ajutor(?: suplimentar)?|нуждаете ли се от (?:още |допълнителна )?помощ|"
    r"(?:har du )?brug for (?:mere )?hjælp|trenger du (?:mer )?hjelp|tarvitsetko (?:vielä )?(?:lisää )?apua|"
    r"potřebujete (?:další )?pomoc|potrebujete (?:ďalšiu )?pomoc|további segítségre van szüksége|"
    r"(?:još uvijek )?trebate (?:li )?(?:dodatnu )?pomoć|(?:masih )?perlukan bantuan(?: lanjut)?|"
    # "Didn't find the answer?" in Czech, Slovak, Hungarian and Croatian.
    r"nenašli jste (?:odpověď|řešení)|nenašli ste (?:odpoveď|riešenie)|nem találta (?:meg )?a (?:választ|megoldást)|"
    r"niste pronašli (?:odgovor|rješenje)|"
    # "Didn't find the answer?" in Italian, Polish, Korean, Lithuanian and English; "Need more help?" in
    # Indonesian, and in English with "further" too, which the boilerplate headings (see heading_role) do
    # not name.
    r"non (?:hai|avete) trovato (?:la )?rispost[ae]|non trovi (?:la )?risposta|nie znalazł(?:e|a)ś odpowiedzi|"
    r"(?:원하는 )?답변을 찾지 못하셨나요|neradote atsakymo|didn['’]?t find (?:what you were looking for|the answer|an answer)|"
    r"butuh bantuan(?: lebih lanjut)?|(?:still )?need (?:more|further) help|"
    # Portuguese, Spanish, Catalan, Hindi and Ukrainian: "Still need help?", "Didn't find the answer?".
    r"(?:você )?(?:ainda )?precisa de (?:mais )?ajuda|¿?necesitas? (?:más )?ayuda|"
    r"no (?:heu|has) trobat (?:el que (?:cercàveu|buscàveu|cercaves|buscaves)|la resposta)|"
    r"(?:और|अधिक) (?:सहायता|मदद) चाहिए|не знайшли (?:відповіді|рішення|що шукали)"
)

# The same parts as other languages' knowledge bases name them (German, French, Spanish, Portuguese,
# Italian, Dutch, Polish, Russian, Ukrainian, Greek, Japanese, Chinese in simplified and traditional
# characters, Korean, Arabic, Hebrew, Persian, Turkish, Indonesian, Malay, Vietnamese, Thai, Hindi, Czech,
# Slovak, Hungarian, Romanian, Croatian, Serbian, Finnish, Lithuanian, Slovenian, Estonian, Catalan, Filipino, Bengali, Tamil, Swahili, Urdu and Azerbaijani; the symptoms, the cause and the fix in
# Swedish, Norwegian and Danish:
# the headings of localized vendor knowledge bases, such as Microsoft's "Symptome / Ursache / Lösung"):
# whole headings only, so that "Risoluzione dei problemi" (troubleshooting) is not read as "Risoluzione"
# (resolution).
# The word for an error, and those for its code and for a message, in the same languages: one
# vocabulary for a heading that names the part ("Fehlermeldung", "Kod błędu"), one that opens with the
# word ("Błąd: …", "错误：…") and a table's column ("| Fehler | Ursache | Lösung |").
# Those of scripts written without spaces (see UNSPACED_MESSAGE_WORDS) first.
_UNSPACED_ERROR_WORDS = "エラー|错误|錯誤|报错|報錯|ข้อผิดพลาด"
ERROR_WORDS = (
    f"{_UNSPACED_ERROR_WORDS}|fehler|erreur|erro|errore|fout|błąd|ошибка|오류|에러|hata|kesalahan|lỗi|"
    "помилка|σφάλμα|त्रुटि|שגיאה|klaida"
)
_ERROR_CODE_WORDS = (
    "fehler ?(codes?|nummer)|codes? d'erreur|códigos? de erro(r)?|codic[ei] (di |d')errore|fout ?codes?|"
    "kody? błęd(u|ów)|код(ы)? ошиб(ки|ок)|エラー ?コード|错误(代码|码)|錯誤(代碼|碼)|(오류|에러) ?코드|"
    "hata kod(u|ları)|kode (kesalahan|galat|error)|mã lỗi|код(и)? помил(ки|ок)|κωδικός σφάλματος|"
    "รหัส(ข้อผิดพลาด|error)|त्रुटि कोड|קוד(י)? (ה)?שגיאה|klaidos kod(as|ai)"
)
# The word for a step in the same languages, as a fix written as numbered paragraphs labels each
# ("Schritt 2: …", "Krok 2: …", "चरण 2: …", Thai's with its word for "number"), as "Step 2: …" does.
STEP_WORDS = (
    "step|schritt|étape|paso|passo|stap|krok|шаг|крок|adım|langkah|bước|βήμα|ขั้นตอน(?:ที่)?|चरण|steg|trin"
)
# The word for a problem in the same languages, as a page that numbers its problems opens each one's
# title ("Проблема 2: …", "ปัญหาที่ 2: …", "समस्या 2: …", Thai's with its word for "number"; Hebrew's
# "תקלה 2: …", a fault); and Urdu's, Bengali's, Tamil's, Bulgarian's ("مسئلہ ۱: …", "সমস্যা ১: …",
# "சிக்கல் 1: …", "Проблем 1: …", in their own digits or not), Croatian's and Swahili's with the word that
# goes before a number ("Problem br. 1: …", "Tatizo la 1: …").
PROBLEM_WORDS = (
    "problème|problema|проблема|probleem|sorun|masalah|vấn đề|πρόβλημα|ปัญหา(?:ที่)?|समस्या|תקלה|בעיה|"
    r"مسئلہ|সমস্যা|சிக்கல்|பிரச்சினை|проблем|problem br\.|tatizo(?: la)?"
)
_MESSAGE_WORDS = "meldung(en)?|mensajes?|mensage(m|ns)|messaggi|messaggio|melding(en)?|komunikaty?|сообщени[ея]|メッセージ|消息|訊息|메[시세]지"
# The word for a message in the languages of localized help centres, in the cases a sentence puts it in
# before the message it quotes ("прекъсва със съобщение …", "näyttää ilmoituksen …", "s porukom …").
MESSAGE_WORDS = (
    f"{_MESSAGE_WORDS}|съобщение(?:то)?|hlášení(?:m)?|hlásen(?:ie|ím)|ilmoitu(?:s|ksen|ksella)|"
    "üzenet(?:et|tel)?|poruk(?:a|u|om)|mesaj(?:ul|ului|ı)?|meddelelse(?:n)?|meddelande(?:t)?|mesej|پیام|"
    # Greek, Swedish ("felet", "felmeddelandet") and Hebrew, whose words take a prefix ("השגיאה": the
    # error, "וההודעה": and the message).
    "μήνυμα|felet|felmeddelande(?:t)?|[הובל]?[הוב]?(?:שגיאה|הודעה)"
)
# The words for an error, and for a message shown, in scripts written without spaces (Chinese, Japanese,
# Thai): they meet the word before them with no boundary ("แอปแสดงข้อความ", the app shows the message).
# Thai's word for a message is its word for any text too ("พิมพ์ข้อความ", type the text): only with a verb
# of showing.
UNSPACED_MESSAGE_WORDS = f"{_UNSPACED_ERROR_WORDS}|(?:แสดง|ขึ้น)ข้อความ"
# "See also", "Related articles" and "Learn more" in other languages, as a page heads or labels its links to
# related pages: a heading of boilerplate (_ELSEWHERE), and the label of a line of links that is no step
# (indexer.page_links).
RELATED_ELSEWHERE = (
    "siehe auch|verwandte (artikel|themen)|weiterführende links|voir aussi|articles connexes|"
    "ressources associées|véase también|ver también|artículos relacionados|(temas|recursos|enlaces) relacionados|"
    "veja também|artigos relacionados|vedi anche|articoli correlati|(argomenti|risorse) correlat[ei]|"
    "per saperne di più|zie ook|gerelateerde artikelen|zobacz (też|także|również)|"
    "powiązane (artykuły|tematy|dokumenty|informacje)|см\\. также|смотрите также|связанные статьи|"
    "関連(記事|項目|トピック|リンク|情報)|参照|参考(資料|リンク)?|相关(文章|主题|链接|信息|文档|资料)|"
    "相關(文章|主題|連結|資訊|文件)|另请参阅|另請參閱|参考资料|參考資料|"
    "관련 (문서|자료|항목|글|링크|정보)|참고 (문서|자료)|함께 보기|더 알아보기|"
    # Turkish lower-cases "İlgili" with a combining dot over its "i".
    "ayrıca bakınız|i\u0307?lgili (makaleler|konular|bağlantılar)|lihat juga|(artikel|topik|tautan) terkait|"
    "xem thêm|(bài viết|chủ đề|liên kết) liên quan|"
    "див\\. також|дивіться також|пов'язані статті|δείτε επίσης|σχετικά άρθρα|ดูเพิ่มเติม|บทความที่เกี่ยวข้อง|"
    "यह भी देखें|संबंधित लेख|se även|relaterade artiklar|läs mer|ראו גם|ראה גם|מאמרים (קשורים|נוספים)|"
    # In Danish, Norwegian, Finnish, Czech, Slovak, Hungarian, Romanian, Croatian, Serbian, Bulgarian, Malay
    # and Persian.
    "relaterede artikler|relaterte artikler|se også|aiheeseen liittyvät artikkelit|katso myös|"
    "související články|viz také|súvisiace články|pozri tiež|kapcsolódó cikkek|lásd még|"
    "articole (similare|conexe|asociate)|vezi și|povezani članci|srodni članci|pogledajte i|"
    "свързани статии|вижте също|artikel berkaitan|مقالات مرتبط|همچنین ببینید"
)
_ELSEWHERE = {
    Role.ERRORS: f"{ERROR_WORDS}|{_MESSAGE_WORDS}|"
    "fehlermeldung(en)?|messages? d'erreur|mensajes? de error|mensagens? de erro|messaggio di errore|"
    "messaggi di errore|foutmeldingen?|komunikaty? (o )?błęd(zie|u|ach|ów)|сообщени[ея] об ошибк[еаи]|"
    "текст ошибки|エラー ?メッセージ|错误(信息|消息|提示)|錯誤(訊息|資訊|信息|消息|提示)|报错信息|報錯訊息|"
    "(오류|에러) ?메[시세]지|hata (mesajı|mesajları|iletisi)|pesan (kesalahan|galat|error)|thông báo lỗi|"
    "повідомлення про помилку|μήνυμα σφάλματος|ข้อความ(แสดง)?ข้อผิดพลาด|त्रुटि संदेश|"
    # Hebrew ("הודעת שגיאה"), with or without the article "ה" its words take.
    "הודע(ת|ות) (ה)?שגיאה",
    Role.CODES: _ERROR_CODE_WORDS,
    Role.SYMPTOMS: "symptome|fehlerbild|problembeschreibung|symptômes?|problème|síntomas?|sintomas?|sintomi|"
    "problema|descripción del problema|descrizione del problema|symptomen|probleem|objawy?|opis problemu|"
    "симптомы?|проблема|описание проблемы|症状|症狀|現象|现象|(问题|問題|故障)(描述|现象|現象)|"
    "증상|현상|문제 (설명|현상)|"
    # Arabic, with or without the hamza on the alef, as it is often typed: "الأعراض", "وصف المشكلة".
    "ال[أا]عراض|[أا]عراض المشكلة|وصف المشكلة|المشكلة|"
    # Turkish ("Belirtiler"), Indonesian ("Gejala") and Vietnamese ("Triệu chứng").
    "belirti(ler)?|sorun|sorun(un)? tanımı|gejala|masalah|deskripsi masalah|triệu chứng|hiện tượng|vấn đề|"
    "mô tả vấn đề|"
    # Ukrainian ("Симптоми", "Ознаки"), Greek ("Συμπτώματα"), Thai ("อาการ") and Hindi ("लक्षण").
    "симптоми|ознаки|опис проблеми|συμπτώματα|σύμπτωμα|πρόβλημα|περιγραφή (του )?προβλήματος|"
    "อาการ(ที่พบ|ของปัญหา)?|ปัญหา|รายละเอียดปัญหา|लक्षण|समस्या|समस्या का विवरण|"
    # Hebrew ("תסמינים", "תיאור הבעיה").
    "(ה)?תסמינים|(ה)?תסמין|(ה)?בעיה|(ה)?תקלה|תיאור (ה)?(בעיה|תקלה)|"
    # Danish and Norwegian ("Symptomer") and Swedish ("Symtom").
    "symptomer|symtom|"
    # A question-and-answer item's Question field, as English "Question" is (TOPdesk's Dutch "Vraag").
    "vraag|frage|pregunta|pergunta|domanda|"
    # Czech and Slovak ("Příznaky", "Projevy", "Prejavy"), Hungarian ("Tünetek", "Jelenség"), Romanian
    # ("Simptome"), Croatian ("Simptomi", "Opis problema"; "Simptom:" over one, as a plain-text export
    # labels it) and Finnish ("Oireet", "Ongelman kuvaus").
    "příznaky|projevy|popis problému|príznaky|prejavy|tünetek|jelenség|a probléma leírása|simptome|"
    "descrierea problemei|simptomi?|opis problema|oireet|ongelman kuvaus|"
    # Persian ("علائم", "نشانه‌ها", "شرح مشکل"), its words joined by a zero-width non-joiner or a space.
    "علائم|علایم|نشانه[\u200c ]?ها|شرح مشکل|"
    # Lithuanian ("Simptomai", "Požymiai", "Problemos aprašymas").
    "simptomai|požymiai|problemos aprašymas|"
    # Slovenian ("Simptomi" as in Croatian, "Težava", "Opis težave").
    "težava|opis težave|"
    # Estonian ("Sümptomid", "Probleemi kirjeldus").
    "sümptom(id)?|probleemi kirjeldus|"
    # Serbian in Cyrillic ("Симптоми" as in Ukrainian, "Опис проблема"); in Latin script it is Croatian's.
    "опис проблема|"
    # Catalan ("Símptomes", "Descripció del problema"; "Problema" as in Spanish).
    "símptomes|símptoma|descripció del problema|"
    # Filipino ("Sintomas" as in Spanish, "Mga sintomas", "Palatandaan", "Paglalarawan ng problema").
    "mga sintomas|palatandaan|paglalarawan ng problema|"
    # Bengali ("লক্ষণ", as Hindi's word in its own script, "উপসর্গ", "সমস্যার বিবরণ").
    "লক্ষণ|লক্ষণসমূহ|উপসর্গ|সমস্যা|সমস্যার বিবরণ|"
    # Tamil ("அறிகுறி", "அறிகுறிகள்", "சிக்கல்", "சிக்கலின் விவரம்").
    "அறிகுறி(கள்)?|சிக்கல்|பிரச்சினை|சிக்கலின் விவரம்|"
    # Swahili ("Dalili", "Tatizo", "Maelezo ya tatizo"), Urdu ("علامات", "مسئلہ", "مسئلے کی تفصیل") and
    # Azerbaijani ("Əlamət", "Əlamətlər", "Problemin təsviri").
    "dalili|tatizo|maelezo ya tatizo|علامات|مسئلہ|مسئلے کی تفصیل|əlamət(lər)?|problemin təsviri",
    Role.CAUSE: "ursachen?|causes?|causas?|causa (raíz|principale)|oorza(ak|ken)|przyczyn[ay]|причин[аы]|"
    # Swedish, Norwegian and Danish: "Orsak", "Årsak", "Årsag".
    "orsak(er)?|årsak(er)?|årsag(er)?|"
    "原因|原因分析|(问题|問題|故障|可能的?|根本)原因|(발생 )?원인( 분석)?|"
    "السبب|ال[أا]سباب|سبب المشكلة|السبب الجذري|"
    # Turkish ("Neden", "Sebep"), Indonesian ("Penyebab") and Vietnamese ("Nguyên nhân").
    "neden(i|ler)?|sebep(ler)?|sebebi|kök neden|penyebab( masalah)?|akar masalah|nguyên nhân( gốc)?|"
    # Ukrainian ("Причини"), Greek ("Αιτία", "Αίτιο"), Thai ("สาเหตุ") and Hindi ("कारण").
    "причини|αιτία|αιτίες|αίτιο|αιτία του προβλήματος|βασική αιτία|สาเหตุ(ของปัญหา)?|ต้นเหตุ|"
    "कारण|समस्या का कारण|मूल कारण|"
    # Hebrew ("סיבה", "גורם", "סיבת הבעיה").
    "(ה)?סיבה|(ה)?סיבות|(ה)?גורם|(ה)?גורמים|(סיבת|גורם) (ה)?(בעיה|תקלה)|סיבת שורש|"
    # Malay ("Punca"), Czech and Slovak ("Příčina", "Príčina"), Hungarian ("Ok", "Kiváltó ok"), Romanian
    # ("Cauză", with the comma or the cedilla its letters are typed with), Croatian ("Uzrok"), Finnish
    # ("Syy") and Persian ("علت", "دلیل").
    "punca( masalah)?|příčina|příčiny|príčina|príčiny|ok|kiváltó ok|a hiba oka|cauz[ăa]|cauzele|uzrok|"
    "uzrok problema|syy|syyt|علت|دلیل|علت مشکل|"
    # Lithuanian ("Priežastis", "Priežastys", "Galima priežastis").
    "(galimos? )?priežast(is|ys)|"
    # Slovenian ("Vzrok", "Vzroki", "Vzrok težave").
    "vzrok(i)?|vzrok težave|"
    # Estonian ("Põhjus", "Põhjused", "Võimalik põhjus").
    "(võimalik |probleemi )?põhjus|põhjused|"
    # Serbian in Cyrillic and Latin script ("Узрок", "Разлог"; "Uzrok" as in Croatian, "Razlog").
    "узрок|узроци|узрок проблема|разлог|uzroci|razlog|"
    # Catalan ("Causa" and "Causes" as in Spanish and English, "Causa arrel").
    "causa arrel|"
    # Filipino ("Sanhi", "Dahilan", "Sanhi ng problema").
    "(mga )?sanhi|(mga )?dahilan|sanhi ng (problema|isyu)|"
    # Bengali ("কারণ", "সমস্যার কারণ", "মূল কারণ").
    "কারণ|কারণসমূহ|সমস্যার কারণ|মূল কারণ|"
    # Tamil ("காரணம்", "காரணங்கள்", "மூல காரணம்").
    "(மூல )?காரணம்|காரணங்கள்|"
    # Swahili ("Chanzo", "Sababu", "Chanzo cha tatizo"), Urdu ("وجہ", "وجوہات", "مسئلے کی وجہ") and
    # Azerbaijani ("Səbəb", "Səbəblər", "Problemin səbəbi").
    "chanzo( cha tatizo)?|sababu|وجہ|وجوہات|مسئلے کی وجہ|səbəb(lər)?|problemin səbəbi",
    Role.RESOLUTION: "lösung(en)?|problemumgehung|abhilfe|behebung|résolution|contournement|solución|soluciones|"
    # An FAQ's "How do I fix it?" and "What should I do?" over the fix, in Spanish and Portuguese, as
    # English's are (see _ASKS_FOR_THE_FIX).
    "¿?(cómo|como) (lo|la|los|las) (soluciono|resuelvo|arreglo|corrijo|solucionamos|resolvemos)\\??|"
    "¿?(cómo|como) (solucionarlo|resolverlo|arreglarlo|corregirlo)\\??|¿?qué (debo|puedo|tengo que) hacer\\??|"
    "como (resolver|corrigir)( isso| o problema)?\\??|o que (devo|posso) fazer\\??|"
    # A workaround: "solución alternativa" (Spanish), "soluzione alternativa" (Italian), "obejście" (Polish).
    "soluci(ón|ones) (alternativas?|temporal(es)?)|soluzion[ei] (alternativ[ae]|temporane[ae])|"
    "resolución|solução|soluções|resolução|soluzion[ei]|risoluzione|oplossing(en)?|lösning(ar)?|løsning(er)?|"
    # Its Answer field, as English "Answer" is (TOPdesk's Dutch "Antwoord"; see is_answer_field).
    "antwoord|antwort|réponse|respuesta|resposta|risposta|"
    "rozwiązanie( problemu| tymczasowe)?|rozwiązania|obejście( problemu)?|sposób rozwiązania|"
    "решени[ея]|способ решения|обходное решение|как исправить|"
    "解決(方法|策|方案|辦法|步驟)|対処(方法|法)?|回避策|解决(方法|方案|办法|步骤)|临时解决方案|臨時解決方案|"
    "(处理|處理|规避|規避|变通|變通)方法|(임시 )?해결 ?(방법|방안|책|절차)|(우회|조치|대처) ?방법|"
    # Arabic: "الحل" (the solution), "الحل البديل" (a workaround), "طريقة الحل" (how to solve it).
    "الحل|الحلول|الحل البديل|حل المشكلة|طريقة الحل|خطوات الحل|"
    # Turkish ("Çözüm", "Geçici çözüm"), Indonesian ("Solusi", "Cara mengatasi") and Vietnamese ("Giải pháp",
    # "Cách khắc phục").
    "(geçici )?çözüm(ler)?|çözüm yolu|solusi( sementara)?|penyelesaian|cara (mengatasi|memperbaiki)(nya)?|"
    "giải pháp( tạm thời)?|cách (khắc phục|giải quyết)|khắc phục|"
    # Ukrainian ("Рішення", "Як виправити"), Greek ("Λύση", "Επίλυση"), Thai ("วิธีแก้ไข", "วิธีแก้ปัญหา")
    # and Hindi ("समाधान", "हल").
    "рішення|(спосіб )?вирішення( проблеми)?|обхідне рішення|як виправити|λύση|λύσεις|επίλυση|"
    "προσωρινή λύση|αντιμετώπιση|วิธี(การ)?แก้(ไข)?(ปัญหา)?|(การ|แนวทาง(การ)?)แก้ไข(ปัญหา)?|"
    "समाधान|हल|उपाय|समस्या का समाधान|अस्थायी समाधान|"
    # Hebrew ("פתרון", "דרך פתרון"; a workaround, "עקיפה", "פתרון עוקף").
    "(ה)?פתרון|(ה)?פתרונות|(דרך|דרכי|שלבי) (ה)?פתרון|פתרון (עוקף|זמני)|(דרך )?עקיפה|(ה)?תיקון|איך לתקן|"
    # Malay ("Langkah penyelesaian"), Czech ("Řešení", "Postup", "Náprava"), Slovak ("Riešenie"),
    # Hungarian ("Megoldás"), Romanian ("Rezolvare", "Soluție"), Croatian ("Rješenje"), Finnish
    # ("Ratkaisu", "Toimi näin": do this) and Persian ("راه‌حل", "روش رفع مشکل").
    "langkah(-langkah)? penyelesaian|cara menyelesaikan|řešení|postup( řešení)?|náprava|riešenie|"
    "postup riešenia|megoldás|a megoldás lépései|rezolvare|pași de rezolvare|soluți[ea]|soluţi[ea]|"
    "rješenje|rješavanje|rješenje problema|ratkaisu|korjaus|toimi näin|"
    "راه[\u200c ]?حل|روش رفع مشکل|رفع مشکل|"
    # Lithuanian ("Sprendimas", "Sprendimo būdas", a workaround "Laikinas sprendimas").
    "(laikinas |problemos )?sprendimas|sprendimai|sprendimo būda[is]|"
    # Slovenian ("Rešitev", "Rešitev težave", a workaround "Začasna rešitev").
    "(začasna )?rešitev|rešitve|rešitev težave|"
    # Estonian ("Lahendus", "Probleemi lahendus", a workaround "Ajutine lahendus").
    "(ajutine |probleemi )?lahendus|lahendused|"
    # Serbian in Cyrillic and Latin script ("Решење", "Rešenje", a workaround "Заобилазно решење").
    "(заобилазно )?решење|решења|решење проблема|(zaobilazno )?rešenje|rešenja|rešenje problema|"
    # Catalan ("Solució", "Resolució", a workaround "Solució alternativa").
    "solució|solucions|resolució|solució (alternativa|temporal)|"
    # Filipino ("Solusyon", "Lunas", "Paano ayusin", a workaround "Pansamantalang solusyon").
    "(mga |pansamantalang )?solusyon|lunas|paano (ito )?ayusin|"
    # Bengali ("সমাধান", "সমাধানের উপায়", a workaround "অস্থায়ী সমাধান").
    "(অস্থায়ী )?সমাধান|সমাধানের উপায়|সমস্যার সমাধান|"
    # Tamil ("தீர்வு", "தீர்வுகள்", a workaround "தற்காலிக தீர்வு").
    "(தற்காலிக )?தீர்வு|தீர்வுகள்|சரிசெய்யும் முறை|"
    # Swahili ("Suluhisho", "Suluhu", "Utatuzi", a workaround "Suluhisho la muda"), Urdu ("حل", "مسئلے
    # کا حل", a workaround "عارضی حل") and Azerbaijani ("Həll", "Həll yolu", a workaround "Müvəqqəti həll").
    "suluhisho( la muda)?|suluhu|utatuzi|jinsi ya kutatua|حل|مسئلے کا حل|عارضی حل|"
    "(müvəqqəti )?həll( yolu| yolları)?|problemin həlli",
    # "See also", "Related articles", "Learn more" (RELATED_ELSEWHERE); and "More information", which is the
    # problem's, not a step.
    Role.BOILERPLATE: f"{RELATED_ELSEWHERE}|"
    # A help centre's list of the files attached to the page ("Attachments"), in its language.
    "(datei)?anh(ä|ae)nge|anhang|pièces? jointes?|(archivos )?adjuntos|allegati|bijlagen|załączniki|"
    "вложения|添付ファイル|附件|첨부 ?파일|"
    # A help centre's "Still have questions?" after the article, which sends the reader to support.
    "((haben sie )?noch (weitere )?fragen|(vous avez )?d'autres questions ?|¿?(tiene[sn]?|hay) (más|otras) preguntas|"
    "ainda tem (dúvidas|perguntas)|(hai|avete) (altre|ancora) domande|((heeft u|heb je) )?nog vragen|"
    "(masz|macie) (jeszcze )?pytania|остались вопросы|还有(其他)?问题|還有(其他)?問題|他にご質問はありますか|"
    "궁금한 (점이|사항이) (더 )?있으신가요|"
    f"{HELP_PROMPTS})[?？]?|"
    # Their prompt for a verdict, where a help centre's widget heads its buttons with it.
    # Urdu's, Persian's and Arabic's question mark ("؟") ends one as "?" does.
    f"({FEEDBACK_PROMPTS})[?？;؟]?|"
    # A docs site's closing section that sends the reader on to ask ("Getting more help" in English).
    "(weitere hilfe|(mehr|zusätzliche) hilfe|besoin d'(aide|plus d'aide)( supplémentaire)?|aide supplémentaire|"
    "¿?(más|obtener más|necesitas más) ayuda|ayuda adicional|(precisa de )?mais ajuda|ajuda adicional|"
    "(altro|ulteriore) aiuto|meer hulp|(dalsza|dodatkowa|więcej) pomoc[yi]?|дополнительная помощь)( ?[?？])?",
    Role.INFO: "weitere informationen|zusätzliche informationen|plus d'informations|informations complémentaires|"
    "más información|información adicional|mais informações|informações adicionais|(ulteriori|maggiori) informazioni|"
    "meer informatie|więcej informacji|dodatkowe informacje|informacje dodatkowe|дополнительная информация|"
    "詳細情報|補足(情報)?|更多信息|其他信息|更多資訊|其他資訊|추가 정보|자세한 정보|"
    "daha fazla bilgi|ek bilgi|informasi (lebih lanjut|tambahan)|thông tin (thêm|bổ sung)|"
    "додаткова інформація|περισσότερες πληροφορίες|ข้อมูลเพิ่มเติม|अधिक जानकारी",
    Role.CONTAINER: "fehlerbehebung|häufige fragen|dépannage|questions fréquentes|solución de problemas|"
    "preguntas frecuentes|solução de problemas|perguntas frequentes|risoluzione dei problemi|domande frequenti|"
    "probleemoplossing|veelgestelde vragen|rozwiązywanie problemów|często zadawane pytania|"
    "устранение неполадок|часто задаваемые вопросы|"
    "トラブルシューティング|よくある質問|故障排除|疑难解答|疑難排解|常见问题|常見問題|문제 해결|자주 묻는 질문|"
    "sorun giderme|sık sorulan sorular|pemecahan masalah|pertanyaan umum|khắc phục sự cố|câu hỏi thường gặp|"
    "усунення несправностей|часті запитання|αντιμετώπιση προβλημάτων|συχνές ερωτήσεις|การแก้ไขปัญหาเบื้องต้น|"
    "คำถามที่พบบ่อย|समस्या निवारण|अक्सर पूछे जाने वाले प्रश्न|פתרון (בעיות|תקלות)|שאלות נפוצות",
}
_LOCALIZED_PATTERNS = [(role, re.compile(rf"^(?:{words})$")) for role, words in _ELSEWHERE.items()]
_ROLE_PATTERNS += _LOCALIZED_PATTERNS

# Hinglish (Hindi in Latin letters, English words mixed in), as Indian tech blogs head a post's parts: a
# question what the problem is ("Problem kya hai?"), why the error comes ("Yeh error kyun aata hai?",
# "Iska karan kya hai?") and how to fix it ("Ise kaise fix karein?"), each about the problem above it, as
# English's "Why does this happen?" is. Whole headings only: "Kya yeh error Windows par bhi aata hai?"
# asks something of its own.
_HI_THIS = r"((ye|yeh|is|iss) )"
_HI_PROBLEM = r"(error|problem|issue|dikkat|samasya)"
_HI_WHY = r"(kyun|kyon|kyu|kyoon|kiyon)"
_HI_COMES = r"(aata|aati|aa raha|aa rahi|hota|hoti|ho raha|ho rahi)"
_HI_FIX = r"(fix|solve|theek|thik|resolve)"
_HI_DO = r"(karein|karen|kare|karo|kariye|karte hain|hoga)"
_HINGLISH_QUESTIONS = {
    Role.SYMPTOMS: rf"{_HI_THIS}?{_HI_PROBLEM} kya hai|kya {_HI_PROBLEM} hai",
    Role.CAUSE: rf"{_HI_THIS}?{_HI_PROBLEM} {_HI_WHY} {_HI_COMES} hai|"
    rf"{_HI_WHY} {_HI_COMES} hai {_HI_THIS}?{_HI_PROBLEM}|(iska|is {_HI_PROBLEM} ka) (kaaran|karan|wajah)( kya hai)?",
    Role.RESOLUTION: rf"({_HI_THIS}?{_HI_PROBLEM} |ise |isko )?({_HI_FIX} kaise|kaise {_HI_FIX}) {_HI_DO}|"
    rf"(iska|is {_HI_PROBLEM} ka) (solution|fix|hal|ilaaj|ilaj)( kya hai)?",
}
_ROLE_PATTERNS += [(role, re.compile(rf"^(?:{words})\??$")) for role, words in _HINGLISH_QUESTIONS.items()]

# The labels of a page's fields in the same languages, as a localized knowledge base writes them under
# its title ("**Producto:** …", "Letzte Aktualisierung: …", "适用于：…"), as sections.py reads English
# ones. First what the page applies to and its number, which name nothing but the page; then its
# product and tags, which scope the article as front matter's do; then its version, last update and
# category. All but the first may also open a sentence of the article.
_PAGE_ONLY_FIELD_WORDS = (
    "gilt für|betrifft|artikel-?(id|nummer)|s['’]applique à|(id|numéro) de l['’]article|se aplica a|"
    "(id|número) del artículo|aplica-se a|(id|número) do artigo|si applica a|(id|numero) (dell['’])?articolo|"
    "van toepassing op|artikel ?nummer|dotyczy|(identyfikator|numer) artykułu|применимо к|относится к|"
    "(id|номер) статьи|適用対象|対象製品|記事 ?id|文書番号|适用于|適用於|适用范围|適用範圍|文章 ?(id|编号|編號)|"
    "적용 대상|문서 ?(id|번호)"
)
_PRODUCT_FIELD_WORDS = "produkt|produit|producto|produto|prodotto|продукт|製品|产品|產品|제품"
_TAGS_FIELD_WORDS = "schlagwörter|étiquettes|etiquetas|etichette|tagi|теги|タグ|标签|標籤|태그"
_PAGE_FIELD_WORDS = (
    f"{_PAGE_ONLY_FIELD_WORDS}|{_PRODUCT_FIELD_WORDS}|{_TAGS_FIELD_WORDS}|"
    "versión|versão|versione|versie|wersja|версия|バージョン|版本|버전|"
    "zuletzt aktualisiert|letzte aktualisierung|aktualisiert am|dernière mise à jour|mis à jour le|"
    "última actualización|actualizado el|última atualização|atualizado em|ultimo aggiornamento|aggiornato il|"
    "laatst bijgewerkt|bijgewerkt op|ostatnia aktualizacja|zaktualizowano|последнее обновление|обновлено|"
    "最終更新日?|更新日|(最后|最後)更新(时间|時間|日期)?|更新(时间|時間|日期)|마지막 업데이트|최종 (업데이트|수정일?)|"
    "kategorie|catégorie|categoría|categoria|categorie|kategoria|категория|カテゴリー?|类别|類別|分类|分類|카테고리"
)
# A word of a Latin or Cyrillic script: a label's word is whole ("Produktversion" is one word), but a
# Chinese or Japanese one is written joined to the next ("适用产品", "対象バージョン").
CASED_LETTER = "a-zß-öø-ÿ\u0100-\u024f\u0400-\u04ff"
_PAGE_FIELD = re.compile(rf"(?<![{CASED_LETTER}])(?:{_PAGE_FIELD_WORDS})(?![{CASED_LETTER}])", re.IGNORECASE)
_PAGE_ONLY_FIELD = re.compile(_PAGE_ONLY_FIELD_WORDS, re.IGNORECASE)
_PRODUCT_FIELD = re.compile(_PRODUCT_FIELD_WORDS, re.IGNORECASE)
_TAGS_FIELD = re.compile(_TAGS_FIELD_WORDS, re.IGNORECASE)


def names_page_field(label: str) -> bool:
    """Whether a field's label in another language than English names something about the page
    ("Producto", "Letzte Aktualisierung", "适用产品"), as "Product" and "Last updated" do."""
    return bool(_PAGE_FIELD.search(label))


def names_only_the_page(label: str) -> bool:
    """Whether a field's label in another language than English names nothing but the page ("Gilt
    für", "ID del artículo", "适用于"), as "Applies to" and "Article ID" do."""
    return bool(_PAGE_ONLY_FIELD.fullmatch(label.strip()))


def names_product_field(label: str) -> bool:
    """Whether a field's label in another language than English names the page's product ("Producto")."""
    return bool(_PRODUCT_FIELD.fullmatch(label.strip()))


def names_tags_field(label: str) -> bool:
    """Whether a field's label in another language than English names the page's tags ("Etiquetas")."""
    return bool(_TAGS_FIELD.fullmatch(label.strip()))


# How the same languages point at the error a paragraph leads to, as "…you receive the following error:"
# does in English: a word for "the following" and one for an error, a message or a warning, in the order
# each language puts them ("folgende Fehlermeldung", "le message d'erreur suivant", "el siguiente error",
# "次のエラー", "以下错误", "报错如下", "다음 오류"). Not "the following steps", "settings" nor "information"
# (Chinese "以下信息" asks for details to send), nor a compound the word only opens ("folgende
# Fehlerbehebungsschritte", "volgende foutopsporingsstappen"), nor hints to follow ("按以下提示排查";
# but "弹出以下提示", a prompt shown, and "以下提示错误").
_ANNOUNCED_ERROR = re.compile(
    r"\bfolgende[nrs]?\s+(?:\w+\s+)?\w*(?:fehler|meldung)(?:en|n)?\b"
    r"|\b(?:message|erreur|avertissement)s?(?:\s+d['’]erreur)?\s+(?:suivante?s?|ci-dessous)\b"
    r"|\bsiguientes?\s+(?:mensajes?|error(?:es)?|advertencias?)\b"
    r"|\b(?:mensajes?(?:\s+de\s+error)?|error(?:es)?)\s+siguientes?\b"
    # A forum post's "me da este error:", "obtengo este error:", as "I get this error:" says it: a verb of
    # receiving or showing right before the error ("Para corregir este error:" leads to a fix).
    r"|\b(?:da|dan|dio|daba|obtengo|obtuve|obtiene|obtienen|obtenemos|recibo|recibí|recibe|reciben|recibimos|"
    r"sale|salió|salen|aparece|apareció|aparecen|muestra|mostró|muestran|devuelve|devolvió|devuelven|lanza|"
    r"lanzó|arroja|arrojó|veo|vemos)\s+(?:(?:este|esta|estos|estas|el|la|los|las|un|una)\s+)?"
    r"(?:mensajes?|error(?:es)?|advertencias?)\b"
    r"|\bseguintes?\s+(?:mensage(?:m|ns)|erros?|avisos?)\b"
    r"|\b(?:mensage(?:m|ns)(?:\s+de\s+erro)?|erros?)\s+(?:a\s+seguir|seguintes?)\b"
    r"|\bseguent[ei]\s+(?:messagg[io]|error[ei]|avvis[oi])\b"
    r"|\b(?:messagg[io](?:\s+di\s+errore)?|error[ei])\s+seguent[ei]\b"
    r"|\bvolgende\s+\w*(?:fout|melding|waarschuwing)(?:en|s)?\b"
    r"|\bnastępując\w*\s+(?:bł[ąę]d\w*|komunikat\w*|ostrzeżeni\w*)"
    r"|\bследующ\w*\s+(?:ошибк\w*|сообщени\w*|предупреждени\w*)"
    r"|(?:次|以下|下記)の(?:ような)?(?:エラー|メッセージ|警告)"
    r"|(?:以下|如下|下列|下面)的?(?:错误|錯誤|报错|報錯|提示(?:错误|錯誤|报错|報錯)|警告)"
    r"|(?:弹出|彈出|显示|顯示|出现|出現|收到|返回|傳回)(?:以下|如下|下列|下面)的?提示"
    r"|(?:错误|錯誤|报错|報錯)(?:信息|訊息|消息|提示)?如下"
    r"|다음(?:과\s+같은)?\s*(?:오류|에러|메[시세]지|경고)"
    # Romanian: "următorul mesaj de eroare", and a verb of showing or receiving right before "the message"
    # or "the error" ("La Stare apare mesajul:", "primiți eroarea:"); not "următorii pași" (the next steps).
    r"|\burm[ăa]to(?:rul|area|arele|rii)\s+(?:mesaj\w*|eroar\w*|avertisment\w*)"
    r"|\b(?:apare|apar|afi[șşs]eaz[ăa]|primi[țţt]i|primesc|prime[șşs]te)\s+(?:mesajul|eroarea|avertismentul)\b"
    # And the whole message, where the question quoted a part of it ("Mesajul complet este:", the full
    # message is; "Eroarea exactă este:").
    r"|\b(?:mesajul|eroarea)(?:\s+de\s+eroare)?\s+(?:complet|exact|întreg)[ăa]?\s+(?:este|e)\s*:"
    # Croatian, Serbian and Bosnian in Latin script, with their diacritics or without: a verb of appearing,
    # showing, returning or receiving right before "the message" or "the error", or "the following" one
    # ("pojavljuje se poruka:", "CIS vraća grešku:", "sljedeća poruka o grešci:"); not "sljedeće korake".
    r"|\b(?:(?:pojavljuje|pojavi|javlja|prikazuje|prika[žz]e|ispisuje|ispi[šs]e)(?:\s+se)?|vra[ćc]a|vrati|"
    r"dobijete|dobivate|dobijem|dobivam|sljede[ćc][aeu]|slijede[ćc][aeu])\s+(?:(?:ova|ovu|ovakva|ovakvu)\s+)?"
    r"(?:poruk[aeu]|(?:po)?gre[šs]k[aeu])\b",
    re.IGNORECASE,
)


# A word of each of _ANNOUNCED_ERROR's ways of announcing an error that can be written in ASCII: an
# ASCII sentence without any of them (most sentences, English ones) is not searched with its many
# alternatives, case-insensitive, which a sentence costs 27 µs. The others have letters beyond ASCII.
_ANNOUNCING_ASCII = (
    "folgende",
    "suivant",
    "ci-dessous",
    "siguiente",
    "mensaje",
    "error",
    "advertencia",
    "segui",
    "seguent",
    "volgende",
    "mesaj",
    "eroare",
    "urmato",
    "poruk",
    "gresk",
)


def announces_error_elsewhere(sentence: str) -> bool:
    """Whether a sentence in another language than English points at the error that follows it
    ("Beim Start erscheint folgende Fehlermeldung", "接口返回以下错误")."""
    if sentence.isascii():
        lowered = sentence.lower()
        if not any(word in lowered for word in _ANNOUNCING_ASCII):
            return False
    return bool(_ANNOUNCED_ERROR.search(sentence))


PROBLEM_PART_ROLES = {Role.SYMPTOMS, Role.ERRORS, Role.CODES, Role.SEEN_IN, Role.CAUSE, Role.RESOLUTION}
# Parts that make a section a problem on their own: what went wrong, or why.
FRAMING_ROLES = {Role.SYMPTOMS, Role.ERRORS, Role.CAUSE}
# Resolution headings that only ever head a fix (not "Steps" or "Recovery", which how-to pages use too).
_STRONG_RESOLUTION = re.compile(
    r"^(resolutions?|solutions?|workarounds?|fix(es)?|mitigations?|remediation|how to (fix|resolve|solve)( (it|this))?$|"
    r"to (fix|resolve|solve) (this|the) (error|issue|problem)$)\b"
    rf"|^({_ASKS_FOR_THE_FIX})\??$|^({_NAMES_THE_FIX})[.:!]?$"
    rf"|^(?:{_ELSEWHERE[Role.RESOLUTION]})$"
)


# A vendor KB's "Environment" (the products and versions a problem happens on), and an advisory's or a
# bug's "Affected versions" (the releases the problem is in, not those a page applies to). Among a
# problem's parts it says where the problem is seen, and its list is no procedure; on its own it names a
# topic of a reference page (a man page's ENVIRONMENT lists the variables its tool reads), and the
# versions a page of no problem lists are its boilerplate.
_ENVIRONMENT = re.compile(
    r"^((affected )?environments?|environment details|(affects?|affected) (versions?|products?|releases?)|"
    # A CTX article's "Applicable Products": the products it happens in, listed before its symptoms.
    r"applicable products?|"
    # A bug record's "Conditions" (Cisco's): the releases and configuration the bug needs, no symptom.
    r"conditions)$"
)
# A security advisory's "Indicators" ("Indicators of compromise", "IOCs"): the lines a log shows where the
# problem struck, whatever level they are logged at. Among a problem's parts, what is seen; on its own,
# a topic (a device's status lights).
_INDICATORS = re.compile(r"^(indicators?( of (compromise|exposure|attack))?|iocs?)$")


# A known issue's "Status" ("No fix yet; engineering is on it", "Fixed in 7.4"): what a reader of its
# answer needs to know, above all where there is no fix to follow.
_STATUS = re.compile(rf"^({_STATUS_TITLES})$")
# A list of questions and their answers ("FAQ"), as opposed to one of problems (Troubleshooting).
_QUESTIONS = re.compile(r"^(faqs?|frequently asked questions|(common|frequent|typical) questions)$")


# A closing prompt that asks whether the fix worked ("Still stuck?", "Still not working?"), whose section
# sends the reader on: to support, or to a further fix of its own (a factory reset).
# A whole title only in other words ("Still failing?", "Still broken?", "Didn't help?", as a ClickUp or
# Notion toggle after the steps folds a further fix): "Still failing after the upgrade" is a problem.
# The same in the languages whose "why" folds are read (sections._ASKS_WHY): "Immer noch Fehler?",
# "¿Sigue fallando?", "Toujours bloqué ?".
_ASKS_IF_FIXED = re.compile(
    rf"^(still stuck|{_STILL_FAILING})\b|^¿?(still (failing|broken)|(didn['’]?t|did not) (work|help)|"
    r"immer noch (fehler|probleme)|(es )?funktioniert (es )?(immer )?noch nicht|(hat|das hat) nicht geholfen|"
    r"toujours (en [ée]chec|bloqu[ée]e?|des probl[èe]mes)|([çc]a|cela) ne (marche|fonctionne) toujours pas|"
    r"sigue (fallando|sin funcionar)|no (funcion[óo]|sirvi[óo])|"
    r"ancora (problemi|errori)|non funziona ancora|non ha funzionato|"
    r"nog steeds (problemen|fouten)|werkt (het )?nog steeds niet|"
    r"nadal nie dzia[łl]a|nadal (problemy|b[łl][ąa]d)|"
    r"fortfarande (problem|fel)|fungerar (det )?fortfarande inte|"
    r"(stadig|fortsatt) (problemer|fejl|feil)|virker (det )?(stadig|fortsatt) ikke|"
    r"ei (viel[äa]k[äa][äa]n|edelleenk[äa][äa]n) toimi)\s?\??$"
)


def names_additional_information(title: str) -> bool:
    """A heading "Additional information", boilerplate by its words (see _ROLE_PATTERNS) where it only
    links elsewhere: a page's links to read elsewhere, as often as more about its problem (a TID's
    follow-up, "If the error persists, …")."""
    return normalise_heading(title) == "additional information"


def names_related_items(title: str) -> bool:
    """A heading "Related items", a help desk portal's field of links to its other articles (SysAid's, after
    the Solution), but as often the name of a storefront's widget that fails: boilerplate only where its
    section holds nothing but links (see section_shapes.section_role)."""
    return normalise_heading(title) == "related items"


def asks_if_fixed(title: str) -> bool:
    """A heading that asks whether the fix before it worked ("Still stuck?"), boilerplate by its words."""
    return bool(_ASKS_IF_FIXED.search(normalise_heading(title)))


# What a closing prompt sends the reader to, rather than fixing anything: support, a ticket, a forum.
# A ticket and support in the languages whose prompts are read too ("Deschideți un tichet", "podpora"),
# in their cases where a call to support declines them ("Hívja az Ügyfélszolgálatot", "podršku").
_SENDS_ON = re.compile(
    r"\b(support|help ?desk|service ?desk|tickets?|forums?|community|tichet(ul|e)?|tiket(in|ti)?|"
    r"podpor[auy]|ügyfélszolgálat\w*|asiakaspalvelu|brukerstøtte|kundeservice|поддръжка(та)?|sokongan|پشتیبانی|"
    r"podršk[aeu]|zahtjev|"
    # Italian, Turkish, Vietnamese, Indonesian, Korean and Lithuanian: support, its hotline, a request.
    r"assistenza|supporto|destek|hỗ trợ|tổng đài|bantuan|고객센터|pagalb\w*|užklaus\w*|"
    # Spanish, Portuguese and Catalan support; Hindi's help desk and ticket.
    r"soporte|suporte|suport|हेल्पडेस्क|टिकट)\b",
    re.IGNORECASE,
)


def sends_on(text: str) -> bool:
    """Whether ``text`` names somewhere a closing prompt sends the reader ("Open a case at support.…")."""
    return bool(_SENDS_ON.search(text))


# A help centre's question what the error above it means ("What does this mean?", "What it means"):
# heading its cause only where there is an error or a fix to explain (see section_shapes.is_frame).
_ASKS_WHAT_IT_MEANS = re.compile(rf"^({_WHAT_IT_MEANS})\??$")


def asks_what_it_means(title: str) -> bool:
    """A heading that asks what the problem it stands under means, naming nothing of its own."""
    return bool(_ASKS_WHAT_IT_MEANS.match(normalise_heading(title)))


# A reference page's section of examples, beside its metadata sections (see names_reference_metadata).
_EXAMPLES = re.compile(r"^(code )?examples?$")
_REFERENCE_METADATA = re.compile(rf"^({_REFERENCE_METADATA_WORDS})$")


def names_reference_metadata(title: str) -> bool:
    """A heading a web reference's page closes with ("Specifications", "Browser compatibility")."""
    return bool(_REFERENCE_METADATA.match(normalise_heading(title)))


def names_examples(title: str) -> bool:
    """A heading over examples of what a page describes ("Examples")."""
    return bool(_EXAMPLES.match(normalise_heading(title)))


def names_questions(title: str) -> bool:
    """A heading over questions and answers ("FAQ", "Common questions"), not problems to fix."""
    return bool(_QUESTIONS.match(normalise_heading(title)))


def names_status(title: str) -> bool:
    """A heading over where a problem stands ("Status", "Current status", "Fix status")."""
    return bool(_STATUS.match(normalise_heading(title)))


# What a reader needs before the page's instructions ("Requirements", "Prerequisites"): boilerplate by
# its name, yet on an installation page its sub-headings are the platforms it sets apart ("ARM32 (Tier 3
# Support)", "Windows Subsystem for Linux 1"), each saying what fails there.
_REQUIREMENTS = re.compile(r"^(prerequisites?|requirements?)$")


def names_requirements(title: str) -> bool:
    """A heading over what a page's instructions need first ("Requirements", "Prerequisites")."""
    return bool(_REQUIREMENTS.match(normalise_heading(title)))


def names_environment(title: str) -> bool:
    """A heading over the environment a problem happens in ("Environment", "Affected environments")."""
    return bool(_ENVIRONMENT.match(normalise_heading(title)))


# A vendor KB's placeholder in a part it has nothing for (Dell's "No cause information is available.",
# "Not applicable", "N/A"), or a fix's that there is nothing to do ("Nothing.", a check's OK state): the part is empty. Whole paragraphs only: "No cause is known yet; the
# driver is suspected" says something.
_NOTHING_TO_SAY = re.compile(
    r"^((there is )?no (root )?cause information (is )?(available|provided)|no information (is )?available|"
    r"not applicable|n/?a|none|nothing|no action( is)?( needed| required)?)\.?$"
)


def says_nothing(text: str) -> bool:
    """Whether a part's whole text is a placeholder for none ("No cause information is available.")."""
    return bool(_NOTHING_TO_SAY.match(normalise_heading(text)))


# A cause not known yet ("### Cause: TBD", a Logseq page's "cause:: unknown", a paragraph "Unknown.", "Not
# known yet.", "Under investigation."): no cause, as a placeholder for none is; but a fix "TBD" is still a
# problem's, so says_nothing leaves it.
_NOT_KNOWN_YET_WORDS = (
    "unknown|unclear|tb[acd]|to be (determined|confirmed)|see below|-+|(still |as yet |currently )?not "
    "(yet |currently )?(known|determined|identified)( yet)?|(currently |still )?(under|being|pending) "
    "(investigation|investigated|analysis|analysed|analyzed|review)|"
    # The cause part is read in many languages (see _ELSEWHERE), and so is what it says when the cause is
    # not known yet: German ("Unbekannt.", "Noch nicht bekannt.", "Wird untersucht."), French ("Inconnue.",
    # "En cours d'analyse."), Spanish and Portuguese ("Desconocida.", "En investigación."), Italian
    # ("Sconosciuta."), Dutch ("Onbekend."), Polish ("Nieznana."), Russian ("Неизвестна."), Chinese and
    # Japanese ("不明", "未知", "调查中", "調査中") and Korean ("알 수 없음", "조사 중").
    "(noch )?(unbekannt|unklar|nicht (bekannt|geklärt|ermittelt))|(wird|werden) (noch )?untersucht|"
    "in (untersuchung|klärung|prüfung)|"
    "inconnue?s?|indéterminée?s?|(encore |toujours )?(non|pas encore) (connue?s?|identifiée?s?|"
    "déterminée?s?)( pour l'instant| à ce jour)?|en cours d'(analyse|investigation|examen|identification)|"
    "desconocid[ao]s?|desconhecid[ao]s?|(aún |todavía |ainda )?(no|não) (se conoce|conocid[ao]|identificad[ao]|"
    "determinad[ao])( aún| todavía| ainda)?|(en|em) (investigación|investigação|análisis|análise)|"
    "(por|a) determinar|"
    "sconosciut[ao]|non (ancora )?(not[ao]|identificat[ao]|determinat[ao])|in (fase di )?(indagine|analisi)|"
    "da determinare|"
    "onbekend|(nog )?niet bekend|in onderzoek|wordt onderzocht|"
    "nieznan[ay]|(jeszcze )?nieustalon[ay]|w trakcie (analizy|badania)|"
    "неизвестн(а|о|ы|ая)|(пока )?не (установлен[аоы]?|известн[аоы]?)|выясняется|в процессе (анализа|расследования)|"
    "未知|(原因)?(不明|未明|不详|不詳)|(正在)?(调查|調查|調査|确认|確認)中|待(定|确认|確認|调查|調查)|"
    "알 수 없음|미확인|(조사|확인) ?중"
)
_NOT_KNOWN_YET = re.compile(rf"^(?:{_NOT_KNOWN_YET_WORDS})[.。]?$")


def says_no_cause(text: str) -> bool:
    """Whether a cause's whole text is a placeholder for none (see says_nothing) or says it is not known yet."""
    said = normalise_heading(text)
    return bool(_NOTHING_TO_SAY.match(said) or _NOT_KNOWN_YET.match(said))


# A runbook's section of one alert, "Alert: <Name>", the name in a code span or not.
_ALERT_HEADING = re.compile(r"alert\s*:\s*`?(\S+?)`?", re.IGNORECASE)


def alert_name(title: str) -> str:
    """The alert a runbook's heading ``Alert: <Name>`` is about ("Alert: PaymentLatencyHigh" →
    "PaymentLatencyHigh"): what its page is titled by, so the problem's code; "" for any other heading."""
    found = _ALERT_HEADING.fullmatch(title.strip())
    return found.group(1) if found and ALERT_NAME.fullmatch(found.group(1)) else ""


def names_indicators(title: str) -> bool:
    """A heading over the log lines that show a problem struck ("Indicators", "Indicators of compromise")."""
    return bool(_INDICATORS.match(normalise_heading(title)))


# A section of words to find the page by, under a heading of its own: a vendor note's "Other Terms"
# (SAP's list of transactions, messages and programs it is about), "Keywords", "Search terms", and the
# other languages' words for tags ("Schlagwörter"). Whole headings only: "Keywords in search queries"
# is a topic.
_KEYWORDS_EN = r"(?:other|search) terms|key ?words|tags"
_KEYWORDS = re.compile(rf"^(?:{_KEYWORDS_EN})$")
# The same labels in any language, lower case, as a normalised label is: the words a page is found by as a
# field of its record ("Keywords: print, E-104", "Tags: …"), read by indexer.sections and indexer.html_blocks.
KEYWORDS_WORDS = rf"{_KEYWORDS_EN}|{_TAGS_FIELD_WORDS}"


def names_keywords(title: str) -> bool:
    """A heading over the words the page is found by ("Other Terms", "Keywords"), none of its parts."""
    return bool(_KEYWORDS.match(normalise_heading(title))) or names_tags_field(title)


# The fields of a message manual's entry beside its explanation and responses, as IBM's z/OS entries
# label them: what the system did ("System action"), where the message comes from ("Module", "Detecting
# module", "Source") and how it is routed and automated ("Routing code", "Descriptor code",
# "Automation"), and the link up to the list of messages that IBM Documentation prints under each entry
# ("Parent topic"). Whole labels only: "Source control fails" is a problem.
_ENTRY_FIELDS = re.compile(
    r"^(system action|(detecting )?modules?|source|routing codes?|descriptor codes?|automation|parent topic)$"
)


def names_entry_field(title: str) -> bool:
    """A label of a message entry's field that is neither cause nor fix ("System action", "Module")."""
    return bool(_ENTRY_FIELDS.match(normalise_heading(title)))


# "Fix 'Access denied'", "How to resolve “Sign-in failed”": a heading that says to fix what it
# quotes names its problem by the message a reader sees, however short; it is no Resolution part.
_FIXES_QUOTED = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:how to )?(?:fix|resolve|solve)(?:ing)?:?\s+(?:the\s+)?"
    r"(?:[\"\u201c]([^\"\u201c\u201d\n]+)[\"\u201d]|'([^'\n]+)'(?!\w)|\u2018([^\u2018\u2019\n]+)\u2019|`([^`\n]+)`)"
    # What it quotes is the message, not a button's name: "Fix 'Save' button greyed out" is no message.
    r"(?=\s*(?:(?:error|message|warning|prompt|banner|dialog|pop-?up|notification)s?\b)?\s*"
    r"(?:$|[:.,;!?(\u2013\u2014-]|(?:when|while|on|in|after|during|for|with|from|at)\b))",
    re.IGNORECASE,
)


def fixed_message(title: str) -> str:
    """The message a heading says to fix ("Fix 'Access denied'" → "Access denied"), or ""."""
    found = _FIXES_QUOTED.match(title)
    return next((group.strip() for group in found.groups() if group), "") if found else ""


# A delivery log's status over the text it logged ("Status: Failed – \"SSL certificate problem: …\""), as a
# webhook or mail service's help page heads each failure: an error heading, not where a known issue stands.
_STATUS_QUOTING = re.compile(r"status: [^\"“”:]{1,40}? [–—:-] [\"“][^\"“”]+[\"”]")


@lru_cache(maxsize=4096)
def heading_role(title: str) -> Role:
    """The role of a section from its heading text; ``Role.TOPIC`` when it names none."""
    text = normalise_heading(title)
    if fixed_message(title) or _STATUS_QUOTING.fullmatch(text):
        return Role.TOPIC
    if answer_post(title) or heads_answers(title):
        # "Accepted answer · 812 votes", "3 Answers": what the site prints beside its label names no
        # other part.
        return Role.RESOLUTION
    role = _role_of(text)
    if (
        role is Role.RESOLUTION
        and (step := _TUTORIAL_STEP.match(text))
        and _role_of(step.group(1)) is Role.CONTAINER
    ):
        # A tutorial numbers every section as a step, its troubleshooting too ("Step 4 — Troubleshooting
        # Common Errors"): the errors under it are problems of their own, not more of its steps.
        return Role.CONTAINER
    if role is Role.TOPIC and _COMBINED.search(text):
        # "Issue/Symptoms", "Problem & Symptoms" (ServiceNow's and other KB tools' labels): two names
        # of one part are that part.
        roles = {_role_of(part.strip()) for part in _COMBINED.split(text)}
        if len(roles) == 1:
            return roles.pop()
        if roles == {Role.SYMPTOMS, Role.ERRORS}:
            # "Symptoms or Error" (Citrix's CTX articles): what is seen, its messages among it.
            return Role.SYMPTOMS
    return role


# A tutorial's numbered step and what it names ("step 4 — troubleshooting").
_TUTORIAL_STEP = re.compile(r"step \d+ ?[\u2014\u2013:.-] ?(.+)")
# What joins two names of one part in a label ("Issue/Symptoms", "Symptoms or Error").
_COMBINED = re.compile(r"\s*[/&]\s*|\s+(?:and|or)\s+")


def _role_of(text: str) -> Role:
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(text):
            return role
    return Role.TOPIC


def localized_role(title: str) -> Role:
    """The part a heading or a table's column names in another language than English ("Ursache",
    "Fehlercode", "Meldung"), as :func:`heading_role` reads it; ``Role.TOPIC`` when it names none of them.

    A table's English columns are read by words of their own ("Meaning" heads why an error is seen,
    where a heading "Meaning" heads what is seen): only the other languages' are read as headings."""
    text = normalise_heading(title)
    return next((role for role, pattern in _LOCALIZED_PATTERNS if pattern.search(text)), Role.TOPIC)


def names_error(title: str) -> bool:
    """A heading or a column that is the word for an error alone, in another language than English
    ("Fehler", "Błąd", "错误"): an error, not a message written out."""
    return bool(_ERROR_WORD.fullmatch(normalise_heading(title)))


_ERROR_WORD = re.compile(ERROR_WORDS)


# Descriptive headings that say what the whole article is about, not notes or further reading;
# whole headings only: "Background jobs never start" is a problem.
_INTRODUCTION = re.compile(r"^(summary|introduction|overview|background|context)$")


_REPRODUCTION = re.compile(rf"^({_REPRODUCTION_TITLES})\b")


def is_reproduction(title: str) -> bool:
    """A heading over how to make the problem happen: the commands under it are what was run,
    not what failed, unless a sentence announces them as an error."""
    return bool(_REPRODUCTION.search(normalise_heading(title)))


def names_bare_steps(title: str) -> bool:
    """A heading that is the word "Steps" alone: under what is seen (Oracle Support's SYMPTOMS), the
    steps that reach the symptom."""
    return normalise_heading(title) == "steps"


# The parts of an issue tracker's bug report template (GitHub's "Describe the bug", "Steps to reproduce",
# "Expected behavior"; GitLab's asks "What is the current *bug* behavior?"): whole headings only, as the
# template writes them.
_BUG_REPORT_PART = re.compile(
    rf"^(describe the (bug|issue|problem)|{_REPRODUCTION_TITLES}|(expected|actual|current) (results?|behaviou?r)"
    r"|what is the (current|expected) (bug |correct )?behaviou?r\??)$"
)


def names_bug_report_part(title: str) -> bool:
    """A heading of a bug report's template ("Steps to reproduce", "Expected behavior"): the page is an
    issue, whose body describes the problem and whose replies may fix it."""
    return bool(_BUG_REPORT_PART.match(normalise_heading(title)))


def is_diagnosis(title: str) -> bool:
    """A heading over how to confirm the problem ("Diagnostic Steps", "Triage"): its checks print what
    is normal as well as what failed."""
    return bool(_DIAGNOSIS.fullmatch(normalise_heading(title)))


_DIAGNOSIS = re.compile(_DIAGNOSIS_TITLES)
_TRIAGE = re.compile(r"triage( steps)?")


def is_triage(title: str) -> bool:
    """An alert runbook's "Triage" heading: what the one on call does first, where its items are
    numbered actions rather than questions to ask."""
    return bool(_TRIAGE.fullmatch(normalise_heading(title)))


_ESCALATION = re.compile(_ESCALATION_TITLES)


def names_escalation(title: str) -> bool:
    """A heading over whom to call once the steps have failed ("Escalation", "Escalation path")."""
    return bool(_ESCALATION.fullmatch(normalise_heading(title)))


_RUNBOOK_FIX = re.compile(r"mitigations?|remediation")


def is_mitigation(title: str) -> bool:
    """An alert runbook's name for its fix ("Mitigation", "Remediation"): what stops the alert, after
    the checks that tell which case it is."""
    return bool(_RUNBOOK_FIX.fullmatch(normalise_heading(title)))


_DIAGNOSTICS = re.compile(rf"^({_DIAGNOSTICS_TITLES})$")


def lists_messages(title: str) -> bool:
    """A container heading whose items are labelled by the messages a tool prints ("Diagnostics"),
    in bold as a man page writes them, not only in code."""
    return bool(_DIAGNOSTICS.match(normalise_heading(title)))


# A question-and-answer site's answer post, headed by the site's label and what it prints beside it
# ("Accepted answer · 812 votes", "Answer · 97 votes"), or by the label alone; or headed by its score,
# after the accepted one's mark ("✓ Accepted — Score: 23", "Score: 5"), as a Stack Exchange export does.
_ANSWER_POST = re.compile(
    r"^(?:(accepted|best) )?answer(?: ?[\u00b7\u2022|\u2013\u2014] [^\n]*)?$"
    r"|^(?:(accepted|best)(?: answer)? ?[\u00b7\u2022|\u2013\u2014] )?score:? -?\d+$"
)


def answer_post(title: str) -> str:
    """What a heading says of the answer post under it: "accepted" for the one the asker accepted
    ("Accepted answer · 812 votes"), "answer" for any other ("Answer · 97 votes"), else ""."""
    found = _ANSWER_POST.match(normalise_heading(title))
    if found is None:
        return ""
    return "accepted" if found.group(1) or found.group(2) else "answer"


# A question-and-answer item's Answer field, in the languages whose Question and Answer fields are read
# (Salesforce Knowledge's "Answer", TOPdesk's Dutch "Antwoord").
_ANSWER_FIELD = re.compile(r"answer|antwoord|antwort|réponse|respuesta|resposta|risposta")


def is_answer_field(title: str) -> bool:
    """A heading that is a question-and-answer item's Answer field alone ("Answer", "Antwoord")."""
    return bool(_ANSWER_FIELD.fullmatch(normalise_heading(title)))


def heads_answers(title: str) -> bool:
    """A heading over a question's answer posts ("3 Answers", "Answers", "1 Answer")."""
    return normalise_heading(title) == "answers" or bool(_ONE_ANSWER.fullmatch(title.strip()))


# The heading over a question's only answer, counted ("1 Answer"): "Answer" alone heads a FAQ's answer.
_ONE_ANSWER = re.compile(r"1\s+answer", re.IGNORECASE)


_SUMMARY = re.compile(r"^((problem|issue) )?summary$")


def is_summary(title: str) -> bool:
    """A heading over a summary of its problem ("Summary", "Problem summary"), as an issue tracker
    or Atlassian's knowledge base writes its problem statement."""
    return bool(_SUMMARY.match(normalise_heading(title)))


_SHORT_DESCRIPTION = re.compile(r"^short description$")


def is_short_description(title: str) -> bool:
    """A heading over a short description of its problem, as AWS's Knowledge Center writes, before its
    Resolution, why the error happens."""
    return bool(_SHORT_DESCRIPTION.match(normalise_heading(title)))


def is_introduction(title: str) -> bool:
    """A heading that introduces its article ("Background", "Overview"), not a note beside it
    ("Notes", "More information")."""
    return bool(_INTRODUCTION.search(normalise_heading(title)))


def is_verification(title: str) -> bool:
    """A heading over how to check that a fix worked ("Verify", "Verify the fix", "Confirm it works")."""
    return bool(_VERIFICATION.match(normalise_heading(title)))


# "Verify", "Verification", "Verify the fix", "Confirm that it works", "Validate the installation": not
# "Validation webhook denied the request" nor "Verification failed", which name what goes wrong.
_VERIFICATION = re.compile(
    r"(?:verify|verification|validate|validation|confirm|confirmation|check)"
    r"(?:(?: that)? (?:the |your )?(?:fix|resolution|solution|result|results|change|changes|installation|setup|"
    r"configuration|it|everything)(?: works?| worked| is working)?|(?: that)? it works|(?: the)? steps?)?$"
)


def is_strong_resolution(title: str) -> bool:
    """A heading that can only head the fix of a problem ("Resolution", "Workaround")."""
    return bool(_STRONG_RESOLUTION.search(normalise_heading(title)))


_CONTAINER_TITLE = re.compile(
    r"\b(troubleshoot(ing|s)?|debug(ging)?|common (issues|errors|problems)|known (issues|problems)|faqs?|"
    r"frequently asked questions|error (messages|codes) and)\b"
    # A page that lists errors: "Sync client errors", "OneDrive error codes".
    r"|\b(errors|error (messages|codes))$"
)
# "Error: …", "Error 1603", and "Error" as other languages write it ("Fehler:", "Błąd 450", "错误："),
# then a colon (a full-width one after Chinese, Japanese or Korean), a number or a code. After
# another language's word a dash only before a code or number ("Fehler - 0x80070005"): German joins
# words by hyphens ("Fehler-Checkliste", "Fehler-Log"), and "Erreur - questions fréquentes" is a topic.
_ERROR_PREFIX = re.compile(
    r"^(?:(?:error|exception|warning|fatal)\b\s*(?:[:：#-]|\d|[a-z]*\d)"
    rf"|(?:{ERROR_WORDS})\b\s*(?:[:：#]|\d|[a-z]*\d|-\s*[a-z]*\d))"
)
# A question without its question mark: "How do I uninstall Homebrew", "Can I edit formulae".
# ("How to install", "What to check" head how-to sections, not questions.)
_QUESTION = re.compile(
    r"^((how|why|what|when|where|which|who)('s| (do|does|did|is|are|was|were|can|could|should|would|will|has|have))|"
    r"(can|could|is|are|does|do|did|should|will|would|may|must) (i|you|we|it|they|my|the|this|there|a|an))\b"
    # A FAQ marks its question, worded as one or not: "Q: Git asks for my password on every push."
    rf"|^(?:{MARKED_QUESTION})"
)
# The label of a page's field that gives its title ("Title", "Article title"): read by indexer.sections among
# a page's fields, by indexer.parse and indexer.html_article over a page, and by indexer.html_blocks in a
# form's table (see is_title_field), which sections imports, so the test is here.
TITLE_FIELD_WORDS = r"(?:(?:article|page|kb) )?title"
_TITLE_FIELD = re.compile(TITLE_FIELD_WORDS, re.IGNORECASE)


def is_title_field(label: str) -> bool:
    """Whether a field's label names the page's title ("Title", "Article title")."""
    return bool(_TITLE_FIELD.fullmatch(label.strip()))


# The words that name one of several alternatives, by what they are alternatives of: ways to fix it,
# causes, and the cases a page tells apart. Each reader below takes the kinds it reads.
FIX_WAY_WORDS = "solution|resolution|method|option|workaround|fix"
CAUSE_WORDS = "cause|reason"
CASE_WORDS = "scenario|case"
_ALTERNATIVE = re.compile(
    rf"^((possible|likely|probable|root) )?({FIX_WAY_WORDS}|{CASE_WORDS}|{CAUSE_WORDS}|step|approach|alternative|"
    r"way|variant)\s*(\d+|[a-h]|one|two|three|four|five|six)\b"
)
# An alternative that is a cause ("Root Cause 2: DNS resolution"): its fix may follow inside it.
_CAUSE_ALTERNATIVE = re.compile(rf"^((possible|likely|probable|root) )?({CAUSE_WORDS})\b")
# An alternative that is one of the cases a page tells apart ("Scenario B: pool exhausted", "Case 2").
_CASE_ALTERNATIVE = re.compile(rf"^({CASE_WORDS})\s*(\d+|[a-h]|one|two|three|four|five|six)\b")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.):]\s+\S")
# Headings that say what part they are but not what the problem is ("Symptom 1", "Common errors").
_GENERIC = re.compile(
    r"^(symptoms?|problems?|issues?|errors?|scenarios?|cases?|questions?|answers?|notes?|details|examples?|"
    r"common (errors|issues|problems)|troubleshooting|usage|steps)( \d+| [a-h])?$"
)
# Words that say the heading names a failure ("Volume is stuck", "Missing command line tools"):
# a heading names symptoms as well as errors, so this reaches further than errortext.FAILURE_WORDS.
_FAILURE = re.compile(
    r"\b(errors?|fail(s|ed|ing|ures?)?|cannot|can't|can ?not|unable|not (work(ing)?|found|start(ing)?|"
    r"load(ing)?|respond(ing)?|available|allowed|supported|sync(ing|ed)?|showing|visible|accessible)|"
    r"doesn't|does not|won't|stuck|hang(s|ing)?|crash(es|ed|ing)?|denied|refused|time[ds]? ?out|"
    r"invalid|missing|exceeded|conflicts?|broken|corrupt(ed|ion)?|unexpected(ly)?|mismatch|"
    r"no (such|route|space|endpoints?|matches)|prevents?|unreachable|unavailable|rejected|degraded|loop|stops|stopped|"
    r"out of (memory|space|disk)|runs? out)\b"
)


def names_failure(text: str) -> bool:
    """Whether ``text`` has words that say something went wrong ("not supported", "no space", "stuck")."""
    return bool(_FAILURE.search(text.lower()))


def is_cause_alternative(title: str) -> bool:
    """One of several numbered causes ("Possible Reason 1", "Root Cause 2: DNS")."""
    return bool(_CAUSE_ALTERNATIVE.search(normalise_heading(title)))


def is_case_alternative(title: str) -> bool:
    """One of several numbered or lettered cases ("Scenario B: …", "Case 2")."""
    return bool(_CASE_ALTERNATIVE.search(normalise_heading(title)))


def heading_number(title: str) -> int | None:
    """The number a heading starts with ("2. Get the volume size" → 2), or None."""
    found = _NUMBERED.match(title)
    return int(found.group(1)) if found else None


def without_number(title: str) -> str:
    """A heading without the number it starts with ("2. Get the volume size" → "Get the volume size")."""
    found = _NUMBERED.match(title)
    return title[found.end(1) + 1 :].lstrip() if found else title


def is_generic_title(title: str) -> bool:
    """A heading that names a part ("Symptom 2", "Common errors", "Solution"), not a problem."""
    text = normalise_heading(title)
    return (
        bool(_GENERIC.search(text))
        or heading_role(title) not in (Role.TOPIC, Role.CONTAINER)
        or bool(_ALTERNATIVE.search(text))
    )


def is_container_title(title: str) -> bool:
    """An article or section title that promises a set of problems ("Troubleshooting X", "FAQ")."""
    return bool(_CONTAINER_TITLE.search(normalise_heading(title)))


def heading_kind(title: str, quoted: list[Quoted] | None = None) -> Kind:
    """Whether a topic heading is an error, a question, one of several alternatives, or plain.

    ``quoted`` are the heading's code spans and quoted strings: a heading that quotes
    a message ("`bad interpreter: /usr/bin/ruby^M`") names an error.
    """
    text = normalise_heading(title)
    if _ALTERNATIVE.search(text):
        return Kind.ALTERNATIVE
    if text.endswith("?") or _QUESTION.search(text):
        return Kind.QUESTION
    if _ERROR_PREFIX.search(text) or _FAILURE.search(text) or fixed_message(title):
        return Kind.ERROR
    if any(message_like(q) for q in quoted or []):
        return Kind.ERROR
    if any(any(ch.isdigit() for ch in code) or _FAILING_NAME.search(code) for code in error_codes(title)):
        return Kind.ERROR
    return Kind.PLAIN


# A named code that says it is an error in one of its words: ERR_SNAPSHOT_QUIESCE, E_ACCESS_DENIED; not a
# name such as InvalidSoftMatch, which the heading may use as a product's or a setting's.
_FAILING_NAME = re.compile(r"(?:^|_)(?:ERR|ERROR|FAIL(?:ED|URE)?|INVALID|DENIED|TIMEOUT|REFUSED)(?:_|$)")


def heading_names_errors(title: str, level: int) -> bool:
    """Whether a heading under the page's title (``level`` 2 or deeper) names an error or asks a
    question ("Loader errors"): a problem of its own, which reads its sub-sections as a group of
    errors only while its own text holds no steps (:func:`section_shapes.groups_problems`)."""
    return (
        level > 1 and heading_role(title) is Role.TOPIC and heading_kind(title) in (Kind.ERROR, Kind.QUESTION)
    )


# A heading that files errors of a kind ("Quota errors", "Sign-in failures"): a plural noun of failure last.
_ERROR_CATEGORY = re.compile(r"\b(errors|failures|issues|problems|exceptions)$")


def names_error_category(title: str) -> bool:
    """Whether a heading names a kind of errors ("Network errors", "Authentication failures"), as a
    reference files its error headings under, rather than one error."""
    return heading_role(title) is Role.TOPIC and bool(_ERROR_CATEGORY.search(normalise_heading(title)))


def message_like(quoted: Quoted) -> bool:
    """Quoted heading text that reads like something a program printed, not a command or a name.

    A phrase in quotation marks ("Invalid audience") is a message; a code span must
    look like one (`x509: certificate has expired`), since it may be a command.
    """
    words = word_count(quoted.text)
    failure = bool(_FAILURE.search(quoted.text.lower()) or _UNSPACED_FAILURE.search(quoted.text))
    if not quoted.code:
        if _MAIL_SUBJECT.match(quoted.text):
            return False
        # "Your session has expired" is a message; "Open man Page", a menu item's name, is not, nor
        # is a value without a word in it ("19 V 3.4 A" on a power supply's label).
        if not _A_WORD.search(quoted.text):
            return False
        return words >= 4 or (words >= 2 and failure)
    # `brew bundle check` is a command and `cleanup files:` a setting's key;
    # `bad interpreter: /usr/bin/ruby^M` is what a program printed. An option (`--ignore-errors`)
    # or a lone word (`missing`) is a name, whatever it says: a manual page's headings are its
    # commands' synopses, and programs print phrases.
    if _OPTION.match(quoted.text):
        return False
    return (
        (bool(_SAYS_AFTER_COLON.search(quoted.text)) and words >= 2) or (failure and words >= 2) or words >= 5
    )


_SAYS_AFTER_COLON = re.compile(r":\s*\S")
# A mail's subject, quoted with the prefix a reply or a forward puts before it ("RE: deploys failing",
# "Fwd: AW: …"): the title of a mail, not what a program printed. Not Scandinavian "SV:" nor French "TR:",
# which programs print too ("tr: missing operand").
_MAIL_SUBJECT = re.compile(r"(?:re|fwd?|aw|wg)[ \t]*:[ \t]", re.IGNORECASE)
# What a reply or a forward puts before an email's subject, in English and other languages ("AW:", "WG:"),
# and the tag a mailing list puts there ("[tidy-users]": a name in letters, which a ticket's number,
# "[INC-2210]", is not), its brackets perhaps escaped as Markdown writes them ("\\[tidy-users\\]").
SUBJECT_PREFIX = re.compile(
    r"^(?:(?:re|fwd?|aw|wg|sv|vs|tr)\s*:\s*|\\?\[[A-Za-z][A-Za-z._\\-]*\\?\]\s*)+", re.IGNORECASE
)
_OPTION = re.compile(r"--?[A-Za-z]")
_A_WORD = re.compile(r"[^\W\d_]{2,}")
# What says in Chinese or Japanese that something went wrong, as _FAILURE does in English: failed,
# error, cannot, invalid, not found, denied, timed out, expired, not supported; Japanese's polite
# negation ("…できません", "…ありません"), in which its programs report a failure.
_UNSPACED_FAILURE = re.compile(
    "失败|失敗|错误|錯誤|出错|出錯|无法|無法|不能|不合法|非法|无效|無效|不存在|找不到|未找到|拒绝|拒絕|"
    "超时|超時|异常|異常|过期|過期|不支持|不支援|不正确|不正確|"
    "エラー|できません|ません|見つかりません|無効|不正|拒否|タイムアウト|期限切れ"
)


def names_failure_unspaced(text: str) -> bool:
    """Whether Chinese or Japanese ``text`` has words that say something went wrong ("登录失败",
    "ログインできません"), as :func:`names_failure` asks of English."""
    return bool(_UNSPACED_FAILURE.search(text))


# The opening of a sentence that says what its subject, the error or what is seen, means or when it
# happens: "This means …", "That error usually indicates …", "It only happens when …". Read as the cause
# by reads_as_cause, and right under an error shown by indexer.markdown_article.
THIS_OPENING = (
    r"(?:this|that|it)(?: (?:error|message|failure|problem|issue))?"
    r"(?: (?:usually|typically|often|mostly|only|always))?"
)
# "means" where it says why, not what the reader or a user must do: "This means (that) you have to …",
# "This means customers must …", "This means we need to …". The optional "that" is inside the lookahead,
# so it cannot be given up to let "that you …" pass.
MEANS_NOT_WHAT_TO_DO = r"means\b(?! (?:that )?(?:you|your|users?|customers?|we)\b)"


# A sentence that says what the cause is, as its subject: "Root cause was the driver …", "The cause of
# the outage is …", "This was caused by …", "The failure is likely caused by …"; not "Causes of the
# error include …", nor "if the cause is …" inside a sentence.
# Not what the cause is not, or that it is unknown: "The cause is not the ribbon", "The problem is not
# caused by …", "The cause is unknown at this time".
_CAUSE_STATED = (
    r"(?:(?:the|our|its) )?(?:(?:root|underlying|actual|real|main) )?cause "
    r"(?:of (?:this|the|these|that|it)\b[^.!?:]{0,40}? )?"
    r"(?:was|is|were|are|turned out to be|appears to be|seems to be|has been)\b(?! (?:not|never|unknown|unclear)\b)"
    r"|(?:this|it|that|the \w+(?: \w+)?) (?:was|is|were|are|has been) (?:(?!(?:not|never) )\w+ ){0,2}caused by\b"
)
_STATES_CAUSE = re.compile(_CAUSE_STATED, re.IGNORECASE)
# What a service does to a reader's account or object on its own: disable it, pause it, lock it.
_SERVICE_ACTS = (
    r"(?:disable|pause|suspend|lock|block|deactivate|throttle|reject|stop|cancel|hold|close|expire|revoke|"
    r"limit|restrict|freeze|archive)"
)
_CAUSE_SENTENCE = re.compile(
    r"\b(occurs?|happens?|appears?) (when|if|because)\b|\bbecause\b|\bcaused by\b|\bdue to\b|"
    r"\bprevent(s|ing)\b|\bdoes(n't| not) (accept|support|allow)\b"
    rf"|(?:^|[.!?] )(?:{_CAUSE_STATED})"
    # A help centre's why under what is seen, a paragraph of its own with "this" as its subject: "This
    # happens with local pickup orders", "This error usually means the access token was rotated"; not
    # what the reader must do ("This means that you have to …", "… customers must …"), nor how often
    # ("This happens with every order"), nor a when ("This happens every night at 01:30, when …"). Only
    # at the paragraph's start: after what is seen in the same paragraph ("The scanner beeps three
    # times. This means the scan failed"), it explains what is seen, and the paragraph was all cause.
    rf"|^{THIS_OPENING} (?:{MEANS_NOT_WHAT_TO_DO}|(?:happens|occurs) with (?!(?:every|all|any|some|each)\b))"
    # A service's own rule that did what the reader sees, as its help centre says it without a label
    # ("We disable an endpoint after it fails for 3 days", "We pause payouts when …").
    rf"|(?:^|[.!?] )we (?:automatically )?{_SERVICE_ACTS}s? [^.!?]{{1,80}}? (?:after|when|whenever|if|once)\b",
    re.IGNORECASE,
)


# A paragraph that tells the reader what to do: an imperative first ("Check the firewall rules"),
# or a sentence that offers the fix ("The solution is to …", "we recommend …", "To resolve:").
_INSTRUCTION = re.compile(
    r"^(?:(?:first|then|next|also|finally|alternatively|instead),?\s+)?(?:please\s+)?"
    r"(?:check|verify|ensure|make sure|run|execute|open|add|set|update|upgrade|restart|delete|remove|create|"
    r"configure|enable|disable|install|uninstall|reinstall|use|go to|select|click|contact|review|increase|"
    r"decrease|change|edit|apply|wait|confirm|monitor|consider|try|allow|grant|assign|reset|rename|move|copy|"
    r"follow|patch|scale|drain|fix|replace|raise|lower|adjust|modify|restore|recreate|redeploy|retry|"
    r"sign (?:in|out)|log (?:in|on|out|off)|navigate|download|re-?download|reboot|launch|type|press|"
    r"clear|enter|choose|turn (?:on|off)|upload|re-?run|refresh|reconnect|save|paste|locate|"
    r"close|stop|start|quit|switch|disconnect|"
    # What one does to a device: "Forget the watch in Bluetooth settings", "Reseat the toner"; "Tap
    # Disconnect", "Hold the button", "Plug it in", but not "Tap trust reduces …", "Hold music is
    # played" or "Plug-ins built for …", where the word is a noun.
    r"(?:tap|hold|insert|plug|pair|toggle|wipe|charge)(?= (?:the|on|in|down|a|an|your|it|\*\*|(?-i:[A-Z])|[\"'\u201c]))|"
    # "Ask the customer to insert the card again", "Ask for another payment method": a code lookup
    # page's fix is often a request to the person at hand; not "Ask prices …", a market's noun.
    r"ask(?= (?:the|your|an?|for|them|someone)\b)|"
    # "Request a quota increase", "Request access to the project"; not "Request to /api failed", a noun.
    r"request(?= (?:an?|the|your|more|additional|access)\b)|"
    r"swipe|eject|re-?insert|unplug|power[- ]cycle|re-?pair|unpair|forget|"
    # "Connect to the guest network", "Join the domain again", "Renew the certificate", a vendor note's
    # "Implement the attached correction instructions" and "Import the Support Package"; but not
    # "Connect Health shows …", "Sync stops …" or "Import jobs fail …", where the word names a thing.
    r"(?:connect|join|mount|unmount|register|unregister|renew|rotate|revert|downgrade|repair|attach|detach|"
    r"specify|kill|re-?sync|track|untrack|implement|import)(?= (?:the|to|a|an|your|it|all|this|that|\*\*|`|[\"'\u201c]))|"
    # "Connect LumiBox directly to the TV": a name, then where to: what one does to the device.
    r"(?:connect|attach|mount|register)(?= (?-i:[A-Z])[\w.-]*(?: \w+)? (?:to|with|into|on|from)\b)|"
    r"re-?enroll|enroll|re-?seat|tighten|loosen|whitelist|allowlist)\b"
    # "Step 2: Delete the profile.": a fix written as numbered paragraphs.
    rf"|^(?:{STEP_WORDS})\s*\d{{1,2}}\s*[:.)\u2013\u2014-]"
    r"|\bthe (?:solution|fix|workaround|resolution) (?:is|was) to\b|\bwe recommend\b"
    r"|\bto (?:fix|resolve|work around|avoid|solve) (?:this|the|it)\b"
    # A bare lead-in to the fix: "To resolve:", "To work around:".
    r"|^to (?:fix|resolve|work around|solve|mitigate)\s*:"
    # A lead-in that names the steps after it by what one does with them, as a vendor's technote writes
    # it ("Complete these steps:", "Perform the following steps:"); not "Complete removal of …".
    r"|^(?:complete|perform|carry out|do) (?:these|the following)(?: \w+)? steps\b",
    re.IGNORECASE,
)


# A procedure's title, as help-authoring tools style one over its steps (RoboHelp's and Flare's
# "ProcedureHeading", a Word template's "Procedure Heading"): "To" and what the steps achieve, whatever the
# verb ("To bring the printer online"), one line with no sentence's punctuation, no colon after it. And the
# caption DocBook's stylesheets set over a procedure's steps, its label and number in the book's language
# ("Procedure 12.2. Resetting the Password", "Prozedur 4.1. …").
_PROCEDURE_TITLE = re.compile(
    r"To [a-z][a-z-]*+ [^\n.,;:!?]{1,80}+"
    r"|(?:Procedure|Procédure|Prozedur|Procedimiento|Procedimento|Procedura) \d{1,3}(?:\.\d{1,3})*+\. "
    r"[^\n.,;:!?]{1,80}+",
    re.IGNORECASE,
)


def is_procedure_title(paragraph: str) -> bool:
    """True when a paragraph is a procedure's title ("To bring the printer online"): over a list, it
    leads in to the steps, whatever its verb."""
    return bool(_PROCEDURE_TITLE.fullmatch(paragraph))


def reads_as_instruction(paragraph: str) -> bool:
    """True when a paragraph tells the reader what to do rather than what happened."""
    return bool(_INSTRUCTION.search(paragraph[:MAX_INSTRUCTION_CHARS]))


# Only a paragraph's opening decides whether it instructs.
MAX_INSTRUCTION_CHARS = 300


def names_hidden_output(label: str) -> bool:
    """True when the label of a fold of code only names what the fold hides ("Full log", "Code", "Example of
    the output"), as a page folds output where it stands: it neither asks a question nor says what to do,
    as a FAQ's fold "How do I clear the cache?" or "Clear the cache" over a command, a question and its
    answer, does."""
    return not label.rstrip().endswith("?") and not reads_as_instruction(label)


# A sentence that says which release fixes the problem ("It is resolved in ESXi 8.0 Update 2b", "This
# was fixed in version 4.2.1", "Upgrade to 3.7 or later"): a release named by a number, in a few words;
# "resolved in the next section" or "fixed in a future release" names none.
_FIXED_IN_RELEASE = re.compile(
    r"\b(?:(?:resolved|fixed|addressed|corrected) in|upgrade to)\s[^.;:\n]{0,40}?\d", re.IGNORECASE
)


def names_fixing_release(paragraph: str) -> bool:
    """True when a paragraph says which release fixes the problem: installing it is the fix."""
    return bool(_FIXED_IN_RELEASE.search(paragraph[:MAX_INSTRUCTION_CHARS]))


# A lead-in that only says its steps work around the problem ("As a workaround:", "Workaround:", "As a
# temporary workaround:", "To work around this issue:"), no more: another way than the fix said before it.
_WORKAROUND_LEAD = re.compile(
    r"(?:(?:as|for) an? )?(?:(?:temporary|interim|possible) )?work-?around"
    r"|to work around(?: (?:it|this|that|the (?:error|issue|problem)))?(?: (?:issue|problem|error))?",
    re.IGNORECASE,
)


def names_workaround(lead: str) -> bool:
    """True when a lead-in ending in ":" names the steps after it a workaround, and says nothing else."""
    return lead.endswith(":") and bool(_WORKAROUND_LEAD.fullmatch(lead.rstrip(":").strip()))


def says_the_fix(paragraph: str) -> bool:
    """True when a paragraph of a fix says what fixes the problem: what to do, or the release to install."""
    return reads_as_instruction(paragraph) or names_fixing_release(paragraph)


# A question that asks why something happens, marked as a FAQ's question or not ("Q: Why does printing fail?"),
# or that says what happens and then asks why ("Coordinates are off by 100 metres. Why?"), or asks so in other
# words, what is going on or what it means ("Tests fail in CI with `ECONNREFUSED 127.0.0.1:5432`. What's going
# on?", "My job dies with `exit code 137`. What does that mean?"): a Q&A wiki's answer to it said why first,
# and that was step 1 of its fix. In the words a few languages ask why with (WHY_WORDS), and ask what is
# going on or what it means with ("Was bedeutet das?", "Qu'est-ce que cela signifie ?"); with a noun after
# "this" ("What does this error mean?"), "here" after "going on", "any idea" before "what": their
# commonest forms, which asked no why, and the answer's explanation was step 1 again. Those only after a
# sentence's end, not a FAQ label's colon: "Q: What does it mean?" says nothing that happens first.
WHY_WORDS = r"why|warum|wieso|weshalb|pourquoi|por ?qu[eé]|perch[eé]|waarom|dlaczego|varf[oö]r|hvorfor|miksi"
_GOING_ON = (
    r"what(?:'s|\u2019s| is) (?:going on|happening)(?: here)?|was ist (?:hier )?los|was passiert (?:hier|da)"
    r"|qu['\u2019]est-ce qui se passe|que se passe-t-il|¿?qu[eé] (?:est[aá] )?pasa(?:ndo)?|cosa (?:sta )?succede(?:ndo)?"
)
_MEANS = (
    r"what does (?:this|that|it)(?: \w+)? mean|was (?:bedeutet|hei(?:ß|ss)t) (?:das|dies)(?: \w+)?"
    r"|qu['\u2019]est-ce que (?:cela|ça|ce \w+) (?:signifie|veut dire)|(?:que|qu['\u2019]est-ce que) (?:cela|ça) veut dire"
    r"|¿?qu[eé] significa(?: (?:esto|eso))?|cosa significa|wat betekent (?:dit|dat)"
)
_ASKS_WHY = re.compile(
    rf"^(?:(?:q|question)\s*\d{{0,3}}\s*[:.)]\s*)?¿?(?:{WHY_WORDS})\b"
    rf"|(?:[.!:]\s+¿?(?:{WHY_WORDS})\b[^.!?]{{0,60}}|[.!]\s+(?:any idea |anyone know )?(?:{_GOING_ON}|{_MEANS}))\s?\?$"
)


def asks_why(title: str) -> bool:
    """A heading that asks why something happens: its answer says the cause."""
    return bool(_ASKS_WHY.search(normalise_heading(title)))


# A sentence that says what the page itself covers ("This document describes how to troubleshoot …", "This
# article explains why …"), as a vendor's technote opens its Introduction: its scope, whatever "because"
# it goes on with.
_DESCRIBES_THE_PAGE = re.compile(
    r"(?:this|the present) (?:document|article|page|guide|technote|tech note|note|kb article|knowledge article)"
    r" (?:describes|explains|covers|shows|discusses|outlines|provides|demonstrates|helps)\b",
    re.IGNORECASE,
)


def describes_the_page(sentence: str) -> bool:
    """True when a sentence says what the page covers ("This document describes how to …")."""
    return bool(_DESCRIBES_THE_PAGE.match(sentence))


def reads_as_cause(sentence: str) -> bool:
    """True when a sentence explains why something happens rather than what to do."""
    return bool(_CAUSE_SENTENCE.search(sentence))


# A sentence that opens by saying what its subject lacks: "The role lacks `kms:Decrypt`", "The CA
# bundle is missing", "The agent's token does not have `node:write`": a few words, then the verb.
_SAYS_MISSING = re.compile(
    r"(?:[^\s.,;:!?]+[ \t]+){1,8}?(?:lacks?|lacking|(?:is|are) missing|do(?:es)?(?:n't| not) have|(?:has|have) no)\b",
    re.IGNORECASE,
)
# Not a condition ("If you don't have the permission, ask …"), nor what a person has or reports
# ("Users report that the machine has no network"): the reader's or a user's lot, no cause.
_NOT_A_SUBJECT = re.compile(
    r"(?:if|when|whenever|unless|once|while|although|though|after|before|you|your|users?|customers?|people"
    r"|we|i|they)\b",
    re.IGNORECASE,
)


def says_what_is_missing(paragraph: str) -> bool:
    """True when a paragraph opens by saying what its subject lacks ("The IAM role lacks …"): right
    before the fix, the cause. Not a condition, a person's lot, or an instruction."""
    return (
        bool(_SAYS_MISSING.match(paragraph[:MAX_INSTRUCTION_CHARS]))
        and not _NOT_A_SUBJECT.match(paragraph)
        and not reads_as_instruction(paragraph)
    )


def states_cause(paragraph: str) -> bool:
    """True when a paragraph opens by saying what the cause is ("Root cause was the driver …", "This
    was caused by …"): the cause, even among what is seen."""
    return bool(_STATES_CAUSE.match(paragraph))
