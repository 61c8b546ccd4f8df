using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>
/// Finds ncacn_ip_tcp string bindings in a DCOM reply's stub ([MS-DCOM] 2.2.19.3 STRINGBINDING: wTowerId 0x0007, then
/// the UTF-16LE text <c>host[port]</c> and a NUL). The DUALSTRINGARRAY sits deep in marshalled activation properties
/// whose layout varies by call (RemoteCreateInstance, RemoteActivation, ResolveOxid2, ServerAlive2), so the stub is
/// scanned for that exact shape rather than walked; a false match would still have to name the replying server and a
/// port above 1023 to open anything.
/// </summary>
public static class DcomStringBindingScanner
{
    /// <summary>Characters of the longest network address read (a DNS name of 63 plus a port).</summary>
    public const int MaxCharacters = 80;

    public static int Scan(ReadOnlySpan<byte> stub, Span<DcomStringBinding> bindings)
    {
        var count = 0;
        for (var i = 0; i + 4 <= stub.Length && count < bindings.Length; i++)
        {
            if (stub[i] != 0x07 || stub[i + 1] != 0x00)
            {
                continue;
            }

            if (TryRead(stub, i + 2, out var binding, out var end))
            {
                bindings[count++] = binding;
                i = end - 1;
            }
        }

        return count;
    }

    private static bool TryRead(ReadOnlySpan<byte> stub, int start, out DcomStringBinding binding, out int end)
    {
        binding = default;
        end = start;
        Span<byte> host = stackalloc byte[MaxCharacters];
        var hostLength = 0;
        var position = start;
        for (var characters = 0; ; characters++)
        {
            if (characters == MaxCharacters || stub.Length - position < 2 || stub[position + 1] != 0)
            {
                return false;
            }

            var c = stub[position];
            position += 2;
            if (c == (byte)'[')
            {
                break;
            }

            if (!(AsciiText.IsDigit(c) || c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'.' or (byte)'-'))
            {
                return false;
            }

            host[hostLength++] = c;
        }

        var port = 0;
        var digits = 0;
        while (stub.Length - position >= 2 && stub[position + 1] == 0 && AsciiText.IsDigit(stub[position]) && digits < 5)
        {
            port = (port * 10) + (stub[position] - '0');
            digits++;
            position += 2;
        }

        // "]" then the binding's terminating NUL.
        if (hostLength == 0 || digits == 0 || port > ushort.MaxValue || stub.Length - position < 4
            || stub[position] != (byte)']' || stub[position + 1] != 0 || stub[position + 2] != 0 || stub[position + 3] != 0)
        {
            return false;
        }

        var address = Ipv4Text.TryParseIpv4(host[..hostLength], out var parsed) ? parsed : 0;
        binding = new DcomStringBinding(start, address, (ushort)port);
        end = position + 4;
        return true;
    }
}
