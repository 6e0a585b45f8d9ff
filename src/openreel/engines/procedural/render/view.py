"""A frame's camera as the drawing code needs it: where it looks, how many pixels a metre."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class View:
    """One frame's camera: world point at the frame centre and pixels per metre."""

    cx: float
    cy: float
    ppm: float
    width: int
    height: int
    pan: float = 0.0  # metres the camera travelled sideways, for parallax of far layers

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        """World metres → pixels."""
        return (self.width / 2 + (x - self.cx) * self.ppm,
                self.height / 2 - (y - self.cy) * self.ppm)
