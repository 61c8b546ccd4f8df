using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Alg.Compiler;
using Alg.Host.Linux;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Microsoft.Extensions.Logging;

namespace Alg.Host.Forwarding;

/// <summary>
/// The one thread that owns the engine: waits on the interfaces' packet sockets, runs each frame through the
/// gateway, routes what it forwards out of the right interface with the next hop's MAC, and runs posted work
/// (reload, status) between two frames.
/// </summary>
/// <remarks>
/// The steady path reuses one frame buffer and allocates nothing; frames waiting for ARP are the exception.
/// The buffer has room past the largest frame so ALGs can lengthen a packet in place.
/// </remarks>
internal sealed class GatewayWorker
{
    private const int IdleWaitMilliseconds = 20;
    private const int BatchPerInterface = 256;
    private const ushort EtherTypeIpv4 = 0x0800;
    private const ushort EtherTypeArp = 0x0806;
    private const ushort ArpRequest = 1;
    private const ushort ArpReply = 2;
    private const ulong BroadcastMac = 0xFFFF_FFFF_FFFFUL;
    private const int EthernetHeader = 14;
    private static readonly long NanosecondsPerTick = Math.Max(1, 1_000_000_000L / Stopwatch.Frequency);
    private readonly Gateway _gateway;
    private readonly BoundInterface[] _interfaces;
    private readonly ILogger _log;
    private readonly byte[] _frame = new byte[65536 + 4096];
    private readonly ConcurrentQueue<Action> _work = new();
    private ForwardingRoute[] _routes = [];

    public GatewayWorker(Gateway gateway, BoundInterface[] interfaces, ILogger log)
    {
        _gateway = gateway;
        _interfaces = interfaces;
        _log = log;
        ReadRoutes();
    }

    public Gateway Gateway => _gateway;

    public IReadOnlyList<BoundInterface> Interfaces => _interfaces;

    public HostCounters Counters { get; } = new();

    public static long Now => Stopwatch.GetTimestamp() * NanosecondsPerTick;

    /// <summary>Runs <paramref name="work"/> on the worker between two frames and returns its result.</summary>
    public Task<T> Invoke<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Enqueue(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception failure)
            {
                done.SetException(failure);
            }
        });
        return done.Task;
    }

    /// <summary>Re-reads the kernel's routes (call on the worker, e.g. from a reload).</summary>
    public void ReadRoutes()
    {
        var routes = new List<ForwardingRoute>();
        foreach (var route in KernelRoutes.Read())
        {
            var slot = Array.FindIndex(_interfaces, i => i.Name == route.Interface);
            if (slot >= 0)
            {
                routes.Add(new ForwardingRoute(route.Destination, route.Mask, route.Gateway, slot));
            }
        }

        _routes = [.. routes];
    }

    public void Run(CancellationToken stop)
    {
        Span<PollDescriptor> descriptors = stackalloc PollDescriptor[_interfaces.Length];
        for (var i = 0; i < _interfaces.Length; i++)
        {
            descriptors[i].FileDescriptor = _interfaces[i].Socket.FileDescriptor;
            descriptors[i].Events = PollDescriptor.ReadyToRead;
        }

        var lastHousekeeping = Now;
        while (!stop.IsCancellationRequested)
        {
            while (_work.TryDequeue(out var work))
            {
                work();
            }

            for (var i = 0; i < descriptors.Length; i++)
            {
                descriptors[i].ReturnedEvents = 0;
            }

            var ready = LinuxNative.Poll(descriptors, IdleWaitMilliseconds);
            for (var i = 0; ready > 0 && i < descriptors.Length; i++)
            {
                if (descriptors[i].ReturnedEvents != 0)
                {
                    Drain(_interfaces[i]);
                }
            }

            var now = Now;
            if (now - lastHousekeeping > NeighbourTable.RequestIntervalNanoseconds)
            {
                lastHousekeeping = now;
                foreach (var nic in _interfaces)
                {
                    Counters.Unresolved += nic.Neighbours.Expire(now);
                    nic.KernelDrops += nic.Socket.TakeKernelDrops();
                }
            }
        }
    }

    private void Drain(BoundInterface arrival)
    {
        for (var n = 0; n < BatchPerInterface; n++)
        {
            int length;
            try
            {
                length = arrival.Socket.Receive(_frame);
            }
            catch (SocketException failure)
            {
                // ENETDOWN and friends: the interface went away or down; keep serving the others. poll keeps
                // reporting the error, so the log gets the 1st, 2nd, 4th, 8th… occurrence, not every one.
                arrival.ReceiveErrors++;
                if ((arrival.ReceiveErrors & (arrival.ReceiveErrors - 1)) == 0)
                {
                    _log.LogWarning("receive on {Interface} failed ({Count} times): {Message}", arrival.Name, arrival.ReceiveErrors, failure.Message);
                }

                return;
            }

            if (length == 0)
            {
                return;
            }

            arrival.PacketsIn++;
            arrival.BytesIn += length;
            try
            {
                HandleFrame(arrival, length);
            }
            catch (Exception bug) when (bug is not OutOfMemoryException)
            {
                // A defect must cost one packet, not the gateway; the log keeps the evidence.
                Counters.EngineFailures++;
                _log.LogError(bug, "a frame from {Interface} made the engine fail; dropped", arrival.Name);
            }
        }
    }

    private void HandleFrame(BoundInterface arrival, int length)
    {
        var frame = _frame.AsSpan(0, length);
        if (length < EthernetHeader)
        {
            Counters.NotRouted++;
            return;
        }

        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        if (etherType == EtherTypeArp)
        {
            LearnFromArp(arrival, frame);
            if (!AnswerArpForPublishedAddress(arrival, frame))
            {
                Counters.NotRouted++;
            }

            return;
        }

        if (etherType != EtherTypeIpv4 || ReadMac(frame) != arrival.Device.Mac || length < EthernetHeader + 20)
        {
            Counters.NotRouted++;
            return;
        }

        var source = BinaryPrimitives.ReadUInt32BigEndian(frame[26..]);
        if (arrival.OnLink(source) && !arrival.Neighbours.TryGet(source, out _))
        {
            SendHeld(arrival, arrival.Neighbours.Learn(source, ReadMac(frame[6..])));
        }

        if (arrival.Side == IngressSide.Inside && BinaryPrimitives.ReadUInt32BigEndian(frame[30..]) == arrival.Address)
        {
            Counters.ToGatewayItself++;
            return;
        }

        var packet = new PacketBuffer(_frame, 0, length, _frame.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        var verdict = _gateway.Nat.Process(ref packet, ref info, Now, arrival.Side);
        if (verdict.Action == NatAction.Forward && !info.IsDropped)
        {
            Forward(packet.Span, in info);
        }
    }

    private void Forward(Span<byte> frame, in PacketInfo info)
    {
        if (!TryRoute(info.DestinationAddress, out var exit, out var nextHop))
        {
            Counters.NoRoute++;
            return;
        }

        var ttlOffset = info.NetworkOffset + 8;
        if (frame[ttlOffset] <= 1)
        {
            Counters.TtlExpired++;
            return;
        }

        // RFC 1141: TTL is the high byte of its 16-bit word, so the checksum grows by 0x0100 (end-around carry).
        frame[ttlOffset]--;
        var checksumOffset = info.NetworkOffset + 10;
        var sum = BinaryPrimitives.ReadUInt16BigEndian(frame[checksumOffset..]) + 0x0100;
        BinaryPrimitives.WriteUInt16BigEndian(frame[checksumOffset..], (ushort)(sum + (sum >> 16)));
        WriteMac(frame[6..], exit.Device.Mac);
        if (exit.Neighbours.TryGet(nextHop, out var mac))
        {
            WriteMac(frame, mac);
            Send(exit, frame);
            return;
        }

        var now = Now;
        if (exit.Neighbours.Hold(nextHop, frame, now, out var dropped))
        {
            SendArpRequest(exit, nextHop);
        }

        if (dropped)
        {
            Counters.Unresolved++;
        }
    }

    private bool TryRoute(uint destination, out BoundInterface exit, out uint nextHop)
    {
        foreach (var route in _routes)
        {
            if ((destination & route.Mask) == route.Destination)
            {
                exit = _interfaces[route.Slot];
                nextHop = route.Gateway != 0 ? route.Gateway : destination;
                return true;
            }
        }

        exit = _interfaces[0];
        nextHop = 0;
        return false;
    }

    private void Send(BoundInterface exit, ReadOnlySpan<byte> frame)
    {
        if (exit.Socket.Send(frame))
        {
            exit.PacketsOut++;
            exit.BytesOut += frame.Length;
        }
        else
        {
            exit.SendFailures++;
        }
    }

    private void LearnFromArp(BoundInterface arrival, ReadOnlySpan<byte> frame)
    {
        // Ethernet/IPv4 ARP: sender MAC at 22, sender address at 28 (RFC 826).
        const int ArpLength = EthernetHeader + 28;
        if (frame.Length < ArpLength || BinaryPrimitives.ReadUInt16BigEndian(frame[16..]) != EtherTypeIpv4)
        {
            return;
        }

        var sender = BinaryPrimitives.ReadUInt32BigEndian(frame[28..]);
        if (sender != 0 && arrival.OnLink(sender) && sender != arrival.Address)
        {
            SendHeld(arrival, arrival.Neighbours.Learn(sender, ReadMac(frame[22..])));
        }
    }

    private void SendHeld(BoundInterface exit, List<byte[]>? held)
    {
        if (held is null)
        {
            return;
        }

        foreach (var frame in held)
        {
            var destination = BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(30));
            if (TryRoute(destination, out _, out var nextHop) && exit.Neighbours.TryGet(nextHop, out var mac))
            {
                WriteMac(frame, mac);
                Send(exit, frame);
            }
        }
    }

    /// <summary>
    /// Proxy ARP for the addresses the configuration publishes on an outside link — static NAT, port-forward and pool
    /// addresses other than the interface's own (which the kernel answers) — as IOS and ASA answer for their NAT
    /// addresses; without it a host outside cannot reach a static NAT address at all (RFC 826 reply, RFC 1027).
    /// </summary>
    /// <returns>True when the frame was a request for such an address and was answered.</returns>
    private bool AnswerArpForPublishedAddress(BoundInterface arrival, ReadOnlySpan<byte> frame)
    {
        const int ArpLength = EthernetHeader + 28;
        if (arrival.Side != IngressSide.Outside || frame.Length < ArpLength
            || BinaryPrimitives.ReadUInt16BigEndian(frame[16..]) != EtherTypeIpv4 || BinaryPrimitives.ReadUInt16BigEndian(frame[20..]) != ArpRequest)
        {
            return false;
        }

        var target = BinaryPrimitives.ReadUInt32BigEndian(frame[38..]);
        var sender = BinaryPrimitives.ReadUInt32BigEndian(frame[28..]);
        if (target == arrival.Address || !arrival.OnLink(target) || sender == target || !_gateway.Nat.Publishes(target))
        {
            return false;
        }

        var requester = ReadMac(frame[22..]);
        Span<byte> reply = stackalloc byte[60];
        WriteArp(reply, requester, arrival.Device.Mac, ArpReply, target, requester, sender);
        Counters.ArpRepliesSent++;
        if (!arrival.Socket.Send(reply))
        {
            _log.LogWarning("could not answer an ARP request for {Address} on {Interface}", target, arrival.Name);
        }

        return true;
    }

    private void SendArpRequest(BoundInterface exit, uint target)
    {
        Span<byte> request = stackalloc byte[60];
        WriteArp(request, BroadcastMac, exit.Device.Mac, ArpRequest, exit.Address, 0, target);
        Counters.ArpRequestsSent++;
        if (!exit.Socket.Send(request))
        {
            _log.LogWarning("could not send an ARP request on {Interface}", exit.Name);
        }
    }

    /// <summary>An Ethernet/IPv4 ARP frame (RFC 826), padded with zeros to the 60-byte minimum.</summary>
    private static void WriteArp(Span<byte> frame, ulong destinationMac, ulong senderMac, ushort operation, uint senderAddress, ulong targetMac, uint targetAddress)
    {
        frame.Clear();
        WriteMac(frame, destinationMac);
        WriteMac(frame[6..], senderMac);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], EtherTypeArp);
        BinaryPrimitives.WriteUInt16BigEndian(frame[14..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(frame[16..], EtherTypeIpv4);
        frame[18] = 6;
        frame[19] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(frame[20..], operation);
        WriteMac(frame[22..], senderMac);
        BinaryPrimitives.WriteUInt32BigEndian(frame[28..], senderAddress);
        WriteMac(frame[32..], targetMac);
        BinaryPrimitives.WriteUInt32BigEndian(frame[38..], targetAddress);
    }

    private static ulong ReadMac(ReadOnlySpan<byte> bytes) =>
        ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]);

    private static void WriteMac(Span<byte> bytes, ulong mac)
    {
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(mac >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)mac);
    }
}
