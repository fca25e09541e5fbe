"""healthaction — run a local Healthy China Action (健康XX行动).

The package is the pure core: reading plan documents (``ingest``), the national
indicator catalog (``catalog``) and the evaluation engine (``engine``). Nothing
here imports Django; the web system lives in ``web/`` and calls into this core.
"""

__version__ = "0.1.0"
