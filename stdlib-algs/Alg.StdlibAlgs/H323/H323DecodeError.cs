namespace Alg.StdlibAlgs.H323;

/// <summary>Why an H.323 message (TPKT, Q.931, or the aligned-PER content of H.225.0 / H.245) cannot be read; see
/// <see cref="H323DecodeErrorText.Describe"/> for the counter text with the rule each one breaks.</summary>
public enum H323DecodeError : byte
{
    None,

    /// <summary>A read would pass the end of the PDU or of the open type / OCTET STRING holding it (X.691 §10).</summary>
    Truncated,

    /// <summary>A length determinant of the fragmented form (top bits 11, X.691 §10.9.3.8): never used by H.323 and a
    /// classic source of decoder bugs, refused.</summary>
    FragmentedLength,

    /// <summary>A count, length or number above what the type's constraint allows (X.691 §10.5, §10.9).</summary>
    OutOfRange,

    /// <summary>A root CHOICE alternative whose type lies off the paths to the addresses and cannot be skipped
    /// without decoding it (H.245 H.222/H.223/V.76 multiplex parameters, H.235 tokens in a root position).</summary>
    UnsupportedAlternative,

    /// <summary>Types nested deeper than the walk follows (recursive GenericData / EnumeratedParameter).</summary>
    TooDeep,

    /// <summary>A TPKT header whose version is not 3 or whose length is below its own 4 bytes (RFC 1006 §6).</summary>
    BadTpkt,

    /// <summary>A Q.931 message whose protocol discriminator is not 0x08, whose call reference length is not 0–2, or
    /// whose information elements overrun the message (H.225.0 §7.2, Q.931 §4).</summary>
    BadQ931,

    /// <summary>A User-user IE whose protocol discriminator is not 0x05 (X.208/X.209 coded user information,
    /// H.225.0 §7.2.2.1) or whose length overruns the message.</summary>
    BadUserUser,

    /// <summary>More addresses in one message than the ALG reads (the rest pass untranslated).</summary>
    TooManyAddresses,
}
