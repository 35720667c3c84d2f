"""Upload checks: size first, kind from the content, a safe name, messages a student reads."""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation
from PIL import Image

import refusjon.intake
from refusjon.intake.errors import IntakeError
from refusjon.intake.uploads import check_upload, human_size, suggested_name

from .files import blank_pdf, image_bytes, jpeg, pdf, png, zip_archive_tail

MB = 1024 * 1024
REPO = Path(__file__).resolve().parents[2]


def refusal(data: bytes, *, filename: str = "upload", **limits: int) -> IntakeError:
    with pytest.raises(IntakeError) as caught:
        check_upload(data, filename=filename, **limits)
    return caught.value


def english(error: IntakeError) -> str:
    with translation.override("en"):
        return str(error)


# Size


def test_an_empty_file_is_refused_as_empty() -> None:
    assert refusal(b"", filename="receipt.pdf").code == "empty"


def test_a_file_over_the_limit_is_refused_before_its_content_is_looked_at() -> None:
    not_a_document = b"MZ" + b"\x00" * 200

    assert refusal(not_a_document, max_bytes=100).code == "too-large"


def test_a_good_photo_over_the_limit_is_refused_as_too_large() -> None:
    photo = png()

    assert refusal(photo, max_bytes=len(photo) - 1).code == "too-large"


def test_a_file_exactly_at_the_limit_is_accepted() -> None:
    photo = png()

    assert check_upload(photo, filename="p.png", max_bytes=len(photo)).kind == "png"


def test_the_default_limit_is_10_mb_and_the_message_says_so() -> None:
    error = refusal(b"\x00" * (10 * MB + 1))

    assert error.code == "too-large"
    assert "10 MB" in english(error)


@pytest.mark.parametrize(
    ("size", "shown"),
    [(10 * MB, "10 MB"), (3 * MB // 2, "1.5 MB"), (200 * 1024, "200 kB"), (100, "100 bytes")],
)
def test_limits_are_shown_in_units_a_person_reads(size: int, shown: str) -> None:
    assert str(human_size(size)) == shown


def test_a_limit_is_written_with_the_readers_decimal_comma() -> None:
    size = human_size(3 * MB // 2)

    with translation.override("nb"):
        assert str(size) == "1,5 MB"
    with translation.override("en"):
        assert str(size) == "1.5 MB"


# Kind, from the content only


def test_a_png_named_pdf_is_stored_as_a_png_with_a_png_name() -> None:
    upload = check_upload(png(), filename="x.pdf")

    assert upload.kind == "png"
    assert upload.content_type == "image/png"
    assert upload.suggested_name == "x.png"


def test_a_pdf_named_jpg_is_stored_as_a_pdf() -> None:
    upload = check_upload(pdf(blank_pdf()), filename="scan.jpg")

    assert (upload.kind, upload.content_type, upload.suggested_name) == (
        "pdf",
        "application/pdf",
        "scan.pdf",
    )


def test_a_jpeg_is_stored_as_a_jpeg() -> None:
    upload = check_upload(jpeg(), filename="IMG_0042.JPEG")

    assert (upload.kind, upload.content_type, upload.suggested_name) == (
        "jpeg",
        "image/jpeg",
        "IMG_0042.jpg",
    )


UNSUPPORTED = {
    "a renamed Windows program": (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "receipt.pdf"),
    "a renamed Linux program": (b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "receipt.png"),
    "a web page": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "receipt.jpg"),
    "an SVG": (b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "receipt.png"),
    "a GIF": (image_bytes(Image.new("P", (4, 4)), "GIF"), "receipt.gif"),
    "a WebP": (image_bytes(Image.new("RGB", (4, 4)), "WEBP"), "receipt.jpg"),
    "a zip archive": (zip_archive_tail(), "receipt.pdf"),
    "plain text": (b"Receipt: 490 NOK", "receipt.pdf"),
    "a PDF header after other bytes": (b"junk" + pdf(blank_pdf()), "receipt.pdf"),
}


@pytest.mark.parametrize("what", UNSUPPORTED)
def test_anything_but_pdf_jpeg_and_png_is_refused_whatever_its_name(what: str) -> None:
    data, filename = UNSUPPORTED[what]

    error = refusal(data, filename=filename)

    assert error.code == "unsupported-type"
    assert "PDF" in english(error)


# What is returned


def test_the_checksum_is_of_the_stored_content() -> None:
    upload = check_upload(png(), filename="p.png")

    assert upload.sha256 == hashlib.sha256(upload.content).hexdigest()


def test_an_image_has_a_size_and_no_page_count() -> None:
    upload = check_upload(png(size=(30, 12)), filename="p.png")

    assert (upload.width, upload.height, upload.pages) == (30, 12, None)


def test_a_pdf_has_a_page_count_and_no_pixel_size() -> None:
    upload = check_upload(pdf(blank_pdf(pages=3)), filename="p.pdf")

    assert (upload.pages, upload.width, upload.height) == (3, None, None)


def test_the_result_cannot_be_changed() -> None:
    upload = check_upload(png(), filename="p.png")

    with pytest.raises(AttributeError):
        upload.kind = "pdf"  # type: ignore[misc]


def test_the_result_does_not_print_its_content() -> None:
    assert "content=" not in repr(check_upload(png(), filename="p.png"))


# Names


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("Kvittering tannlege.JPG", "Kvittering-tannlege.png"),
        ("C:\\fakepath\\kvittering.png", "kvittering.png"),
        ("../../etc/passwd", "passwd.png"),
        ("receipt.exe.pdf", "receipt-exe.png"),
        ("invoice\u202egpj.exe", "invoice-gpj.png"),
        ("legeerklæring_Åsane.pdf", "legeerklæring_Åsane.png"),
        ("  --- .pdf", "document.png"),
        ("", "document.png"),
        (".hidden", "hidden.png"),
        ("a" * 300 + ".pdf", "a" * 80 + ".png"),
    ],
)
def test_the_suggested_name_keeps_the_stem_in_safe_characters_and_the_real_extension(
    filename: str, name: str
) -> None:
    assert suggested_name(filename, "png") == name


# Errors


def test_every_refusal_can_be_put_right_with_another_file() -> None:
    assert refusal(b"").another_file_helps is True


def test_a_refusal_reads_as_a_sentence_for_the_student() -> None:
    message = english(refusal(b""))

    assert message.startswith("The file is empty.")
    assert "Please" in message


def test_a_refusal_can_be_shown_without_translating_its_message() -> None:
    assert repr(refusal(b"")) == "IntakeError(code='empty')"


# Boundaries


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


ALLOWED_THIRD_PARTY = {"PIL", "pypdf"}
# Translating, and writing numbers the way the reader's language does.
ALLOWED_DJANGO = {
    "django.utils.translation",
    "django.utils.text",
    "django.utils.functional",
    "django.utils.formats",
}


# The checks themselves; the app around them (services, views, forms) uses claims as any app.
CHECK_MODULES = (
    "uploads.py",
    "images.py",
    "pdfs.py",
    "pdfstreams.py",
    "bounds.py",
    "errors.py",
)


def test_the_checks_use_no_other_part_of_the_project_and_django_only_to_translate() -> None:
    offenders = []
    folder = Path(refusjon.intake.__file__).parent
    for path in (folder / name for name in CHECK_MODULES):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top == "refusjon":
                allowed = module.startswith("refusjon.intake")
            elif top == "django":
                allowed = module in ALLOWED_DJANGO
            else:
                allowed = top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY
            if not allowed:
                offenders.append(f"{path.name}: {module}")
    assert offenders == []


# The same upload, the same stored bytes (the checksum can find duplicates)

STORE_TWICE = """
from tests.intake.files import jpeg, pdf, pdf_with_text
from refusjon.intake.uploads import check_upload
writer = pdf_with_text("Legevakt 375 NOK")
writer.pages[0].rotate(90)
print(check_upload(pdf(writer), filename="a.pdf").sha256)
print(check_upload(jpeg(), filename="a.jpg").sha256)
"""


def test_the_same_file_is_stored_as_the_same_bytes_in_every_process() -> None:
    def checksums(hash_seed: str) -> str:
        run = subprocess.run(
            [sys.executable, "-c", STORE_TWICE],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            check=True,
        )
        return run.stdout

    assert checksums("1") == checksums("2")
