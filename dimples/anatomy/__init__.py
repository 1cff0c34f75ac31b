"""Anatomy of the lower back: landmark data and schematic drawings.

:mod:`dimples.anatomy.landmarks` holds the landmark table (data only); the
drawing modules read it and draw with matplotlib onto an Axes you pass in.
"""

from dimples.anatomy.cross_section import draw_cross_section
from dimples.anatomy.landmarks import LANDMARKS, Landmark, distance_cm, names, position

__all__ = [
    "LANDMARKS",
    "Landmark",
    "distance_cm",
    "names",
    "position",
    "draw_cross_section",
]
