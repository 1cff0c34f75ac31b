"""dimples: a teaching kit on the surface anatomy of the lower back.

The package behind the notebooks: anatomy drawings (:mod:`dimples.anatomy`),
body-composition equations (:mod:`dimples.bodyfat`), the illustrative
tethered-skin model (:mod:`dimples.model`), rendering (:mod:`dimples.render`),
kernel-free widgets (:mod:`dimples.widgets`) and the citation registry
(:mod:`dimples.references`).
"""

__version__ = "0.1.0"
