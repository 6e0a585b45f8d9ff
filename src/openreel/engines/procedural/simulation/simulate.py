"""The simulation stage: a Storyboard in, one ShotSimulation per shot out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from openreel.engines.procedural import fireworks
from openreel.engines.procedural.scene import (
    GROUND,
    Contact,
    ContinuousSound,
    FrameState,
    Particles,
    ShotSimulation,
)
from openreel.engines.procedural.simulation.actor import Actor, ShotContext
from openreel.engines.procedural.simulation.creatures import CreatureActor
from openreel.engines.procedural.simulation.effects import Effects
from openreel.engines.procedural.simulation.figures import FigureActor
from openreel.engines.procedural.simulation.layout import (
    Instance,
    layout,
    sea_floor,
    stage_height,
    water_level,
)
from openreel.engines.procedural.simulation.machines import BoatActor, RocketActor, VehicleActor
from openreel.engines.procedural.simulation.pouring import PourActor, attach_fluid
from openreel.engines.procedural.simulation.rigid import RigidActor
from openreel.engines.procedural.simulation.scenery import SceneryActor
from openreel.engines.procedural.simulation.showcases import (
    arrange,
    lend_actions,
    link,
    showcase_actor,
    water_lines,
)
from openreel.engines.procedural.simulation.timing import ShotClock, shot_clocks
from openreel.engines.procedural.simulation.world import PhysicsWorld
from openreel.spec import Archetype, Motion, Shot, Storyboard

A = Archetype
_ACTORS: dict[Archetype, type[Actor]] = {
    A.BALL: RigidActor, A.FOOD: RigidActor, A.BLOCK: RigidActor, A.FURNITURE: RigidActor,
    A.CONTAINER: RigidActor, A.PROP: RigidActor, A.HUMANOID: FigureActor, A.QUADRUPED: FigureActor,
    A.BIRD: CreatureActor, A.FISH: CreatureActor, A.AIRCRAFT: CreatureActor,
    A.TREE: SceneryActor, A.PLANT: SceneryActor, A.BUILDING: SceneryActor,
    A.VEHICLE: VehicleActor, A.BOAT: BoatActor, A.ROCKET: RocketActor,
}


@dataclass(frozen=True, slots=True)
class CarriedState:
    """Where an entity instance ended a shot, for a following shot that continues it."""

    x: float
    y: float
    angle: float
    vx: float
    vy: float


def simulate_storyboard(storyboard: Storyboard, *, fps: int, seed: int) -> list[ShotSimulation]:
    """Simulate every shot; frames tile round(duration * fps) clip frames exactly."""
    sims: list[ShotSimulation] = []
    carried: dict[str, CarriedState] = {}
    for clock, shot in zip(shot_clocks(storyboard, fps), storyboard.shots, strict=True):
        sim, carried_out = simulate_shot(storyboard, shot, clock, seed,
                                         carried if shot.continues else {})
        sims.append(sim)
        carried = carried_out
    return sims


def _actor_for(inst: Instance, instances: list[Instance]) -> type[Actor]:
    if inst.archetype is A.CONTAINER and inst.motion is Motion.POUR:
        return PourActor
    return showcase_actor(inst, instances) or _ACTORS[inst.archetype]


def simulate_shot(storyboard: Storyboard, shot: Shot, clock: ShotClock, seed: int,
                  carried: dict[str, CarriedState]) -> tuple[ShotSimulation,
                                                             dict[str, CarriedState]]:
    """Simulate one shot; returns it and the final state of every instance."""
    env = storyboard.environment_of(shot)
    rng = np.random.default_rng(seed + clock.shot)
    gravity = env.resolved_gravity()
    ground = env.resolved_ground()
    level = water_level(env)
    floor = sea_floor(env)
    world = PhysicsWorld(gravity, env.stage_width, ground if ground != "water" else "sand",
                         clock.clip_time, has_ground=env.place != "space" and ground != "none",
                         floor_y=floor)
    effects = Effects(gravity, floor if world.has_ground else None, rng, env.wind)
    ctx = ShotContext(env, clock, world, rng, env.stage_width, stage_height(env), level, effects)
    instances = layout(lend_actions(shot.entities), env, rng, seed, storyboard.cameos)
    arrange(instances, env)
    world.planes = {inst.uid: inst.depth for inst in instances}
    for inst in instances:
        state = carried.get(inst.uid)
        if state is None:
            continue
        inst.facing = -1 if state.vx < -0.05 else 1
        inst.x = state.x
        if inst.archetype in (A.HUMANOID, A.QUADRUPED):
            # a character carries on from where it was, standing on its feet again
            if inst.entity.velocity is None:
                inst.vx = state.vx if inst.motion in (Motion.WALK, Motion.RUN) else inst.vx
            continue
        inst.y, inst.angle, inst.vx, inst.vy = state.y, state.angle, state.vx, state.vy
    actors = [_actor_for(inst, instances)(inst, ctx) for inst in instances]
    for actor in actors:
        ctx.actors[actor.inst.uid] = actor
    for actor in actors:
        actor.build()
    attach_fluid(ctx)
    link(ctx)

    frames: list[FrameState] = []
    levels: dict[tuple[str, str], np.ndarray] = {}
    pans: dict[tuple[str, str], np.ndarray] = {}
    heights = {a.inst.uid: a.y for a in actors}
    for f in range(clock.count):
        t = f * clock.frame_dt
        world.sim_t = t
        entity_frames = [a.snapshot(t) for a in actors]
        water_lines(ctx, entity_frames)
        particles: list[Particles] = []
        if ctx.fluid is not None:
            particles.extend(ctx.fluid.snapshot())
        particles.extend(effects.snapshot())
        for a in actors:
            particles.extend(a.particles(t))
        index = clock.first + f
        frames.append(FrameState(index, index / clock.fps, clock.shot, entity_frames, particles))
        for a, ef in zip(actors, entity_frames, strict=True):
            for kind, value in a.sounds().items():
                key = (a.inst.uid, kind)
                if key not in levels:
                    levels[key] = np.zeros(clock.count, dtype=np.float32)
                    pans[key] = np.zeros(clock.count, dtype=np.float32)
                levels[key][f] = value
                pans[key][f] = ef.x
        if level is not None:
            _splashes(ctx, actors, heights, level)
        for a in actors:
            a.control(t)
        _step_physics(ctx, actors, t)
        effects.step(clock.frame_dt)
        if ctx.fluid is not None:
            ctx.fluid.step(clock.frame_dt, t)

    continuous = [
        ContinuousSound(uid, kind, ctx.actors[uid].inst.material, levels[(uid, kind)],  # type: ignore[arg-type]
                        pans[(uid, kind)])
        for uid, kind in levels
    ]
    if ctx.fluid is not None:
        continuous.extend(ctx.fluid.sounds())
    final = {a.inst.uid: CarriedState(a.x, a.y, a.angle, a.vx, a.vy) for a in actors}
    if env.fireworks:
        world.contacts.extend(_bursts_heard(seed, clock, env.stage_width))
    contacts = sorted(world.contacts, key=lambda c: c.t)
    sim = ShotSimulation(clock.shot, clock.start, clock.fps, env, gravity, frames, contacts,
                         continuous, env.stage_width, water_level=level)
    return sim, final


FIREWORKS = "fireworks"  # the uid the display's bangs are heard from


def _bursts_heard(seed: int, clock: ShotClock, stage_width: float) -> list[Contact]:
    """The bang of every shell of the shot's fireworks, when the picture shows it burst
    (it is drawn in the sky over the frame; its side of the frame sets its side of the
    stage)."""
    return [Contact(clock.start + b.t, "firework", FIREWORKS, GROUND,
                    stage_width * (0.2 + 0.6 * b.u), 12.0, 40.0 * b.reach, "powder", "air")
            for b in fireworks.schedule(seed, clock.shot, clock.count / clock.fps)]


def _step_physics(ctx: ShotContext, actors: list[Actor], t: float) -> None:
    """Run the frame's physics sub-steps; actors that push every sub-step get to."""
    clock = ctx.clock
    h = clock.h
    pushers = [a for a in actors if a.needs_substep]
    for k in range(clock.substeps):
        tk = t + k * h
        for a in pushers:
            a.substep(tk, h)
        ctx.world.step(h)


def _splashes(ctx: ShotContext, actors: list[Actor], heights: dict[str, float],
              level: float) -> None:
    """Spray and a splash sound where something drops through the water surface."""
    for a in actors:
        prev = heights.get(a.inst.uid, a.y)
        heights[a.inst.uid] = a.y
        half = 0.5 * a.inst.size if a.inst.archetype is not A.BOAT else 0.1 * a.inst.size
        if prev - half > level >= a.y - half and a.vy < -0.8:
            ctx.effects.splash(a.x, level, -a.vy, n=int(20 + 40 * min(a.inst.size, 2.0)))
            mass = 100.0 * a.inst.size ** 2
            ctx.world.record("splash", a.inst.uid, GROUND, a.x, level, mass * -a.vy,
                             a.inst.material, "water")
