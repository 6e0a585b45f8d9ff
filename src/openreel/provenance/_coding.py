"""The payload code shared by the picture and sound marks.

A payload, its CRC (16 or 32 bits) and a 6-bit zero tail go through a rate-1/3
convolutional code (constraint length 7, generators 133, 171, 165 octal); ``viterbi`` finds
the most likely coder input for soft coded bits, for one word or a batch of them at once.
"""

from __future__ import annotations

import binascii
import functools

import numpy as np

CONSTRAINT = 7
GENERATORS = (0o133, 0o171, 0o165)
TAIL = CONSTRAINT - 1
RATE = len(GENERATORS)  # coded bits per input bit


def crc(payload: bytes, bits: int) -> np.ndarray:
    """CRC-16 (CCITT, ``crc_hqx``) or CRC-32 (``crc32``) of ``payload`` as 0/1 bits."""
    if bits == 16:
        value = binascii.crc_hqx(payload, 0)
    elif bits == 32:
        value = binascii.crc32(payload)
    else:
        raise ValueError(f"CRC width must be 16 or 32, got {bits}")
    return np.unpackbits(np.frombuffer(value.to_bytes(bits // 8, "big"), np.uint8))


def info_length(payload_bytes: int, crc_bits: int) -> int:
    """Coder input bits for a payload: its bits, the CRC and the tail."""
    return payload_bytes * 8 + crc_bits + TAIL


@functools.lru_cache(maxsize=1)
def trellis() -> np.ndarray:
    """The coder's output as ±1 for every 7-bit register (the newest input bit lowest)."""
    reg = np.arange(1 << CONSTRAINT)
    out = [np.array([bin(r & g).count("1") & 1 for r in reg]) for g in GENERATORS]
    return (np.stack(out, axis=1) * 2 - 1).astype(np.float64)


def encode(payload: bytes, crc_bits: int) -> np.ndarray:
    """Payload, its CRC and a zero tail through the rate-1/3 convolutional coder (0/1)."""
    info = np.concatenate([np.unpackbits(np.frombuffer(payload, np.uint8)),
                           crc(payload, crc_bits), np.zeros(TAIL, np.uint8)])
    out = trellis() > 0
    state, coded = 0, []
    for bit in info:
        reg = (state << 1 | int(bit)) & ((1 << CONSTRAINT) - 1)
        coded.append(out[reg])
        state = reg & ((1 << TAIL) - 1)
    return np.concatenate(coded).astype(np.uint8)


def viterbi(soft: np.ndarray) -> np.ndarray:
    """Most likely coder input for soft coded bits (positive means 1), ending in state 0.

    ``soft`` is (coded bits,) or (words, coded bits); the result is (info bits,) or
    (words, info bits) of 0/1. This is exact maximum-likelihood decoding of the terminated
    code for the correlation metric, so it commutes with flipping the signs of ``soft`` on
    a codeword: decoding ``soft * (-1)**c`` gives the decoding of ``soft`` XOR c's input.
    """
    single = soft.ndim == 1
    words = np.atleast_2d(np.asarray(soft, dtype=np.float64))
    batch, steps = len(words), words.shape[1] // RATE
    states = 1 << TAIL
    branch = words.reshape(batch, steps, RATE) @ trellis().T  # (words, steps, registers)
    metric = np.full((batch, states), -np.inf)
    metric[:, 0] = 0.0
    low = np.arange(states) >> 1  # predecessor of each state whose dropped bit was 0
    decisions = np.zeros((steps, batch, states), bool)
    for step in range(steps):
        keep = metric[:, low] + branch[:, step, :states]
        drop = metric[:, low | states >> 1] + branch[:, step, states:]
        decisions[step] = drop > keep
        metric = np.maximum(keep, drop)
    bits = np.zeros((batch, steps), np.uint8)
    state = np.zeros(batch, np.int64)
    rows = np.arange(batch)
    for step in range(steps - 1, -1, -1):
        bits[:, step] = state & 1
        state = (state >> 1) | (decisions[step, rows, state].astype(np.int64) << (TAIL - 1))
    return bits[0] if single else bits


def check(info: np.ndarray, payload_bytes: int, crc_bits: int) -> bytes | None:
    """The payload in decoded coder input ``info`` when its CRC matches, else None."""
    payload = np.packbits(info[:payload_bytes * 8]).tobytes()
    if not np.array_equal(info[payload_bytes * 8:payload_bytes * 8 + crc_bits],
                          crc(payload, crc_bits)):
        return None
    return payload
