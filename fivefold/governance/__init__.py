"""Governance (contracts/governance/, tests/governance/, docs/governance.md): the parameter registry
that alone writes the suite's tunable numbers, the Governor, its Timelock and committee, and the
authenticator registry.

flow.py    deploy plan (ParameterRegistry), every domain's parameters registered and written through
           it, exercise (each parameter reads back equal in its contract)
params.py  `ape run dao params`: every registry parameter with its bounds and value
bench.py   gas of a parameter change through the registry
bench_dao.py gas of propose, vote, queue and execute (against the MockVotes test double for now)
model_dao.py the quorum and the authenticator removal rule in Python (the tests' oracle)
"""
