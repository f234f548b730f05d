"""Benchmarks of Catalog at 10k, 100k and 1M records, each beside a raw-SQL floor.

``python -m benchmarks.run --sizes 10000,100000,1000000 --output docs/performance.md``
generates catalogues (``benchmarks.generate``), times the services (``benchmarks.run``)
and the same work done with ``sqlite3`` directly (``benchmarks.floor``), and writes the
table of medians, floors, ratios and target verdicts.
"""
