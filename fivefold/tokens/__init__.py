"""Tokens (contracts/tokens/, tests/tokens/, docs/tokens.md): the five CappedTokens.

flow.py  deploy plan (one CappedToken per symbol), initial distribution (home chain), exercise,
         and the EIP-2612 permit signer the bench and the tests share
bench.py gas of transfer, approve and permit beside snekmate's stock erc20
(no model.py: a token has no time-driven state to mirror)
"""
