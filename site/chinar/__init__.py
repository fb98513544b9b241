"""Chinar: the catalog of Jammu & Kashmir heritage crafts.

This package is the static half of the pipeline ``cms/ -> content/ -> site/ -> output -> deploy``.
It reads the content contract (``content/``), renders it through Pelican and the theme in
``themes/``, and deploys the output. It never imports Django or Wagtail.
"""

__version__ = "0.1.0"
