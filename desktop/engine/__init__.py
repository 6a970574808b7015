"""The engine: a second process that owns the model and runs whole jobs.

`protocol` is the language spoken on the pipe, `worker` is the engine process,
`llm` is the only module that imports llama_cpp, `client` is the Qt side of the
pipe and `session` the blocking side used by the command line.
"""
