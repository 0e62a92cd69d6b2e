"""Vesting rows: the suite's VestingVault release (fivefold/vesting/bench.py's `vesting.release`)
beside OpenZeppelin's VestingWallet and Sablier v2's lockup streams.

Every side vests 200,000,000 CC (the suite's CappedToken, the same token code on every side, so the
payout's transfer costs the same) to user 0 over four months from now; the first payout was made
at month 1, the measured one is the second, at month 2, sent by a third party (user 1) to a
beneficiary that already holds CC. The suite's schedule is cc.public (20% at TGE, then 4 x 20%
monthly): its vault holds the schedule among others, indexed by id. VestingWallet is a contract per
beneficiary vesting linearly; Sablier's LockupLinear streams linearly and LockupTranched pays monthly
tranches as the suite's plan does (20% a second after the start, then 4 x 20%), both as shipped.
"""

from fivefold.assurance import build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import Bench
from fivefold.tokens.bench import capped_token
from fivefold.units import MONTH, to_wei

TOTAL = to_wei(200_000_000)
MONTHS = 4
SABLIER_LINEAR = "@sablier/v2-core/artifacts/SablierV2LockupLinear.json"
SABLIER_TRANCHED = "@sablier/v2-core/artifacts/SablierV2LockupTranched.json"
# the constructor's bound on tranches per stream (create checks it; withdraw does not read it)
MAX_TRANCHES = 500
ZERO = "0x0000000000000000000000000000000000000000"
CONDITION = (
    "second payout (month 2) of 200,000,000 CC vesting to a beneficiary that already holds CC (paid "
    "at month 1), sent by a third party"
)


def _cc(b: Bench, holder: str):
    """The suite's CappedToken as CC, its whole supply (TOTAL) with `holder`."""
    token = capped_token(b, "Cloud Chat", "CC", TOTAL)
    token.initialize_supply([holder], [TOTAL], sender=b.owner)
    return token


@comparison(
    "vesting.release.openzeppelin",
    operation="vesting release (2nd payout)",
    condition=CONDITION + "; VestingWallet: linear over 4 months, one wallet for the beneficiary",
    suite="vesting.release",
    reference="OpenZeppelin VestingWallet",
)
def openzeppelin(b: Bench):
    start = b.chain.pending_timestamp
    wallet = build_bench.compiled("VestingWallet").deploy(b.user(0), start, MONTHS * MONTH, sender=b.owner)
    token = _cc(b, wallet.address)
    b.chain.pending_timestamp = start + MONTH
    wallet.release(token, sender=b.user(1))
    b.chain.pending_timestamp = start + 2 * MONTH
    return wallet.release(token, sender=b.user(1))


def _sablier(b: Bench, artifact: str, create, *extra):
    """Sablier's lockup contract (admin: the owner; the NFT descriptor is only read by tokenURI, so
    the owner's address stands in for it), a stream of all of CC to user 0 created by the treasury
    (not cancelable), `create(lockup, token, start)` opening it; then the two payouts. `extra`: the
    constructor's arguments after those two."""
    lockup = build_bench.shipped(artifact).deploy(b.owner, b.owner, *extra, sender=b.deployer)
    token = _cc(b, b.treasury.address)
    token.approve(lockup, TOTAL, sender=b.treasury)
    start = b.chain.pending_timestamp
    create(lockup, token, start)
    stream = int(lockup.nextStreamId()) - 1
    b.chain.pending_timestamp = start + MONTH
    lockup.withdrawMax(stream, b.user(0), sender=b.user(1))
    b.chain.pending_timestamp = start + 2 * MONTH
    return lockup.withdrawMax(stream, b.user(0), sender=b.user(1))


@comparison(
    "vesting.release.sablier_linear",
    operation="vesting release (2nd payout)",
    condition=CONDITION + "; SablierV2LockupLinear.withdrawMax: one stream, linear over 4 months, no cliff",
    suite="vesting.release",
    reference="Sablier v2 LockupLinear",
)
def sablier_linear(b: Bench):
    def create(lockup, token, start):
        params = (b.treasury, b.user(0), TOTAL, token, False, True, (0, MONTHS * MONTH), (ZERO, 0))
        lockup.createWithDurations(params, sender=b.treasury)

    return _sablier(b, SABLIER_LINEAR, create)


@comparison(
    "vesting.release.sablier_tranched",
    operation="vesting release (2nd payout)",
    condition=CONDITION + "; SablierV2LockupTranched.withdrawMax: one stream of five tranches (20% a "
    "second after the start, then 4 x 20% monthly), the suite's cc.public",
    suite="vesting.release",
    reference="Sablier v2 LockupTranched",
)
def sablier_tranched(b: Bench):
    fifth = TOTAL // 5

    def create(lockup, token, start):
        # (amount, duration since the previous tranche): Sablier needs every duration above zero
        tranches = [(fifth, 1), (fifth, MONTH - 1)] + [(fifth, MONTH)] * (MONTHS - 1)
        params = (b.treasury, b.user(0), TOTAL, token, False, True, tranches, (ZERO, 0))
        lockup.createWithDurations(params, sender=b.treasury)

    return _sablier(b, SABLIER_TRANCHED, create, MAX_TRANCHES)
