"""Governance (contracts/governance/, tests/governance/, docs/governance.md): staking with income and
checkpointed votes, the Governor with its Timelock and committee, the authenticator registry, and the
parameter registry that alone writes the suite's tunable numbers.

flow.py       deploy plan (two DAOs: CC's owns the suite, HPC's its authenticators), parameters
              registered through the registry, the timelocks' bootstrap, exercise (stake, propose,
              vote, queue, execute a parameter change)
model.py      the Python mirror: the reward accumulator's integer math and the checkpointed votes
model_dao.py  the quorum and the authenticator removal rule (the tests' oracle)
signatures.py EIP-712 delegation signatures for Staking.delegateBySig
registry.py   the registry's entries as Python builds them
params.py     `ape run dao params` and `ape run dao proposals`
bench.py      gas of staking, the DAO's hot paths and a parameter change
"""
