# pragma version ~=0.4.3
"""
@title Governance staking: checkpointed voting power and staking income
@custom:contract-name Staking
@license GNU Affero General Public License v3.0 only
@notice One instance per governance token: CC for the CloudChat DAO, HPC
        for the Smart DAO (`stake_token` is an immutable).

        Weight. An account's own weight is
          W_a = staked tokens (1 token unit = 1 vote unit)
              + the weights its staked NFTs were staked with
              + the weight its DAO identity was issued with.
        A collection's weight and the identity weight are set by the
        owner (governance); the weight in force when an NFT is staked or
        an identity issued is recorded with it, so a later change never
        breaks unstaking: it applies to NFTs staked and identities issued
        afterwards, while NFTs already staked keep their weight until
        their staker unstakes and stakes them again (which takes the new
        weight, up or down) and identities keep theirs until revoked and
        re-issued. Delisting a collection (weight 0) stops new stakes
        only. Only staked tokens earn income; NFTs and identities carry
        vote weight only.

        Votes (ERC-5805, interfaces/IVotes.vyi; clock = block.timestamp).
        Every account's weight counts for its delegatee, itself by
        default (no transaction needed to vote). With
          in_d  = sum of W_a over accounts a that delegate to d and are
                  not excluded ("delegated in", kept per account)
          votes_d = 0 if d is excluded, else in_d
          total   = sum of votes_d over all d
        every change of a weight, a delegation or an exclusion updates
        in_d and writes votes_d and the total into their checkpoints: O(1),
        whatever the number of delegators. Exclusion (exchanges) takes the
        account's own weight out of its delegatee's in_d and writes 0 as
        its votes from now on; earlier checkpoints, and so every snapshot
        already taken, are untouched. Hence at every timepoint
          sum_d getPastVotes(d, t) == getPastTotalSupply(t)
              == total weight - (weight of excluded accounts
                                 + weight delegated to them).
        Excluded accounts still earn income on their staked tokens.

        Checkpoints (contracts/shared/checkpoints.vy, shared with the
        node pools). Per account (and for the total) a head word holds
        the latest checkpoint; older ones move to the module's history
        array, one word each (value 208 bits | timestamp 48), when a
        change lands in a later second. A read at timepoint t returns the
        value of the last checkpoint written at or before t: the head
        first (the usual case for a running vote, as OpenZeppelin's
        `upperLookupRecent`), then a binary search of the history, at
        most `checkpoints.MAX_SEARCH_STEPS` steps (counts here are below
        2**47). Two changes in one second overwrite that second's
        checkpoint, so power gained in the second of a snapshot never
        counts at an earlier timepoint, and past reads require
        t < clock().

        Storage, packed by hand:
          account word = delegatee (160 bits; empty = itself)
                         | staked tokens (96)
          head word    = in_d (160) | latest checkpoint's second (48)
                         | checkpoint count (47) | excluded (1)
        The latest checkpoint's value is not stored: it is in_d, or 0
        while d is excluded. NFT and identity weight ("extra") sits in a
        slot of its own, off the token staking path. The
        total's head and history live under the key `_TOTAL` (the zero
        address, which never stakes and can never be delegated to).
        Staked tokens are bounded by 2**96 - 1 wei in total (the
        accumulator's share limit), so every sum of weights fits.
@custom:security Tokens and NFTs move after the state is written
        (checks-effects-interactions). The stake token and the listed
        collections are trusted (listed by governance), so no lock.
        NFTs are pulled with `transferFrom`, never `safeTransferFrom`, so
        no receiver hook runs here.
@custom:kill Nothing stops unstaking or claiming: they are the stakers'
        assets. In an emergency the owner sets the reward rate to 0
        (income stops streaming; earned income stays claimable),
        delists collections (weight 0) and excludes abusive accounts.
        Ownership moves in two steps and cannot be renounced.
"""


from ethereum.ercs import IERC721

from contracts.shared import asset_transfer
from contracts.shared import checkpoints
from contracts.shared import constants
from contracts.shared import governed
from contracts.shared import reward_accumulator
from contracts.shared import tunable
from interfaces import IPausable
from interfaces import IStaking
from interfaces import IVotes
from snekmate.utils import ecdsa
from snekmate.utils import eip712_domain_separator

implements: IStaking
implements: IPausable
implements: IVotes

initializes: governed
initializes: reward_accumulator[tunable := tunable]  # the `tunable` the wiring module initializes
initializes: eip712_domain_separator
initializes: checkpoints


exports: (
    # The funded reward stream: its views and `set_reward_rate`, guarded by the
    # parameter registry's writer check (contracts/shared/reward_accumulator.vy).
    reward_accumulator.__interface__,
    eip712_domain_separator.eip712Domain,
    # ERC-6372 clock (contracts/shared/checkpoints.vy).
    checkpoints.clock,
    checkpoints.CLOCK_MODE,
    # Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
    # not exported: an ownerless staking contract could never list a collection, exclude an
    # exchange or set the income rate again.
    # Tunable numbers: once the parameter registry is named, it alone sets them
    # (contracts/shared/tunable.vy).
    # Emergency pause of new deposits and creations by the guardian; ways out stay open
    # (contracts/shared/pausable.vy).
    governed.__interface__,
)


# @dev Largest weight of one NFT or identity, in vote units (1.2 million tokens of 18 decimals).
MAX_WEIGHT: constant(uint256) = 2**80
# @dev Largest NFT and identity weight of one account, in vote units.
MAX_EXTRA: constant(uint256) = 2**96 - 1
# @dev The key of the total's head word and history.
_TOTAL: constant(address) = empty(address)
# @dev EIP-712 type hash of a delegation signature.
_DELEGATION_TYPEHASH: constant(bytes32) = keccak256(
    "Delegation(address delegatee,uint256 nonce,uint256 expiry)"
)

# Account word: delegatee | staked tokens.
_DELEGATEE_MASK: constant(uint256) = constants.MASK_160
_STAKED_SHIFT: constant(uint256) = 160
# Head word: delegated in | latest checkpoint's second | count | excluded.
_IN_MASK: constant(uint256) = constants.MASK_160
_TIME_SHIFT: constant(uint256) = 160
_TIME_MASK: constant(uint256) = constants.MASK_48
_COUNT_SHIFT: constant(uint256) = 208
_COUNT_MASK: constant(uint256) = 2**47 - 1
_EXCLUDED_SHIFT: constant(uint256) = 255
# NFT stake: staker | weight.
_STAKER_MASK: constant(uint256) = constants.MASK_160
_WEIGHT_SHIFT: constant(uint256) = 160


# @dev An account word unpacked.
struct Account:
    # the stored field: empty means the account itself
    delegatee: address
    staked: uint256


# @dev A head word unpacked.
struct Head:
    delegated_in: uint256
    time: uint256
    count: uint256
    excluded: bool


# @dev The staked governance token, fixed at deployment.
stake_token: public(immutable(address))

# @dev Account words (see the notice).
_accounts: HashMap[address, uint256]
# @dev NFT and identity weight per account.
_extra: HashMap[address, uint256]
# @dev Head words (see the notice); `_TOTAL` holds the total's.
_heads: HashMap[address, uint256]
# @dev Staked NFTs: collection -> token id -> staker | weight.
_nfts: HashMap[address, HashMap[uint256, uint256]]
# @dev The weight each account's identity was issued with.
identity_weight_of: public(HashMap[address, uint256])
# @dev The weight of every staked NFT and issued identity together.
total_extra_weight: public(uint256)
# @dev Vote weight per NFT of each listed collection (0: not listed).
collection_weight: public(HashMap[address, uint256])
# @dev Vote weight of identities issued from now on.
identity_weight: public(uint256)
# @dev The DAO identity contract (empty: none, as for the HPC instance).
identity_contract: public(address)
# @dev Next `delegateBySig` nonce per signer.
nonces: public(HashMap[address, uint256])


@deploy
def __init__(
    stake_token_: address,
    reward_token_: address,
    owner_: address,
    name_eip712_: String[50],
    version_eip712_: String[20],
):
    """
    @dev Fixes the tokens and the owner; nothing is listed, the rate is 0.
    @param stake_token_ The governance token staked (CC or HPC).
    @param reward_token_ The token income is paid in.
    @param owner_ The owner (governance).
    @param name_eip712_ The EIP-712 domain name of delegation signatures.
    @param version_eip712_ The EIP-712 domain version.
    """
    assert stake_token_ != empty(address), "staking: zero stake token"
    assert reward_token_ != empty(address), "staking: zero reward token"
    assert owner_ != empty(address), "staking: zero owner"
    stake_token = stake_token_
    governed.__init__(owner_)
    reward_accumulator.__init__(reward_token_)
    eip712_domain_separator.__init__(name_eip712_, version_eip712_)


# Staking


@external
def stake(amount: uint256):
    """
    @notice Stakes `amount` of the stake token (approved beforehand): one
            token unit is one vote unit, for the caller's delegatee from
            now on, and earns income from now on.
    @param amount The amount, in wei (all stakes together stay below
           2**96).
    """
    governed.pausable._check_not_paused()
    assert amount != 0, "staking: zero amount"
    a: Account = self._unpack_account(self._accounts[msg.sender])
    # The accumulator bounds the total (and so every stake) by 2**96 - 1.
    reward_accumulator._deposit(msg.sender, a.staked, amount)
    a.staked += amount
    self._accounts[msg.sender] = self._pack_account(a)
    self._shift_own(msg.sender, a.delegatee, amount, True)
    log IStaking.Staked(account=msg.sender, amount=amount)
    asset_transfer._pull_exact(stake_token, msg.sender, amount)


@external
def unstake(amount: uint256):
    """
    @notice Returns `amount` of the caller's staked tokens; their votes
            end now, income earned so far stays claimable.
    @param amount The amount, in wei.
    """
    assert amount != 0, "staking: zero amount"
    a: Account = self._unpack_account(self._accounts[msg.sender])
    assert a.staked >= amount, "staking: amount above stake"
    reward_accumulator._withdraw(msg.sender, a.staked, amount)
    a.staked -= amount
    self._accounts[msg.sender] = self._pack_account(a)
    self._shift_own(msg.sender, a.delegatee, amount, False)
    log IStaking.Unstaked(account=msg.sender, amount=amount)
    asset_transfer._pay_token(stake_token, msg.sender, amount)


@external
def stake_nft(collection: address, token_id: uint256):
    """
    @notice Stakes an NFT of a listed collection (approved beforehand)
            for the collection's weight now, recorded with the NFT. NFTs
            carry vote weight only, no income.
    @param collection The ERC-721 collection.
    @param token_id The NFT.
    """
    governed.pausable._check_not_paused()
    weight: uint256 = self.collection_weight[collection]
    assert weight != 0, "staking: collection not listed"
    self._nfts[collection][token_id] = convert(msg.sender, uint256) | (weight << _WEIGHT_SHIFT)
    self._add_extra(msg.sender, weight, True)
    log IStaking.NftStaked(account=msg.sender, collection=collection, token_id=token_id, weight=weight)
    extcall IERC721(collection).transferFrom(msg.sender, self, token_id)


@external
def unstake_nft(collection: address, token_id: uint256):
    """
    @notice Returns a staked NFT to its staker and removes the weight it
            was staked with (whatever the collection's weight is now).
    @param collection The ERC-721 collection.
    @param token_id The NFT.
    """
    word: uint256 = self._nfts[collection][token_id]
    assert word & _STAKER_MASK == convert(msg.sender, uint256), "staking: not the staker"
    weight: uint256 = word >> _WEIGHT_SHIFT
    self._nfts[collection][token_id] = 0
    self._add_extra(msg.sender, weight, False)
    log IStaking.NftUnstaked(account=msg.sender, collection=collection, token_id=token_id, weight=weight)
    extcall IERC721(collection).transferFrom(self, msg.sender, token_id)


@external
def on_identity_issued(account: address):
    """
    @notice Only the identity contract: `account` received a DAO identity
            and gets the identity weight now in force (recorded).
    @param account The new member.
    """
    assert msg.sender == self.identity_contract, "staking: caller is not the identity contract"
    assert self.identity_weight_of[account] == 0, "staking: identity already counted"
    weight: uint256 = self.identity_weight
    self.identity_weight_of[account] = weight
    self._add_extra(account, weight, True)
    log IStaking.IdentityWeightChanged(account=account, weight=weight)


@external
def on_identity_revoked(account: address):
    """
    @notice Only the identity contract: `account`'s identity was revoked;
            the weight it was issued with is removed.
    @param account The former member.
    """
    assert msg.sender == self.identity_contract, "staking: caller is not the identity contract"
    weight: uint256 = self.identity_weight_of[account]
    self.identity_weight_of[account] = 0
    self._add_extra(account, weight, False)
    log IStaking.IdentityWeightChanged(account=account, weight=0)


# Income


@external
def claim() -> uint256:
    """
    @notice Pays the caller the income it has earned.
    @return uint256 The amount paid, in wei of the reward token.
    """
    staked: uint256 = self._accounts[msg.sender] >> _STAKED_SHIFT
    return reward_accumulator._claim(msg.sender, staked, msg.sender)


@external
def fund(amount: uint256):
    """
    @notice Adds `amount` of the reward token (approved beforehand) to the
            income budget: the Ecosystem allocation's way in. Anyone may
            fund; income streams only out of what was funded.
    @param amount The amount, in wei.
    """
    assert amount != 0, "staking: zero amount"
    reward_accumulator._fund(msg.sender, amount)


# Governance setters: one tunable each (the parameter registry will call them); the income
# rate's, `set_reward_rate`, is `reward_accumulator`'s (exported above).


@external
def set_collection_weight(collection: address, weight: uint256):
    """
    @notice Only the owner: lists `collection` with `weight` vote units
            per NFT staked from now on (0 delists it; NFTs already staked
            keep the weight they were staked with).
    @param collection The ERC-721 collection.
    @param weight The weight, in vote units (at most `MAX_WEIGHT`).
    """
    governed.tunable._check_writer()
    assert collection != empty(address), "staking: zero collection"
    assert weight <= MAX_WEIGHT, "staking: weight above the limit"
    self.collection_weight[collection] = weight
    log IStaking.CollectionWeightSet(collection=collection, weight=weight)


@external
def set_identity_weight(weight: uint256):
    """
    @notice Only the owner: the weight of identities issued from now on
            (issued ones keep theirs until revoked).
    @param weight The weight, in vote units (at most `MAX_WEIGHT`).
    """
    governed.tunable._check_writer()
    assert weight <= MAX_WEIGHT, "staking: weight above the limit"
    self.identity_weight = weight
    log IStaking.IdentityWeightSet(weight=weight)


@external
def set_identity_contract(identity: address):
    """
    @notice Only the owner: the DAO identity contract allowed to report
            issued and revoked identities (empty: none).
    @param identity The contract.
    """
    governed.owner_2step.ownable._check_owner()
    self.identity_contract = identity
    log IStaking.IdentityContractSet(identity=identity)


@external
def set_excluded(account: address, excluded: bool):
    """
    @notice Only the owner: puts `account` on the exclusion list (its own
            weight counts for nobody and what is delegated to it counts
            zero) or takes it off, with effect from now on: past
            checkpoints, and so running votes, keep their values.
    @param account The account (an exchange's).
    @param excluded True to exclude, False to include again.
    """
    governed.owner_2step.ownable._check_owner()
    assert account != _TOTAL, "staking: zero account"
    assert self._unpack_head(self._heads[account]).excluded != excluded, "staking: exclusion unchanged"
    a: Account = self._unpack_account(self._accounts[account])
    own: uint256 = a.staked + self._extra[account]
    if excluded:
        # Own weight out of the delegatee first (still counted), then its votes to zero.
        self._shift_own(account, a.delegatee, own, False)
        h: Head = self._unpack_head(self._heads[account])
        self._heads[account] = self._write(account, h, h.delegated_in, True)
        self._change_total(h.delegated_in, False)
    else:
        h: Head = self._unpack_head(self._heads[account])
        self._heads[account] = self._write(account, h, h.delegated_in, False)
        self._change_total(h.delegated_in, True)
        self._shift_own(account, a.delegatee, own, True)
    log IStaking.ExclusionSet(account=account, excluded=excluded)


# Delegation


@external
def delegate(delegatee: address):
    """
    @notice Counts the caller's weight for `delegatee` from now on.
    @param delegatee Whom to count for (the caller itself to undo).
    """
    self._delegate(msg.sender, delegatee)


@external
def delegateBySig(
    delegatee: address,
    nonce: uint256,
    expiry: uint256,
    v: uint8,
    r: bytes32,
    s: bytes32,
):
    """
    @notice `delegate` on behalf of the signer of the EIP-712 message
            `Delegation(address delegatee,uint256 nonce,uint256 expiry)`
            in this contract's domain (`eip712Domain`).
    @param delegatee Whom the signer's weight counts for.
    @param nonce The signer's next nonce (`nonces`).
    @param expiry The last second the signature is valid.
    @param v The signature's recovery byte.
    @param r The signature's r.
    @param s The signature's s.
    """
    assert block.timestamp <= expiry, "staking: signature expired"
    digest: bytes32 = eip712_domain_separator._hash_typed_data_v4(
        keccak256(abi_encode(_DELEGATION_TYPEHASH, delegatee, nonce, expiry))
    )
    signer: address = ecdsa._recover_vrs(
        digest, convert(v, uint256), convert(r, uint256), convert(s, uint256)
    )
    assert nonce == self.nonces[signer], "staking: invalid nonce"
    self.nonces[signer] = nonce + 1
    self._delegate(signer, delegatee)


# Views


@external
@view
def getVotes(account: address) -> uint256:
    """
    @notice The voting power `account` holds now.
    @param account The account.
    @return uint256 The votes, in vote units.
    """
    if account == _TOTAL:
        return 0
    return self._value(self._unpack_head(self._heads[account]))


@external
@view
def getPastVotes(account: address, timepoint: uint256) -> uint256:
    """
    @notice The voting power `account` held at `timepoint`: the value
            after the last change at or before it.
    @param account The account.
    @param timepoint A timestamp strictly before `clock()`.
    @return uint256 The votes, in vote units.
    """
    assert timepoint < block.timestamp, "staking: timepoint not yet past"
    if account == _TOTAL:
        return 0
    h: Head = self._unpack_head(self._heads[account])
    return checkpoints._lookup(account, self._value(h), h.time, h.count, timepoint)


@external
@view
def getPastTotalSupply(timepoint: uint256) -> uint256:
    """
    @notice The sum of every account's voting power at `timepoint`.
    @param timepoint A timestamp strictly before `clock()`.
    @return uint256 The total, in vote units.
    """
    assert timepoint < block.timestamp, "staking: timepoint not yet past"
    h: Head = self._unpack_head(self._heads[_TOTAL])
    return checkpoints._lookup(_TOTAL, self._value(h), h.time, h.count, timepoint)


@external
@view
def delegates(account: address) -> address:
    """
    @notice Whom `account`'s weight counts for: itself unless it delegated.
    @param account The account.
    @return address The delegatee.
    """
    return self._delegatee_of(account, self._unpack_account(self._accounts[account]).delegatee)


@external
@view
def numCheckpoints(account: address) -> uint256:
    """
    @notice How many checkpoints `account`'s votes have (`empty(address)`:
            the total's).
    @param account The account.
    @return uint256 The count.
    """
    return self._unpack_head(self._heads[account]).count


@external
@view
def staked(account: address) -> uint256:
    """
    @notice The stake token `account` has staked (its income shares).
    @param account The account.
    @return uint256 The amount, in wei.
    """
    return self._accounts[account] >> _STAKED_SHIFT


@external
@view
def earned(account: address) -> uint256:
    """
    @notice The income `account` could claim now.
    @param account The account.
    @return uint256 The amount, in wei of the reward token.
    """
    return reward_accumulator._earned(account, self._accounts[account] >> _STAKED_SHIFT)


@external
@view
def apy() -> uint256:
    """
    @notice The current annual income per staked token, scaled by 1e18:
            rate * YEAR * WAD // total staked (0 when nothing is staked
            or the budget is spent). CC staked for CC income, so it is a
            yield.
    @return uint256 The annual rate (1e18 = 100%).
    """
    return reward_accumulator._apy()


@external
@view
def weight_of(account: address) -> uint256:
    """
    @notice `account`'s own weight: staked tokens + NFT weights + identity
            weight, whether or not it counts for anybody.
    @param account The account.
    @return uint256 The weight, in vote units.
    """
    return (self._accounts[account] >> _STAKED_SHIFT) + self._extra[account]


@external
@view
def delegated_in(account: address) -> uint256:
    """
    @notice The weight delegated to `account` by accounts not excluded
            (its votes unless it is excluded itself).
    @param account The account.
    @return uint256 The weight, in vote units.
    """
    return self._unpack_head(self._heads[account]).delegated_in


@external
@view
def excluded(account: address) -> bool:
    """
    @notice Whether `account` is on the exclusion list.
    @param account The account.
    @return bool True if excluded.
    """
    return self._unpack_head(self._heads[account]).excluded


@external
@view
def nft_stake(collection: address, token_id: uint256) -> (address, uint256):
    """
    @notice Who staked an NFT and the weight recorded with it.
    @param collection The ERC-721 collection.
    @param token_id The NFT.
    @return staker The staker (empty: not staked).
    @return weight The weight it was staked with.
    """
    word: uint256 = self._nfts[collection][token_id]
    return convert(word & _STAKER_MASK, address), word >> _WEIGHT_SHIFT


# Internal: packing


@internal
@pure
def _unpack_account(word: uint256) -> Account:
    """
    @dev An account word as a struct (the delegatee field as stored).
    @param word The packed word.
    @return Account Its fields.
    """
    return Account(delegatee=convert(word & _DELEGATEE_MASK, address), staked=word >> _STAKED_SHIFT)


@internal
@pure
def _pack_account(a: Account) -> uint256:
    """
    @dev A struct as an account word.
    @param a The fields (each within its width).
    @return uint256 The packed word.
    """
    return convert(a.delegatee, uint256) | (a.staked << _STAKED_SHIFT)


@internal
@pure
def _unpack_head(word: uint256) -> Head:
    """
    @dev A head word as a struct.
    @param word The packed word.
    @return Head Its fields.
    """
    return Head(
        delegated_in=word & _IN_MASK,
        time=(word >> _TIME_SHIFT) & _TIME_MASK,
        count=(word >> _COUNT_SHIFT) & _COUNT_MASK,
        excluded=(word >> _EXCLUDED_SHIFT) != 0,
    )


@internal
@pure
def _pack_head(h: Head) -> uint256:
    """
    @dev A struct as a head word.
    @param h The fields (each within its width).
    @return uint256 The packed word.
    """
    return (
        h.delegated_in
        | (h.time << _TIME_SHIFT)
        | (h.count << _COUNT_SHIFT)
        | (convert(h.excluded, uint256) << _EXCLUDED_SHIFT)
    )


# Internal: votes


@internal
@pure
def _delegatee_of(account: address, stored: address) -> address:
    """
    @dev The delegatee from an account word's field: empty means itself.
    @param account The account.
    @param stored The account word's delegatee field.
    @return address The delegatee.
    """
    if stored == empty(address):
        return account
    return stored


@internal
@pure
def _value(h: Head) -> uint256:
    """
    @dev The value of the latest checkpoint a head describes: what is
         delegated in, or 0 while excluded.
    @param h The head.
    @return uint256 The votes.
    """
    if h.excluded:
        return 0
    return h.delegated_in


@internal
def _write(key: address, h: Head, delegated_in: uint256, excluded: bool) -> uint256:
    """
    @dev The new head word of `key` with `delegated_in` and `excluded` as
         of now: a change in a later second first moves the latest
         checkpoint into the history; one in the same second overwrites
         it. Logs the change of an account's votes if there is one. The
         caller stores the word.
    @param key An account, or `_TOTAL`.
    @param h The key's head before the change.
    @param delegated_in The new amount delegated in (the total's value).
    @param excluded The new exclusion flag.
    @return uint256 The packed head word to store.
    """
    previous: uint256 = self._value(h)
    count: uint256 = checkpoints._push(key, previous, h.time, h.count)
    new: Head = Head(delegated_in=delegated_in, time=block.timestamp, count=count, excluded=excluded)
    votes: uint256 = self._value(new)
    if key != _TOTAL and votes != previous:
        log IVotes.DelegateVotesChanged(delegate=key, previousVotes=previous, newVotes=votes)
    return self._pack_head(new)


@internal
def _change_total(amount: uint256, increase: bool):
    """
    @dev Adds `amount` to (or removes it from) the total's checkpoints.
    @param amount The change, in vote units (0 writes nothing).
    @param increase True to add.
    """
    if amount == 0:
        return
    h: Head = self._unpack_head(self._heads[_TOTAL])
    total: uint256 = h.delegated_in
    if increase:
        total += amount
    else:
        total -= amount
    self._heads[_TOTAL] = self._write(_TOTAL, h, total, False)


@internal
def _shift_in(delegatee: address, amount: uint256, increase: bool) -> uint256:
    """
    @dev Adds `amount` to (or removes it from) what is delegated to
         `delegatee`, checkpointing its votes unless it is excluded.
    @param delegatee The delegatee.
    @param amount The weight, in vote units.
    @param increase True to add.
    @return uint256 The change of its votes (0 if it is excluded).
    """
    word: uint256 = self._heads[delegatee]
    h: Head = self._unpack_head(word)
    if increase:
        word += amount
    else:
        word -= amount
    # `delegated_in` is the word's low field: it never over- or underflows
    # (in_d <= total staked weight < 2**160; removing only what was added).
    if h.excluded:
        self._heads[delegatee] = word
        return 0
    self._heads[delegatee] = self._write(delegatee, h, word & _IN_MASK, False)
    return amount


@internal
def _shift_own(account: address, stored: address, amount: uint256, increase: bool):
    """
    @dev Moves a change of `account`'s own weight into its delegatee's
         votes and the total, unless `account` is excluded.
    @param account The account whose weight changed.
    @param stored Its account word's delegatee field.
    @param amount The change, in vote units.
    @param increase True if the weight grew.
    """
    if amount == 0:
        return
    # An excluded account's own weight counts for nobody.
    if self._heads[account] >> _EXCLUDED_SHIFT != 0:
        return
    self._change_total(self._shift_in(self._delegatee_of(account, stored), amount, increase), increase)


@internal
def _add_extra(account: address, weight: uint256, increase: bool):
    """
    @dev Adds an NFT's or identity's weight to (or removes it from)
         `account`'s extra weight, its delegatee's votes and the total.
    @param account The account.
    @param weight The weight, in vote units.
    @param increase True to add.
    """
    extra: uint256 = self._extra[account]
    if increase:
        extra += weight
        self.total_extra_weight += weight
    else:
        extra -= weight
        self.total_extra_weight -= weight
    assert extra <= MAX_EXTRA, "staking: weight above the limit"
    self._extra[account] = extra
    self._shift_own(account, self._unpack_account(self._accounts[account]).delegatee, weight, increase)


@internal
def _delegate(account: address, delegatee: address):
    """
    @dev Counts `account`'s weight for `delegatee` from now on.
    @param account The delegator.
    @param delegatee The new delegatee.
    """
    assert delegatee != empty(address), "staking: zero delegatee"
    a: Account = self._unpack_account(self._accounts[account])
    previous: address = self._delegatee_of(account, a.delegatee)
    # Delegating to itself is stored as empty, the default.
    a.delegatee = delegatee
    if delegatee == account:
        a.delegatee = empty(address)
    self._accounts[account] = self._pack_account(a)
    log IVotes.DelegateChanged(delegator=account, fromDelegate=previous, toDelegate=delegatee)
    if previous == delegatee:
        return
    own: uint256 = a.staked + self._extra[account]
    if own == 0 or self._heads[account] >> _EXCLUDED_SHIFT != 0:
        return
    removed: uint256 = self._shift_in(previous, own, False)
    added: uint256 = self._shift_in(delegatee, own, True)
    if added > removed:
        self._change_total(added - removed, True)
    else:
        self._change_total(removed - added, False)

