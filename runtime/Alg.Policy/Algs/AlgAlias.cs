using Alg.Policy.Model;

namespace Alg.Policy.Algs;

/// <summary>The name a dialect uses for an ALG (ASA <c>h323 h225</c>, ScreenOS <c>sql</c>).</summary>
public sealed record AlgAlias(Dialect Dialect, string VendorName);
