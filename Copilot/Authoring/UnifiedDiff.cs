using System.Text;

namespace Collab.Copilot.Authoring;

/// <summary>
/// Line-based unified diff (the <c>diff -u</c> format) between two texts.
/// Hand-written on a plain LCS table because the inputs are single manifests and Dockerfiles
/// (hundreds of lines at most) and the one thing needed is a stable, dependency-free
/// <c>---/+++/@@</c> rendering that a chat message can show.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>Returns the unified diff of <paramref name="before"/> → <paramref name="after"/>, or an empty string when they are equal.</summary>
    public static string Create(string before, string after, string fileName = "file", int context = 3)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var ops = Compare(a, b);
        if (ops.All(o => o.Kind == ' ')) return "";

        var sb = new StringBuilder();
        sb.Append("--- a/").Append(fileName).Append('\n');
        sb.Append("+++ b/").Append(fileName).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ') { i++; continue; }
            var start = Math.Max(0, i - context);
            var end = i;
            // Extend the hunk while the next change is within 2*context unchanged lines.
            while (true)
            {
                while (end < ops.Count && ops[end].Kind != ' ') end++;
                var next = end;
                while (next < ops.Count && ops[next].Kind == ' ') next++;
                if (next < ops.Count && next - end <= 2 * context) { end = next; continue; }
                end = Math.Min(ops.Count, end + context);
                break;
            }
            var hunk = ops.GetRange(start, end - start);
            int aStart = hunk[0].ALine, bStart = hunk[0].BLine;
            int aCount = hunk.Count(o => o.Kind != '+'), bCount = hunk.Count(o => o.Kind != '-');
            sb.Append($"@@ -{aStart + (aCount == 0 ? 0 : 1)},{aCount} +{bStart + (bCount == 0 ? 0 : 1)},{bCount} @@\n");
            foreach (var o in hunk) sb.Append(o.Kind).Append(o.Text).Append('\n');
            i = end;
        }
        return sb.ToString();
    }

    private static string[] SplitLines(string text)
    {
        var t = text.Replace("\r\n", "\n");
        if (t.EndsWith('\n')) t = t[..^1];
        return t.Length == 0 ? [] : t.Split('\n');
    }

    private readonly record struct Op(char Kind, string Text, int ALine, int BLine);

    private static List<Op> Compare(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
            for (var y = b.Length - 1; y >= 0; y--)
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);

        var ops = new List<Op>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j]) { ops.Add(new(' ', a[i], i, j)); i++; j++; }
            // Deletions before insertions, as diff -u prints them.
            else if (i < a.Length && (j == b.Length || lcs[i + 1, j] >= lcs[i, j + 1])) { ops.Add(new('-', a[i], i, j)); i++; }
            else { ops.Add(new('+', b[j], i, j)); j++; }
        }
        return ops;
    }
}
