# pragma version ~=0.4.3
"""
@title Test attacker: replays a stored call when it receives value
@custom:contract-name ReentrantPayoutAttacker
@license GNU Affero General Public License v3.0 only
@notice Tests only. `execute(target, data)` calls `target` with `data`
        (a claim, a refund, a create); whenever this contract then
        receives the native coin or a HookToken hook fires, it calls the
        armed `reentry_target` with `reentry_data` once and records
        whether that call succeeded and what it returned.
"""


interface IHookToken:
    def register_hooks(): nonpayable
    def approve(spender: address, amount: uint256) -> bool: nonpayable


# @dev Where and what to call on reentry.
reentry_target: public(address)
reentry_data: public(Bytes[1024])
# @dev Whether the reentrant call has been attempted and whether it succeeded.
attempted: public(bool)
succeeded: public(bool)
# @dev What the reentrant call returned (or its revert data).
reentry_result: public(Bytes[256])


@external
@payable
def __default__():
    self._reenter()


@external
def arm(target: address, data: Bytes[1024]):
    """
    @dev Sets the call to make on reentry.
    @param target The contract to reenter.
    @param data The calldata.
    """
    self.reentry_target = target
    self.reentry_data = data
    self.attempted = False
    self.succeeded = False


@external
@payable
def execute(target: address, data: Bytes[1024], amount: uint256) -> Bytes[256]:
    """
    @dev Calls `target` with `data` and `amount` of native coin; bubbles up reverts.
    @param target The contract.
    @param data The calldata.
    @param amount Native coin to send.
    @return Bytes[256] What the call returned.
    """
    return raw_call(target, data, value=amount, max_outsize=256)


@external
def hook_into(token: address, spender: address, amount: uint256):
    """
    @dev Registers for HookToken hooks and approves `spender`.
    @param token The HookToken.
    @param spender The spender.
    @param amount The allowance.
    """
    extcall IHookToken(token).register_hooks()
    extcall IHookToken(token).approve(spender, amount)


@external
def on_token_sent(to: address, amount: uint256):
    """
    @dev HookToken's sender hook.
    @param to The recipient.
    @param amount The amount.
    """
    self._reenter()


@external
def on_token_received(sender: address, amount: uint256):
    """
    @dev HookToken's recipient hook.
    @param sender The sender.
    @param amount The amount.
    """
    self._reenter()


@internal
def _reenter():
    if self.reentry_target == empty(address) or self.attempted:
        return
    self.attempted = True
    ok: bool = False
    result: Bytes[256] = b""
    ok, result = raw_call(self.reentry_target, self.reentry_data, max_outsize=256, revert_on_failure=False)
    self.succeeded = ok
    self.reentry_result = result
