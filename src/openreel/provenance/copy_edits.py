"""Copies of a video file as they travel the web, picture and sound; for tests and benches.

Each copy is re-encoded as a re-upload would be (H.264 CRF 30, AAC 96 kbit/s), and may
also be halved in size, cropped by a tenth at every edge and trimmed at either end; or
reduced to its soundtrack; or re-posted the ways people do: mirrored, turned a quarter,
rotated a few degrees, stretched, framed with a 3 % border, set into a frame of the other
orientation with black bars or over a blurred, zoomed copy of itself, brought down to 360p
at CRF 38, re-posted as short-video apps do (boxed over a blurred copy, captioned, music
laid over, 240p), or filmed off a screen with a phone (keystone, moire, noise, the room's
sound). Frames stream through one at a time. (``attacks`` holds the same edits on decoded
frame lists, without sound.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import cv2
import numpy as np

from openreel.media import AUDIO_RATE, EncodeSettings, Mp4Writer, probe, read_audio, read_frames
from openreel.provenance._audio_attacks import (
    filtered,
    mixed_with,
    music,
    resample,
    room,
    telephone,
)


@dataclass(frozen=True)
class Edit:
    """What happens to a copy besides re-encoding."""

    half_size: bool = False
    crop: float = 0.0  # share of the size cut from every edge
    head_s: float = 0.0  # seconds cut from the start
    tail_s: float = 0.0  # seconds cut from the end
    crf: int = 30
    mirror: bool = False
    turn: int = 0  # quarter turns, anticlockwise
    border: float = 0.0  # a solid frame this share of the size wide at every edge
    box: str = ""  # "bars" or "blurred": set into a frame of the other orientation
    speed: float = 1.0  # played this much faster, picture and sound (pitch with it)
    rotate: float = 0.0  # degrees anticlockwise, zoomed in until no corner shows
    stretch: float = 1.0  # the width scaled by this, the height kept
    short_side: int = 0  # scaled last so that the short side has this many pixels
    caption: str = ""  # written over the picture on a band near the top
    screen: bool = False  # filmed off a screen: keystone, moire, sensor noise, defocus
    sound: str = ""  # "music": music mixed in at equal loudness; "room": as a phone
    #                  filming a screen hears it (small speaker, a room, its hum)


EDITS: dict[str, Edit] = {
    "crf30": Edit(),
    "half_size": Edit(half_size=True),
    "crop_10pct": Edit(crop=0.1),
    "trim": Edit(head_s=0.7, tail_s=0.4),
    "combined": Edit(half_size=True, crop=0.1, head_s=0.7, tail_s=0.4),
    "mirrored": Edit(mirror=True),
    "turned_90": Edit(turn=1),
    "border_3pct": Edit(border=0.03),
    "letterboxed": Edit(box="bars"),
    "blurred_background": Edit(box="blurred"),
    "mirrored_sped_10pct": Edit(mirror=True, speed=1.1),
    "rotated_3deg": Edit(rotate=3.0),
    "stretched_5pct": Edit(stretch=1.05),
    "stretched_15pct": Edit(stretch=1.15),
    "small_360p_crf38": Edit(short_side=360, crf=38),
    # The usual re-post on a short-video app: boxed over a blurred copy, captioned, music
    # laid over, and brought down to 240p.
    "tiktok_style": Edit(box="blurred", caption="wait for it", short_side=240,
                         sound="music"),
    "screen_recording": Edit(screen=True, sound="room"),
}

# What re-posts do to a soundtrack alone, on (n, channels) float32 audio at ``rate``.
SoundChange = Callable[[np.ndarray, int], np.ndarray]
SOUND_EDITS: dict[str, SoundChange] = {
    "sped_2pct": lambda s, r: filtered(s, r, f"asetrate={round(r * 1.02)}"),
    "slowed_2pct": lambda s, r: filtered(s, r, f"asetrate={round(r * 0.98)}"),
    "pitched_up_2_semitones": lambda s, r: filtered(
        s, r, f"asetrate={round(r * 2 ** (2 / 12))},atempo={2 ** (-2 / 12):.6f}"),
    "pitched_down_1_semitone": lambda s, r: filtered(
        s, r, f"asetrate={round(r * 2 ** (-1 / 12))},atempo={2 ** (1 / 12):.6f}"),
    "paced_10pct_faster": lambda s, r: filtered(s, r, "atempo=1.1"),
    "music_mixed_equal_loudness": lambda s, r: mixed_with(s, music(len(s) / r + 1, r, 5)),
    "telephone_8k_mulaw": telephone,
    "excerpt_2s": lambda s, r: s[r:3 * r],
}
_OTHER_SHAPE = 16 / 9  # the long side of the frame a boxed copy is set into, to its short


def edited_size(width: int, height: int, edit: Edit) -> tuple[int, int]:
    """Width and height (even, for yuv420p) of a ``width`` x ``height`` picture's copy."""
    width -= 2 * round(width * edit.crop)
    height -= 2 * round(height * edit.crop)
    if edit.half_size:
        width, height = width // 2, height // 2
    if edit.turn % 2:
        width, height = height, width
    width = round(width * edit.stretch)
    if edit.border:
        width += 2 * round(width * edit.border)
        height += 2 * round(height * edit.border)
    if edit.box:
        width, height = _boxed_size(width, height)
    if edit.short_side:
        factor = edit.short_side / min(width, height)
        width, height = round(width * factor), round(height * factor)
    return max(2, width - width % 2), max(2, height - height % 2)


def _boxed_size(width: int, height: int) -> tuple[int, int]:
    """A frame of the other orientation that holds a ``width`` x ``height`` picture."""
    if height >= width:
        return round(height * _OTHER_SHAPE), height
    return width, round(width * _OTHER_SHAPE)


def edit_frame(rgb: np.ndarray, edit: Edit) -> np.ndarray:
    """Crop and scale one frame as ``edit`` says."""
    h, w = rgb.shape[:2]
    dy, dx = round(h * edit.crop), round(w * edit.crop)
    rgb = rgb[dy:h - dy, dx:w - dx]
    width, height = edited_size(w, h, Edit(half_size=edit.half_size, crop=edit.crop))
    if (rgb.shape[1], rgb.shape[0]) != (width, height):
        rgb = cv2.resize(rgb, (width, height), interpolation=cv2.INTER_AREA)
    if edit.mirror:
        rgb = rgb[:, ::-1]
    if edit.turn:
        rgb = np.rot90(rgb, edit.turn)
    if edit.rotate:
        rgb = _rotated(np.ascontiguousarray(rgb), edit.rotate)
    if edit.stretch != 1.0:
        rgb = cv2.resize(rgb, (round(rgb.shape[1] * edit.stretch), rgb.shape[0]),
                         interpolation=cv2.INTER_LINEAR)
    if edit.border:
        pad = round(rgb.shape[1] * edit.border), round(rgb.shape[0] * edit.border)
        rgb = cv2.copyMakeBorder(np.ascontiguousarray(rgb), pad[1], pad[1], pad[0], pad[0],
                                 cv2.BORDER_CONSTANT, value=(235, 235, 235))
    if edit.box:
        rgb = _set_in_box(np.ascontiguousarray(rgb), edit.box)
    if edit.caption:
        rgb = _captioned(np.ascontiguousarray(rgb), edit.caption)
    out_w, out_h = edited_size(w, h, edit)
    if edit.short_side:
        rgb = cv2.resize(rgb, (out_w, out_h), interpolation=cv2.INTER_AREA)
    if edit.screen:
        rgb = _filmed_off_screen(np.ascontiguousarray(rgb))
    return np.ascontiguousarray(rgb[:out_h, :out_w])


def _rotated(rgb: np.ndarray, degrees: float) -> np.ndarray:
    """Turned by ``degrees`` about the centre and zoomed in just enough to fill the frame
    (what an editor's straighten tool does)."""
    h, w = rgb.shape[:2]
    angle = np.radians(abs(degrees))
    zoom = max(np.cos(angle) + h / w * np.sin(angle), np.cos(angle) + w / h * np.sin(angle))
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, zoom)
    return cv2.warpAffine(rgb, turn, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REFLECT)


def _captioned(rgb: np.ndarray, text: str) -> np.ndarray:
    """``text`` in white on a dark band across the upper part of the picture."""
    h, w = rgb.shape[:2]
    out = rgb.copy()
    top, bottom = round(h * 0.12), round(h * 0.2)
    out[top:bottom] = (out[top:bottom].astype(np.float32) * 0.35).astype(np.uint8)
    scale = w / 420
    (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_DUPLEX, scale, max(1, round(scale * 2)))
    origin = ((w - tw) // 2, (top + bottom + th) // 2)
    cv2.putText(out, text, origin, cv2.FONT_HERSHEY_DUPLEX, scale, (255, 255, 255),
                max(1, round(scale * 2)), cv2.LINE_AA)
    return out


# Where a screen's corners land in a phone's picture of it (shares of width and height):
# held a little askew, so the screen is a keystoned quadrilateral inside a dark bezel.
_SCREEN_CORNERS = np.array([[0.02, 0.012], [0.985, 0.03], [0.97, 0.985], [0.015, 0.992]],
                           np.float32)


def _filmed_off_screen(rgb: np.ndarray) -> np.ndarray:
    """As a phone films the picture off a screen: keystoned inside a dark bezel, washed
    out a little by the room's light, with the moire of the screen's pixel grid against the
    camera's, slightly out of focus, and with sensor noise (different in every frame)."""
    h, w = rgb.shape[:2]
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    warp = cv2.getPerspectiveTransform(corners, _SCREEN_CORNERS * np.array([w, h], np.float32))
    shot = cv2.warpPerspective(rgb, warp, (w, h), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=(18, 18, 20))
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = np.radians(7.0)
    moire = 1 + 0.05 * np.sin(2 * np.pi * (x * np.cos(angle) + y * np.sin(angle)) / 3.1)
    light = cv2.GaussianBlur(shot.astype(np.float32), (0, 0), 0.8) * 0.9 + 14
    light *= moire[..., None]
    rng = np.random.default_rng(int(rgb[::29, ::31].sum()))
    light += rng.normal(0, 2.5, light.shape).astype(np.float32)
    return np.clip(light, 0, 255).astype(np.uint8)


def _set_in_box(rgb: np.ndarray, box: str) -> np.ndarray:
    """The picture centred in a frame of the other orientation, on black or on a blurred,
    zoomed, darkened copy of itself (the usual re-post of a video of the wrong shape)."""
    h, w = rgb.shape[:2]
    width, height = _boxed_size(w, h)
    if box == "blurred":
        zoom = max(width / w, height / h)
        big = cv2.resize(rgb, (round(w * zoom), round(h * zoom)), interpolation=cv2.INTER_LINEAR)
        top, left = (big.shape[0] - height) // 2, (big.shape[1] - width) // 2
        back = cv2.GaussianBlur(big[top:top + height, left:left + width], (0, 0), 18)
        canvas = (back.astype(np.float32) * 0.6).astype(np.uint8)
    else:
        canvas = np.zeros((height, width, 3), np.uint8)
    top, left = (height - h) // 2, (width - w) // 2
    canvas[top:top + h, left:left + w] = rgb
    return canvas


def _kept(path: Path, first: int, last: int) -> Iterator[np.ndarray]:
    for i, rgb in enumerate(read_frames(path)):
        if first <= i < last:
            yield rgb


def edit_copy(src: Path, dst: Path, edit: Edit) -> Path:
    """Write to ``dst`` the copy of video ``src`` that ``edit`` describes."""
    info = probe(src)
    fps = round(info.fps) or 24
    width, height = edited_size(info.width, info.height, edit)
    settings = EncodeSettings(crf=edit.crf, audio_bitrate=96_000)
    with Mp4Writer(dst, width, height, fps, settings) as writer:
        if info.audio_codec is not None:
            samples, rate = read_audio(src)
            samples = resample(samples, rate, AUDIO_RATE) if rate != AUDIO_RATE else samples
            if edit.speed != 1.0:
                faster = f"asetrate={round(AUDIO_RATE * edit.speed)}"
                samples = filtered(samples, AUDIO_RATE, faster)
            if edit.sound == "music":
                samples = mixed_with(samples, music(len(samples) / AUDIO_RATE + 1,
                                                    AUDIO_RATE, 5))
            elif edit.sound == "room":
                samples = room(samples, AUDIO_RATE)
            stereo = samples if samples.shape[1] == 2 else np.repeat(samples[:, :1], 2, axis=1)
            head, tail = round(edit.head_s * AUDIO_RATE), round(edit.tail_s * AUDIO_RATE)
            writer.write_audio(stereo[head:len(stereo) - tail])
        first, last = round(edit.head_s * fps), info.frames - round(edit.tail_s * fps)
        shown = 0.0  # a faster copy shows every speed-th frame of the source
        for n, rgb in enumerate(_kept(src, first, last)):
            while shown <= n:
                writer.write_frame(edit_frame(rgb, edit))
                shown += edit.speed
    return dst


def sound_only(src: Path, dst: Path, head_s: float = 0.0, tail_s: float = 0.0,
               rate: int = 44_100, change: SoundChange | None = None) -> Path:
    """Write the soundtrack of ``src``, trimmed, changed (one of SOUND_EDITS, say) and
    resampled to ``rate``, as AAC in M4A."""
    samples, source_rate = read_audio(src)
    samples = samples[round(head_s * source_rate):len(samples) - round(tail_s * source_rate)]
    if change is not None:
        samples = change(samples, source_rate)
    planar = np.ascontiguousarray(resample(samples, source_rate, rate).T)
    layout = "stereo" if len(planar) == 2 else "mono"
    with av.open(str(dst), mode="w", format="mp4") as container:
        stream = container.add_stream("aac", rate=rate)
        stream.layout = layout
        stream.bit_rate = 96_000
        for start in range(0, planar.shape[1], 1024):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(planar[:, start:start + 1024]), format="fltp",
                layout=layout)
            frame.sample_rate, frame.pts = rate, start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return dst
