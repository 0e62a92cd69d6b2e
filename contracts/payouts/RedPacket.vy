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
        password off-chain (`fivefold.payouts.password_key`); only that
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
        count, share count, expiry, flags, seed); a channel packet adds
        its root. Conservation, per packet and wei-exact:
        deposited = claimed + refunded + fee.
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


from ethereum.ercs import IERC20

from snekmate.auth import ownable
from snekmate.auth import ownable_2step

from . import sorted_merkle

initializes: ownable
initializes: ownable_2step[ownable := ownable]


exports: (
    # Ownership moves in two steps: the owner offers it (`transfer_ownership`), the new owner
    # takes it (`accept_ownership`), so a mistyped address never receives it.
    # `renounce_ownership` is deliberately not exported: an ownerless RedPacket could
    # never change a fee rate, a price feed or the treasury again (the fees would stay stuck).
    ownable.owner,
    ownable_2step.pending_owner,
    ownable_2step.transfer_ownership,
    ownable_2step.accept_ownership,
)


interface IERC20Decimals:
    def decimals() -> uint8: view


interface IPriceFeed:
    def decimals() -> uint8: view
    def latestRoundData() -> (uint80, int256, uint256, uint256, uint80): view


# @dev Most shares a packet may have (the share counters are 16-bit).
MAX_SHARES: constant(uint256) = 65_535
# @dev Largest deposit a packet can hold (the remaining amount is 128-bit).
MAX_AMOUNT: constant(uint256) = 2**128 - 1
# @dev Shortest and longest time a packet may stay claimable.
MIN_DURATION: constant(uint256) = 60
MAX_DURATION: constant(uint256) = 365 * 86_400
# @dev On-chain cap of every fee rate: 10%.
MAX_FEE_BPS: constant(uint256) = 1_000
BPS: constant(uint256) = 10_000
# @dev Fee bracket limits of SPEC 6.4, in whole USD.
BAND_LOW_USD: constant(uint256) = 100
BAND_MID_USD: constant(uint256) = 500
# @dev Bounds of a feed's heartbeat (the longest its answer goes without an update).
MIN_HEARTBEAT: constant(uint256) = 60
MAX_HEARTBEAT: constant(uint256) = 7 * 86_400
# @dev An answer may be late by this share of its heartbeat (10%) before `create` refuses it.
HEARTBEAT_MARGIN_BPS: constant(uint256) = 1_000
# @dev Decimals accepted for a token and for a feed (keeps 10**(sum) far from overflow).
MAX_TOKEN_DECIMALS: constant(uint8) = 36
MAX_FEED_DECIMALS: constant(uint8) = 18

# Packet word layout (bit offsets):
#   0..127 remaining | 128..143 claims made | 144..159 shares
#   160..199 expiry | 200..207 flags | 208..255 seed
MASK_128: constant(uint256) = 2**128 - 1
MASK_16: constant(uint256) = 2**16 - 1
MASK_32: constant(uint256) = 2**32 - 1
MASK_40: constant(uint256) = 2**40 - 1
MASK_48: constant(uint256) = 2**48 - 1
ONE_CLAIM: constant(uint256) = 2**128
FLAG_RANDOM: constant(uint256) = 1
FLAG_CHANNEL: constant(uint256) = 4

# Asset config word: 0..159 feed | 160..167 token decimals |
#   168..175 feed decimals | 176 unsupported | 184..215 heartbeat
UNSUPPORTED_BIT: constant(uint256) = 2**176

# Fee config word: 0..15 low | 16..31 mid | 32..47 high
DEFAULT_FEE_CONFIG: constant(uint256) = 200 | (300 << 16) | (300 << 32)


struct Packet:
    remaining: uint256
    claims: uint256
    shares: uint256
    expiry: uint256
    random: bool
    channel: bool
    seed: uint256


# @dev Packed packet word by id (see the layout above); 0 = no packet.
_packets: HashMap[bytes32, uint256]
# @dev Merkle root of the members allowed to claim a channel packet.
channel_root: public(HashMap[bytes32, uint256])
# @dev What each claimer received from each packet (0 = not claimed).
claimed_amount: public(HashMap[bytes32, HashMap[address, uint256]])
# @dev Fees accrued per asset (empty(address) = native coin), not yet withdrawn.
fees: public(HashMap[address, uint256])
# @dev Packed price feed config per asset (see the layout above).
_asset_config: HashMap[address, uint256]
# @dev Packed fee rates (see the layout above).
_fee_config: uint256
# @dev Receives the fees (pulls them with `withdraw_fees`).
treasury: public(address)


event PacketCreated:
    id: indexed(bytes32)
    creator: indexed(address)
    token: indexed(address)
    signer: address
    salt: uint256
    amount: uint256
    fee: uint256
    shares: uint256
    random: bool
    expiry: uint256


event ChannelSet:
    id: indexed(bytes32)
    root: uint256


event Claimed:
    id: indexed(bytes32)
    claimer: indexed(address)
    amount: uint256


event Refunded:
    id: indexed(bytes32)
    creator: indexed(address)
    amount: uint256


event FeesWithdrawn:
    asset: indexed(address)
    treasury: indexed(address)
    amount: uint256


event PriceFeedSet:
    asset: indexed(address)
    feed: address
    token_decimals: uint8
    feed_decimals: uint8
    heartbeat: uint256


event AssetSupportSet:
    asset: indexed(address)
    supported: bool


event FeeRatesSet:
    low_bps: uint256
    mid_bps: uint256
    high_bps: uint256


event TreasurySet:
    treasury: indexed(address)


@deploy
def __init__(owner_: address):
    """
    @dev Deploys with the default rates (2%, 3%, 3%); the treasury and
         the price feeds (each with its heartbeat) are set per chain
         after deployment.
    @param owner_ The governance account that sets fees, feeds and the
           treasury.
    """
    assert owner_ != empty(address), "redpacket: zero owner"
    ownable.__init__()
    ownable_2step.__init__()
    ownable_2step._transfer_ownership(owner_)
    self._fee_config = DEFAULT_FEE_CONFIG


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
    @param root Merkle root of the channel's members, or empty(bytes32)
           for a packet open to anyone (who knows the password).
    @return bytes32 The packet id.
    """
    assert amount != 0, "redpacket: zero amount"
    assert shares != 0 and shares <= MAX_SHARES, "redpacket: bad share count"
    assert duration >= MIN_DURATION and duration <= MAX_DURATION, "redpacket: bad duration"
    id: bytes32 = keccak256(abi_encode(msg.sender, signer, token, salt))
    assert self._packets[id] == 0, "redpacket: packet exists"
    config: uint256 = self._asset_config[token]
    assert config & UNSUPPORTED_BIT == 0, "redpacket: asset not supported"

    flags: uint256 = 0
    received: uint256 = amount
    if token == empty(address):
        assert msg.value == amount, "redpacket: value differs from amount"
    else:
        assert msg.value == 0, "redpacket: value sent with a token"
        before: uint256 = staticcall IERC20(token).balanceOf(self)
        assert extcall IERC20(token).transferFrom(msg.sender, self, amount, default_return_value=True), \
            "redpacket: transfer failed"
        # A fee-on-transfer token delivers less than `amount`: credit what arrived.
        received = staticcall IERC20(token).balanceOf(self) - before
        assert received != 0, "redpacket: nothing received"
    assert received <= MAX_AMOUNT, "redpacket: amount too large"

    fee: uint256 = self._fee(config, received)
    assert fee <= max_fee, "redpacket: fee above max_fee"
    # `fee <= received` because every rate is at most MAX_FEE_BPS < BPS.
    net: uint256 = unsafe_sub(received, fee)
    assert net >= shares, "redpacket: less than one wei per share"
    if fee != 0:
        self.fees[token] += fee

    if random:
        flags |= FLAG_RANDOM
    if root != 0:
        assert root <= sorted_merkle.MASK_160, "redpacket: bad channel root"
        flags |= FLAG_CHANNEL
        self.channel_root[id] = root
        log ChannelSet(id=id, root=root)
    expiry: uint256 = block.timestamp + duration
    seed: uint256 = convert(keccak256(abi_encode(id, block.prevrandao)), uint256) & MASK_48
    self._packets[id] = net | (shares << 144) | (expiry << 160) | (flags << 200) | (seed << 208)
    log PacketCreated(
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
    id: bytes32 = keccak256(abi_encode(creator, signer, token, salt))
    word: uint256 = self._packets[id]
    assert word & (FLAG_CHANNEL << 200) == 0, "redpacket: channel packet needs a proof"
    return self._claim(id, word, signer, token, r, vs)


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
    word: uint256 = self._packets[id]
    assert word & (FLAG_CHANNEL << 200) != 0, "redpacket: not a channel packet"
    leaf: uint256 = convert(keccak256(keccak256(abi_encode(msg.sender))), uint256) & sorted_merkle.MASK_160
    assert sorted_merkle._root(proof, leaf) == self.channel_root[id], "redpacket: not a channel member"
    return self._claim(id, word, signer, token, r, vs)


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
    word: uint256 = self._packets[id]
    assert word != 0, "redpacket: no such packet of the caller"
    assert block.timestamp >= (word >> 160) & MASK_40, "redpacket: not expired"
    amount: uint256 = word & MASK_128
    assert amount != 0, "redpacket: nothing to refund"
    self._packets[id] = word ^ amount
    log Refunded(id=id, creator=msg.sender, amount=amount)
    self._pay(token, msg.sender, amount)
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
    assert msg.sender == treasury, "redpacket: caller is not the treasury"
    amount: uint256 = self.fees[asset]
    assert amount != 0, "redpacket: no fees"
    self.fees[asset] = 0
    log FeesWithdrawn(asset=asset, treasury=treasury, amount=amount)
    if asset == empty(address):
        raw_call(treasury, b"", value=amount)
    else:
        assert extcall IERC20(asset).transfer(treasury, amount, default_return_value=True), "redpacket: transfer failed"
    return amount


@external
def set_treasury(treasury: address):
    """
    @dev Sets the account that withdraws the fees.
    @param treasury The treasury; not the zero address.
    """
    ownable._check_owner()
    assert treasury != empty(address), "redpacket: zero treasury"
    self.treasury = treasury
    log TreasurySet(treasury=treasury)


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
    @param heartbeat Seconds, MIN_HEARTBEAT to MAX_HEARTBEAT (0 when
           removing the feed).
    """
    ownable._check_owner()
    config: uint256 = self._asset_config[asset] & UNSUPPORTED_BIT
    token_decimals: uint8 = 18
    feed_decimals: uint8 = 0
    if feed != empty(address):
        assert feed.is_contract, "redpacket: feed is not a contract"
        assert heartbeat >= MIN_HEARTBEAT and heartbeat <= MAX_HEARTBEAT, "redpacket: bad heartbeat"
        feed_decimals = staticcall IPriceFeed(feed).decimals()
        if asset != empty(address):
            token_decimals = staticcall IERC20Decimals(asset).decimals()
        assert token_decimals <= MAX_TOKEN_DECIMALS, "redpacket: too many token decimals"
        assert feed_decimals <= MAX_FEED_DECIMALS, "redpacket: too many feed decimals"
        config |= (
            convert(feed, uint256)
            | (convert(token_decimals, uint256) << 160)
            | (convert(feed_decimals, uint256) << 168)
            | (heartbeat << 184)
        )
    else:
        assert heartbeat == 0, "redpacket: heartbeat without a feed"
    self._asset_config[asset] = config
    log PriceFeedSet(
        asset=asset, feed=feed, token_decimals=token_decimals, feed_decimals=feed_decimals, heartbeat=heartbeat
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
    ownable._check_owner()
    config: uint256 = self._asset_config[asset]
    if supported:
        config &= ~UNSUPPORTED_BIT
    else:
        config |= UNSUPPORTED_BIT
    self._asset_config[asset] = config
    log AssetSupportSet(asset=asset, supported=supported)


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
    ownable._check_owner()
    assert low_bps <= MAX_FEE_BPS and mid_bps <= MAX_FEE_BPS and high_bps <= MAX_FEE_BPS, \
        "redpacket: fee rate above cap"
    self._fee_config = low_bps | (mid_bps << 16) | (high_bps << 32)
    log FeeRatesSet(low_bps=low_bps, mid_bps=mid_bps, high_bps=high_bps)


@external
@view
def packet(id: bytes32) -> Packet:
    """
    @dev A packet's state (all zero if there is none).
    @param id The packet id.
    @return Packet Remaining amount, claims made, shares, expiry,
            split, channel flag and seed (the token is in the id and
            in `PacketCreated`).
    """
    word: uint256 = self._packets[id]
    flags: uint256 = (word >> 200) & 255
    return Packet(
        remaining=word & MASK_128,
        claims=(word >> 128) & MASK_16,
        shares=(word >> 144) & MASK_16,
        expiry=(word >> 160) & MASK_40,
        random=flags & FLAG_RANDOM != 0,
        channel=flags & FLAG_CHANNEL != 0,
        seed=word >> 208,
    )


@external
@view
def next_share(id: bytes32) -> uint256:
    """
    @dev What the next claim of a packet will pay (0 if none is left).
    @param id The packet id.
    @return uint256 The amount, in the asset's smallest unit.
    """
    word: uint256 = self._packets[id]
    claims: uint256 = (word >> 128) & MASK_16
    shares: uint256 = (word >> 144) & MASK_16
    if claims >= shares or word & MASK_128 == 0:
        return 0
    return self._share(word, unsafe_sub(shares, claims), claims)


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
    @dev The fee `create` would take from a deposit that arrives whole.
    @param asset The ERC-20, or empty(address) for the native coin.
    @param amount The amount received.
    @return uint256 The fee, in the asset's smallest unit.
    """
    return self._fee(self._asset_config[asset], amount)


@external
@view
def asset_config(asset: address) -> (address, uint8, uint8, bool, uint256):
    """
    @dev An asset's price feed settings.
    @param asset The ERC-20, or empty(address) for the native coin.
    @return address The feed (empty if none).
    @return uint8 The token's decimals (cached).
    @return uint8 The feed's decimals (cached).
    @return bool Whether new packets may use the asset.
    @return uint256 The feed's heartbeat, in seconds.
    """
    config: uint256 = self._asset_config[asset]
    return (
        convert(config & (2**160 - 1), address),
        convert((config >> 160) & 255, uint8),
        convert((config >> 168) & 255, uint8),
        config & UNSUPPORTED_BIT == 0,
        (config >> 184) & MASK_32,
    )


@external
@view
def fee_rates() -> (uint256, uint256, uint256):
    """
    @dev The fee rates of the three brackets.
    @return uint256 Rate on the first USD 100, in basis points.
    @return uint256 Rate on USD 100 to 500, in basis points.
    @return uint256 Rate above USD 500, in basis points.
    """
    config: uint256 = self._fee_config_word()
    return (config & MASK_16, (config >> 16) & MASK_16, (config >> 32) & MASK_16)


@internal
def _claim(id: bytes32, word: uint256, signer: address, token: address, r: bytes32, vs: bytes32) -> uint256:
    """
    @dev The checks and effects of a claim, then the payment.
    @param id The packet id (its keys were checked by being found).
    @param word The packet word.
    @param signer The packet's password signer (empty(address) if none).
    @param token The packet's asset (bound into the id).
    @param r The signature's r.
    @param vs The signature's compact s and v.
    @return uint256 The amount paid.
    """
    assert word != 0, "redpacket: no such packet"
    assert block.timestamp < (word >> 160) & MASK_40, "redpacket: expired"
    claims: uint256 = (word >> 128) & MASK_16
    shares: uint256 = (word >> 144) & MASK_16
    assert claims < shares, "redpacket: no shares left"
    if signer != empty(address):
        digest: bytes32 = keccak256(abi_encode(chain.id, self, id, msg.sender))
        # EIP-2098: v is 27 plus the top bit of vs, s is the rest.
        v: uint256 = 27 + (convert(vs, uint256) >> 255)
        s: uint256 = convert(vs, uint256) & (2**255 - 1)
        assert ecrecover(digest, v, convert(r, uint256), s) == signer, "redpacket: bad password signature"
    assert self.claimed_amount[id][msg.sender] == 0, "redpacket: already claimed"
    # `claims < shares` so `shares - claims >= 1`.
    amount: uint256 = self._share(word, unsafe_sub(shares, claims), claims)
    self.claimed_amount[id][msg.sender] = amount
    # `amount <= remaining` (see `_share`) and `claims + 1 <= shares`, so
    # neither field borrows from or carries into its neighbour.
    self._packets[id] = unsafe_add(unsafe_sub(word, amount), ONE_CLAIM)
    log Claimed(id=id, claimer=msg.sender, amount=amount)
    self._pay(token, msg.sender, amount)
    return amount


@internal
@view
def _share(word: uint256, left: uint256, k: uint256) -> uint256:
    """
    @dev The amount of the k-th claim, given `left >= 1` shares left.
    @notice Invariant kept: remaining >= left, so every later share can
            still get 1 wei. Even: floor(R / L) (rounds down; the last
            claimer takes the remainder). Random: 1 + r mod (floor(2R/L) - 1),
            at most 2R/L - 1 <= R - (L - 1) for R >= L >= 2.
    @param word The packet word.
    @param left Shares left (at least 1).
    @param k The claim index.
    @return uint256 The amount.
    """
    remaining: uint256 = word & MASK_128
    if left == 1:
        return remaining
    if (word >> 200) & FLAG_RANDOM == 0:
        return remaining // left
    # `remaining < 2**128`, so doubling cannot overflow; `remaining >= left >= 2`
    # makes `span >= 1`.
    span: uint256 = unsafe_sub(unsafe_div(unsafe_add(remaining, remaining), left), 1)
    r: uint256 = convert(keccak256(abi_encode(word >> 208, k)), uint256)
    return unsafe_add(1, r % span)


@internal
def _pay(token: address, to: address, amount: uint256):
    """
    @dev Pays `amount` of `token` (empty(address): the native coin) to `to`.
    @param token The asset.
    @param to The recipient.
    @param amount The amount.
    """
    if token == empty(address):
        raw_call(to, b"", value=amount)
    else:
        assert extcall IERC20(token).transfer(to, amount, default_return_value=True), "redpacket: transfer failed"


@internal
@view
def _fee(config: uint256, amount: uint256) -> uint256:
    """
    @dev The fee on a deposit of `amount`, charged in brackets.
    @notice Symbols: a = amount received; p = feed answer; d = token
            decimals + feed decimals; r_low, r_mid, r_high = the rates
            in basis points; L_100, L_500 = the bracket limits in the
            asset's smallest unit.

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
    @param config The asset's config word.
    @param amount The amount received.
    @return uint256 The fee.
    """
    rates: uint256 = self._fee_config_word()
    low: uint256 = rates & MASK_16
    mid: uint256 = (rates >> 16) & MASK_16
    high: uint256 = (rates >> 32) & MASK_16
    weighted: uint256 = 0
    feed: address = convert(config & (2**160 - 1), address)
    if feed == empty(address):
        weighted = amount * max(low, max(mid, high))
    else:
        answer: int256 = 0
        updated_at: uint256 = 0
        _: uint80 = 0
        __: uint256 = 0
        ___: uint80 = 0
        _, answer, __, updated_at, ___ = staticcall IPriceFeed(feed).latestRoundData()
        assert answer > 0, "redpacket: bad price"
        # Accepted age: heartbeat * 110%, rounded down (refuses sooner: fails closed).
        heartbeat: uint256 = (config >> 184) & MASK_32
        assert updated_at + heartbeat + heartbeat * HEARTBEAT_MARGIN_BPS // BPS >= block.timestamp, \
            "redpacket: stale price"
        price: uint256 = convert(answer, uint256)
        assert price <= MAX_AMOUNT, "redpacket: price too large"
        one_usd: uint256 = 10 ** (((config >> 160) & 255) + ((config >> 168) & 255))
        # `price != 0` (checked positive above).
        up_to_low: uint256 = min(amount, unsafe_div(BAND_LOW_USD * one_usd, price))
        up_to_mid: uint256 = min(amount, unsafe_div(BAND_MID_USD * one_usd, price))
        # up_to_low <= up_to_mid <= amount: no subtraction underflows.
        weighted = unsafe_add(
            unsafe_add(unsafe_mul(low, up_to_low), unsafe_mul(mid, unsafe_sub(up_to_mid, up_to_low))),
            unsafe_mul(high, unsafe_sub(amount, up_to_mid)),
        )
    # ceil(weighted / BPS); weighted <= MAX_FEE_BPS * amount < 2**138.
    return unsafe_div(unsafe_add(weighted, BPS - 1), BPS)


@internal
@view
def _fee_config_word() -> uint256:
    """
    @dev The one read of the fee parameters (a parameter registry can
         replace it later).
    @return uint256 The packed fee config.
    """
    return self._fee_config
