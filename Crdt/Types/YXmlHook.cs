using Collab.Crdt.Encoding;

namespace Collab.Crdt.Types;

/// <summary>An application-defined XML node: a hook name and a map of values.</summary>
public sealed class YXmlHook : AbstractType
{
    /// <summary>The type ref of <c>Y.XmlHook</c> in updates.</summary>
    public const int TypeRefNumber = 5;

    /// <summary>A new hook named <paramref name="hookName"/>, not yet in a document.</summary>
    public YXmlHook(string hookName) => HookName = hookName;

    /// <summary>The name that tells the application which hook this is.</summary>
    public string HookName { get; }
    /// <inheritdoc/>
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

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    public object? Get(string key) => MapGet(key);
}
