using System.Text.Json.Nodes;
using Collab.Crdt.Encoding;
using Collab.Crdt.Events;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>A shared list of JSON-like values, byte arrays and nested types.</summary>
public sealed class YArray : AbstractType
{
    public const int TypeRefNumber = 0;
    private List<object?>? _prelimContent = new();

    public YArray() => SearchMarkers = new ArraySearchMarkers();

    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YArray();

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

    public void Insert(int index, params object?[] values)
    {
        if (_prelimContent is not null) { _prelimContent.InsertRange(index, values); return; }
        RequireDoc().Transact(tr => ListInsertGenerics(tr, index, values));
    }

    public void Push(params object?[] values)
    {
        if (_prelimContent is not null) { _prelimContent.AddRange(values); return; }
        RequireDoc().Transact(tr => ListPushGenerics(tr, values));
    }

    public void Delete(int index, int length = 1)
    {
        if (_prelimContent is not null) { _prelimContent.RemoveRange(index, length); return; }
        RequireDoc().Transact(tr => ListDelete(tr, index, length));
    }

    public object? Get(int index) => _prelimContent is not null ? _prelimContent[index] : ListGet(index);

    public IReadOnlyList<object?> ToArray() => _prelimContent ?? ListToArray();

    public override JsonNode? ToJson() => new JsonArray(ToArray().Select(JsonValues.ToNode).ToArray());
}
