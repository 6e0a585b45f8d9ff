"""Hand-built simulations for the sound stage: no physics needed to test the mix."""

from __future__ import annotations

import numpy as np

from openreel.engines.procedural.scene import (
    GROUND,
    Contact,
    ContinuousSound,
    EntityFrame,
    FrameState,
    ShotSimulation,
)
from openreel.spec import Archetype, Environment, Storyboard
from openreel.spec.catalog import KINDS

FPS = 24
SR = 48000


def entity(uid: str, kind: str, x: float, y: float = 0.0) -> EntityFrame:
    """One entity instance standing still at (x, y)."""
    spec = KINDS[kind]
    return EntityFrame(uid=uid, group=uid.split(".")[0], kind=kind,
                       archetype=Archetype(spec.archetype), colour=(200, 50, 50),
                       material=spec.material, size=spec.size, x=x, y=y, angle=0.0, vx=0.0,
                       vy=0.0, parts={})


def make_sims(storyboard: Storyboard, entities: list[list[tuple[str, str, float]]],
              contacts: list[list[Contact]] | None = None,
              continuous: list[list[ContinuousSound]] | None = None,
              fps: int = FPS) -> list[ShotSimulation]:
    """ShotSimulations with one FrameState per frame, the given entities and sound events."""
    sims: list[ShotSimulation] = []
    start = 0.0
    index = 0
    for i, shot in enumerate(storyboard.shots):
        env: Environment = storyboard.environment_of(shot)
        frames = []
        count = round(shot.duration * fps)
        for k in range(count):
            ents = [entity(uid, kind, x) for uid, kind, x in entities[i]]
            frames.append(FrameState(index=index, t=start + k / fps, shot=i, entities=ents))
            index += 1
        sims.append(ShotSimulation(
            shot=i, start=start, fps=fps, environment=env, gravity=9.81, frames=frames,
            contacts=(contacts[i] if contacts else []),
            continuous=(continuous[i] if continuous else []),
            stage_width=env.stage_width))
        start += count / fps
    return sims


def impact(t: float, x: float, material: str = "metal", impulse: float = 20.0) -> Contact:
    """A hit of ``material`` on the ground at clip time ``t``."""
    return Contact(t=t, kind="impact", a="ball", b=GROUND, x=x, y=0.0, impulse=impulse,
                   material_a=material, material_b="grass")


def rolling(n_frames: int, x0: float = 2.0) -> ContinuousSound:
    """A ball rolling right, louder in the middle."""
    level = np.sin(np.linspace(0, np.pi, n_frames)).astype(np.float32)
    return ContinuousSound(uid="ball", kind="roll", material="rubber", level=level,
                           pan=np.linspace(x0, x0 + 5, n_frames).astype(np.float32))


def band_energy(x: np.ndarray, sr: int, lo: float, hop_s: float = 0.002) -> np.ndarray:
    """High-passed energy per hop of a (n, 2) or (n,) signal."""
    from scipy import signal

    mono = x.mean(axis=1) if x.ndim == 2 else x
    sos = signal.butter(4, lo, "highpass", fs=sr, output="sos")
    hp = signal.sosfilt(sos, mono.astype(np.float64))
    hop = int(hop_s * sr)
    m = len(hp) // hop
    return (hp[:m * hop].reshape(m, hop) ** 2).mean(axis=1)
