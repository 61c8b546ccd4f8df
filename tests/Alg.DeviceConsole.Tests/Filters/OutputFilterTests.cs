using Alg.DeviceConsole.Filters;

namespace Alg.DeviceConsole.Tests.Filters;

/// <summary>The <c>| include/exclude/begin/section</c> language: what it keeps, how it chains, and what it refuses.</summary>
public sealed class OutputFilterTests
{
    private static readonly string[] Running =
    [
        "hostname edge",
        "interface gl0",
        " ip address 192.168.1.1 255.255.255.0",
        " ip nat inside",
        "interface gw0",
        " ip nat outside",
        "no ip nat service sip tcp port 5060",
        "no ip nat service sip udp port 5060",
        "policy-map global_policy",
        " class inspection_default",
        "  inspect ftp",
        "  inspect sip",
    ];

    private static List<string> Run(string filter) => [.. OutputFilter.Apply(Running, OutputFilter.Cisco.ParseChain(filter))];

    [Fact]
    public void Include_keeps_the_lines_that_match_and_accepts_abbreviations()
    {
        Assert.Equal(["no ip nat service sip tcp port 5060", "no ip nat service sip udp port 5060"], Run("| inc nat service sip"));
        Assert.Equal(Run("| include nat service sip"), Run("| i nat service sip"));
    }

    [Fact]
    public void Exclude_drops_the_lines_that_match() =>
        Assert.DoesNotContain(Run("| exclude ^ "), l => l.StartsWith(' '));

    [Fact]
    public void Begin_starts_at_the_first_match() =>
        Assert.Equal("interface gw0", Run("| begin gw0")[0]);

    [Fact]
    public void Section_keeps_a_matching_block_whole_and_of_others_the_header_and_matching_lines()
    {
        Assert.Equal(["interface gl0", " ip address 192.168.1.1 255.255.255.0", " ip nat inside"], Run("| section interface gl0"));
        Assert.Equal(["interface gl0", " ip nat inside", "interface gw0", " ip nat outside"], Run("| sec ip nat (inside|outside)"));
    }

    [Fact]
    public void A_bar_inside_the_expression_is_an_alternative_as_in_the_seed_transcript()
    {
        // `show run | inc policy-map global-policy | inspect sip`: "inspect" is no filter, so the expression runs to the
        // end and means either side, spaces included, as on the device.
        var steps = OutputFilter.Cisco.ParseChain("| inc policy-map global-policy | inspect sip");
        Assert.Single(steps);
        Assert.Equal("policy-map global-policy | inspect sip", steps[0].Pattern);
        Assert.Equal(["  inspect sip"], Run("| inc policy-map global-policy | inspect sip"));
    }

    [Fact]
    public void A_bar_followed_by_a_filter_keyword_chains_a_second_filter()
    {
        var steps = OutputFilter.Cisco.ParseChain("| include nat | exclude tcp");
        Assert.Equal([FilterKind.Include, FilterKind.Exclude], steps.Select(s => s.Kind));
        Assert.Equal([" ip nat inside", " ip nat outside", "no ip nat service sip udp port 5060"], Run("| include nat | exclude tcp"));
    }

    [Theory]
    [InlineData("| inc (", 6, "insufficient closing parentheses")]
    [InlineData("| include [a-", 10, "unterminated")]
    [InlineData("| exclude a{2,1}", 10, "reversed")]
    public void An_invalid_regular_expression_is_a_diagnostic_at_its_column(string filter, int column, string words)
    {
        var bad = Assert.Throws<FilterSyntaxException>(() => OutputFilter.Cisco.ParseChain(filter));
        Assert.Contains("invalid regular expression", bad.Message, StringComparison.Ordinal);
        Assert.Contains(words, bad.Message, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(bad.Column, column, filter.Length);
    }

    [Fact]
    public void Junos_spells_them_match_except_and_find()
    {
        var steps = OutputFilter.Junos.ParseChain("| match nat | except tcp");
        Assert.Equal([FilterKind.Include, FilterKind.Exclude], steps.Select(s => s.Kind));
        Assert.Throws<FilterSyntaxException>(() => OutputFilter.Junos.ParseChain("| include nat"));
    }

    [Fact]
    public void An_unknown_filter_and_a_missing_expression_are_refused_with_their_columns()
    {
        var unknown = Assert.Throws<FilterSyntaxException>(() => OutputFilter.Cisco.ParseChain("| grep sip", offset: 9));
        Assert.Contains("unknown filter 'grep'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(11, unknown.Column);
        var missing = Assert.Throws<FilterSyntaxException>(() => OutputFilter.Cisco.ParseChain("| include"));
        Assert.Contains("needs a regular expression", missing.Message, StringComparison.Ordinal);
        Assert.Throws<FilterSyntaxException>(() => OutputFilter.Cisco.ParseChain("nothing"));
    }
}
