using Alg.Host.Linux;

namespace Alg.E2E.Tests.Host;

public sealed class NeighbourTableTests
{
    private const uint Server = 0xCB007114;

    [Fact]
    public void FramesWaitForTheAnswerAndOneRequestGoesOutPerInterval()
    {
        var table = new NeighbourTable();

        Assert.True(table.Hold(Server, [1, 2, 3], now: 0, out var dropped));
        Assert.False(dropped);
        Assert.False(table.Hold(Server, [4], now: 10, out _));
        Assert.True(table.Hold(Server, [5], now: NeighbourTable.RequestIntervalNanoseconds + 10, out _));

        var released = table.Learn(Server, 0x020000000220);

        Assert.NotNull(released);
        Assert.Equal([[1, 2, 3], [4], [5]], released);
        Assert.True(table.TryGet(Server, out var mac));
        Assert.Equal(0x020000000220UL, mac);
        Assert.Null(table.Learn(Server, 0x020000000220));
    }

    [Fact]
    public void AResolutionThatNeverAnswersIsGivenUpAndItsFramesCounted()
    {
        var table = new NeighbourTable();
        for (var i = 0; i < NeighbourTable.MaxHeldFrames + 2; i++)
        {
            table.Hold(Server, [(byte)i], now: i, out var dropped);
            Assert.Equal(i >= NeighbourTable.MaxHeldFrames, dropped);
        }

        Assert.Equal(0, table.Expire(NeighbourTable.MaxWaitNanoseconds - 1));
        Assert.Equal(NeighbourTable.MaxHeldFrames, table.Expire(NeighbourTable.MaxWaitNanoseconds + 1));
        Assert.Equal(0, table.PendingCount);
    }
}
