using System.Globalization;

namespace Alg.Doctor;

/// <summary>An address and port as text: SDP may name a host or an IPv6 address, so the doctor keeps what was written.</summary>
public readonly record struct MediaEndpoint(string Address, int Port)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Address}:{Port}");
}
