# pragma version ~=0.4.3
"""
@title Test helper: an ERC-20 with the quirks contracts must withstand
@custom:contract-name MockQuirkyToken
@license GNU Affero General Public License v3.0 only
@notice Tests only; anyone may mint. Three quirks, each off until asked for:
        - a fee on transfer: `fee_percent` (fixed at deployment) of every
          move is burnt, the recipient gets the rest;
        - rebasing: balances are shares times a global index, and
          `rebase(index)` changes every balance at once (stETH-like);
        - ERC-777-style hooks: an account that called `register_hooks(True)`
          gets `tokens_to_send` before tokens leave it (the hook that
          drained Compound forks) and `tokens_received` after tokens reach
          it: the reentrancy vector payouts and markets must withstand.
        An allowance of max_value(uint256) is never spent. `decimals` is a
        storage word (18) that tests may overwrite.
"""

from ethereum.ercs import IERC20

implements: IERC20


interface IHooks:
    def tokens_to_send(sender: address, receiver: address, amount: uint256): nonpayable
    def tokens_received(sender: address, receiver: address, amount: uint256): nonpayable


ONE: constant(uint256) = 10**18

name: public(String[25])
symbol: public(String[5])
decimals: public(uint8)
allowance: public(HashMap[address, HashMap[address, uint256]])
# @dev Shares per account and in all; a balance is shares x index / ONE.
shares: public(HashMap[address, uint256])
total_shares: public(uint256)
# @dev Balance per share, 18 decimals (ONE until `rebase`).
index: public(uint256)
# @dev The percentage of every move that is burnt.
fee_percent: public(immutable(uint256))
# @dev Accounts that asked for hooks.
hooked: public(HashMap[address, bool])


event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256


event Approval:
    owner: indexed(address)
    spender: indexed(address)
    value: uint256


@deploy
def __init__(fee_percent_: uint256):
    """
    @dev "Quirky Token" with 18 decimals, index ONE and no supply.
    @param fee_percent_ The fee burnt from every move, in percent (0: none).
    """
    assert fee_percent_ <= 100, "mock_quirky_token: fee above 100%"
    fee_percent = fee_percent_
    self.name = "Quirky Token"
    self.symbol = "QUIRK"
    self.decimals = 18
    self.index = ONE


@external
@view
def balanceOf(account: address) -> uint256:
    return self.shares[account] * self.index // ONE


@external
@view
def totalSupply() -> uint256:
    return self.total_shares * self.index // ONE


@external
def rebase(index: uint256):
    """
    @dev Changes every balance at once: the new balance per share (anyone).
    """
    self.index = index


@external
def register_hooks(status: bool):
    self.hooked[msg.sender] = status


@external
def mint(to: address, amount: uint256):
    """
    @dev Open mint of `amount` at the current index.
    """
    added: uint256 = amount * ONE // self.index
    self.shares[to] += added
    self.total_shares += added
    log Transfer(sender=empty(address), receiver=to, value=amount)


@external
def approve(spender: address, amount: uint256) -> bool:
    self.allowance[msg.sender][spender] = amount
    log Approval(owner=msg.sender, spender=spender, value=amount)
    return True


@external
def transfer(to: address, amount: uint256) -> bool:
    self._move(msg.sender, to, amount)
    return True


@external
def transferFrom(owner: address, to: address, amount: uint256) -> bool:
    allowed: uint256 = self.allowance[owner][msg.sender]
    if allowed != max_value(uint256):
        self.allowance[owner][msg.sender] = allowed - amount
    self._move(owner, to, amount)
    return True


@internal
def _move(owner: address, to: address, amount: uint256):
    """
    @dev Debits `amount` from `owner`, burns the fee and credits the rest
         to `to`, both at the current index, calling the hooks around it.
    """
    if self.hooked[owner]:
        extcall IHooks(owner).tokens_to_send(owner, to, amount)
    received: uint256 = amount - amount * fee_percent // 100
    debited: uint256 = amount * ONE // self.index
    credited: uint256 = received * ONE // self.index
    self.shares[owner] -= debited
    self.shares[to] += credited
    self.total_shares -= debited - credited
    log Transfer(sender=owner, receiver=to, value=received)
    if self.hooked[to]:
        extcall IHooks(to).tokens_received(owner, to, amount)
