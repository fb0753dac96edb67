namespace Collab.Crdt.Events;

/// <summary>
/// One operation of a Yjs delta: exactly one of <see cref="Insert"/>, <see cref="Delete"/> or
/// <see cref="Retain"/> is set. Text inserts are strings (or an embed/type); array inserts are lists.
/// </summary>
public sealed class DeltaOp
{
    public object? Insert { get; set; }
    public int? Delete { get; set; }
    public int? Retain { get; set; }
    public Dictionary<string, object?>? Attributes { get; set; }

    public override string ToString() =>
        Insert is not null ? $"insert {Insert}" : Delete is not null ? $"delete {Delete}" : $"retain {Retain}";
}
