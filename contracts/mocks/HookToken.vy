# pragma version ~=0.4.3
"""
@title Mock ERC-777-style token: calls holders' hooks on every move
@custom:contract-name HookToken
@license GNU Affero General Public License v3.0 only
@notice Tests only. An account that called `register_hooks` gets
        `on_token_sent(to, amount)` before tokens leave it and
        `on_token_received(sender, amount)` after tokens reach it, the
        way ERC-777's tokensToSend / tokensReceived hooks do: the
        reentrancy vector the payouts contracts must withstand.
"""


interface IHooks:
    def on_token_sent(to: address, amount: uint256): nonpayable
    def on_token_received(sender: address, amount: uint256): nonpayable


# @dev Balances.
balanceOf: public(HashMap[address, uint256])
# @dev Allowances.
allowance: public(HashMap[address, HashMap[address, uint256]])
# @dev Accounts whose hooks are called.
hooked: public(HashMap[address, bool])
# @dev Decimals.
decimals: public(constant(uint8)) = 18


event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256


@external
def register_hooks():
    """
    @dev Opts the caller in to hook calls.
    """
    self.hooked[msg.sender] = True


@external
def mint(to: address, amount: uint256):
    """
    @dev Open mint (tests only).
    @param to The recipient.
    @param amount The amount.
    """
    self.balanceOf[to] += amount


@external
def approve(spender: address, amount: uint256) -> bool:
    """
    @dev Sets an allowance.
    @param spender The spender.
    @param amount The allowance.
    @return bool True.
    """
    self.allowance[msg.sender][spender] = amount
    return True


@external
def transfer(to: address, amount: uint256) -> bool:
    """
    @dev Transfers, calling hooks.
    @param to The recipient.
    @param amount The amount.
    @return bool True.
    """
    self._move(msg.sender, to, amount)
    return True


@external
def transferFrom(owner: address, to: address, amount: uint256) -> bool:
    """
    @dev Transfers with an allowance, calling hooks.
    @param owner The holder.
    @param to The recipient.
    @param amount The amount.
    @return bool True.
    """
    self.allowance[owner][msg.sender] -= amount
    self._move(owner, to, amount)
    return True


@internal
def _move(owner: address, to: address, amount: uint256):
    if self.hooked[owner]:
        extcall IHooks(owner).on_token_sent(to, amount)
    self.balanceOf[owner] -= amount
    self.balanceOf[to] += amount
    log Transfer(sender=owner, receiver=to, value=amount)
    if self.hooked[to]:
        extcall IHooks(to).on_token_received(owner, amount)
