"""Tokens (contracts/tokens/, tests/tokens/, docs/tokens.md): the five CappedTokens.

flow.py  deploy plan (one CappedToken per symbol), initial distribution (home chain), exercise,
         and the EIP-2612 permit signer the bench and the tests share
bench.py gas of transfer, approve and permit beside snekmate's stock erc20; ERC-7281 burn and mint
         by a bridge (`xerc20.*`)
model_limits.py the ERC-7281 bridge limits and home accounting (`bridged_out`), the tests' oracle
"""
