# pragma version ~=0.4.3
"""
@title Interactive ads: campaigns that pay consumers per proven interaction
@custom:contract-name AdCampaigns
@license GNU Affero General Public License v3.0 only
@notice CMDMAX interactive ads (SPEC.md "CMDMAX", 8.4). An advertiser funds a
        campaign in a listed asset with a `reward` per interaction and a
        `budget` (a whole number of rewards), open from `start` until before
        `end`. A consumer who proves an interaction is paid the reward in the
        same transaction ("withdrawn to the wallet immediately"), once per
        campaign. After `end` the advertiser withdraws what is left; never
        before, so a consumer who has committed can still reveal.

        Assets. The owner (the suite's timelock) keeps an allow-list:
        `set_asset_listed(asset, True)`. The native coin (ETH, BNB, OKT or
        MATIC) is listed at deployment; deployment lists the chain's USDT
        and CMDT (fivefold/ads/flow.py). Delisting stops new campaigns in
        the asset; existing campaigns still pay and withdraw.

        Proofs, two per campaign at the advertiser's choice (one or both):
        (a) Keyword (the seed's flow: the keyword is on the ad page). The
            campaign stores `keyword_hash = keccak256(k)` where
            `k = keccak256(normalized keyword)` (`fivefold.ads.model.keyword_digest`).
            The consumer first sends
            `commit(id, keccak256(abi.encode(id, consumer, k, salt)))`
            with a random `salt`, then, in a later block, `claim(id, k, salt)`.
            The commitment binds the consumer's address: a reveal copied
            from the mempool matches no commitment of the copier, and a
            commitment of its own must be in an earlier block than its
            reveal, so a keyword seen in a pending reveal cannot be used in
            that reveal's block. It proves knowledge of the keyword, not a
            unique person: see docs/ads.md's threat model.
        (b) Attestation: the campaign's `verifier` (an EOA, or a contract
            wallet through ERC-1271) signs the EIP-712
            `Attestation(uint256 campaign,address consumer,uint256 deadline)`;
            anyone may submit it, the reward goes to `consumer`. The domain
            (chain id, this contract) stops replay on another chain or
            deployment, the campaign id on another campaign, and the
            one-reward rule on this one.

        Phase, from timestamps alone (`_phase`): scheduled before `start`,
        live from `start` until before `end`, ended from `end`.

        Storage: per campaign a terms word (asset, start, end), a book word
        (left, reward, interactions), the advertiser with the budget, and
        the keyword hash and verifier each in their own slot, read only by
        their own proof. Per consumer and campaign one entry word: 0, a
        pending commitment (its top 192 bits and the commit's block
        number), or REWARDED.

        Money: nothing is divided. A claim pays exactly `reward` and takes
        exactly `reward` from `left`; `budget` is a multiple of `reward`, so
        no dust stays behind. Conservation, per campaign and wei-exact:
        budget = interactions * reward + left + withdrawn, and per asset
        this contract holds the sum of its campaigns' `left`.
@custom:security Claims follow checks-effects-interactions and take no lock
        (the entry is REWARDED and the book paid before the transfer; a
        receiver re-entering finds nothing more to take). `create` (it
        measures a balance around `transferFrom`) and `withdraw` take the
        reentrancy lock. A token that takes a fee on transfer is refused at
        funding ("token took a fee on transfer"), so every budget is held
        whole; tokens whose balances change on their own (rebasing) must
        not be listed.
@custom:kill The guardian or the owner pauses new campaigns (`pause`); the
        owner delists an asset. Nothing stops a proof or a withdrawal:
        funded budgets always reach consumers or return to their
        advertisers, and no one else can move them.
"""


from contracts.shared import asset_transfer
from contracts.shared import constants
from contracts.shared import guarded
from interfaces import IAdCampaigns
from interfaces import IPausable
from snekmate.utils import eip712_domain_separator
from snekmate.utils import signature_checker

implements: IAdCampaigns
implements: IPausable

initializes: guarded
initializes: eip712_domain_separator


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless AdCampaigns could never list a new asset, delist a broken one or
# name a guardian again.
# Emergency pause of new campaigns by the guardian; proofs and withdrawals stay open
# (contracts/shared/pausable.vy).
exports: (eip712_domain_separator.eip712Domain, guarded.__interface__)


# @dev Largest budget (and so reward) of a campaign: the book's 96-bit fields.
MAX_AMOUNT: constant(uint256) = 2**96 - 1
# @dev Most interactions a campaign may pay (budget / reward): the book's 32-bit counter.
MAX_INTERACTIONS: constant(uint256) = 2**32 - 1
# @dev A campaign ends at most this long after its creation.
MAX_DURATION: constant(uint256) = 365 * constants.DAY
# @dev `phase` values.
PHASE_NONE: constant(uint256) = 0
PHASE_SCHEDULED: constant(uint256) = 1
PHASE_LIVE: constant(uint256) = 2
PHASE_ENDED: constant(uint256) = 3
# @dev EIP-712 domain of the attestations.
_EIP712_NAME: constant(String[50]) = "fivefold AdCampaigns"
_EIP712_VERSION: constant(String[20]) = "1"
# @dev EIP-712 type hash of a verifier's attestation.
_ATTESTATION_TYPEHASH: constant(bytes32) = keccak256(
    "Attestation(uint256 campaign,address consumer,uint256 deadline)"
)

# Terms word (`_pack_terms`), from bit 0: asset (160) | start (40) | end (40)
_ASSET_MASK: constant(uint256) = constants.MASK_160
_START_SHIFT: constant(uint256) = 160
_START_MASK: constant(uint256) = constants.MASK_40
_END_SHIFT: constant(uint256) = 200
_END_MASK: constant(uint256) = constants.MASK_40

# Book word, from bit 0: left (96) | reward (96) | interactions (32)
_LEFT_MASK: constant(uint256) = 2**96 - 1
_REWARD_SHIFT: constant(uint256) = 96
_REWARD_MASK: constant(uint256) = 2**96 - 1
_INTERACTIONS_SHIFT: constant(uint256) = 192
_INTERACTIONS_MASK: constant(uint256) = constants.MASK_32
# @dev One interaction more, added to a book word (see `_pay_reward`).
_ONE_INTERACTION: constant(uint256) = 1 << _INTERACTIONS_SHIFT

# Advertiser word, from bit 0: advertiser (160) | budget (96)
_BUDGET_SHIFT: constant(uint256) = 160

# Entry word per (campaign, consumer): 0 = nothing; a commitment = its top 192 bits with the commit's
# block number in the low 64 bits; REWARDED = paid (no block number is 2**64 - 1).
_BLOCK_MASK: constant(uint256) = constants.MASK_64
_COMMITMENT_MASK: constant(uint256) = max_value(uint256) ^ constants.MASK_64
_REWARDED: constant(uint256) = max_value(uint256)


# @dev Terms word by campaign id (asset, start, end); 0 = no such campaign.
_terms: HashMap[uint256, uint256]
# @dev Book word by campaign id (left, reward, interactions): the one word a claim writes.
_books: HashMap[uint256, uint256]
# @dev Advertiser word by campaign id (advertiser, budget): read by `withdraw` and the views.
_advertisers: HashMap[uint256, uint256]
# @dev keccak256(keyword digest) by campaign id; empty: the campaign takes no keyword.
_keyword_hashes: HashMap[uint256, bytes32]
# @dev Attestation signer by campaign id; empty: the campaign takes no attestation.
_verifiers: HashMap[uint256, address]
# @dev Entry word by keccak256(abi.encode(id, consumer)) (see "Entry word" above): one key hash
#      serves the read and the write of a claim.
_entries: HashMap[bytes32, uint256]
# @dev How many campaigns were created; ids are 1 .. campaign_count.
campaign_count: public(uint256)
# @dev Assets new campaigns may be funded in (empty(address): the native coin).
_listed: HashMap[address, bool]


@deploy
def __init__(owner_: address):
    """
    @dev Deploys with the native coin listed; deployment lists the chain's
         ERC-20s.
    @param owner_ The governance account that lists assets; it holds
           ownership at once (no acceptance needed at deployment).
    """
    assert owner_ != empty(address), "ad_campaigns: zero owner"
    guarded.__init__(owner_)
    eip712_domain_separator.__init__(_EIP712_NAME, _EIP712_VERSION)
    self._listed[asset_transfer.NATIVE] = True
    log IAdCampaigns.AssetListed(asset=asset_transfer.NATIVE, listed=True)


@external
@payable
@nonreentrant
def create(
    asset: address,
    reward: uint256,
    budget: uint256,
    start: uint256,
    end: uint256,
    verifier: address,
    keyword_hash: bytes32,
) -> uint256:
    """
    @dev Funds a campaign and returns its id (1, 2, ...).
    @notice For the native coin pass `asset = empty(address)` and send
            `budget` as value; for an ERC-20 approve `budget` first. The
            whole budget must arrive: a token that takes a fee on
            transfer is refused. `start` may be in the past (live at
            once).
    @param asset A listed ERC-20, or empty(address) for the native coin.
    @param reward What each proven interaction pays (at least 1).
    @param budget What the campaign holds: a multiple of `reward`, at
           most MAX_INTERACTIONS rewards and MAX_AMOUNT.
    @param start Proofs are accepted from this timestamp ...
    @param end ... until before this one: after `start` and after now,
           at most MAX_DURATION from now.
    @param verifier Signs attestations (EOA or ERC-1271 wallet), or
           empty(address) for no attestation path.
    @param keyword_hash keccak256 of the keyword digest, or empty for no
           keyword path. At least one of the two paths must be set.
    @return uint256 The campaign id.
    """
    guarded.pausable._check_not_paused()
    assert self._listed[asset], "ad_campaigns: asset not listed"
    assert reward != 0, "ad_campaigns: zero reward"
    assert budget != 0, "ad_campaigns: zero budget"
    assert budget <= MAX_AMOUNT, "ad_campaigns: budget too large"
    # Exact: the budget must be a whole number of rewards, so no dust is ever left unpayable.
    assert budget % reward == 0, "ad_campaigns: budget not a multiple of the reward"
    assert budget // reward <= MAX_INTERACTIONS, "ad_campaigns: too many interactions"
    assert start < end, "ad_campaigns: start not before end"
    assert end > block.timestamp, "ad_campaigns: end in the past"
    assert end <= block.timestamp + MAX_DURATION, "ad_campaigns: end too far"
    assert verifier != empty(address) or keyword_hash != empty(bytes32), \
        "ad_campaigns: no proof of interaction"

    if asset == asset_transfer.NATIVE:
        assert msg.value == budget, "ad_campaigns: value differs from budget"
    else:
        assert msg.value == 0, "ad_campaigns: value sent with a token"
        received: uint256 = asset_transfer._pull(asset, msg.sender, budget)
        assert received == budget, "ad_campaigns: token took a fee on transfer"

    id: uint256 = self.campaign_count + 1
    self.campaign_count = id
    # start < end <= now + MAX_DURATION < 2**40: both fit their fields.
    self._terms[id] = convert(asset, uint256) | (start << _START_SHIFT) | (end << _END_SHIFT)
    self._books[id] = budget | (reward << _REWARD_SHIFT)
    self._advertisers[id] = convert(msg.sender, uint256) | (budget << _BUDGET_SHIFT)
    if keyword_hash != empty(bytes32):
        self._keyword_hashes[id] = keyword_hash
    if verifier != empty(address):
        self._verifiers[id] = verifier
    log IAdCampaigns.CampaignCreated(
        id=id,
        advertiser=msg.sender,
        asset=asset,
        reward=reward,
        budget=budget,
        start=start,
        end=end,
        verifier=verifier,
        keyword_hash=keyword_hash,
    )
    return id


@external
def commit(id: uint256, commitment: bytes32):
    """
    @dev Records the caller's commitment to campaign `id`'s keyword in
         this block (a new commitment replaces a pending one).
    @notice `commitment = keccak256(abi.encode(id, caller, k, salt))`
            (`commitment_of`), with `k` the keyword digest and `salt` a
            random secret: it reveals neither. Allowed before the start
            and while live; reveal with `claim` in a later block.
    @param id The campaign.
    @param commitment The commitment.
    """
    terms: uint256 = self._terms[id]
    assert terms != 0, "ad_campaigns: no such campaign"
    assert block.timestamp < (terms >> _END_SHIFT) & _END_MASK, "ad_campaigns: campaign ended"
    assert self._keyword_hashes[id] != empty(bytes32), "ad_campaigns: campaign takes no keyword"
    key: bytes32 = keccak256(abi_encode(id, msg.sender))
    assert self._entries[key] != _REWARDED, "ad_campaigns: already rewarded"
    self._entries[key] = (convert(commitment, uint256) & _COMMITMENT_MASK) | block.number
    log IAdCampaigns.Committed(id=id, consumer=msg.sender)


@external
def claim(id: uint256, keyword: bytes32, salt: bytes32) -> uint256:
    """
    @dev Reveals the keyword the caller committed to in an earlier block
         and pays it the campaign's reward.
    @param id The campaign (live).
    @param keyword The keyword digest `k` (keccak256 of the normalized
           keyword).
    @param salt The salt of the caller's commitment.
    @return uint256 The reward paid.
    """
    terms: uint256 = self._check_live(id)
    keyword_hash: bytes32 = self._keyword_hashes[id]
    assert keyword_hash != empty(bytes32), "ad_campaigns: campaign takes no keyword"
    assert keccak256(keyword) == keyword_hash, "ad_campaigns: wrong keyword"
    key: bytes32 = keccak256(abi_encode(id, msg.sender))
    entry: uint256 = self._entries[key]
    assert entry != _REWARDED, "ad_campaigns: already rewarded"
    assert entry != 0, "ad_campaigns: no commitment"
    # The commitment must be older than this block: a keyword first seen in a pending reveal cannot
    # be committed to and revealed in the block that mines that reveal.
    assert entry & _BLOCK_MASK < block.number, "ad_campaigns: commitment in this block"
    expected: uint256 = convert(keccak256(abi_encode(id, msg.sender, keyword, salt)), uint256)
    assert entry & _COMMITMENT_MASK == expected & _COMMITMENT_MASK, \
        "ad_campaigns: reveal does not match the commitment"
    return self._pay_reward(id, terms, key, msg.sender, False)


@external
def claim_attested(id: uint256, consumer: address, deadline: uint256, signature: Bytes[65]) -> uint256:
    """
    @dev Pays `consumer` the campaign's reward on its verifier's
         attestation. Anyone may submit it (a relayer pays the gas); the
         reward goes to `consumer` alone.
    @param id The campaign (live).
    @param consumer Who interacted, as the verifier attested.
    @param deadline The attestation is refused after this timestamp.
    @param signature The verifier's 65- or 64-byte (EIP-2098) signature
           of `attestation_digest(id, consumer, deadline)`, or an ERC-1271
           signature of a contract verifier.
    @return uint256 The reward paid.
    """
    terms: uint256 = self._check_live(id)
    assert block.timestamp <= deadline, "ad_campaigns: attestation expired"
    verifier: address = self._verifiers[id]
    assert verifier != empty(address), "ad_campaigns: campaign takes no attestation"
    key: bytes32 = keccak256(abi_encode(id, consumer))
    assert self._entries[key] != _REWARDED, "ad_campaigns: already rewarded"
    digest: bytes32 = self._attestation_digest(id, consumer, deadline)
    assert signature_checker._is_valid_signature_now(verifier, digest, signature), "ad_campaigns: bad attestation"
    return self._pay_reward(id, terms, key, consumer, True)


@external
@nonreentrant
def withdraw(id: uint256) -> uint256:
    """
    @dev Sends what is left of the caller's campaign back to it, once the
         campaign has ended.
    @param id The campaign.
    @return uint256 The amount withdrawn.
    """
    advertiser: address = convert(self._advertisers[id] & constants.MASK_160, address)
    assert advertiser != empty(address), "ad_campaigns: no such campaign"
    assert msg.sender == advertiser, "ad_campaigns: caller is not the advertiser"
    terms: uint256 = self._terms[id]
    assert block.timestamp >= (terms >> _END_SHIFT) & _END_MASK, "ad_campaigns: campaign not ended"
    book: uint256 = self._books[id]
    left: uint256 = book & _LEFT_MASK
    assert left != 0, "ad_campaigns: nothing left"
    # Clears the left field alone: reward and interactions stay for the statistics.
    self._books[id] = unsafe_sub(book, left)
    log IAdCampaigns.Withdrawn(id=id, advertiser=advertiser, amount=left)
    asset_transfer._pay(convert(terms & _ASSET_MASK, address), advertiser, left)
    return left


@external
def set_asset_listed(asset: address, listed: bool):
    """
    @dev Lists or delists an asset for new campaigns.
    @notice Only the owner (a proposal in the deployed suite). List only
            tokens that deliver what is sent and whose balances change only
            by transfers; delisting leaves existing campaigns as they are.
    @param asset The ERC-20, or empty(address) for the native coin.
    @param listed True to accept new campaigns in `asset`.
    """
    guarded.owner_2step.ownable._check_owner()
    self._listed[asset] = listed
    log IAdCampaigns.AssetListed(asset=asset, listed=listed)


@external
@view
def is_listed(asset: address) -> bool:
    """
    @dev Whether new campaigns may be funded in `asset`.
    @param asset The ERC-20, or empty(address) for the native coin.
    @return bool True if listed.
    """
    return self._listed[asset]


@external
@view
def campaign(id: uint256) -> IAdCampaigns.Campaign:
    """
    @dev A campaign's terms, book and phase now.
    @param id The campaign.
    @return IAdCampaigns.Campaign All zero if there is no such campaign.
    """
    terms: uint256 = self._terms[id]
    book: uint256 = self._books[id]
    word: uint256 = self._advertisers[id]
    return IAdCampaigns.Campaign(
        advertiser=convert(word & constants.MASK_160, address),
        asset=convert(terms & _ASSET_MASK, address),
        reward=(book >> _REWARD_SHIFT) & _REWARD_MASK,
        budget=word >> _BUDGET_SHIFT,
        left=book & _LEFT_MASK,
        interactions=(book >> _INTERACTIONS_SHIFT) & _INTERACTIONS_MASK,
        start=(terms >> _START_SHIFT) & _START_MASK,
        end=(terms >> _END_SHIFT) & _END_MASK,
        verifier=self._verifiers[id],
        keyword_hash=self._keyword_hashes[id],
        phase=self._phase(terms),
    )


@external
@view
def stats(id: uint256) -> IAdCampaigns.Stats:
    """
    @dev A campaign's statistics: what an advertiser's dashboard shows.
    @param id The campaign.
    @return IAdCampaigns.Stats Consumers rewarded, amount paid
            (interactions * reward, exact) and amount still payable.
    """
    book: uint256 = self._books[id]
    interactions: uint256 = (book >> _INTERACTIONS_SHIFT) & _INTERACTIONS_MASK
    return IAdCampaigns.Stats(
        interactions=interactions,
        paid=interactions * ((book >> _REWARD_SHIFT) & _REWARD_MASK),
        left=book & _LEFT_MASK,
    )


@external
@view
def phase(id: uint256) -> uint256:
    """
    @dev A campaign's phase now, from its timestamps alone.
    @param id The campaign.
    @return uint256 PHASE_NONE (0), PHASE_SCHEDULED (1), PHASE_LIVE (2)
            or PHASE_ENDED (3).
    """
    return self._phase(self._terms[id])


@external
@view
def is_rewarded(id: uint256, consumer: address) -> bool:
    """
    @dev Whether `consumer` was paid by campaign `id` (it never can be again).
    @param id The campaign.
    @param consumer The consumer.
    @return bool True once rewarded.
    """
    return self._entries[keccak256(abi_encode(id, consumer))] == _REWARDED


@external
@view
def commitment_block(id: uint256, consumer: address) -> uint256:
    """
    @dev The block number of `consumer`'s pending commitment in campaign
         `id`: a reveal is accepted in any later block.
    @param id The campaign.
    @param consumer The consumer.
    @return uint256 The block number; 0 if there is none (or it was revealed).
    """
    entry: uint256 = self._entries[keccak256(abi_encode(id, consumer))]
    if entry == _REWARDED:
        return 0
    return entry & _BLOCK_MASK


@external
@pure
def commitment_of(id: uint256, consumer: address, keyword: bytes32, salt: bytes32) -> bytes32:
    """
    @dev The commitment `consumer` sends to `commit` (a dApp may compute it
         off-chain instead: `fivefold.ads.model.commitment`).
    @param id The campaign.
    @param consumer The consumer (the commitment is worthless to anyone else).
    @param keyword The keyword digest.
    @param salt The consumer's random salt.
    @return bytes32 keccak256(abi.encode(id, consumer, keyword, salt)).
    """
    return keccak256(abi_encode(id, consumer, keyword, salt))


@external
@view
def attestation_digest(id: uint256, consumer: address, deadline: uint256) -> bytes32:
    """
    @dev The EIP-712 digest of `Attestation(campaign, consumer, deadline)` in
         this contract's domain: what a verifier signs.
    @param id The campaign.
    @param consumer The consumer.
    @param deadline The last timestamp at which it is accepted.
    @return bytes32 The digest.
    """
    return self._attestation_digest(id, consumer, deadline)


@internal
@view
def _check_live(id: uint256) -> uint256:
    """
    @dev Reverts unless campaign `id` exists and is live.
    @param id The campaign.
    @return uint256 Its terms word.
    """
    terms: uint256 = self._terms[id]
    assert terms != 0, "ad_campaigns: no such campaign"
    assert block.timestamp >= (terms >> _START_SHIFT) & _START_MASK, "ad_campaigns: campaign not started"
    assert block.timestamp < (terms >> _END_SHIFT) & _END_MASK, "ad_campaigns: campaign ended"
    return terms


@internal
def _pay_reward(id: uint256, terms: uint256, key: bytes32, consumer: address, attested: bool) -> uint256:
    """
    @dev The effects and the payment of a proven interaction.
    @param id The campaign.
    @param terms Its terms word (the asset).
    @param key The consumer's entry key.
    @param consumer Who is paid.
    @param attested Which proof it was (for the event).
    @return uint256 The reward paid.
    """
    book: uint256 = self._books[id]
    reward: uint256 = (book >> _REWARD_SHIFT) & _REWARD_MASK
    # `left` is a multiple of `reward`: it covers one more reward or is zero.
    assert book & _LEFT_MASK >= reward, "ad_campaigns: budget spent"
    self._entries[key] = _REWARDED
    # A field-wise update: `reward <= left`, and interactions stay at most budget / reward <=
    # MAX_INTERACTIONS, so neither field borrows from or carries into its neighbour.
    self._books[id] = unsafe_add(unsafe_sub(book, reward), _ONE_INTERACTION)
    log IAdCampaigns.Rewarded(id=id, consumer=consumer, amount=reward, attested=attested)
    asset_transfer._pay(convert(terms & _ASSET_MASK, address), consumer, reward)
    return reward


@internal
@view
def _attestation_digest(id: uint256, consumer: address, deadline: uint256) -> bytes32:
    """
    @dev The EIP-712 digest of an attestation.
    @param id The campaign.
    @param consumer The consumer.
    @param deadline The deadline.
    @return bytes32 The digest.
    """
    return eip712_domain_separator._hash_typed_data_v4(
        keccak256(abi_encode(_ATTESTATION_TYPEHASH, id, consumer, deadline))
    )


@internal
@view
def _phase(terms: uint256) -> uint256:
    """
    @dev The phase of a campaign with terms word `terms`, now.
    @param terms The terms word (0: no such campaign).
    @return uint256 The phase.
    """
    if terms == 0:
        return PHASE_NONE
    if block.timestamp < (terms >> _START_SHIFT) & _START_MASK:
        return PHASE_SCHEDULED
    if block.timestamp < (terms >> _END_SHIFT) & _END_MASK:
        return PHASE_LIVE
    return PHASE_ENDED
