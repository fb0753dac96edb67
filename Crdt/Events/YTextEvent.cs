using System.Text;
using Collab.Crdt.Content;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Events;

/// <summary>A text change as a delta with formatting, computed as yjs does.</summary>
public sealed class YTextEvent : YEvent
{
    private List<DeltaOp>? _delta;

    /// <summary>An event for a text change; <paramref name="subs"/> are the changed keys, null standing for the text itself.</summary>
    public YTextEvent(YText target, Transaction transaction, HashSet<string?> subs) : base(target, transaction)
    {
        foreach (var sub in subs)
        {
            if (sub is null) ChildListChanged = true;
            else KeysChanged.Add(sub);
        }
    }

    /// <summary>Whether the text content changed (not only attributes of the type).</summary>
    public bool ChildListChanged { get; }
    /// <summary>Names of attributes changed on the text type itself (as on a <see cref="YXmlText"/>), not formatting inside the text.</summary>
    public HashSet<string> KeysChanged { get; } = new();

    /// <summary>The text change as a rich-text delta with formatting attributes (yjs's <c>YTextEvent.delta</c>), lengths in UTF-16 code units.</summary>
    public override IReadOnlyList<DeltaOp> Delta => _delta ??= Compute();

    private List<DeltaOp> Compute()
    {
        var delta = new List<DeltaOp>();
        Target.RequireDoc().Transact(transaction =>
        {
            var currentAttributes = new OrderedDictionary<string, object?>();
            var oldAttributes = new OrderedDictionary<string, object?>();
            var attributes = new OrderedDictionary<string, object?>();
            string? action = null;
            object? insertEmbed = null;
            var insert = new StringBuilder();
            int retain = 0, deleteLen = 0;

            void AddOp()
            {
                if (action is null) return;
                DeltaOp? op = null;
                switch (action)
                {
                    case "delete":
                        if (deleteLen > 0) op = new DeltaOp { Delete = deleteLen };
                        deleteLen = 0;
                        break;
                    case "insert":
                        if (insertEmbed is not null || insert.Length > 0)
                        {
                            op = new DeltaOp { Insert = insertEmbed ?? insert.ToString() };
                            if (currentAttributes.Count > 0)
                            {
                                op.Attributes = new();
                                foreach (var (k, v) in currentAttributes) if (v is not null) op.Attributes[k] = v;
                            }
                        }
                        insert.Clear();
                        insertEmbed = null;
                        break;
                    case "retain":
                        if (retain > 0)
                        {
                            op = new DeltaOp { Retain = retain };
                            if (attributes.Count > 0) op.Attributes = new(attributes);
                        }
                        retain = 0;
                        break;
                }
                if (op is not null) delta.Add(op);
                action = null;
            }

            for (var item = Target.Start; item is not null; item = item.Right)
            {
                switch (item.Content)
                {
                    case ContentType or ContentEmbed:
                        if (Adds(item))
                        {
                            if (!Deletes(item))
                            {
                                AddOp();
                                action = "insert";
                                insertEmbed = item.Content.GetContent()[0];
                                AddOp();
                            }
                        }
                        else if (Deletes(item))
                        {
                            if (action != "delete") { AddOp(); action = "delete"; }
                            deleteLen += 1;
                        }
                        else if (!item.Deleted)
                        {
                            if (action != "retain") { AddOp(); action = "retain"; }
                            retain += 1;
                        }
                        break;
                    case ContentString s:
                        if (Adds(item))
                        {
                            if (!Deletes(item))
                            {
                                if (action != "insert") { AddOp(); action = "insert"; }
                                s.AppendTo(insert);
                            }
                        }
                        else if (Deletes(item))
                        {
                            if (action != "delete") { AddOp(); action = "delete"; }
                            deleteLen += item.Length;
                        }
                        else if (!item.Deleted)
                        {
                            if (action != "retain") { AddOp(); action = "retain"; }
                            retain += item.Length;
                        }
                        break;
                    case ContentFormat f:
                        if (Adds(item))
                        {
                            if (!Deletes(item))
                            {
                                var curVal = currentAttributes.GetValueOrDefault(f.Key);
                                if (!TextFormatting.EqualAttrs(curVal, f.Value))
                                {
                                    if (action == "retain") AddOp();
                                    if (TextFormatting.EqualAttrs(f.Value, oldAttributes.GetValueOrDefault(f.Key))) attributes.Remove(f.Key);
                                    else attributes[f.Key] = f.Value;
                                }
                                else if (f.Value is not null) item.Delete(transaction);
                            }
                        }
                        else if (Deletes(item))
                        {
                            oldAttributes[f.Key] = f.Value;
                            var curVal = currentAttributes.GetValueOrDefault(f.Key);
                            if (!TextFormatting.EqualAttrs(curVal, f.Value))
                            {
                                if (action == "retain") AddOp();
                                attributes[f.Key] = curVal;
                            }
                        }
                        else if (!item.Deleted)
                        {
                            oldAttributes[f.Key] = f.Value;
                            if (attributes.TryGetValue(f.Key, out var attr))
                            {
                                if (!TextFormatting.EqualAttrs(attr, f.Value))
                                {
                                    if (action == "retain") AddOp();
                                    if (f.Value is null) attributes.Remove(f.Key);
                                    else attributes[f.Key] = f.Value;
                                }
                                else if (attr is not null) item.Delete(transaction);
                            }
                        }
                        if (!item.Deleted)
                        {
                            if (action == "insert") AddOp();
                            TextFormatting.UpdateCurrentAttributes(currentAttributes, f);
                        }
                        break;
                }
            }
            AddOp();
            while (delta.Count > 0 && delta[^1].Retain is not null && delta[^1].Attributes is null) delta.RemoveAt(delta.Count - 1);
        });
        return delta;
    }
}
