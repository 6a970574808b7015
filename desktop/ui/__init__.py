"""The window: widgets only. Nothing here imports llama_cpp; the model is reached through ``EngineClient``."""
