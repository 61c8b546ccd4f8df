using System.Runtime.CompilerServices;

// The ALGs' per-message buffers are stackalloc'ed and always written before they are read (every parser fills
// entries up to a count it returns); skipping the zeroing of a few KB per packet is part of the SIP ALG's budget.
[module: SkipLocalsInit]
