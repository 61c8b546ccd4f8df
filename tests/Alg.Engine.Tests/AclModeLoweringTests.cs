using Alg.Compiler;
using Alg.Compiler.Lowering;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Engine.Tests;

/// <summary>
/// When ACLs are consulted is lowered into the IR (issue #12: no vendor check in the data plane): IOS access lists
/// without inspection are stateless and meet every packet (Cisco IOS Security Configuration Guide, "Access Control
/// Lists: Overview"); IOS with CBAC/zone inspection, ASA, ScreenOS and Junos check the packet that opens a connection.
/// </summary>
public sealed class AclModeLoweringTests
{
    private const string IosInterfaces = """
        interface GigabitEthernet0/0
         ip address 203.0.113.1 255.255.255.0
         ip access-group 101 in
         ip nat outside
        interface GigabitEthernet0/1
         ip address 192.168.1.1 255.255.255.0
         ip nat inside
        access-list 101 permit tcp any any eq 443

        """;

    [Fact]
    public void Ios_access_lists_without_inspection_meet_every_packet()
    {
        var program = Lower(IosInterfaces);

        Assert.All(program.Interfaces, i => Assert.Equal(AclMode.PerPacket, i.AclMode));
        Assert.True(program.HasPerPacketAcls);
    }

    [Fact]
    public void Ios_with_inspection_checks_only_the_packet_that_opens_a_connection()
    {
        var program = Lower("ip inspect name FW tcp\n" + IosInterfaces.Replace(" ip access-group 101 in\n", " ip access-group 101 in\n ip inspect FW out\n", StringComparison.Ordinal));

        Assert.All(program.Interfaces, i => Assert.Equal(AclMode.PerNewConnection, i.AclMode));
        Assert.False(program.HasPerPacketAcls);
    }

    [Fact]
    public void Asa_checks_only_the_packet_that_opens_a_connection()
    {
        var program = Lower("""
            ASA Version 9.8(4)
            interface GigabitEthernet0/0
             nameif outside
             security-level 0
             ip address 203.0.113.1 255.255.255.0
            access-list OUTSIDE_IN extended permit tcp any any eq https
            access-group OUTSIDE_IN in interface outside

            """);

        Assert.Equal(AclMode.PerNewConnection, Assert.Single(program.Interfaces).AclMode);
        Assert.False(program.HasPerPacketAcls);
    }

    [Fact]
    public void The_mode_is_part_of_the_fingerprint()
    {
        Assert.NotEqual(Lower(IosInterfaces).Fingerprint, Lower("ip inspect name FW tcp\n" + IosInterfaces.Replace(" ip access-group 101 in\n", " ip access-group 101 in\n ip inspect FW out\n", StringComparison.Ordinal)).Fingerprint);
    }

    private static PipelineProgram Lower(string text)
    {
        var result = ConfigurationLoader.Load(new Alg.Policy.Text.SourceText("acl-mode.cfg", text));
        Assert.NotNull(result.Policy);
        return PolicyLowerer.Lower(result.Policy!);
    }
}
