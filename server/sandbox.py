"""What a query worker process may do: no network, bounded memory.

The worker cuts itself off from the network before it opens the store: a seccomp filter makes every
socket() other than a Unix one fail with EPERM. Whatever a query says (SERVICE in any spelling the
parser accepts), the engine that runs it cannot open a connection. Its memory is capped with
RLIMIT_DATA: an allocation past the cap fails, the worker stops, and the pool reports it.
"""

from __future__ import annotations

import ctypes
import platform
import resource
import struct

# struct sock_filter: u16 code, u8 jt, u8 jf, u32 k; see linux/filter.h and linux/seccomp.h
_LD_ABS_W, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06
_ALLOW, _EPERM = 0x7FFF0000, 0x00050000 | 1
_AF_UNIX = 1
# machine: (AUDIT_ARCH, socket syscall number)
_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2


def _program(audit_arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    return [
        (_LD_ABS_W, 0, 0, 4),  # 0 seccomp_data.arch
        (_JEQ, 1, 0, audit_arch),  # 1 our architecture: go on
        (_RET, 0, 0, _EPERM),  # 2 another ABI: refuse
        (_LD_ABS_W, 0, 0, 0),  # 3 seccomp_data.nr
        (_JGE, 0, 1, 0x40000000),  # 4 the x32 ABI's numbers
        (_RET, 0, 0, _EPERM),  # 5
        (_JEQ, 0, 4, socket_nr),  # 6 socket(): look at its domain, else allow
        (_LD_ABS_W, 0, 0, 16),  # 7 args[0], low half: the address family
        (_JEQ, 0, 1, _AF_UNIX),  # 8
        (_RET, 0, 0, _ALLOW),  # 9 a Unix socket
        (_RET, 0, 0, _EPERM),  # 10 any other family: IPv4, IPv6, netlink, packet...
        (_RET, 0, 0, _ALLOW),  # 11 any other system call
    ]


def deny_network() -> bool:
    """Refuse this process (and its threads and children) any network socket. False where seccomp
    filters are not available (another OS or architecture); the caller must then check queries itself."""
    machine = platform.machine()
    if platform.system() != "Linux" or machine not in _ARCH:
        return False
    program = _program(*_ARCH[machine])
    code = b"".join(struct.pack("HBBI", *op) for op in program)
    buffer = ctypes.create_string_buffer(code, len(code))

    class _Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = _Prog(len(program), ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) == 0


def cap_memory(megabytes: float) -> None:
    """Cap the process's data segment (heap and private mappings) at megabytes (0: no cap)."""
    if megabytes <= 0:
        return
    limit = int(megabytes * 1024 * 1024)
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
