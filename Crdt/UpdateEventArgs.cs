using Collab.Crdt.Transactions;

namespace Collab.Crdt;

/// <summary>A v1 update describing one finished transaction.</summary>
public sealed class UpdateEventArgs : EventArgs
{
    /// <summary>The data of one <see cref="Doc.UpdateV1"/> event.</summary>
    public UpdateEventArgs(byte[] update, object? origin, Transaction transaction)
    {
        Update = update;
        Origin = origin;
        Transaction = transaction;
    }

    /// <summary>The transaction's changes as a v1 update, ready to send or store.</summary>
    public byte[] Update { get; }
    /// <summary>The transaction's origin, e.g. to skip echoing an update back to the peer it came from.</summary>
    public object? Origin { get; }
    /// <summary>The finished transaction.</summary>
    public Transaction Transaction { get; }
}
