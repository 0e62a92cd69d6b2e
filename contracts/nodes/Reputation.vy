# pragma version ~=0.4.3
"""
@title CPChain reputation (RPT), computed on chain per node
@custom:contract-name Reputation
@license GNU Affero General Public License v3.0 only
@notice RPT = 0.5 AB + 0.15 TX + 0.1 PR + 0.15 DC + 0.1 BM (CPChain 2.4),
        each dimension an integer 0-100. `rpt(node)` returns it in
        hundredths of a point (0-10,000), so no weight is rounded away:
          rpt = 50 AB + 15 TX + 10 PR + 15 DC + 10 BM        (exact)

        Glossary (amounts in CPC wei):
          p      the previous second, block.timestamp - 1
          H      holdings: EconomyPool.getPastVotes(node, p)
                 + RNodePool.getPastVotes(node, p), the node's deposits
                 in both pools as they stood at the end of second p (a
                 pool not set counts 0)
          C      ab_cap, the holdings that score 100 (governance-set)
          B      blocks proposed: ProposerCommittee.blocks_proposed
                 (completed slots of the node's terms, impeached ones
                 taken off)
          K      bm_block_cap, the blocks that score 100
          r_*    the last accepted report's TX, PR, DC and BM
        Dimensions:
          AB = min(100, H * 100 // C)        linear up to a cap, rounds
                                             down (never above the
                                             holdings' share)
          TX = r_tx, PR = r_pr, DC = r_dc
          BM = (r_bm + min(100, B * 100 // K)) // 2   (committee set)
             = r_bm                                    (no committee)
        AB is linear rather than log-like on purpose: a concave scale
        (steps that grow slower than the holdings) pays a holder to split
        its CPC over several sybil nodes, a linear one does not; the cap
        stops a whale from buying the whole dimension.
        AB's "account balance" is the CPC a node holds in the suite's
        pools, read at p: CPC borrowed and repaid within one transaction
        (a flash loan), or within one block, is never in a checkpoint at
        or before p, so it scores nothing. The free CPC balance does not
        count: without checkpoints in the token, no sample of it (now,
        or now and an earlier record) tells held CPC from CPC borrowed
        for each sampling transaction (docs/nodes.md, threat model). A
        node that wants its CPC to count deposits it.

        Reports. TX, PR, DC and BM come from an EIP-712 message
          Report(address node,uint256 nonce,uint256 tx,uint256 pr,
                 uint256 dc,uint256 bm,uint256 deadline)
        signed by at least `quorum` distinct reporters of the
        governance-set reporter set (at most MAX_REPORTERS). Signatures
        come sorted by signer address, strictly ascending, so a duplicate
        is refused without storage. The node's nonce is part of the
        message and moves by one on acceptance: a report is accepted
        once (replay), only for the node it names, only on this chain
        and contract (the domain separator), only before its deadline.
        A reporter removed from the set no longer counts, even on a
        report signed before.
@custom:security AB reads the pools' deposit checkpoints at the previous
        second, never a live balance: nothing done in the current block
        (a flash loan's deposit and withdrawal included) moves it. The
        pools and the committee are trusted contracts set by the owner
        (the pools must hold `token`); a reverting one makes `rpt`
        revert, never changes stored state.
@custom:kill Nothing to stop: reports only move scores. In an emergency
        the owner removes reporters (no new reports) and unsets the pools
        or the committee (their dimension falls back as documented).
        Ownership moves in two steps and cannot be renounced.
"""


from contracts.shared import tuned
from interfaces import IEconomyPool
from interfaces import IProposerCommittee
from interfaces import IReputation
from interfaces import IRNodePool
from snekmate.utils import ecdsa
from snekmate.utils import eip712_domain_separator

implements: IReputation

initializes: tuned
initializes: eip712_domain_separator


# Two-step ownership (contracts/shared/owner_2step.vy); `renounce_ownership` is deliberately
# not exported: an ownerless reputation could never change its reporters or pools again.
# Tunable numbers: once the parameter registry is named, it alone sets them
# (contracts/shared/tunable.vy).
exports: (eip712_domain_separator.eip712Domain, tuned.__interface__)


# @dev Most reporters in the set (bounds the signature loop).
MAX_REPORTERS: public(constant(uint256)) = 16
# @dev Largest score of a dimension.
MAX_SCORE: public(constant(uint256)) = 100
# @dev Lowest `ab_cap`: 20,000 CPC (an economy node's minimum).
MIN_AB_CAP: public(constant(uint256)) = 20_000 * 10**18
# @dev Highest `ab_cap`: 100,000,000 CPC.
MAX_AB_CAP: public(constant(uint256)) = 100_000_000 * 10**18
# @dev Lowest `bm_block_cap`, in blocks.
MIN_BLOCK_CAP: public(constant(uint256)) = 1
# @dev Highest `bm_block_cap`, in blocks: a leap year of 10-second blocks.
MAX_BLOCK_CAP: public(constant(uint256)) = 3_162_240
# @dev EIP-712 type hash of a report.
_REPORT_TYPEHASH: constant(bytes32) = keccak256(
    "Report(address node,uint256 nonce,uint256 tx,uint256 pr,uint256 dc,uint256 bm,"
    "uint256 deadline)"
)

# Score word: tx | pr | dc | bm (8 bits each) | nonce (from bit 32).
_SCORE_MASK: constant(uint256) = 2**8 - 1
_PR_SHIFT: constant(uint256) = 8
_DC_SHIFT: constant(uint256) = 16
_BM_SHIFT: constant(uint256) = 24
_NONCE_SHIFT: constant(uint256) = 32


# @dev A score word unpacked.
struct Scores:
    tx: uint256
    pr: uint256
    dc: uint256
    bm: uint256
    nonce: uint256


# @dev The CPC token: the pools whose deposits count for AB must hold it.
token: public(immutable(address))
# @dev The EconomyPool, whose deposit checkpoints count for AB (empty: not counted).
economy_pool: public(address)
# @dev The RNodePool, whose deposit checkpoints count for AB (empty: not counted).
rnode_pool: public(address)
# @dev The ProposerCommittee whose block counts feed BM (empty: BM is the reported one).
committee: public(address)
# @dev Holdings that score AB = 100, in CPC wei.
ab_cap: public(uint256)
# @dev Blocks proposed that score 100 in BM's block half.
bm_block_cap: public(uint256)
# @dev Signatures a report needs.
quorum: public(uint256)
# @dev Reporters in the set.
reporter_count: public(uint256)
# @dev Whether an address is in the reporter set.
_reporters: HashMap[address, bool]
# @dev Score words per node (see the layout above).
_scores: HashMap[address, uint256]


@deploy
def __init__(
    token_: address,
    owner_: address,
    ab_cap_: uint256,
    bm_block_cap_: uint256,
    name_eip712_: String[50],
    version_eip712_: String[20],
):
    """
    @dev No reporter and quorum 1: reports wait for the owner's reporter set.
    @param token_ The CPC token.
    @param owner_ The owner (governance).
    @param ab_cap_ Holdings scoring AB = 100, in wei (within the bounds).
    @param bm_block_cap_ Blocks scoring 100 in BM's block half (within the bounds).
    @param name_eip712_ The EIP-712 domain name of reports.
    @param version_eip712_ The EIP-712 domain version.
    """
    assert token_ != empty(address), "reputation: zero token"
    assert owner_ != empty(address), "reputation: zero owner"
    assert ab_cap_ >= MIN_AB_CAP and ab_cap_ <= MAX_AB_CAP, "reputation: ab cap out of bounds"
    assert bm_block_cap_ >= MIN_BLOCK_CAP and bm_block_cap_ <= MAX_BLOCK_CAP, (
        "reputation: block cap out of bounds"
    )
    token = token_
    self.ab_cap = ab_cap_
    self.bm_block_cap = bm_block_cap_
    self.quorum = 1
    tuned.__init__(owner_)
    eip712_domain_separator.__init__(name_eip712_, version_eip712_)


@external
def submit_report(
    node: address,
    tx_: uint256,
    pr: uint256,
    dc: uint256,
    bm: uint256,
    deadline: uint256,
    signatures: DynArray[Bytes[65], MAX_REPORTERS],
):
    """
    @notice Accepts a report of `node`'s TX, PR, DC and BM scores signed
            by at least `quorum` reporters; anyone may submit it. The
            message's nonce is the node's `report_nonce`, which moves on.
    @param node The node reported on.
    @param tx_ Its TX score, 0-100.
    @param pr Its PR score, 0-100.
    @param dc Its DC score, 0-100.
    @param bm Its reported BM score, 0-100.
    @param deadline The last second the report may be accepted.
    @param signatures The reporters' 65-byte signatures, sorted by signer
           address, strictly ascending.
    """
    assert node != empty(address), "reputation: zero node"
    assert block.timestamp <= deadline, "reputation: report expired"
    assert max(max(tx_, pr), max(dc, bm)) <= MAX_SCORE, "reputation: score above 100"
    assert len(signatures) >= self.quorum, "reputation: too few signatures"
    s: Scores = self._unpack(self._scores[node])
    digest: bytes32 = eip712_domain_separator._hash_typed_data_v4(
        keccak256(abi_encode(_REPORT_TYPEHASH, node, s.nonce, tx_, pr, dc, bm, deadline))
    )
    previous: uint256 = 0
    for signature: Bytes[65] in signatures:
        signer: address = ecdsa._recover_sig(digest, signature)
        # Strictly ascending: no signer counts twice (and the zero address is below every signer).
        assert convert(signer, uint256) > previous, "reputation: signers not ascending"
        assert self._reporters[signer], "reputation: signer is not a reporter"
        previous = convert(signer, uint256)
    self._scores[node] = self._pack(Scores(tx=tx_, pr=pr, dc=dc, bm=bm, nonce=s.nonce + 1))
    log IReputation.ReportAccepted(node=node, nonce=s.nonce, tx=tx_, pr=pr, dc=dc, bm=bm)


# Governance setters


@external
def set_reporter(reporter: address, allowed: bool):
    """
    @notice Only the owner: adds `reporter` to the set or removes it. A
            removal keeps `quorum` within the set's size.
    @param reporter The reporter's signing address.
    @param allowed True to add, False to remove.
    """
    tuned.owner_2step.ownable._check_owner()
    assert reporter != empty(address), "reputation: zero reporter"
    assert self._reporters[reporter] != allowed, "reputation: reporter unchanged"
    count: uint256 = self.reporter_count
    if allowed:
        assert count < MAX_REPORTERS, "reputation: too many reporters"
        count += 1
    else:
        count -= 1
        assert self.quorum <= count, "reputation: quorum above reporters"
    self._reporters[reporter] = allowed
    self.reporter_count = count
    log IReputation.ReporterSet(reporter=reporter, allowed=allowed)


@external
def set_quorum(quorum_: uint256):
    """
    @notice Tunable: signatures a report needs, 1 to the reporter count.
    @param quorum_ The quorum.
    """
    tuned.tunable._check_writer()
    assert quorum_ != 0 and quorum_ <= self.reporter_count, "reputation: quorum out of bounds"
    self.quorum = quorum_
    log IReputation.QuorumSet(quorum=quorum_)


@external
def set_ab_cap(cap: uint256):
    """
    @notice Tunable: holdings that score AB = 100, within
            [MIN_AB_CAP, MAX_AB_CAP].
    @param cap The cap, in CPC wei.
    """
    tuned.tunable._check_writer()
    assert cap >= MIN_AB_CAP and cap <= MAX_AB_CAP, "reputation: ab cap out of bounds"
    self.ab_cap = cap
    log IReputation.AbCapSet(cap=cap)


@external
def set_bm_block_cap(cap: uint256):
    """
    @notice Tunable: blocks proposed that score 100 in BM's block half,
            within [MIN_BLOCK_CAP, MAX_BLOCK_CAP].
    @param cap The cap, in blocks.
    """
    tuned.tunable._check_writer()
    assert cap >= MIN_BLOCK_CAP and cap <= MAX_BLOCK_CAP, "reputation: block cap out of bounds"
    self.bm_block_cap = cap
    log IReputation.BlockCapSet(cap=cap)


@external
def set_sources(economy_pool_: address, rnode_pool_: address, committee_: address):
    """
    @notice Only the owner: the pools whose deposits count for AB and the
            committee whose block counts feed BM (empty: not counted). A
            pool must hold `token`: deposits of another token would buy
            AB with something that is not CPC.
    @param economy_pool_ The EconomyPool.
    @param rnode_pool_ The RNodePool.
    @param committee_ The ProposerCommittee.
    """
    tuned.owner_2step.ownable._check_owner()
    if economy_pool_ != empty(address):
        assert staticcall IEconomyPool(economy_pool_).cpc() == token, (
            "reputation: pool of another token"
        )
    if rnode_pool_ != empty(address):
        assert staticcall IRNodePool(rnode_pool_).cpc() == token, (
            "reputation: pool of another token"
        )
    self.economy_pool = economy_pool_
    self.rnode_pool = rnode_pool_
    self.committee = committee_
    log IReputation.SourcesSet(
        economy_pool=economy_pool_, rnode_pool=rnode_pool_, committee=committee_
    )


# Views


@external
@view
def rpt(node: address) -> uint256:
    """
    @notice `node`'s reputation in hundredths of a point:
            50 AB + 15 TX + 10 PR + 15 DC + 10 BM, 0-10,000.
    @param node The node.
    @return uint256 The RPT, in hundredths.
    """
    s: Scores = self._unpack(self._scores[node])
    return 50 * self._ab(node) + 15 * s.tx + 10 * s.pr + 15 * s.dc + 10 * self._bm(node, s.bm)


@external
@view
def dimensions(node: address) -> (uint256, uint256, uint256, uint256, uint256):
    """
    @notice `node`'s five dimensions, each 0-100.
    @param node The node.
    @return ab AB.
    @return tx TX.
    @return pr PR.
    @return dc DC.
    @return bm BM.
    """
    s: Scores = self._unpack(self._scores[node])
    return self._ab(node), s.tx, s.pr, s.dc, self._bm(node, s.bm)


@external
@view
def holdings(node: address) -> uint256:
    """
    @notice What AB is computed from: `node`'s deposits in both pools at
            the end of the previous second (block.timestamp - 1).
    @param node The node.
    @return uint256 The holdings, in wei.
    """
    return self._holdings(node)


@external
@view
def is_reporter(reporter: address) -> bool:
    """
    @notice Whether `reporter` is in the reporter set.
    @param reporter The signing address.
    @return bool True for a reporter.
    """
    return self._reporters[reporter]


@external
@view
def report_nonce(node: address) -> uint256:
    """
    @notice The nonce the next report on `node` must be signed with.
    @param node The node.
    @return uint256 The nonce.
    """
    return self._unpack(self._scores[node]).nonce


@external
@view
def report_digest(
    node: address,
    nonce: uint256,
    tx_: uint256,
    pr: uint256,
    dc: uint256,
    bm: uint256,
    deadline: uint256,
) -> bytes32:
    """
    @notice The EIP-712 digest reporters sign (for tooling and tests).
    @param node The node.
    @param nonce Its report nonce.
    @param tx_ TX score.
    @param pr PR score.
    @param dc DC score.
    @param bm BM score.
    @param deadline The last second of validity.
    @return bytes32 The digest.
    """
    return eip712_domain_separator._hash_typed_data_v4(
        keccak256(abi_encode(_REPORT_TYPEHASH, node, nonce, tx_, pr, dc, bm, deadline))
    )


@internal
@view
def _holdings(node: address) -> uint256:
    """
    @dev H = both pools' deposits at p = block.timestamp - 1 (a pool not
         set counts 0). A checkpoint at p is final: every later change
         lands at a second after p, so nothing in this block (a flash
         loan's deposit, made and withdrawn in one transaction) is in it.
    @param node The node.
    @return uint256 H, in wei.
    """
    past: uint256 = block.timestamp - 1
    h: uint256 = 0
    pool: address = self.economy_pool
    if pool != empty(address):
        h += staticcall IEconomyPool(pool).getPastVotes(node, past)
    pool = self.rnode_pool
    if pool != empty(address):
        h += staticcall IRNodePool(pool).getPastVotes(node, past)
    return h


@internal
@view
def _ab(node: address) -> uint256:
    """
    @dev AB = min(100, H * 100 // C), rounding down.
    @param node The node.
    @return uint256 AB, 0-100.
    """
    # H is at most CPC's supply (1e27), so H * 100 cannot overflow; // rounds down (never
    # above the holdings' share of the cap).
    return min(MAX_SCORE, self._holdings(node) * MAX_SCORE // self.ab_cap)


@internal
@view
def _bm(node: address, reported: uint256) -> uint256:
    """
    @dev BM = (reported + min(100, B * 100 // K)) // 2 with a committee,
         else the reported score; both divisions round down.
    @param node The node.
    @param reported The last report's BM.
    @return uint256 BM, 0-100.
    """
    committee_: address = self.committee
    if committee_ == empty(address):
        return reported
    blocks: uint256 = staticcall IProposerCommittee(committee_).blocks_proposed(node)
    return (reported + min(MAX_SCORE, blocks * MAX_SCORE // self.bm_block_cap)) // 2


@internal
@pure
def _unpack(word: uint256) -> Scores:
    """
    @dev A score word to its fields.
    @param word The stored word.
    @return Scores The fields.
    """
    return Scores(
        tx=word & _SCORE_MASK,
        pr=(word >> _PR_SHIFT) & _SCORE_MASK,
        dc=(word >> _DC_SHIFT) & _SCORE_MASK,
        bm=(word >> _BM_SHIFT) & _SCORE_MASK,
        nonce=word >> _NONCE_SHIFT,
    )


@internal
@pure
def _pack(s: Scores) -> uint256:
    """
    @dev The fields to a score word (scores are at most 100: 8 bits each).
    @param s The fields.
    @return uint256 The word.
    """
    return (
        s.tx
        | (s.pr << _PR_SHIFT)
        | (s.dc << _DC_SHIFT)
        | (s.bm << _BM_SHIFT)
        | (s.nonce << _NONCE_SHIFT)
    )
