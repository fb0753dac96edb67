namespace Collab.Crdt.Encoding;

/// <summary>JavaScript's <c>undefined</c>, which Yjs encodes apart from <c>null</c>.</summary>
public sealed class Undefined
{
    public static readonly Undefined Value = new();
    private Undefined() { }
    public override string ToString() => "undefined";
}
