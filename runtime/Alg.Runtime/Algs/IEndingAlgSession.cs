namespace Alg.Runtime.Algs;

/// <summary>A session that holds something beyond its flow (a PPTP call id reserved in a table every control connection
/// shares) and gives it back when the stage forgets the flow.</summary>
public interface IEndingAlgSession
{
    /// <summary>The flow ended (closed, expired, removed); called once, on the packet worker.</summary>
    void Ended();
}
