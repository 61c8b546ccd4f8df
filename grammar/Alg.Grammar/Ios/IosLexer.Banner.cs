using Alg.Grammar.Common;
using Antlr4.Runtime;

namespace Alg.Grammar.Ios;

/// <summary>Banners: their delimiter is chosen by the user, so they are scanned by hand.</summary>
public partial class IosLexer
{
    public override IToken NextToken()
    {
        var token = base.NextToken();
        return token.Type == BANNER ? BannerScanner.ReadBanner(this, token) : token;
    }
}
