"""The one error of intake, and the codes it carries."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.functional import Promise, lazy

EMPTY = "empty"
TOO_LARGE = "too-large"
UNSUPPORTED_TYPE = "unsupported-type"
CORRUPT = "corrupt"
TOO_MANY_PIXELS = "too-many-pixels"
ENCRYPTED_PDF = "encrypted-pdf"
NO_PAGES = "no-pages"
TOO_MANY_PAGES = "too-many-pages"
TOO_MUCH_CONTENT = "too-much-content"
PAGE_TOO_LARGE = "page-too-large"


class IntakeError(Exception):
    """A document was refused; ``str(error)`` says why to the student, in their language.

    ``code`` is for programs (tests, logs, the API). ``another_file_helps`` says whether the
    student can put it right by uploading another file; every upload check can, so it is the
    default, and the one place to say otherwise later (an OCR engine that is down, say).
    """

    def __init__(
        self, message: str | Promise, *, code: str, another_file_helps: bool = True
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.another_file_helps = another_file_helps

    def __str__(self) -> str:
        return str(self.message)

    def __repr__(self) -> str:
        return f"IntakeError(code={self.code!r})"


def _figure(value: float) -> str:
    whole = round(value, 1)
    return str(int(whole)) if whole == int(whole) else number_format(whole, decimal_pos=1)


figure = lazy(_figure, str)
"""A limit as a refusal names it, to one decimal and none when it is whole (``40``, ``1,5`` in
bokmål, ``1.5`` in English), written in the language of whoever reads the message."""


# Limits on what one person sends (refusjon.intake.limits).
TOO_MANY_DOCUMENTS = "too-many-documents"
DAILY_UPLOAD_LIMIT = "daily-upload-limit"
