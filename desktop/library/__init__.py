"""The model library: finding model files, reading their headers safely, the catalog, RAM fit, checksums.

Untrusted model files are only ever parsed by ``gguf_meta`` (a bounded reader),
and from the window or the command line only inside the probe process
(``probe_files``). The engine process may call ``read_model_facts`` directly
before handing a file to llama.cpp.
"""

from desktop.library.catalog import Catalog, CatalogEntry, CatalogError, load_catalog
from desktop.library.checksum import sha256_file
from desktop.library.discovery import (
    ModelEntry,
    ModelNotFound,
    ModelRefused,
    default_model,
    discover_models,
    find_model,
    model_folders,
)
from desktop.library.facts import model_facts, read_model_facts
from desktop.library.gguf_meta import GGUFFormatError, read_gguf_metadata
from desktop.library.hardware import available_ram_bytes, physical_cores, total_ram_bytes
from desktop.library.sizes import format_bytes
from desktop.library.probe import ProbeResult, probe_files
from desktop.library.ram import RamFit, choose_context, estimate_ram, estimate_ram_bytes, fit

__all__ = [
    "Catalog", "CatalogEntry", "CatalogError", "GGUFFormatError", "ModelEntry", "ModelNotFound",
    "ModelRefused", "ProbeResult", "RamFit", "available_ram_bytes", "choose_context", "default_model",
    "discover_models", "estimate_ram", "estimate_ram_bytes", "find_model", "fit", "format_bytes",
    "load_catalog", "model_facts", "model_folders", "physical_cores", "probe_files",
    "read_gguf_metadata", "read_model_facts", "sha256_file", "total_ram_bytes",
]
