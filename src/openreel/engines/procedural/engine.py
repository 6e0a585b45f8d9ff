"""The procedural engine: simulate → speak → mix and render (side by side) → a frame sink."""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

from openreel.engines.base import FrameSink, ProgressFn, RenderRequest, RenderResult, no_progress
from openreel.engines.procedural.annotations import AnnotationWriter
from openreel.engines.procedural.audio import (
    apply_mouths,
    mix_soundtrack,
    prefetch_dialogue,
    schedule_dialogue,
)
from openreel.engines.procedural.render import Renderer
from openreel.engines.procedural.scene import FrameState, ShotSimulation
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.media import AUDIO_RATE
from openreel.spec import Storyboard


class ProceduralEngine:
    """Deterministic CPU engine: pymunk physics, skia rendering, synthesised sound."""

    name = "procedural"

    def render(self, storyboard: Storyboard, request: RenderRequest, sink: FrameSink,
               progress: ProgressFn = no_progress) -> RenderResult:
        """Render every frame and the soundtrack of ``storyboard`` into ``sink``."""
        stats: dict[str, float] = {}
        clock = time.perf_counter()

        progress("simulating", 0, 1)
        prefetch_dialogue(storyboard)  # voices speak on their own threads while physics runs
        sims = simulate_storyboard(storyboard, fps=request.fps, seed=request.seed)
        frames = [(state, sim) for sim in sims for state in sim.frames]
        progress("simulating", 1, 1)
        stats["simulating"], clock = _lap(clock)

        renderer = Renderer(storyboard, width=request.width, height=request.height,
                            seed=request.seed, image=request.image)

        progress("audio", 0, 1)
        lines = schedule_dialogue(storyboard, sims, seed=request.seed)
        apply_mouths(sims, lines)
        for sim in sims:  # set up each shot's camera here; the sound thread only reads them
            if sim.frames:
                renderer.project(sim.frames[0], sim, 0.0, 0.0)

        def screen_x(frame_index: int, x: float, y: float) -> float:
            state, sim = frames[min(max(frame_index, 0), len(frames) - 1)]
            px, _ = renderer.project(state, sim, x, y)
            return max(-1.0, min(1.0, 2.0 * px / request.width - 1.0))

        def mix() -> tuple[np.ndarray, float]:
            started = time.perf_counter()
            audio = mix_soundtrack(storyboard, sims, lines, seed=request.seed,
                                   sample_rate=AUDIO_RATE, screen_x=screen_x)
            return audio, time.perf_counter() - started

        writer = None
        if request.annotations is not None:
            writer = AnnotationWriter(request.annotations, storyboard, request.width,
                                      request.height, request.fps, request.seed)
        poster_index = min(len(frames) - 1, int(request.poster_at * len(frames)))
        poster = None
        # The soundtrack is mixed on a thread while the frames render: much of the mixing is
        # numpy and scipy work that releases the GIL. The sink still hears only from this
        # thread, and gets the soundtrack as soon as it is ready.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mix") as pool:
            sound: Future[tuple[np.ndarray, float]] | None = pool.submit(mix)
            audio = np.zeros((0, 2), np.float32)
            try:
                for done, (state, sim) in enumerate(frames, start=1):
                    rgba = renderer.render(state, sim)
                    if state.index == poster_index:  # before the sink owns (and may mark) it
                        poster = rgba[..., :3].copy()
                    if sound is not None and sound.done():
                        audio, stats["audio"] = _deliver(sound, sink, progress)
                        sound = None
                    sink.write_frame(rgba)
                    if writer is not None:
                        writer.add(state, sim, renderer)
                    progress("rendering", done, len(frames))
                if sound is not None:
                    audio, stats["audio"] = _deliver(sound, sink, progress)
            except BaseException:
                if sound is not None:
                    sound.cancel()
                if writer is not None:
                    writer.abort()
                raise
        if writer is not None:
            writer.close(sims, lines)
        stats["rendering"], clock = _lap(clock)
        return RenderResult(frames=len(frames), audio_samples=len(audio), poster=poster,
                            stats=stats)


def _deliver(sound: Future[tuple[np.ndarray, float]], sink: FrameSink,
             progress: ProgressFn) -> tuple[np.ndarray, float]:
    """Hand the mixed soundtrack to the sink; the mix's own seconds for the stats."""
    audio, seconds = sound.result()
    sink.write_audio(audio)
    progress("audio", 1, 1)
    return audio, seconds


def _lap(start: float) -> tuple[float, float]:
    now = time.perf_counter()
    return now - start, now


__all__ = ["FrameState", "ProceduralEngine", "ShotSimulation"]
