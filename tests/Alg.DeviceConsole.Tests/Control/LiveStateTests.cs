using Alg.DeviceConsole.Tests.Support;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;

namespace Alg.DeviceConsole.Tests.Control;

/// <summary>The show commands read a running gateway's tables through the control socket.</summary>
public sealed class LiveStateTests
{
    private static readonly uint Phone = Alg.Policy.Model.Ipv4Address.Parse("192.168.1.10").Value;
    private static readonly uint Server = Alg.Policy.Model.Ipv4Address.Parse("203.0.113.20").Value;

    [Fact]
    public void Show_ip_nat_translations_lists_a_phone_behind_pat_with_its_four_addresses()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        Assert.Equal(NatAction.Forward, gateway.Send(PacketBuilder.Udp(Phone, 6000, Server, 8000, "rtp"u8), IngressSide.Inside).Action);
        var (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Ios, "show ip nat translations\nshow ip nat translations verbose\nshow ip nat statistics\nshow alg | include sip\n");
        Assert.True(code == 0, output);
        var row = output.Split('\n').First(l => l.StartsWith("udp ", StringComparison.Ordinal) && l.Contains("192.168.1.10:6000", StringComparison.Ordinal));
        Assert.Contains("203.0.113.1:", row, StringComparison.Ordinal);
        Assert.Contains("203.0.113.20:8000", row, StringComparison.Ordinal);
        Assert.Contains("initiated from inside", output, StringComparison.Ordinal);
        Assert.Contains("Total active translations: 1", output, StringComparison.Ordinal);
        Assert.Contains("sip          enabled  inspected 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_console_commit_keeps_the_flows_and_their_mappings()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        gateway.Send(PacketBuilder.Udp(Phone, 6000, Server, 8000, "rtp"u8), IngressSide.Inside);
        var before = gateway.Live().Translations.Single();
        var (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Ios, "conf t\nno ip nat service sip udp port 5060\nip nat translation udp-timeout 600\n");
        Assert.True(code == 0, output);
        Assert.DoesNotContain(gateway.Gateway.Policy.FindAlg("sip")!.Ports, p => p.Protocol == TransportProtocol.Udp);
        Assert.Equal(before with { SecondsLeft = 0 }, gateway.Live().Translations.Single() with { SecondsLeft = 0 });

        // The reply still finds the flow and goes back to the phone through the same mapping.
        var mapped = Alg.Policy.Model.Ipv4Address.Parse(before.InsideGlobal.Split(':')[0]).Value;
        var port = ushort.Parse(before.InsideGlobal.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(NatAction.Forward, gateway.Send(PacketBuilder.Udp(Server, 8000, mapped, port, "rtp"u8), IngressSide.Outside).Action);
        Assert.Single(gateway.Live().Translations);
    }

    [Fact]
    public void Asa_xlate_and_conn_and_screenos_get_session_show_the_same_flow()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("asa-gateway.cfg"));
        gateway.Send(PacketBuilder.Udp(Phone, 6000, Server, 8000, "rtp"u8), IngressSide.Inside);
        var (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Asa, "show xlate\nshow conn\nshow service-policy inspect sip\n");
        Assert.True(code == 0, output);
        Assert.Contains("UDP PAT from inside:192.168.1.10/6000 to outside:203.0.113.1/", output, StringComparison.Ordinal);
        Assert.Contains("UDP outside  203.0.113.20/8000 inside  192.168.1.10/6000", output, StringComparison.Ordinal);
        Assert.Contains("Inspect: sip, packet 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_calls_gives_the_doctor_verdict_the_tables_support()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("ios-gateway.cfg");
        File.AppendAllText(path, "no ip nat service sip udp port 5060\n");
        using var gateway = new InProcessGateway(path);
        gateway.Send(PacketBuilder.Udp(Phone, 5060, Server, 5060, "OPTIONS sip:x SIP/2.0\r\n\r\n"u8), IngressSide.Inside);
        var (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Ios, "show calls\n");
        Assert.True(code == 0, output);
        Assert.Contains("verdict one-way: the SIP ALG is off", output, StringComparison.Ordinal);
    }
}
