"""Build llama.cpp's own ``llama-bench`` from the llama-cpp-python sdist Fumi uses.

The comparison is only fair if both sides run the same llama.cpp: the sdist of
the installed llama-cpp-python version carries that exact llama.cpp source in
``vendor/llama.cpp``. It is fetched once with pip (``pip download --no-binary``)
into ``benchmarks/.cache/`` and built there with CMake; later runs reuse the
binary. The build uses llama.cpp's defaults (GGML_NATIVE=ON, OpenMP), like
the wheel pip built on this machine.

Run alone: ``python benchmarks/llama_bench_build.py`` prints the binary's path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"


def binding_version() -> str:
    """The installed llama-cpp-python version (its sdist holds the matching llama.cpp)."""
    return metadata.version("llama-cpp-python")


def fetch_sdist(version: str, cache: Path = CACHE) -> Path:
    """The sdist tarball in ``cache``, downloaded with pip if it is not there yet."""
    cache.mkdir(parents=True, exist_ok=True)
    tarball = cache / f"llama_cpp_python-{version}.tar.gz"
    if not tarball.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             f"llama-cpp-python=={version}", "-d", str(cache)],
            check=True,
        )
    return tarball


def unpack(tarball: Path, cache: Path = CACHE) -> Path:
    """The vendored llama.cpp source tree from ``tarball`` (unpacked once)."""
    top = cache / tarball.name.removesuffix(".tar.gz")
    source = top / "vendor" / "llama.cpp"
    if not (source / "CMakeLists.txt").exists():
        with tarfile.open(tarball) as archive:
            archive.extractall(cache, filter="data")
    return source


def build(source: Path, cache: Path = CACHE, jobs: int = 2, target: str = "llama-bench") -> Path:
    """Compile ``target`` (``llama-bench``, ``llama-batched-bench``); returns the executable's path."""
    build_dir = cache / "llama-bench-build"
    exe = build_dir / "bin" / (f"{target}.exe" if os.name == "nt" else target)
    if exe.exists():
        return exe
    generator = ["-G", "Ninja"] if _has("ninja") else []
    subprocess.run(
        ["cmake", "-S", str(source), "-B", str(build_dir), *generator,
         "-DCMAKE_BUILD_TYPE=Release", "-DLLAMA_BUILD_TOOLS=ON", "-DLLAMA_BUILD_TESTS=OFF",
         "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_BUILD_SERVER=OFF", "-DLLAMA_CURL=OFF",
         "-DBUILD_SHARED_LIBS=OFF"],
        check=True,
    )
    subprocess.run(
        ["cmake", "--build", str(build_dir), "--target", target, "-j", str(jobs)],
        check=True,
    )
    return exe


def _has(program: str) -> bool:
    from shutil import which

    return which(program) is not None


def ensure_llama_bench(cache: Path = CACHE, target: str = "llama-bench") -> Path:
    """Path of ``target`` (default ``llama-bench``) built from the installed binding's llama.cpp."""
    existing = cache / "llama-bench-build" / "bin" / target
    if existing.exists():
        return existing
    return build(unpack(fetch_sdist(binding_version(), cache), cache), cache, target=target)


if __name__ == "__main__":
    print(ensure_llama_bench())
