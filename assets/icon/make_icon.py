#!/usr/bin/env python3
"""make_icon.py: draws the trustlab icon (a 4x4 block of citizens in the app's state colours on a
dark tile, two of them sanctioned) as trustlab.svg and as PNGs from the same geometry, so the
scalable and the bitmap icons cannot drift apart. Standard library only.

Usage: python3 assets/icon/make_icon.py   (writes beside this script)
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SIZE = 256  # the geometry below is in this unit
TILE = (43, 45, 56)  # dark slate tile
RADIUS = 44  # tile corner radius

# Colours from gui/palette.cpp (Okabe-Ito): green = benefited, blue = enrolled,
# orange = sanctioned, yellow = flagged.
GREEN, BLUE, ORANGE, YELLOW = (0, 158, 115), (0, 114, 178), (213, 94, 0), (240, 228, 66)
GRID = [
    [GREEN, BLUE, GREEN, GREEN],
    [BLUE, GREEN, ORANGE, BLUE],
    [GREEN, YELLOW, GREEN, GREEN],
    [GREEN, BLUE, GREEN, ORANGE],
]
STEP, FIRST, DOT = 52, 50, 20  # centre spacing, first centre, dot radius


def circles():
    for r, row in enumerate(GRID):
        for c, colour in enumerate(row):
            yield FIRST + c * STEP, FIRST + r * STEP, DOT, colour


def svg():
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
        '  <title>trustlab</title>',
        f'  <rect x="0" y="0" width="256" height="256" rx="{RADIUS}" ry="{RADIUS}" fill="#{"%02x%02x%02x" % TILE}"/>',
    ]
    for x, y, rad, col in circles():
        parts.append(f'  <circle cx="{x}" cy="{y}" r="{rad}" fill="#{"%02x%02x%02x" % col}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def inside_tile(x, y):
    # Rounded square: inside unless in a corner square and outside that corner's circle.
    cx = min(max(x, RADIUS), SIZE - RADIUS)
    cy = min(max(y, RADIUS), SIZE - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS**2


def colour_at(x, y):
    for cx, cy, rad, col in circles():
        if (x - cx) ** 2 + (y - cy) ** 2 <= rad**2:
            return col + (255,)
    return TILE + (255,) if inside_tile(x, y) else (0, 0, 0, 0)


def png(px, samples=4):
    scale = SIZE / px
    rows = []
    for j in range(px):
        row = bytearray([0])  # filter: none
        for i in range(px):
            acc = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    c = colour_at((i + (si + 0.5) / samples) * scale, (j + (sj + 0.5) / samples) * scale)
                    a = c[3]
                    acc[0] += c[0] * a
                    acc[1] += c[1] * a
                    acc[2] += c[2] * a
                    acc[3] += a
            n = samples * samples
            alpha = acc[3] / n
            if acc[3]:
                row += bytes(round(acc[k] / acc[3]) for k in range(3)) + bytes([round(alpha)])
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", px, px, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    with open(os.path.join(HERE, "trustlab.svg"), "w") as f:
        f.write(svg())
    for px in (48, 128, 256):
        with open(os.path.join(HERE, f"trustlab-{px}.png"), "wb") as f:
            f.write(png(px))
