"""Document types: the controlled starting list, and guessing a type from a title.

Titles in digital archives of declassified documents almost always state the type first
("Cable from the Chinese Interior Ministry, 'Reply to the Letter ...'", "Journal of Soviet
Ambassador ...", "Memo of Conversation of ..."). ``guess_document_type`` reads the leading
words of a title, skipping qualifiers such as "Top Secret", "Draft" or "Excerpt from", and
falls back to the head noun of the title's first phrase ("Soviet Embassy Report on ...").
``normalise_document_type`` maps a free value from another catalogue ("CABLE", "MEETING
MINUTES", "memo") onto the list, keeping values it does not know, title-cased.
"""

from __future__ import annotations

import re

from catalog.domain.names import fold

DOCUMENT_TYPES: tuple[str, ...] = (
    "Agreement",
    "Bulletin",
    "Cable",
    "Decree",
    "Information",
    "Instruction",
    "Intelligence Brief",
    "Interview",
    "Journal/Diary",
    "Letter",
    "Memorandum",
    "Memorandum of Conversation",
    "Minutes",
    "Note",
    "Notes",
    "Record of Conversation",
    "Report",
    "Resolution",
    "Speech",
    "Statement",
    "Telegram",
    "Transcript",
)
"""The controlled list archivists start with (they can extend it), in alphabetical order."""

# Words (folded) that name a type wherever they stand in a title, by the type they name:
# English and Russian nouns, and the placeholders that the phrases below collapse into.
_NOUN_SPEC: dict[str, str] = {
    "Agreement": "agreement agreements treaty соглашение договор",
    "Bulletin": "bulletin bulletins бюллетень",
    "Cable": "cable cables",
    "Decree": "decree decrees указ",
    "Information": "information справка информация",
    "Instruction": "instruction instructions directive directives директива инструкция "
    "указание указания",
    "Intelligence Brief": "intelbrief",
    "Interview": "interview interviews интервью",
    "Journal/Diary": "journal diary diaries дневник",
    "Letter": "letter letters письмо",
    "Memorandum": "memorandum memoranda memorandums memo memos записка меморандум",
    "Memorandum of Conversation": "memcon",
    "Minutes": "minutes протокол",
    "Note": "note нота",
    "Notes": "notes",
    "Record of Conversation": "reccon",
    "Report": "report reports отчет доклад",
    "Resolution": "resolution resolutions постановление резолюция",
    "Speech": "speech speeches речь выступление",
    "Statement": "statement statements заявление",
    "Telegram": "telegram telegrams telex телеграмма шифртелеграмма шифровка",
    "Transcript": "transcript transcripts стенограмма",
}
_NOUNS = {word: kind for kind, words in _NOUN_SPEC.items() for word in words.split()}

# Chinese, Japanese and Korean titles name the type at the end of their first phrase
# ("周恩来与金日成谈话记录", "중국대사관 전보"): these endings, longest first where they overlap.
_CJK_TERMS: tuple[tuple[str, str], ...] = (
    ("谈话记录", "Record of Conversation"),
    ("会谈记录", "Record of Conversation"),
    ("谈话纪要", "Record of Conversation"),
    ("대화록", "Record of Conversation"),
    ("면담록", "Record of Conversation"),
    ("会议记录", "Minutes"),
    ("纪要", "Minutes"),
    ("회의록", "Minutes"),
    ("备忘录", "Memorandum"),
    ("비망록", "Memorandum"),
    ("电报", "Cable"),
    ("전보", "Cable"),
    ("电文", "Cable"),
    ("信件", "Letter"),
    ("来信", "Letter"),
    ("的信", "Letter"),
    ("函", "Letter"),
    ("서한", "Letter"),
    ("편지", "Letter"),
    ("报告", "Report"),
    ("보고서", "Report"),
    ("日记", "Journal/Diary"),
    ("일지", "Journal/Diary"),
    ("일기", "Journal/Diary"),
    ("讲话", "Speech"),
    ("연설", "Speech"),
    ("声明", "Statement"),
    ("성명", "Statement"),
    ("协定", "Agreement"),
    ("协议", "Agreement"),
    ("협정", "Agreement"),
    ("决议", "Resolution"),
    ("결의", "Resolution"),
    ("指示", "Instruction"),
    ("通报", "Bulletin"),
)
_CJK = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_PHRASE_END = re.compile("[：:，,;；“”「『《(（]")

# Phrases that name a type in several words, collapsed into one word of _NOUNS before the
# title is read. They run on folded words joined by single spaces, in this order.
_ARTICLE = r"(?:(?:a|an|the) )?"
_TALK = r"(?:conversations?|talks?|discussions?)"
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\bmemo(?:randum|randa)? (?:of|on) {_ARTICLE}{_TALK}\b"), "memcon"),
    (re.compile(r"\bmemcons?\b"), "memcon"),
    (
        re.compile(rf"\b(?:record|records|notes|minutes|summary) (?:of|on) {_ARTICLE}{_TALK}\b"),
        "reccon",
    ),
    (re.compile(r"^conversations? (?=with\b|between\b)"), "reccon "),
    (re.compile(rf"\brecords? (?:of|on) {_ARTICLE}meetings?\b"), "minutes"),
    (re.compile(r"\bmeeting minutes\b"), "minutes"),
    (re.compile(r"\bintelligence briefs?\b"), "intelbrief"),
    (re.compile(r"\bjournal diary\b"), "journal"),
    (re.compile(r"\bзапись (?:беседы|разговора)\b"), "reccon"),
)

# Any of the phrases: where none is found, no substitution would change anything.
_ANY_PHRASE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _PHRASES))


def _words_set(text: str) -> frozenset[str]:
    """The words of a text, as a set."""
    return frozenset(text.split())


# Words that may precede the type at the start of a title ("Top Secret Cable", "Draft
# Letter", "Excerpt from the Diary ..."); each may be followed by one of _LINKS.
_QUALIFIERS = _words_set(
    "a an the draft excerpt excerpts extract extracts copy text translation top "
    "secret strictly confidential urgent very immediate priority flash ciphered "
    "cipher coded code encrypted enciphered official personal private special joint "
    "final revised original full partial untitled "
    "совершенно секретно секретный срочно проект копия выписка докладная памятная служебная"
)
_LINKS = frozenset({"from", "of", "из"})

# Words that end the first phrase of a title: its head noun stands just before them.
_PREPOSITIONS = _words_set(
    "from to on of about by with for between concerning regarding re in at among and "
    "upon into after before during от к о об в на по с из для между и"
)

# Where the first phrase of a title ends: a comma, semicolon, colon, dash or an opening
# quote (not an apostrophe inside a word, as in "People's"). Brackets are editorial
# insertions ("with [North] Korean Consul") and do not end it.
_PHRASE_END = re.compile(r"[,;:]|\s[-–—]|[–—]|(?<=\s)['‘’\"“”«„]")

# What a title may start with before its first word: spaces, quotes, brackets, bullets.
_LEADING_JUNK = " \t'‘’\"“”«»„‹›[]()<>{}*•·-–—"

# A word: letters and digits, with apostrophes inside ("zhou's" is not "zhou").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_PLACEHOLDERS = frozenset({"", "unknown", "none", "null", "n a", "na", "other", "unspecified"})

_BY_KEY: dict[str, str] = {fold(t): t for t in DOCUMENT_TYPES}


def _words(text: str) -> list[str]:
    """Folded words of a text, with multi-word type phrases collapsed into one word."""
    joined = " ".join(_WORD.findall(fold(text)))
    if _ANY_PHRASE.search(joined) is None:  # most titles: no phrase to collapse
        return joined.split()
    for pattern, replacement in _PHRASES:
        joined = pattern.sub(replacement, joined)
    return joined.split()


def _skip_qualifiers(words: list[str]) -> int:
    """Index of the first word after the leading qualifiers of a title."""
    i = 0
    while i < len(words) and words[i] in _QUALIFIERS:
        i += 1
        if i < len(words) and words[i] in _LINKS and words[i - 1] not in {"a", "an", "the"}:
            i += 1
    return i


def _cjk_type(title: str) -> str:
    """The type named by the term that ends last in the first phrase of a CJK title."""
    match = _CJK_PHRASE_END.search(title)
    phrase = title[: match.start()] if match else title
    best, best_end = "", -1
    for term, kind in _CJK_TERMS:
        at = phrase.rfind(term)
        if at >= 0 and at + len(term) > best_end:
            best, best_end = kind, at + len(term)
    return best


def guess_document_type(title: str) -> str:
    """The document type a title states, from ``DOCUMENT_TYPES``; "" when none fits.

    The leading words decide first ("Cable from ..., 'Reply to the Letter ...'" is a
    cable); Russian titles are read the same way ("Запись беседы ..."). A Chinese or
    Korean title is named by the term its first phrase ends with ("...谈话记录").
    Otherwise the head noun of the first phrase (before the first comma, colon, quote or
    preposition) decides: "Soviet Embassy Report on ..." is a report.

    >>> guess_document_type("Memo of Conversation of Deputy Office Director Huang Yugui")
    'Memorandum of Conversation'
    """
    title = title.lstrip(_LEADING_JUNK)
    words = _words(title)
    start = _skip_qualifiers(words)
    if start < len(words) and words[start] in _NOUNS:
        return _NOUNS[words[start]]
    if _CJK.search(title):
        found = _cjk_type(title)
        if found:
            return found
    # The first phrase: up to a punctuation mark, then up to the first preposition.
    match = _PHRASE_END.search(title)
    head = _words(title[: match.start()] if match else title)
    phrase: list[str] = []
    for word in head[_skip_qualifiers(head) :]:
        if word in _PREPOSITIONS:
            break
        phrase.append(word)
    for word in reversed(phrase):
        if word in _NOUNS:
            return _NOUNS[word]
    return ""


def _title_case(text: str) -> str:
    """Each word capitalised, the rest lower case ("MEETING MINUTES" -> "Meeting Minutes")."""
    return _WORD.sub(lambda m: m[0][:1].upper() + m[0][1:].lower(), text)


def normalise_document_type(value: str) -> str:
    """Map a free document-type value onto ``DOCUMENT_TYPES``, ignoring case.

    Known values and their synonyms ("CABLE", "memo", "MEETING MINUTES", "Diary") become
    the listed form; placeholders ("Unknown", "N/A", "") become ""; anything else is kept,
    with its spaces tidied and title-cased ("PHOTOGRAPH" -> "Photograph").
    """
    value = " ".join(value.split())
    key = fold(value)
    if key in _BY_KEY:
        return _BY_KEY[key]
    if " ".join(_words(value)) in _PLACEHOLDERS:
        return ""
    guessed = guess_document_type(value)
    return guessed or _title_case(value)
