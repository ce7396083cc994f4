"""Bytes to text: encoding detection, loading with limits, and clean-up of controls."""
