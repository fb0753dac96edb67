namespace Collab.Crdt.Encoding;

/// <summary>
/// JavaScript's <c>Object.keys</c> order: integer-like keys ascending, then the rest in
/// insertion order. Yjs writes objects in that order, so byte-equal output needs it too.
/// </summary>
internal static class JsObjectKeys
{
    public static IEnumerable<string> Order(IEnumerable<string> keys)
    {
        List<(uint Index, string Key)>? indices = null;
        List<string>? others = null;
        foreach (var key in keys)
        {
            if (IsArrayIndex(key, out uint index)) (indices ??= new()).Add((index, key));
            else (others ??= new()).Add(key);
        }
        if (indices is null) return others ?? (IEnumerable<string>)Array.Empty<string>();
        indices.Sort((a, b) => a.Index.CompareTo(b.Index));
        var ordered = indices.Select(i => i.Key);
        return others is null ? ordered : ordered.Concat(others);
    }

    private static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0')) return false;
        ulong v = 0;
        foreach (char c in key)
        {
            if (c < '0' || c > '9') return false;
            v = v * 10 + (ulong)(c - '0');
        }
        if (v >= uint.MaxValue) return false;
        index = (uint)v;
        return true;
    }
}
