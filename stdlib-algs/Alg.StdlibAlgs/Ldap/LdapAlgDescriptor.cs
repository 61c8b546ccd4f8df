using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Ldap;

/// <summary>Declaration of the <c>ldap</c> ALG: LDAP / ILS directory lookups with embedded addresses.</summary>
public static class LdapAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "ldap",
        "LDAP / ILS directory lookups with embedded addresses",
        [AlgPort.Tcp(389)],
        [],
        [new AlgAlias(Dialect.Ios, "ldap"), new AlgAlias(Dialect.Asa, "ils")]);
}
