namespace Collab.Crdt.Events;

/// <summary>
/// One operation of a Yjs delta: exactly one of <see cref="Insert"/>, <see cref="Delete"/> or
/// <see cref="Retain"/> is set. Text inserts are strings (or an embed/type); array inserts are lists.
/// </summary>
public sealed class DeltaOp
{
    /// <summary>What was inserted: a string of text, an embed or type for text, a list of values for arrays.</summary>
    public object? Insert { get; set; }
    /// <summary>How many elements were deleted (UTF-16 code units for text).</summary>
    public int? Delete { get; set; }
    /// <summary>How many elements are skipped unchanged (UTF-16 code units for text); with <see cref="Attributes"/>, how many were reformatted.</summary>
    public int? Retain { get; set; }
    /// <summary>Text formatting of an insert, or the formatting changed on a retain (a null value removes an attribute).</summary>
    public Dictionary<string, object?>? Attributes { get; set; }

    /// <summary>A short description for logs and test failures, e.g. <c>insert abc</c>.</summary>
    public override string ToString() =>
        Insert is not null ? $"insert {Insert}" : Delete is not null ? $"delete {Delete}" : $"retain {Retain}";
}
