"""The simulation stage of the procedural engine: storyboard → physics → per-frame scene.

``simulate_storyboard`` builds one pymunk world per shot (gravity, floor, stage walls,
materials), lays the entities out, moves them (rigid bodies, procedural gaits, ragdolls,
motors, buoyancy, thrust, a particle fluid, particle effects) and records one FrameState
per output frame, plus impacts and continuous sound levels for the mixer.
"""

from openreel.engines.procedural.simulation.simulate import simulate_storyboard

__all__ = ["simulate_storyboard"]
