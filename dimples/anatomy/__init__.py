"""Anatomy of the lower back: landmark data and schematic drawings.

:mod:`dimples.anatomy.landmarks` holds the landmark table (data only);
:mod:`dimples.anatomy.bones` builds bone outlines from it; the drawing
modules draw with matplotlib onto an Axes you pass in, and
:mod:`dimples.anatomy.labels` places their leader-line labels.
"""

from dimples.anatomy.cross_section import draw_cross_section
from dimples.anatomy.landmarks import LANDMARKS, Landmark, distance_cm, names, position
from dimples.anatomy.posterior import LAYERS, draw_posterior_view
from dimples.anatomy.sacroiliac import VIEWS, draw_sacroiliac_joint

__all__ = [
    "LANDMARKS",
    "LAYERS",
    "VIEWS",
    "Landmark",
    "distance_cm",
    "names",
    "position",
    "draw_cross_section",
    "draw_posterior_view",
    "draw_sacroiliac_joint",
]
