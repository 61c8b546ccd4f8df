namespace Alg.Host.Control;

/// <summary>One bound interface's traffic as <c>alg status</c> shows it.</summary>
public sealed record InterfaceStatus(string Name, string Side, string Address, long PacketsIn, long BytesIn, long PacketsOut, long BytesOut, long SendFailures, long KernelDrops, int Neighbours);
