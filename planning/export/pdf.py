"""PDF through LibreOffice (headless), when it is installed.

Each conversion runs with a private user profile folder, so it neither collides with a LibreOffice
the user has open nor depends on their settings, and with a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from planning.export.errors import PdfError

TIMEOUT_SECONDS = 180
_CANDIDATES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> Path | None:
    """$PLANDESK_SOFFICE, else soffice/libreoffice on PATH, else the usual install places."""
    env = os.environ.get("PLANDESK_SOFFICE")
    if env and Path(env).is_file():
        return Path(env)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((Path(c) for c in _CANDIDATES if Path(c).is_file()), None)


def missing_error() -> PdfError:
    return PdfError("未安装 LibreOffice，无法转换为 PDF（可安装 LibreOffice 后重试，或设置 PLANDESK_SOFFICE）",
                    "LibreOffice is not installed, so no PDF can be made (install it, or set PLANDESK_SOFFICE)")


def convert_to_pdf(docx_path: Path, out_dir: Path | None = None, *, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert `docx_path` to a PDF beside it (or in `out_dir`); returns the PDF's path."""
    soffice = find_soffice()
    if soffice is None:
        raise missing_error()
    docx_path = Path(docx_path).resolve()
    out_dir = (Path(out_dir) if out_dir is not None else docx_path.parent).resolve()
    with tempfile.TemporaryDirectory(prefix="plandesk-lo-") as profile_dir:
        profile_url = Path(profile_dir).as_uri()
        command = [str(soffice), f"-env:UserInstallation={profile_url}", "--headless", "--norestore",
                   "--nologo", "--nodefault", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir),
                   str(docx_path)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False,
                                  stdin=subprocess.DEVNULL, creationflags=_no_window())
        except subprocess.TimeoutExpired as exc:
            raise PdfError(f"LibreOffice 转换超时（{timeout:.0f} 秒）", f"LibreOffice timed out after {timeout:.0f} s") from exc
        except OSError as exc:
            raise PdfError(f"无法启动 LibreOffice（{exc}）", f"cannot start LibreOffice ({exc})") from exc
    pdf = out_dir / f"{docx_path.stem}.pdf"
    if done.returncode != 0 or not pdf.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise PdfError(f"LibreOffice 转换失败：{detail[0]}", f"LibreOffice could not convert the file: {detail[0]}")
    return pdf


def _no_window() -> int:
    return subprocess.CREATE_NO_WINDOW if sys.platform == "win32" else 0  # type: ignore[attr-defined]
