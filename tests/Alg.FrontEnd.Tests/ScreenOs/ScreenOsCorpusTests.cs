using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.ScreenOs.Ast;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.ScreenOs;

public sealed class ScreenOsCorpusTests
{
    [Fact]
    public void CorpusConfigurationLoads()
    {
        var ast = CorpusAssert.LoadsCleanly("greyinghair_screenos_to_junos_converter__nat.screenos", Dialect.ScreenOs);
        if (ast is not null)
        {
            Assert.Empty(ast.Unrecognized);
            Assert.Equal(2, Parsing.All<ScreenOsDip>(ast).Count());
            Assert.Single(Parsing.All<ScreenOsMip>(ast));
            Assert.Equal(2, Parsing.All<ScreenOsPolicy>(ast).Count(p => p.Nat is { Source: true }));
        }
    }
}
