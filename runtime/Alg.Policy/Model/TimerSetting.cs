using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>A timer value in seconds; <see cref="Seconds"/> null means the timer never fires.</summary>
public sealed record TimerSetting(long? Seconds, SourceSpan Source)
{
    public bool IsDefault => Source.IsNone;
}
