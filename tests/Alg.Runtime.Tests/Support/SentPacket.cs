using System.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>What the engine did with one packet: verdict, the frame as it left, and its decoded headers.</summary>
public sealed record SentPacket(NatVerdict Verdict, byte[] Frame, PacketInfo Info)
{
    public bool Forwarded => Verdict.Action == NatAction.Forward;

    public byte[] PayloadBytes => Frame[Info.PayloadOffset..Info.PacketEnd];

    public string Payload => Encoding.ASCII.GetString(PayloadBytes);

    /// <summary>The body after the blank line, and the Content-Length the headers declare.</summary>
    public (string Body, int Declared) Body()
    {
        var text = Payload;
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = text[(split + 4)..];
        var line = text[..split].Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("l:", StringComparison.Ordinal));
        return (body, int.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
