"""The scaling table (fivefold/assurance/scaling.py, `ape run scaling`): a smoke run of one real row
at tiny sizes, the board's two rows there too (their weights sent packed), the exit code when a row is
not flat, and the option parsing. The full table (10, 1,000 and 10,000 participants, minutes) is
`make scaling`."""

import json
from pathlib import Path
from types import SimpleNamespace

import ape
import pytest

from fivefold.assurance import scaling
from fivefold.context import create_address
from fivefold.gas import Bench
from tests.cli.conftest import invoke, one_line_error


def test_scaling__one_row_at_sizes_2_and_4__flat_and_written(tmp_path):
    """`ape run scaling --sizes 2,4 --only vesting.release` measures the real row at both sizes, finds
    it flat, prints it and writes the figures."""
    path = tmp_path / "scaling.json"
    result = invoke("scaling", "--only", "vesting.release", "--sizes", "2,4", "--file", str(path))
    assert result.exit_code == 0, result.output
    document = json.loads(path.read_text())
    row = document["rows"]["vesting.release"]
    assert document["sizes"] == [2, 4]
    assert set(row["gas"]) == {"2", "4"} and row["gas"]["2"] > 0
    assert row["spread"] == row["gas"]["4"] - row["gas"]["2"] and row["within_tolerance"] is True
    assert "vesting.release" in result.output and "flat" in result.output


def test_scaling__board_rows_at_sizes_2_and_4__flat_at_the_snapshot_figures(tmp_path):
    """The board's vote and claim share one crowd whose weights are set on predicted addresses in
    packed blocks: at sizes 2 and 4 both rows are flat at their gas-snapshot.json figures (a wrong
    address would have no weight and revert its batch)."""
    path = tmp_path / "scaling.json"
    result = invoke("scaling", "--only", "board", "--sizes", "2,4", "--file", str(path))
    assert result.exit_code == 0, result.output
    rows = json.loads(path.read_text())["rows"]
    snapshot = json.loads(Path("gas-snapshot.json").read_text())
    assert set(rows) == {"board.vote", "board.claim"}
    for key, row in rows.items():
        assert row["gas"] == {"2": snapshot[key]["gas"], "4": snapshot[key]["gas"]}, key


def test_scaling__row_growing_with_the_crowd__exits_one(tmp_path, monkeypatch):
    """A row whose gas grows with the crowd (a stand-in: 50,000 gas plus 100 a participant) fails the
    run with a one-line error naming it, after writing its figures."""
    present = [0]

    def build(b, capacity):
        def join(count):
            present[0] += count

        return scaling.Crowd(join, (lambda: SimpleNamespace(gas_used=50_000 + 100 * present[0]),), 10)

    stand_in = scaling.Row("scaling.stand_in", "grows", build, 0)
    monkeypatch.setitem(scaling.ROWS, "scaling.stand_in", stand_in)
    path = tmp_path / "scaling.json"
    result = invoke("scaling", "--only", "scaling.stand_in", "--sizes", "10,20", "--file", str(path))
    one_line_error(result, "spread above 1%: scaling.stand_in (1,000 gas)")
    assert json.loads(path.read_text())["rows"]["scaling.stand_in"]["gas"] == {"10": 51_000, "20": 52_000}


def test_scaling__unknown_prefix__one_line_error():
    """--only with a prefix no row has names the rows there are."""
    result = invoke("scaling", "--only", "nothing.here", "--sizes", "2,4", "--file", "/dev/null")
    one_line_error(result, "no scaling row starts with 'nothing.here'", "dao.vote")


@pytest.mark.parametrize("text", ["10", "10,10", "0,5", "ten,20"])
def test_parse_sizes__fewer_than_two_or_not_positive__value_error(text):
    """--sizes needs at least two distinct whole sizes, each at least 1."""
    with pytest.raises(ValueError, match="--sizes"):
        scaling.parse_sizes(text)


def test_parse_sizes__unordered_with_underscores__ascending():
    """Sizes come back sorted and deduplicated; 10_000 reads as 10000."""
    assert scaling.parse_sizes("10_000, 10,1000,10") == (10, 1_000, 10_000)


def test_by_crowd__rows_sharing_a_system__one_crowd():
    """Lending's borrow and repay share one crowd (one build, two measurements); every other row
    registered has its own."""
    groups = {tuple(r.key for r in group) for group in scaling.by_crowd(scaling.load_rows())}
    assert ("lending.borrow", "lending.repay") in groups
    assert all(len({r.build for r in group}) == 1 for group in scaling.by_crowd(scaling.load_rows()))


def test_in_batches__remainder__last_batch_short():
    """A crowd of 250 in batches of 100 is three transactions: 100, 100 and 50."""
    assert scaling.in_batches(250, 100) == [100, 100, 50]
    assert scaling.in_batches(0, 100) == []


def test_within__one_percent_band__edge_included():
    """The band is 1% of the smallest figure: exactly 1% passes, one gas more fails."""
    assert scaling.within({10: 100_000, 1_000: 101_000})
    assert not scaling.within({10: 100_000, 1_000: 101_001})


def test_join_many__coin_not_divisible_by_count__reverts(project, accounts):
    """ScalingCrowd gives each participant an equal share of the coin sent: 10 wei for 3 participants
    reverts with its reason."""
    deployer = accounts[0]
    account = project.ScalingCrowdAccount.deploy(sender=deployer)
    crowd = project.ScalingCrowd.deploy(account, sender=deployer)
    with ape.reverts("scaling_crowd: coin not divisible by count"):
        crowd.join_many(3, scaling.ZERO_ADDRESS, 0, deployer, b"", value=10, sender=deployer)


def test_join_each__three_calls__each_participant_at_its_predicted_address(project, accounts):
    """`join_each` opens one proxy per call, in order, at the CREATE addresses `create_address`
    predicts (nonces 1, 2, 3), each making its own call; `act_many` makes them call again."""
    deployer, spender = accounts[0], accounts[1]
    token = project.MockStablecoin.deploy(sender=deployer)
    crowd = project.ScalingCrowd.deploy(project.ScalingCrowdAccount.deploy(sender=deployer), sender=deployer)
    calls = [token.approve.encode_input(spender, amount) for amount in (1, 2, 3)]
    crowd.join_each(token, calls, sender=deployer)
    participants = [create_address(crowd.address, nonce) for nonce in (1, 2, 3)]
    assert [token.allowance(p, spender) for p in participants] == [1, 2, 3] and crowd.created() == 3
    crowd.act_many(participants[1:], token, token.approve.encode_input(spender, 7), sender=deployer)
    assert [token.allowance(p, spender) for p in participants] == [1, 7, 7]


def _campaign_interactions(project, receipt) -> int:
    return project.AdCampaigns.at(receipt.receiver).stats(1).interactions


def _packet_claims(project, receipt) -> int:
    rp = project.RedPacket.at(receipt.receiver)
    return rp.packet(rp.Claimed.from_receipt(receipt)[0].id).claims


@pytest.mark.parametrize(
    "key, counted",
    [
        ("ads.claim", _campaign_interactions),
        ("ads.claim.attested", _campaign_interactions),
        ("redpacket.claim.erc20.fresh", _packet_claims),
        ("redpacket.claim.native.fresh", _packet_claims),
    ],
)
def test_binding_crowds__three_others__each_paid_before_the_measured_claim(
    project, accounts, chain, key, counted
):
    """The ads and red-packet crowds are real (proxies, or keyless addresses for the native packet):
    after three others joined, the measured claim is the campaign's fifth interaction, the packet's
    fifth claim (user 1's, the three, then its own)."""
    bench = Bench(project=project, accounts=accounts, chain=chain)
    crowd = scaling.ROWS[key].build(bench, 3)
    crowd.join(3)
    assert counted(project, crowd.measures[0]()) == 5


def test_mall_buy_crowd__three_buyers__each_owns_the_token_it_bought(project, accounts, chain):
    """mall.buy's crowd is real: each keyless buyer owns the seller's token its own order sold it."""
    bench = Bench(project=project, accounts=accounts, chain=chain)
    crowd = scaling.ROWS["mall.buy"].build(bench, 3)
    crowd.join(3)
    receipt = crowd.measures[0]()
    nft = project.MallRoyalty721.at(
        next(e.contract_address for e in receipt.events if e.event_name == "Transfer")
    )
    buyers = [scaling._keyless(b"mall.buyer", n) for n in range(3)]
    assert [nft.ownerOf(scaling.MALL_CROWD_TOKENS + n) for n in range(3)] == buyers


def test_send_many__keyless_senders_packed__each_sends_then_node_settings_back(project, accounts, chain):
    """`senders`: each call comes from its own keyless address, impersonated only while they are sent;
    with `packed`, automine is on again after."""
    bench = Bench(project=project, accounts=accounts, chain=chain)
    token = project.MockStablecoin.deploy(sender=accounts[0])
    spender = accounts[1]
    senders = [scaling._keyless(b"test.sender", n) for n in range(3)]
    calls = [(spender, n + 1) for n in range(3)]
    scaling.send_many(bench, None, token.approve, calls, 100_000, packed=True, senders=senders)
    assert [token.allowance(s, spender) for s in senders] == [1, 2, 3]
    assert chain.provider.make_request("anvil_getAutomine", []) is True
    tx = {"from": senders[0], "to": token.address, "data": "0x", "gas": 100_000, "gasPrice": 0}
    with pytest.raises(Exception, match="(?i)signer|impersonat|unknown account"):
        chain.provider.web3.eth.send_transaction(tx)  # impersonation is off again
