"""The Python mirror of LiquidityFarm (contracts/nft/LiquidityFarm.vy) and of the lending markets'
liquidity mining: both are contracts/shared/reward_accumulator.vy streams, and the accumulator's
integer mirror is fivefold/governance/model.py's `Accumulator` (the module was written for staking
first; its mirror is imported here rather than written twice).

`Farm` adds what the farm holds besides the stream: the staked LP tokens and the reward token
(funded - paid), so a test can compare the contract's balances, every `earned` and `unallocated`
to the wei, and the conservation equation

    funded == paid + sum(earned) + dust + unallocated,   dust >= 0

holds at every step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fivefold.governance.model import Accumulator

__all__ = ["Accumulator", "Farm"]


@dataclass
class Farm:
    """One farm: its stream and its token holdings."""

    acc: Accumulator
    lp_held: int = 0
    history: list = field(default_factory=list)  # (what, account, amount, now), for failure reports

    @classmethod
    def start(cls, now: int) -> Farm:
        return cls(Accumulator(last=now))

    def stake(self, account: str, amount: int, now: int) -> None:
        self.acc.deposit(account, amount, now)
        self.lp_held += amount
        self.history.append(("stake", account, amount, now))

    def unstake(self, account: str, amount: int, now: int) -> None:
        self.acc.withdraw(account, amount, now)
        self.lp_held -= amount
        self.history.append(("unstake", account, amount, now))

    def claim(self, account: str, now: int) -> int:
        amount = self.acc.claim(account, now)
        self.history.append(("claim", account, amount, now))
        return amount

    def fund(self, amount: int, now: int) -> None:
        self.acc.fund(amount, now)
        self.history.append(("fund", "", amount, now))

    def set_rate(self, rate: int, now: int) -> None:
        self.acc.set_rate(rate, now)
        self.history.append(("rate", "", rate, now))

    @property
    def reward_held(self) -> int:
        """The reward token the farm holds: funded - paid."""
        return self.acc.funded - self.acc.paid

    def emitted(self, now: int) -> int:
        """What the stream has emitted to stakers up to `now`: paid + every claimable amount + dust
        (funded - unallocated)."""
        _, unallocated = self.acc.streamed(now)
        return self.acc.funded - unallocated
