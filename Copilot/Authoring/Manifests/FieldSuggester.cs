namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Finds the closest known field name to a misspelled one (case-insensitive Levenshtein distance).</summary>
internal static class FieldSuggester
{
    public static string? Closest(string unknown, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            var d = Distance(unknown.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance) { best = k; bestDistance = d; }
        }
        // Accept only near misses, so "contianers" → "containers" but "foo" suggests nothing.
        var allowed = Math.Max(2, unknown.Length / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                // Adjacent transposition ("contianers") counts as one edit.
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
