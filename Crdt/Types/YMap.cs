using System.Text.Json.Nodes;
using Collab.Crdt.Events;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>A shared map from string keys to JSON-like values, byte arrays and nested types.</summary>
public sealed class YMap : AbstractType
{
    public const int TypeRefNumber = 1;
    // Ordered like yjs's Map: a key deleted and set again moves to the end.
    private OrderedDictionary<string, object?>? _prelimContent = new();

    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YMap();

    internal override void Integrate(Doc doc, Blocks.Item? item)
    {
        base.Integrate(doc, item);
        var prelim = _prelimContent;
        _prelimContent = null;
        if (prelim is { Count: > 0 })
            doc.Transact(tr => { foreach (var (k, v) in prelim) MapSet(tr, k, v); });
    }

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        if (IsObserved) CallTypeObservers(transaction, new YEvent(this, transaction));
    }

    public int Count => _prelimContent?.Count ?? Map.Values.Count(i => !i.Deleted);

    public IEnumerable<string> Keys => _prelimContent?.Keys ?? MapEntries().Select(e => e.Key);

    public IEnumerable<KeyValuePair<string, object?>> Entries => _prelimContent ?? MapEntries();

    public void Set(string key, object? value)
    {
        if (_prelimContent is not null) { _prelimContent[key] = value; return; }
        RequireDoc().Transact(tr => MapSet(tr, key, value));
    }

    public object? Get(string key) => _prelimContent is not null ? _prelimContent.GetValueOrDefault(key) : MapGet(key);

    public bool ContainsKey(string key) => _prelimContent?.ContainsKey(key) ?? MapHas(key);

    public bool Delete(string key)
    {
        if (_prelimContent is not null) return _prelimContent.Remove(key);
        if (!MapHas(key)) return false;
        RequireDoc().Transact(tr => MapDelete(tr, key));
        return true;
    }

    public override JsonNode? ToJson() => JsonValues.ToObject(Entries);
}
