"""How much an upload may unpack to: the bounds the checks hold a file to before and while
decoding it, so that a small file cannot take the worker's memory (or, once stored, a
caseworker's viewer's). The figures and what they defend against: docs/security/uploads.md.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

MB = 1024 * 1024
# The largest file intake takes (the upload form refuses a larger one from its size alone).
MAX_UPLOAD_BYTES = 10 * MB

# One document is decoded (checked) or read (OCR) at a time in a process, so the memory the
# bounds allow one of them is the most a process spends on documents. ``manage.py db_worker``
# runs one job at a time anyway; this holds where jobs run at once in the web server's threads
# (REFUSJON_TASKS=immediate).
ONE_AT_A_TIME = threading.RLock()


@dataclass(frozen=True, slots=True)
class DecodingLimits:
    """The bounds of one check; the defaults are those of the settings (``REFUSJON_*``)."""

    # Photos and scans (images.py).
    max_pixels: int = 40_000_000
    """Width × height as the header says."""
    image_max_decoded_bytes: int = 100 * MB
    """Decoded pixels in memory (width × height × bytes per pixel, at the scale decoded)."""
    image_max_side: int = 4096
    """A larger image is scaled down to this many pixels on its longer side when stored."""

    # PDFs (pdfs.py, pdfstreams.py).
    max_pages: int = 50
    pdf_max_decoded_bytes: int = 100 * MB
    """All streams of the document together, unpacked."""
    pdf_max_stream_bytes: int = 20 * MB
    """Any one stream that is not an image (a page's content, a font), unpacked."""
    pdf_max_page_pixels: int = 80_000_000
    """The pictures one page draws together (a picture and its soft mask, say), as declared."""
    pdf_max_page_cm: float = 120.0
    """A page's longer side (its boxes × ``/UserUnit``); A0 is 118.9 cm."""
