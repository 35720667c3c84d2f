"""RapidOCR in a process of its own: the other end of :class:`engines.RapidOcr`.

Run as a script (``python -P rapidchild.py``, so that none of the project's packages, and
neither Django nor pdfium, is imported here), it loads RapidOCR and reads pictures from its
standard input until that closes. Loading RapidOCR takes some 80 MB and a reading another
100–170 MB (onnxruntime's working memory), which leaves with this process when the reader ends
it after each document, instead of staying in the process that reads documents.

The protocol, in both directions a frame of a 4-byte big-endian length and that many bytes:

* in: ``struct`` ``>II`` (height, width), then height × width bytes of a grey picture;
* out: JSON, ``{"boxes": [[left, top, right, bottom], ...], "texts": [...]}`` in pixels of the
  picture, or ``{"error": "..."}`` when RapidOCR raised (the process then goes on); and
  ``"cpu"``, this process's CPU seconds so far, for the reader's count of seconds per page.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import time
from typing import Any, BinaryIO

HEADER = struct.Struct(">II")
LENGTH = struct.Struct(">I")

PARAMETERS = {
    "Global.log_level": "error",
    "Global.use_cls": False,
    "Det.limit_type": "max",
    "Det.limit_side_len": 736,
    "Rec.rec_batch_num": 1,
    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
}


def _exactly(stream: BinaryIO, size: int) -> bytes | None:
    """``size`` bytes, or None at the end of the stream (the reader has closed it)."""
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _reading(engine: Any, frame: bytes) -> dict[str, Any]:
    import numpy as np

    height, width = HEADER.unpack_from(frame)
    grey = np.frombuffer(frame, dtype=np.uint8, offset=HEADER.size).reshape(height, width)
    picture = np.ascontiguousarray(np.dstack([grey] * 3))
    del grey
    try:
        result = engine(picture)
    except Exception as error:  # RapidOCR's own failures are the reader's to report
        return {"error": f"{type(error).__name__}: {error}"}
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    if boxes is None or texts is None:
        return {"boxes": [], "texts": []}
    corners = []
    for box in boxes:
        xs = [float(point[0]) for point in box]
        ys = [float(point[1]) for point in box]
        corners.append([min(xs), min(ys), max(xs), max(ys)])
    return {"boxes": corners, "texts": [str(text) for text in texts]}


def main() -> int:
    # Our answers go on the standard output as it was; anything RapidOCR or onnxruntime prints
    # there would break the frames, so file descriptor 1 is pointed at the standard error.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    questions = sys.stdin.buffer
    from rapidocr import RapidOCR

    engine = RapidOCR(params=PARAMETERS)
    while True:
        length = _exactly(questions, LENGTH.size)
        if length is None:
            return 0
        frame = _exactly(questions, LENGTH.unpack(length)[0])
        if frame is None:
            return 0
        reading = _reading(engine, frame)
        reading["cpu"] = time.process_time()
        answer = json.dumps(reading).encode()
        del frame
        answers.write(LENGTH.pack(len(answer)) + answer)
        answers.flush()


if __name__ == "__main__":
    sys.exit(main())
