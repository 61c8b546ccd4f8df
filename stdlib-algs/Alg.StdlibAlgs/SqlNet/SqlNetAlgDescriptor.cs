using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.SqlNet;

/// <summary>Declaration of the <c>sqlnet</c> ALG: Oracle SQL*Net / TNS redirects and connect descriptors.</summary>
public static class SqlNetAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "sqlnet",
        "Oracle SQL*Net / TNS redirects and connect descriptors",
        [AlgPort.Tcp(1521)],
        [],
        [new AlgAlias(Dialect.Asa, "sqlnet"), new AlgAlias(Dialect.ScreenOs, "sql"), new AlgAlias(Dialect.Junos, "sqlnet")],
        Implemented: true);
}
