using System.Collections.Immutable;
using Alg.Policy.Algs;

namespace Alg.Runtime.Tests.Support;

/// <summary>An <see cref="AlgHarness"/> with the FTP ALG on port 21.</summary>
public sealed class FtpHarness : AlgHarness
{
    public FtpHarness(bool serverInside = false, ImmutableArray<AlgPort> ports = default, params (string Name, AlgOptionValue Value)[] options)
        : this(serverInside, ports, FtpEngine.Both, options)
    {
    }

    public FtpHarness(bool serverInside, ImmutableArray<AlgPort> ports, FtpEngine engine, params (string Name, AlgOptionValue Value)[] options)
        : base("ftp", 21, serverInside, ports, engine, options)
    {
    }
}
