"""A decision's stored explanation as a student is shown it.

The record of a decision keeps the engine's explanation as the engine wrote it when it decided
(the batch command writes the same text, byte for byte). Two things in it are not for a
student, so they are put in words here, when a page, a letter or an estimate shows it:

- codes the engine writes as they are, such as the country of study ("studieland US"): here
  the country's name in the reader's language (:mod:`refusjon.claims.countries`);
- what decisions stored before the public citations (docs/decisions.md, D19) still hold: the
  rule keepers' source notes with their ``[seed NNN]`` tags, in English on a bokmål page,
  period codes (``2026-fall``), institution and category codes. A note is replaced by the public
  pages it names, cited by title and address, or left out when it names none.

The stored record is left as it was decided: it is what the decision was made on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from refusjon.claims import adapter
from refusjon.claims.countries import country_name
from refusjon.rules import sources, terms

__all__ = ["for_reader", "sentence_for_reader"]


# The sentence of the Helfo scheme that names the country of study by its code.
_STUDY_COUNTRY = re.compile(r"(?P<lead>\b(?:studieland|country of study) )(?P<code>[A-Z]{2})\b")
# A stored source note, as the engine wrote a parameter before D19 (and still writes it for
# the rule keepers): "... (source: <note>)<assumed>." The note may hold brackets of its own.
_NOTE_OPENS = (" (kilde: ", " (source: ")
_ASSUMED = (
    "; antatt, ingen publisert kilde fastsetter den",
    "; assumed, no published source fixes it",
)
_TAG = re.compile(r"\s*\[(?:seed \d{3}|(?:[Ss]ource|[Kk]ilde): [^\]]*)\]")
_PERIOD = re.compile(r"\b(?P<code>20\d\d-(?:spring|fall))\b")
# A code stands alone: not inside a word, an address ("uio.no") or another code.
_CODES = terms.INSTITUTIONS | {
    code: words for code, words in terms.CATEGORIES.items() if "_" in code
}
_CODE = re.compile(
    r"(?<![\w/.-])(?P<code>"
    + "|".join(map(re.escape, sorted(_CODES, key=len, reverse=True)))
    + r")(?![\w/-]|\.\w)"
)
# A parameter's list of codes, as the engine wrote it before D19: "...: dentist, gp, lab_tests".
_CODE_LIST = re.compile(r"(?<=: )(?P<codes>[a-z][a-z0-9_-]*(?:, [a-z][a-z0-9_-]*)+)(?= \(|;|\.$)")


@lru_cache(maxsize=1)
def _public_citations() -> frozenset[str]:
    cited = {source for _, source in sources.MARKS}
    return frozenset(source.cited(lang) for source in cited for lang in terms.LANGUAGES)


def _public(note: str) -> bool:
    """Whether a note is already what a reader is shown: public pages cited by title."""
    return all(part in _public_citations() for part in note.split("; "))


def _cite(sentence: str, lang: str) -> str:
    """The sentence with its source note replaced by the public pages the note names."""
    for opens in _NOTE_OPENS:
        start = sentence.find(opens)
        if start != -1:
            break
    else:
        return sentence
    rest = sentence[start:]
    end = "." if rest.endswith(".") else ""
    rest = rest.removesuffix(end)
    assumed = next((words for words in _ASSUMED if rest.endswith(words)), "")
    rest = rest.removesuffix(assumed)
    if not rest.endswith(")"):
        return sentence
    note = rest[len(opens) : -1]
    if _public(note):
        return sentence
    cited = sources.citation(note, lang)
    source = ("kilde" if lang == "nb" else "source") if cited else ""
    written = f" ({source}: {cited})" if cited else ""
    if assumed:  # the words of the reader's language, whichever the note was written in
        assumed = _ASSUMED[0] if lang == "nb" else _ASSUMED[1]
    return f"{sentence[:start]}{written}{assumed}{end}"


def _code_list(match: re.Match[str], lang: str) -> str:
    codes = match["codes"].split(", ")
    if not all(code in terms.CODES for code in codes):
        return match[0]
    return ", ".join(sorted(terms.term(terms.CODES, code, lang) for code in codes))


def sentence_for_reader(sentence: str, lang: str) -> str:
    """One sentence of a stored explanation in the reader's words (see the module)."""
    text = _cite(sentence, lang)
    text = _TAG.sub("", text)
    text = _STUDY_COUNTRY.sub(lambda m: m["lead"] + country_name(m["code"], lang), text)
    text = _PERIOD.sub(lambda m: adapter.period_words(m["code"], lang), text)
    text = _CODE_LIST.sub(lambda m: _code_list(m, lang), text)
    return _CODE.sub(lambda m: terms.term(_CODES, m["code"], lang), text)


def for_reader(sentences: Iterable[str], lang: str) -> list[str]:
    """A stored explanation as a student is shown it in ``lang`` (see the module)."""
    return [sentence_for_reader(sentence, lang) for sentence in sentences]
