using System.Text.Json.Nodes;
using Collab.Crdt.Events;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>
/// A list of XML nodes (ProseMirror and other rich-text editors use these). Collab only needs to
/// keep such content intact, so the API is the list part; elements keep attributes in the map.
/// </summary>
public class YXmlFragment : AbstractType
{
    /// <summary>The type ref of <c>Y.XmlFragment</c> in updates.</summary>
    public const int TypeRefNumber = 4;

    /// <inheritdoc/>
    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YXmlFragment();

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        if (IsObserved) CallTypeObservers(transaction, new YEvent(this, transaction));
    }

    /// <summary>The number of child nodes.</summary>
    public int Length => LengthInternal;

    /// <summary>A copy of the child nodes in order (elements, texts, hooks).</summary>
    public IReadOnlyList<object?> Children => ListToArray();

    /// <summary>Inserts <paramref name="nodes"/> (new, not yet in a document) at <paramref name="index"/> (like yjs's <c>fragment.insert</c>); this fragment must be in a document.</summary>
    public void Insert(int index, params AbstractType[] nodes) =>
        RequireDoc().Transact(tr => ListInsertGenerics(tr, index, nodes));

    /// <summary>Deletes <paramref name="length"/> child nodes from <paramref name="index"/>.</summary>
    public void Delete(int index, int length = 1) => RequireDoc().Transact(tr => ListDelete(tr, index, length));

    /// <summary>The children as XML text, concatenated.</summary>
    public override string ToString() => string.Concat(Children.Select(c => c?.ToString()));

    /// <summary>The XML text as a JSON string (as yjs's <c>toJSON</c>).</summary>
    public override JsonNode? ToJson() => JsonValue.Create(ToString());
}
