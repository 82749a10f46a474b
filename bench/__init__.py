# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark harness: ``python -m bench <name> [--n N]``.

Each benchmark is a module ``bench/<name>.py`` with ``MODULES`` (the addons
its scratch database needs) and ``run(ctx)``, which seeds its own data and
calls ``ctx.measure(...)`` for every figure. Each figure is printed as one JSON
line: name, value, unit, N, SQL queries, and the anchor's figure when the
benchmark compares against one.
"""
