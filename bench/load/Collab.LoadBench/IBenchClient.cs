namespace Collab.LoadBench;

public interface IBenchClient
{
    Task ConnectAsync(CancellationToken ct);
    Task EditAsync(CancellationToken ct);
    Task CloseAsync();
}
