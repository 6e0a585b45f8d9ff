"""A storyboard in plain words, for ``openreel generate --explain``."""

from __future__ import annotations

from openreel.spec import Entity, Motion, Storyboard


def describe(board: Storyboard) -> str:
    """Shots, camera, entities, dialogue and sound, then what the director did not understand."""
    env = board.environment
    lines = [
        f"storyboard: {board.duration:.1f} s, style {board.style.value}, mood {board.mood.value}",
        f"  place {env.place}, {env.time_of_day.value.replace('_', ' ')}, weather "
        f"{env.weather.value}, lighting {env.lighting.value}, gravity "
        f"{env.resolved_gravity():.2f} m/s², floor {env.resolved_ground()}"
        + (", fireworks in the sky" if env.fireworks else "")
        + ("" if board.music else ", no music"),
    ]
    for n, shot in enumerate(board.shots, start=1):
        cam = shot.camera
        camera = f"{cam.framing.value.replace('_', '-')} {cam.move.value}"
        if cam.direction:
            camera += f" {cam.direction.value}"
        if cam.follow:
            camera += f" following {cam.follow}"
        if cam.slow_motion < 1:
            camera += f", slow motion ×{1 / cam.slow_motion:.1f}"
        where = ""
        if shot.environment is not None:
            where = f" in {shot.environment.place}, floor {shot.environment.resolved_ground()}"
        cont = " (continues)" if shot.continues else ""
        lines.append(f"shot {n}: {shot.duration:.1f} s, {camera}{where}{cont}")
        if shot.description:
            lines.append(f"  “{shot.description}”")
        for e in shot.entities:
            lines.append(f"  - {e.id}: {_entity_words(e)}")
        for line in shot.dialogue:
            lines.append(f'  {line.speaker} says "{line.text}"')
        for caption in shot.captions:
            lines.append(f'  on screen: "{caption.text}"')
        for cue in shot.sounds:
            source = f" from {cue.entity}" if cue.entity else ""
            lines.append(f"  sound: {cue.sound}{source} at {cue.at:.1f} s")
    if board.word_notes:
        lines.append("staged as: " + "; ".join(board.word_notes[w] for w in
                                                 sorted(board.word_notes)))
    elif board.mapped_words:
        mapped = ", ".join(f"{w} → {k}" for w, k in sorted(board.mapped_words.items()))
        lines.append(f"mapped to the nearest known kind: {mapped}")
    lines.append("not understood: " + (", ".join(board.unknown_words) or "nothing"))
    return "\n".join(lines)


def _entity_words(e: Entity) -> str:
    """"2× red ball bounce → hoop, on table ("balls")"-style words for one entity."""
    persona = ""
    if e.persona is not None:
        persona = " ".join(str(v.value if hasattr(v, "value") else v) for v in (
            e.persona.age, e.persona.gender, e.persona.build) if v is not None)
        if e.persona.hair:
            persona += f" {e.persona.hair}-haired"
        if e.persona.outfit:
            persona += f" in a {e.persona.outfit}"
    bits = [f"{e.count}×" if e.count > 1 else "", e.colour or "", e.material or "", e.kind,
            f"({persona.strip()})" if persona.strip() else "",
            f"{e.size:g} m" if e.size is not None else "",
            e.motion.value.replace("_", " ") if e.motion is not Motion.IDLE else ""]
    words = " ".join(b for b in bits if b)
    if e.action and e.motion is not Motion.IDLE:
        words += f" [{e.action}]"  # the form of the act: "cook [flipping pancakes]"
    if e.object:
        words += f" with {e.object}"
    if e.target:
        words += f" → {e.target}"
    if e.relation is not None:
        words += f", {e.relation.value.replace('_', ' ')} {e.relative_to}"
    if e.label and e.label != e.kind:
        words += f' ("{e.label}")'
    return words
