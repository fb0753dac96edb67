namespace Collab.Crdt.Encoding;

/// <summary>
/// One string per short ASCII key read from updates (map keys, root names), shared by every
/// document in the process. A notebook repeats the same few keys in every cell (<c>id</c>,
/// <c>cell_type</c>, <c>source</c>, <c>outputs</c>, …), and each item read kept its own copy: about
/// a fifth of a small notebook's strings. The table has a fixed number of slots, each holding the
/// last key that hashed there, so it stays a few KB whatever keys clients send.
/// </summary>
internal static class SharedKeys
{
    private const int Slots = 512;
    private const int MaxLength = 32;
    private static readonly string?[] Table = new string?[Slots];

    /// <summary>The key <paramref name="utf8"/> spells, shared when it is short ASCII.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || !System.Text.Ascii.IsValid(utf8)) return System.Text.Encoding.UTF8.GetString(utf8);
        var hash = new HashCode();
        hash.AddBytes(utf8);
        ref var slot = ref Table[(uint)hash.ToHashCode() % Slots];
        var known = slot;
        if (known is not null && System.Text.Ascii.Equals(utf8, known)) return known;
        return slot = System.Text.Encoding.ASCII.GetString(utf8);
    }
}
