# pragma version ~=0.4.3
"""
@title Mock rebasing ERC-20: balances are shares times a global index
@custom:contract-name RebasingToken
@license GNU Affero General Public License v3.0 only
@notice Tests only: `rebase(index)` changes every balance at once, the
        way stETH-like or elastic-supply tokens do.
"""


ONE: constant(uint256) = 10**18

# @dev Shares per account.
shares: public(HashMap[address, uint256])
# @dev Allowances.
allowance: public(HashMap[address, HashMap[address, uint256]])
# @dev Balance per share, 18 decimals.
index: public(uint256)
# @dev Decimals.
decimals: public(constant(uint8)) = 18


event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256


@deploy
def __init__():
    self.index = ONE


@external
@view
def balanceOf(account: address) -> uint256:
    """
    @dev The account's balance at the current index.
    @param account The account.
    @return uint256 The balance.
    """
    return self.shares[account] * self.index // ONE


@external
def rebase(index: uint256):
    """
    @dev Changes every balance by setting a new index (tests only).
    @param index The new balance per share.
    """
    self.index = index


@external
def mint(to: address, amount: uint256):
    """
    @dev Open mint (tests only).
    @param to The recipient.
    @param amount The amount at the current index.
    """
    self.shares[to] += amount * ONE // self.index


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
    @dev Transfers `amount` at the current index.
    @param to The recipient.
    @param amount The amount.
    @return bool True.
    """
    self._move(msg.sender, to, amount)
    return True


@external
def transferFrom(owner: address, to: address, amount: uint256) -> bool:
    """
    @dev Transfers with an allowance.
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
    moved: uint256 = amount * ONE // self.index
    self.shares[owner] -= moved
    self.shares[to] += moved
    log Transfer(sender=owner, receiver=to, value=amount)
