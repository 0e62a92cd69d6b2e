# pragma version ~=0.4.3
"""
@title Test helper: many distinct participants making the same call
@custom:contract-name ScalingCrowd
@license GNU Affero General Public License v3.0 only
@notice Scaling table only (fivefold/assurance/scaling.py: AnchorTips'
        tippers, DataMarket's and the sale's buyers, AdCampaigns'
        consumers, RedPacket's claimers). Each participant is a real,
        distinct account: a minimal proxy of `ScalingCrowdAccount` that
        receives its tokens or coin and makes the ordinary external call
        itself. The batch only saves transactions, not work: every call
        costs what a user's would.

        A call that binds its caller (a commitment to the caller's
        address, a signature over it) differs per participant:
        `join_each` gives each its own. The proxies are created with
        CREATE, so participant n (0, 1, ...) is at this contract's CREATE
        address for nonce n + 1, known before it exists; `act_many` makes
        participants already created call again (a reveal in a later
        block).
"""


from ethereum.ercs import IERC20


interface IAccount:
    def act(token: address, target: address, data: Bytes[MAX_DATA]): payable


# @dev Participants per call (each bounded by the block: ~200,000 gas apiece).
MAX_BATCH: constant(uint256) = 500
# @dev Participants per call of `join_each` and `act_many` (calldata of their own apiece).
MAX_EACH: constant(uint256) = 200
# @dev ScalingCrowdAccount's bound on a call.
MAX_DATA: constant(uint256) = 512


# @dev The account implementation proxies point at.
implementation: public(immutable(address))
# @dev Participants created so far.
created: public(uint256)


@deploy
def __init__(implementation_: address):
    """
    @dev Fixes the account implementation.
    @param implementation_ A deployed `ScalingCrowdAccount`.
    """
    implementation = implementation_


@external
@payable
def join_many(count: uint256, token: address, amount: uint256, target: address, data: Bytes[MAX_DATA]):
    """
    @dev Creates `count` participants; each gets `amount` of `token` (this
         contract must hold count x amount) and msg.value / count of the
         coin, and calls `target` with `data`.
    @param count How many participants.
    @param token The token each spends, or empty.
    @param amount Each participant's tokens.
    @param target The contract under measurement.
    @param data Each participant's call.
    """
    assert count != 0 and msg.value % count == 0, "scaling_crowd: coin not divisible by count"
    value: uint256 = msg.value // count  # exact: checked above
    for i: uint256 in range(count, bound=MAX_BATCH):
        account: address = create_minimal_proxy_to(implementation)
        if amount != 0:
            extcall IERC20(token).transfer(account, amount)
        extcall IAccount(account).act(token, target, data, value=value)
    self.created += count


@external
def join_each(target: address, calls: DynArray[Bytes[MAX_DATA], MAX_EACH]):
    """
    @dev Creates one participant per entry of `calls`, in order; each
         calls `target` with its own entry (no token, no coin).
    @param target The contract under measurement.
    @param calls Each participant's call, in creation order.
    """
    for data: Bytes[MAX_DATA] in calls:
        account: address = create_minimal_proxy_to(implementation)
        extcall IAccount(account).act(empty(address), target, data)
    self.created += len(calls)


@external
def act_many(accounts: DynArray[address, MAX_EACH], target: address, data: Bytes[MAX_DATA]):
    """
    @dev Makes each of `accounts` (participants created earlier) call
         `target` with `data` (no token, no coin).
    @param accounts The participants.
    @param target The contract under measurement.
    @param data The call, the same for each.
    """
    for account: address in accounts:
        extcall IAccount(account).act(empty(address), target, data)
