"""QR codes for handling cards, drawn as one filled path.

ReportLab's ``QrCodeWidget`` draws every run of dark modules as its own rectangle shape
and picks the mask by scoring all eight in pure Python; on a 1,000-card run that made
printing 2.5 times slower. Here the module matrix comes from ReportLab's own encoder
(``reportlab.graphics.barcode.qrencoder``: data encoding and Reed-Solomon), the mask is
scored with numpy (the four penalty rules of ISO/IEC 18004 §7.8.3), and all dark modules
go into a single path that is filled once.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
from reportlab.graphics.barcode import qrencoder

QUIET_ZONE = 4
"""Light modules around the symbol, as ISO/IEC 18004 asks for reliable scanning."""

_FINDER_LIKE = ((1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0), (0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1))

Matrix = np.ndarray[Any, np.dtype[np.bool_]]


def _mask(pattern: int, rows: np.ndarray[Any, Any], cols: np.ndarray[Any, Any]) -> Matrix:
    """Which of the modules at (rows, cols) mask ``pattern`` flips (ISO/IEC 18004 Table 10)."""
    i, j = rows, cols
    flips = (
        (i + j) % 2,
        i % 2,
        j % 3,
        (i + j) % 3,
        (i // 2 + j // 3) % 2,
        (i * j) % 2 + (i * j) % 3,
        ((i * j) % 2 + (i * j) % 3) % 2,
        ((i * j) % 3 + (i + j) % 2) % 2,
    )[pattern]
    return np.asarray(flips == 0, dtype=np.bool_)


def _runs_penalty(stack: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    # Rule 1: each run of five or more same-coloured modules in a row scores 3 + (length - 5).
    symbols, count = stack.shape[0], stack.shape[1]
    padded = np.full((symbols, count, count + 1), 2, dtype=np.int8)
    padded[:, :, :count] = stack
    flat = padded.ravel()
    starts = np.concatenate(([0], np.flatnonzero(flat[1:] != flat[:-1]) + 1))
    lengths = np.diff(np.concatenate((starts, [flat.size])))
    long_runs = (flat[starts] != 2) & (lengths >= 5)
    owner = starts[long_runs] // (count * (count + 1))
    return np.asarray(np.bincount(owner, weights=lengths[long_runs] - 2, minlength=symbols), dtype=np.int64)


def _finder_penalty(stack: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    # Rule 3: 1:1:3:1:1 finder-like patterns with four light modules on one side score 40.
    count = stack.shape[2]
    found = np.zeros(stack.shape[0], dtype=np.int64)
    for pattern in _FINDER_LIKE:
        match = np.ones((stack.shape[0], stack.shape[1], count - 10), dtype=bool)
        for k, dark in enumerate(pattern):
            window = stack[:, :, k : count - 10 + k]
            match &= window if dark else ~window
        found += match.sum(axis=(1, 2))
    return 40 * found


def penalties(stack: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Mask penalties (ISO/IEC 18004 §7.8.3) of a stack of finished symbols; lower scans better."""
    both = np.concatenate((stack, stack.transpose(0, 2, 1)))
    symbols = stack.shape[0]
    lines = _runs_penalty(both) + _finder_penalty(both)
    score = lines[:symbols] + lines[symbols:]
    top_left = stack[:, :-1, :-1]
    same = (top_left == stack[:, 1:, :-1]) & (top_left == stack[:, :-1, 1:]) & (top_left == stack[:, 1:, 1:])
    score = score + 3 * same.sum(axis=(1, 2))
    dark_percent = 100 * stack.sum(axis=(1, 2)) // (stack.shape[1] * stack.shape[2])
    return np.asarray(score + 10 * (np.abs(dark_percent - 50) // 5), dtype=np.int64)


def penalty(matrix: np.ndarray[Any, Any]) -> int:
    """The mask penalty of one finished symbol."""
    return int(penalties(matrix[None])[0])


# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1, for the Reed-Solomon codewords.
_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _power in range(255):
    _EXP[_power] = _value
    _LOG[_value] = _power
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _power in range(255, 512):
    _EXP[_power] = _EXP[_power - 255]


@cache
def _generator(degree: int) -> tuple[int, ...]:
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            if coef:
                nxt[j + 1] ^= _EXP[_LOG[coef] + i]
        poly = nxt
    return tuple(poly)


def _ec_codewords(data: list[int], degree: int) -> list[int]:
    gen_logs = [_LOG[c] for c in _generator(degree)[1:]]
    rest = list(data) + [0] * degree
    for i in range(len(data)):
        coef = rest[i]
        if coef:
            lc = _LOG[coef]
            for j, g in enumerate(gen_logs, start=i + 1):
                rest[j] ^= _EXP[lc + g]
    return rest[len(data) :]


def _codewords(payload: bytes, version: int, level: int) -> list[int]:
    """Data and error-correction codewords of ``payload`` in byte mode, interleaved.

    The same bits as the encoder's ``createData`` (mode, length, data, terminator, pad
    bytes; ISO/IEC 18004 §7.4), built with numpy rather than bit by bit, and with the
    Reed-Solomon generator polynomials computed once per degree.
    """
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    capacity = 8 * sum(block.dataCount for block in blocks)
    length_bits = 8 if version < 10 else 16
    header = f"0100{len(payload):0{length_bits}b}"
    bits = np.concatenate((
        np.frombuffer(header.encode("ascii"), dtype=np.uint8) - ord("0"),
        np.unpackbits(np.frombuffer(payload, dtype=np.uint8)),
    ))  # fmt: skip
    if bits.size > capacity:
        raise ValueError("QR data too long")
    terminator = min(4, capacity - bits.size)
    bits = np.concatenate((bits, np.zeros(terminator + (-(bits.size + terminator)) % 8, dtype=np.uint8)))
    data = np.packbits(bits).tolist()
    data += [(0xEC, 0x11)[i % 2] for i in range(capacity // 8 - len(data))]
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = data[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_ec_codewords(chunk, block.totalCount - block.dataCount))
    out: list[int] = []
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out.extend(b[i] for b in group if i < len(b))
    return out


@cache
def _data_positions(version: int) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    code = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    code.moduleCount = version * 4 + 17
    positions = list(code.dataPosIterator())
    cols = np.array([p[0] for p in positions], dtype=np.int32)
    rows = np.array([p[1] for p in positions], dtype=np.int32)
    return rows, cols


@cache
def _function_patterns(version: int, level: int, mask: int, test: bool) -> Matrix:
    """Finder, alignment and timing patterns and format/version bits (no data), as the
    encoder lays them out; the same for every symbol of one version, level and mask."""
    code = qrencoder.QRCode(version, level)
    count = version * 4 + 17
    code.moduleCount = count
    code.modules = [[False] * count for _ in range(count)]
    code.setupPositionProbePattern(0, 0)
    code.setupPositionProbePattern(count - 7, 0)
    code.setupPositionProbePattern(0, count - 7)
    code.setupPositionAdjustPattern()
    code.setupTimingPattern()
    code.setupTypeInfo(test, mask)
    if version >= 7:
        code.setupTypeNumber(test)
    patterns = np.array(code.modules, dtype=bool)
    patterns.setflags(write=False)
    return patterns


def qr_matrix(text: str, level: str = "M") -> Matrix:
    """The module matrix (True = dark) of ``text`` encoded as UTF-8 bytes.

    Byte mode with UTF-8 is what phone scanners expect for Chinese; the encoder's automatic
    choice would try Shift-JIS Kanji mode first.
    """
    ec_level = getattr(qrencoder.QRErrorCorrectLevel, level)
    payload = text.encode("utf-8")
    version = _version_for(len(payload), ec_level)
    rows, cols = _data_positions(version)
    codewords = _codewords(payload, version, ec_level)
    bits = np.zeros(len(rows), dtype=bool)
    unpacked = np.unpackbits(np.array(codewords, dtype=np.uint8)).astype(bool)[: len(rows)]
    bits[: len(unpacked)] = unpacked
    # Score the eight masks on the data modules (vectorised), as the encoder's own
    # ``getBestMaskPattern`` does with placeholder format bits.
    trials = np.repeat(_function_patterns(version, ec_level, 0, True)[None], 8, axis=0)
    for pattern in range(8):
        trials[pattern, rows, cols] = bits ^ _mask(pattern, rows, cols)
    best = int(np.argmin(penalties(trials)))
    final = _function_patterns(version, ec_level, best, False).copy()
    final[rows, cols] = bits ^ _mask(best, rows, cols)
    return final


@cache
def _version_for(length: int, level: int) -> int:
    """The smallest version holding ``length`` bytes in byte mode (the encoder's rule)."""
    code = qrencoder.QRCode(None, level)
    code.addData(qrencoder.QR8bitByte(b"\0" * length))
    version: int = code.calculate_version()
    return version


def draw_qr(canvas: Any, matrix: Matrix, x: float, y: float, size: float) -> None:
    """Draw ``matrix`` as one filled path in a ``size`` square whose lower-left is (x, y).

    The square includes the quiet zone. Each horizontal run of dark modules is one
    rectangle of the same path, in module units (small integers: quick to write, compact
    in the PDF), filled by a single operator.
    """
    count = matrix.shape[0]
    module = size / (count + 2 * QUIET_ZONE)
    padded = np.zeros((count, count + 2), dtype=np.int8)
    padded[:, 1:-1] = matrix
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    operators = [
        f"{start} {-row - 1} {end - start} 1 re"
        for row, start, end in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True)
    ]
    canvas.saveState()
    canvas.translate(x + QUIET_ZONE * module, y + size - QUIET_ZONE * module)
    canvas.scale(module, module)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(operators) + "\nf")
    canvas.restoreState()
