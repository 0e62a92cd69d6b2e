"""fivefold: the Python side of the suite (config, schedules, deployment, gas, local chains)."""
