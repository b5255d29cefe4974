"""The names publishing tools give call-outs: advice for the reader, never quoted error text.

Shared by the Markdown reader's directives (:mod:`indexer.markup`), the HTML reader's classes
(:mod:`indexer.html_blocks`), and the labels of a quote (:mod:`indexer.sections`) or of a plain-text
fix's line (:mod:`indexer.text_article`), so that a warning is a warning however it was written.
"""

from __future__ import annotations

import re

# Directive names that are advice for the reader: call-outs, whatever the tool calls them.
CALLOUT_NAMES = frozenset(
    """note tip hint important warning caution attention danger error info notice alert seealso
    admonition versionadded versionchanged deprecated todo""".split()
)
# The kinds among them: the others name a call-out of some kind ("admonition", "alert") or a note.
CALLOUT_KINDS = frozenset("note tip hint important warning caution attention danger error info".split())
# Symbols authors open a call-out with instead of a label: ℹ️ ⚠️ 💡 📝 ❗ ❌ 🚨 ✅ 👉, and ReadMe's
# callouts' own, 📘 (info), 👍 (success) and 🚧 (warning).
_CALLOUT_SYMBOLS = (
    "\u2139\u26a0\U0001f4a1\U0001f4dd\u2757\u274c\U0001f6a8\u2705\U0001f449\U0001f4d8\U0001f44d\U0001f6a7"
)
# Those of them that warn.
_WARNING_SYMBOLS = "\u26a0\u2757\u274c\U0001f6a8\U0001f6a7"


def symbol_kind(text: str) -> str:
    """The kind of call-out ``text`` opens with a symbol of ("warning" for ⚠️, "note" for 💡), or "" for
    text that opens with none."""
    first = text[:1]
    if not first or first not in _CALLOUT_SYMBOLS:
        return ""
    return "warning" if first in _WARNING_SYMBOLS else "note"


# Advice labels as other languages' knowledge bases write them, and the kind of call-out each is: the
# languages whose part names are read (German, French, Portuguese, Dutch, Spanish, Italian, Polish,
# Russian, Ukrainian, Greek, Chinese, Japanese, Korean, Arabic, Hebrew, Turkish, Indonesian, Vietnamese,
# Thai, Hindi, Swedish, Norwegian, Danish, Bulgarian, Persian, Malay, Czech, Slovak, Hungarian, Romanian,
# Croatian, Serbian, Finnish, Lithuanian, Slovenian, Estonian, Catalan, Filipino, Bengali, Tamil,
# Swahili, Urdu and Azerbaijani), their words for Note, Tip and Important, and for Warning and Caution
# (French's "Attention" and "Important" are English words already).
ADVICE_ELSEWHERE = {
    "hinweis": "note",
    "wichtig": "important",
    "tipp": "tip",
    "achtung": "warning",
    "warnung": "warning",
    "vorsicht": "caution",
    "remarque": "note",
    "conseil": "tip",
    "astuce": "tip",
    "avertissement": "warning",
    "observação": "note",
    "observacao": "note",
    "dica": "tip",
    "atenção": "warning",
    "aviso": "warning",
    "let op": "note",
    "opmerking": "note",
    "belangrijk": "important",
    "waarschuwing": "warning",
    "nota": "note",
    "importante": "important",
    "consejo": "tip",
    "sugerencia": "tip",
    "advertencia": "warning",
    "atención": "warning",
    "precaución": "caution",
    "suggerimento": "tip",
    "attenzione": "warning",
    "avvertenza": "warning",
    "uwaga": "note",
    "ważne": "important",
    "wskazówka": "tip",
    "ostrzeżenie": "warning",
    "примечание": "note",
    "важно": "important",
    "совет": "tip",
    "внимание": "warning",
    "предупреждение": "warning",
    "осторожно": "caution",
    "注意": "note",
    "说明": "note",
    "說明": "note",
    "备注": "note",
    "備註": "note",
    "重要": "important",
    "警告": "warning",
    "ヒント": "tip",
    "참고": "note",
    "중요": "important",
    "팁": "tip",
    "경고": "warning",
    "주의": "caution",
    "ملاحظة": "note",
    "مهم": "important",
    "تلميح": "tip",
    "تحذير": "warning",
    "not": "note",
    "önemli": "important",
    "ipucu": "tip",
    "uyarı": "warning",
    "dikkat": "caution",
    "catatan": "note",
    "penting": "important",
    "kiat": "tip",
    "peringatan": "warning",
    "perhatian": "caution",
    "lưu ý": "note",
    "ghi chú": "note",
    "quan trọng": "important",
    "mẹo": "tip",
    "cảnh báo": "warning",
    "chú ý": "caution",
    "примітка": "note",
    "порада": "tip",
    "важливо": "important",
    "увага": "warning",
    "попередження": "warning",
    "обережно": "caution",
    "σημείωση": "note",
    "συμβουλή": "tip",
    "σημαντικό": "important",
    "προειδοποίηση": "warning",
    "προσοχή": "caution",
    "หมายเหตุ": "note",
    "เคล็ดลับ": "tip",
    "สำคัญ": "important",
    "คำเตือน": "warning",
    "ข้อควรระวัง": "caution",
    "ध्यान दें": "note",
    "नोट": "note",
    "सुझाव": "tip",
    "महत्वपूर्ण": "important",
    "चेतावनी": "warning",
    "सावधानी": "caution",
    "obs": "note",
    "observera": "note",
    "tips": "tip",
    "viktigt": "important",
    "varning": "warning",
    "merk": "note",
    "bemærk": "note",
    "viktig": "important",
    "vigtigt": "important",
    "advarsel": "warning",
    "забележка": "note",
    "съвет": "tip",
    "نکته": "note",
    "توجه": "note",
    "هشدار": "warning",
    "amaran": "warning",
    "poznámka": "note",
    "důležité": "important",
    "dôležité": "important",
    "upozornění": "warning",
    "upozornenie": "warning",
    "varování": "warning",
    "megjegyzés": "note",
    "fontos": "important",
    "figyelem": "warning",
    "notă": "note",
    "sfat": "tip",
    "atenție": "warning",
    "atenţie": "warning",
    "napomena": "note",
    "savjet": "tip",
    "važno": "important",
    "upozorenje": "warning",
    "huom": "note",
    "huomautus": "note",
    "vinkki": "tip",
    "tärkeää": "important",
    "varoitus": "warning",
    "pastaba": "note",
    "patarimas": "tip",
    "svarbu": "important",
    "įspėjimas": "warning",
    "dėmesio": "caution",
    "opomba": "note",
    "nasvet": "tip",
    "pomembno": "important",
    "opozorilo": "warning",
    "märkus": "note",
    "nõuanne": "tip",
    "oluline": "important",
    "hoiatus": "warning",
    "напомена": "note",
    "савет": "tip",
    "savet": "tip",
    "упозорење": "warning",
    "consell": "tip",
    "avís": "warning",
    "advertència": "warning",
    "paalala": "note",
    "tandaan": "note",
    "mahalaga": "important",
    "babala": "warning",
    "নোট": "note",
    "দ্রষ্টব্য": "note",
    "টিপ": "tip",
    "গুরুত্বপূর্ণ": "important",
    "সতর্কতা": "warning",
    "குறிப்பு": "note",
    "உதவிக்குறிப்பு": "tip",
    "முக்கியம்": "important",
    "எச்சரிக்கை": "warning",
    "kumbuka": "note",
    "dokezo": "tip",
    "muhimu": "important",
    "onyo": "warning",
    "tahadhari": "caution",
    "نوٹ": "note",
    "تجویز": "tip",
    "اہم": "important",
    "انتباہ": "warning",
    "احتیاط": "caution",
    "qeyd": "note",
    "məsləhət": "tip",
    "vacib": "important",
    "xəbərdarlıq": "warning",
    "diqqət": "warning",
    # Hebrew's "mind" ("שימו לב", "שים לב") heads a note as Dutch "Let op" does.
    "הערה": "note",
    "שימו לב": "note",
    "שים לב": "note",
    "טיפ": "tip",
    "חשוב": "important",
    "אזהרה": "warning",
    "זהירות": "caution",
}
# Advice labels that are also an English word of another sense (Turkish "Not:", a note) or open a name
# (Swedish "Obs!", "OBS Studio"): a label only alone before its colon or "!", as "**Do not** restart …",
# "Why not:" or "**OBS Studio:**" opens no note.
WHOLE_LABELS_ONLY = frozenset(("not", "obs"))
# Other languages' advice labels (see ADVICE_ELSEWHERE) as a pattern's alternatives, but those that are a
# label only alone (see WHOLE_LABELS_ONLY).
ADVICE_WORDS = "|".join(word for word in ADVICE_ELSEWHERE if word not in WHOLE_LABELS_ONLY)
# A call-out's bold label, with a word before its kind as help centres write it ("**Please note:**",
# "**Platform notice:**"): such a quote was read as an error message.
CALLOUT_LABEL = re.compile(
    r"^(?:(?:[a-z]+ )?(note|tip|important|warning|caution|hint|notice|attention|info|heads up|"
    + ADVICE_WORDS
    # Not "\b": a Thai or Hindi label may end in a vowel sign ("หมายเหตุ", "ध्यान दें"), no word character.
    + r")(?!\w)[^:：\n]{0,12}|("
    + "|".join(WHOLE_LABELS_ONLY)
    + r")\s*!?)[:：]",
    re.IGNORECASE,
)
# The kinds of call-out whose label programs print too ("Warning: …", "Warnung: …", "警告："), read as
# what a program showed where a sentence says it is shown.
PRINTED_KINDS = frozenset(("warning", "caution"))
# MkDocs Material's kinds of admonition that ask a question ("??? question "Why …?"", "!!! faq"): a
# FAQ's entries, folded or not.
QUESTION_KINDS = frozenset(("question", "help", "faq"))
# Advice labels that are a language's word for "Warning" or "Caution", which programs print as they
# print "Warning:" ("Uwaga: nie można …", "Внимание: …"): a call-out's only in bold.
_PRINTED_ADVICE = frozenset(
    ["uwaga", *(word for word, kind in ADVICE_ELSEWHERE.items() if kind in PRINTED_KINDS)]
)
# A quote that opens with an advice label in plain text or italics ("> Note: Do not delete
# `sync.db`", "> *Hinweis:* …"), as knowledge bases wrote notes before alerts existed: read as quoted
# text, it was the problem's error message; and a plain-text fix's line that does ("NOTE: …"). Not
# "Warning:" or "Error:", which programs print.
PLAIN_ADVICE = re.compile(
    rf"^(note|tip|important|hint|heads up|{'|'.join(w for w in ADVICE_ELSEWHERE if w not in _PRINTED_ADVICE)})"
    r"\s*[:：]",
    re.IGNORECASE,
)
