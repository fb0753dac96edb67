using System.Text.Json.Nodes;
using Collab.Crdt.Events;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>A shared map from string keys to JSON-like values, byte arrays and nested types.</summary>
public sealed class YMap : AbstractType
{
    /// <summary>The type ref of <c>Y.Map</c> in updates.</summary>
    public const int TypeRefNumber = 1;
    // Ordered like yjs's Map: a key deleted and set again moves to the end.
    private OrderedDictionary<string, object?>? _prelimContent = new();

    /// <inheritdoc/>
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

    /// <summary>The number of keys with a value (yjs's <c>map.size</c>).</summary>
    public int Count => _prelimContent?.Count ?? MapIfAny?.Values.Count(i => !i.Deleted) ?? 0;

    /// <summary>The keys with a value (yjs's <c>map.keys()</c>); enumerate it before changing the map.</summary>
    public IEnumerable<string> Keys => _prelimContent?.Keys ?? MapEntries().Select(e => e.Key);

    /// <summary>The keys with their values (yjs's <c>map.entries()</c>); enumerate it before changing the map.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Entries => _prelimContent ?? MapEntries();

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> (like yjs's <c>map.set</c>); concurrent sets of one key resolve to the same winner on every peer. Values are as for <see cref="YArray.Insert"/>.</summary>
    public void Set(string key, object? value)
    {
        if (_prelimContent is not null) { _prelimContent[key] = value; return; }
        RequireDoc().Transact(tr => MapSet(tr, key, value));
    }

    /// <summary>The value of <paramref name="key"/>, or null when it has none (like yjs's <c>map.get</c>).</summary>
    public object? Get(string key) => _prelimContent is not null ? _prelimContent.GetValueOrDefault(key) : MapGet(key);

    /// <summary>Whether <paramref name="key"/> has a value (like yjs's <c>map.has</c>).</summary>
    public bool ContainsKey(string key) => _prelimContent?.ContainsKey(key) ?? MapHas(key);

    /// <summary>Deletes <paramref name="key"/> (like yjs's <c>map.delete</c>).</summary>
    /// <returns>Whether the key had a value.</returns>
    public bool Delete(string key)
    {
        if (_prelimContent is not null) return _prelimContent.Remove(key);
        if (!MapHas(key)) return false;
        RequireDoc().Transact(tr => MapDelete(tr, key));
        return true;
    }

    /// <inheritdoc/>
    public override JsonNode? ToJson() => JsonValues.ToObject(Entries);
}
