using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Junos;

public sealed class JunosCorpusTests
{
    [Theory]
    [InlineData("batfish_batfish__nat-source")]
    [InlineData("batfish_batfish__nat-dest")]
    [InlineData("batfish_batfish__juniper-nat-static")]
    [InlineData("greyinghair_screenos_to_junos_converter__nat.junos")]
    public void CorpusConfigurationLoads(string file)
    {
        var ast = CorpusAssert.LoadsCleanly(file, Dialect.Junos);
        if (ast is not null)
        {
            Assert.Empty(ast.Unrecognized);
        }
    }
}
