using Collab.Crdt.Blocks;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Events;

/// <summary>
/// A change to one shared type in one transaction, as yjs reports it: list changes as a delta
/// (insert/delete/retain), map changes as keys with their old values.
/// </summary>
public class YEvent
{
    private IReadOnlyList<object>? _path;
    private Dictionary<string, KeyChange>? _keys;
    private List<DeltaOp>? _delta;

    /// <summary>An event for the change of <paramref name="target"/> in <paramref name="transaction"/>; the library creates these, observers receive them.</summary>
    public YEvent(AbstractType target, Transaction transaction)
    {
        Target = target;
        CurrentTarget = target;
        Transaction = transaction;
    }

    /// <summary>The type that changed (yjs's <c>event.target</c>).</summary>
    public AbstractType Target { get; }
    /// <summary>The type whose observer is being called (an ancestor for deep observers).</summary>
    public AbstractType CurrentTarget { get; internal set; }
    /// <summary>The transaction that made the change; its data is valid only while observers run.</summary>
    public Transaction Transaction { get; }

    /// <summary>Keys (strings) and indices (ints) from <see cref="CurrentTarget"/> down to <see cref="Target"/>.</summary>
    public IReadOnlyList<object> Path => _path ??= GetPathTo(CurrentTarget, Target);

    internal void ResetPath() => _path = null;

    /// <summary>Whether <paramref name="s"/> was deleted in this transaction (yjs's <c>event.deletes</c>).</summary>
    public bool Deletes(AbstractStruct s) => Transaction.DeleteSet.IsDeleted(s.Id);
    /// <summary>Whether <paramref name="s"/> was added in this transaction (yjs's <c>event.adds</c>).</summary>
    public bool Adds(AbstractStruct s) => s.Id.Clock >= Transaction.Before.GetValueOrDefault(s.Id.Client);

    /// <summary>The changed map keys with their action and old value (yjs's <c>event.keys</c>); computed on first read.</summary>
    public IReadOnlyDictionary<string, KeyChange> Keys => _keys ??= ComputeKeys();

    /// <summary>The list change as insert/delete/retain operations (yjs's <c>event.delta</c>); computed on first read, so read it while the observer runs.</summary>
    public virtual IReadOnlyList<DeltaOp> Delta => _delta ??= ComputeListDelta();

    private Dictionary<string, KeyChange> ComputeKeys()
    {
        var keys = new Dictionary<string, KeyChange>();
        if (!Transaction.Changed.TryGetValue(Target, out var changed)) return keys;
        foreach (var key in changed)
        {
            if (key is null || !Target.Map.TryGetValue(key, out var item)) continue;
            if (Adds(item))
            {
                var prev = item.Left;
                while (prev is not null && Adds(prev)) prev = prev.Left;
                if (Deletes(item))
                {
                    if (prev is not null && Deletes(prev)) keys[key] = new KeyChange("delete", Last(prev));
                }
                else if (prev is not null && Deletes(prev)) keys[key] = new KeyChange("update", Last(prev));
                else keys[key] = new KeyChange("add", null);
            }
            else if (Deletes(item)) keys[key] = new KeyChange("delete", Last(item));
        }
        return keys;
    }

    private static object? Last(Item item)
    {
        var content = item.Content.GetContent();
        return content.Count == 0 ? null : content[^1];
    }

    private List<DeltaOp> ComputeListDelta()
    {
        var delta = new List<DeltaOp>();
        if (!Transaction.Changed.TryGetValue(Target, out var changed) || !changed.Contains(null)) return delta;
        DeltaOp? lastOp = null;
        for (var item = Target.Start; item is not null; item = item.Right)
        {
            if (item.Deleted)
            {
                if (Deletes(item) && !Adds(item))
                {
                    if (lastOp?.Delete is null) { if (lastOp is not null) delta.Add(lastOp); lastOp = new DeltaOp { Delete = 0 }; }
                    lastOp.Delete += item.Length;
                }
            }
            else if (Adds(item))
            {
                if (lastOp?.Insert is not List<object?>) { if (lastOp is not null) delta.Add(lastOp); lastOp = new DeltaOp { Insert = new List<object?>() }; }
                ((List<object?>)lastOp.Insert!).AddRange(item.Content.GetContent());
            }
            else
            {
                if (lastOp?.Retain is null) { if (lastOp is not null) delta.Add(lastOp); lastOp = new DeltaOp { Retain = 0 }; }
                lastOp.Retain += item.Length;
            }
        }
        if (lastOp is not null && lastOp.Retain is null) delta.Add(lastOp);
        return delta;
    }

    private static IReadOnlyList<object> GetPathTo(AbstractType parent, AbstractType child)
    {
        var path = new List<object>();
        while (child.Item is not null && child != parent)
        {
            var item = child.Item;
            var itemParent = (AbstractType)item.Parent!;
            if (item.ParentSub is not null) path.Insert(0, item.ParentSub);
            else
            {
                int i = 0;
                for (var c = itemParent.Start; c != item && c is not null; c = c.Right)
                    if (!c.Deleted && c.Countable) i += c.Length;
                path.Insert(0, i);
            }
            child = itemParent;
        }
        return path;
    }
}
