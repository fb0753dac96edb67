using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Events;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>A shared list of JSON-like values, byte arrays and nested types.</summary>
public sealed class YArray : AbstractType
{
    /// <summary>The type ref of <c>Y.Array</c> in updates.</summary>
    public const int TypeRefNumber = 0;
    private List<object?>? _prelimContent = new();

    /// <summary>A new array, not yet in a document (like yjs's <c>new Y.Array()</c>): changes are kept and applied when it is inserted.</summary>
    public YArray() => SearchMarkers = new ArraySearchMarkers();

    /// <inheritdoc/>
    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YArray();

    /// <summary>The number of elements (yjs's <c>array.length</c>).</summary>
    public int Length => _prelimContent?.Count ?? LengthInternal;

    internal override void Integrate(Doc doc, Blocks.Item? item)
    {
        base.Integrate(doc, item);
        var prelim = _prelimContent;
        _prelimContent = null;
        if (prelim is { Count: > 0 }) doc.Transact(tr => ListInsertGenerics(tr, 0, prelim));
    }

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        base.CallObserver(transaction, parentSubs);
        if (IsObserved) CallTypeObservers(transaction, new YEvent(this, transaction));
    }

    /// <summary>Inserts <paramref name="values"/> at <paramref name="index"/> in one transaction (like yjs's <c>array.insert</c>). Values are JSON-like (null, bool, numbers, strings, lists, dictionaries), byte arrays or shared types not yet in a document.</summary>
    public void Insert(int index, params object?[] values)
    {
        if (_prelimContent is not null) { _prelimContent.InsertRange(index, values); return; }
        RequireDoc().Transact(tr => ListInsertGenerics(tr, index, values));
    }

    /// <summary>Appends <paramref name="values"/> (like yjs's <c>array.push</c>).</summary>
    public void Push(params object?[] values)
    {
        if (_prelimContent is not null) { _prelimContent.AddRange(values); return; }
        RequireDoc().Transact(tr => ListPushGenerics(tr, values));
    }

    /// <summary>Deletes <paramref name="length"/> elements from <paramref name="index"/> (like yjs's <c>array.delete</c>).</summary>
    public void Delete(int index, int length = 1)
    {
        if (_prelimContent is not null) { _prelimContent.RemoveRange(index, length); return; }
        RequireDoc().Transact(tr => ListDelete(tr, index, length));
    }

    /// <summary>The element at <paramref name="index"/> (like yjs's <c>array.get</c>).</summary>
    public object? Get(int index) => _prelimContent is not null ? _prelimContent[index] : ListGet(index);

    /// <summary>A copy of the elements in order (like yjs's <c>array.toArray</c>).</summary>
    public IReadOnlyList<object?> ToArray() => _prelimContent ?? ListToArray();

    /// <inheritdoc/>
    public override JsonNode? ToJson() => new JsonArray(ToArray().Select(JsonValues.ToNode).ToArray());
}
