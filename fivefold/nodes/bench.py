"""The node economy's gas operations: the pools, the committee and the board (fivefold/gas.py reads
every domain's `bench`)."""

from fivefold.nodes import bench_board, bench_committee, bench_pools  # noqa: F401  (registers their keys)
