"""Assurance tooling (issue 18): how the suite compares with reference implementations and how well
its tests guard it."""
