"""Knowledge bases in more languages: Filipino, Bengali, Tamil, Swahili, Urdu, Azerbaijani, Romanian.

Each test writes a short article of its own in one team's house style and language and reads it with
the real indexer: its part labels (symptoms, cause, fix), its advice labels (notes and warnings), its
feedback prompt, its problems' numbered titles and its wiki markup, as the same article in English is
read; and a guard beside each for the nearest shape that stays as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_house_styles import read

from api.knowledge import KnowledgeBase
from api.matcher import match
from indexer.build import build_index

# A Filipino help centre's article: a problem per heading, its parts labelled in bold.
FILIPINO_LABELS = """\
# KasaPOS: Mga Problema sa Scanner at Pag-sync

## Hindi bumabasa ang barcode scanner

**Sintomas:** Walang nangyayari kapag ini-scan ang produkto, at may lumalabas na:

`Scanner not found. Connect a scanner in Settings. [SCN-07]`

**Sanhi:** Naka-off ang USB OTG ng telepono.

**Solusyon:**

1. Buksan ang **Settings > Mga konektadong device**.
2. I-on ang **USB OTG**.

> **Paalala:** Gumagana lang ang scanner na may USB-C na cable.

## Hindi pumapasok ang mga order sa cloud

**Sintomas:** Hindi lumalabas sa dashboard ang mga order ngayong araw, at may pulang banner:

`Upload failed: HTTP 412 Precondition Failed - store code has changed`

**Sanhi:** Pinalitan ang store code sa web dashboard.

**Solusyon:**

1. Mag-log out sa KasaPOS.
2. Mag-log in gamit ang bagong store code.

**Babala:** Huwag burahin ang app bago matapos ang pag-upload, mawawala ang mga order.
"""


def test_filipino_bold_labels_are_a_problem_s_parts(tmp_path: Path) -> None:
    """Sintomas, Sanhi and Solusyon are the symptoms, cause and fix, and Paalala and Babala notes (review
    R7 §1): the whole page was one problem, both fixes' steps one group, and a pasted message got the
    scanner's steps with high confidence."""
    article = read(tmp_path / "kb", "kasapos.md", FILIPINO_LABELS)
    assert [p.title for p in article.problems] == [
        "Hindi bumabasa ang barcode scanner",
        "Hindi pumapasok ang mga order sa cloud",
    ]
    scanner, upload = article.problems
    assert scanner.cause == "Naka-off ang USB OTG ng telepono."
    assert scanner.error_messages == ["Scanner not found. Connect a scanner in Settings. [SCN-07]"]
    assert [s.text for s in scanner.steps] == [
        "Buksan ang Settings > Mga konektadong device.",
        "I-on ang USB OTG.",
    ]
    assert [n.text for n in scanner.notes] == ["Paalala: Gumagana lang ang scanner na may USB-C na cable."]
    assert upload.cause == "Pinalitan ang store code sa web dashboard."
    assert [s.text for s in upload.steps] == [
        "Mag-log out sa KasaPOS.",
        "Mag-log in gamit ang bagong store code.",
    ]
    assert [n.text for n in upload.notes] == [
        "Babala: Huwag burahin ang app bago matapos ang pag-upload, mawawala ang mga order."
    ]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(
        KnowledgeBase(tmp_path / "index.db"),
        "Upload failed: HTTP 412 Precondition Failed - store code has changed",
    ).matches[0]
    assert best.problem.id == "kasapos#2"
    assert best.steps[0].text == "Mag-log out sa KasaPOS."


def test_a_filipino_heading_that_only_opens_with_a_part_s_word_is_a_problem(tmp_path: Path) -> None:
    """Guard: a part's word is a part only as the whole heading; "Solusyon sa …" titles a problem."""
    page = (
        "# KasaPOS: Mga Gabay\n\n"
        "## Solusyon sa mabagal na pag-print\n\n"
        "Mabagal lumabas ang resibo.\n\n"
        "1. Ibaba ang density.\n2. I-restart ang printer.\n\n"
        "## Dahilan ng pagka-logout araw-araw\n\n"
        "Nala-logout ang cashier tuwing umaga.\n\n"
        "1. I-on ang **Manatiling naka-log in**.\n"
    )
    problems = read(tmp_path / "kb", "gabay.md", page).problems
    assert [p.title for p in problems] == [
        "Solusyon sa mabagal na pag-print",
        "Dahilan ng pagka-logout araw-araw",
    ]
    assert [s.text for s in problems[0].steps] == ["Ibaba ang density.", "I-restart ang printer."]


# A Bengali wiki page exported from Confluence: numbered problem headings (in Bengali digits), the
# parts in bold labels, each message in a <pre>.
BENGALI_CONFLUENCE = """\
<html><head><meta charset="utf-8"><title>পেমেন্ট অ্যাপ : বিল পরিশোধের সমস্যা</title></head><body>
<div id="main-header"><h1 id="title-heading"><span>পেমেন্ট অ্যাপ : </span>বিল পরিশোধের সমস্যা</h1></div>
<div id="content" class="wiki-content">
<h2>১. বিদ্যুৎ বিল জমা দিলে "গ্রাহক নম্বর সঠিক নয়" দেখায়</h2>
<p><strong>লক্ষণ:</strong> বিল জমা দেওয়ার সময় অ্যাপে দেখায়:</p>
<pre>Biller rejected the request: invalid customer number (BL-114)</pre>
<p><strong>কারণ:</strong> গ্রাহক নম্বরের শুরুর শূন্য বাদ পড়েছে।</p>
<p><strong>সমাধান:</strong></p>
<ol><li>বিলের কাগজ থেকে পুরো গ্রাহক নম্বর আবার লিখুন।</li><li>আবার জমা দিন চাপুন।</li></ol>
<h2>২. টাকা কেটেছে কিন্তু রসিদ আসেনি</h2>
<p><strong>লক্ষণ:</strong> লেনদেনের ইতিহাসে লেখা:</p>
<pre>Payment pending confirmation from biller (BL-208)</pre>
<p><strong>কারণ:</strong> বিলার সার্ভার থেকে উত্তর আসতে দেরি হচ্ছে।</p>
<p><strong>সমাধান:</strong></p>
<ol><li>আবার টাকা পাঠাবেন না।</li><li>২৪ ঘণ্টা পরে ইতিহাস দেখুন।</li></ol>
</div></body></html>
"""


def test_bengali_bold_labels_under_numbered_headings_are_a_problem_s_parts(tmp_path: Path) -> None:
    """লক্ষণ, কারণ and সমাধান are the symptoms, cause and fix (review R7 §3): the page was one problem, its
    headings groups of steps, every symptom, cause and message a note before them."""
    article = read(tmp_path / "kb", "bill-payment.html", BENGALI_CONFLUENCE)
    assert [p.title for p in article.problems] == [
        'বিদ্যুৎ বিল জমা দিলে "গ্রাহক নম্বর সঠিক নয়" দেখায়',
        "টাকা কেটেছে কিন্তু রসিদ আসেনি",
    ]
    number, pending = article.problems
    assert "Biller rejected the request: invalid customer number (BL-114)" in number.error_messages
    assert number.error_codes == ["BL114"]
    assert number.cause == "গ্রাহক নম্বরের শুরুর শূন্য বাদ পড়েছে।"
    assert [s.text for s in number.steps] == [
        "বিলের কাগজ থেকে পুরো গ্রাহক নম্বর আবার লিখুন।",
        "আবার জমা দিন চাপুন।",
    ]
    assert number.notes == []
    assert pending.error_codes == ["BL208"]
    assert pending.cause == "বিলার সার্ভার থেকে উত্তর আসতে দেরি হচ্ছে।"
    assert [s.text for s in pending.steps] == ["আবার টাকা পাঠাবেন না।", "২৪ ঘণ্টা পরে ইতিহাস দেখুন।"]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "Payment pending confirmation from biller (BL-208)")
    assert best.matches[0].problem.id == "bill-payment#2"


def test_a_bengali_heading_that_only_opens_with_a_part_s_word_is_a_problem(tmp_path: Path) -> None:
    """Guard: "কারণ ছাড়াই লগআউট হয়ে যায়" (logged out without a reason) titles a problem, no cause."""
    page = (
        "# পেমেন্ট অ্যাপ\n\n"
        "## কারণ ছাড়াই লগআউট হয়ে যায়\n\n"
        "অ্যাপ খোলার পর কয়েক মিনিটে লগআউট হয়ে যায়।\n\n"
        "1. অ্যাপ আপডেট করুন।\n2. আবার লগইন করুন।\n\n"
        "## সমাধান কেন্দ্রে টিকিট খোলে না\n\n"
        "টিকিট বোতাম চাপলে কিছু হয় না।\n\n"
        "1. ক্যাশ মুছে ফেলুন।\n"
    )
    problems = read(tmp_path / "kb", "logout.md", page).problems
    assert [p.title for p in problems] == ["কারণ ছাড়াই লগআউট হয়ে যায়", "সমাধান কেন্দ্রে টিকিট খোলে না"]
    assert problems[0].cause == ""


# A Tamil product's help page: a numbered `##` heading per problem, its parts in `###` sub-headings.
TAMIL_SUBHEADINGS = """\
# சில்லறை விற்பனை மென்பொருள் – பொதுவான பிழைகள்

## 1. பார்கோடு ஸ்கேனர் எண்களை இரண்டு முறை உள்ளிடுகிறது

### அறிகுறி
ஒவ்வொரு பொருளும் பில்லில் இரண்டு முறை சேர்க்கப்படுகிறது.

### காரணம்
ஸ்கேனரின் பின்னொட்டு அமைப்பில் இரண்டு Enter விசைகள் உள்ளன.

### தீர்வு
1. ஸ்கேனர் கையேட்டில் உள்ள **Suffix: CR** பார்கோடை ஸ்கேன் செய்யவும்.
2. சோதனைக்கு ஒரு பொருளை ஸ்கேன் செய்யவும்.

## 2. விலைப் பட்டியல் ஏற்றுமதி தோல்வியடைகிறது

### அறிகுறி
ஏற்றுமதி பொத்தானை அழுத்தியதும் இந்தச் செய்தி தோன்றுகிறது:

```
Export failed: the file price_list.xlsx is open in another program
```

### காரணம்
அதே கோப்பு Excel-இல் திறந்திருக்கிறது.

### தீர்வு
1. Excel-ஐ மூடவும்.
2. மீண்டும் **ஏற்றுமதி** அழுத்தவும்.
"""


def test_tamil_part_subheadings_are_a_problem_s_parts(tmp_path: Path) -> None:
    """அறிகுறி, காரணம் and தீர்வு are the symptoms, cause and fix of the heading above them (review R7 §4):
    each was a problem of its own, titled by the label, its symptoms and cause read as steps."""
    article = read(tmp_path / "kb", "billing-errors.md", TAMIL_SUBHEADINGS)
    assert [p.title for p in article.problems] == [
        "பார்கோடு ஸ்கேனர் எண்களை இரண்டு முறை உள்ளிடுகிறது",
        "விலைப் பட்டியல் ஏற்றுமதி தோல்வியடைகிறது",
    ]
    scanner, export = article.problems
    assert scanner.symptoms == "ஒவ்வொரு பொருளும் பில்லில் இரண்டு முறை சேர்க்கப்படுகிறது."
    assert scanner.cause == "ஸ்கேனரின் பின்னொட்டு அமைப்பில் இரண்டு Enter விசைகள் உள்ளன."
    assert [s.number for s in scanner.steps] == ["1", "2"]
    assert export.error_messages == ["Export failed: the file price_list.xlsx is open in another program"]
    assert export.cause == "அதே கோப்பு Excel-இல் திறந்திருக்கிறது."
    assert [s.text for s in export.steps] == ["Excel-ஐ மூடவும்.", "மீண்டும் ஏற்றுமதி அழுத்தவும்."]
    build_index([tmp_path / "kb"], tmp_path / "index.db")
    best = match(KnowledgeBase(tmp_path / "index.db"), "விலைப் பட்டியல் ஏற்றுமதி தோல்வியடைகிறது").matches[0]
    assert best.problem.id == "billing-errors#2"


def test_a_tamil_heading_that_only_opens_with_a_part_s_word_is_a_problem(tmp_path: Path) -> None:
    """Guard: "காரணம் தெரியாமல் …" (for no known reason, …) titles a problem, no cause."""
    page = (
        "# சில்லறை விற்பனை மென்பொருள்\n\n"
        "## காரணம் தெரியாமல் மென்பொருள் மூடுகிறது\n\n"
        "பில் போடும்போது மென்பொருள் திடீரென மூடுகிறது.\n\n"
        "1. புதிய பதிப்பை நிறுவவும்.\n2. கணினியை மறுதொடக்கம் செய்யவும்.\n\n"
        "## அச்சுப்பொறி பதிலளிக்கவில்லை\n\n"
        "அச்சு பொத்தானை அழுத்தினால் எதுவும் நடக்கவில்லை.\n\n"
        "1. அச்சுப்பொறியை இயக்கவும்.\n"
    )
    problems = read(tmp_path / "kb", "crash.md", page).problems
    assert [p.title for p in problems] == ["காரணம் தெரியாமல் மென்பொருள் மூடுகிறது", "அச்சுப்பொறி பதிலளிக்கவில்லை"]
    assert (problems[0].cause, len(problems[0].steps)) == ("", 2)


# A Swahili agent app's help page: a problem per heading, its parts in bold labels.
SWAHILI_LABELS = """\
# Programu ya Wakala: matatizo ya kawaida

## Salio la wakala halionekani

**Dalili:** Ukurasa wa mwanzo unaonyesha "Salio: --" badala ya kiasi.

**Chanzo:** Programu haijasasisha data tangu ulipoingia mara ya mwisho.

**Suluhisho:**

1. Vuta ukurasa chini ili kusasisha.
2. Kama bado haionekani, toka na uingie tena.

> **Kumbuka:** Salio husasishwa kila baada ya dakika 5.

## Risiti haitumwi kwa mteja

**Dalili:** Mteja hapokei SMS ya risiti baada ya muamala.

**Chanzo:** Namba ya mteja imeandikwa bila msimbo wa nchi.

**Suluhisho:**

1. Fungua **Historia** na uchague muamala.
2. Bonyeza **Tuma risiti tena** na uandike namba kwa +255.
"""


def test_swahili_bold_labels_are_a_problem_s_parts(tmp_path: Path) -> None:
    """Dalili, Chanzo and Suluhisho are the symptoms, cause and fix (review R7 §8): the cause was read as
    more symptoms, and the labels' words were left in them."""
    article = read(tmp_path / "kb", "wakala.md", SWAHILI_LABELS)
    balance, receipt = article.problems
    assert balance.symptoms == 'Ukurasa wa mwanzo unaonyesha "Salio: --" badala ya kiasi.'
    assert balance.cause == "Programu haijasasisha data tangu ulipoingia mara ya mwisho."
    assert [s.text for s in balance.steps] == [
        "Vuta ukurasa chini ili kusasisha.",
        "Kama bado haionekani, toka na uingie tena.",
    ]
    assert [n.text for n in balance.notes] == ["Kumbuka: Salio husasishwa kila baada ya dakika 5."]
    assert receipt.symptoms == "Mteja hapokei SMS ya risiti baada ya muamala."
    assert receipt.cause == "Namba ya mteja imeandikwa bila msimbo wa nchi."
    assert len(receipt.steps) == 2


# An Urdu help centre's page, right to left: a numbered problem per heading, its parts in bold labels.
URDU_LABELS = """\
<!DOCTYPE html>
<html lang="ur" dir="rtl"><head><meta charset="utf-8"><title>موبائل ٹاپ اپ – مسائل</title></head>
<body><article>
<h1>موبائل ٹاپ اپ کے مسائل</h1>
<h2>بیلنس منتقل نہیں ہوا</h2>
<p><b>علامات:</b> رقم کٹ گئی مگر موبائل پر بیلنس نہیں آیا۔</p>
<p><b>وجہ:</b> موبائل کمپنی کا نظام عارضی طور پر بند تھا۔</p>
<p><b>حل:</b></p>
<ol><li>دوبارہ ٹاپ اپ نہ کریں۔</li><li>ایک گھنٹہ انتظار کریں۔</li></ol>
<h2>نمبر قبول نہیں ہوتا</h2>
<p><b>علامات:</b> نمبر درج کرنے پر بٹن بند رہتا ہے۔</p>
<p><b>وجہ:</b> نمبر کے شروع میں ۰ نہیں لکھا گیا۔</p>
<p><b>حل:</b></p>
<ol><li>نمبر ۰۳ سے شروع کریں۔</li></ol>
</article></body></html>
"""


def test_urdu_bold_labels_are_a_problem_s_parts(tmp_path: Path) -> None:
    """علامات, وجہ and حل are the symptoms, cause and fix (review R7 §8)."""
    article = read(tmp_path / "kb", "top-up.html", URDU_LABELS)
    assert [p.title for p in article.problems] == ["بیلنس منتقل نہیں ہوا", "نمبر قبول نہیں ہوتا"]
    balance, number = article.problems
    assert balance.symptoms == "رقم کٹ گئی مگر موبائل پر بیلنس نہیں آیا۔"
    assert balance.cause == "موبائل کمپنی کا نظام عارضی طور پر بند تھا۔"
    assert [s.text for s in balance.steps] == ["دوبارہ ٹاپ اپ نہ کریں۔", "ایک گھنٹہ انتظار کریں۔"]
    assert number.cause == "نمبر کے شروع میں ۰ نہیں لکھا گیا۔"


# An Azerbaijani team's TiddlyWiki: a problem per `!!` heading, its parts in italic-bold labels.
AZERBAIJANI_TIDDLER = """\
title: Terminal xətaları
type: text/vnd.tiddlywiki

!! Kart oxunmur

''Əlamət:'' Kartı taxdıqda terminal heç nə göstərmir.

''Səbəb:'' Kart oxuyucunun kontaktları çirklənib.

''Həll yolu:''

# Terminalı söndürün.
# Təmizləyici kartı üç dəfə keçirin.

!! Çek kağızı bitməyib, amma çap olunmur

''Əlamət:'' Ekranda "Kağız yoxdur" yazılır.

''Səbəb:'' Rulon tərs qoyulub.

''Həll yolu:''

# Rulonu termo tərəfi yuxarı olmaqla qoyun.
"""


def test_azerbaijani_labels_are_a_problem_s_parts(tmp_path: Path) -> None:
    """Əlamət, Səbəb and Həll yolu are the symptoms, cause and fix (review R7 §8)."""
    article = read(tmp_path / "kb", "terminal.tid", AZERBAIJANI_TIDDLER)
    card, paper = article.problems
    assert card.symptoms == "Kartı taxdıqda terminal heç nə göstərmir."
    assert card.cause == "Kart oxuyucunun kontaktları çirklənib."
    assert [s.text for s in card.steps] == ["Terminalı söndürün.", "Təmizləyici kartı üç dəfə keçirin."]
    assert paper.cause == "Rulon tərs qoyulub."


def test_a_swahili_heading_that_only_opens_with_a_part_s_word_is_a_problem(tmp_path: Path) -> None:
    """Guard: "Sababu za muamala kukataliwa" (why a transaction is refused) titles a problem, no cause."""
    page = (
        "# Programu ya Wakala\n\n"
        "## Sababu za muamala kukataliwa\n\n"
        "Muamala unakataliwa bila ujumbe.\n\n"
        "1. Hakikisha salio la e-float.\n2. Jaribu tena.\n\n"
        "## Suluhisho halionekani kwenye menyu\n\n"
        "Menyu ya msaada iko tupu.\n\n"
        "1. Sasisha programu.\n"
    )
    problems = read(tmp_path / "kb", "sababu.md", page).problems
    assert [p.title for p in problems] == [
        "Sababu za muamala kukataliwa",
        "Suluhisho halionekani kwenye menyu",
    ]
    assert problems[0].cause == ""


# An Azerbaijani TiddlyWiki's problem whose fix ends in a `<<<` block quote of advice ("Qeyd:", a note).
AZERBAIJANI_NOTE = """\
title: Terminal növbələri
type: text/vnd.tiddlywiki

!! Növbə bağlanmır

Z-hesabat düyməsi basıldıqda heç nə olmur.

# Bütün açıq çekləri bağlayın.
# ''Z-hesabat'' düyməsini yenidən basın.

<<<
Qeyd: Bağlanmış növbənin çeklərini sonra dəyişmək olmur.
<<<

!! Ekran donub

Terminal toxunuşa cavab vermir.

# Terminalı 10 saniyə söndürün.
"""


def test_an_azerbaijani_quote_opened_by_qeyd_is_a_note(tmp_path: Path) -> None:
    """A quote that opens with "Qeyd:" (Note) is a note after the steps (review R7 §13): it was the
    problem's error message and glued to its last step."""
    shift = read(tmp_path / "kb", "novbe.tid", AZERBAIJANI_NOTE).problems[0]
    assert shift.error_messages == []
    assert [s.text for s in shift.steps] == [
        "Bütün açıq çekləri bağlayın.",
        "Z-hesabat düyməsini yenidən basın.",
    ]
    assert [(n.text, n.after) for n in shift.notes] == [
        ("Qeyd: Bağlanmış növbənin çeklərini sonra dəyişmək olmur.", True)
    ]
    page = "# Terminal\n\n## Növbə bağlanmır\n\nHeç nə olmur.\n\n1. Çekləri bağlayın.\n\n> Qeyd: Sonra dəyişmək olmur.\n"
    [problem] = read(tmp_path / "md", "novbe.md", page).problems
    assert (problem.error_messages, [n.text for n in problem.notes]) == ([], ["Qeyd: Sonra dəyişmək olmur."])


def test_a_quoted_message_that_opens_with_the_word_for_a_note_stays_a_message(tmp_path: Path) -> None:
    """Guard: "Qeyd edilməmiş çek: …" (an unregistered receipt: …) is the message a sentence introduces."""
    page = AZERBAIJANI_NOTE.replace(
        "Z-hesabat düyməsi basıldıqda heç nə olmur.\n",
        "Ekranda bu mesaj görünür:\n\n<<<\nQeyd edilməmiş çek: növbə bağlana bilməz (K-40)\n<<<\n",
    )
    shift = read(tmp_path / "kb", "novbe.tid", page).problems[0]
    assert shift.error_messages == ["Qeyd edilməmiş çek: növbə bağlana bilməz (K-40)"]


# A fix, then the help centre's feedback prompt after a rule, in each language's words.
FEEDBACK_PAGE = """\
# Router

## {title}

{symptoms}

1. {first}
2. {second}

---

{prompt}
"""
FEEDBACK_PROMPTS = [
    ("ro", "Acest răspuns v-a fost util? 👍 Da · 👎 Nu"),
    ("ro", "Acest articol v-a fost util?"),
    ("ta", "இந்தக் கட்டுரை உதவியாக இருந்ததா? 👍 ஆம் | 👎 இல்லை"),
    ("tl", "*Nakatulong ba ang artikulong ito?* Oo | Hindi"),
    ("sw", "Je, makala hii imekusaidia? Ndiyo | Hapana"),
    ("az", "Bu məqalə faydalı oldu mu? Bəli / Xeyr"),
    ("bn", "এই নিবন্ধটি কি সহায়ক ছিল? হ্যাঁ | না"),
    ("ur", "کیا یہ مضمون مددگار تھا؟ جی ہاں | نہیں"),
]


@pytest.mark.parametrize(
    ("language", "prompt"),
    FEEDBACK_PROMPTS,
    ids=[f"{lang}{i}" for i, (lang, _) in enumerate(FEEDBACK_PROMPTS)],
)
def test_a_feedback_prompt_after_the_last_rule_is_the_page_s(
    tmp_path: Path, language: str, prompt: str
) -> None:
    """ "Was this article helpful?" in Romanian, Tamil, Filipino, Swahili, Azerbaijani, Bengali and Urdu is
    page furniture, as it is in English, not a note after the last step (review R7 §15)."""
    page = FEEDBACK_PAGE.format(
        title="Viteza este mică",
        symptoms="Testul de viteză arată mult sub abonament.",
        first="Faceți testul prin cablu.",
        second="Opriți alte descărcări.",
        prompt=prompt,
    )
    [problem] = read(tmp_path / "kb", f"speed-{language}.md", page).problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == ["Faceți testul prin cablu.", "Opriți alte descărcări."]


def test_the_answer_buttons_under_a_feedback_prompt_are_the_page_s_too(tmp_path: Path) -> None:
    """A widget's buttons on a line of their own under the prompt ("Ndiyo Hapana") go with it."""
    page = FEEDBACK_PAGE.format(
        title="Salio halionekani",
        symptoms="Salio linaonyesha --.",
        first="Sasisha ukurasa.",
        second="Ingia tena.",
        prompt="Je, makala hii ilikusaidia?\n\nNdiyo Hapana",
    )
    [problem] = read(tmp_path / "kb", "salio.md", page).problems
    assert problem.notes == []
    assert [s.text for s in problem.steps] == ["Sasisha ukurasa.", "Ingia tena."]


def test_a_sentence_that_asks_whether_a_step_helped_stays_a_note(tmp_path: Path) -> None:
    """Guard: a question about the fix that goes on to say what to do is no feedback prompt."""
    page = FEEDBACK_PAGE.format(
        title="Viteza este mică",
        symptoms="Testul de viteză arată mult sub abonament.",
        first="Faceți testul prin cablu.",
        second="Opriți alte descărcări.",
        prompt="Dacă viteza tot este mică după acești pași, sunați la 0800 000 000 și cereți verificarea liniei.",
    )
    [problem] = read(tmp_path / "kb", "speed.md", page).problems
    assert len(problem.notes) == 1


def test_a_support_line_over_a_feedback_prompt_after_the_last_rule_is_the_page_s(tmp_path: Path) -> None:
    """A footer's support line (company, address, phone) and its feedback prompt on the next line, one
    paragraph, are the page's as each is alone (review R7 §15): together they were a note of the last fix,
    in English too."""
    for footer in (
        "Routerly Ltd. | Support: help@routerly.example | +44 20 7946 0000\nWas this article helpful? Yes / No",
        "NetAcasă SRL · Suport: suport@netacasa.example · 021 555 0100\nAcest articol v-a fost util? Da / Nu",
    ):
        page = FEEDBACK_PAGE.format(
            title="Slow speed",
            symptoms="The speed test shows less than the plan.",
            first="Test over cable.",
            second="Stop other downloads.",
            prompt=footer,
        )
        [problem] = read(tmp_path / "kb", "speed.md", page).problems
        assert problem.notes == [], footer
        assert [s.text for s in problem.steps] == ["Test over cable.", "Stop other downloads."]


def test_a_support_line_over_advice_after_the_last_rule_stays_a_note(tmp_path: Path) -> None:
    """Guard: where a line of the paragraph says what to do, it is the fix's, support line and all."""
    page = FEEDBACK_PAGE.format(
        title="Slow speed",
        symptoms="The speed test shows less than the plan.",
        first="Test over cable.",
        second="Stop other downloads.",
        prompt="Routerly Ltd. | Support: help@routerly.example | +44 20 7946 0000\n"
        "If the speed is still low, reset the router to its factory settings.",
    )
    [problem] = read(tmp_path / "kb", "speed.md", page).problems
    assert len(problem.notes) == 1


# An Urdu help centre's page that numbers its problems in its own digits ("مسئلہ ۱: …").
URDU_NUMBERED = """\
<html lang="ur" dir="rtl"><head><meta charset="utf-8"><title>بل ادائیگی</title></head><body><article>
<h1>بل ادائیگی کے مسائل</h1>
<h2>مسئلہ ۱: رسید ڈاؤن لوڈ نہیں ہوتی</h2>
<p>رسید کا بٹن دبانے پر کچھ نہیں ہوتا۔</p>
<ol><li>ایپ کو اسٹوریج کی اجازت دیں۔</li></ol>
<h2>مسئلہ ۲: کیو آر کوڈ اسکین نہیں ہوتا</h2>
<p>کیمرہ کھلتا ہے مگر کوڈ نہیں پڑھتا۔</p>
<ol><li>کیمرہ کا لینس صاف کریں۔</li></ol>
</article></body></html>
"""


def test_a_numbered_problem_s_word_and_a_question_s_mark_are_left_out_of_its_title(tmp_path: Path) -> None:
    """ "مسئلہ ۱:", "সমস্যা ১:", "சிக்கல் 1:", "Проблем 1:", "Problem br. 1:", "Tatizo la 1:", and "Î:", "Swali:",
    "Sual:" are left out of the title the answer shows, as "Problem 1:" and "Q:" are (review R7 §16)."""
    titles = [p.title for p in read(tmp_path / "kb", "bill.html", URDU_NUMBERED).problems]
    assert titles == ["رسید ڈاؤن لوڈ نہیں ہوتی", "کیو آر کوڈ اسکین نہیں ہوتا"]
    for first, second in (
        ("সমস্যা ১: অ্যাপ খোলে না", "সমস্যা ২: OTP আসে না"),
        ("சிக்கல் 1: அச்சு மங்கலாக உள்ளது", "சிக்கல் 2: பில் சேமிக்கப்படவில்லை"),
        ("Проблем 1: Фактурата не се изпраща", "Проблем 2: Подписът е изтекъл"),
        ("Problem br. 1: Račun nije fiskaliziran", "Problem br. 2: Pogrešan OIB"),
        ("Tatizo la 1: Salio halionekani", "Tatizo la 2: Risiti haitumwi"),
        ("Î: Routerul nu pornește.", "Î: Wi-Fi-ul se deconectează des."),
        ("Swali: Kwa nini salio halionekani?", "Swali: Kwa nini risiti haitumwi?"),
        ("Sual: Kassa niyə bloklanıb?", "Sual: Çek niyə çap olunmur?"),
    ):
        page = f"# Help\n\n## {first}\n\nIt fails.\n\n1. Restart it.\n\n## {second}\n\nIt fails.\n\n1. Update it.\n"
        titles = [p.title for p in read(tmp_path / "kb", "numbered.md", page).problems]
        assert titles == [first.split(": ", 1)[1], second.split(": ", 1)[1]]


def test_a_title_that_only_opens_with_a_problem_s_word_keeps_it(tmp_path: Path) -> None:
    """Guard: "Проблем с печата" (a problem with printing) and "Tatizo la mtandao" (a network problem) number
    nothing: the word is the title's."""
    page = (
        "# Help\n\n## Проблем с печата на фактури\n\nIt fails.\n\n1. Restart it.\n\n"
        "## Tatizo la mtandao kwenye simu mpya\n\nIt fails.\n\n1. Update it.\n"
    )
    titles = [p.title for p in read(tmp_path / "kb", "words.md", page).problems]
    assert titles == ["Проблем с печата на фактури", "Tatizo la mtandao kwenye simu mpya"]


# A TiddlyWiki's warning after a fix, set in red with its inline style markup.
STYLED_TIDDLER = """\
title: Terminal əlaqəsi
type: text/vnd.tiddlywiki

!! Vergi serveri ilə əlaqə yoxdur

Çeklər serverə göndərilmir.

# Şəbəkə kabelini yoxlayın.
# Terminalı yenidən başladın.

@@color:red;font-weight:bold;''Diqqət:'' Terminal 72 saat əlaqəsiz qalsa, bloklanır.@@

!! Ekran donub

Terminal toxunuşa cavab vermir.

# Terminalı söndürüb yandırın.

@@.warning
Yeniləmə zamanı terminalı söndürməyin.
@@
"""


def test_tiddlywiki_styled_text_is_read_without_its_style_marks(tmp_path: Path) -> None:
    """``@@color:red;…@@`` (and a class's ``@@.warning`` block) style text: the note is its words, not the
    marks and the CSS (review R7 §17)."""
    server, screen = read(tmp_path / "kb", "elaqe.tid", STYLED_TIDDLER).problems
    assert [n.text for n in server.notes] == ["Diqqət: Terminal 72 saat əlaqəsiz qalsa, bloklanır."]
    assert [s.text for s in server.steps] == ["Şəbəkə kabelini yoxlayın.", "Terminalı yenidən başladın."]
    assert [n.text for n in screen.notes] == ["Yeniləmə zamanı terminalı söndürməyin."]


def test_an_address_in_a_tiddler_keeps_its_at_sign(tmp_path: Path) -> None:
    """Guard: one "@" is no style mark ("destek@kassa.example"), nor are "@@" in code."""
    page = STYLED_TIDDLER.replace(
        "Terminal toxunuşa cavab vermir.", "Terminal toxunuşa cavab vermir, destek@kassa.example yazın."
    ).replace("# Terminalı söndürüb yandırın.", "# Terminalı söndürüb yandırın: {{{reboot @@now@@}}}")
    screen = read(tmp_path / "kb", "elaqe.tid", page).problems[1]
    assert screen.symptoms == "Terminal toxunuşa cavab vermir, destek@kassa.example yazın."
    assert screen.steps[0].text == "Terminalı söndürüb yandırın: reboot @@now@@"
