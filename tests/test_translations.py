"""Every string a person sees is in Norwegian bokmål too, and the compiled catalogue is current."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

from tests.conftest import REPO

CATALOGUE = REPO / "src" / "refusjon" / "locale" / "nb" / "LC_MESSAGES"


def read_po(path: Path) -> tuple[dict[str, str], list[str], dict[str, str]]:
    """Messages (msgid -> msgstr; a plural by its singular and first form), the msgids marked
    fuzzy, and the plural msgids by their singular."""
    messages: dict[str, str] = {}
    fuzzy: list[str] = []
    plurals: dict[str, str] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        current = None
        for line in block.splitlines():
            match = re.match(r"^(msgid|msgid_plural|msgstr(?:\[0\])?) (\".*\")$", line)
            if match:
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
            else:  # a comment, or a plural's later form (msgstr[1] and on), and its lines
                current = None
        if fields.get("msgid"):
            messages[fields["msgid"]] = fields.get("msgstr", fields.get("msgstr[0]", ""))
            if "#, fuzzy" in block:
                fuzzy.append(fields["msgid"])
            if "msgid_plural" in fields:
                plurals[fields["msgid"]] = fields["msgid_plural"]
    return messages, fuzzy, plurals


def test_every_message_has_a_bokmal_translation() -> None:
    messages, fuzzy, _ = read_po(CATALOGUE / "django.po")
    assert len(messages) > 100
    assert [msgid for msgid, msgstr in messages.items() if not msgstr] == []
    assert fuzzy == []


def test_the_compiled_catalogue_matches_the_translations() -> None:
    messages, _, plurals = read_po(CATALOGUE / "django.po")
    with (CATALOGUE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    def translated(msgid: str) -> str:
        if msgid in plurals:
            return compiled.ngettext(msgid, plurals[msgid], 1)
        return compiled.gettext(msgid)

    stale = [msgid for msgid, msgstr in messages.items() if translated(msgid) != msgstr]
    assert stale == [], "run `make messages` to compile the catalogue"
