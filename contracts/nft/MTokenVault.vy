# pragma version ~=0.4.3
"""
@title MToken vault: a fractionalized NFT collection that is its own ERC-20
@custom:contract-name MTokenVault
@license GNU Affero General Public License v3.0 only
@notice One vault per fractionalization, cloned by `VaultFactory` (a
        minimal proxy of one locked implementation). The vault IS the
        MToken: one address holds the NFTs and keeps the ERC-20 ledger.

        Life of a vault:
          1. The creator sends ERC-721 tokens (`safeTransferFrom`) and
             ERC-1155 amounts (single or batch) to the vault; each arrival
             is a lot in its own slot: (token, id, amount), amount 0 for
             an ERC-721 token. Until issuing, the creator takes lots back
             with `remove`. A creator who never issues takes everything
             back; nobody else ever held anything.
          2. `issue` fixes the name, symbol and supply (minted to the
             creator), the acceptance threshold (percent of supply), the
             payment asset (native coin or one ERC-20), the minimum
             increment (bps, at least `MIN_INCREMENT_BPS`) and the
             countdown (`MIN_COUNTDOWN` .. `MAX_COUNTDOWN`).
          3. Anyone bids on a lot in the payment asset; a bid must beat
             the leader by the increment; the outbid amount becomes a
             refund taken with `withdraw` (pull). The leading bid stays.
          4. Holders accept a lot's leading bid by locking MToken in the
             vault (`vote`: an ERC-20 transfer to the vault); while the
             votes are below the threshold they can be taken back. When
             they reach it the countdown starts and the votes stay locked
             until the lot is settled. Bids may still rise during the
             countdown: the votes accept the leading bid at the END of
             the countdown, whoever places it (bids only rise, so holders
             only gain). After the countdown bidding is closed and anyone
             settles: the lot goes to the top bidder, the price to the
             holders, and the votes unlock.
          5. Proceeds are shared pro rata to MToken (locked MToken earns
             as if held) and claimed at any time; once every lot is sold,
             `redeem` burns a holder's MToken and pays what is left of its
             share.
        A lot nobody bids on stays in the vault (votes need a bid to
        accept); the vault can then never be redeemed, but every sold
        lot's proceeds stay claimable.

        Phases of a lot, derived from its state and the clock in `_phase`
        (nobody pokes the vault to move on):
          DEPOSITED (before issue) -> OPEN -> COUNTDOWN -> ENDED -> SOLD
          DEPOSITED -> REMOVED

        Proceeds glossary (amounts in the payment asset's wei):
          S      MToken supply (all MToken earns: held or locked)
          P      a lot's price at settlement
          K      SCALE = 1e36, the fixed-point one of the accumulator
          D      dividend per token, scaled by K (cumulative)
          c      carry: what the last division left, scaled by K (c < S)
          d_a    D when holder a was last settled
          o_a    proceeds owed to a and not claimed
        At a settlement:
          D += (P * K + c) // S        rounds down: holders never get more
          c  = (P * K + c) % S         than the price; the rest carries
        A holder's proceeds, settled before its MToken moves (O(1)):
          o_a += (held_a + locked_a) * (D - d_a) // K   rounds down
        Conservation, wei-exact: every price paid in == sum of all claims
        + sum of o_a + what is still unsettled + dust, where dust is below
        one wei per settlement of a holder (the floors above). The vault's
        payment-asset balance == sum of refunds + sum of leading bids of
        unsold lots + proceeds_total - claimed_total.

        Storage, packed so that a bid reads four words:
          config = payment asset (160) | increment bps (16) | threshold
                   percent (8) | countdown seconds (32) | issued (1)
          lot    = token (160) | ERC-1155 amount (88) | state (8)
          bid    = leader (160) | amount (96)
          tally  = votes (96) | deadline (48)
@custom:security Every function that makes an external call is
        `@nonreentrant` and writes its state first: refunds are pulled
        (`withdraw`), the NFT moves after the sale is recorded. A
        winner's receiver hook that fails or reverts does not block the
        settlement: the lot stays owed to the winner and anyone retries
        with `deliver`. Deposit hooks accept transfers operated by (or
        from) the creator only, before issue; the lot's collection is the
        calling contract, which bidders must check like any listing.
@custom:kill No owner: a vault cannot be stopped. Before issue the
        creator takes the lots back; after issue the holders decide by
        their votes.
"""


from ethereum.ercs import IERC20

from contracts.shared import asset_transfer
from contracts.shared import constants
from interfaces import IMTokenVault
from snekmate.utils import ecdsa

implements: IERC20
implements: IMTokenVault


# The chain's Uniswap-v2-compatible DEX (its core: factory and pair), for seeding at issue.
interface IUniswapV2Factory:
    def getPair(token_a: address, token_b: address) -> address: view
    def createPair(token_a: address, token_b: address) -> address: nonpayable


interface IUniswapV2Pair:
    def mint(to: address) -> uint256: nonpayable


# @dev Largest MToken supply (votes are stored in 96 bits).
MAX_SUPPLY: constant(uint256) = 2**96 - 1
# @dev Largest bid, in wei of the payment asset (stored in 96 bits).
MAX_BID: constant(uint256) = 2**96 - 1
# @dev Largest ERC-1155 amount of one lot (stored in 88 bits).
MAX_LOT_AMOUNT: constant(uint256) = 2**88 - 1
# @dev Most lots of one ERC-1155 batch transfer (the hook's loop bound).
MAX_BATCH: constant(uint256) = 32
# @dev Minimum increment when the creator passes 0: 5%.
DEFAULT_INCREMENT_BPS: constant(uint256) = 500
# @dev Floor of the minimum increment: 1% (no outbidding by one wei).
MIN_INCREMENT_BPS: constant(uint256) = 100
# @dev Ceiling of the minimum increment: 50%.
MAX_INCREMENT_BPS: constant(uint256) = 5_000
# @dev Countdown when the creator passes 0: 24 hours.
DEFAULT_COUNTDOWN: constant(uint256) = constants.DAY
# @dev Shortest countdown: 1 hour.
MIN_COUNTDOWN: constant(uint256) = 3_600
# @dev Longest countdown: 7 days.
MAX_COUNTDOWN: constant(uint256) = 7 * constants.DAY
# @dev Fixed-point one of the proceeds accumulator (K).
SCALE: constant(uint256) = 10**36

# Phases of a lot, as `phase(slot)` returns them.
PHASE_NONE: constant(uint8) = 0
PHASE_DEPOSITED: constant(uint8) = 1
PHASE_OPEN: constant(uint8) = 2
PHASE_COUNTDOWN: constant(uint8) = 3
PHASE_ENDED: constant(uint8) = 4
PHASE_SOLD: constant(uint8) = 5
PHASE_REMOVED: constant(uint8) = 6

# Stored lot states.
_HELD: constant(uint256) = 1
_REMOVED: constant(uint256) = 2
# sold, the NFT still owed to the winner (its delivery failed)
_SOLD: constant(uint256) = 3
_DELIVERED: constant(uint256) = 4

# Config word: asset | increment | threshold | countdown | issued.
_ASSET_MASK: constant(uint256) = constants.MASK_160
_INCREMENT_SHIFT: constant(uint256) = 160
_THRESHOLD_SHIFT: constant(uint256) = 176
_COUNTDOWN_SHIFT: constant(uint256) = 184
_ISSUED_SHIFT: constant(uint256) = 216
# Lot word: token | amount | state.
_TOKEN_MASK: constant(uint256) = constants.MASK_160
_AMOUNT_SHIFT: constant(uint256) = 160
_AMOUNT_MASK: constant(uint256) = 2**88 - 1
_STATE_SHIFT: constant(uint256) = 248
# Bid word: leader | amount.
_LEADER_MASK: constant(uint256) = constants.MASK_160
_BID_SHIFT: constant(uint256) = 160
# Tally word: votes | deadline.
_VOTES_MASK: constant(uint256) = 2**96 - 1
_DEADLINE_SHIFT: constant(uint256) = 96

# EIP-712: the domain's type hash, the version and the permit's type hash (EIP-2612).
_DOMAIN_TYPE_HASH: constant(bytes32) = keccak256(
    "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
)
_VERSION: constant(String[1]) = "1"
_PERMIT_TYPE_HASH: constant(bytes32) = keccak256(
    "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
)

# ERC-165 identifiers: ERC-165, ERC-721 receiver, ERC-1155 receiver.
_INTERFACE_IDS: constant(bytes4[3]) = [0x01FFC9A7, 0x150B7A02, 0x4E2312E0]
# What the receiver hooks return to accept.
_ERC721_RECEIVED: constant(bytes4) = 0x150B7A02
_ERC1155_RECEIVED: constant(bytes4) = 0xF23A6E61
_ERC1155_BATCH_RECEIVED: constant(bytes4) = 0xBC197C81


# @dev The config word unpacked.
struct Config:
    asset: address
    increment_bps: uint256
    threshold_percent: uint256
    countdown: uint256
    issued: bool


# @dev A lot word unpacked.
struct LotWord:
    token: address
    amount: uint256
    state: uint256


# @dev ERC-20 decimals.
decimals: public(constant(uint8)) = 18
# @dev ERC-20 name, set at issue (empty before).
name: public(String[64])
# @dev ERC-20 symbol, set at issue (empty before).
symbol: public(String[32])
# @dev ERC-20 supply: fixed at issue, falls only by `redeem`.
totalSupply: public(uint256)
# @dev ERC-20 balances; the vault's own balance is the locked votes.
balanceOf: public(HashMap[address, uint256])
# @dev ERC-20 allowances.
allowance: public(HashMap[address, HashMap[address, uint256]])
# @dev EIP-2612: the next permit nonce of each owner.
nonces: public(HashMap[address, uint256])

# @dev Who deposits, issues and received the supply (the implementation: itself, so it is locked).
creator: public(address)
# @dev The config word (see the notice).
_config: uint256
# @dev Lots deposited so far (the next slot number).
lot_count: public(uint256)
# @dev Lots held and not yet sold (deposited minus removed minus sold).
unsold: public(uint256)
# @dev Lot words by slot.
_lots: HashMap[uint256, uint256]
# @dev Token id of each lot.
_lot_ids: HashMap[uint256, uint256]
# @dev Bid words by slot.
_bids: HashMap[uint256, uint256]
# @dev Tally words by slot.
_tallies: HashMap[uint256, uint256]
# @dev MToken each holder has locked on each slot.
votes_of: public(HashMap[uint256, HashMap[address, uint256]])
# @dev MToken each holder has locked, all slots together (earns as if held).
locked_of: public(HashMap[address, uint256])
# @dev Outbid amounts each bidder can withdraw.
refunds: public(HashMap[address, uint256])
# @dev Proceeds accumulator: dividend per token, scaled by SCALE (D).
dividend_per_token: public(uint256)
# @dev What the last distribution left, scaled by SCALE (c < S).
_carry: uint256
# @dev D when each holder was last settled (d_a).
_paid: HashMap[address, uint256]
# @dev Proceeds owed to each holder, not claimed (o_a).
_owed: HashMap[address, uint256]
# @dev Every settled price together.
proceeds_total: public(uint256)
# @dev Every claimed or redeemed proceed together.
claimed_total: public(uint256)


@deploy
def __init__():
    """
    @dev Locks the implementation: its creator is itself, so `initialize`
         reverts and no deposit hook accepts anything.
    """
    self.creator = self


@external
@nonreentrant
def initialize(creator_: address):
    """
    @notice Makes `creator_` the creator of this clone; the factory calls
            it in the transaction that creates the clone.
    @dev `@nonreentrant` although it calls nobody: it writes the clone's
         reentrancy lock word (0 -> 3 on exit, paris has no transient
         storage), so the creator pays the 20,000 gas of that first
         write here and no bidder pays it in its first `bid`.
    @param creator_ The account that deposits and issues (the factory
           passes its caller, never empty).
    """
    assert self.creator == empty(address), "m_token_vault: already initialized"
    self.creator = creator_


# ERC-20


@external
def transfer(receiver: address, amount: uint256) -> bool:
    """
    @notice Moves `amount` MToken from the caller to `receiver`.
    @param receiver The recipient (not zero, not the vault: lock with `vote`).
    @param amount The amount.
    @return bool True.
    """
    self._transfer(msg.sender, receiver, amount)
    return True


@external
def approve(spender: address, amount: uint256) -> bool:
    """
    @notice Allows `spender` to move `amount` of the caller's MToken.
    @param spender The spender.
    @param amount The allowance (2**256 - 1: unlimited, never decreased).
    @return bool True.
    """
    self.allowance[msg.sender][spender] = amount
    log IMTokenVault.Approval(owner=msg.sender, spender=spender, value=amount)
    return True


@external
def transferFrom(sender: address, receiver: address, amount: uint256) -> bool:
    """
    @notice Moves `amount` MToken from `sender` to `receiver` within the
            caller's allowance.
    @param sender The holder.
    @param receiver The recipient (not zero, not the vault).
    @param amount The amount.
    @return bool True.
    """
    allowed: uint256 = self.allowance[sender][msg.sender]
    if allowed != max_value(uint256):
        assert allowed >= amount, "m_token_vault: allowance too low"
        self.allowance[sender][msg.sender] = allowed - amount
    self._transfer(sender, receiver, amount)
    return True


@external
def permit(
    owner: address,
    spender: address,
    amount: uint256,
    deadline: uint256,
    v: uint8,
    r: bytes32,
    s: bytes32,
):
    """
    @notice EIP-2612: sets `spender`'s allowance over `owner`'s MToken to
            `amount`, given `owner`'s EIP-712 signature with its current
            nonce, until `deadline`.
    @param owner The holder who signed.
    @param spender The spender.
    @param amount The allowance.
    @param deadline The last second the signature is valid.
    @param v The signature's v.
    @param r The signature's r.
    @param s The signature's s.
    """
    assert block.timestamp <= deadline, "m_token_vault: expired deadline"
    nonce: uint256 = self.nonces[owner]
    self.nonces[owner] = nonce + 1
    struct_hash: bytes32 = keccak256(
        abi_encode(_PERMIT_TYPE_HASH, owner, spender, amount, nonce, deadline)
    )
    digest: bytes32 = keccak256(concat(b"\x19\x01", self._domain_separator(), struct_hash))
    signer: address = ecdsa._recover_vrs(
        digest, convert(v, uint256), convert(r, uint256), convert(s, uint256)
    )
    assert signer == owner and signer != empty(address), "m_token_vault: invalid signature"
    self.allowance[owner][spender] = amount
    log IMTokenVault.Approval(owner=owner, spender=spender, value=amount)


@external
@view
def DOMAIN_SEPARATOR() -> bytes32:
    """
    @notice The EIP-712 domain separator of permits (name, version "1",
            chain id, this vault).
    @return bytes32 The separator.
    """
    return self._domain_separator()


@external
@view
def eip712Domain() -> (
    bytes1, String[64], String[1], uint256, address, bytes32, DynArray[uint256, 32]
):
    """
    @notice ERC-5267: the fields of the EIP-712 domain (name, version,
            chain id, verifying contract).
    @return bytes1 The fields present (0x0f).
    @return String The name (the MToken's).
    @return String The version.
    @return uint256 The chain id.
    @return address This vault.
    @return bytes32 No salt.
    @return DynArray No extensions.
    """
    return (0x0F, self.name, _VERSION, chain.id, self, empty(bytes32), empty(DynArray[uint256, 32]))


# Deposits (ERC-165 and the receiver hooks)


@external
@view
def supportsInterface(interface_id: bytes4) -> bool:
    """
    @notice ERC-165: ERC-165 itself, ERC-721 and ERC-1155 receivers.
    @param interface_id The identifier.
    @return bool Whether it is supported.
    """
    return interface_id in _INTERFACE_IDS


@external
def onERC721Received(
    operator: address, sender: address, token_id: uint256, data: Bytes[1024]
) -> bytes4:
    """
    @notice Records an ERC-721 token sent by the creator as a lot.
    @param operator Who called `safeTransferFrom`.
    @param sender The previous owner.
    @param token_id The token id.
    @param data Ignored.
    @return bytes4 The acceptance selector.
    """
    self._check_deposit(operator, sender)
    self._add_lot(msg.sender, token_id, 0)
    return _ERC721_RECEIVED


@external
def onERC1155Received(
    operator: address, sender: address, token_id: uint256, amount: uint256, data: Bytes[1024]
) -> bytes4:
    """
    @notice Records an ERC-1155 amount sent by the creator as one lot.
    @param operator Who called `safeTransferFrom`.
    @param sender The previous owner.
    @param token_id The token id.
    @param amount The quantity (the whole lot).
    @param data Ignored.
    @return bytes4 The acceptance selector.
    """
    self._check_deposit(operator, sender)
    assert amount != 0, "m_token_vault: empty lot"
    self._add_lot(msg.sender, token_id, amount)
    return _ERC1155_RECEIVED


@external
def onERC1155BatchReceived(
    operator: address,
    sender: address,
    token_ids: DynArray[uint256, MAX_BATCH],
    amounts: DynArray[uint256, MAX_BATCH],
    data: Bytes[1024],
) -> bytes4:
    """
    @notice Records each (id, amount) of an ERC-1155 batch sent by the
            creator as its own lot.
    @param operator Who called `safeBatchTransferFrom`.
    @param sender The previous owner.
    @param token_ids The token ids (at most MAX_BATCH).
    @param amounts The quantities, one per id.
    @param data Ignored.
    @return bytes4 The acceptance selector.
    """
    self._check_deposit(operator, sender)
    assert len(token_ids) == len(amounts), "m_token_vault: length mismatch"
    for i: uint256 in range(len(token_ids), bound=MAX_BATCH):
        # An ERC-1155 lot of 0 would read as an ERC-721 token.
        assert amounts[i] != 0, "m_token_vault: empty lot"
        self._add_lot(msg.sender, token_ids[i], amounts[i])
    return _ERC1155_BATCH_RECEIVED


@external
@nonreentrant
def remove(slot: uint256):
    """
    @notice Sends a lot back to the creator, before issue.
    @param slot The lot.
    """
    assert msg.sender == self.creator, "m_token_vault: caller is not the creator"
    assert not self._load_config().issued, "m_token_vault: already issued"
    lot: LotWord = self._load_lot(slot)
    assert lot.state == _HELD, "m_token_vault: no such lot"
    lot.state = _REMOVED
    self._store_lot(slot, lot)
    self.unsold -= 1
    log IMTokenVault.LotRemoved(slot=slot)
    assert self._send_lot(lot, self._lot_ids[slot], msg.sender), "m_token_vault: transfer failed"


# Issue


@external
def issue(
    name_: String[64],
    symbol_: String[32],
    supply: uint256,
    threshold_percent_: uint256,
    payment_asset_: address,
    min_increment_bps_: uint256,
    countdown_: uint256,
):
    """
    @notice Issues the MToken: `supply` to the creator, and fixes the
            vault's parameters for good.
    @param name_ The ERC-20 name.
    @param symbol_ The ERC-20 symbol.
    @param supply The supply, in MToken wei (1 .. MAX_SUPPLY).
    @param threshold_percent_ Votes that accept a bid, percent of supply (1 .. 100).
    @param payment_asset_ Bids' asset: empty for the native coin, else an ERC-20 contract.
    @param min_increment_bps_ A bid beats the leader by this much (0: 5%; else 1% .. 50%).
    @param countdown_ Seconds from the threshold to the end of bidding (0: 24 h; else 1 h .. 7 d).
    """
    self._issue(
        name_, symbol_, supply, threshold_percent_, payment_asset_, min_increment_bps_, countdown_
    )


@external
@nonreentrant
def issue_and_seed(
    name_: String[64],
    symbol_: String[32],
    supply: uint256,
    threshold_percent_: uint256,
    payment_asset_: address,
    min_increment_bps_: uint256,
    countdown_: uint256,
    factory: address,
    pair_token: address,
    mtoken_amount: uint256,
    pair_amount: uint256,
) -> uint256:
    """
    @notice `issue`, then in the same transaction the MToken's first pool
            on the chain's Uniswap-v2-compatible DEX: `mtoken_amount` of
            the new supply and `pair_amount` of `pair_token` (CC; approve
            this vault first) go to the pair, created if needed, and the
            LP tokens to the creator. The pair is fresh by construction (no
            MToken existed before), so the creator sets the first price.
    @param name_ The ERC-20 name.
    @param symbol_ The ERC-20 symbol.
    @param supply The supply, in MToken wei (1 .. MAX_SUPPLY).
    @param threshold_percent_ Votes that accept a bid, percent of supply (1 .. 100).
    @param payment_asset_ Bids' asset: empty for the native coin, else an ERC-20 contract.
    @param min_increment_bps_ A bid beats the leader by this much (0: 5%; else 1% .. 50%).
    @param countdown_ Seconds from the threshold to the end of bidding (0: 24 h; else 1 h .. 7 d).
    @param factory The DEX's factory (deploy/<chain>.yaml `dex.factory`).
    @param pair_token The other token of the pool (CC).
    @param mtoken_amount MToken wei from the creator's new supply into the pool.
    @param pair_amount `pair_token` wei from the creator into the pool.
    @return uint256 The LP tokens minted to the creator.
    """
    self._issue(
        name_, symbol_, supply, threshold_percent_, payment_asset_, min_increment_bps_, countdown_
    )
    assert mtoken_amount != 0 and pair_amount != 0, "m_token_vault: zero seed"
    assert factory.is_contract, "m_token_vault: factory is not a contract"
    assert pair_token.is_contract, "m_token_vault: pair token is not a contract"
    pair: address = staticcall IUniswapV2Factory(factory).getPair(self, pair_token)
    if pair == empty(address):
        pair = extcall IUniswapV2Factory(factory).createPair(self, pair_token)
    self._transfer(msg.sender, pair, mtoken_amount)
    assert extcall IERC20(pair_token).transferFrom(
        msg.sender, pair, pair_amount, default_return_value=True
    ), "m_token_vault: transfer failed"
    liquidity: uint256 = extcall IUniswapV2Pair(pair).mint(msg.sender)
    log IMTokenVault.PoolSeeded(
        pair=pair,
        pair_token=pair_token,
        mtoken_amount=mtoken_amount,
        pair_amount=pair_amount,
        liquidity=liquidity,
    )
    return liquidity


# Bids


@external
@payable
@nonreentrant
def bid(slot: uint256, amount: uint256):
    """
    @notice Bids `amount` of the payment asset on a lot: the native coin
            comes with the call (msg.value == amount), an ERC-20 is pulled
            (approve first). The previous leader's bid becomes its refund.
    @param slot The lot (OPEN or in COUNTDOWN).
    @param amount The bid: above zero, and at least `min_next_bid(slot)`.
    """
    config: Config = self._load_config()
    tally: uint256 = self._tallies[slot]
    phase: uint8 = self._phase(self._load_lot(slot).state, config.issued, tally >> _DEADLINE_SHIFT)
    assert phase == PHASE_OPEN or phase == PHASE_COUNTDOWN, "m_token_vault: lot not open for bids"
    word: uint256 = self._bids[slot]
    leading: uint256 = word >> _BID_SHIFT
    assert amount >= self._min_next(leading, config.increment_bps), "m_token_vault: bid too low"
    assert amount <= MAX_BID, "m_token_vault: bid too high"
    if leading != 0:
        previous: address = convert(word & _LEADER_MASK, address)
        self.refunds[previous] += leading
    self._bids[slot] = convert(msg.sender, uint256) | (amount << _BID_SHIFT)
    log IMTokenVault.BidPlaced(slot=slot, bidder=msg.sender, amount=amount)
    if config.asset == asset_transfer.NATIVE:
        assert msg.value == amount, "m_token_vault: value differs from the bid"
    else:
        assert msg.value == 0, "m_token_vault: native coin sent to a token vault"
        # A fee-on-transfer token would leave the bid underfunded: refused.
        assert asset_transfer._pull(config.asset, msg.sender, amount) == amount, \
            "m_token_vault: token delivered less than the bid"


@external
@nonreentrant
def withdraw() -> uint256:
    """
    @notice Pays the caller its outbid amounts (pull).
    @return uint256 The amount paid.
    """
    amount: uint256 = self.refunds[msg.sender]
    assert amount != 0, "m_token_vault: nothing to withdraw"
    self.refunds[msg.sender] = 0
    log IMTokenVault.Withdrawn(account=msg.sender, amount=amount)
    asset_transfer._pay(self._load_config().asset, msg.sender, amount)
    return amount


# Votes


@external
def vote(slot: uint256, amount: uint256):
    """
    @notice Locks `amount` of the caller's MToken in the vault to accept
            the lot's leading bid; reaching the threshold starts the
            countdown, after which the votes stay locked until settlement.
            Locked MToken keeps earning proceeds.
    @param slot The lot (OPEN or in COUNTDOWN, with a bid).
    @param amount The MToken to lock.
    """
    assert amount != 0, "m_token_vault: zero amount"
    config: Config = self._load_config()
    tally: uint256 = self._tallies[slot]
    deadline: uint256 = tally >> _DEADLINE_SHIFT
    phase: uint8 = self._phase(self._load_lot(slot).state, config.issued, deadline)
    assert phase == PHASE_OPEN or phase == PHASE_COUNTDOWN, "m_token_vault: lot not open for votes"
    assert self._bids[slot] != 0, "m_token_vault: no bid to accept"
    balance: uint256 = self.balanceOf[msg.sender]
    assert balance >= amount, "m_token_vault: balance too low"
    # Held becomes locked: the holder's earning shares do not change, so no settlement.
    self.balanceOf[msg.sender] = balance - amount
    self.balanceOf[self] += amount
    self.locked_of[msg.sender] += amount
    self.votes_of[slot][msg.sender] += amount
    log IMTokenVault.Transfer(sender=msg.sender, receiver=self, value=amount)
    votes: uint256 = (tally & _VOTES_MASK) + amount
    # votes / S >= threshold / 100, compared without division.
    if deadline == 0 and votes * 100 >= config.threshold_percent * self.totalSupply:
        deadline = block.timestamp + config.countdown
        log IMTokenVault.CountdownStarted(slot=slot, deadline=deadline)
    self._tallies[slot] = votes | (deadline << _DEADLINE_SHIFT)
    log IMTokenVault.Voted(slot=slot, voter=msg.sender, amount=amount, votes=votes)


@external
def unvote(slot: uint256, amount: uint256):
    """
    @notice Takes back `amount` of the caller's votes on a lot: while the
            countdown has not started, or once the lot is sold.
    @param slot The lot.
    @param amount The MToken to unlock.
    """
    assert amount != 0, "m_token_vault: zero amount"
    tally: uint256 = self._tallies[slot]
    deadline: uint256 = tally >> _DEADLINE_SHIFT
    phase: uint8 = self._phase(self._load_lot(slot).state, True, deadline)
    assert phase == PHASE_OPEN or phase == PHASE_SOLD, \
        "m_token_vault: votes locked until settlement"
    mine: uint256 = self.votes_of[slot][msg.sender]
    assert mine >= amount, "m_token_vault: votes too low"
    self.votes_of[slot][msg.sender] = mine - amount
    self.locked_of[msg.sender] -= amount
    self.balanceOf[self] -= amount
    self.balanceOf[msg.sender] += amount
    log IMTokenVault.Transfer(sender=self, receiver=msg.sender, value=amount)
    votes: uint256 = (tally & _VOTES_MASK) - amount
    self._tallies[slot] = votes | (deadline << _DEADLINE_SHIFT)
    log IMTokenVault.Unvoted(slot=slot, voter=msg.sender, amount=amount, votes=votes)


# Settlement and proceeds


@external
@nonreentrant
def settle(slot: uint256):
    """
    @notice Sells a lot whose countdown is over to its top bidder: the
            price goes to the holders, the NFT to the winner (if its
            receiver refuses, the lot stays owed to it: see `deliver`).
            Anyone may call.
    @param slot The lot (ENDED).
    """
    lot: LotWord = self._load_lot(slot)
    phase: uint8 = self._phase(lot.state, True, self._tallies[slot] >> _DEADLINE_SHIFT)
    assert phase == PHASE_ENDED, "m_token_vault: countdown not over"
    word: uint256 = self._bids[slot]
    winner: address = convert(word & _LEADER_MASK, address)
    price: uint256 = word >> _BID_SHIFT
    # Optimistic: delivered unless the transfer below fails.
    lot.state = _DELIVERED
    self._store_lot(slot, lot)
    self.unsold -= 1
    self.proceeds_total += price
    supply: uint256 = self.totalSupply
    # D += (P * K + c) // S, rounded down: holders get at most the price;
    # c = the remainder, carried into the next sale (never lost, never paid twice).
    numerator: uint256 = price * SCALE + self._carry
    increment: uint256 = numerator // supply
    self._carry = numerator - increment * supply
    self.dividend_per_token += increment
    delivered: bool = self._send_lot(lot, self._lot_ids[slot], winner)
    if not delivered:
        lot.state = _SOLD
        self._store_lot(slot, lot)
    log IMTokenVault.Settled(slot=slot, winner=winner, price=price, delivered=delivered)


@external
@nonreentrant
def deliver(slot: uint256):
    """
    @notice Sends a sold lot whose delivery failed in `settle` to its
            winner. Anyone may call; only the winner receives.
    @param slot The lot.
    """
    lot: LotWord = self._load_lot(slot)
    assert lot.state == _SOLD, "m_token_vault: nothing to deliver"
    lot.state = _DELIVERED
    self._store_lot(slot, lot)
    winner: address = convert(self._bids[slot] & _LEADER_MASK, address)
    log IMTokenVault.Delivered(slot=slot, winner=winner)
    assert self._send_lot(lot, self._lot_ids[slot], winner), "m_token_vault: delivery failed"


@external
@nonreentrant
def claim() -> uint256:
    """
    @notice Pays the caller its proceeds so far (held and locked MToken earn).
    @return uint256 The amount paid (0 pays nothing).
    """
    self._settle(msg.sender, self.dividend_per_token)
    return self._pay_proceeds(msg.sender)


@external
@nonreentrant
def redeem() -> uint256:
    """
    @notice Once every lot is sold: burns the caller's MToken (held, not
            locked: unvote first) and pays its proceeds, all that is left
            of its share.
    @return uint256 The amount paid.
    """
    assert self._load_config().issued and self.unsold == 0, "m_token_vault: lots still unsold"
    self._settle(msg.sender, self.dividend_per_token)
    burned: uint256 = self.balanceOf[msg.sender]
    assert burned != 0, "m_token_vault: nothing to redeem"
    self.balanceOf[msg.sender] = 0
    self.totalSupply -= burned
    log IMTokenVault.Transfer(sender=msg.sender, receiver=empty(address), value=burned)
    paid: uint256 = self._pay_proceeds(msg.sender)
    log IMTokenVault.Redeemed(account=msg.sender, burned=burned, paid=paid)
    return paid


# Views


@external
@view
def issued() -> bool:
    """
    @notice Whether the MToken was issued.
    @return bool Issued.
    """
    return self._load_config().issued


@external
@view
def payment_asset() -> address:
    """
    @notice The asset bids are paid in (empty: the native coin).
    @return address The asset.
    """
    return self._load_config().asset


@external
@view
def threshold_percent() -> uint256:
    """
    @notice Votes that accept a bid, in percent of supply.
    @return uint256 The threshold.
    """
    return self._load_config().threshold_percent


@external
@view
def min_increment_bps() -> uint256:
    """
    @notice How much a bid must beat the leader by, in basis points.
    @return uint256 The increment.
    """
    return self._load_config().increment_bps


@external
@view
def countdown() -> uint256:
    """
    @notice Seconds from reaching the threshold to the end of bidding.
    @return uint256 The countdown.
    """
    return self._load_config().countdown


@external
@view
def lot(slot: uint256) -> IMTokenVault.Lot:
    """
    @notice A lot and its phase.
    @param slot The lot.
    @return IMTokenVault.Lot Its token, id, amount (0: ERC-721) and phase.
    """
    word: LotWord = self._load_lot(slot)
    return IMTokenVault.Lot(
        token=word.token,
        token_id=self._lot_ids[slot],
        amount=word.amount,
        phase=self._phase(
            word.state, self._load_config().issued, self._tallies[slot] >> _DEADLINE_SHIFT
        ),
    )


@external
@view
def phase(slot: uint256) -> uint8:
    """
    @notice A lot's phase (PHASE_* constants).
    @param slot The lot.
    @return uint8 The phase.
    """
    return self._phase(
        self._load_lot(slot).state,
        self._load_config().issued,
        self._tallies[slot] >> _DEADLINE_SHIFT,
    )


@external
@view
def leading_bid(slot: uint256) -> (address, uint256):
    """
    @notice A lot's leading bidder and bid (after settlement: the winner and price).
    @param slot The lot.
    @return leader The leader (empty: no bid).
    @return bid The bid.
    """
    word: uint256 = self._bids[slot]
    return convert(word & _LEADER_MASK, address), word >> _BID_SHIFT


@external
@view
def min_next_bid(slot: uint256) -> uint256:
    """
    @notice The smallest bid that would lead a lot now.
    @param slot The lot.
    @return uint256 The amount.
    """
    return self._min_next(self._bids[slot] >> _BID_SHIFT, self._load_config().increment_bps)


@external
@view
def votes(slot: uint256) -> uint256:
    """
    @notice MToken locked on a lot.
    @param slot The lot.
    @return uint256 The votes.
    """
    return self._tallies[slot] & _VOTES_MASK


@external
@view
def deadline(slot: uint256) -> uint256:
    """
    @notice When bidding on a lot closes (0: the countdown has not started).
    @param slot The lot.
    @return uint256 The timestamp.
    """
    return self._tallies[slot] >> _DEADLINE_SHIFT


@external
@view
def proceeds_of(account: address) -> uint256:
    """
    @notice What `account` could claim now.
    @param account The holder.
    @return uint256 The amount.
    """
    return self._owed[account] + self._pending(account, self.dividend_per_token)


# Internal


@internal
@view
def _domain_separator() -> bytes32:
    """
    @dev The EIP-712 domain separator, computed on every call: a clone's
         name is in storage (immutables live in the implementation's code),
         so it cannot be cached at deployment like snekmate's.
    @return bytes32 The separator.
    """
    return keccak256(
        abi_encode(_DOMAIN_TYPE_HASH, keccak256(self.name), keccak256(_VERSION), chain.id, self)
    )


@internal
def _check_deposit(operator: address, sender: address):
    """
    @dev A deposit hook's guard: before issue, operated by or sent from the creator.
    @param operator Who called the transfer.
    @param sender The previous owner.
    """
    assert not self._load_config().issued, "m_token_vault: already issued"
    creator_: address = self.creator
    assert operator == creator_ or sender == creator_, "m_token_vault: only the creator deposits"


@internal
def _add_lot(token: address, token_id: uint256, amount: uint256):
    """
    @dev Records a lot in the next slot.
    @param token The collection (the hook's caller).
    @param token_id The id.
    @param amount The ERC-1155 quantity, 0 for an ERC-721 token.
    """
    assert amount <= MAX_LOT_AMOUNT, "m_token_vault: lot amount too large"
    # An account "token" would make every later transfer of the lot a no-op that succeeds.
    assert token.is_contract, "m_token_vault: token is not a contract"
    slot: uint256 = self.lot_count
    self.lot_count = slot + 1
    self.unsold += 1
    self._store_lot(slot, LotWord(token=token, amount=amount, state=_HELD))
    self._lot_ids[slot] = token_id
    log IMTokenVault.LotDeposited(slot=slot, token=token, token_id=token_id, amount=amount)


@internal
def _send_lot(lot: LotWord, token_id: uint256, receiver: address) -> bool:
    """
    @dev Sends a lot out with the collection's safe transfer.
    @param lot The lot.
    @param token_id Its id.
    @param receiver The recipient.
    @return bool Whether the transfer succeeded (a failure does not revert here).
    """
    if lot.amount == 0:
        return raw_call(
            lot.token,
            abi_encode(
                self,
                receiver,
                token_id,
                b"",
                method_id=method_id("safeTransferFrom(address,address,uint256,bytes)"),
            ),
            revert_on_failure=False,
        )
    return raw_call(
        lot.token,
        abi_encode(
            self,
            receiver,
            token_id,
            lot.amount,
            b"",
            method_id=method_id("safeTransferFrom(address,address,uint256,uint256,bytes)"),
        ),
        revert_on_failure=False,
    )


@internal
def _transfer(sender: address, receiver: address, amount: uint256):
    """
    @dev Moves MToken between holders, settling both holders' proceeds first
         (O(1); nothing is written before the first sale).
    @param sender The holder.
    @param receiver The recipient.
    @param amount The amount.
    """
    assert receiver != empty(address), "m_token_vault: transfer to the zero address"
    assert receiver != self, "m_token_vault: transfer to the vault (use vote)"
    dpt: uint256 = self.dividend_per_token
    if dpt != 0:
        self._settle(sender, dpt)
        self._settle(receiver, dpt)
    balance: uint256 = self.balanceOf[sender]
    assert balance >= amount, "m_token_vault: balance too low"
    self.balanceOf[sender] = balance - amount
    self.balanceOf[receiver] += amount
    log IMTokenVault.Transfer(sender=sender, receiver=receiver, value=amount)


@internal
@view
def _pending(account: address, dpt: uint256) -> uint256:
    """
    @dev Proceeds accrued to `account` since it was last settled.
    @param account The holder.
    @param dpt The current dividend per token.
    @return uint256 (held + locked) * (D - d_a) // K, rounded down.
    """
    paid: uint256 = self._paid[account]
    if paid == dpt:
        return 0
    return (self.balanceOf[account] + self.locked_of[account]) * (dpt - paid) // SCALE


@internal
def _settle(account: address, dpt: uint256):
    """
    @dev Moves `account`'s accrued proceeds into what it is owed; call
         before its MToken (held plus locked) changes.
    @param account The holder.
    @param dpt The current dividend per token.
    """
    if self._paid[account] != dpt:
        self._owed[account] += self._pending(account, dpt)
        self._paid[account] = dpt


@internal
def _pay_proceeds(account: address) -> uint256:
    """
    @dev Pays `account` everything it is owed (settled first by the caller).
    @param account The holder.
    @return uint256 The amount (0 makes no call).
    """
    amount: uint256 = self._owed[account]
    if amount == 0:
        return 0
    self._owed[account] = 0
    self.claimed_total += amount
    log IMTokenVault.ProceedsClaimed(account=account, amount=amount)
    asset_transfer._pay(self._load_config().asset, account, amount)
    return amount


@internal
@pure
def _min_next(leading: uint256, increment_bps: uint256) -> uint256:
    """
    @dev The smallest bid that beats `leading`.
    @param leading The leading bid (0: none).
    @param increment_bps The minimum increment.
    @return uint256 1 without a bid, else leading + ceil(leading * bps / BPS)
            (rounded up: a new leader always beats the old by the full increment).
    """
    if leading == 0:
        return 1
    return leading + (leading * increment_bps + constants.BPS - 1) // constants.BPS


@internal
@view
def _phase(state: uint256, issued_: bool, deadline_: uint256) -> uint8:
    """
    @dev A lot's phase from its stored state, the issue flag and its
         deadline: the one place that reads the clock.
    @param state The stored state.
    @param issued_ Whether the MToken was issued.
    @param deadline_ The lot's deadline (0: no countdown).
    @return uint8 The phase.
    """
    if state == 0:
        return PHASE_NONE
    if state == _REMOVED:
        return PHASE_REMOVED
    if state >= _SOLD:
        return PHASE_SOLD
    if not issued_:
        return PHASE_DEPOSITED
    if deadline_ == 0:
        return PHASE_OPEN
    if block.timestamp < deadline_:
        return PHASE_COUNTDOWN
    return PHASE_ENDED


@internal
@view
def _load_config() -> Config:
    """
    @dev The config word as a struct.
    @return Config Its fields.
    """
    word: uint256 = self._config
    return Config(
        asset=convert(word & _ASSET_MASK, address),
        increment_bps=(word >> _INCREMENT_SHIFT) & constants.MASK_16,
        threshold_percent=(word >> _THRESHOLD_SHIFT) & constants.MASK_8,
        countdown=(word >> _COUNTDOWN_SHIFT) & constants.MASK_32,
        issued=(word >> _ISSUED_SHIFT) != 0,
    )


@internal
@view
def _load_lot(slot: uint256) -> LotWord:
    """
    @dev A lot word as a struct.
    @param slot The lot.
    @return LotWord Its fields (state 0: no such lot).
    """
    word: uint256 = self._lots[slot]
    return LotWord(
        token=convert(word & _TOKEN_MASK, address),
        amount=(word >> _AMOUNT_SHIFT) & _AMOUNT_MASK,
        state=word >> _STATE_SHIFT,
    )


@internal
def _store_lot(slot: uint256, lot: LotWord):
    """
    @dev A struct as a lot word.
    @param slot The lot.
    @param lot The fields (each within its width).
    """
    self._lots[slot] = (
        convert(lot.token, uint256) | (lot.amount << _AMOUNT_SHIFT) | (lot.state << _STATE_SHIFT)
    )


@internal
def _issue(
    name_: String[64],
    symbol_: String[32],
    supply: uint256,
    threshold_percent_: uint256,
    payment_asset_: address,
    min_increment_bps_: uint256,
    countdown_: uint256,
):
    """
    @dev `issue`'s checks and effects (see its parameters): mints `supply`
         to the creator and fixes the vault's parameters.
    @param name_ The ERC-20 name.
    @param symbol_ The ERC-20 symbol.
    @param supply The supply.
    @param threshold_percent_ The acceptance threshold, percent of supply.
    @param payment_asset_ Bids' asset.
    @param min_increment_bps_ The minimum increment (0: default).
    @param countdown_ The countdown (0: default).
    """
    assert msg.sender == self.creator, "m_token_vault: caller is not the creator"
    assert not self._load_config().issued, "m_token_vault: already issued"
    assert self.unsold != 0, "m_token_vault: no lots"
    assert supply != 0 and supply <= MAX_SUPPLY, "m_token_vault: supply out of bounds"
    assert threshold_percent_ != 0 and threshold_percent_ <= 100, \
        "m_token_vault: threshold out of bounds"
    assert payment_asset_ == asset_transfer.NATIVE or payment_asset_.is_contract, \
        "m_token_vault: payment asset is not a contract"
    increment: uint256 = min_increment_bps_
    if increment == 0:
        increment = DEFAULT_INCREMENT_BPS
    assert increment >= MIN_INCREMENT_BPS and increment <= MAX_INCREMENT_BPS, \
        "m_token_vault: increment out of bounds"
    countdown_s: uint256 = countdown_
    if countdown_s == 0:
        countdown_s = DEFAULT_COUNTDOWN
    assert countdown_s >= MIN_COUNTDOWN and countdown_s <= MAX_COUNTDOWN, \
        "m_token_vault: countdown out of bounds"
    self._config = (
        convert(payment_asset_, uint256)
        | (increment << _INCREMENT_SHIFT)
        | (threshold_percent_ << _THRESHOLD_SHIFT)
        | (countdown_s << _COUNTDOWN_SHIFT)
        | (1 << _ISSUED_SHIFT)
    )
    self.name = name_
    self.symbol = symbol_
    self.totalSupply = supply
    self.balanceOf[msg.sender] = supply
    log IMTokenVault.Transfer(sender=empty(address), receiver=msg.sender, value=supply)
    log IMTokenVault.Issued(
        creator=msg.sender,
        supply=supply,
        threshold_percent=threshold_percent_,
        payment_asset=payment_asset_,
        min_increment_bps=increment,
        countdown=countdown_s,
    )
