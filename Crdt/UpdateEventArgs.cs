using Collab.Crdt.Transactions;

namespace Collab.Crdt;

/// <summary>A v1 update describing one finished transaction.</summary>
public sealed class UpdateEventArgs : EventArgs
{
    public UpdateEventArgs(byte[] update, object? origin, Transaction transaction)
    {
        Update = update;
        Origin = origin;
        Transaction = transaction;
    }

    public byte[] Update { get; }
    public object? Origin { get; }
    public Transaction Transaction { get; }
}
