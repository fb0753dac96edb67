namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// Where a byte stream stands in well-formed UTF-8 (RFC 3629): how many continuation bytes
/// the current character still needs and which range the next one must fall in. This rules
/// out what llama.cpp's grammar decoder lets through: overlong forms (C0, C1, E0 80–9F,
/// F0 80–8F), surrogates (ED A0–BF) and code points past U+10FFFF (F4 90+, F5–FF), each of
/// which would turn into U+FFFD (or, overlong, into a quote the grammar never saw).
/// </summary>
internal readonly record struct Utf8Sequence(int Remaining, byte Low, byte High)
{
    public static Utf8Sequence Complete => default;

    public bool IsComplete => Remaining == 0;

    /// <summary>The state after <paramref name="b"/>, or false when the byte cannot come next.</summary>
    public bool TryAdvance(byte b, out Utf8Sequence next)
    {
        // Read this state before writing next: callers pass the same variable as both.
        if (Remaining > 0)
        {
            var fits = b >= Low && b <= High;
            next = new Utf8Sequence(Remaining - 1, 0x80, 0xBF);
            return fits;
        }
        next = b switch
        {
            < 0x80 => Complete,
            >= 0xC2 and <= 0xDF => new(1, 0x80, 0xBF),
            0xE0 => new(2, 0xA0, 0xBF),
            >= 0xE1 and <= 0xEC or 0xEE or 0xEF => new(2, 0x80, 0xBF),
            0xED => new(2, 0x80, 0x9F),
            0xF0 => new(3, 0x90, 0xBF),
            >= 0xF1 and <= 0xF3 => new(3, 0x80, 0xBF),
            0xF4 => new(3, 0x80, 0x8F),
            _ => new(-1, 0, 0),
        };
        return next.Remaining >= 0;
    }

    /// <summary>The state after all of <paramref name="bytes"/>, or false when they break UTF-8.</summary>
    public bool TryAdvance(ReadOnlySpan<byte> bytes, out Utf8Sequence next)
    {
        next = this;
        foreach (var b in bytes)
            if (!next.TryAdvance(b, out next)) return false;
        return true;
    }
}
