"""Whether the name on a document is the applicant's: tolerant of spelling and of OCR slips.

The same person is written "Sæther", "Saether" or "Sather", "Łukaszewicz" or "Lukaszewicz",
"Øverås" or "Oeveraas", in capitals or not, with or without a middle name, surname first or
last; and OCR reads "Sæther" as "Sæthcr". Both names are first brought to one plain form
(casefolded, diacritics dropped, the Nordic letters and their ASCII spellings made one), then
compared word by word, allowing one slip (a letter added, dropped or changed) for every ten
letters begun; the letters OCR leaves out (Vietnamese "ạ", "ị", "ả") may be missing. A name
a slip or two further off is near (:func:`name_likeness`): an OCR misread of the applicant's
name as likely as a relative's, which a person decides. Pure Python: no Django, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "æ": "a",
        "ø": "o",
        "œ": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "ı": "i",
        "ŋ": "n",
    }
)
# The ASCII spellings of æ, ø and å (and German ö, ä, ü), made the same as the letters.
_DIGRAPHS = re.compile(r"ae|oe|aa|ue")
_DIGRAPH_LETTER = {"ae": "a", "oe": "o", "aa": "a", "ue": "u"}
# Apostrophes and the letters like them inside a name (Hawaiian "Kaʻiulani" with its ʻokina,
# "O’Brien"): OCR prints them as "'" or leaves them out, so they join the word's letters.
_APOSTROPHES = str.maketrans(dict.fromkeys("'’‘ʻʼʽ`´ʹ", ""))
# Anything but a letter parts words; a letter no table above plainly spells ("ə") stays one.
_SEPARATORS = re.compile(r"[\W\d_]+")


@dataclass(frozen=True, slots=True)
class NameComparison:
    """How two names compare: ``edits`` is the number of slips between them, ``allowed`` how
    many their length tolerates; ``exact`` when they are the same in the plain form."""

    matches: bool
    exact: bool
    edits: int
    allowed: int


def plain_words(name: str) -> tuple[str, ...]:
    """The words of a name in one plain form: "Kari SÆTHER-Øverås" → kari, sather, overas."""
    text = unicodedata.normalize("NFKC", name.translate(_APOSTROPHES)).casefold()
    text = text.translate(_LETTERS)
    text = "".join(
        character
        for character in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(character)
    )
    text = _DIGRAPHS.sub(lambda found: _DIGRAPH_LETTER[found.group()], text)
    return tuple(word for word in _SEPARATORS.split(text) if word)


# Marks that OCR's models often cannot read, leaving the whole letter out (Vietnamese "Phạm
# Thị Thảo Đặng" read as "Phm Th Tho Đng"): a dot below and a hook above.
_LEFT_OUT_MARKS = frozenset({"\u0323", "\u0309"})


def without_letters_ocr_leaves_out(name: str) -> str:
    """The name without its letters that carry a mark OCR leaves out: as OCR may print it."""
    return "".join(
        letter
        for letter in unicodedata.normalize("NFC", name)
        if not _LEFT_OUT_MARKS.intersection(unicodedata.normalize("NFD", letter)[1:])
    )


def levenshtein(first: str, second: str) -> int:
    """The fewest letters added, dropped or changed to turn one word into the other."""
    if len(first) < len(second):
        first, second = second, first
    previous = list(range(len(second) + 1))
    for row, letter in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (letter != other),
                )
            )
        previous = current
    return previous[-1]


def _word_slips(one: str, other: str) -> int:
    """The slips between two words of names; a capital I and a small l at a word's start are
    one letter (they look the same in a sans-serif face, so OCR reads "Iolo" as "lolo")."""
    if {one[:1], other[:1]} == {"i", "l"}:
        return levenshtein(one[1:], other[1:])
    return levenshtein(one, other)


def compare_names(on_document: str, applicant: str) -> NameComparison:
    """Compare the name a document prints with the applicant's name.

    Every word of the shorter name must match a different word of the longer (so a middle name
    may be left out and the order may differ), and at least two words must match unless both
    names are one word. A document may leave out the applicant's middle names, not the first
    given name: "Johan Hansen" is not "Ola Johan Hansen" (it may be his father). The slips over
    the matched words may be one for every ten letters begun of the longer name, and within
    one word one for every five letters it has: none in a short word, so "Ole" is not "Ola"."""
    first, second = plain_words(on_document), plain_words(applicant)
    if not first or not second:
        return NameComparison(matches=False, exact=False, edits=0, allowed=0)
    shorter, longer = sorted((first, second), key=len)
    allowed = (sum(map(len, longer)) + 9) // 10
    if shorter == longer:
        return NameComparison(matches=True, exact=True, edits=0, allowed=allowed)
    # The applicant's first given name must be among the words matched.
    must_pair = frozenset({0}) if longer is second and len(longer) > len(shorter) else frozenset()
    edits = _cheapest_pairing(shorter, longer, must_pair=must_pair)
    enough_words = len(shorter) >= 2 or len(longer) == 1
    matches = enough_words and edits <= allowed
    return NameComparison(matches=matches, exact=False, edits=edits, allowed=allowed)


def names_match(on_document: str, applicant: str) -> bool:
    """Whether the name on a document is, tolerantly, the applicant's (or the applicant's as
    OCR prints it without the letters it cannot read)."""
    return compare_names(on_document, applicant).matches or _matches_as_ocr_prints(
        on_document, applicant
    )


def _matches_as_ocr_prints(on_document: str, applicant: str) -> bool:
    as_read = without_letters_ocr_leaves_out(applicant)
    return as_read != applicant and compare_names(on_document, as_read).matches


class Likeness(StrEnum):
    """How like the applicant's a name on a document is."""

    SAME = "same"
    """The applicant's name (:func:`names_match`)."""
    NEAR = "near"
    """Not within the slips allowed, but a slip or two off: "Ole Hansen" for "Ola Hansen",
    "Anne Lie" for "Anna Lie". It may be the applicant's name read wrong, or a relative's."""
    OTHER = "other"
    """Another name (a first given name or a surname of its own), or no name."""


def name_likeness(on_document: str, applicant: str) -> Likeness:
    """Whether the name on a document is the applicant's, near it, or another.

    Near is what :func:`compare_names` would take with one slip more in every word (at most
    half its letters, so "Ola" is near "Ole" and not "Eva") and one more over the whole name;
    the rest holds as for a match: every word of the shorter name paired with a word of the
    longer, the applicant's first given name among them, two words or more. So "Ole Hansen" and
    "Jon Berg" are near "Ola Hansen" and "Jan Berg"; "Per Hansen" (another given name), "Kari
    Nordmann" (another surname) and "Johan Hansen" for "Ola Johan Hansen" are others."""
    comparison = compare_names(on_document, applicant)
    if comparison.matches or _matches_as_ocr_prints(on_document, applicant):
        return Likeness.SAME
    first, second = plain_words(on_document), plain_words(applicant)
    if not first or not second:
        return Likeness.OTHER
    shorter, longer = sorted((first, second), key=len)
    if not (len(shorter) >= 2 or len(longer) == 1):
        return Likeness.OTHER
    must_pair = frozenset({0}) if longer is second and len(longer) > len(shorter) else frozenset()
    edits = _cheapest_pairing(shorter, longer, must_pair=must_pair, tolerance=_near_slips)
    return Likeness.NEAR if edits <= comparison.allowed + 1 else Likeness.OTHER


def _slips_in_a_word(one: str, other: str) -> int:
    """How many slips one word tolerates: one for every five letters of the longer spelling."""
    return max(len(one), len(other)) // 5


def _near_slips(one: str, other: str) -> int:
    """How many slips one word of a near name may have: one more than a match tolerates, and
    at most half the letters of the longer spelling."""
    return min(_slips_in_a_word(one, other) + 1, max(len(one), len(other)) // 2)


NO_PAIRING = 10**9


def _cheapest_pairing(
    shorter: tuple[str, ...],
    longer: tuple[str, ...],
    *,
    must_pair: frozenset[int] = frozenset(),
    tolerance: Callable[[str, str], int] = _slips_in_a_word,
) -> int:
    """The fewest slips over a pairing of each word of ``shorter`` with a distinct word of
    ``longer`` that uses every position in ``must_pair`` and has no word with more slips than
    it tolerates (``tolerance``; :data:`NO_PAIRING` when there is none). Names have a handful
    of words, so trying every pairing is cheap."""
    best = NO_PAIRING

    def pair(index: int, used: frozenset[int], edits: int) -> None:
        nonlocal best
        if edits >= best:
            return
        if index == len(shorter):
            if must_pair <= used:
                best = edits
            return
        for position, word in enumerate(longer):
            if position not in used:
                distance = _word_slips(shorter[index], word)
                if distance <= tolerance(shorter[index], word):
                    pair(index + 1, used | {position}, edits + distance)

    if len(longer) > 8:
        longer = longer[:8]
    pair(0, frozenset(), 0)
    return best
