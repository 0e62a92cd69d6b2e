# pragma version ~=0.4.3
"""
@title HPC resource market: offers, escrowed orders, proven periods, usage-scaled rewards
@custom:contract-name ResourceMarket
@license GNU Affero General Public License v3.0 only
@notice Smart 4.3, 4.4 and 5.2 (SPEC, Smart/HPC): providers offer storage,
        compute or bandwidth for HPC; requesters pay HPC for it; providers
        earn HPC emission for proven service, at a rate per unit that falls
        as the network's usage rises; authenticator (signature) nodes
        verify.

        Time runs in periods of PERIOD seconds from `genesis` (the
        deployment): period(t) = (t - genesis) // PERIOD. Everything is
        derived from timestamps; nobody needs to move a period on.

        Roles:
          provider   registers one offer (kind, capacity in units, price in
                     HPC wei per unit per period) with a stake of at least
                     capacity * stake_per_unit; exits once its last
                     ordered period is settled
          requester  orders units of an offer for a future period; the
                     price is escrowed
          authenticators  members of the AuthenticatorRegistry (the HPC
                     DAO's); `quorum` of them sign a report of a
                     provider's period: served, or faulty
          anyone     submits a signed report, refunds a settled order to
                     its requester, funds the reward budget
          owner      the CC Timelock; its tunable numbers are written by
                     the HPC DAO's parameter registry

        Glossary (amounts in HPC wei; k a kind, p a period, v a provider):
          C_k        registered capacity of kind k (units, all offers)
          U_k,p      units ordered of kind k for period p
          C*_k,p     C_k when the first report of (k, p) was accepted
          u_k,p      usage in basis points = ceil(U_k,p * BPS / C*_k,p)
          n_v,p      units ordered from v for p;  E_v,p their escrow
          rate(u)    HPC wei per proven unit, three tiers:
                       u <  low_usage_bps            -> low_rate
                       low_usage_bps <= u <= high_usage_bps -> mid_rate
                       u >  high_usage_bps           -> high_rate
                     with low_rate >= mid_rate >= high_rate. Defaults
                     reproduce the seed: under 30% usage 10 units earn
                     10 * 0.2 = 2 HPC; above 50% usage 50 units earn
                     50 * 0.06 = 3 HPC (mid tier 0.1 HPC).
          B          reward budget: HPC funded (`fund`) or received
                     (`sync`, e.g. the emitter's mint) and not yet paid
        A period (v, p) proven served:
          v is owed  E_v,p + min(n_v,p * rate(u_k,p), B);   B -= that reward
        A period proven faulty:
          s = stake_v * slash_bps // BPS     rounds down, bounded by
                                             MAX_SLASH_BPS of the stake
          each order o of (v, p) refunds a_o + s * a_o // E_v,p to its
          requester (rounds down: never more than s in total; the dust
          stays owed to nobody and is counted in `total_owed`)
        A period unproven once `report_window` is over: each order refunds a_o.

        Books, wei-exact at every moment (the tests check it):
          HPC.balanceOf(this) == total_escrow + total_stakes + total_owed
                                 + reward_budget + (HPC sent without `fund`,
                                 until `sync`)

        Reports (EIP-712, this contract's domain):
          Report(address provider,uint256 period,bool served)
        signed by at least `quorum` members of the registry, signatures
        sorted by signer, strictly ascending (no signer twice, no storage).
        A (provider, period) is reported once (its state leaves OPEN:
        replay protection), only between the period's end and the end of
        the report window; the domain separator binds chain and contract.
        No loop over providers or orders anywhere: each operation touches
        its own offer, order, provider-period and kind-period words.

        Storage, packed (one `_pack`/`_unpack` pair each, layouts at the
        constants): an offer in one word, an order in two, a
        provider-period ("slot") in one. HPC amounts fit 96 bits (its cap
        is 2.1e26 < 2**96; larger stakes and escrows are refused).
@custom:security Usage is frozen per (kind, period) at its first report:
        capacity registered later cannot move the period's rate. A
        provider cannot exit (take its stake and capacity away) until its
        last ordered period's report window is over, so a faulty report
        always finds the stake. Reports trust the registry's members.
@custom:kill No pause: every operation moves only its own caller's money
        or settles by signed reports. In an emergency the HPC DAO removes
        authenticators (no more reports: orders refund after the window)
        and sets the quorum; nothing here can seize funds. Ownership moves
        in two steps and cannot be renounced.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import tuned
from ethereum.ercs import IERC20
from interfaces import IAuthenticatorRegistry
from interfaces import IResourceMarket
from snekmate.utils import ecdsa
from snekmate.utils import eip712_domain_separator

implements: IResourceMarket

initializes: tuned
initializes: eip712_domain_separator


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless market could never name another parameter registry.
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
exports: (eip712_domain_separator.eip712Domain, tuned.__interface__)


# @dev Seconds in a period (one day).
PERIOD: public(constant(uint256)) = constants.DAY
# @dev How many periods ahead an order may be placed.
MAX_AHEAD: public(constant(uint256)) = 30
# @dev Resource kinds.
STORAGE: constant(uint256) = 0
COMPUTE: constant(uint256) = 1
BANDWIDTH: constant(uint256) = 2
# @dev Number of kinds (kinds are 0 .. N_KINDS - 1).
N_KINDS: constant(uint256) = 3
# @dev Most signatures a report carries (bounds the signature loop).
MAX_SIGNERS: constant(uint256) = 16
# @dev Largest capacity of one offer, in units.
MAX_CAPACITY: constant(uint256) = 10**12
# @dev Largest price, in HPC wei per unit per period (1,000 HPC).
MAX_PRICE: constant(uint256) = 1_000 * 10**18
# @dev Largest reward rate, in HPC wei per unit (10 HPC).
MAX_RATE: public(constant(uint256)) = 10 * 10**18
# @dev Largest stake asked per unit of capacity (1,000 HPC).
MAX_STAKE_PER_UNIT: public(constant(uint256)) = 1_000 * 10**18
# @dev Largest share of a stake one faulty period takes (50%).
MAX_SLASH_BPS: public(constant(uint256)) = 5_000
# @dev Bounds of the report window, in seconds.
MIN_REPORT_WINDOW: public(constant(uint256)) = 3_600
MAX_REPORT_WINDOW: public(constant(uint256)) = 7 * constants.DAY
# @dev EIP-712 type hash of a report.
_REPORT_TYPEHASH: constant(bytes32) = keccak256("Report(address provider,uint256 period,bool served)")

# Order words: [requester | period (40) | settled (1)], [provider | amount (96)].
_PERIOD_SHIFT: constant(uint256) = 160
_SETTLED_SHIFT: constant(uint256) = 200
_AMOUNT_SHIFT: constant(uint256) = 160
# Slot word: units (40) | escrow (96) | state (8) | slashed (96). Units are at most MAX_CAPACITY
# (< 2**40); escrow is checked below 2**96, slashed is part of a stake (< 2**96).
_ESCROW_SHIFT: constant(uint256) = 40
_STATE_SHIFT: constant(uint256) = 136
_SLASHED_SHIFT: constant(uint256) = 144
_UNITS_MASK: constant(uint256) = constants.MASK_40
_AMOUNT_MASK: constant(uint256) = 2**96 - 1

# Offer word: kind (8) | capacity (40) | price (70) | busy_until (40) | stake (96). Capacity is at
# most MAX_CAPACITY (< 2**40), price at most MAX_PRICE (< 2**70), busy_until a period + 1 (< 2**40),
# stake an HPC amount (< 2**96).
_CAPACITY_SHIFT: constant(uint256) = 8
_PRICE_SHIFT: constant(uint256) = 48
_PRICE_MASK: constant(uint256) = 2**70 - 1
_BUSY_SHIFT: constant(uint256) = 118
_STAKE_SHIFT: constant(uint256) = 158

# @dev Provider-period states.
OPEN: constant(uint256) = 0
SERVED: constant(uint256) = 1
FAULTY: constant(uint256) = 2


# @dev A provider's offer (capacity zero: none).
struct Offer:
    kind: uint256
    capacity: uint256
    price: uint256
    stake: uint256
    # last ordered period + 1 (zero: never ordered)
    busy_until: uint256


# @dev The HPC token: stakes, escrow and rewards.
token: public(immutable(address))
# @dev The authenticator registry whose members sign reports.
authenticators: public(immutable(address))
# @dev Start of period 0 (the deployment's timestamp).
genesis: public(immutable(uint256))

# @dev The reward curve (tunable: tiers and rates, one setter each).
_curve: IResourceMarket.RewardCurve
# @dev Signatures a report needs (tunable, 1 .. MAX_SIGNERS).
quorum: public(uint256)
# @dev Share of a faulty provider's stake paid to its requesters, in basis points (tunable).
slash_bps: public(uint256)
# @dev Seconds after a period's end during which it may be reported (tunable).
report_window: public(uint256)
# @dev Stake asked per unit of capacity, in HPC wei (tunable; applies to new offers).
stake_per_unit: public(uint256)

# @dev Provider -> its offer word (zero: none; see `_pack_offer`).
_offers: HashMap[address, uint256]
# @dev Order id -> its two order words (ids from 1; see `_pack_order`).
_orders: HashMap[uint256, uint256[2]]
# @dev Orders opened (the last id).
order_count: public(uint256)
# @dev Provider -> period -> its slot word (units, escrow, state, slashed; see `_pack_slot`).
_slots: HashMap[address, HashMap[uint256, uint256]]
# @dev Kind -> registered capacity, in units (C_k).
capacity_of: public(HashMap[uint256, uint256])
# @dev Kind -> period -> units ordered (U_k,p).
used_of: public(HashMap[uint256, HashMap[uint256, uint256]])
# @dev Kind -> period -> capacity frozen at its first report (C*_k,p; zero: not yet).
frozen_capacity_of: public(HashMap[uint256, HashMap[uint256, uint256]])
# @dev Account -> HPC it may claim (provider payments and rewards).
owed: public(HashMap[address, uint256])
# @dev HPC escrowed by orders not yet paid out or refunded.
total_escrow: public(uint256)
# @dev HPC staked by providers.
total_stakes: public(uint256)
# @dev HPC owed and not claimed: payments, rewards, slashed stakes due to requesters.
total_owed: public(uint256)
# @dev HPC available for rewards (B).
reward_budget: public(uint256)


@deploy
def __init__(
    token_: address,
    authenticators_: address,
    owner_: address,
    name_eip712_: String[50],
    version_eip712_: String[20],
):
    """
    @dev Period 0 starts now; the defaults reproduce the seed's curve
         (30% / 50%; 0.2, 0.1 and 0.06 HPC a unit), quorum 1, slash 10%,
         report window one day, stake 1 HPC per unit.
    @param token_ The HPC token.
    @param authenticators_ The AuthenticatorRegistry.
    @param owner_ The owner.
    @param name_eip712_ The EIP-712 domain name of reports.
    @param version_eip712_ The EIP-712 domain version.
    """
    assert token_ != empty(address), "resource_market: zero token"
    assert authenticators_ != empty(address), "resource_market: zero registry"
    assert owner_ != empty(address), "resource_market: zero owner"
    token = token_
    authenticators = authenticators_
    genesis = block.timestamp
    self._curve = IResourceMarket.RewardCurve(
        low_usage_bps=3_000,
        high_usage_bps=5_000,
        low_rate=2 * 10**17,
        mid_rate=10**17,
        high_rate=6 * 10**16,
    )
    self.quorum = 1
    self.slash_bps = 1_000
    self.report_window = constants.DAY
    self.stake_per_unit = 10**18
    tuned.__init__(owner_)
    eip712_domain_separator.__init__(name_eip712_, version_eip712_)


# Providers


@external
def register(kind: uint256, capacity: uint256, price: uint256, stake: uint256):
    """
    @notice Registers the caller's offer and pulls its stake (approve
            first). One offer per provider.
    @param kind STORAGE 0, COMPUTE 1 or BANDWIDTH 2.
    @param capacity Units offered per period (1 .. MAX_CAPACITY).
    @param price HPC wei per unit per period (1 .. MAX_PRICE).
    @param stake HPC wei staked, at least capacity * stake_per_unit.
    """
    assert kind < N_KINDS, "resource_market: unknown kind"
    assert capacity != 0 and capacity <= MAX_CAPACITY, "resource_market: capacity out of bounds"
    assert price != 0 and price <= MAX_PRICE, "resource_market: price out of bounds"
    assert self._offers[msg.sender] == 0, "resource_market: already registered"
    assert stake >= capacity * self.stake_per_unit, "resource_market: stake too small"
    assert stake <= _AMOUNT_MASK, "resource_market: stake above the limit"
    self._offers[msg.sender] = self._pack_offer(
        Offer(kind=kind, capacity=capacity, price=price, stake=stake, busy_until=0)
    )
    self.capacity_of[kind] += capacity
    self.total_stakes += stake
    asset_transfer._pull_exact(token, msg.sender, stake)
    log IResourceMarket.OfferRegistered(
        provider=msg.sender, kind=kind, capacity=capacity, price=price, stake=stake
    )


@external
def exit():
    """
    @notice Withdraws the caller's offer and what is left of its stake,
            once the report window of its last ordered period is over.
    """
    offer: Offer = self._unpack_offer(self._offers[msg.sender])
    assert offer.capacity != 0, "resource_market: not registered"
    if offer.busy_until != 0:
        assert block.timestamp >= self._period_end(offer.busy_until - 1) + self.report_window, (
            "resource_market: orders not settled"
        )
    self._offers[msg.sender] = 0
    self.capacity_of[offer.kind] -= offer.capacity
    self.total_stakes -= offer.stake
    if offer.stake != 0:
        asset_transfer._pay_token(token, msg.sender, offer.stake)
    log IResourceMarket.OfferExited(provider=msg.sender, stake=offer.stake)


# Requesters


@external
def place_order(provider: address, period: uint256, units: uint256) -> uint256:
    """
    @notice Orders `units` of `provider`'s offer for a future period and
            escrows units * price HPC (approve first).
    @param provider The provider.
    @param period A period after the current one, at most MAX_AHEAD ahead.
    @param units Units ordered (within the offer's free capacity that period).
    @return uint256 The order id.
    """
    offer: Offer = self._unpack_offer(self._offers[provider])
    assert offer.capacity != 0, "resource_market: unknown provider"
    current: uint256 = self._period_of(block.timestamp)
    assert period > current and period <= current + MAX_AHEAD, "resource_market: period out of range"
    assert units != 0, "resource_market: zero units"
    slot: IResourceMarket.Slot = self._unpack_slot(self._slots[provider][period])
    slot.units += units
    assert slot.units <= offer.capacity, "resource_market: capacity exceeded"
    # Exact: units <= MAX_CAPACITY and price <= MAX_PRICE, no rounding.
    amount: uint256 = units * offer.price
    slot.escrow += amount
    assert slot.escrow <= _AMOUNT_MASK, "resource_market: escrow above the limit"
    self._slots[provider][period] = self._pack_slot(slot)
    self.used_of[offer.kind][period] += units
    if period + 1 > offer.busy_until:
        offer.busy_until = period + 1
        self._offers[provider] = self._pack_offer(offer)
    order_id: uint256 = self.order_count + 1
    self.order_count = order_id
    self._orders[order_id] = self._pack_order(
        IResourceMarket.Order(requester=msg.sender, provider=provider, period=period, amount=amount, settled=False)
    )
    self.total_escrow += amount
    asset_transfer._pull_exact(token, msg.sender, amount)
    log IResourceMarket.OrderPlaced(
        order_id=order_id, requester=msg.sender, provider=provider, period=period, units=units, amount=amount
    )
    return order_id


@external
def refund(order_id: uint256) -> uint256:
    """
    @notice Anyone: pays an order back to its requester once its period
            is settled against it: reported faulty (the escrow and the
            order's share of the slashed stake) or left unreported past
            the report window (the escrow).
    @param order_id The order.
    @return uint256 The amount paid to the requester.
    """
    words: uint256[2] = self._orders[order_id]
    o: IResourceMarket.Order = self._unpack_order(words)
    assert o.requester != empty(address), "resource_market: unknown order"
    assert not o.settled, "resource_market: order settled"
    slot: IResourceMarket.Slot = self._unpack_slot(self._slots[o.provider][o.period])
    assert slot.state != SERVED, "resource_market: period served"
    share: uint256 = 0
    if slot.state == FAULTY:
        # s * a_o // E_v,p rounds down: the orders together never take more than s.
        share = slot.slashed * o.amount // slot.escrow
        self.total_owed -= share
    else:
        assert block.timestamp >= self._period_end(o.period) + self.report_window, (
            "resource_market: period not settled"
        )
    self._orders[order_id][0] = words[0] | (1 << _SETTLED_SHIFT)
    self.total_escrow -= o.amount
    paid: uint256 = o.amount + share
    asset_transfer._pay_token(token, o.requester, paid)
    log IResourceMarket.Refunded(order_id=order_id, requester=o.requester, amount=o.amount, compensation=share)
    return paid


# Authenticators


@external
def prove(provider: address, period: uint256, served: bool, signatures: DynArray[Bytes[65], MAX_SIGNERS]):
    """
    @notice Anyone submits the authenticators' report of `provider`'s
            period once it has ended, within the report window. Served:
            the provider is owed the period's escrow and its reward.
            Faulty: slash_bps of its stake goes to the period's requesters,
            whose orders refund.
    @param provider The provider.
    @param period The period.
    @param served Whether the service was proven (false: faulty).
    @param signatures At least `quorum` members' 65-byte signatures of
           the report, sorted by signer address, strictly ascending.
    """
    slot: IResourceMarket.Slot = self._unpack_slot(self._slots[provider][period])
    assert slot.units != 0, "resource_market: nothing ordered"
    assert slot.state == OPEN, "resource_market: already reported"
    end: uint256 = self._period_end(period)
    assert block.timestamp >= end, "resource_market: period not over"
    assert block.timestamp < end + self.report_window, "resource_market: report window over"
    assert len(signatures) >= self.quorum, "resource_market: too few signatures"
    digest: bytes32 = eip712_domain_separator._hash_typed_data_v4(
        keccak256(abi_encode(_REPORT_TYPEHASH, provider, period, served))
    )
    previous: uint256 = 0
    for signature: Bytes[65] in signatures:
        signer: address = ecdsa._recover_sig(digest, signature)
        # Strictly ascending: no signer counts twice (and the zero address is below every signer).
        assert convert(signer, uint256) > previous, "resource_market: signers not ascending"
        assert staticcall IAuthenticatorRegistry(authenticators).is_member(signer), (
            "resource_market: signer is not an authenticator"
        )
        previous = convert(signer, uint256)
    if served:
        slot.state = SERVED
        self._slots[provider][period] = self._pack_slot(slot)
        kind: uint256 = self._unpack_offer(self._offers[provider]).kind
        usage: uint256 = self._freeze_usage(kind, period)
        # Exact product, then capped by the budget: rewards never exceed what was funded.
        reward: uint256 = min(slot.units * self._rate(usage), self.reward_budget)
        self.reward_budget -= reward
        self.total_escrow -= slot.escrow
        self.total_owed += slot.escrow + reward
        self.owed[provider] += slot.escrow + reward
        log IResourceMarket.PeriodServed(
            provider=provider, period=period, units=slot.units, payment=slot.escrow, reward=reward,
            usage_bps=usage
        )
    else:
        offer: Offer = self._unpack_offer(self._offers[provider])
        stake: uint256 = offer.stake
        # s = stake * slash_bps // BPS rounds down, in the provider's favour; at most MAX_SLASH_BPS.
        slashed: uint256 = stake * self.slash_bps // constants.BPS
        offer.stake = stake - slashed
        self._offers[provider] = self._pack_offer(offer)
        slot.state = FAULTY
        slot.slashed = slashed
        self._slots[provider][period] = self._pack_slot(slot)
        self.total_stakes -= slashed
        self.total_owed += slashed
        log IResourceMarket.PeriodFaulty(provider=provider, period=period, units=slot.units, slashed=slashed)


# Rewards and payments


@external
def claim() -> uint256:
    """
    @notice Pays the caller everything it is owed (payments and rewards).
    @return uint256 The amount paid.
    """
    amount: uint256 = self.owed[msg.sender]
    assert amount != 0, "resource_market: nothing owed"
    self.owed[msg.sender] = 0
    self.total_owed -= amount
    asset_transfer._pay_token(token, msg.sender, amount)
    log IResourceMarket.Claimed(account=msg.sender, amount=amount)
    return amount


@external
def fund(amount: uint256):
    """
    @notice Adds `amount` HPC (approve first) to the reward budget.
    @param amount HPC wei.
    """
    assert amount != 0, "resource_market: zero amount"
    self.reward_budget += amount
    asset_transfer._pull_exact(token, msg.sender, amount)
    log IResourceMarket.Funded(payer=msg.sender, amount=amount)


@external
def sync() -> uint256:
    """
    @notice Anyone: credits HPC this contract holds beyond its books (the
            halving emitter's mint when the market is its recipient, a
            plain transfer) to the reward budget.
    @return uint256 The amount credited.
    """
    books: uint256 = self.total_escrow + self.total_stakes + self.total_owed + self.reward_budget
    extra: uint256 = staticcall IERC20(token).balanceOf(self) - books
    if extra != 0:
        self.reward_budget += extra
        log IResourceMarket.Funded(payer=empty(address), amount=extra)
    return extra


# Governance setters (the HPC DAO's parameter registry)


@external
def set_usage_tiers(low_usage_bps: uint256, high_usage_bps: uint256):
    """
    @notice Tunable: the usage tiers of the reward curve (see the
            glossary); applies to every report accepted afterwards.
    @param low_usage_bps Usage below which `low_rate` applies.
    @param high_usage_bps Usage above which `high_rate` applies (at most 100%).
    """
    tuned.tunable._check_writer()
    assert low_usage_bps < high_usage_bps and high_usage_bps <= constants.BPS, (
        "resource_market: usage tiers out of order"
    )
    self._curve.low_usage_bps = low_usage_bps
    self._curve.high_usage_bps = high_usage_bps
    log IResourceMarket.UsageTiersSet(low_usage_bps=low_usage_bps, high_usage_bps=high_usage_bps)


@external
def set_reward_rates(low_rate: uint256, mid_rate: uint256, high_rate: uint256):
    """
    @notice Tunable: the rates of the three tiers, which must not rise
            with usage; applies to every report accepted afterwards.
    @param low_rate HPC wei per unit under low usage (at most MAX_RATE).
    @param mid_rate HPC wei per unit between the tiers.
    @param high_rate HPC wei per unit above high usage.
    """
    tuned.tunable._check_writer()
    assert low_rate <= MAX_RATE, "resource_market: rate above the limit"
    assert low_rate >= mid_rate and mid_rate >= high_rate, "resource_market: rates rise with usage"
    self._curve.low_rate = low_rate
    self._curve.mid_rate = mid_rate
    self._curve.high_rate = high_rate
    log IResourceMarket.RewardRatesSet(low_rate=low_rate, mid_rate=mid_rate, high_rate=high_rate)


@external
def set_quorum(quorum_: uint256):
    """
    @notice Tunable: signatures a report needs, 1 .. MAX_SIGNERS.
    @param quorum_ The quorum.
    """
    tuned.tunable._check_writer()
    assert quorum_ != 0 and quorum_ <= MAX_SIGNERS, "resource_market: quorum out of bounds"
    self.quorum = quorum_
    log IResourceMarket.QuorumSet(quorum=quorum_)


@external
def set_slash_bps(slash_bps_: uint256):
    """
    @notice Tunable: the share of a stake one faulty period takes, at most MAX_SLASH_BPS.
    @param slash_bps_ Basis points.
    """
    tuned.tunable._check_writer()
    assert slash_bps_ <= MAX_SLASH_BPS, "resource_market: slash above the limit"
    self.slash_bps = slash_bps_
    log IResourceMarket.SlashBpsSet(slash_bps=slash_bps_)


@external
def set_report_window(seconds: uint256):
    """
    @notice Tunable: how long after its end a period may be reported.
    @param seconds MIN_REPORT_WINDOW .. MAX_REPORT_WINDOW.
    """
    tuned.tunable._check_writer()
    assert seconds >= MIN_REPORT_WINDOW and seconds <= MAX_REPORT_WINDOW, (
        "resource_market: report window out of bounds"
    )
    self.report_window = seconds
    log IResourceMarket.ReportWindowSet(report_window=seconds)


@external
def set_stake_per_unit(amount: uint256):
    """
    @notice Tunable: stake asked per unit of capacity of new offers.
    @param amount HPC wei, at most MAX_STAKE_PER_UNIT.
    """
    tuned.tunable._check_writer()
    assert amount <= MAX_STAKE_PER_UNIT, "resource_market: stake per unit above the limit"
    self.stake_per_unit = amount
    log IResourceMarket.StakePerUnitSet(stake_per_unit=amount)


# Views


@external
@view
def reward_curve() -> IResourceMarket.RewardCurve:
    """
    @notice The usage tiers and their rates.
    @return RewardCurve The curve.
    """
    return self._curve


@external
@view
def rate_at(usage_bps: uint256) -> uint256:
    """
    @notice HPC wei per proven unit at a usage, in basis points.
    @param usage_bps The usage.
    @return uint256 The rate.
    """
    return self._rate(usage_bps)


@external
@view
def current_period() -> uint256:
    """
    @notice The period now.
    @return uint256 The period.
    """
    return self._period_of(block.timestamp)


@external
@view
def period_end(period: uint256) -> uint256:
    """
    @notice The first second after `period`.
    @param period The period.
    @return uint256 The timestamp.
    """
    return self._period_end(period)


@external
@view
def usage_bps(kind: uint256, period: uint256) -> uint256:
    """
    @notice Usage of a kind in a period, in basis points: the frozen one
            once reported, else against the capacity registered now
            (rounded up; zero without capacity).
    @param kind The kind.
    @param period The period.
    @return uint256 The usage.
    """
    capacity: uint256 = self.frozen_capacity_of[kind][period]
    if capacity == 0:
        capacity = self.capacity_of[kind]
    return self._usage(self.used_of[kind][period], capacity)


@external
@view
def offer(provider: address) -> (uint256, uint256, uint256, uint256, uint256):
    """
    @notice A provider's offer: kind, capacity, price, stake, last ordered period + 1.
    @param provider The provider.
    @return kind The resource kind.
    @return capacity Units offered per period (zero: no offer).
    @return price HPC wei per unit and period.
    @return stake HPC wei staked.
    @return busy_until The last ordered period + 1.
    """
    o: Offer = self._unpack_offer(self._offers[provider])
    return (o.kind, o.capacity, o.price, o.stake, o.busy_until)


@external
@view
def order(order_id: uint256) -> IResourceMarket.Order:
    """
    @notice An order (all zero if there is none).
    @param order_id The order.
    @return Order Requester, provider, period, amount, settled.
    """
    return self._unpack_order(self._orders[order_id])


@external
@view
def slot(provider: address, period: uint256) -> IResourceMarket.Slot:
    """
    @notice A provider's period: units and escrow ordered, state (OPEN 0,
            SERVED 1, FAULTY 2), stake slashed.
    @param provider The provider.
    @param period The period.
    @return Slot Its fields.
    """
    return self._unpack_slot(self._slots[provider][period])


@external
@view
def report_digest(provider: address, period: uint256, served: bool) -> bytes32:
    """
    @notice The EIP-712 digest authenticators sign (for tooling and tests).
    @param provider The provider.
    @param period The period.
    @param served Served or faulty.
    @return bytes32 The digest.
    """
    return eip712_domain_separator._hash_typed_data_v4(
        keccak256(abi_encode(_REPORT_TYPEHASH, provider, period, served))
    )


# Internal


@internal
@view
def _period_of(timestamp: uint256) -> uint256:
    """
    @dev period(t) = (t - genesis) // PERIOD (rounds down: a period ends
         at its last second).
    """
    return (timestamp - genesis) // PERIOD


@internal
@view
def _period_end(period: uint256) -> uint256:
    """
    @dev genesis + (period + 1) * PERIOD.
    """
    return genesis + (period + 1) * PERIOD


@internal
@pure
def _usage(used: uint256, capacity: uint256) -> uint256:
    """
    @dev ceil(used * BPS / capacity): rounds up, towards the lower rate
         (in the reward budget's favour); zero without capacity.
    """
    if capacity == 0:
        return 0
    return (used * constants.BPS + capacity - 1) // capacity


@internal
def _freeze_usage(kind: uint256, period: uint256) -> uint256:
    """
    @dev u_k,p against C*_k,p, freezing C*_k,p at the first report.
    """
    capacity: uint256 = self.frozen_capacity_of[kind][period]
    if capacity == 0:
        # Nonzero: the reported provider's offer is still registered (it cannot exit before the window ends).
        capacity = self.capacity_of[kind]
        self.frozen_capacity_of[kind][period] = capacity
    return self._usage(self.used_of[kind][period], capacity)


@internal
@view
def _rate(usage: uint256) -> uint256:
    """
    @dev The tier's rate (see the glossary).
    """
    curve: IResourceMarket.RewardCurve = self._curve
    if usage < curve.low_usage_bps:
        return curve.low_rate
    if usage <= curve.high_usage_bps:
        return curve.mid_rate
    return curve.high_rate


@internal
@pure
def _pack_order(o: IResourceMarket.Order) -> uint256[2]:
    """
    @dev An order as its two words (period < 2**40, amount < 2**96).
    """
    return [
        convert(o.requester, uint256) | (o.period << _PERIOD_SHIFT) | (convert(o.settled, uint256) << _SETTLED_SHIFT),
        convert(o.provider, uint256) | (o.amount << _AMOUNT_SHIFT),
    ]


@internal
@pure
def _unpack_order(words: uint256[2]) -> IResourceMarket.Order:
    """
    @dev An order's two words as a struct.
    """
    return IResourceMarket.Order(
        requester=convert(words[0] & constants.MASK_160, address),
        provider=convert(words[1] & constants.MASK_160, address),
        period=(words[0] >> _PERIOD_SHIFT) & constants.MASK_40,
        amount=words[1] >> _AMOUNT_SHIFT,
        settled=(words[0] >> _SETTLED_SHIFT) & 1 == 1,
    )


@internal
@pure
def _pack_slot(slot: IResourceMarket.Slot) -> uint256:
    """
    @dev A provider-period as its word (see the layout above).
    """
    return (
        slot.units
        | (slot.escrow << _ESCROW_SHIFT)
        | (slot.state << _STATE_SHIFT)
        | (slot.slashed << _SLASHED_SHIFT)
    )


@internal
@pure
def _unpack_slot(word: uint256) -> IResourceMarket.Slot:
    """
    @dev A provider-period's word as a struct.
    """
    return IResourceMarket.Slot(
        units=word & _UNITS_MASK,
        escrow=(word >> _ESCROW_SHIFT) & _AMOUNT_MASK,
        state=(word >> _STATE_SHIFT) & constants.MASK_8,
        slashed=word >> _SLASHED_SHIFT,
    )


@internal
@pure
def _pack_offer(o: Offer) -> uint256:
    """
    @dev An offer as its word (see the layout above).
    """
    return (
        o.kind
        | (o.capacity << _CAPACITY_SHIFT)
        | (o.price << _PRICE_SHIFT)
        | (o.busy_until << _BUSY_SHIFT)
        | (o.stake << _STAKE_SHIFT)
    )


@internal
@pure
def _unpack_offer(word: uint256) -> Offer:
    """
    @dev An offer's word as a struct.
    """
    return Offer(
        kind=word & constants.MASK_8,
        capacity=(word >> _CAPACITY_SHIFT) & constants.MASK_40,
        price=(word >> _PRICE_SHIFT) & _PRICE_MASK,
        stake=word >> _STAKE_SHIFT,
        busy_until=(word >> _BUSY_SHIFT) & constants.MASK_40,
    )
