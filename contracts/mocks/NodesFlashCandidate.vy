# pragma version ~=0.4.3
"""
@title NodesFlashCandidate: an RNode that buys reputation with a flash loan
@custom:contract-name NodesFlashCandidate
@license GNU Affero General Public License v3.0 only
@notice Test double of the attack on the proposer election's AB
        dimension: an RNode contract borrows CPC from a flash lender
        (contracts/mocks/FlashLender.vy) and, inside the loan, tries one
        of four ways to turn the borrowed CPC into a seat, then repays:
          HOLD     register for the term holding the borrowed CPC (what
                   counted when AB read the live balance)
          ECONOMY  deposit it in the EconomyPool (raising: withdrawable at
                   once), register, withdraw
          RNODE    deposit it in the RNodePool (a lock of 0 minutes) to
                   become a candidate without CPC of its own, register,
                   withdraw
          ELECT    deposit it in the RNodePool to pass `elect`'s minimum
                   after its own deposit fell below it, elect, withdraw
        `rpt_in_loan` keeps the RPT Reputation gave it inside the loan.
        Tests only (tests/nodes/committee/test_flash_loan.py).
"""


from ethereum.ercs import IERC20

from interfaces import IEconomyPool
from interfaces import IProposerCommittee
from interfaces import IReputation
from interfaces import IRNodePool


# @dev The flash lender (a test double without an interface file).
interface IFlashLender:
    def flashLoan(
        receiver: address, token: address, amount: uint256, data: Bytes[1024]
    ) -> bool: nonpayable


# @dev What an ERC-3156 borrower returns to accept a loan.
CALLBACK_SUCCESS: constant(bytes32) = keccak256("ERC3156FlashBorrower.onFlashLoan")
# @dev Register holding the borrowed CPC.
HOLD: public(constant(uint256)) = 1
# @dev Register with the borrowed CPC in the EconomyPool.
ECONOMY: public(constant(uint256)) = 2
# @dev Register with the borrowed CPC in the RNodePool.
RNODE: public(constant(uint256)) = 3
# @dev Elect with the borrowed CPC in the RNodePool.
ELECT: public(constant(uint256)) = 4


# @dev The flash lender.
lender: public(immutable(address))
# @dev CPC.
cpc: public(immutable(address))
# @dev The EconomyPool.
economy_pool: public(immutable(address))
# @dev The RNodePool.
rnode_pool: public(immutable(address))
# @dev The ProposerCommittee.
committee: public(immutable(address))
# @dev Reputation.
reputation: public(immutable(address))

# @dev The RPT Reputation gave this contract inside the last loan.
rpt_in_loan: public(uint256)


@deploy
def __init__(
    lender_: address,
    cpc_: address,
    economy_pool_: address,
    rnode_pool_: address,
    committee_: address,
    reputation_: address,
):
    """
    @dev Fixes the lender and the node economy's contracts.
    @param lender_ The FlashLender.
    @param cpc_ CPC.
    @param economy_pool_ The EconomyPool.
    @param rnode_pool_ The RNodePool.
    @param committee_ The ProposerCommittee.
    @param reputation_ Reputation.
    """
    lender = lender_
    cpc = cpc_
    economy_pool = economy_pool_
    rnode_pool = rnode_pool_
    committee = committee_
    reputation = reputation_


@external
def stake(amount: uint256):
    """
    @dev Deposits `amount` of this contract's own CPC in the RNodePool.
    @param amount The amount, in wei.
    """
    extcall IERC20(cpc).approve(rnode_pool, amount)
    extcall IRNodePool(rnode_pool).deposit(amount)


@external
def unstake(amount: uint256):
    """
    @dev Withdraws `amount` of its RNodePool deposit.
    @param amount The amount, in wei.
    """
    extcall IRNodePool(rnode_pool).withdraw(amount)


@external
def register(term: uint256):
    """
    @dev Registers for `term` without a loan (the honest way).
    @param term The next term.
    """
    extcall IProposerCommittee(committee).register(term)


@external
def attack(amount: uint256, action: uint256, term: uint256):
    """
    @dev Flash-borrows `amount` of CPC and runs `action` for `term` inside
         the loan.
    @param amount The loan, in wei.
    @param action HOLD, ECONOMY, RNODE or ELECT.
    @param term The term.
    """
    extcall IFlashLender(lender).flashLoan(self, cpc, amount, abi_encode(action, term))


@external
def onFlashLoan(
    initiator: address, token: address, amount: uint256, fee: uint256, data: Bytes[1024]
) -> bytes32:
    """
    @dev The attack, then the repayment's approval.
    @param initiator Who asked for the loan (this contract).
    @param token CPC.
    @param amount The loan, in wei.
    @param fee The lender's fee.
    @param data abi_encode(action, term).
    @return bytes32 CALLBACK_SUCCESS.
    """
    assert msg.sender == lender, "nodes_flash_candidate: not the lender"
    action: uint256 = 0
    term: uint256 = 0
    action, term = abi_decode(data, (uint256, uint256))
    if action == ECONOMY:
        extcall IERC20(cpc).approve(economy_pool, amount)
        extcall IEconomyPool(economy_pool).deposit(amount)
    elif action == RNODE or action == ELECT:
        extcall IERC20(cpc).approve(rnode_pool, amount)
        extcall IRNodePool(rnode_pool).deposit(amount)
    self.rpt_in_loan = staticcall IReputation(reputation).rpt(self)
    if action == ELECT:
        extcall IProposerCommittee(committee).elect(term)
    else:
        extcall IProposerCommittee(committee).register(term)
    if action == ECONOMY:
        extcall IEconomyPool(economy_pool).withdraw(amount)
    elif action == RNODE or action == ELECT:
        extcall IRNodePool(rnode_pool).withdraw(amount)
    extcall IERC20(cpc).approve(lender, amount + fee)
    return CALLBACK_SUCCESS
