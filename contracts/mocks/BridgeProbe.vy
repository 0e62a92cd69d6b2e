# pragma version ~=0.4.3
"""
@title Test helper: a contract that acts as an ERC-7281 bridge
@custom:contract-name BridgeProbe
@license GNU Affero General Public License v3.0 only
@notice Test-only. Stands for a bridge adapter (Hyperlane's HypXERC20
        burns on send and mints on receive) so token tests and the gas
        bench can call a token's ERC-7281 `mint` and `burn` from a
        contract, and snekmate's `burn_from` for the same burn without
        the bridge bookkeeping. Each function forwards `(user, amount)`
        to `token`: `user` the recipient or holder, `amount` in wei.
"""


interface IXERC20:
    def mint(user: address, amount: uint256): nonpayable
    def burn(user: address, amount: uint256): nonpayable
    def burn_from(owner: address, amount: uint256): nonpayable


@external
def mint(token: address, user: address, amount: uint256):
    """
    @dev Mints `amount` to `user` as this bridge (ERC-7281 `mint`).
    """
    extcall IXERC20(token).mint(user, amount)


@external
def burn(token: address, user: address, amount: uint256):
    """
    @dev Burns `amount` of `user`'s tokens as this bridge (ERC-7281
         `burn`: `user`'s allowance to this contract unless `user` is it).
    """
    extcall IXERC20(token).burn(user, amount)


@external
def burn_from(token: address, user: address, amount: uint256):
    """
    @dev Burns `amount` of `user`'s tokens with its allowance, no bridge
         bookkeeping: the baseline of the bench's bookkeeping cost.
    """
    extcall IXERC20(token).burn_from(user, amount)
