namespace Alg.StdlibAlgs.H323;

/// <summary>Counter texts for <see cref="H323DecodeError"/>: constant strings naming the rule the input broke.</summary>
public static class H323DecodeErrorText
{
    public static string Describe(H323DecodeError error) => error switch
    {
        H323DecodeError.None => "H.323: no error",
        H323DecodeError.Truncated => "H.323: aligned-PER content ends before the value it announces (X.691 §10); forwarded untouched, nothing opens",
        H323DecodeError.FragmentedLength => "H.323: a fragmented PER length determinant (X.691 §10.9.3.8) is refused; forwarded untouched, nothing opens",
        H323DecodeError.OutOfRange => "H.323: a PER count or number outside its constraint (X.691 §10.5, §10.9); forwarded untouched, nothing opens",
        H323DecodeError.UnsupportedAlternative => "H.323: a root alternative off the H.323 address paths cannot be skipped (H.245 non-H.225.0 multiplex, H.235 token); forwarded untouched, nothing opens",
        H323DecodeError.TooDeep => "H.323: generic data nested deeper than the ALG follows (H.225.0 GenericData); forwarded untouched, nothing opens",
        H323DecodeError.BadTpkt => "H.323: a TPKT header with a version other than 3 or a length below 4 (RFC 1006 §6); the connection is no longer inspected",
        H323DecodeError.BadQ931 => "H.323: a Q.931 message that is not H.225.0's (discriminator 0x08, call reference, IEs within the message; H.225.0 §7.2); forwarded untouched, nothing opens",
        H323DecodeError.BadUserUser => "H.323: a User-user IE that is not an X.208 H323-UserInformation (discriminator 0x05, H.225.0 §7.2.2.1); forwarded untouched, nothing opens",
        H323DecodeError.TooManyAddresses => "H.323: more transport addresses in one message than the ALG reads; forwarded untouched, nothing opens",
        _ => "H.323: unknown decode error",
    };
}
