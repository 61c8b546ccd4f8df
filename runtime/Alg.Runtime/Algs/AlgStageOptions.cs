namespace Alg.Runtime.Algs;

/// <summary>Sizes of an <see cref="AlgStage"/>'s buffers; everything is allocated once from these.</summary>
/// <param name="MaxRewrites">Rewrites one packet may carry.</param>
/// <param name="ScratchBytes">New bytes one packet's rewrites may hold in total.</param>
/// <param name="MaxPinholes">Pinholes one packet may ask for.</param>
/// <param name="StreamCapacity">TCP bytes buffered per direction while a message is incomplete; the buffer is
/// allocated at a connection's first data byte, so this is the memory per inspected connection direction and the
/// largest message an ALG can see whole (16 KB: far above usual SIP signalling).</param>
/// <param name="StreamBudgetBytes">TCP bytes buffered by all ALG flows of the stage together.</param>
/// <param name="MaxHeldBytes">The longest start of an unfinished message held back to be sent, translated, with the
/// segment that completes it. Kept under a typical MSS so the merged segment still fits a 1500-byte link; a longer
/// start passes as it is (its message is then not translated, as with Linux).</param>
public sealed record AlgStageOptions(
    int MaxRewrites = 64,
    int ScratchBytes = 8192,
    int MaxPinholes = 16,
    int StreamCapacity = 16384,
    long StreamBudgetBytes = 64L * 1024 * 1024,
    int MaxHeldBytes = 1024);
