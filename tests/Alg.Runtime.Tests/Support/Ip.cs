using Alg.Policy.Model;

namespace Alg.Runtime.Tests.Support;

/// <summary>Dotted-quad literals for tests.</summary>
public static class Ip
{
    public static uint V4(string text) => Ipv4Address.Parse(text).Value;
}
