# pragma version ~=0.4.3
"""
@title Test helper: one staker behind a minimal proxy
@custom:contract-name StakerAccount
@license GNU Affero General Public License v3.0 only
@notice Gas bench only; see StakingBatchStaker.
"""


from ethereum.ercs import IERC20
from interfaces import IStaking


@external
def stake(token: address, staking: address, amount: uint256):
    """
    @dev Stakes `amount` of `token`, which this account already holds, for itself.
    """
    extcall IERC20(token).approve(staking, amount)
    extcall IStaking(staking).stake(amount)
