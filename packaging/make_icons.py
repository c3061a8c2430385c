"""Make the Windows and macOS icons from the PNGs in packaging/icons (drawn from the SVG there).

    python packaging/make_icons.py      # writes packaging/icons/massage-trainer.ico and .icns

Both formats are containers of PNG images: an .ico holds one entry per size (Windows Vista and
later read PNG entries), an .icns one chunk per size with its type code. The files are committed;
tests/test_packaging.py checks that they hold every size and match the PNGs.
"""

from __future__ import annotations

import struct
from pathlib import Path

ICONS = Path(__file__).resolve().parent / "icons"
ICO_SIZES = (16, 32, 48, 64, 128, 256)
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),  # 16 pt at 2x
    (b"ic12", 64),  # 32 pt at 2x
    (b"ic13", 256),  # 128 pt at 2x
    (b"ic14", 512),  # 256 pt at 2x
)
"""The icns chunk types and the pixel size of the PNG each holds."""


def png(size: int) -> bytes:
    return (ICONS / f"massage-trainer-{size}.png").read_bytes()


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def ico(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    images = [png(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(types: tuple[tuple[bytes, int], ...] = ICNS_TYPES) -> bytes:
    chunks = b"".join(
        code + struct.pack(">I", 8 + len(data)) + data
        for code, data in ((code, png(size)) for code, size in types)
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> None:
    (ICONS / "massage-trainer.ico").write_bytes(ico())
    (ICONS / "massage-trainer.icns").write_bytes(icns())
    print(f"wrote {ICONS / 'massage-trainer.ico'} and {ICONS / 'massage-trainer.icns'}")


if __name__ == "__main__":
    main()
