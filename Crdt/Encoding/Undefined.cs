namespace Collab.Crdt.Encoding;

/// <summary>JavaScript's <c>undefined</c>, which Yjs encodes apart from <c>null</c>.</summary>
public sealed class Undefined
{
    /// <summary>The single instance.</summary>
    public static readonly Undefined Value = new();
    private Undefined() { }
    /// <summary>Returns <c>undefined</c>, as JavaScript prints it.</summary>
    public override string ToString() => "undefined";
}
