"""Plain text: one paragraph per non-empty line, whatever the encoding and line endings."""

from __future__ import annotations

from pathlib import Path

from planning.readers.blocks import Document, Paragraph
from planning.readers.encoding import decode_bytes


def read_text(path: Path) -> Document:
    text, encoding = decode_bytes(path.read_bytes(), str(path))
    return Document(path=str(path), fmt="text", blocks=list(paragraphs_from_text(text)), encoding=encoding)


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """Split on CRLF, CR or LF; trailing whitespace goes, leading indentation stays.

    Long lines are never split: a plan saved as one 48 KB line is the parser's business.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [Paragraph(line) for raw in text.split("\n") if (line := raw.rstrip())]
