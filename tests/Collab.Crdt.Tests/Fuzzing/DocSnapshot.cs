using System.Text;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>Everything observable about a document: its encodings and the content of every root.</summary>
internal sealed record DocSnapshot(string Update, string StateVector, string Content)
{
    public static DocSnapshot Of(Doc doc) =>
        new(Convert.ToHexString(doc.EncodeStateAsUpdate()), Convert.ToHexString(doc.EncodeStateVector()), Describe(doc));

    private static string Describe(Doc doc)
    {
        var sb = new StringBuilder();
        foreach (var (name, type) in doc.Share.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(name).Append(':').Append(type.GetType().Name).Append('=');
            switch (type)
            {
                case YText t:
                    sb.Append(t.Length).Append(' ');
                    foreach (var op in t.ToDelta()) sb.Append(op.Insert).Append('|').Append(op.Attributes?.Count).Append(';');
                    break;
                case YArray a: sb.Append(a.Length).Append(' ').Append(a.ToJson()?.ToJsonString()); break;
                default: sb.Append(type.ToJson()?.ToJsonString()); break;
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Throws when <paramref name="after"/> differs from this snapshot.</summary>
    public void AssertUnchanged(DocSnapshot after, string what, Exception? cause = null)
    {
        if (after.Update != Update) throw new FuzzViolation($"{what} changed EncodeStateAsUpdate", cause);
        if (after.StateVector != StateVector) throw new FuzzViolation($"{what} changed EncodeStateVector", cause);
        if (after.Content != Content) throw new FuzzViolation($"{what} changed the content", cause);
    }
}
