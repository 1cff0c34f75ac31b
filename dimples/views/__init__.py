"""One module per notebook: the frames, tables and quiz data each notebook shows.

A notebook's code cells are one or two calls into its view module, so what a
notebook shows is found by its number:

* :mod:`dimples.views.nb00_start`: the course map, the course cards, the first quiz;
* :mod:`dimples.views.nb01_surface`: the posterior view peeled in layers, the two lines, the rhombus;
* :mod:`dimples.views.nb02_sacroiliac`: the joint in three views, the section with and without anchoring;
* :mod:`dimples.views.nb03_formation`: the mark through a soft layer, the formation slider, anchor x muscle;
* :mod:`dimples.views.nb04_visibility`: the chain tables, sex x body-fat category, contrast curves, the claim;
* :mod:`dimples.views.nb05_get_them`: evidence tables, fat loss reveals but creates nothing;
* :mod:`dimples.views.nb06_landmarks`: the landmarks at work: needle levels, palpation, provocation tests;
* :mod:`dimples.views.nb07_review`: the self-check quizzes and the labelling exercise.

Every view returns a widget of :mod:`dimples.widgets`, a :class:`dimples.widgets.Picture`
or Markdown; frame sizes come from :mod:`dimples.style`. This package file imports nothing.
"""
