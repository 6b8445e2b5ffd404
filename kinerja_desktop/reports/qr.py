"""A sheet's QR code as a module matrix: reportlab's encoding, built with fewer objects.

reportlab's ``qrencoder`` builds every code from scratch in pure Python: the finder, timing
and alignment patterns and the format bits, a bit buffer of one list append per bit, the
Reed-Solomon remainder as a recursion of polynomial objects, and the data laid out module by
module through generators. A sheet's code is the same every time except for its data, so this
module keeps, per version and mask, the matrix with everything but the data (the data modules
holding only the mask) and the order of the data modules; a code is then its data codewords
(an integer as the bit buffer, the remainder from log/antilog tables) flipped into a copy of
that matrix. The result is module for module the matrix reportlab's encoder makes for the
same payload, version, error correction and mask (``tests/reports/test_qr_matrix.py``
compares them), so the printed code still decodes to the same payload.
"""

from __future__ import annotations

import functools
from itertools import compress
from typing import Any

from reportlab.graphics.barcode import qrencoder

#: Error correction M: about 15 % of the code can be lost (a fold, a stamp over it).
LEVEL = qrencoder.QRErrorCorrectLevel.M
#: A fixed mask pattern: any of the eight is valid; scoring all eight to pick the "best" took a
#: third of a form's rendering time.
MASK = 0
_PAD = (0xEC, 0x11)

_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _power in range(255):
    _EXP[_power] = _value
    _LOG[_value] = _power
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D  # the QR code's field polynomial x^8 + x^4 + x^3 + x^2 + 1
for _power in range(255, 512):
    _EXP[_power] = _EXP[_power - 255]


class _BitBuffer:
    """reportlab's ``QRBitBuffer`` interface over one integer (the data segments write to it)."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def putBit(self, bit: bool) -> None:  # noqa: N802 - reportlab's name
        self.put(1 if bit else 0, 1)

    def getLengthInBits(self) -> int:  # noqa: N802 - reportlab's name
        return self.length


@functools.cache
def _generator(ec_count: int) -> tuple[int, ...]:
    """The logarithms of the Reed-Solomon generator's coefficients below the leading one."""
    poly = [1]
    for power in range(ec_count):
        # Multiply by (x - a^power); in GF(256) minus is plus.
        out = [*poly, 0]
        for index, coefficient in enumerate(poly):
            if coefficient:
                out[index + 1] ^= _EXP[_LOG[coefficient] + power]
        poly = out
    return tuple(_LOG[c] for c in poly[1:])


@functools.cache
def _products(ec_count: int) -> tuple[int, ...]:
    """For every possible leading byte, the generator times it, as one big-endian integer."""
    logarithms = _generator(ec_count)
    rows = [0]
    for factor in range(1, 256):
        shift = _LOG[factor]
        rows.append(int.from_bytes(bytes(_EXP[log + shift] for log in logarithms), "big"))
    return tuple(rows)


def _remainder(data: list[int], ec_count: int) -> list[int]:
    """The error-correction codewords of one block: ``data * x^ec_count`` mod the generator.

    The remainder is kept as one integer of ``ec_count`` bytes: each data byte shifts it one
    byte left and XORs in a precomputed multiple of the generator (the usual LFSR division).
    """
    products = _products(ec_count)
    top = 8 * (ec_count - 1)
    keep = (1 << (8 * ec_count)) - 1
    rest = 0
    for byte in data:
        rest = ((rest << 8) & keep) ^ products[byte ^ (rest >> top)]
    return list(rest.to_bytes(ec_count, "big"))


def _codewords(segments: list[Any], version: int) -> list[int]:
    """The data and error-correction codewords, interleaved as the code stores them."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, LEVEL)
    capacity = 8 * sum(block.dataCount for block in blocks)
    buffer = _BitBuffer()
    for segment in segments:
        segment.write(buffer, version)
    if buffer.length > capacity:
        raise ValueError(f"QR data too long ({buffer.length} > {capacity} bits)")
    if buffer.length + 4 <= capacity:
        buffer.put(0, 4)  # the terminator
    buffer.put(0, -buffer.length % 8)
    pad = 0
    while buffer.length < capacity:
        buffer.put(_PAD[pad], 8)
        pad ^= 1
    data = list(buffer.value.to_bytes(buffer.length // 8, "big"))
    data_blocks: list[list[int]] = []
    ec_blocks: list[list[int]] = []
    offset = 0
    for block in blocks:
        chunk = data[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_remainder(chunk, block.totalCount - block.dataCount))
    out: list[int] = []
    for group in (data_blocks, ec_blocks):
        for index in range(max(len(block) for block in group)):
            out.extend(block[index] for block in group if index < len(block))
    return out


@functools.cache
def _frame(version: int) -> tuple[tuple[tuple[bool, ...], ...], tuple[tuple[int, int], ...]]:
    """The matrix without data (data modules hold the mask) and the data modules' order.

    Built by reportlab's own encoder with no data, so the patterns, the format and version
    bits and the order of the data modules are exactly its own.
    """
    code = qrencoder.QRCode(version, LEVEL)
    code.dataCache = []  # no codewords: every data module is "light" XOR the mask
    code.makeImpl(False, MASK)
    rows = tuple(tuple(bool(dark) for dark in row) for row in code.modules)
    # reportlab yields (col, row); kept as (row, col) here.
    order = tuple((row, col) for col, row in code.dataPosIterator())
    return rows, order


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code of ``payload`` (error correction M, mask 0) as rows of dark/light modules."""
    code = qrencoder.QRCode(None, LEVEL)
    code.addData(payload)
    version = code.calculate_version()
    frame, order = _frame(version)
    matrix = [list(row) for row in frame]
    codewords = _codewords(code.dataList, version)
    bits = format(int.from_bytes(bytes(codewords), "big"), f"0{8 * len(codewords)}b")
    # A dark data bit flips the mask's module (reportlab stores dark XOR mask); the modules
    # after the last codeword (remainder bits) stay as the mask left them.
    for row, col in compress(order, map("1".__eq__, bits)):
        line = matrix[row]
        line[col] = not line[col]
    return matrix
