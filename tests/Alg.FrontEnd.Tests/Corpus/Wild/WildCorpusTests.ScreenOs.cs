using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private static readonly WildFile[] ScreenOsFiles =
    [
        new("greyinghair_screenos_to_junos_converter__tests_fixtures_end_to_end_full.screenos", Dialect.ScreenOs),
        new("mamullen13316_ScreenOS_to_ASA_Conversion__Juniper_Before_Convert.txt", Dialect.ScreenOs),
    ];
}
