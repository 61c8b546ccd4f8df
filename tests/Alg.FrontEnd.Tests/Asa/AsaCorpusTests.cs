using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Asa;

/// <summary>Every ASA, PIX and FWSM configuration of the corpus loads as ASA with no modelled line left unread.</summary>
public sealed class AsaCorpusTests
{
    [Theory]
    [InlineData("mpenning_ciscoconfparse__sample_01.asa")]
    [InlineData("batfish_batfish__asa-nat-mixed")]
    [InlineData("batfish_batfish__asa-nat-twice-static")]
    [InlineData("fwbuilder_fwbuilder__asa8.3-nat.test")]
    [InlineData("fwbuilder_fwbuilder__asa8.3.test")]
    [InlineData("fwbuilder_fwbuilder__pix6.test")]
    [InlineData("fwbuilder_fwbuilder__pix7-nat.test")]
    [InlineData("fwbuilder_fwbuilder__fwsm1.test")]
    public void CorpusConfigurationLoads(string file)
    {
        var ast = CorpusAssert.LoadsCleanly(file, Dialect.Asa);
        if (ast is not null)
        {
            Assert.Empty(ast.Unrecognized);
        }
    }
}
