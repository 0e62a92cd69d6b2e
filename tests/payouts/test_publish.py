"""AirdropRounds.publish and the registry's settings."""

import ape
import pytest

from fivefold.payouts import model as payouts

from .conftest import DAY, NATIVE, TOKEN, round_at


def test_publish__erc20_round__deploys_funded_round(airdrop, publish_round, cmdt, accounts, operator, chain):
    rnd = publish_round(accounts[3:6], [TOKEN, 2 * TOKEN, 3 * TOKEN], token=cmdt)
    c = rnd.contract
    assert airdrop.round_count() == 1 and airdrop.rounds(1) == c.address
    assert (c.ROUND(), c.ASSET(), c.ROOT(), c.TOTAL(), c.COUNT()) == (
        1,
        cmdt.address,
        rnd.tree.root_int,
        6 * TOKEN,
        3,
    )
    assert c.END() - c.START() == 7 * DAY and c.FEE_BPS() == 500 and c.TIER_SHIFT() == 0
    assert cmdt.balanceOf(c) == 6 * TOKEN and c.holdings() == 6 * TOKEN
    assert c.draw_block() == rnd.tx.block_number + payouts.DRAW_DELAY and c.seed() == 0
    [log] = rnd.tx.decode_logs(airdrop.RoundPublished)
    assert (log.round, log.round_contract, log.asset, log.operator) == (
        1,
        c.address,
        cmdt.address,
        operator.address,
    )
    assert (log.total, log.count, log.fee_bps) == (6 * TOKEN, 3, 500)


def test_publish__native_round__holds_value(publish_round, accounts):
    rnd = publish_round(accounts[3:5], [TOKEN, TOKEN])
    assert rnd.contract.ASSET() == NATIVE and rnd.contract.holdings() == 2 * TOKEN


def test_publish__fee_change__only_later_rounds(airdrop, publish_round, accounts, owner):
    first = publish_round(accounts[3:4], [TOKEN])
    airdrop.set_fee_bps(250, sender=owner)
    second = publish_round(accounts[3:4], [TOKEN])
    assert (first.contract.FEE_BPS(), second.contract.FEE_BPS()) == (500, 250)


def test_publish__tier_shift__spreads_over_four_tiers(publish_round, accounts):
    rnd = publish_round(accounts[:9] * 1, [1] * 9)
    assert rnd.contract.TIER_SHIFT() == payouts.tier_shift_for(9) == 2


@pytest.mark.parametrize("count, shift", [(1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (16, 2), (17, 3)])
def test_publish__tier_shift__smallest_that_fits_the_last_index_in_four_tiers(
    project, airdrop, operator, chain, count, shift
):
    """Exactly four leaves still fit four tiers unshifted; the shift grows by one at each doubling
    past a power of two times four (the last index, count - 1, decides)."""
    airdrop.publish(*_args(chain, count=count, total=count).values(), value=count, sender=operator)
    rnd = round_at(project, chain, airdrop.rounds(1))
    assert rnd.TIER_SHIFT() == payouts.tier_shift_for(count) == shift


def _args(chain, **kw):
    start = chain.pending_timestamp
    args = dict(
        round=1, asset=NATIVE, root=123, salt=b"\x01" * 32, total=TOKEN, count=1, start=start, end=start + DAY
    )
    args.update(kw)
    return args


@pytest.mark.parametrize(
    "kw, reason",
    [
        (dict(round=2), "airdrop_rounds: not the next round number"),
        (dict(root=0), "airdrop_rounds: bad root"),
        (dict(root=2**160), "airdrop_rounds: bad root"),
        (dict(total=0), "airdrop_rounds: zero total"),
        (dict(total=2**96), "airdrop_rounds: total too large"),
        (dict(count=0), "airdrop_rounds: bad leaf count"),
        (dict(total=5, count=6), "airdrop_rounds: bad leaf count"),
        (dict(end_offset=3_599), "airdrop_rounds: bad window"),
        (dict(end_offset=365 * DAY + 1), "airdrop_rounds: bad window"),
        (dict(end_offset=-1), "airdrop_rounds: bad window"),
    ],
)
def test_publish__bad_input__reverts(airdrop, operator, chain, kw, reason):
    args = _args(chain)
    # the parameter dicts are shared by every run of this test in the process: read, never pop
    if "end_offset" in kw:
        args["end"] = args["start"] + kw["end_offset"]
    args.update({k: v for k, v in kw.items() if k != "end_offset"})
    value = args["total"] if args["total"] < 2**90 else 0  # the total check comes first
    with ape.reverts(reason):
        airdrop.publish(*args.values(), value=value, sender=operator)


def test_publish__window_over__reverts(airdrop, operator, chain):
    args = _args(chain, start=chain.pending_timestamp - 2 * DAY, end=chain.pending_timestamp - DAY)
    with ape.reverts("airdrop_rounds: window already over"):
        airdrop.publish(*args.values(), value=TOKEN, sender=operator)


def test_publish__window_ending_in_the_publishing_second__reverts(airdrop, operator, chain):
    """A window whose end is the publishing block's own second is already over."""
    end = chain.pending_timestamp + 10
    args = _args(chain, start=end - 3_600, end=end)
    chain.pending_timestamp = end
    with ape.reverts("airdrop_rounds: window already over"):  # gas given: mined in that second
        airdrop.publish(*args.values(), value=TOKEN, sender=operator, gas=1_000_000)


def test_publish__every_bound_exactly__accepted(airdrop, owner, operator, chain, usdt):
    """Each bound is inclusive: the highest fee, the largest root and total, and the longest
    window are accepted at exactly their value (one past each is refused above)."""
    airdrop.set_fee_bps(1_000, sender=owner)
    usdt.faucet(operator, 2**96 - 1, sender=operator)
    usdt.approve(airdrop, 2**96 - 1, sender=operator)
    args = _args(chain, asset=usdt.address, root=2**160 - 1, total=2**96 - 1)
    args["end"] = args["start"] + 365 * DAY
    airdrop.publish(*args.values(), sender=operator)
    assert airdrop.fee_bps() == 1_000 and airdrop.round_count() == 1
    assert usdt.balanceOf(airdrop.rounds(1)) == 2**96 - 1


def test_publish__not_operator__reverts(airdrop, non_owner, chain):
    with ape.reverts("airdrop_rounds: caller is not an operator"):
        airdrop.publish(*_args(chain).values(), value=TOKEN, sender=non_owner)


def test_publish__native_value_differs__reverts(airdrop, operator, chain):
    with ape.reverts("airdrop_rounds: value differs from total"):
        airdrop.publish(*_args(chain).values(), value=TOKEN - 1, sender=operator)


def test_publish__value_with_token__reverts(airdrop, operator, chain, cmdt):
    cmdt.approve(airdrop, TOKEN, sender=operator)
    with ape.reverts("airdrop_rounds: value sent with a token"):
        airdrop.publish(*_args(chain, asset=cmdt.address).values(), value=1, sender=operator)


def test_publish__fee_on_transfer_asset__reverts(project, airdrop, operator, chain, deployer):
    fot = project.MockQuirkyToken.deploy(1, sender=deployer)
    fot.mint(operator, 10 * TOKEN, sender=operator)
    fot.approve(airdrop, TOKEN, sender=operator)
    with ape.reverts("airdrop_rounds: asset took a transfer fee"):
        airdrop.publish(*_args(chain, asset=fot.address).values(), sender=operator)


def test_publish__no_blueprint__reverts(project, deployer, owner, operator, chain):
    registry = project.AirdropRounds.deploy(owner, sender=deployer)
    registry.set_operator(operator, True, sender=owner)
    with ape.reverts("airdrop_rounds: round blueprint not set"):
        registry.publish(*_args(chain).values(), value=TOKEN, sender=operator)


def test_set_round_blueprint__twice__reverts(airdrop, owner, project, deployer):
    with ape.reverts("airdrop_rounds: round blueprint already set"):
        airdrop.set_round_blueprint(airdrop.round_blueprint(), sender=owner)


def test_set_round_blueprint__not_a_contract__reverts(project, deployer, owner, stranger):
    registry = project.AirdropRounds.deploy(owner, sender=deployer)
    with ape.reverts("airdrop_rounds: blueprint is not a contract"):
        registry.set_round_blueprint(stranger, sender=owner)


@pytest.mark.parametrize(
    "call",
    [
        lambda a, who: a.set_round_blueprint(who, sender=who),
        lambda a, who: a.set_operator(who, True, sender=who),
        lambda a, who: a.set_fee_bps(100, sender=who),
        lambda a, who: a.set_treasury(who, sender=who),
    ],
)
def test_setters__non_owner__reverts(airdrop, non_owner, call):
    with ape.reverts("ownable: caller is not the owner"):
        call(airdrop, non_owner)


def test_set_fee_bps__above_cap__reverts(airdrop, owner):
    with ape.reverts("airdrop_rounds: fee above cap"):
        airdrop.set_fee_bps(1_001, sender=owner)


def test_set_operator__zero__reverts(airdrop, owner):
    with ape.reverts("airdrop_rounds: zero operator"):
        airdrop.set_operator(NATIVE, True, sender=owner)


def test_set_operator__revoked__cannot_publish(airdrop, owner, operator, chain):
    airdrop.set_operator(operator, False, sender=owner)
    assert not airdrop.is_operator(operator)
    with ape.reverts("airdrop_rounds: caller is not an operator"):
        airdrop.publish(*_args(chain).values(), value=TOKEN, sender=operator)


def test_set_treasury__zero__reverts(airdrop, owner):
    with ape.reverts("airdrop_rounds: zero treasury"):
        airdrop.set_treasury(NATIVE, sender=owner)


def test_deploy__zero_owner__reverts(project, deployer):
    with ape.reverts("airdrop_rounds: zero owner"):
        project.AirdropRounds.deploy(NATIVE, sender=deployer)


def test_deploy__defaults__five_percent_fee(airdrop, owner):
    assert airdrop.fee_bps() == 500 and airdrop.owner() == owner


def test_publish__tokens_sent_to_future_round_address__cannot_block(
    project, airdrop, publish_round, accounts, cmdt, operator, stranger
):
    """A griefer who pre-funds the (predictable) next round address does not stop publication;
    the extra tokens reach the treasury with the sweep."""
    import rlp
    from eth_utils import keccak, to_checksum_address

    nonce = airdrop.provider.get_nonce(airdrop.address)  # CREATE address of the next round
    future = to_checksum_address(keccak(rlp.encode([bytes.fromhex(airdrop.address[2:]), nonce]))[12:])
    cmdt.transfer(future, 1, sender=operator)
    rnd = publish_round(accounts[4:6], [TOKEN, TOKEN], token=cmdt)
    assert rnd.contract.address == future and rnd.contract.holdings() == 2 * TOKEN + 1
