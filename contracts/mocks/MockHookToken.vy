# pragma version ~=0.4.3
"""
@title Test helper: an ERC-20 with ERC-777-style transfer hooks
@custom:contract-name MockHookToken
@license GNU Affero General Public License v3.0 only
@notice Test-only (lending reentrancy). An account that registered calls
        back on every transfer: `tokens_to_send` on the sender before
        balances move (ERC-777 `tokensToSend`, the hook that drained
        Compound forks) and `tokens_received` on the receiver after.
        Anyone may mint.
"""

from ethereum.ercs import IERC20

implements: IERC20


interface IHooks:
    def tokens_to_send(sender: address, receiver: address, amount: uint256): nonpayable
    def tokens_received(sender: address, receiver: address, amount: uint256): nonpayable


# @dev ERC-20 figures.
name: public(String[25])
symbol: public(String[5])
decimals: public(uint8)
totalSupply: public(uint256)
balanceOf: public(HashMap[address, uint256])
allowance: public(HashMap[address, HashMap[address, uint256]])
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
def __init__():
    self.name = "Hook Token"
    self.symbol = "HOOK"
    self.decimals = 18


@external
def register_hooks(status: bool):
    self.hooked[msg.sender] = status


@external
def mint(to: address, amount: uint256):
    self.totalSupply += amount
    self.balanceOf[to] += amount
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
    if self.hooked[owner]:
        extcall IHooks(owner).tokens_to_send(owner, to, amount)
    self.balanceOf[owner] -= amount
    self.balanceOf[to] += amount
    log Transfer(sender=owner, receiver=to, value=amount)
    if self.hooked[to]:
        extcall IHooks(to).tokens_received(owner, to, amount)
