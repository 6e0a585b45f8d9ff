"""A storyboard in plain words, for ``openreel generate --explain``."""

from __future__ import annotations

from openreel.spec import Motion, Storyboard


def describe(board: Storyboard) -> str:
    """Shots, camera, entities, dialogue and sound, then what the director did not understand."""
    env = board.environment
    lines = [
        f"storyboard: {board.duration:.1f} s, style {board.style.value}, mood {board.mood.value}",
        f"  place {env.place}, {env.time_of_day.value.replace('_', ' ')}, weather "
        f"{env.weather.value}, lighting {env.lighting.value}, gravity "
        f"{env.resolved_gravity():.2f} m/s², floor {env.resolved_ground()}"
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
            bits = [f"{e.count}×" if e.count > 1 else "", e.colour or "", e.material or "",
                    e.kind, f"{e.size:g} m" if e.size is not None else "",
                    e.motion.value if e.motion is not Motion.IDLE else ""]
            extra = f" → {e.target}" if e.target else ""
            label = f' ("{e.label}")' if e.label and e.label != e.kind else ""
            lines.append(f"  - {e.id}: {' '.join(b for b in bits if b)}{extra}{label}")
        for line in shot.dialogue:
            lines.append(f'  {line.speaker} says "{line.text}"')
        for cue in shot.sounds:
            source = f" from {cue.entity}" if cue.entity else ""
            lines.append(f"  sound: {cue.sound}{source} at {cue.at:.1f} s")
    if board.mapped_words:
        mapped = ", ".join(f"{w} → {k}" for w, k in sorted(board.mapped_words.items()))
        lines.append(f"mapped to the nearest known kind: {mapped}")
    lines.append("not understood: " + (", ".join(board.unknown_words) or "nothing"))
    return "\n".join(lines)
