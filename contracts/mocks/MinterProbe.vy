# pragma version ~=0.4.3
"""
@title Test helper: a contract that forwards mints
@custom:contract-name MinterProbe
@license GNU Affero General Public License v3.0 only
@notice Test-only. Stands for a minter contract (an emitter or a bridge)
        so token tests can exercise the minter role without an EOA.
"""

interface IMintable:
    def mint(owner: address, amount: uint256): nonpayable


@external
def mint(token: address, to: address, amount: uint256):
    extcall IMintable(token).mint(to, amount)
