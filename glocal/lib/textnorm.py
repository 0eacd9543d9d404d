"""Text normalisation per script, stop words and language detection for lexical search.

``fold(text)`` makes the spellings of one word meet: lower case; Latin and Greek accents
removed (``é`` → ``e``, ``ë`` → ``e``, ``ά`` → ``α``); Arabic short vowels, tatweel and the
alef, yeh and teh-marbuta variants unified; Cyrillic transliterated to Latin the way
Serbian writes it, so that ``вода`` and ``voda`` are one word. ``detect_language(text)``
names the language of a text from its script and its function words, or says ``""``.
The stop-word lists are short and written for this project: the most frequent function
words of each interface language, never a word that is also an English content word
(``care``, ``war``, ``come``).
"""

import re
import unicodedata

LATIN, CYRILLIC, ARABIC, GREEK, OTHER = "latin", "cyrillic", "arabic", "greek", "other"

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي",
                                 "ة": "ه", "ؤ": "و", "ئ": "ي", "ی": "ي", "ک": "ك"})  # fmt: skip
# Arabic clitics written together with the word: "and the", "with the", "for the", "the".
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяђјљњћџіїєґ",
                     "a b v g d e e z z i j k l m n o p r s t u f h c c s sc _ y _ e ju ja "
                     "dj j lj nj c dz i ji je g".split(), strict=True))  # fmt: skip
_TRANSLITERATION = str.maketrans({k: ("" if v == "_" else v) for k, v in _CYRILLIC.items()}
                                 | {"đ": "dj", "ß": "ss", "ł": "l", "ø": "o", "æ": "ae",
                                    "œ": "oe", "ı": "i", "ς": "σ"})  # fmt: skip
WORD = re.compile(r"\w+")
MIN_TOKEN_LENGTH = 2  # one-letter tokens ("s" of "citizens'", "q" of "Q&A") are noise


_TO_CYRILLIC = [("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("dj", "ђ")] + list(
    zip("abvgdezijklmnoprstufhc", "абвгдезијклмнопрстуфхц", strict=True)
)


def to_serbian_cyrillic(folded: str) -> str:
    """Folded Serbian Latin written in Cyrillic (č, ć, š, ž are already c, c, s, z)."""
    for latin, cyrillic in _TO_CYRILLIC:
        folded = folded.replace(latin, cyrillic)
    return folded


def script_of_char(char: str) -> str:
    code = ord(char)
    if char.isascii():
        return LATIN if char.isalpha() else OTHER
    if 0x00C0 <= code <= 0x024F or 0x1E00 <= code <= 0x1EFF:
        return LATIN
    if 0x0400 <= code <= 0x04FF:
        return CYRILLIC
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return ARABIC
    if 0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF:
        return GREEK
    return OTHER


def script_of(text: str) -> str:
    """The script most of the text's letters are written in."""
    counts: dict[str, int] = {}
    for char in text[:2000]:
        if char.isalpha():
            script = script_of_char(char)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else OTHER


def fold(text: str) -> str:
    """Lower case, one spelling per letter across accents, Arabic forms and Serbian scripts."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    text = text.translate(_TRANSLITERATION)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_arabic_article(word: str) -> str:
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def words(text: str) -> list[str]:
    """Folded words of two letters or more, the Arabic article taken off."""
    return [
        strip_arabic_article(word)
        for word in WORD.findall(fold(text))
        if len(word) >= MIN_TOKEN_LENGTH
    ]


_STOP_WORDS_WRITTEN = {
    "en": "a an and are as at be but by for if in into is it no not of on or such that the "
    "their then there these they this to was will with",
    "fr": "le la les de des du un une et en est que qui dans pour par sur au aux avec ce ces "
    "il elle ils elles ne pas plus ou sa ses se leur leurs nous vous mais comme sont été être "
    "cette aussi",
    "de": "der die das und ist nicht von sie des sich mit dem dass ein eine einer einen auf "
    "auch als nach wie im für aus wird bei um am sind noch zu zum zur den oder werden wurde",
    "it": "il lo la le gli di da del della delle dei degli che per con non una uno sono nel "
    "nella alla alle al si più anche questo questa",
    "es": "el la los las de del que y en se por un una para con no su sus al lo como más pero "
    "este esta está ya muy",
    "ro": "și în de la cu pe din ce un o al ai ale este sunt se să nu mai pentru că fost prin "
    "sau dar",
    "sq": "dhe të në për me nga që një është janë se si ka kanë por ose më do ky kjo këtë ai "
    "ajo tyre tij saj",
    "sr": "i u na je za da se su od sa kao ili ali koji koja koje to ne iz do po kako što biti "
    "bio bila smo ste jer već još samo",
    "uk": "і в на з що до як не та за у це для від він вона але або по так його їх є був",
    "ru": "и в на не что с по это как для от к из за у о а но или так же то все его она он "
    "они был была были быть при до ли",
    "el": "και το η ο του της των τα οι να σε με για από που στο στη στην στον ένα μια είναι "
    "δεν θα τον την τις τους ως αλλά ή",
    "tr": "ve bir bu da de için ile mi ne çok gibi daha olan olarak en ki ya veya şu",
    "ar": "في من على إلى عن مع هذا هذه ذلك التي الذي الذين أو ثم كان كانت هو هي هم ما لا لم "
    "لن قد كل بعض أن إن أي بين عند كما حيث أيضا",
}
STOP_WORDS_BY_LANGUAGE = {
    language: frozenset(words(text)) for language, text in _STOP_WORDS_WRITTEN.items()
}
STOP_WORDS = frozenset().union(*STOP_WORDS_BY_LANGUAGE.values())
LANGUAGES_OF_SCRIPT = {
    LATIN: ("en", "fr", "de", "it", "es", "ro", "sq", "sr", "tr"),
    CYRILLIC: ("sr", "uk", "ru"),
    ARABIC: ("ar",),
    GREEK: ("el",),
}
# Letters only one of the Cyrillic languages uses.
_CYRILLIC_MARKERS = {"sr": set("ђјљњћџ"), "uk": set("іїєґ"), "ru": set("ыэёъ")}


def tokens(text: str) -> list[str]:
    """The words lexical search indexes: folded, without the stop words of any language."""
    return [word for word in words(text) if word not in STOP_WORDS]


def detect_language(text: str) -> str:
    """An ISO 639-1 code (one of the stop-word languages), or "" when the text says too little."""
    script = script_of(text)
    candidates = LANGUAGES_OF_SCRIPT.get(script, ())
    if len(candidates) == 1:
        return candidates[0]
    if script == CYRILLIC:
        letters = set(text.lower())
        marked = [lang for lang, marks in _CYRILLIC_MARKERS.items() if letters & marks]
        if len(marked) == 1:
            return marked[0]
    folded = words(text[:5000])
    counts = {lang: sum(w in STOP_WORDS_BY_LANGUAGE[lang] for w in folded) for lang in candidates}
    best = max(counts.values(), default=0)
    winners = [lang for lang, count in counts.items() if count == best]
    return winners[0] if best > 0 and len(winners) == 1 else ""
