using Collab.Crdt.Encoding;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Blocks;

/// <summary>A run of consecutive clocks of one client: an <see cref="Item"/>, a GC range or a Skip.</summary>
public abstract class AbstractStruct
{
    // The id unpacked: an ID field takes 16 bytes (8 + 4, padded), and Length beside it 8 more;
    // as three fields they take 16, on every struct of every document.
    private ulong _client;
    private int _clock;
    /// <summary>How many clocks the run covers (for string content, UTF-16 code units).</summary>
    public int Length;

    /// <summary>Starts a run of <paramref name="length"/> clocks at <paramref name="id"/>.</summary>
    /// <param name="id">Author and first clock.</param>
    /// <param name="length">Number of clocks covered.</param>
    protected AbstractStruct(ID id, int length)
    {
        (_client, _clock) = (id.Client, id.Clock);
        Length = length;
    }

    /// <summary>The first clock of the run: its author's client id and starting clock.</summary>
    public ID Id
    {
        get => new(_client, _clock);
        set => (_client, _clock) = (value.Client, value.Clock);
    }

    /// <summary>Whether the run's content is deleted (always true for GC and Skip runs).</summary>
    public abstract bool Deleted { get; }

    /// <summary>Merges <paramref name="right"/> into this struct when both are adjacent and alike.</summary>
    public abstract bool MergeWith(AbstractStruct right);

    /// <summary>Writes this run in the V1 update format, leaving out its first <paramref name="offset"/> clocks (like yjs's <c>struct.write</c>).</summary>
    /// <param name="encoder">The update being written.</param>
    /// <param name="offset">Clocks at the start already known to the receiver.</param>
    public abstract void Write(UpdateEncoderV1 encoder, int offset);

    /// <summary>Places this run into the transaction's document (like yjs's <c>struct.integrate</c>), skipping its first <paramref name="offset"/> clocks, which the document already has.</summary>
    /// <param name="transaction">The open transaction receiving the run.</param>
    /// <param name="offset">Clocks at the start already present locally.</param>
    public abstract void Integrate(Transaction transaction, int offset);
}
