# pragma version ~=0.4.3
"""
@title CPChain RNode Pool: RNode deposits, locked by time and by committee terms
@custom:contract-name RNodePool
@license GNU Affero General Public License v3.0 only
@notice An RNode deposits at least `MIN_DEPOSIT` (200,000 CPC) at any
        time. A withdrawal waits until
          unlock_time(n) = second of n's last deposit + lock_minutes * 60
        where `lock_minutes` (100 by default, at most one day) is the
        value in force at that deposit: a later change of the parameter
        applies to later deposits. A withdrawal also waits while the
        proposer committee (set by the owner; none = no term lock) says
        `locked_until(n) > now`: an RNode elected to a current or future
        term cannot leave before its term ends. What stays after a
        withdrawal is 0 or at least `MIN_DEPOSIT`.

        Deposits are checkpointed votes (contracts/nodes/
        deposit_votes.vy), summed with the Economy Pool's by NodeVotes.
        The pool pays no reward. Force-sent CPC is surplus (balance
        beyond the total deposits): nothing compares the balance with
        the deposits but `surplus`, and the owner can `sweep` it.
@custom:security CPC is the suite's CappedToken (trusted, exact
        transfers); state is written before every transfer. The
        committee is the suite's ProposerCommittee, named by governance;
        its `locked_until` is a view. Zero amounts revert before any
        state is read or written.
@custom:kill The guardian (or owner) pauses new deposits; withdrawals
        stay open. Ownership moves in two steps and cannot be renounced.
"""


from contracts.nodes import deposit_votes
from contracts.shared import asset_transfer
from contracts.shared import governed
from ethereum.ercs import IERC20
from interfaces import IPausable
from interfaces import IProposerCommittee
from interfaces import IRNodePool

implements: IRNodePool
implements: IPausable

initializes: governed
initializes: deposit_votes


# Deposits as checkpointed votes (ERC-5805 reads; no delegation).
# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless pool could never name a committee or sweep a surplus again.
# Emergency pause of new deposits by the guardian; withdrawals stay open.
exports: (deposit_votes.__interface__, governed.__interface__)


# @dev Least deposit of an RNode, in wei (200,000 CPC).
MIN_DEPOSIT: public(constant(uint256)) = 200_000 * 10**18
# @dev Largest lock governance can set: one day.
MAX_LOCK_MINUTES: public(constant(uint256)) = 1_440
# @dev Seconds in a minute.
_MINUTE: constant(uint256) = 60


# @dev CPC, fixed at deployment.
cpc: public(immutable(address))

# @dev The lock of deposits made from now on, in minutes.
lock_minutes: public(uint256)
# @dev The proposer committee (empty: no term lock).
committee: public(address)


@deploy
def __init__(cpc_: address, owner_: address):
    """
    @dev Fixes CPC; the lock is the paper's 100 minutes, no committee.
    @param cpc_ The CPC token.
    @param owner_ The owner (governance).
    """
    assert cpc_ != empty(address), "rnode_pool: zero token"
    assert owner_ != empty(address), "rnode_pool: zero owner"
    cpc = cpc_
    governed.__init__(owner_)
    self.lock_minutes = 100


@external
def deposit(amount: uint256):
    """
    @notice Deposits (or tops up by) `amount` of CPC, approved
            beforehand; the whole deposit is locked `lock_minutes` from
            now. The deposit after it must be at least `MIN_DEPOSIT`.
    @param amount The amount, in wei.
    """
    governed.pausable._check_not_paused()
    assert amount != 0, "rnode_pool: zero amount"
    d: uint256 = deposit_votes._value_of(msg.sender)
    assert d + amount >= MIN_DEPOSIT, "rnode_pool: deposit below the minimum"
    # The unlock time lives in the node's head word (deposit_votes' host field): one slot.
    unlock: uint256 = block.timestamp + self.lock_minutes * _MINUTE
    total: uint256 = deposit_votes._value_of(deposit_votes._TOTAL)
    deposit_votes._change(msg.sender, d, total, amount, True, unlock)
    log IRNodePool.Deposited(node=msg.sender, amount=amount, deposit=d + amount)
    asset_transfer._pull_exact(cpc, msg.sender, amount)


@external
def withdraw(amount: uint256):
    """
    @notice Takes back `amount` of the caller's deposit, once its lock is
            over and while no committee term holds it. What stays must
            be 0 or at least `MIN_DEPOSIT`.
    @param amount The amount, in wei.
    """
    assert amount != 0, "rnode_pool: zero amount"
    d: uint256 = deposit_votes._value_of(msg.sender)
    assert amount <= d, "rnode_pool: amount above deposit"
    assert d - amount == 0 or d - amount >= MIN_DEPOSIT, "rnode_pool: deposit below the minimum"
    unlock: uint256 = deposit_votes._extra_of(msg.sender)
    assert block.timestamp >= unlock, "rnode_pool: deposit locked"
    assert not self._term_locked(msg.sender), "rnode_pool: elected to a committee term"
    total: uint256 = deposit_votes._value_of(deposit_votes._TOTAL)
    deposit_votes._change(msg.sender, d, total, amount, False, unlock)
    log IRNodePool.Withdrawn(node=msg.sender, amount=amount, deposit=d - amount)
    asset_transfer._pay_token(cpc, msg.sender, amount)


@external
def set_lock_minutes(minutes: uint256):
    """
    @notice Only the parameter registry (the owner until one is named):
            the lock of deposits made from now on.
    @param minutes The lock, in minutes (at most `MAX_LOCK_MINUTES`).
    """
    governed.tunable._check_writer()
    assert minutes <= MAX_LOCK_MINUTES, "rnode_pool: lock above the limit"
    self.lock_minutes = minutes
    log IRNodePool.LockMinutesSet(minutes=minutes)


@external
def set_committee(committee: address):
    """
    @notice Only the owner: the proposer committee whose terms lock the
            RNodes it elected (empty: no term lock).
    @param committee The committee contract.
    """
    governed.owner_2step.ownable._check_owner()
    assert committee == empty(address) or committee.is_contract, \
        "rnode_pool: committee is not a contract"
    self.committee = committee
    log IRNodePool.CommitteeSet(committee=committee)


@external
def sweep(receiver: address) -> uint256:
    """
    @notice Only the owner: sends the surplus (CPC beyond the deposits,
            i.e. force-sent CPC) to `receiver`.
    @param receiver Who receives it (the treasury).
    @return uint256 The amount swept, in wei.
    """
    governed.owner_2step.ownable._check_owner()
    assert receiver != empty(address), "rnode_pool: zero receiver"
    amount: uint256 = self._surplus()
    assert amount != 0, "rnode_pool: no surplus"
    log IRNodePool.Swept(receiver=receiver, amount=amount)
    asset_transfer._pay_token(cpc, receiver, amount)
    return amount


@external
@view
def unlock_time(node: address) -> uint256:
    """
    @notice When `node`'s last deposit's lock ends (0: never deposited).
    @param node The node.
    @return uint256 The timestamp.
    """
    return deposit_votes._extra_of(node)


@external
@view
def can_withdraw(node: address) -> bool:
    """
    @notice Whether `node` has a deposit it could withdraw now: its lock
            is over and no committee term holds it.
    @param node The node.
    @return bool True if it could.
    """
    return (
        deposit_votes._value_of(node) != 0
        and block.timestamp >= deposit_votes._extra_of(node)
        and not self._term_locked(node)
    )


@external
@view
def surplus() -> uint256:
    """
    @notice CPC held beyond the deposits: force-sent tokens, which only
            the owner's `sweep` moves.
    @return uint256 The amount, in wei.
    """
    return self._surplus()


@internal
@view
def _term_locked(node: address) -> bool:
    """
    @dev Whether the committee holds `node` to a current or future term.
    @param node The node.
    @return bool True while `locked_until(node)` is in the future.
    """
    committee: address = self.committee
    if committee == empty(address):
        return False
    return staticcall IProposerCommittee(committee).locked_until(node) > block.timestamp


@internal
@view
def _surplus() -> uint256:
    """
    @dev The balance beyond the deposits (the only place it is read).
    @return uint256 The surplus, in wei.
    """
    total: uint256 = deposit_votes._value_of(deposit_votes._TOTAL)
    return staticcall IERC20(cpc).balanceOf(self) - total
