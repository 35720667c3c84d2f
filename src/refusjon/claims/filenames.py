"""The name a student's device gave a file, as it may be shown again: text only.

Nothing of this name is ever part of a stored file's path (``attachment_path`` makes a random
one); it is kept as a label for the student and the caseworker. Shown in a page it is escaped
like every text (Django's autoescape); here it loses what would make it lie or break a line:
folders, control characters, and invisible formatting characters, the direction overrides
(U+202E "right-to-left override" can make ``gpj.exe`` read as ``exe.jpg``) among them. A long
name is shortened, keeping its extension.
"""

from __future__ import annotations

import re
import unicodedata

# Longer names are shortened to this many characters where they are shown.
DISPLAY_LENGTH = 80
# Unicode categories left out: format (bidi overrides, zero-width), surrogate, private use,
# unassigned. Control characters and line or paragraph separators become spaces.
DROPPED = frozenset({"Cf", "Cs", "Co", "Cn"})
SPACED = frozenset({"Cc", "Zl", "Zp"})


def display_name(raw: str, *, length: int = DISPLAY_LENGTH) -> str:
    """``raw`` (a file's name as uploaded) as plain text of at most ``length`` characters."""
    base = re.split(r"[\\/]", raw)[-1]
    text = unicodedata.normalize("NFC", base)
    text = "".join(
        " " if unicodedata.category(ch) in SPACED else ch
        for ch in text
        if unicodedata.category(ch) not in DROPPED
    )
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    stem, dot, extension = text.rpartition(".")
    if dot and stem and 0 < len(extension) <= 8:
        return text[: length - len(extension) - 2].rstrip() + "…." + extension
    return text[: length - 1].rstrip() + "…"
