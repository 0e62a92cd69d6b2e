"""Snapshots (contracts/snapshots/, tests/snapshots/, docs/snapshots.md): signed data snapshots
(CMDMAX 6.1, 8.1), the latest hash per account and kind anchored directly or through a relayer.

signing.py the off-chain side: kinds, snapshot hashes, the EIP-712 digest (the contract's, byte for
           byte), signing with a key or an ape account, recovery and verification
model.py   the registry's rules in Python (the tests' oracle)
flow.py    deploy plan (one ownerless contract, CREATE2 on every chain), exercise
bench.py   gas of a relayed and of a direct anchor of a new version of an existing kind
report.py  `ape run snapshots verify`: an account's latest snapshot of a kind against a hash
"""
