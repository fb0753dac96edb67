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
    public const int TypeRefNumber = 4;

    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YXmlFragment();

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        if (IsObserved) CallTypeObservers(transaction, new YEvent(this, transaction));
    }

    public int Length => LengthInternal;

    public IReadOnlyList<object?> Children => ListToArray();

    public void Insert(int index, params AbstractType[] nodes) =>
        RequireDoc().Transact(tr => ListInsertGenerics(tr, index, nodes));

    public void Delete(int index, int length = 1) => RequireDoc().Transact(tr => ListDelete(tr, index, length));

    public override string ToString() => string.Concat(Children.Select(c => c?.ToString()));

    public override JsonNode? ToJson() => JsonValue.Create(ToString());
}
