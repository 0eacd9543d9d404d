"""Folding, stop words and language detection of the lexical side, table-driven."""

import pytest

from glocal.lib.textnorm import detect_language, fold, script_of, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Égalité À Köln", "egalite a koln"),
        ("Ζωή Άμυνα", "ζωη αμυνα"),  # Greek accents go; final sigma would be σ
        ("أحمد إلى آخر مكتبة", "احمد الي اخر مكتبه"),  # alef forms, alef maqsura, teh marbuta
        ("العـــربيّة", "العربيه"),  # tatweel and shadda go
        ("Ђачки језик", "djacki jezik"),  # Serbian Cyrillic to Latin
        ("Đački jezik", "djacki jezik"),  # and Serbian Latin meets it
        ("Gjuhë për të rriturit", "gjuhe per te rriturit"),
        ("İstanbul ışık", "istanbul isik"),
    ],
)
def test_fold_makes_spellings_of_one_word_meet(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cours de langue pour les adultes", ["cours", "langue", "adultes"]),
        ("Sprachkurse für die Erwachsenen", ["sprachkurse", "erwachsenen"]),
        ("kursevi jezika za odrasle", ["kursevi", "jezika", "odrasle"]),
        ("курсеви језика за одрасле", ["kursevi", "jezika", "odrasle"]),
        ("kurse gjuhe për të rriturit", ["kurse", "gjuhe", "rriturit"]),
        ("دورات اللغة في المكتبة", ["دورات", "لغه", "مكتبه"]),  # article and stop word off
        ("elderly care", ["elderly", "care"]),  # English content words survive other lists
    ],
)
def test_tokens_drop_stop_words_of_every_interface_language(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Language courses for the adults of the town", "en"),
        ("Des cours de langue pour les adultes de la ville", "fr"),
        ("Sprachkurse für die Erwachsenen der Stadt", "de"),
        ("Corsi di lingua per gli adulti della città", "it"),
        ("Kursevi jezika za odrasle koji žive u gradu", "sr"),
        ("Курсеви језика за одрасле који живе у граду", "sr"),
        ("Курсы языка для взрослых, что живут в городе", "ru"),
        ("Kurse gjuhe për të rriturit që jetojnë në qytet", "sq"),
        ("دورات لغة للكبار في المدينة", "ar"),
        ("Μαθήματα γλώσσας για ενήλικες", "el"),
        ("health", ""),  # one content word says nothing
    ],
)
def test_detect_language_from_script_and_function_words(text, language):
    assert detect_language(text) == language


def test_script_of_counts_letters_not_digits():
    assert script_of("2024: Ђачки") == "cyrillic"
    assert script_of("123") == "other"
