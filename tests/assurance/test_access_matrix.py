"""The access-control matrix (issue 18): every state-changing external function of every contract of
the deployed suite, called by an unprivileged account (a fresh address with native coin only: no
token, no role, no allowance) with plausible arguments generated from its ABI, must revert, and the
revert must name the caller's missing authority; unless the function is in PUBLIC (anyone may call
it, and why) or in INCIDENTAL (protected, but the revert cannot name the caller, and why).

The tests are generated from the compiled ABIs (fivefold/assurance/matrix.py), one per (contract
type, function); each probes every deployed contract of that type with an eth_call, so one
deployment of the suite answers them all. A new function neither protected nor listed fails, named
by its test id; an entry of either table that names no function any more fails too.
"""

import uuid

import pytest
from ape import project as ape_project

from fivefold import manifest
from fivefold.assurance import matrix
from fivefold.payouts import airdrop, merkle
from tests.tests_support import deploy_suite

ZERO = "0x" + "00" * 20

# Reasons shared by many entries.
_ERC20 = "ERC-20: moves only the caller's own balance, or an allowance its holder gave"
_PERMIT = "EIP-2612/EIP-712: acts only on a signature of the holder"
_CLAIM_OWN = "pays the caller what it is owed (its own shares or credits); nothing for anyone else"
_FUND = "anyone may add to the reward budget (pulls the caller's own tokens)"
_POKE = "time-driven poke: amount and recipient are fixed by the schedule, not by the caller"
_OWN_POSITION = "acts on the caller's own position (deposit, stake, bid, vote) with its own assets"
_RECEIVER = "token receiver hook: accepting a transfer grants nothing"
_DOUBLE = "local double only (deploy/local.yaml): never deployed on a live chain"
_UNISWAP = "Uniswap v2 router (npm artifact): swaps and liquidity with the caller's own tokens"
_WETH = "WETH9 (npm artifact): wraps and unwraps the caller's own coin"

# ---------------------------------------------------------------------------------------------
# The one table of functions anyone may call: (contract type, function) -> why that is safe.
# ---------------------------------------------------------------------------------------------
PUBLIC: dict[tuple[str, str], str] = {
    # tokens
    ("CappedToken", "transfer"): _ERC20,
    ("CappedToken", "approve"): _ERC20,
    ("CappedToken", "transferFrom"): _ERC20,
    ("CappedToken", "burn_from"): "burns the caller's own tokens or an allowance (snekmate erc20)",
    ("CappedToken", "permit"): _PERMIT,
    # vesting, emission
    ("VestingVault", "release"): "pays the vested amount to the schedule's beneficiary, never the caller",
    ("VestingVault", "reconcile"): "bookkeeping only: makes `committed` exact, moves no tokens",
    ("HalvingEmitter", "mint"): _POKE,
    ("MaintenanceRewards", "release"): _POKE,
    # payouts
    ("RedPacket", "create"): "funds a packet from the caller's own assets",
    ("RedPacket", "claim"): "the caller's share of a public or password packet, once per account",
    ("RedPacket", "claim_in_channel"): "the caller's share, on a Merkle proof of its channel membership",
    ("AirdropRound", "claim"): "pays a Merkle leaf to the leaf's account, whoever submits it",
    ("AirdropRound", "draw"): "records the schedule seed from a block hash fixed at publication",
    ("AirdropRound", "sweep"): "after the window only, to the registry's treasury",
    # lending
    ("Controller", "enter_markets"): "enables the caller's own vouchers as its collateral",
    ("Controller", "exit_market"): "disables the caller's own collateral, health checked",
    ("Market", "transfer"): _ERC20,
    ("Market", "transferFrom"): _ERC20,
    ("Market", "approve"): _ERC20,
    ("Market", "deposit"): _OWN_POSITION,
    ("Market", "mint"): _OWN_POSITION,
    ("Market", "withdraw"): "redeems the caller's own vouchers (or an allowance), health checked",
    ("Market", "redeem"): "redeems the caller's own vouchers (or an allowance), health checked",
    ("Market", "deposit_native"): _OWN_POSITION,
    ("Market", "redeem_native"): "redeems the caller's own vouchers (or an allowance), health checked",
    ("Market", "borrow_native"): "borrows against the caller's own collateral, health checked",
    ("Market", "borrow"): "borrows against the caller's own collateral, health checked",
    ("Market", "repay_native"): "repays a debt with the caller's own coin",
    ("Market", "repay"): "repays a debt with the caller's own tokens",
    ("Market", "liquidate"): "open liquidation of an unhealthy borrower (the Controller checks health < 1)",
    ("Market", "write_off"): "only a debt left without collateral (the Controller checks)",
    ("Market", "accrue"): "accrues interest to now; every operation does it too",
    ("LendingMining", "checkpoint"): "registers an account's shares as the market has them; no payout",
    ("LendingMining", "claim"): _CLAIM_OWN,
    ("LendingMining", "fund"): _FUND,
    # governance
    ("Staking", "stake"): _OWN_POSITION,
    ("Staking", "unstake"): _OWN_POSITION,
    ("Staking", "stake_nft"): _OWN_POSITION,
    ("Staking", "claim"): _CLAIM_OWN,
    ("Staking", "fund"): _FUND,
    ("Staking", "delegate"): "delegates the caller's own votes",
    ("Staking", "delegateBySig"): "delegates a signer's votes on its EIP-712 signature",
    ("Timelock", "onERC721Received"): _RECEIVER,
    ("Timelock", "onERC1155Received"): _RECEIVER,
    ("Timelock", "onERC1155BatchReceived"): _RECEIVER,
    ("Governor", "castVote"): "counts the caller's own power at the proposal's snapshot",
    ("Governor", "queue"): "anyone, once a proposal has succeeded (the vote decided)",
    ("Governor", "execute"): "anyone, between eta and expiry of a queued proposal (the timelock checks)",
    ("AuthenticatorRegistry", "execute"): "anyone: carries out a removal the members' vote passed",
    # nft
    ("MTokenVault", "transfer"): _ERC20,
    ("MTokenVault", "approve"): _ERC20,
    ("MTokenVault", "transferFrom"): _ERC20,
    ("MTokenVault", "permit"): _PERMIT,
    ("MTokenVault", "bid"): _OWN_POSITION,
    ("MTokenVault", "withdraw"): _CLAIM_OWN,
    ("MTokenVault", "vote"): _OWN_POSITION,
    ("MTokenVault", "unvote"): _OWN_POSITION,
    ("MTokenVault", "settle"): "sells a lot whose countdown is over to its top bidder, whoever calls",
    ("MTokenVault", "deliver"): "sends a sold lot to its winner only, whoever calls",
    ("MTokenVault", "claim"): _CLAIM_OWN,
    ("MTokenVault", "redeem"): "burns the caller's own MToken for its share, once every lot is sold",
    ("VaultFactory", "create_vault"): "creates a vault whose creator is the caller",
    ("NftMall", "buy"): "buys on the seller's signed order with the caller's own assets",
    ("NftMall", "increment_nonce"): "cancels the caller's own signed orders",
    ("NftMall", "list_auction"): "escrows the caller's own NFT",
    ("NftMall", "bid"): _OWN_POSITION,
    ("NftMall", "settle"): "ends an auction after its end time: NFT to the winner, bid to the seller",
    ("NftMall", "claim_nft"): "an undeliverable NFT goes to its winner or seller only",
    ("NftMall", "withdraw"): _CLAIM_OWN,
    ("LiquidityFarm", "stake"): _OWN_POSITION,
    ("LiquidityFarm", "unstake"): _OWN_POSITION,
    ("LiquidityFarm", "claim"): _CLAIM_OWN,
    ("LiquidityFarm", "fund"): _FUND,
    # ads, snapshots, payments
    ("AdCampaigns", "create"): "funds a campaign from the caller's own assets",
    ("AdCampaigns", "commit"): "records the caller's own commitment",
    ("AdCampaigns", "claim"): "pays the caller on the reveal of its own earlier commitment",
    ("AdCampaigns", "claim_attested"): "pays the consumer alone, on its verifier's attestation",
    ("AdCampaigns", "withdraw"): "returns what is left of the caller's own ended campaign",
    ("SnapshotRegistry", "anchor"): "anchors the caller's own snapshot (the account is msg.sender)",
    ("SnapshotRegistry", "anchor_for"): "anchors an account's snapshot on that account's signature",
    ("MerchantInvoices", "pay_with_swap"): "pays an invoice addressed to the caller with its own assets",
    ("MerchantInvoices", "release"): "credits an escrowed payment to its merchant after the refund deadline",
    ("MerchantInvoices", "cancel"): "voids one of the caller's own invoice ids (keyed by msg.sender)",
    ("MerchantInvoices", "withdraw"): _CLAIM_OWN,
    ("AnchorTips", "tip"): "tips with the caller's own assets",
    ("AnchorTips", "withdraw"): _CLAIM_OWN,
    ("AnchorTips", "collect"): "pays the platform's share to the owner-set treasury, never the caller",
    ("AnchorTips", "claim"): _CLAIM_OWN,
    ("AnchorTips", "fund"): _FUND,
    # sale
    ("TokenSale", "buy"): "buys CC with the caller's own assets into the caller's own schedule",
    ("TokenSale", "refund"): "a FAILED round's purchase only, paid back to its buyer",
    ("TokenSale", "withdraw"): "a SUCCEEDED round's takings, to the treasury only",
    ("TokenSale", "close"): "a decided round's unsold CC, to the treasury only",
    ("TokenSale", "fund"): "brings a round's cap of CC from the caller's own balance (the treasury's way in)",
    # resources
    ("ResourceMarket", "register"): "registers the caller's own offer with its own stake",
    ("ResourceMarket", "exit"): "withdraws the caller's own offer and what is left of its stake",
    ("ResourceMarket", "place_order"): "orders capacity with the caller's own HPC in escrow",
    ("ResourceMarket", "prove"): "anyone submits a period's report signed by a quorum of authenticators",
    ("ResourceMarket", "refund"): "pays a settled-against order back to its requester only",
    ("ResourceMarket", "claim"): _CLAIM_OWN,
    ("ResourceMarket", "fund"): _FUND,
    ("ResourceMarket", "sync"): "credits HPC held beyond the books to the reward budget; pays nobody",
    # datamarket
    ("DataMarket", "list_item"): "lists the caller's own item with its own deposit",
    ("DataMarket", "buy"): "pays a listing's price from the caller's own assets into escrow",
    ("DataMarket", "finalise"): "settles a delivered purchase after its dispute window, as `confirm` would",
    ("DataMarket", "refund_undelivered"): "refunds an undelivered purchase to its buyer only",
    ("DataMarket", "stake_proxy"): "stakes the caller's own CPC as a proxy",
    ("DataMarket", "leave_proxy"): "the caller stops being named as a proxy",
    ("DataMarket", "withdraw_stake"): "pays a leaving proxy its own stake",
    ("DataMarket", "withdraw"): _CLAIM_OWN,
    # nodes
    ("EconomyPool", "deposit"): _OWN_POSITION,
    ("EconomyPool", "withdraw"): _OWN_POSITION,
    ("EconomyPool", "claim"): _CLAIM_OWN,
    ("EconomyPool", "fund"): _FUND,
    ("RNodePool", "deposit"): _OWN_POSITION,
    ("RNodePool", "withdraw"): _OWN_POSITION,
    ("Reputation", "submit_report"): "anyone relays a report signed by a quorum of reporters",
    ("ProposerCommittee", "register"): "the caller enters an election with its own deposit and RPT",
    ("ProposerCommittee", "draw"): "fixes the seed block once registration closed; once per term",
    ("ProposerCommittee", "elect"): "computes the committee from the drawn seed; once per term",
    ("SlotRewards", "return_unassigned"): "returns an unassigned term's reward to the treasury only",
    ("Board", "stand"): _OWN_POSITION,
    ("Board", "withdraw"): "returns the caller's own deposit",
    ("Board", "vote"): "votes with the caller's own weight at the round's snapshot",
    ("Board", "finalize_round"): "computes ended rounds' outcomes; anyone",
    ("Board", "fund"): _FUND,
    # bridge (Hyperlane's npm sources, compiled at setup)
    ("Mailbox", "dispatch"): "sends the caller's own message; the fee hook charges it",
    ("Mailbox", "process"): "relayers deliver a message only if the ISM verifies its validators' signatures",
    ("ProtocolFee", "collectProtocolFees"): "pays fees to the owner-set beneficiary, never the caller",
    ("ProtocolFee", "postDispatch"): "charges the caller's own fee for a message",
    ("HypXERC20", "transferRemote"): "bridges the caller's own tokens",
    # local doubles and npm artifacts of the local chain
    ("MockStablecoin", "transfer"): _ERC20,
    ("MockStablecoin", "transferFrom"): _ERC20,
    ("MockStablecoin", "approve"): _ERC20,
    ("MockStablecoin", "faucet"): _DOUBLE + "; a faucet by design",
    ("MockWrappedNative", "transfer"): _ERC20,
    ("MockWrappedNative", "transferFrom"): _ERC20,
    ("MockWrappedNative", "approve"): _ERC20,
    ("MockWrappedNative", "deposit"): _WETH,
    ("MockWrappedNative", "withdraw"): _WETH,
    ("MockCollection", "transferFrom"): "ERC-721: the owner's or an approved operator's token only",
    ("MockCollection", "safeTransferFrom"): "ERC-721: the owner's or an approved operator's token only",
    ("MockCollection", "approve"): "ERC-721: the owner's or an approved operator's token only",
    ("MockCollection", "setApprovalForAll"): "ERC-721: approves operators for the caller's own tokens",
    ("MockCollection", "mint"): _DOUBLE + "; a demo collection anyone mints from",
    ("WETH9", "approve"): _WETH,
    ("WETH9", "deposit"): _WETH,
    ("WETH9", "transfer"): _WETH,
    ("WETH9", "transferFrom"): _WETH,
    ("WETH9", "withdraw"): _WETH,
    ("UniswapV2Factory", "createPair"): "Uniswap v2: anyone creates a pair, which holds nothing until funded",
    **{
        ("UniswapV2Router02", name): _UNISWAP
        for name in (
            "addLiquidity",
            "addLiquidityETH",
            "removeLiquidity",
            "removeLiquidityETH",
            "removeLiquidityETHSupportingFeeOnTransferTokens",
            "removeLiquidityETHWithPermit",
            "removeLiquidityETHWithPermitSupportingFeeOnTransferTokens",
            "removeLiquidityWithPermit",
            "swapETHForExactTokens",
            "swapExactETHForTokens",
            "swapExactETHForTokensSupportingFeeOnTransferTokens",
            "swapExactTokensForETH",
            "swapExactTokensForETHSupportingFeeOnTransferTokens",
            "swapExactTokensForTokens",
            "swapExactTokensForTokensSupportingFeeOnTransferTokens",
            "swapTokensForExactETH",
            "swapTokensForExactTokens",
        )
    },
}

# Protected functions whose revert, for an unprivileged caller, cannot name the caller's missing
# authority: (contract type, function) -> what protects them, and why the probe cannot show it.
_INITIALIZED = "initialized in the transaction that deployed it: reverts for everyone, its owner too"
INCIDENTAL: dict[tuple[str, str], str] = {
    ("DaoIdentity", "transferFrom"): "soulbound: reverts for every caller ('not transferable')",
    ("DaoIdentity", "safeTransferFrom"): "soulbound: reverts for every caller ('not transferable')",
    ("DaoIdentity", "approve"): "soulbound: reverts for every caller ('not transferable')",
    ("DaoIdentity", "setApprovalForAll"): "soulbound: reverts for every caller ('not transferable')",
    ("NodeVotes", "delegate"): "votes follow deposits: reverts for every caller",
    ("NodeVotes", "delegateBySig"): "votes follow deposits: reverts for every caller",
    ("MTokenVault", "initialize"): "the factory initializes each clone as it creates it; " + _INITIALIZED,
    ("Mailbox", "initialize"): _INITIALIZED,
    ("StorageMessageIdMultisigIsm", "initialize"): _INITIALIZED,
    ("HypXERC20", "initialize"): "proxy initialized at deployment, implementation's initializers disabled",
    ("MerkleTreeHook", "postDispatch"): (
        "inserts only the message the Mailbox is dispatching (Hyperlane's `_isLatestDispatched`); "
        "the probe's metadata fails the variant check first"
    ),
    ("Governor", "cancel"): (
        "proposer or committee member only, checked after the proposal is found: the suite has no "
        "proposal to cancel (tests/governance/test_cancel.py::test_cancel__stranger__reverts)"
    ),
    ("Board", "claim"): (
        "a director of the cycle's board only, checked once the half-year ended: no board has served "
        "yet after deployment (tests/nodes/board/test_claim.py::test_claim__not_a_director__reverts)"
    ),
}

TYPES = matrix.matrix_types(ape_project)
CASES = sorted({(name, fn.name) for name, fns in TYPES.items() for fn in fns})
PROTECTED = [case for case in CASES if case not in PUBLIC]
OPEN = [case for case in CASES if case in PUBLIC]


def _id(case: tuple[str, str]) -> str:
    return ".".join(case)


@pytest.fixture(scope="module")
def matrix_suite(project, chain, accounts, tmp_path_factory):
    """The whole suite as `ape run deploy` leaves it (addresses of its own, so another module's suite
    on this worker's chain is not adopted), plus one instance of each blueprint-made type the
    deployment alone does not create (an airdrop round published by the operator, a vault created
    by a curator through the factory), one data listing and one authenticator removal vote, so that
    the seller's functions and `vote` are refused for the caller rather than for a missing entry."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(manifest.ENV_DIR, str(tmp_path_factory.mktemp("matrix-deployments")))
        namespace = f"fivefold/test-matrix/{uuid.uuid4().hex[:8]}"
        ctx, _, _ = deploy_suite(project, chain, accounts, salt_namespace=namespace)
    operator, curator = ctx.users[0], ctx.users[1]
    rounds = ctx["AirdropRounds"]
    number = int(rounds.round_count()) + 1
    key = airdrop.new_round_key(ctx.chain_id, rounds.address, number)
    leaves = merkle.airdrop_leaves(key.prefix, [bytes.fromhex(u.address[2:]) for u in ctx.users[2:4]], [1, 2])
    start = chain.blocks.head.timestamp
    tree = merkle.MerkleTree(leaves)
    end = start + 86_400
    rounds.publish(number, ZERO, tree.root_int, key.salt, 3, 2, start, end, value=3, sender=operator)
    ctx.contracts["MatrixAirdropRound"] = project.AirdropRound.at(rounds.rounds(number))
    factory = ctx["VaultFactory"]
    receipt = factory.create_vault(sender=curator)
    vault = next(iter(factory.VaultCreated.from_receipt(receipt))).vault
    ctx.contracts["MatrixVault"] = project.MTokenVault.at(vault)
    # A data listing (id 1, in the native coin): its seller's functions then reach the seller check.
    seller, price = ctx.users[3], 10**15
    data_market = ctx["DataMarket"]
    commitment = matrix.keccak(text="fivefold matrix key")
    data_market.list_item(ZERO, price, price, commitment, commitment, value=price, sender=seller)
    # A removal vote (id 1) among the HPC DAO's authenticators: `vote` then reaches the member check.
    opener, target = (ctx.signer(m) for m in ctx.config["governance"]["authenticators"][:2])
    ctx["AuthenticatorRegistry"].open_removal(target, sender=opener)
    return ctx


@pytest.fixture(scope="module")
def matrix_caller(chain):
    """The unprivileged account: a fresh address holding the native coin and nothing else."""
    address = "0x" + matrix.keccak(text="fivefold access-control matrix")[:20].hex()
    chain.provider.set_balance(address, matrix.CALLER_BALANCE)
    return address


@pytest.fixture(scope="module")
def matrix_probe(matrix_suite, matrix_caller, chain):
    """probe(type, function) -> {manifest name: Outcome} for every deployed contract of that type and
    every overload of that function, called by the unprivileged account with generated arguments."""
    values = matrix.Values(matrix_suite, matrix_suite.users[2].address, chain.blocks.head.timestamp)

    def probe(contract_type: str, function: str) -> dict[str, matrix.Outcome]:
        out = {}
        for name, contract in matrix_suite.contracts.items():
            if matrix.matrix_type(contract) != contract_type:
                continue
            for fn in (f for f in TYPES[contract_type] if f.name == function):
                args = values.for_contract(contract.address).arguments(fn)
                out[f"{name}.{matrix.signature(fn)}"] = matrix.probe(chain, contract, fn, args, matrix_caller)
        assert out, f"no deployed {contract_type} to probe: the matrix fixture must create one"
        return out

    return probe


@pytest.mark.parametrize("case", PROTECTED, ids=_id)
def test_matrix__unprivileged_caller__reverts_naming_its_authority(matrix_probe, case):
    """Every function not in PUBLIC reverts for the unprivileged caller, with a reason that names the
    caller's missing authority (owner, role, operator, ...), or is listed in INCIDENTAL with why not."""
    assert matrix.problems(case, matrix_probe(*case), PUBLIC, INCIDENTAL) == []


@pytest.mark.parametrize("case", OPEN, ids=_id)
def test_matrix__public_function__open_to_an_unprivileged_caller(matrix_probe, case):
    """A PUBLIC function is really open: on at least one deployed contract of its type the unprivileged
    call succeeds or fails for want of funds, state or a valid argument, not for want of authority (an
    entry that every contract refuses for the caller belongs out of PUBLIC)."""
    assert matrix.problems(case, matrix_probe(*case), PUBLIC, INCIDENTAL) == []


def test_matrix__tables__name_existing_functions():
    """Every PUBLIC and INCIDENTAL entry names a state-changing function of a suite contract (a stale
    entry fails), with a reason; no function is in both tables."""
    assert matrix.stale(set(CASES), PUBLIC, INCIDENTAL) == []
    assert set(PUBLIC).isdisjoint(INCIDENTAL)
    assert all(reason.strip() for reason in (*PUBLIC.values(), *INCIDENTAL.values()))


def test_matrix__unlisted_open_function__fails_naming_it(matrix_probe):
    """The matrix's own check, shown to bite: the mock stablecoin's faucet (open to anyone) taken out
    of PUBLIC is reported by name, as a new unprotected function would be."""
    case = ("MockStablecoin", "faucet")
    found = matrix.problems(case, matrix_probe(*case), {}, INCIDENTAL)
    assert found and all("MockUSDT.faucet(address,uint256)" in p and "succeeded" in p for p in found)


def test_matrix__incidental_revert_unlisted__fails_naming_it(matrix_probe):
    """A protected function whose revert does not name the caller (soulbound transfers) fails when
    taken out of INCIDENTAL, with the reason it reverted for."""
    case = ("DaoIdentity", "approve")
    found = matrix.problems(case, matrix_probe(*case), PUBLIC, {})
    assert len(found) == 1 and "dao_identity: not transferable" in found[0] and str(case) in found[0]


def test_matrix__public_entry_refusing_everyone__fails(matrix_probe):
    """An owner-only function wrongly listed in PUBLIC is reported: every contract refuses the caller."""
    case = ("CappedToken", "set_minter")
    found = matrix.problems(case, matrix_probe(*case), {case: "wrongly public"}, INCIDENTAL)
    assert found == [f"{case} is listed in PUBLIC but every contract refuses the caller: move it out"]


def test_matrix__stale_entry__reported():
    """An entry naming a function the ABIs no longer have is reported."""
    gone = ("CappedToken", "no_such_function")
    assert matrix.stale(set(CASES), {**PUBLIC, gone: "removed"}, INCIDENTAL) == [gone]


def test_matrix__deployed_suite__every_contract_type_probed(matrix_suite):
    """The ABIs the tests were generated from cover every contract the deployment left (a type that
    no domain lists would escape the matrix), and every type with a state-changing function has a
    deployed contract to probe."""
    deployed = {matrix.matrix_type(c) for c in matrix_suite.contracts.values()} - {None}
    assert deployed - set(TYPES) == set()
    assert {name for name, fns in TYPES.items() if fns} - deployed == set()
