"""HPC resource market (contracts/resources/, tests/resources/, docs/resources.md): Smart 4.3, 4.4 and 5.2.

model.py   the Python mirror: periods, usage, the reward curve, slashing, report signatures
flow.py    deploy plan (where HPC is at home), parameters (HPC DAO's registry), exercise
bench.py   gas of an order, a proven provider-period (also with 1,000 other providers), a claim
report.py  `ape run resources status`: usage per kind, reward rates, top providers (from events)
"""
