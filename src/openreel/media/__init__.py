"""Decode, encode, mux and probe media with PyAV."""

from openreel.media.encode import AUDIO_RATE, EncodeSettings, Mp4Writer
from openreel.media.probe import MediaInfo, probe, read_audio, read_frames
from openreel.media.stitch import StitchError, StitchResult, stitch

__all__ = [
           "AUDIO_RATE",
           "EncodeSettings",
           "MediaInfo",
           "Mp4Writer",
           "StitchError",
           "StitchResult",
           "probe",
           "read_audio",
           "read_frames",
           "stitch",
]
