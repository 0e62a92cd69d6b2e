"""AirdropRound.sweep: after the window, fees and unclaimed amounts go to the treasury."""

import ape

from fivefold.payouts import model as payouts

from .conftest import TOKEN, round_at, round_key


def test_sweep__after_window__treasury_gets_fees_and_unclaimed(
    publish_round, accounts, cmdt, chain, stranger, treasury
):
    amounts = [10 * TOKEN, 20 * TOKEN, 30 * TOKEN + 3]
    rnd = publish_round(accounts[4:7], amounts, token=cmdt)
    rnd.draw(chain, stranger)
    paid = 0
    for i in (0, 2):
        rnd.wait_turn(chain, i)
        before = cmdt.balanceOf(rnd.accounts[i])
        rnd.claim(i, sender=stranger)
        paid += cmdt.balanceOf(rnd.accounts[i]) - before
    chain.pending_timestamp = rnd.contract.END()
    before = cmdt.balanceOf(treasury)
    tx = rnd.contract.sweep(sender=stranger)
    swept = cmdt.balanceOf(treasury) - before
    fees = payouts.airdrop_fee(amounts[0], 500) + payouts.airdrop_fee(amounts[2], 500)
    assert swept == amounts[1] + fees
    assert paid + swept == sum(amounts)
    assert tx.decode_logs(rnd.contract.Swept)[0].amount == swept


def test_sweep__native__to_treasury(publish_round, accounts, chain, stranger, treasury):
    rnd = publish_round(accounts[4:6], [TOKEN, TOKEN])
    chain.pending_timestamp = rnd.contract.END()
    before = treasury.balance
    rnd.contract.sweep(sender=stranger)
    assert treasury.balance == before + 2 * TOKEN


def test_sweep__window_open__reverts(publish_round, accounts, stranger):
    rnd = publish_round(accounts[4:6], [TOKEN, TOKEN])
    with ape.reverts("airdrop_round: round still open"):
        rnd.contract.sweep(sender=stranger)


def test_sweep__twice__nothing_to_sweep(publish_round, accounts, chain, stranger):
    rnd = publish_round(accounts[4:6], [TOKEN, TOKEN])
    chain.pending_timestamp = rnd.contract.END()
    rnd.contract.sweep(sender=stranger)
    with ape.reverts("airdrop_round: nothing to sweep"):
        rnd.contract.sweep(sender=stranger)


def test_sweep__treasury_not_set__reverts(project, deployer, owner, operator, accounts, chain, stranger):
    from fivefold.payouts import merkle

    registry = project.AirdropRounds.deploy(owner, sender=deployer)
    registry.set_round_blueprint(deployer.declare(project.AirdropRound).contract_address, sender=owner)
    registry.set_operator(operator, True, sender=owner)
    key = round_key(chain, registry, 1)
    tree = merkle.MerkleTree(
        merkle.airdrop_leaves(key.prefix, [bytes.fromhex(accounts[4].address[2:])], [TOKEN])
    )
    start = chain.pending_timestamp
    registry.publish(
        1,
        "0x" + "00" * 20,
        tree.root_int,
        key.salt,
        TOKEN,
        1,
        start,
        start + 3_600,
        value=TOKEN,
        sender=operator,
    )
    rnd = round_at(project, chain, registry.rounds(1))
    chain.pending_timestamp = start + 3_600
    with ape.reverts("airdrop_round: treasury not set"):
        rnd.sweep(sender=stranger)
