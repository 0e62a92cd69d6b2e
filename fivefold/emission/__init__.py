"""Emission (contracts/emission/, tests/emission/, docs/emission.md): halving emitters and CPC maintenance.

model.py the Python mirror: halving eras (HPC, CARTY), the maintenance schedule, emitted(t)
flow.py  deploy plan, minter role and start on the home chain, exercise (mint, release)
bench.py gas of mint and release
"""
