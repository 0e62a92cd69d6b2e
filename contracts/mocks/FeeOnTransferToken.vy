# pragma version ~=0.4.3
"""
@title Mock ERC-20 that burns 1% of every transfer
@custom:contract-name FeeOnTransferToken
@license GNU Affero General Public License v3.0 only
@notice Tests only: the recipient of `amount` gets `amount - amount // 100`.
"""


FEE_PERCENT: constant(uint256) = 1

# @dev Balances.
balanceOf: public(HashMap[address, uint256])
# @dev Allowances.
allowance: public(HashMap[address, HashMap[address, uint256]])
# @dev Total supply.
totalSupply: public(uint256)
# @dev Decimals.
decimals: public(constant(uint8)) = 18


event Transfer:
    sender: indexed(address)
    receiver: indexed(address)
    value: uint256


event Approval:
    owner: indexed(address)
    spender: indexed(address)
    value: uint256


@external
def mint(to: address, amount: uint256):
    """
    @dev Open mint (tests only).
    @param to The recipient.
    @param amount The amount.
    """
    self.balanceOf[to] += amount
    self.totalSupply += amount
    log Transfer(sender=empty(address), receiver=to, value=amount)


@external
def approve(spender: address, amount: uint256) -> bool:
    """
    @dev Sets an allowance.
    @param spender The spender.
    @param amount The allowance.
    @return bool True.
    """
    self.allowance[msg.sender][spender] = amount
    log Approval(owner=msg.sender, spender=spender, value=amount)
    return True


@external
def transfer(to: address, amount: uint256) -> bool:
    """
    @dev Transfers, burning 1%.
    @param to The recipient.
    @param amount The amount debited.
    @return bool True.
    """
    self._transfer(msg.sender, to, amount)
    return True


@external
def transferFrom(owner: address, to: address, amount: uint256) -> bool:
    """
    @dev Transfers with an allowance, burning 1%.
    @param owner The holder.
    @param to The recipient.
    @param amount The amount debited.
    @return bool True.
    """
    self.allowance[owner][msg.sender] -= amount
    self._transfer(owner, to, amount)
    return True


@internal
def _transfer(owner: address, to: address, amount: uint256):
    fee: uint256 = amount * FEE_PERCENT // 100
    self.balanceOf[owner] -= amount
    self.balanceOf[to] += amount - fee
    self.totalSupply -= fee
    log Transfer(sender=owner, receiver=to, value=amount - fee)
