/*
 * Test scaffolding for the Wine smoke test (.ci/wine-smoke), never shipped.
 *
 * Rust's standard library on Windows takes its random bytes (the seeds of
 * HashMap's hasher) from ProcessPrng in bcryptprimitives.dll, which Windows
 * has had since Windows 10. Wine 8, as Debian 12 ships it, has no such DLL,
 * so a Rust program does not even start there. This stub provides the one
 * function, filled from RtlGenRandom (advapi32's SystemFunction036), which
 * Wine does implement. Loaded with WINEDLLOVERRIDES=bcryptprimitives=n from
 * the executable's folder.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG length: fill larger buffers in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!RtlGenRandom(data, piece))
            return FALSE;
        data += piece;
        length -= piece;
    }
    /* Windows' own ProcessPrng is documented to always return TRUE. */
    return TRUE;
}
