# pragma version ~=0.4.3
"""
@title Red packets: password- or channel-gated shares of a deposit
@custom:contract-name RedPacket
@license GNU Affero General Public License v3.0 only
@notice CMDMAX red packets (SPEC.md "CMDMAX", 6.4). A creator deposits
        the native coin or an ERC-20 into a packet of `shares` shares
        (1 to `MAX_SHARES`), split evenly or at random, claimable until
        `expiry`; after it, the creator takes back what is left.

        Identity. A packet's id is
        `keccak256(abi.encode(creator, signer, token, salt))`: the
        creator, the password's throwaway signer and the asset are bound
        into the id, so they need no storage (a claim names them in
        calldata, which costs less than reading them), a claim that names
        a wrong one finds no packet, and only the creator can name its
        own packets for a refund. The creator picks `salt`, so a dApp knows the id (and
        can share a link) before the creation is mined.

        Password. The dApp derives a throwaway private key from the
        password off-chain (`fivefold.payouts.model.password_key`); only that
        key's address (`signer`) goes on-chain. A claim carries the key's
        signature over `(chain id, this contract, packet id, claimer)`,
        so a copied pending claim is worthless to anyone but its
        claimer. `signer == empty(address)` makes a packet public.
        A packet may instead (or also) be limited to a channel's members
        by a Merkle root of addresses (leaf
        `low160(keccak256(keccak256(abi.encode(member))))`, 160-bit
        nodes as in `sorted_merkle`).

        Split. The k-th claim (k = 0, 1, ...) of a packet with remaining
        amount R and L shares left gets: everything if L == 1; else
        floor(R / L) (even), or 1 + r_k mod (floor(2R / L) - 1) (random)
        with r_k = keccak256(seed, k). Every share is at least 1 wei and
        the last claimer takes the remainder. The seed is fixed at
        creation (the id and `block.prevrandao`), so the k-th amount is
        a function of the packet alone: reverting and retrying, now or
        later, cannot change it; it only changes who takes index k.

        Fee (SPEC 6.4). Taken at creation from the amount received, in
        brackets like an income tax: the `low` rate on the part of the
        deposit worth up to USD 100, the `mid` rate on the part from
        USD 100 to 500, the governance-set `high` rate on the rest. A
        larger deposit therefore never leaves a smaller packet. The
        value uses the asset's Chainlink-compatible feed, whose answer
        may be at most its heartbeat plus a 10% margin old (each asset
        has its own heartbeat: a stablecoin feed updates once a day, an
        ETH feed every hour); an asset without a feed pays the highest of the
        three rates on the whole deposit. Fees accrue per asset and the
        treasury pulls them.

        Storage: a packet is one packed word (remaining amount, claim
        count, share count, expiry, flags, seed; `_pack_packet` and
        `_unpack_packet`); a channel packet adds its root. Conservation,
        per packet and wei-exact: deposited = claimed + refunded + fee.
@custom:security Claims follow checks-effects-interactions and take no
        lock; `create` (it measures a balance around a token transfer),
        `refund` and `withdraw_fees` take the reentrancy lock. Tokens
        that take a fee on transfer are credited what arrived; tokens
        whose balances change on their own (rebasing, interest-bearing)
        cannot be escrowed safely and the owner marks them unsupported.
        Randomness is public once the packet exists: whoever watches
        can compute every share, and so choose when to claim; the
        randomness only makes the split unequal, never unfair to retry.
@custom:kill Nothing pauses claims or refunds: escrowed packets always pay
        out or return to their creators. In an emergency the owner stops
        new packets per asset (`set_asset_supported(asset, False)`) and can
        point the treasury elsewhere; it can never move escrowed funds.
"""


from ethereum.ercs import IERC20Detailed


from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import feed_reader
from contracts.shared import governed
from interfaces import IPausable
from interfaces import IRedPacket

from . import sorted_merkle

implements: IRedPacket
implements: IPausable

initializes: governed


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless RedPacket could never change a fee rate, a price feed or the
# treasury again (the fees would stay stuck).
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
# Emergency pause of new deposits and creations by the guardian; ways out stay open
# (contracts/shared/pausable.vy).
exports: governed.__interface__


# @dev Most shares a packet may have (the share counters are 16-bit).
MAX_SHARES: constant(uint256) = 65_535
# @dev Largest deposit a packet can hold (the remaining amount is 128-bit).
MAX_AMOUNT: constant(uint256) = 2**128 - 1
# @dev Shortest and longest time a packet may stay claimable.
MIN_DURATION: constant(uint256) = 60
MAX_DURATION: constant(uint256) = 365 * constants.DAY
# @dev On-chain cap of every fee rate: 10%.
MAX_FEE_BPS: constant(uint256) = 1_000
# @dev Fee bracket limits of SPEC 6.4, in whole USD.
BAND_LOW_USD: constant(uint256) = 100
BAND_MID_USD: constant(uint256) = 500
# @dev An answer may be late by this share of its heartbeat (10%) before `create` refuses it.
HEARTBEAT_MARGIN_BPS: constant(uint256) = 1_000
# @dev Decimals accepted for a token and for a feed (keeps 10**(sum) far from overflow).
MAX_TOKEN_DECIMALS: constant(uint256) = 36
MAX_FEED_DECIMALS: constant(uint256) = 18

# Packet word (`_pack_packet` / `_unpack_packet`), from bit 0:
#   remaining (128) | claims made (16) | shares (16) | expiry (40) | flags (8) | seed (48)
_REMAINING_MASK: constant(uint256) = constants.MASK_128
_CLAIMS_SHIFT: constant(uint256) = 128
_CLAIMS_MASK: constant(uint256) = constants.MASK_16
_SHARES_SHIFT: constant(uint256) = 144
_SHARES_MASK: constant(uint256) = constants.MASK_16
_EXPIRY_SHIFT: constant(uint256) = 160
_EXPIRY_MASK: constant(uint256) = constants.MASK_40
_FLAGS_SHIFT: constant(uint256) = 200
_FLAGS_MASK: constant(uint256) = constants.MASK_8
_SEED_SHIFT: constant(uint256) = 208
_SEED_MASK: constant(uint256) = constants.MASK_48
# @dev Bits of the flags field.
_FLAG_RANDOM: constant(uint256) = 1
_FLAG_CHANNEL: constant(uint256) = 4
# @dev One claim more, added to a packet word (see `_claim`).
_ONE_CLAIM: constant(uint256) = 1 << _CLAIMS_SHIFT

# Asset config word (`_pack_asset` / `_unpack_asset`), from bit 0:
#   feed (160) | token decimals (8) | feed decimals (8) | unsupported (8: 0 or 1) | heartbeat (32)
_FEED_MASK: constant(uint256) = constants.MASK_160
_TOKEN_DECIMALS_SHIFT: constant(uint256) = 160
_TOKEN_DECIMALS_MASK: constant(uint256) = constants.MASK_8
_FEED_DECIMALS_SHIFT: constant(uint256) = 168
_FEED_DECIMALS_MASK: constant(uint256) = constants.MASK_8
_UNSUPPORTED_SHIFT: constant(uint256) = 176
_UNSUPPORTED_MASK: constant(uint256) = constants.MASK_8
_HEARTBEAT_SHIFT: constant(uint256) = 184
_HEARTBEAT_MASK: constant(uint256) = constants.MASK_32

# Fee rates word (`_pack_rates` / `_unpack_rates`), from bit 0: low (16) | mid (16) | high (16)
_LOW_MASK: constant(uint256) = constants.MASK_16
_MID_SHIFT: constant(uint256) = 16
_MID_MASK: constant(uint256) = constants.MASK_16
_HIGH_SHIFT: constant(uint256) = 32
_HIGH_MASK: constant(uint256) = constants.MASK_16
# @dev SPEC 6.4's rates: 2% to USD 100, 3% to USD 500, and 3% until governance sets the rate above.
_DEFAULT_RATES: constant(IRedPacket.FeeRates) = IRedPacket.FeeRates(low_bps=200, mid_bps=300, high_bps=300)


# @dev Packed packet word by id (`_unpack_packet`); 0 = no packet.
_packets: HashMap[bytes32, uint256]
# @dev Merkle root of the members allowed to claim a channel packet, by packet id.
_channel_roots: HashMap[bytes32, uint256]
# @dev What each claimer received from each packet (0 = not claimed), by
#      keccak256(abi.encode(packet id, claimer)): a claim reads and writes it, and one key hash
#      serves both (a nested map hashes twice per access).
_claimed: HashMap[bytes32, uint256]
# @dev Fees accrued per asset (empty(address) = native coin), not yet withdrawn.
_fees: HashMap[address, uint256]
# @dev Packed price feed config per asset (`_unpack_asset`).
_asset_configs: HashMap[address, uint256]
# @dev Packed fee rates (`_unpack_rates`).
_rates: uint256
# @dev Receives the fees (pulls them with `withdraw_fees`).
treasury: public(address)


@deploy
def __init__(owner_: address):
    """
    @dev Deploys with the default rates (2%, 3%, 3%); the treasury and
         the price feeds (each with its heartbeat) are set per chain
         after deployment.
    @param owner_ The governance account that sets fees, feeds and the
           treasury; it holds ownership at once (no acceptance needed at
           deployment).
    """
    assert owner_ != empty(address), "red_packet: zero owner"
    governed.__init__(owner_)
    self._rates = self._pack_rates(_DEFAULT_RATES)


@external
@payable
@nonreentrant
def create(
    token: address,
    amount: uint256,
    max_fee: uint256,
    shares: uint256,
    random: bool,
    duration: uint256,
    signer: address,
    salt: uint256,
    root: uint256,
) -> bytes32:
    """
    @dev Creates a packet and takes the fee from the deposit.
    @notice For the native coin pass `token = empty(address)` and send
            `amount` as value; for an ERC-20 approve `amount` first. The
            packet holds what arrived minus the fee, which must be at
            least one wei per share. A dApp passes `quote_fee(token,
            amount)` as `max_fee`: if governance raises a rate or the
            price moves before the transaction is mined, the creation
            reverts instead of taking more than the creator agreed to.
    @param token The ERC-20, or empty(address) for the native coin.
    @param amount The deposit, in the asset's smallest unit.
    @param max_fee The largest fee the creator accepts, in the asset's
           smallest unit (max_value(uint256): no limit).
    @param shares How many claims the packet pays (1 to MAX_SHARES).
    @param random True for a random split, False for an even one.
    @param duration Seconds from now until the packet expires.
    @param signer Address of the password's throwaway key, or
           empty(address) for a packet without password.
    @param salt Any number that makes the id unique among the
           creator's packets with this signer.
    @param root Merkle root of the channel's members, or 0 for a packet
           open to anyone (who knows the password).
    @return bytes32 The packet id.
    """
    governed.pausable._check_not_paused()
    assert amount != 0, "red_packet: zero amount"
    assert shares != 0 and shares <= MAX_SHARES, "red_packet: bad share count"
    assert duration >= MIN_DURATION and duration <= MAX_DURATION, "red_packet: bad duration"
    id: bytes32 = keccak256(abi_encode(msg.sender, signer, token, salt))
    assert self._packets[id] == 0, "red_packet: packet exists"
    config: IRedPacket.AssetConfig = self._unpack_asset(self._asset_configs[token])
    assert config.supported, "red_packet: asset not supported"

    received: uint256 = amount
    if token == asset_transfer.NATIVE:
        assert msg.value == amount, "red_packet: value differs from amount"
    else:
        assert msg.value == 0, "red_packet: value sent with a token"
        # A fee-on-transfer token delivers less than `amount`: credit what arrived.
        received = asset_transfer._pull(token, msg.sender, amount)
        assert received != 0, "red_packet: nothing received"
    assert received <= MAX_AMOUNT, "red_packet: amount too large"

    fee: uint256 = self._fee(config, received)
    assert fee <= max_fee, "red_packet: fee above max_fee"
    # `fee <= received` because every rate is at most MAX_FEE_BPS < BPS.
    net: uint256 = unsafe_sub(received, fee)
    assert net >= shares, "red_packet: less than one wei per share"
    if fee != 0:
        self._fees[token] += fee

    if root != 0:
        assert root <= sorted_merkle.NODE_MASK, "red_packet: bad channel root"
        self._channel_roots[id] = root
        log IRedPacket.ChannelSet(id=id, root=root)
    expiry: uint256 = block.timestamp + duration
    self._packets[id] = self._pack_packet(
        IRedPacket.Packet(
            remaining=net,
            claims=0,
            shares=shares,
            expiry=expiry,
            random=random,
            channel=root != 0,
            seed=convert(keccak256(abi_encode(id, block.prevrandao)), uint256) & _SEED_MASK,
        )
    )
    log IRedPacket.PacketCreated(
        id=id,
        creator=msg.sender,
        token=token,
        signer=signer,
        salt=salt,
        amount=net,
        fee=fee,
        shares=shares,
        random=random,
        expiry=expiry,
    )
    return id


@external
def claim(creator: address, signer: address, token: address, salt: uint256, r: bytes32, vs: bytes32) -> uint256:
    """
    @dev Claims the caller's share of a packet that is not limited to a
         channel.
    @notice For a password packet, `(r, vs)` is the throwaway key's
            EIP-2098 compact signature over
            `keccak256(abi.encode(chain.id, this, id, msg.sender))`;
            for a public packet pass zeros.
    @param creator The packet's creator.
    @param signer The packet's password signer (empty(address) if none).
    @param token The packet's ERC-20 (empty(address) for the native coin).
    @param salt The packet's salt.
    @param r The signature's r.
    @param vs The signature's s with the parity of v in the top bit.
    @return uint256 The amount paid to the caller.
    """
    return self._claim(keccak256(abi_encode(creator, signer, token, salt)), False, signer, token, r, vs)


@external
def claim_in_channel(
    creator: address,
    signer: address,
    token: address,
    salt: uint256,
    r: bytes32,
    vs: bytes32,
    proof: DynArray[uint256, sorted_merkle.MAX_PROOF_DEPTH],
) -> uint256:
    """
    @dev Claims the caller's share of a channel packet.
    @notice `proof` shows that the caller is a leaf
            `low160(keccak256(keccak256(abi.encode(caller))))` of the
            packet's channel root; the password rule is as in `claim`.
    @param creator The packet's creator.
    @param signer The packet's password signer (empty(address) if none).
    @param token The packet's ERC-20 (empty(address) for the native coin).
    @param salt The packet's salt.
    @param r The signature's r (zero without password).
    @param vs The signature's compact s and v (zero without password).
    @param proof The caller's Merkle proof in the channel tree.
    @return uint256 The amount paid to the caller.
    """
    id: bytes32 = keccak256(abi_encode(creator, signer, token, salt))
    # Only a channel packet has a root (create stores one exactly when it sets the channel flag).
    root: uint256 = self._channel_roots[id]
    assert root != 0, "red_packet: not a channel packet"
    leaf: uint256 = convert(keccak256(keccak256(abi_encode(msg.sender))), uint256) & sorted_merkle.NODE_MASK
    assert sorted_merkle._root(proof, leaf) == root, "red_packet: not a channel member"
    return self._claim(id, True, signer, token, r, vs)


@external
@nonreentrant
def refund(signer: address, token: address, salt: uint256) -> uint256:
    """
    @dev Returns what is left of the caller's expired packet.
    @notice Only the creator can name its packet: the id is derived
            from `msg.sender`, so anyone else finds no packet.
    @param signer The packet's password signer (empty(address) if none).
    @param token The packet's ERC-20 (empty(address) for the native coin).
    @param salt The packet's salt.
    @return uint256 The amount refunded.
    """
    id: bytes32 = keccak256(abi_encode(msg.sender, signer, token, salt))
    packet: IRedPacket.Packet = self._unpack_packet(self._packets[id])
    assert packet.shares != 0, "red_packet: no such packet of the caller"
    assert block.timestamp >= packet.expiry, "red_packet: not expired"
    amount: uint256 = packet.remaining
    assert amount != 0, "red_packet: nothing to refund"
    packet.remaining = 0
    self._packets[id] = self._pack_packet(packet)
    log IRedPacket.Refunded(id=id, creator=msg.sender, amount=amount)
    asset_transfer._pay(token, msg.sender, amount)
    return amount


@external
@nonreentrant
def withdraw_fees(asset: address) -> uint256:
    """
    @dev Sends the fees accrued in `asset` to the treasury.
    @notice Only the treasury (pull payment).
    @param asset The ERC-20, or empty(address) for the native coin.
    @return uint256 The amount withdrawn.
    """
    treasury: address = self.treasury
    assert msg.sender == treasury, "red_packet: caller is not the treasury"
    amount: uint256 = self._fees[asset]
    assert amount != 0, "red_packet: no fees"
    self._fees[asset] = 0
    log IRedPacket.FeesWithdrawn(asset=asset, treasury=treasury, amount=amount)
    asset_transfer._pay(asset, treasury, amount)
    return amount


@external
def set_treasury(treasury: address):
    """
    @dev Sets the account that withdraws the fees.
    @param treasury The treasury; not the zero address.
    """
    governed.owner_2step.ownable._check_owner()
    assert treasury != empty(address), "red_packet: zero treasury"
    self.treasury = treasury
    log IRedPacket.TreasurySet(treasury=treasury)


@external
def set_price_feed(asset: address, feed: address, heartbeat: uint256):
    """
    @dev Sets (or, with `feed = empty(address)`, removes) the USD price
         feed of an asset with its heartbeat, and caches both decimals.
    @notice The feed must speak Chainlink's AggregatorV3 (`decimals`,
            `latestRoundData`). `heartbeat` is the feed's published
            heartbeat (Chainlink: 86,400 s for most stablecoins, 3,600 s
            for most majors; look it up per chain): `create` accepts
            an answer up to 110% of it old. An asset without a feed
            pays the highest fee rate.
    @param asset The ERC-20, or empty(address) for the native coin.
    @param feed The feed, or empty(address) to remove it.
    @param heartbeat Seconds, feed_reader.MIN_HEARTBEAT to
           feed_reader.MAX_HEARTBEAT (0 when removing the feed).
    """
    governed.tunable._check_writer()
    config: IRedPacket.AssetConfig = self._unpack_asset(self._asset_configs[asset])
    config.feed = feed
    config.token_decimals = 18
    config.feed_decimals = 0
    config.heartbeat = heartbeat
    if feed != empty(address):
        feed_reader._check_heartbeat(heartbeat)
        feed_decimals: uint256 = feed_reader._decimals(feed)
        token_decimals: uint256 = 18
        if asset != asset_transfer.NATIVE:
            token_decimals = convert(staticcall IERC20Detailed(asset).decimals(), uint256)
        assert token_decimals <= MAX_TOKEN_DECIMALS, "red_packet: too many token decimals"
        assert feed_decimals <= MAX_FEED_DECIMALS, "red_packet: too many feed decimals"
        config.token_decimals = convert(token_decimals, uint8)
        config.feed_decimals = convert(feed_decimals, uint8)
    else:
        assert heartbeat == 0, "red_packet: heartbeat without a feed"
    self._asset_configs[asset] = self._pack_asset(config)
    log IRedPacket.PriceFeedSet(
        asset=asset,
        feed=feed,
        token_decimals=config.token_decimals,
        feed_decimals=config.feed_decimals,
        heartbeat=heartbeat,
    )


@external
def set_asset_supported(asset: address, supported: bool):
    """
    @dev Marks an asset (un)supported for new packets.
    @notice For tokens whose balances change without transfers
            (rebasing, interest-bearing): existing packets still pay out.
    @param asset The ERC-20, or empty(address) for the native coin.
    @param supported False to refuse new packets in `asset`.
    """
    governed.owner_2step.ownable._check_owner()
    config: IRedPacket.AssetConfig = self._unpack_asset(self._asset_configs[asset])
    config.supported = supported
    self._asset_configs[asset] = self._pack_asset(config)
    log IRedPacket.AssetSupportSet(asset=asset, supported=supported)


@external
def set_fee_rates(low_bps: uint256, mid_bps: uint256, high_bps: uint256):
    """
    @dev Sets the fee rates of the three value brackets.
    @notice SPEC 6.4 sets 2% (on the first USD 100) and 3% (on USD 100
            to 500); governance sets the rate on the rest. Each is
            capped at MAX_FEE_BPS and applies to packets created
            afterwards.
    @param low_bps Rate on the part of a deposit up to USD 100, in basis points.
    @param mid_bps Rate on the part from USD 100 to USD 500.
    @param high_bps Rate on the part above USD 500.
    """
    governed.tunable._check_writer()
    assert low_bps <= MAX_FEE_BPS and mid_bps <= MAX_FEE_BPS and high_bps <= MAX_FEE_BPS, \
        "red_packet: fee rate above cap"
    self._rates = self._pack_rates(IRedPacket.FeeRates(low_bps=low_bps, mid_bps=mid_bps, high_bps=high_bps))
    log IRedPacket.FeeRatesSet(low_bps=low_bps, mid_bps=mid_bps, high_bps=high_bps)


@external
@view
def packet(id: bytes32) -> IRedPacket.Packet:
    """
    @dev A packet's state (all zero if there is none).
    @param id The packet id.
    @return IRedPacket.Packet Remaining amount, claims made, shares,
            expiry, split, channel flag and seed (the token is in the id
            and in `PacketCreated`).
    """
    return self._unpack_packet(self._packets[id])


@external
@view
def next_share(id: bytes32) -> uint256:
    """
    @dev What the next claim of a packet will pay (0 if none is left).
    @param id The packet id.
    @return uint256 The amount, in the asset's smallest unit.
    """
    packet: IRedPacket.Packet = self._unpack_packet(self._packets[id])
    if packet.claims >= packet.shares or packet.remaining == 0:
        return 0
    return self._share(
        packet.remaining, unsafe_sub(packet.shares, packet.claims), packet.claims, packet.random, packet.seed
    )


@external
@view
def channel_root(id: bytes32) -> uint256:
    """
    @dev The Merkle root of a channel packet's members (0 for any other).
    @param id The packet id.
    @return uint256 The root, a 160-bit node.
    """
    return self._channel_roots[id]


@external
@view
def claimed_amount(id: bytes32, claimer: address) -> uint256:
    """
    @dev What `claimer` received from packet `id`; 0 means it has not
         claimed (every share is at least 1 wei).
    @param id The packet id.
    @param claimer The claimer.
    @return uint256 The amount, in the asset's smallest unit.
    """
    return self._claimed[keccak256(abi_encode(id, claimer))]


@external
@view
def fees(asset: address) -> uint256:
    """
    @dev Fees accrued in `asset` and not yet withdrawn by the treasury.
    @param asset The ERC-20, or empty(address) for the native coin.
    @return uint256 The amount, in the asset's smallest unit.
    """
    return self._fees[asset]


@external
@pure
def packet_id(creator: address, signer: address, token: address, salt: uint256) -> bytes32:
    """
    @dev The id of the packet with these keys.
    @param creator The creator.
    @param signer The password signer (empty(address) if none).
    @param token The ERC-20 (empty(address) for the native coin).
    @param salt The creator's salt.
    @return bytes32 `keccak256(abi.encode(creator, signer, token, salt))`.
    """
    return keccak256(abi_encode(creator, signer, token, salt))


@external
@view
def quote_fee(asset: address, amount: uint256) -> uint256:
    """
    @dev The fee `create` would take from a deposit that arrives whole
         (what a dApp passes as `max_fee`).
    @param asset The ERC-20, or empty(address) for the native coin.
    @param amount The amount received.
    @return uint256 The fee, in the asset's smallest unit.
    """
    return self._fee(self._unpack_asset(self._asset_configs[asset]), amount)


@external
@view
def asset_config(asset: address) -> IRedPacket.AssetConfig:
    """
    @dev An asset's price feed settings.
    @param asset The ERC-20, or empty(address) for the native coin.
    @return IRedPacket.AssetConfig The feed (empty if none), the cached
            token and feed decimals, whether new packets may use the
            asset, and the feed's heartbeat in seconds.
    """
    return self._unpack_asset(self._asset_configs[asset])


@external
@view
def fee_rates() -> IRedPacket.FeeRates:
    """
    @dev The fee rates of the three brackets, in basis points.
    @return IRedPacket.FeeRates On the first USD 100, on USD 100 to 500,
            and above USD 500.
    """
    return self._unpack_rates(self._rates_word())


@internal
def _claim(id: bytes32, in_channel: bool, signer: address, token: address, r: bytes32, vs: bytes32) -> uint256:
    """
    @dev The checks and effects of a claim, then the payment.
    @param id The packet id (its keys are checked by finding it).
    @param in_channel Whether the caller proved channel membership
           (`claim_in_channel`) or not (`claim`).
    @param signer The packet's password signer (empty(address) if none).
    @param token The packet's asset (bound into the id).
    @param r The signature's r.
    @param vs The signature's compact s and v.
    @return uint256 The amount paid.
    """
    # The hot path reads the four fields it needs straight from the word, through the same named
    # shifts and masks as `_unpack_packet`: unpacking the whole struct costs a claim 394 gas more
    # (90,201 against a 90,000 target for `redpacket.claim.erc20.fresh`).
    word: uint256 = self._packets[id]
    claims: uint256 = (word >> _CLAIMS_SHIFT) & _CLAIMS_MASK
    shares: uint256 = (word >> _SHARES_SHIFT) & _SHARES_MASK
    flags: uint256 = (word >> _FLAGS_SHIFT) & _FLAGS_MASK
    assert shares != 0, "red_packet: no such packet"
    assert in_channel or flags & _FLAG_CHANNEL == 0, "red_packet: channel packet needs a proof"
    assert block.timestamp < (word >> _EXPIRY_SHIFT) & _EXPIRY_MASK, "red_packet: expired"
    assert claims < shares, "red_packet: no shares left"
    if signer != empty(address):
        digest: bytes32 = keccak256(abi_encode(chain.id, self, id, msg.sender))
        # EIP-2098: v is 27 plus the top bit of vs, s is the rest.
        v: uint256 = 27 + (convert(vs, uint256) >> 255)
        s: uint256 = convert(vs, uint256) & (2**255 - 1)
        assert ecrecover(digest, v, convert(r, uint256), s) == signer, "red_packet: bad password signature"
    claim_key: bytes32 = keccak256(abi_encode(id, msg.sender))
    assert self._claimed[claim_key] == 0, "red_packet: already claimed"
    # `claims < shares` so `shares - claims >= 1`.
    amount: uint256 = self._share(
        word & _REMAINING_MASK,
        unsafe_sub(shares, claims),
        claims,
        flags & _FLAG_RANDOM != 0,
        (word >> _SEED_SHIFT) & _SEED_MASK,
    )
    self._claimed[claim_key] = amount
    # A field-wise update of the word, not a repack: `amount <= remaining` (see `_share`) and
    # `claims + 1 <= shares <= _CLAIMS_MASK`, so neither field borrows from or carries into its
    # neighbour.
    self._packets[id] = unsafe_add(unsafe_sub(word, amount), _ONE_CLAIM)
    log IRedPacket.Claimed(id=id, claimer=msg.sender, amount=amount)
    asset_transfer._pay(token, msg.sender, amount)
    return amount


@internal
@pure
def _share(remaining: uint256, left: uint256, k: uint256, random: bool, seed: uint256) -> uint256:
    """
    @dev The amount of claim number `k`, given `left >= 1` shares left.
    @notice Invariant kept: remaining >= left, so every later share can
            still get 1 wei. Even: floor(R / L) (rounds down; the last
            claimer takes the remainder). Random: 1 + r mod (floor(2R/L) - 1),
            at most 2R/L - 1 <= R - (L - 1) for R >= L >= 2.
    @param remaining What the packet holds (R).
    @param left Shares left (at least 1).
    @param k The claim's index (claims made before it).
    @param random Whether the split is random.
    @param seed The packet's seed.
    @return uint256 The amount.
    """
    if left == 1:
        return remaining
    if not random:
        return remaining // left
    # `remaining < 2**128`, so doubling cannot overflow; `remaining >= left >= 2`
    # makes `span >= 1`.
    span: uint256 = unsafe_sub(unsafe_div(unsafe_add(remaining, remaining), left), 1)
    r: uint256 = convert(keccak256(abi_encode(seed, k)), uint256)
    return unsafe_add(1, r % span)


@internal
@view
def _fee(config: IRedPacket.AssetConfig, amount: uint256) -> uint256:
    """
    @dev The fee on a deposit of `amount`, charged in brackets.
    @notice Symbols: a = amount received; p = feed answer; d = token
            decimals + feed decimals; r_low, r_mid, r_high = the rates
            in basis points; L_100, L_500 = the bracket limits in the
            asset's smallest unit; h = the feed's heartbeat.

                L_k  = floor(k * 10**d / p)                  (k = 100, 500 USD)
                a_low  = min(a, L_100)
                a_mid  = min(a, L_500) - a_low
                a_high = a - min(a, L_500)
                fee  = ceil((r_low * a_low + r_mid * a_mid + r_high * a_high) / 10_000)

            Rounding: L_k rounds down, so at most one unit of the
            deposit moves up into the next bracket; the fee rounds up,
            by less than one unit; both favour the protocol.
            Monotonic: one more unit deposited adds one rate (at most
            MAX_FEE_BPS < 10_000) to the sum, so the fee grows by at
            most one unit and the packet (a - fee) never shrinks.
            Overflow: a < 2**128 and every rate <= MAX_FEE_BPS; 10**d <=
            10**54, so 500 * 10**d < 2**256.
            The answer may be h + floor(h / 10) old (rounded down: it
            refuses sooner, failing closed).
    @param config The asset's config.
    @param amount The amount received.
    @return uint256 The fee.
    """
    rates: IRedPacket.FeeRates = self._unpack_rates(self._rates_word())
    weighted: uint256 = 0
    if config.feed == empty(address):
        weighted = amount * max(rates.low_bps, max(rates.mid_bps, rates.high_bps))
    else:
        max_age: uint256 = config.heartbeat + config.heartbeat * HEARTBEAT_MARGIN_BPS // constants.BPS
        price: uint256 = feed_reader._answer(config.feed, max_age)
        assert price <= MAX_AMOUNT, "red_packet: price too large"
        one_usd: uint256 = 10 ** (convert(config.token_decimals, uint256) + convert(config.feed_decimals, uint256))
        # `price != 0`: feed_reader refuses a non-positive answer.
        up_to_low: uint256 = min(amount, unsafe_div(BAND_LOW_USD * one_usd, price))
        up_to_mid: uint256 = min(amount, unsafe_div(BAND_MID_USD * one_usd, price))
        # up_to_low <= up_to_mid <= amount: no subtraction underflows.
        weighted = unsafe_add(
            unsafe_add(
                unsafe_mul(rates.low_bps, up_to_low), unsafe_mul(rates.mid_bps, unsafe_sub(up_to_mid, up_to_low))
            ),
            unsafe_mul(rates.high_bps, unsafe_sub(amount, up_to_mid)),
        )
    # ceil(weighted / BPS); weighted <= MAX_FEE_BPS * amount < 2**138.
    return unsafe_div(unsafe_add(weighted, constants.BPS - 1), constants.BPS)


@internal
@view
def _rates_word() -> uint256:
    """
    @dev The one read of the fee rates (a parameter registry can
         replace it later).
    @return uint256 The packed rates.
    """
    return self._rates


@internal
@pure
def _pack_packet(packet: IRedPacket.Packet) -> uint256:
    """
    @dev A packet as its storage word (the fields are in range: amounts
         below 2**128, counts below 2**16, expiry below 2**40, the seed
         masked to 48 bits by `create`).
    @param packet The packet.
    @return uint256 The word.
    """
    flags: uint256 = 0
    if packet.random:
        flags |= _FLAG_RANDOM
    if packet.channel:
        flags |= _FLAG_CHANNEL
    return (
        packet.remaining
        | (packet.claims << _CLAIMS_SHIFT)
        | (packet.shares << _SHARES_SHIFT)
        | (packet.expiry << _EXPIRY_SHIFT)
        | (flags << _FLAGS_SHIFT)
        | (packet.seed << _SEED_SHIFT)
    )


@internal
@pure
def _unpack_packet(word: uint256) -> IRedPacket.Packet:
    """
    @dev A packet's storage word as its fields.
    @param word The word (0: no packet, every field 0).
    @return IRedPacket.Packet The packet.
    """
    flags: uint256 = (word >> _FLAGS_SHIFT) & _FLAGS_MASK
    return IRedPacket.Packet(
        remaining=word & _REMAINING_MASK,
        claims=(word >> _CLAIMS_SHIFT) & _CLAIMS_MASK,
        shares=(word >> _SHARES_SHIFT) & _SHARES_MASK,
        expiry=(word >> _EXPIRY_SHIFT) & _EXPIRY_MASK,
        random=flags & _FLAG_RANDOM != 0,
        channel=flags & _FLAG_CHANNEL != 0,
        seed=(word >> _SEED_SHIFT) & _SEED_MASK,
    )


@internal
@pure
def _pack_asset(config: IRedPacket.AssetConfig) -> uint256:
    """
    @dev An asset's config as its storage word.
    @param config The config.
    @return uint256 The word.
    """
    unsupported: uint256 = 0
    if not config.supported:
        unsupported = 1
    return (
        convert(config.feed, uint256)
        | (convert(config.token_decimals, uint256) << _TOKEN_DECIMALS_SHIFT)
        | (convert(config.feed_decimals, uint256) << _FEED_DECIMALS_SHIFT)
        | (unsupported << _UNSUPPORTED_SHIFT)
        | (config.heartbeat << _HEARTBEAT_SHIFT)
    )


@internal
@pure
def _unpack_asset(word: uint256) -> IRedPacket.AssetConfig:
    """
    @dev An asset's config word as its fields (0: no feed, supported).
    @param word The word.
    @return IRedPacket.AssetConfig The config.
    """
    return IRedPacket.AssetConfig(
        feed=convert(word & _FEED_MASK, address),
        token_decimals=convert((word >> _TOKEN_DECIMALS_SHIFT) & _TOKEN_DECIMALS_MASK, uint8),
        feed_decimals=convert((word >> _FEED_DECIMALS_SHIFT) & _FEED_DECIMALS_MASK, uint8),
        supported=(word >> _UNSUPPORTED_SHIFT) & _UNSUPPORTED_MASK == 0,
        heartbeat=(word >> _HEARTBEAT_SHIFT) & _HEARTBEAT_MASK,
    )


@internal
@pure
def _pack_rates(rates: IRedPacket.FeeRates) -> uint256:
    """
    @dev The fee rates as their storage word (each at most MAX_FEE_BPS).
    @param rates The rates.
    @return uint256 The word.
    """
    return rates.low_bps | (rates.mid_bps << _MID_SHIFT) | (rates.high_bps << _HIGH_SHIFT)


@internal
@pure
def _unpack_rates(word: uint256) -> IRedPacket.FeeRates:
    """
    @dev The fee rates word as its fields.
    @param word The word.
    @return IRedPacket.FeeRates The rates.
    """
    return IRedPacket.FeeRates(
        low_bps=word & _LOW_MASK, mid_bps=(word >> _MID_SHIFT) & _MID_MASK, high_bps=(word >> _HIGH_SHIFT) & _HIGH_MASK
    )
