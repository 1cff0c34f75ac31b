"""Build shim: everything is in pyproject.toml; this only lets editable installs install its data files.

``pip install -e .`` (``make install``, ``environment.yml``, Binder's ``postBuild``)
builds an editable wheel with setuptools, whose ``editable_wheel`` command
installs a project's data files only if the distribution answers
``has_data()``; setuptools' distribution calls that ``has_data_files()``, so
editable installs silently skip them. The kit's data file is its JupyterLab /
Notebook 7 settings override (``[tool.setuptools.data-files]`` in pyproject.toml),
which must land in the environment however the kit is installed.
"""

from setuptools import setup
from setuptools.dist import Distribution


class KitDistribution(Distribution):
    """A setuptools distribution that also answers ``has_data()`` (what ``editable_wheel`` asks)."""

    def has_data(self) -> bool:
        return self.has_data_files()


setup(distclass=KitDistribution)
