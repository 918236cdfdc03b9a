/*
 * Test scaffolding for `make wine-check`, never shipped: Debian's Wine 8.0
 * has no bcryptprimitives.dll, whose ProcessPrng Go 1.22+ programs load at
 * start (Windows 10 has it). This stand-in, copied into the Wine prefix's
 * system32 only, answers ProcessPrng with RtlGenRandom (SystemFunction036),
 * the generator Go used before.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
