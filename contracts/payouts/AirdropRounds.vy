# pragma version ~=0.4.3
"""
@title Airdrop rounds: the registry that publishes and funds each round
@custom:contract-name AirdropRounds
@license GNU Affero General Public License v3.0 only
@notice CMDMAX airdrops (SPEC.md "CMDMAX", 6.3), "pushed daily". An
        operator publishes a round: round number, asset (native coin or
        any ERC-20: USDT, CMDT, ...), Merkle root, the tree's salt, total,
        leaf count and claim window. `publish` deploys the round's own `AirdropRound`
        from a blueprint, with everything fixed as immutables, and funds
        it with exactly the total, pulled from the operator. Claims,
        the random schedule and the sweep live in the round (see
        AirdropRound.vy); this registry keeps the roles, the fee rate,
        the treasury and the list of rounds.

        Round numbers are sequential (1, 2, ...). The operator builds the
        tree for this chain, this registry and `round_count + 1` (every
        leaf commits to all three, and to a random salt the operator
        keeps secret until publication) and `publish` refuses any other
        number, so a tree is never published under a number it was not
        built for, and a tree built for one chain pays on no other.

        Fee: SPEC's 5% handling fee, settable by governance up to
        MAX_FEE_BPS, fixed per round at publication (a later change
        never touches a published round). Fees stay in each round and
        reach the treasury with its unclaimed amounts when the round is
        swept after its window: no transfer per claim.
@custom:security One contract per round isolates rounds: a wrong tree
        can only ever pay out its own round's funds. `publish` measures
        the round's balance around the transfer and refuses tokens that
        deliver less than the total (fee-on-transfer); rebasing tokens
        should not be airdropped (a round's balance would drift).
@custom:kill The owner stops new rounds by revoking every operator
        (`set_operator(operator, False)`); published rounds cannot be
        stopped: each pays its claims until its window ends and is then
        swept to the treasury.
"""


from ethereum.ercs import IERC20


from contracts.shared import constants
from contracts.shared import governed
from interfaces import IPausable
from interfaces import IAirdropRounds

implements: IAirdropRounds
implements: IPausable

initializes: governed


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless registry could never add or revoke an operator, or change the
# fee or the treasury, again.
# The fee is tunable: once the parameter registry is named, it alone sets it
# (contracts/shared/tunable.vy).
# Emergency pause of new deposits and creations by the guardian; ways out stay open
# (contracts/shared/pausable.vy).
exports: governed.__interface__


# @dev Shortest and longest claim window.
MIN_WINDOW: constant(uint256) = 3_600
MAX_WINDOW: constant(uint256) = 365 * constants.DAY
# @dev On-chain cap of the handling fee: 10%.
MAX_FEE_BPS: constant(uint256) = 1_000
# @dev SPEC 6.3's handling fee: 5%.
DEFAULT_FEE_BPS: constant(uint256) = 500
# @dev Largest round total (keeps fee arithmetic far from overflow).
MAX_TOTAL: constant(uint256) = 2**96 - 1
# @dev Largest root: nodes are 160-bit.
MAX_ROOT: constant(uint256) = constants.MASK_160


# @dev Blueprint (EIP-5202) of AirdropRound; set once per chain.
round_blueprint: public(address)
# @dev Accounts allowed to publish rounds.
_operators: HashMap[address, bool]
# @dev Handling fee for rounds published from now on, in basis points.
_fee_bps: uint256
# @dev Receives swept rounds (their fees and unclaimed amounts).
treasury: public(address)
# @dev Rounds published so far (the last round's number).
round_count: public(uint256)
# @dev The AirdropRound contract of each round number.
_rounds: HashMap[uint256, address]


@deploy
def __init__(owner_: address):
    """
    @dev Deploys with the 5% handling fee; the round blueprint, the
         operators and the treasury are set after deployment.
    @param owner_ The governance account.
    """
    assert owner_ != empty(address), "airdrop_rounds: zero owner"
    governed.__init__(owner_)
    self._fee_bps = DEFAULT_FEE_BPS


@external
@payable
@nonreentrant
def publish(
    round: uint256,
    asset: address,
    root: uint256,
    salt: bytes32,
    total: uint256,
    count: uint256,
    start: uint256,
    end: uint256,
) -> address:
    """
    @dev Deploys, funds and registers a round.
    @notice Only an operator. The native coin is sent as value; an
            ERC-20 is pulled from the operator (approve `total` first)
            and must arrive whole.
    @param round The round number: `round_count + 1`.
    @param asset The ERC-20, or empty(address) for the native coin.
    @param root The Merkle root (a 160-bit node).
    @param salt The random salt the tree's leaves commit to (kept
           secret until now, so no registrant could grind against it).
    @param total The sum of the leaf amounts.
    @param count The number of leaves.
    @param start The window start (claims need the schedule drawn too).
    @param end The window end; the round can be swept from then on.
    @return address The round's AirdropRound contract.
    """
    governed.pausable._check_not_paused()
    assert self._operators[msg.sender], "airdrop_rounds: caller is not an operator"
    assert round == self.round_count + 1, "airdrop_rounds: not the next round number"
    blueprint: address = self.round_blueprint
    assert blueprint != empty(address), "airdrop_rounds: round blueprint not set"
    assert root != 0 and root <= MAX_ROOT, "airdrop_rounds: bad root"
    assert total != 0, "airdrop_rounds: zero total"
    assert total <= MAX_TOTAL, "airdrop_rounds: total too large"
    assert count != 0 and count <= total, "airdrop_rounds: bad leaf count"
    assert end > start and end - start >= MIN_WINDOW and end - start <= MAX_WINDOW, "airdrop_rounds: bad window"
    assert end > block.timestamp, "airdrop_rounds: window already over"
    fee_bps: uint256 = self._fee()
    self.round_count = round

    round_contract: address = empty(address)
    if asset == empty(address):
        assert msg.value == total, "airdrop_rounds: value differs from total"
        round_contract = create_from_blueprint(
            blueprint, round, asset, root, salt, total, count, start, end, fee_bps, value=total
        )
    else:
        assert msg.value == 0, "airdrop_rounds: value sent with a token"
        round_contract = create_from_blueprint(
            blueprint, round, asset, root, salt, total, count, start, end, fee_bps
        )
        # Straight from the operator into the round: one transfer (asset_transfer._pull only pulls
        # into this contract, which would need a second one out). The round's address is
        # predictable: measure a difference, so tokens sent there beforehand cannot block
        # publication (they end up swept to the treasury).
        before: uint256 = staticcall IERC20(asset).balanceOf(round_contract)
        assert extcall IERC20(asset).transferFrom(msg.sender, round_contract, total, default_return_value=True), \
            "airdrop_rounds: transfer failed"
        # Leaf amounts are exact: a token that takes a fee on transfer cannot fund them.
        assert staticcall IERC20(asset).balanceOf(round_contract) - before == total, \
            "airdrop_rounds: asset took a transfer fee"
    self._rounds[round] = round_contract
    log IAirdropRounds.RoundPublished(
        round=round,
        round_contract=round_contract,
        asset=asset,
        operator=msg.sender,
        root=root,
        salt=salt,
        total=total,
        count=count,
        start=start,
        end=end,
        fee_bps=fee_bps,
    )
    return round_contract


@external
def set_round_blueprint(blueprint: address):
    """
    @dev Sets the AirdropRound blueprint, once per chain.
    @notice Fixed afterwards, so governance cannot swap the code that
            holds future rounds' funds without a new registry.
    @param blueprint An EIP-5202 blueprint of AirdropRound.vy.
    """
    governed.owner_2step.ownable._check_owner()
    assert self.round_blueprint == empty(address), "airdrop_rounds: round blueprint already set"
    assert blueprint.is_contract, "airdrop_rounds: blueprint is not a contract"
    self.round_blueprint = blueprint
    log IAirdropRounds.RoundBlueprintSet(blueprint=blueprint)


@external
def set_operator(operator: address, status: bool):
    """
    @dev Grants or revokes the right to publish rounds.
    @param operator The account.
    @param status True to grant, False to revoke.
    """
    governed.owner_2step.ownable._check_owner()
    assert operator != empty(address), "airdrop_rounds: zero operator"
    self._operators[operator] = status
    log IAirdropRounds.OperatorSet(operator=operator, status=status)


@external
def set_fee_bps(fee_bps: uint256):
    """
    @dev Sets the handling fee of rounds published from now on.
    @notice The parameter registry once named, the owner before.
    @param fee_bps The fee in basis points, at most MAX_FEE_BPS.
    """
    governed.tunable._check_writer()
    assert fee_bps <= MAX_FEE_BPS, "airdrop_rounds: fee above cap"
    self._fee_bps = fee_bps
    log IAirdropRounds.FeeSet(fee_bps=fee_bps)


@external
def set_treasury(treasury: address):
    """
    @dev Sets the account that receives swept rounds.
    @param treasury The treasury; not the zero address.
    """
    governed.owner_2step.ownable._check_owner()
    assert treasury != empty(address), "airdrop_rounds: zero treasury"
    self.treasury = treasury
    log IAirdropRounds.TreasurySet(treasury=treasury)


@external
@view
def is_operator(account: address) -> bool:
    """
    @dev Whether `account` may publish rounds.
    @param account The account.
    @return bool True for an operator.
    """
    return self._operators[account]


@external
@view
def rounds(round: uint256) -> address:
    """
    @dev The AirdropRound contract of round number `round`.
    @param round The round number (1 to round_count).
    @return address The round's contract (empty for a round not published).
    """
    return self._rounds[round]


@external
@view
def fee_bps() -> uint256:
    """
    @dev The handling fee a round published now gets.
    @return uint256 The fee, in basis points.
    """
    return self._fee()


@internal
@view
def _fee() -> uint256:
    """
    @dev The one read of the handling fee (a parameter registry can
         replace it later).
    @return uint256 The fee, in basis points.
    """
    return self._fee_bps
