# pragma version ~=0.4.3
"""
@title Native-or-ERC-20 transfers in and out
@custom:contract-name asset_transfer
@license GNU Affero General Public License v3.0 only
@notice One way to move an asset in and out of a contract, for every domain:
        `empty(address)` is the chain's native coin, any other address an
        ERC-20 token. Tokens that return `False` revert here; tokens that
        return nothing (USDT on Ethereum) are accepted. Stateless: import
        with `from contracts.shared import asset_transfer` and call
        `asset_transfer._pay(...)`; no `initializes:` needed.
@custom:security `_pay` of the native coin forwards all gas, so a recipient
        contract can run code: callers update their state before paying
        (checks-effects-interactions) and hold a reentrancy lock where a
        callback could observe a half-done operation. `_pull` returns what
        actually arrived, so a fee-on-transfer token is credited with what
        the contract received, never with what the payer asked for.
"""


from ethereum.ercs import IERC20


# @dev The native coin, in every `asset` argument.
NATIVE: constant(address) = empty(address)


@internal
def _pay(asset: address, receiver: address, amount: uint256):
    """
    @dev Sends `amount` of `asset` from this contract to `receiver`.
    @param asset The ERC-20 token, or `NATIVE` for the native coin.
    @param receiver The recipient.
    @param amount The amount, in the asset's smallest unit.
    """
    if asset == NATIVE:
        raw_call(receiver, b"", value=amount)
    else:
        assert extcall IERC20(asset).transfer(receiver, amount, default_return_value=True), \
            "asset_transfer: transfer failed"


@internal
def _pay_token(token: address, receiver: address, amount: uint256):
    """
    @dev Sends `amount` of the ERC-20 `token` from this contract to
         `receiver`: `_pay` without the native branch, for contracts that
         never pay in the native coin (a lending market's asset, a swept
         stray token).
    @param token The ERC-20 token (never `NATIVE`).
    @param receiver The recipient.
    @param amount The amount, in the token's smallest unit.
    """
    assert extcall IERC20(token).transfer(receiver, amount, default_return_value=True), \
        "asset_transfer: transfer failed"


@internal
def _pull(token: address, payer: address, amount: uint256) -> uint256:
    """
    @dev Takes `amount` of the ERC-20 `token` from `payer` (who approved
         this contract) and returns what arrived. The native coin arrives
         with the call instead: the payable caller checks `msg.value`.
    @param token The ERC-20 token (never `NATIVE`).
    @param payer The account the tokens come from.
    @param amount The amount asked for.
    @return uint256 The amount this contract received (less than `amount`
            for a fee-on-transfer token).
    """
    before: uint256 = staticcall IERC20(token).balanceOf(self)
    assert extcall IERC20(token).transferFrom(payer, self, amount, default_return_value=True), \
        "asset_transfer: transfer failed"
    # A balance that fell while being paid reverts on underflow, as it
    # should for a token that misbehaves so.
    return staticcall IERC20(token).balanceOf(self) - before


@internal
def _pull_exact(token: address, payer: address, amount: uint256):
    """
    @dev Takes exactly `amount` of the ERC-20 `token` from `payer`, without
         measuring the balance (for contracts that list only tokens that
         deliver what they are asked for, and check it elsewhere).
    @param token The ERC-20 token (never `NATIVE`).
    @param payer The account the tokens come from.
    @param amount The amount.
    """
    assert extcall IERC20(token).transferFrom(payer, self, amount, default_return_value=True), \
        "asset_transfer: transfer failed"


@internal
@view
def _balance(asset: address) -> uint256:
    """
    @dev This contract's balance of `asset`.
    @param asset The ERC-20 token, or `NATIVE` for the native coin.
    @return uint256 The balance.
    """
    if asset == NATIVE:
        return self.balance
    return staticcall IERC20(asset).balanceOf(self)
