"""Governance (contracts/governance/, tests/governance/, docs/governance.md): the parameter registry
that alone writes the suite's tunable numbers.

flow.py    deploy plan (ParameterRegistry), every domain's parameters registered and written through
           it, exercise (each parameter reads back equal in its contract)
params.py  `ape run dao params`: every registry parameter with its bounds and value
bench.py   gas of a parameter change through the registry
"""
