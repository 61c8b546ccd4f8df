using Alg.Policy.Algs;

namespace Alg.Runtime.Algs;

/// <summary>
/// An Application Layer Gateway: reads a flow's payload and answers with payload rewrites and pinhole
/// requests. It never edits headers, lengths or checksums; <see cref="AlgStage"/> applies what it asks for.
/// </summary>
/// <remarks>
/// <para>One instance serves every flow of its ALG on one engine (one worker thread), so it keeps no per-packet
/// state in fields; per-flow state goes in the session from <see cref="CreateSession"/>.</para>
/// <para>UDP: <see cref="Inspect"/> gets whole datagrams only (fragments are reassembled first, so a fake header
/// in a later fragment is never parsed: alg-behaviour §3 T3). TCP: it gets the in-order stream bytes of one
/// direction, reassembled across segments, and says how many it has finished with
/// (<see cref="AlgOutput.Consumed"/>); length changes are carried as seq/ack offsets (RFC 2663 §7.1).</para>
/// <para>Steady-path rule: <see cref="Inspect"/> must not allocate; format new bytes straight into
/// <see cref="AlgOutput.TryRewrite(int, int, int, out System.Span{byte})"/>.</para>
/// </remarks>
public interface IAlgHandler
{
    /// <summary>The same descriptor instance the binder and lint use (names, aliases, ports, options).</summary>
    AlgDescriptor Descriptor { get; }

    /// <summary>The ALG's typed settings for one configuration (its own type, e.g. <c>FtpSettings</c>), or null when it
    /// has nothing to configure. Called once at load and once per reload, never per packet; the result reaches every
    /// <see cref="Inspect"/> as <see cref="AlgFlowContext.Settings"/>.</summary>
    object? CreateSettings(in AlgSettingsSource source);

    /// <summary>Per-flow state for a new flow of this ALG, or null when the ALG is stateless (then TCP flows still
    /// get a stream, UDP flows cost nothing). Called once per flow, not per packet.</summary>
    object? CreateSession(in AlgFlowContext context);

    /// <summary>Inspects one UDP datagram's payload or one TCP direction's readable stream bytes.</summary>
    /// <param name="context">The flow, direction, endpoints, options and clock.</param>
    /// <param name="data">UDP: the payload. TCP: in-order stream bytes not yet consumed; the current segment's
    /// bytes start at <see cref="AlgFlowContext.PacketStart"/> and only those can still be rewritten.</param>
    /// <param name="output">Where rewrites, pinholes and findings go.</param>
    void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output);
}
