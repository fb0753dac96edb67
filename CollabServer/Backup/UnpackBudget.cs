using Collab.Server.Limits;

namespace Collab.Server.Backup;

/// <summary>What one import may still unpack (<c>Backup:MaxUnpackedBytes</c>), over every entry it reads.</summary>
internal sealed class UnpackBudget(long maxBytes)
{
    private long _used;

    public void Take(long bytes)
    {
        _used += bytes;
        if (_used > maxBytes) throw new LimitExceededException($"The archive unpacks to more than Backup:MaxUnpackedBytes ({maxBytes} bytes).");
    }
}
