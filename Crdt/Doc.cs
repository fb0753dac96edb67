using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;
using Collab.Crdt.UpdateCodec;

namespace Collab.Crdt;

/// <summary>
/// A Yjs-compatible shared document: named root types, a struct store, transactions, and
/// the v1 update format. Not thread-safe: one writer at a time (the server gives each room
/// a single writer).
/// </summary>
public sealed class Doc
{
    private readonly Dictionary<string, AbstractType> _share = new();
    private Transaction? _transaction;
    private readonly List<Transaction> _transactionCleanups = new();

    /// <summary>The default of <see cref="DocOptions.MaxNestingDepth"/>; far beyond any editor's documents.</summary>
    public const int DefaultMaxNestingDepth = 64;
    /// <summary>The default of <see cref="DocOptions.MaxPendingBytes"/>.</summary>
    public const int DefaultMaxPendingBytes = 1024 * 1024;

    /// <summary>Creates an empty document (like yjs's <c>new Y.Doc(opts)</c>).</summary>
    /// <param name="options">Client id, GC, guid and input bounds; null for the defaults (random client id, GC on).</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound in <paramref name="options"/> is out of range.</exception>
    public Doc(DocOptions? options = null)
    {
        ClientId = options?.ClientId ?? GenerateClientId();
        Gc = options?.Gc ?? true;
        Guid = options?.Guid ?? System.Guid.NewGuid().ToString();
        MaxNestingDepth = options?.MaxNestingDepth ?? DefaultMaxNestingDepth;
        MaxPendingBytes = options?.MaxPendingBytes ?? DefaultMaxPendingBytes;
        if (MaxNestingDepth < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxNestingDepth must be at least 1.");
        if (MaxPendingBytes < 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxPendingBytes must not be negative.");
    }

    /// <summary>This replica's client id, the author part of every <see cref="Blocks.ID"/> it creates (yjs's <c>doc.clientID</c>); replaced with a fresh one if a remote update shows another replica using it.</summary>
    public ulong ClientId { get; private set; }
    /// <summary>Whether deleted content is garbage collected after each transaction (yjs's <c>doc.gc</c>); turn it off to keep history for snapshots.</summary>
    public bool Gc { get; }
    /// <summary>The document's identity, used to recognise sub-documents (yjs's <c>doc.guid</c>).</summary>
    public string Guid { get; }
    /// <summary>See <see cref="DocOptions.MaxNestingDepth"/>.</summary>
    public int MaxNestingDepth { get; }
    /// <summary>See <see cref="DocOptions.MaxPendingBytes"/>.</summary>
    public int MaxPendingBytes { get; }
    /// <summary>All structs of the document, per client, in clock order (yjs's <c>doc.store</c>).</summary>
    public StructStore Store { get; } = new();
    /// <summary>The item that holds this document when it is a sub-document.</summary>
    public Blocks.Item? Item { get; internal set; }

    /// <summary>The root types by name, in creation order.</summary>
    public IReadOnlyDictionary<string, AbstractType> Share => _share;

    /// <summary>Raised after each transaction that changed something, with its v1 update.</summary>
    public event EventHandler<UpdateEventArgs>? UpdateV1;

    /// <summary>Raised after observers ran, before garbage collection.</summary>
    public event Action<Transaction>? AfterTransaction;

    /// <summary>Returns the root text named <paramref name="name"/>, creating it on first use (like yjs's <c>doc.getText</c>).</summary>
    public YText GetText(string name = "") => GetRoot(name, () => new YText());
    /// <summary>Returns the root array named <paramref name="name"/>, creating it on first use (like yjs's <c>doc.getArray</c>).</summary>
    public YArray GetArray(string name = "") => GetRoot(name, () => new YArray());
    /// <summary>Returns the root map named <paramref name="name"/>, creating it on first use (like yjs's <c>doc.getMap</c>).</summary>
    public YMap GetMap(string name = "") => GetRoot(name, () => new YMap());
    /// <summary>Returns the root XML fragment named <paramref name="name"/>, creating it on first use (like yjs's <c>doc.getXmlFragment</c>).</summary>
    public YXmlFragment GetXmlFragment(string name = "") => GetRoot(name, () => new YXmlFragment());

    private T GetRoot<T>(string name, Func<T> create) where T : AbstractType
    {
        if (_share.TryGetValue(name, out var existing))
        {
            if (existing is T typed) return typed;
            if (existing.GetType() != typeof(AbstractType))
                throw new InvalidOperationException($"The root type '{name}' is a {existing.GetType().Name}, not a {typeof(T).Name}.");
            // A root first seen in an update has no concrete type yet: adopt its content.
            var adopted = create();
            adopted.Integrate(this, null); // ends its preliminary state, or reads would see that
            adopted.AdoptFrom(existing);
            _share[name] = adopted;
            return adopted;
        }
        var type = create();
        type.Integrate(this, null);
        type.RootName = name;
        _share[name] = type;
        return type;
    }

    internal AbstractType GetOrCreateRoot(string name)
    {
        if (_share.TryGetValue(name, out var existing)) return existing;
        var type = new AbstractType();
        type.Integrate(this, null);
        type.RootName = name;
        _share[name] = type;
        return type;
    }

    /// <summary>Runs <paramref name="fn"/> in a transaction; nested calls join the outer one.</summary>
    public void Transact(Action<Transaction> fn, object? origin = null) => Transact(fn, origin, local: true);

    /// <summary>
    /// As <see cref="Transact(Action{Transaction}, object?)"/>; <paramref name="local"/> false marks the
    /// changes as remote (as yjs <c>transact</c>'s fourth argument), which is what applying a batch of
    /// received updates in one transaction needs: search markers are dropped and formatting cleaned up.
    /// </summary>
    public void Transact(Action<Transaction> fn, object? origin, bool local) =>
        Transact(fn, static (transaction, f) => f(transaction), origin, local);

    /// <summary>As <see cref="Transact(Action{Transaction}, object?, bool)"/>, passing <paramref name="state"/> instead of capturing it: no closure per edit.</summary>
    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transact<TState>(TState state, Action<Transaction, TState> fn, object? origin = null, bool local = true)
    {
        bool initialCall = false;
        if (_transaction is null)
        {
            initialCall = true;
            _transaction = new Transaction(this, origin, local);
            _transactionCleanups.Add(_transaction);
        }
        try
        {
            fn(_transaction, state);
        }
        finally
        {
            if (initialCall)
            {
                bool finishCleanup = _transaction == _transactionCleanups[0];
                _transaction = null;
                if (finishCleanup) TransactionCleanup.Run(_transactionCleanups, 0);
            }
        }
    }

    /// <summary>Applies a v1 update. Throws <see cref="CrdtFormatException"/> and changes nothing if it is malformed.</summary>
    public void ApplyUpdate(byte[] update, object? origin = null) => UpdateIntegrator.Apply(this, update, origin, refuseOverLimits: true);

    /// <summary>
    /// Applies an update that was accepted once already (from storage, or from a replica that checked
    /// it) without refusing it over <see cref="MaxNestingDepth"/> or <see cref="MaxPendingBytes"/>, so a
    /// lowered limit can't make a stored document unloadable: types nested too deep are dropped while
    /// integrating, and what would park past the budget is not kept. Malformed bytes still throw.
    /// </summary>
    public void ApplyStoredUpdate(byte[] update, object? origin = null) => UpdateIntegrator.Apply(this, update, origin, refuseOverLimits: false);

    /// <summary>The state vector: for each client, the next clock this document expects.</summary>
    public byte[] EncodeStateVector() => UpdateWriter.EncodeStateVector(Store.GetStateVector());

    /// <summary>
    /// Everything this document has that a peer with <paramref name="stateVector"/> lacks
    /// (the whole document when null), plus the whole delete set, as a v1 update.
    /// </summary>
    public byte[] EncodeStateAsUpdate(byte[]? stateVector = null)
    {
        var sv = stateVector is null ? new Dictionary<ulong, int>() : UpdateWriter.DecodeStateVector(stateVector);
        var encoder = new UpdateEncoderV1();
        UpdateWriter.WriteClientsStructs(encoder, Store, sv);
        DeleteSet.FromStructStore(Store).Write(encoder);
        var update = encoder.ToArrayAndRelease();
        if (Store.PendingDs is null && Store.PendingStructs is null) return update;
        var updates = new List<byte[]> { update };
        if (Store.PendingDs is { } pendingDs) updates.Add(pendingDs.ToUpdate());
        if (Store.PendingStructs is { } pending) updates.Add(UpdateMerger.Diff(pending.Update, stateVector ?? [0]));
        return UpdateMerger.Merge(updates);
    }

    /// <summary>
    /// <see cref="EncodeStateAsUpdate"/> as the chunks it was written in, for a caller that sends
    /// it in parts (a sync step 2 to a joining client) and so needs no array of the whole size.
    /// </summary>
    public EncodedParts EncodeStateAsUpdateInParts(byte[]? stateVector = null)
    {
        // Parked updates (rare) are merged into the result, which needs it whole.
        if (Store.PendingDs is not null || Store.PendingStructs is not null) return new EncodedParts(EncodeStateAsUpdate(stateVector));
        var sv = stateVector is null ? new Dictionary<ulong, int>() : UpdateWriter.DecodeStateVector(stateVector);
        var encoder = new UpdateEncoderV1();
        UpdateWriter.WriteClientsStructs(encoder, Store, sv);
        DeleteSet.FromStructStore(Store).Write(encoder);
        return encoder.TakeParts();
    }

    internal void RegenerateClientId() => ClientId = GenerateClientId();

    private static ulong GenerateClientId() => (ulong)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue) & 0xFFFFFFFF;

    internal void RaiseAfterTransaction(Transaction transaction) => AfterTransaction?.Invoke(transaction);

    internal void RaiseUpdate(Transaction transaction)
    {
        var handler = UpdateV1;
        if (handler is null || !transaction.HasChanges()) return;
        transaction.DeleteSet.SortAndMerge();
        var encoder = new UpdateEncoderV1();
        UpdateWriter.WriteClientsStructs(encoder, Store, transaction.Before);
        transaction.DeleteSet.Write(encoder);
        handler(this, new UpdateEventArgs(encoder.ToArray(), transaction.Origin, transaction));
    }
}
