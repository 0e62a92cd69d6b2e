# pragma version ~=0.4.3
"""
@title Token sale: CC rounds at the table's USD prices, bought into vesting
@custom:contract-name TokenSale
@license GNU Affero General Public License v3.0 only
@notice CC's sale rounds (SPEC.md, CloudChat 5.2: seed, institutional,
        strategic, public whitelist, public), paid in the native coin or a
        listed ERC-20. A purchase never hands out CC: it moves the CC bought
        into the sale's own VestingVault (`vault`, owned by this contract)
        and creates a schedule there for the buyer, on the round's plan (the
        CC table's row for that allocation) from the round's
        `vesting_start`. So the buyer's unlocks follow the table to the wei.

        Glossary:
          a      amount of the paid asset, in its smallest unit
          P_a    price_adapter.price(a): USD (WAD) of 10**18 units of a
          p      the round's price: USD (WAD) per CC (10**18 wei of CC)
          q      CC bought, in wei
        The payment is worth a * P_a / 1e18 USD (WAD); at p per 1e18 wei
        of CC it buys
          q = (a * P_a / 1e18) * 1e18 / p = a * P_a // p
        The 1e18 factors cancel, so one division remains; it rounds down,
        in the sale's favour (the buyer gets at most one wei of CC less).
        `min_tokens` is the buyer's slippage bound: a price move between
        quote and purchase that would give fewer CC reverts.

        Phases, from timestamps and the amount sold (`phase`):
          BEFORE     now < start
          OPEN       start <= now < end and sold < cap
          SUCCEEDED  (now >= end or sold == cap) and sold >= soft_cap
          FAILED     (now >= end) and sold < soft_cap
        Money flows:
          - `fund`: anyone (the treasury) brings the round's whole cap of CC
            in, once, before the end; purchases need a funded round.
          - `buy`: the payment stays in the sale; the CC goes to the vault
            under a new revocable schedule (id = purchase id).
          - SUCCEEDED: `withdraw(round, asset)` by anyone sends what the
            round raised in that asset to the treasury (one call per asset,
            no loop over buyers); `close` returns the unsold CC.
          - FAILED: `refund(schedule id)` by anyone revokes that schedule
            (the vault sends the unvested CC to the treasury) and pays the
            buyer back; `close` returns the CC never sold.
        A refund after the vesting start, where part of the schedule has
        vested (the buyer may have released it), pays back only the
        unvested share: refund = paid * returned // total (rounds down, in
        the sale's favour); the rest (`kept`) goes to the treasury, as the
        price of the CC the buyer keeps. Before the vesting start the
        whole payment comes back. A round whose vesting start is at or
        after its end therefore refunds in full whenever the refund is
        made before the vesting start; a round sold after the TGE (its
        vesting start before its end, e.g. the suite's TGE) vests from
        the TGE like the table's own schedules, and a buyer keeps what
        has vested even if the round fails (paying for it).

        Why a vault of its own: VestingVault's `create_schedules` is
        owner-only and its schedules have fixed totals. The sale owns a
        dedicated VestingVault (deployed like any other, ownership offered
        to the sale, taken with `accept_vault`), so the CC table's vault
        (CCVesting) keeps its owner and every vesting test and gas figure
        stays as it was. There is no top-up: each purchase is a schedule
        of its own (a buyer with two purchases releases two ids).
@custom:security Every function that moves value carries `@nonreentrant`
        and writes its state before paying (the native coin is paid with
        all gas). Prices come through the PriceAdapter, which checks the
        feed's answer (positive, not future-dated, within its heartbeat):
        a stale feed makes `buy` revert. The sale only ever calls
        `revoke` on a schedule of a FAILED round, in `refund`; it has no
        other way to touch a buyer's schedule. Assets are listed by the
        owner: tokens that deliver less than asked (fee on transfer) are
        not to be listed (`_pull_exact`).
@custom:kill The owner stops new purchases of an asset by delisting it
        (`list_asset(asset, empty(address))`) and of a round by setting an
        impossible whitelist root; refunds, withdrawals and closing stay
        open, since they only move funds to their owners. Ownership moves
        in two steps and cannot be renounced.
"""


from ethereum.ercs import IERC20
from snekmate.utils import merkle_proof_verification

from contracts.shared import asset_transfer
from contracts.shared import owner_2step
from interfaces import IPriceAdapter
from interfaces import ITokenSale
from interfaces import IVestingVault

implements: ITokenSale

initializes: owner_2step


exports: (
    owner_2step.__interface__,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: an ownerless sale could never add a round, list an asset or move its treasury.
)


# @dev Longest whitelist proof accepted (2**32 whitelisted buyers).
MAX_PROOF: constant(uint256) = 32
# @dev Phases returned by `phase` (fivefold.sale.model mirrors them).
BEFORE: constant(uint256) = 0
OPEN: constant(uint256) = 1
SUCCEEDED: constant(uint256) = 2
FAILED: constant(uint256) = 3
# @dev Latest vesting start (VestingVault stores starts in 40 bits).
MAX_START: constant(uint256) = 2**40 - 1
# @dev Largest cap of a round and largest payment (VestingVault totals are 96 bits).
MAX_AMOUNT: constant(uint256) = 2**96 - 1
# @dev Purchase word: asset (160 bits) | paid (95) | refunded (1).
_PAID_SHIFT: constant(uint256) = 160
_PAID_MASK: constant(uint256) = 2**95 - 1
_REFUNDED_SHIFT: constant(uint256) = 255
_ASSET_MASK: constant(uint256) = 2**160 - 1
# Round words, one named shift and mask per field (`_load` / `_store`):
#   times    = start (40) | end (40) | vesting_start (40) | plan_id (16) | funded (1) | closed (1)
#   amounts  = cap (96) | buyer_cap (96) | price (64)
#   progress = sold (96) | soft_cap (96)
# and the whitelist root, a word of its own. `buy` reads the four and writes `progress`.
_TIME_MASK: constant(uint256) = 2**40 - 1
_END_SHIFT: constant(uint256) = 40
_VESTING_SHIFT: constant(uint256) = 80
_PLAN_SHIFT: constant(uint256) = 120
_PLAN_MASK: constant(uint256) = 2**16 - 1
_FUNDED_SHIFT: constant(uint256) = 136
_CLOSED_SHIFT: constant(uint256) = 137
_AMOUNT_MASK: constant(uint256) = 2**96 - 1
_BUYER_CAP_SHIFT: constant(uint256) = 96
_PRICE_SHIFT: constant(uint256) = 192
_PRICE_MASK: constant(uint256) = 2**64 - 1
_SOFT_CAP_SHIFT: constant(uint256) = 96


# @dev The token sold (CC), fixed at deployment.
token: public(immutable(address))


# @dev The sale's own VestingVault of `token`, fixed at deployment.
vault: public(immutable(address))


# @dev Where raised funds, unsold and revoked CC go.
treasury: public(address)


# @dev The checked USD price source.
price_adapter: public(address)


# @dev Rounds added; ids 0 .. round_count - 1.
round_count: public(uint256)


# @dev Purchases made; ids (= schedule ids in the vault) 1 .. purchase_count.
purchase_count: public(uint256)


# @dev Per accepted asset, the address the adapter prices (empty: not accepted).
price_key: public(HashMap[address, address])


# @dev CC bought by round and buyer, in wei.
bought: public(HashMap[uint256, HashMap[address, uint256]])


# @dev Paid in, by round and asset.
raised: public(HashMap[uint256, HashMap[address, uint256]])


# @dev Refunded, kept for the treasury or withdrawn, by round and asset.
paid_out: public(HashMap[uint256, HashMap[address, uint256]])


# @dev Round words by round id (see `_TIME_MASK`; zero times: no such round).
_round_times: HashMap[uint256, uint256]


# @dev Cap, buyer cap and price by round id.
_round_amounts: HashMap[uint256, uint256]


# @dev Sold and soft cap by round id.
_round_progress: HashMap[uint256, uint256]


# @dev Whitelist root by round id (empty: public).
_round_root: HashMap[uint256, bytes32]


# @dev Purchase word by purchase id (see `_PAID_SHIFT`).
_purchases: HashMap[uint256, uint256]


@deploy
def __init__(token_: address, vault_: address, price_adapter_: address, treasury_: address, owner_: address):
    """
    @dev Deploys a sale of `token_` into `vault_`, which must be a
         VestingVault of `token_` (ownership is offered to the sale and
         taken with `accept_vault`).
    @param token_ The token sold (CC).
    @param vault_ The sale's own VestingVault.
    @param price_adapter_ The checked USD price source.
    @param treasury_ Where funds go.
    @param owner_ The owner (governance, eventually).
    """
    assert token_ != empty(address), "token_sale: zero token"
    assert staticcall IVestingVault(vault_).token() == token_, "token_sale: vault of another token"
    assert price_adapter_ != empty(address), "token_sale: zero price adapter"
    assert treasury_ != empty(address), "token_sale: zero treasury"
    assert owner_ != empty(address), "token_sale: zero owner"
    token = token_
    vault = vault_
    self.price_adapter = price_adapter_
    self.treasury = treasury_
    owner_2step.__init__(owner_)


@external
@payable
@nonreentrant
def buy(
    round_id: uint256,
    asset: address,
    amount: uint256,
    min_tokens: uint256,
    proof: DynArray[bytes32, MAX_PROOF],
) -> uint256:
    """
    @dev Buys CC with `amount` of `asset`: q = amount * P_a // p (see the
         glossary), into a new revocable schedule for the caller.
    @notice The native coin: `asset` empty and `msg.value == amount`.
            An ERC-20: approve the sale for `amount` first.
    @param round_id The round.
    @param asset The paid asset (empty: the native coin).
    @param amount What the buyer pays, in the asset's smallest unit.
    @param min_tokens Fewest CC (wei) the buyer accepts: the slippage bound.
    @param proof The caller's whitelist proof (private rounds).
    @return uint256 The new schedule's id in the vault.
    """
    r: ITokenSale.Round = self._load(round_id)
    assert block.timestamp >= r.start and block.timestamp < r.end, "token_sale: round not open"
    assert r.funded, "token_sale: round not funded"
    if r.whitelist_root != empty(bytes32):
        leaf: bytes32 = keccak256(abi_encode(msg.sender))
        assert merkle_proof_verification._verify(proof, r.whitelist_root, leaf), "token_sale: not whitelisted"
    assert amount != 0, "token_sale: zero amount"
    assert amount <= _PAID_MASK, "token_sale: amount too large"
    if asset == asset_transfer.NATIVE:
        assert msg.value == amount, "token_sale: wrong native amount"
    else:
        assert msg.value == 0, "token_sale: native coin sent with a token"
    tokens: uint256 = self._quote(r, asset, amount)
    assert tokens != 0, "token_sale: amount buys nothing"
    assert tokens >= min_tokens, "token_sale: fewer tokens than min_tokens"
    sold: uint256 = r.sold + tokens
    assert sold <= r.cap, "token_sale: round cap exceeded"
    bought: uint256 = self.bought[round_id][msg.sender] + tokens
    assert bought <= r.buyer_cap, "token_sale: buyer cap exceeded"
    schedule_id: uint256 = self.purchase_count + 1
    # Effects first.
    self.purchase_count = schedule_id
    # sold <= cap <= MAX_AMOUNT: fits its 96 bits.
    self._round_progress[round_id] = sold | (r.soft_cap << _SOFT_CAP_SHIFT)
    self.bought[round_id][msg.sender] = bought
    self.raised[round_id][asset] += amount
    self._purchases[schedule_id] = convert(asset, uint256) | (amount << _PAID_SHIFT)
    if asset != asset_transfer.NATIVE:
        asset_transfer._pull_exact(asset, msg.sender, amount)
    # The CC bought moves into the vault, which then promises it to the buyer.
    asset_transfer._pay_token(token, vault, tokens)
    batch: DynArray[IVestingVault.ScheduleRequest, 1] = [
        IVestingVault.ScheduleRequest(
            schedule_id=schedule_id,
            beneficiary=msg.sender,
            plan_id=r.plan_id,
            total=tokens,
            start=r.vesting_start,
            revocable=True,
        )
    ]
    extcall IVestingVault(vault).create_schedules(batch)
    log ITokenSale.Purchased(
        round_id=round_id, buyer=msg.sender, asset=asset, paid=amount, tokens=tokens, schedule_id=schedule_id
    )
    return schedule_id


@external
@nonreentrant
def refund(schedule_id: uint256) -> uint256:
    """
    @dev Undoes a purchase of a FAILED round: revokes its schedule (the
         vault sends the unvested CC to the treasury) and pays the buyer
         refund = paid * returned // total (rounds down: the sale keeps
         at most one unit, sent to the treasury with `kept`); before the
         vesting start returned == total and the refund is the payment.
    @notice Anyone may call (the treasury can undo every purchase of a
            failed round before its vesting start); the buyer is paid.
    @param schedule_id The purchase (= schedule) id.
    @return uint256 The refund, in the paid asset.
    """
    word: uint256 = self._purchases[schedule_id]
    assert word != 0, "token_sale: unknown purchase"
    assert word >> _REFUNDED_SHIFT == 0, "token_sale: already refunded"
    sched: IVestingVault.Schedule = staticcall IVestingVault(vault).schedule(schedule_id)
    # The sale adds one plan per round, in order: the plan id is the round id.
    round_id: uint256 = sched.plan_id
    assert self._phase(self._load(round_id)) == FAILED, "token_sale: round not failed"
    asset: address = convert(word & _ASSET_MASK, address)
    paid: uint256 = (word >> _PAID_SHIFT) & _PAID_MASK
    self._purchases[schedule_id] = word | (1 << _REFUNDED_SHIFT)
    returned: uint256 = 0
    if staticcall IVestingVault(vault).vested_amount(schedule_id, block.timestamp) < sched.total:
        returned = extcall IVestingVault(vault).revoke(schedule_id)
    # Rounds down: the buyer never gets more than the unvested share.
    refund_: uint256 = paid * returned // sched.total
    kept: uint256 = paid - refund_
    self.paid_out[round_id][asset] += paid
    if refund_ != 0:
        asset_transfer._pay(asset, sched.beneficiary, refund_)
    if kept != 0:
        asset_transfer._pay(asset, self.treasury, kept)
    log ITokenSale.Refunded(schedule_id=schedule_id, buyer=sched.beneficiary, asset=asset, refund=refund_, kept=kept)
    return refund_


@external
@nonreentrant
def withdraw(round_id: uint256, asset: address) -> uint256:
    """
    @dev Sends a SUCCEEDED round's takings in `asset` to the treasury.
    @notice Anyone may call; the treasury is paid.
    @param round_id The round.
    @param asset The asset (empty: the native coin).
    @return uint256 The amount sent.
    """
    assert self._phase(self._load(round_id)) == SUCCEEDED, "token_sale: round not succeeded"
    raised: uint256 = self.raised[round_id][asset]
    amount: uint256 = raised - self.paid_out[round_id][asset]
    assert amount != 0, "token_sale: nothing to withdraw"
    self.paid_out[round_id][asset] = raised
    asset_transfer._pay(asset, self.treasury, amount)
    log ITokenSale.Withdrawn(round_id=round_id, asset=asset, amount=amount)
    return amount


@external
@nonreentrant
def close(round_id: uint256) -> uint256:
    """
    @dev Returns a decided round's unsold CC (cap - sold) to the treasury.
    @notice Anyone may call, once per funded round, once it SUCCEEDED or
            FAILED. CC sold in a failed round comes back through `refund`.
    @param round_id The round.
    @return uint256 The CC returned, in wei.
    """
    r: ITokenSale.Round = self._load(round_id)
    phase: uint256 = self._phase(r)
    assert phase == SUCCEEDED or phase == FAILED, "token_sale: round not decided"
    assert r.funded, "token_sale: round not funded"
    assert not r.closed, "token_sale: round already closed"
    self._round_times[round_id] |= 1 << _CLOSED_SHIFT
    # sold <= cap: checked by every purchase.
    returned: uint256 = unsafe_sub(r.cap, r.sold)
    if returned != 0:
        asset_transfer._pay_token(token, self.treasury, returned)
    log ITokenSale.Closed(round_id=round_id, returned=returned)
    return returned


@external
@nonreentrant
def fund(round_id: uint256):
    """
    @dev Brings the round's whole cap of CC in from the caller.
    @notice Anyone may call (the treasury, having approved the sale),
            once per round, before the round's end.
    @param round_id The round.
    """
    r: ITokenSale.Round = self._load(round_id)
    assert block.timestamp < r.end, "token_sale: round ended"
    assert not r.funded, "token_sale: round already funded"
    self._round_times[round_id] |= 1 << _FUNDED_SHIFT
    asset_transfer._pull_exact(token, msg.sender, r.cap)
    log ITokenSale.RoundFunded(round_id=round_id, funder=msg.sender, amount=r.cap)


@external
def accept_vault():
    """
    @dev Takes the vault's ownership offered to the sale and sets the
         vault's treasury to the sale's.
    @notice Anyone may call; it only completes what the vault's owner offered.
    """
    extcall IVestingVault(vault).accept_ownership()
    extcall IVestingVault(vault).set_treasury(self.treasury)


@external
def add_round(
    start: uint256,
    end: uint256,
    vesting_start: uint256,
    price: uint256,
    cap: uint256,
    soft_cap: uint256,
    buyer_cap: uint256,
    whitelist_root: bytes32,
    plan: IVestingVault.Plan,
) -> uint256:
    """
    @dev Adds a round and registers its plan in the vault.
    @notice Only the owner, once the sale owns its vault. The round's plan
            is its row of the CC table (fivefold.vesting.model.PLANS).
    @param start When purchases open (Unix time, not in the past).
    @param end When they close (after start).
    @param vesting_start The schedules' start, the row's TGE (at or after
           `end` for refunds in full; before it for a sale after the TGE).
    @param price USD per CC, WAD.
    @param cap CC for sale, in wei (brought in by `fund`).
    @param soft_cap CC that must be sold for success (<= cap).
    @param buyer_cap Most CC one buyer may buy (<= cap).
    @param whitelist_root Merkle root of the whitelist (empty: public).
    @param plan The vesting plan of the round's schedules.
    @return uint256 The round id.
    """
    owner_2step.ownable._check_owner()
    assert start >= block.timestamp, "token_sale: start in the past"
    assert end > start, "token_sale: end not after start"
    assert end <= MAX_START, "token_sale: end out of range"
    assert vesting_start != 0 and vesting_start <= MAX_START, "token_sale: vesting start out of range"
    assert price != 0 and price <= _PRICE_MASK, "token_sale: price out of range"
    assert cap != 0 and cap <= MAX_AMOUNT, "token_sale: cap out of range"
    assert soft_cap <= cap, "token_sale: soft cap above cap"
    assert buyer_cap != 0 and buyer_cap <= cap, "token_sale: buyer cap out of range"
    round_id: uint256 = self.round_count
    plan_id: uint256 = extcall IVestingVault(vault).add_plan(
        plan.period,
        plan.tge_bps,
        plan.cliff_periods,
        plan.phase1_count,
        plan.phase1_bps,
        plan.phase2_count,
        plan.phase2_bps,
    )
    # `refund` finds the round from the schedule's plan id.
    assert plan_id == round_id, "token_sale: vault plans out of step"
    self.round_count = round_id + 1
    self._store(
        round_id,
        ITokenSale.Round(
        start=start,
        end=end,
        vesting_start=vesting_start,
        price=price,
        cap=cap,
        soft_cap=soft_cap,
        buyer_cap=buyer_cap,
        plan_id=plan_id,
        whitelist_root=whitelist_root,
        sold=0,
        funded=False,
        closed=False,
        ),
    )
    log ITokenSale.RoundAdded(
        round_id=round_id,
        start=start,
        end=end,
        vesting_start=vesting_start,
        price=price,
        cap=cap,
        soft_cap=soft_cap,
        buyer_cap=buyer_cap,
    )
    if whitelist_root != empty(bytes32):
        log ITokenSale.WhitelistSet(round_id=round_id, root=whitelist_root)
    return round_id


@external
def set_whitelist(round_id: uint256, root: bytes32):
    """
    @dev Sets (or, with an empty root, lifts) a round's whitelist.
    @notice Only the owner, before the round's end.
    @param round_id The round.
    @param root The Merkle root of keccak256(abi.encode(buyer)) leaves.
    """
    owner_2step.ownable._check_owner()
    assert block.timestamp < self._load(round_id).end, "token_sale: round ended"
    self._round_root[round_id] = root
    log ITokenSale.WhitelistSet(round_id=round_id, root=root)


@external
def list_asset(asset: address, price_key_: address):
    """
    @dev Accepts `asset` as payment, priced by the adapter as
         `price_key_` (an ERC-20 itself; the native coin its wrapped
         token); an empty key delists. The adapter must price it now.
    @notice Only the owner.
    @param asset The ERC-20, or empty for the native coin.
    @param price_key_ What the adapter prices (empty: delist).
    """
    owner_2step.ownable._check_owner()
    assert asset != token, "token_sale: the sold token"
    if price_key_ != empty(address):
        # Reverts on a missing or unhealthy feed.
        assert staticcall IPriceAdapter(self.price_adapter).price(price_key_) != 0, "token_sale: zero price"
    self.price_key[asset] = price_key_
    log ITokenSale.AssetListed(asset=asset, price_key=price_key_)


@external
def set_treasury(new_treasury: address):
    """
    @dev Sets where funds go, here and in the vault (revoked CC).
    @notice Only the owner.
    @param new_treasury The new treasury.
    """
    owner_2step.ownable._check_owner()
    assert new_treasury != empty(address), "token_sale: zero treasury"
    log ITokenSale.TreasuryChanged(previous_treasury=self.treasury, new_treasury=new_treasury)
    self.treasury = new_treasury
    extcall IVestingVault(vault).set_treasury(new_treasury)


@external
def set_price_adapter(new_adapter: address):
    """
    @dev Points the sale at another checked price source.
    @notice Only the owner.
    @param new_adapter The new adapter.
    """
    owner_2step.ownable._check_owner()
    assert new_adapter != empty(address), "token_sale: zero price adapter"
    log ITokenSale.PriceAdapterChanged(previous_adapter=self.price_adapter, new_adapter=new_adapter)
    self.price_adapter = new_adapter


@external
@view
def round(round_id: uint256) -> ITokenSale.Round:
    """
    @dev A round's settings and progress.
    @param round_id The round.
    @return Round Its fields.
    """
    return self._load(round_id)


@external
@view
def phase(round_id: uint256) -> uint256:
    """
    @dev The round's phase: 0 before, 1 open, 2 succeeded, 3 failed.
    @param round_id The round.
    @return uint256 The phase.
    """
    return self._phase(self._load(round_id))


@external
@view
def quote(round_id: uint256, asset: address, amount: uint256) -> uint256:
    """
    @dev CC that `amount` of `asset` buys now, rounded down (what `buy`
         would give; pass it, less a margin, as `min_tokens`).
    @param round_id The round.
    @param asset The asset (empty: the native coin).
    @param amount The payment.
    @return uint256 CC, in wei.
    """
    return self._quote(self._load(round_id), asset, amount)


@external
@view
def purchase(schedule_id: uint256) -> (address, uint256, bool):
    """
    @dev A purchase's record.
    @param schedule_id The purchase (= schedule) id.
    @return address The paid asset (empty: native).
    @return uint256 The amount paid.
    @return bool Whether it was refunded.
    """
    word: uint256 = self._purchases[schedule_id]
    assert word != 0, "token_sale: unknown purchase"
    return convert(word & _ASSET_MASK, address), (word >> _PAID_SHIFT) & _PAID_MASK, word >> _REFUNDED_SHIFT == 1


@internal
@view
def _quote(r: ITokenSale.Round, asset: address, amount: uint256) -> uint256:
    """
    @dev q = a * P_a // p: rounds down, in the sale's favour.
    """
    key: address = self.price_key[asset]
    assert key != empty(address), "token_sale: asset not accepted"
    # Reverts on a stale, future-dated or non-positive answer (feed_reader).
    price: uint256 = staticcall IPriceAdapter(self.price_adapter).price(key)
    return amount * price // r.price


@internal
@view
def _phase(r: ITokenSale.Round) -> uint256:
    """
    @dev The round's phase from the clock and the amount sold (see the
         module docstring).
    """
    if block.timestamp < r.start:
        return BEFORE
    if block.timestamp < r.end and r.sold < r.cap:
        return OPEN
    if r.sold >= r.soft_cap:
        return SUCCEEDED
    return FAILED


@internal
@view
def _load(round_id: uint256) -> ITokenSale.Round:
    """
    @dev A round's four words, unpacked; reverts for an unknown round.
    """
    times: uint256 = self._round_times[round_id]
    assert times != 0, "token_sale: unknown round"
    amounts: uint256 = self._round_amounts[round_id]
    progress: uint256 = self._round_progress[round_id]
    return ITokenSale.Round(
        start=times & _TIME_MASK,
        end=(times >> _END_SHIFT) & _TIME_MASK,
        vesting_start=(times >> _VESTING_SHIFT) & _TIME_MASK,
        price=(amounts >> _PRICE_SHIFT) & _PRICE_MASK,
        cap=amounts & _AMOUNT_MASK,
        soft_cap=(progress >> _SOFT_CAP_SHIFT) & _AMOUNT_MASK,
        buyer_cap=(amounts >> _BUYER_CAP_SHIFT) & _AMOUNT_MASK,
        plan_id=(times >> _PLAN_SHIFT) & _PLAN_MASK,
        whitelist_root=self._round_root[round_id],
        sold=progress & _AMOUNT_MASK,
        funded=(times >> _FUNDED_SHIFT) & 1 == 1,
        closed=(times >> _CLOSED_SHIFT) & 1 == 1,
    )


@internal
def _store(round_id: uint256, r: ITokenSale.Round):
    """
    @dev Writes a round's four words (`add_round`; the callers checked
         every field fits: times <= MAX_START, amounts <= MAX_AMOUNT,
         price < 2**64, plan id < 2**16).
    """
    self._round_times[round_id] = (
        r.start
        | (r.end << _END_SHIFT)
        | (r.vesting_start << _VESTING_SHIFT)
        | (r.plan_id << _PLAN_SHIFT)
        | (convert(r.funded, uint256) << _FUNDED_SHIFT)
        | (convert(r.closed, uint256) << _CLOSED_SHIFT)
    )
    self._round_amounts[round_id] = r.cap | (r.buyer_cap << _BUYER_CAP_SHIFT) | (r.price << _PRICE_SHIFT)
    self._round_progress[round_id] = r.sold | (r.soft_cap << _SOFT_CAP_SHIFT)
    self._round_root[round_id] = r.whitelist_root
