# pragma version ~=0.4.3
"""
@title Test helper: one crowd participant behind a minimal proxy
@custom:contract-name ScalingCrowdAccount
@license GNU Affero General Public License v3.0 only
@notice Scaling table only; see ScalingCrowd.
"""


from ethereum.ercs import IERC20


# @dev The longest call a participant makes (a tip with its message, a purchase).
MAX_DATA: constant(uint256) = 512


@external
@payable
def act(token: address, target: address, data: Bytes[MAX_DATA]):
    """
    @dev Approves `target` for all of `token` this account holds (none if
         `token` is empty), then calls `target` with `data` and the coin
         sent, as the participant.
    @param token The token the call spends, or empty.
    @param target The contract under measurement.
    @param data The call.
    """
    if token != empty(address):
        extcall IERC20(token).approve(target, max_value(uint256))
    raw_call(target, data, value=msg.value)
