namespace Alg.StdlibAlgs.Sip;

/// <summary>What the ASA <c>policy-map type inspect sip</c> parameters say to do on a violation.</summary>
public enum SipViolationAction : byte
{
    /// <summary>The check is off.</summary>
    Off,

    /// <summary>Count it and forward the packet.</summary>
    Log,

    /// <summary>Drop this packet.</summary>
    Drop,

    /// <summary>Drop this packet and every later one of the connection (ASA <c>drop-connection</c>; <c>reset</c> as well: a
    /// translator does not originate a TCP RST on a client's behalf).</summary>
    DropConnection,
}
