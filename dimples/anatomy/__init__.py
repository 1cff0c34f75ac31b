"""Anatomy of the lower back: landmark data and schematic drawings.

* :mod:`dimples.anatomy.landmarks`: the landmark table (data only; importing
  it loads no drawing code, so :mod:`dimples.model` can read it);
* :mod:`dimples.anatomy.bones`: bone outlines built from that table;
* :mod:`dimples.anatomy.labels`: leader-line labels that do not overlap;
* :mod:`dimples.anatomy.posterior`, :mod:`dimples.anatomy.sacroiliac`,
  :mod:`dimples.anatomy.cross_section`: the diagrams, drawn with matplotlib
  onto an Axes you pass in.

This package file imports nothing: import the module you need.
"""
