# pragma version ~=0.4.3
"""
@title Test helper: many distinct stakers in one transaction
@custom:contract-name StakingBatchStaker
@license GNU Affero General Public License v3.0 only
@notice Gas bench only (`dao.vote.10000stakers`). Each staker is a real,
        distinct account: a minimal proxy of `StakerAccount` that receives
        its tokens and stakes them through the ordinary `stake`. The batch
        only saves transactions, not work: every stake costs what a user's
        would.
"""


from ethereum.ercs import IERC20


interface IAccount:
    def stake(token: address, staking: address, amount: uint256): nonpayable


MAX_BATCH: constant(uint256) = 500


# @dev The account implementation proxies point at.
implementation: public(immutable(address))
# @dev Stakers created so far.
created: public(uint256)


@deploy
def __init__(implementation_: address):
    implementation = implementation_


@external
def stake_many(count: uint256, token: address, staking: address, amount: uint256):
    """
    @dev Creates `count` stakers, each staking `amount` of `token`; this
         contract must hold count x amount.
    """
    for i: uint256 in range(count, bound=MAX_BATCH):
        account: address = create_minimal_proxy_to(implementation)
        extcall IERC20(token).transfer(account, amount)
        extcall IAccount(account).stake(token, staking, amount)
    self.created += count
