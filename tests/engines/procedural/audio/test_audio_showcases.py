"""The showcases' own sounds: glass breaking, a swish, a net, and a dive heard as it lands."""

from __future__ import annotations

import numpy as np
from audio_fixtures import SR, band_energy
from scipy.signal import find_peaks

from openreel.engines.procedural.audio import mix_soundtrack
from openreel.engines.procedural.audio.foley import net, shatter, swish
from openreel.engines.procedural.audio.modal import strike
from openreel.engines.procedural.simulation import simulate_storyboard
from openreel.spec import Entity, Environment, Shot, Storyboard


def _centroid(x: np.ndarray) -> float:
    spec = np.abs(np.fft.rfft(x))
    freqs = np.fft.rfftfreq(len(x), 1 / SR)
    return float((spec * freqs).sum() / spec.sum())


def _clinks(x: np.ndarray) -> int:
    """Separate little hits after the crash: peaks of the high band standing out by 6 dB."""
    e = band_energy(x[int(0.1 * SR):], SR, 2500.0, hop_s=0.005)
    peaks, _ = find_peaks(10.0 * np.log10(e + 1e-12), prominence=6.0)
    return len(peaks)


def test_breaking_glass_is_bright_and_tinkles_on_after_the_crash() -> None:
    x = shatter(0.15, SR, 0)
    assert np.max(np.abs(x)) <= 1.0 + 1e-6
    assert _centroid(x) > 2.0 * _centroid(strike("wood", 0.15, SR))
    tail = x[int(0.2 * SR):]
    assert np.sqrt(np.mean(tail ** 2)) > 0.01  # pieces still ringing after the crash
    assert _clinks(x) >= 8


def test_a_swish_is_airy_and_a_net_thumps() -> None:
    s, n = swish(SR, 0), net(SR, 0)
    assert _centroid(s) > 2000.0
    low = band_energy(n, SR, 20.0).sum() - band_energy(n, SR, 400.0).sum()
    assert low > 0.3 * band_energy(n, SR, 20.0).sum()  # mostly the ball's thump


def test_the_dive_is_heard_on_the_frame_it_enters_the_water() -> None:
    board = Storyboard(music=False, environment=Environment(place="park"), shots=[
        Shot(duration=4.0, entities=[Entity(id="pool", kind="swimming_pool"),
                                     Entity(id="kid", kind="child", motion="jump",
                                            target="pool")])])
    sims = simulate_storyboard(board, fps=24, seed=2)
    splash = next(c for c in sims[0].contacts if c.kind == "splash")
    stems: dict[str, np.ndarray] = {}
    mix = mix_soundtrack(board, sims, [], seed=2, stems_out=stems)
    k = round(splash.t * SR)
    foley = np.abs(stems["foley"]).max(axis=1)
    assert foley[:k - 1].max() < 1e-6  # nothing of it before the entry …
    assert foley[k:k + SR // 20].max() > 0.05  # … and the splash from that sample on
    hop = 0.01
    e = band_energy(mix, SR, 1500.0, hop_s=hop)
    at = int(splash.t / hop)
    assert e[at:at + 10].max() > 20.0 * np.median(e[max(at - 60, 0):at - 2])
