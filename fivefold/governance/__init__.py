"""Governance (contracts/governance/, tests/governance/, docs/governance.md): staking, votes, income.

model.py      the Python mirror: the reward accumulator's integer math and the checkpointed votes
signatures.py EIP-712 delegation signatures for Staking.delegateBySig
bench.py      gas of dao.stake, dao.delegate and staking.claim (not yet registered in domains.py)
"""
