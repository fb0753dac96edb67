using System.Text;
using System.Text.Json.Nodes;
using Collab.Crdt.Content;
using Collab.Crdt.Events;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>Shared rich text: characters, embeds and formatting marks.</summary>
public class YText : AbstractType
{
    /// <summary>The type ref of <c>Y.Text</c> in updates.</summary>
    public const int TypeRefNumber = 2;
    private List<Action>? _pending = new();

    /// <summary>A new text, not yet in a document (like yjs's <c>new Y.Text(initial)</c>); <paramref name="initial"/> and later edits are applied when it is inserted.</summary>
    public YText(string? initial = null)
    {
        SearchMarkers = new ArraySearchMarkers();
        if (!string.IsNullOrEmpty(initial)) _pending!.Add(() => Insert(0, initial));
    }

    /// <inheritdoc/>
    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YText();

    /// <summary>The length in UTF-16 code units, embeds counting 1 (yjs's <c>text.length</c>); 0 until the text is in a document.</summary>
    public int Length => LengthInternal;

    internal override void Integrate(Doc doc, Blocks.Item? item)
    {
        base.Integrate(doc, item);
        var pending = _pending;
        _pending = null;
        if (pending is { Count: > 0 }) doc.Transact(_ => { foreach (var f in pending) f(); });
    }

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        base.CallObserver(transaction, parentSubs);
        if (IsObserved) CallTypeObservers(transaction, new YTextEvent(this, transaction, parentSubs));
        // Concurrent formatting can leave duplicate marks; remote changes trigger a cleanup.
        if (!transaction.Local && HasFormatting) transaction.NeedFormattingCleanup = true;
    }

    internal static void CleanupAfterTransaction(Transaction transaction) => TextFormatting.CleanupAfterTransaction(transaction);

    /// <summary>The plain text, without embeds and formatting (yjs's <c>text.toString()</c>).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var n = Start; n is not null; n = n.Right)
            if (!n.Deleted && n.Countable && n.Content is ContentString s) s.AppendTo(sb);
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override JsonNode? ToJson() => JsonValue.Create(ToString());

    /// <summary>
    /// Inserts text at <paramref name="index"/>. Without attributes, the text takes the formatting
    /// in effect at that position; with attributes, exactly those.
    /// </summary>
    public void Insert(int index, string text, IDictionary<string, object?>? attributes = null)
    {
        if (text.Length == 0) return;
        if (Doc is null) { DeferInsert(index, text, attributes); return; }
        CheckIndex(index);
        Doc.Transact((Text: this, index, text, attributes), static (tr, s) =>
        {
            var pos = TextFormatting.FindPosition(tr, s.Text, s.index, s.attributes is null);
            var attrs = s.attributes is not null ? new OrderedDictionary<string, object?>(s.attributes)
                : pos.Attributes is { Count: > 0 } current ? new OrderedDictionary<string, object?>(current) : null;
            TextFormatting.InsertText(tr, s.Text, pos, s.text, attrs);
        });
    }

    /// <summary>Inserts an embed (a JSON object) or a nested shared type at <paramref name="index"/>.</summary>
    public void InsertEmbed(int index, object embed, IDictionary<string, object?>? attributes = null)
    {
        if (Doc is null) { _pending!.Add(() => InsertEmbed(index, embed, attributes)); return; }
        CheckIndex(index);
        Doc.Transact(tr =>
        {
            var pos = TextFormatting.FindPosition(tr, this, index, attributes is null);
            TextFormatting.InsertText(tr, this, pos, embed, attributes is null ? new() : new OrderedDictionary<string, object?>(attributes));
        });
    }

    /// <summary>Deletes <paramref name="length"/> UTF-16 code units from <paramref name="index"/> (like yjs's <c>text.delete</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range goes past the end of the text.</exception>
    public void Delete(int index, int length)
    {
        if (length == 0) return;
        if (Doc is null) { DeferDelete(index, length); return; }
        if (index < 0 || length < 0 || index + length > LengthInternal) ThrowDeleteOutOfRange(index, length);
        Doc.Transact((Text: this, index, length), static (tr, s) =>
            TextFormatting.DeleteText(tr, TextFormatting.FindPosition(tr, s.Text, s.index, true), s.length));
    }

    /// <summary>Sets formatting attributes on a range; a null value removes that attribute.</summary>
    public void Format(int index, int length, IDictionary<string, object?> attributes)
    {
        if (length == 0) return;
        if (Doc is null) { _pending!.Add(() => Format(index, length, attributes)); return; }
        CheckIndex(index);
        Doc.Transact(tr =>
        {
            var pos = TextFormatting.FindPosition(tr, this, index, false);
            if (pos.Right is null) return;
            TextFormatting.FormatText(tr, this, pos, length, new OrderedDictionary<string, object?>(attributes));
        });
    }

    // Apart from Insert and Delete, whose lambdas would otherwise allocate a closure on every call.
    private void DeferInsert(int index, string text, IDictionary<string, object?>? attributes) => _pending!.Add(() => Insert(index, text, attributes));
    private void DeferDelete(int index, int length) => _pending!.Add(() => Delete(index, length));

    private void CheckIndex(int index)
    {
        if (index < 0 || index > LengthInternal) ThrowIndexOutOfRange(index);
    }

    // The messages' formatting apart from Insert and Delete: a fresh process compiles it only when
    // it is needed, not with the first edit.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowIndexOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is outside 0..{LengthInternal}.");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowDeleteOutOfRange(int index, int length) =>
        throw new ArgumentOutOfRangeException(nameof(length), $"Deleting {length} at {index} exceeds the text length {LengthInternal}.");

    /// <summary>The content as a Quill-style delta: inserts with their attributes.</summary>
    public IReadOnlyList<DeltaOp> ToDelta()
    {
        var ops = new List<DeltaOp>();
        var current = new OrderedDictionary<string, object?>();
        var str = new StringBuilder();
        void PackStr()
        {
            if (str.Length == 0) return;
            ops.Add(new DeltaOp { Insert = str.ToString(), Attributes = current.Count > 0 ? new(current) : null });
            str.Clear();
        }
        for (var n = Start; n is not null; n = n.Right)
        {
            if (n.Deleted) continue;
            switch (n.Content)
            {
                case ContentString s: s.AppendTo(str); break;
                case ContentType or ContentEmbed:
                    PackStr();
                    ops.Add(new DeltaOp { Insert = n.Content.GetContent()[0], Attributes = current.Count > 0 ? new(current) : null });
                    break;
                case ContentFormat f:
                    PackStr();
                    TextFormatting.UpdateCurrentAttributes(current, f);
                    break;
            }
        }
        PackStr();
        return ops;
    }
}
