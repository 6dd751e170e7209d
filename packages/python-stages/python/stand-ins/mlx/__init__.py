"""Test stand-in for MLX: see mlx.core."""
