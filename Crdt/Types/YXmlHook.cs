using Collab.Crdt.Encoding;

namespace Collab.Crdt.Types;

/// <summary>An application-defined XML node: a hook name and a map of values.</summary>
public sealed class YXmlHook : AbstractType
{
    public const int TypeRefNumber = 5;

    public YXmlHook(string hookName) => HookName = hookName;

    public string HookName { get; }
    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YXmlHook(HookName);

    internal override void WriteTypeRef(UpdateEncoderV1 encoder)
    {
        encoder.WriteTypeRef(TypeRefNumber);
        encoder.WriteKey(HookName);
    }

    internal override void CallObserver(Transactions.Transaction transaction, HashSet<string?> parentSubs)
    {
        if (IsObserved) CallTypeObservers(transaction, new Events.YEvent(this, transaction));
    }

    public object? Get(string key) => MapGet(key);
}
