namespace Alg.StdlibAlgs.MsRpc;

/// <summary>One same-length replacement in a reply's stub: a tower's big-endian port (2 bytes) or IPv4 address (4).</summary>
internal readonly record struct MsRpcEdit(int StubOffset, int Length, uint Value);
