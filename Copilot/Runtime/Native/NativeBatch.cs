namespace Collab.Copilot.Runtime.Native;

/// <summary>
/// A <c>llama_batch</c> from <c>llama_batch_init</c>, filled one token at a time. Every entry
/// is checked against the capacity, the vocabulary, the sequence count and the context, so an
/// out-of-range value is an exception here and never a write past a native array.
/// </summary>
internal sealed unsafe class NativeBatch : IDisposable
{
    private LlamaBatch batch;
    private readonly int vocabularySize;
    private readonly int sequenceCount;
    private readonly int positionLimit;
    private bool disposed;

    public NativeBatch(int capacity, int vocabularySize, int sequenceCount, int positionLimit)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
        this.vocabularySize = vocabularySize;
        this.sequenceCount = sequenceCount;
        this.positionLimit = positionLimit;
        batch = NativeMethods.llama_batch_init(capacity, 0, 1);
        if (batch.Tokens == null) throw new OutOfMemoryException("llama_batch_init returned no token array.");
    }

    public int Capacity { get; }

    public int Count => batch.TokenCount;

    public LlamaBatch Native
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return batch;
        }
    }

    public void Clear() => batch.TokenCount = 0;

    /// <summary>Appends a token and returns its index in the batch.</summary>
    public int Add(int token, int position, int sequence, bool output)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var i = batch.TokenCount;
        if (i >= Capacity) throw new InvalidOperationException($"The batch holds at most {Capacity} tokens.");
        if ((uint)token >= (uint)vocabularySize) throw new ArgumentOutOfRangeException(nameof(token), token, "Not a token of this vocabulary.");
        if ((uint)sequence >= (uint)sequenceCount) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "No such sequence slot.");
        if ((uint)position >= (uint)positionLimit) throw new ArgumentOutOfRangeException(nameof(position), position, "Past the context window.");
        batch.Tokens[i] = token;
        batch.Positions[i] = position;
        batch.SequenceIdCounts[i] = 1;
        batch.SequenceIds[i][0] = sequence;
        batch.Outputs[i] = output ? (sbyte)1 : (sbyte)0;
        batch.TokenCount = i + 1;
        return i;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        NativeMethods.llama_batch_free(batch);
    }
}
