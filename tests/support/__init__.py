"""Helpers the tests share: a tiny GGUF writer, a scripted model, broken model files."""
