using Collab.Server.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.LoadBench;

/// <summary>A SignalR editor on <c>/hubs/collab</c> (MessagePack): measures the ack (persisted) and the fan-out.</summary>
public sealed class HubLoadClient(string baseUrl, string token, string project, string docName, IEditingDoc doc, LatencyRecorder recorder) : IBenchClient
{
    private HubConnection? _connection;

    public async Task ConnectAsync(CancellationToken ct)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/hubs/collab", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol()
            .Build();
        _connection.On<string, string, byte[]>(CollabHub.ReceiveUpdate, (_, _, update) =>
        {
            recorder.Frame();
            doc.ApplyRemote(update);
        });
        await _connection.StartAsync(ct);
        var joined = await _connection.InvokeAsync<JoinRoomResult>("JoinRoom", project, docName, doc.StateVector(), ct);
        doc.ApplyRemote(joined.Update);
    }

    public async Task EditAsync(CancellationToken ct)
    {
        var update = doc.Edit(out var id);
        if (update is null) return;
        try
        {
            await _connection!.InvokeAsync("SendUpdate", project, docName, update, ct);
            recorder.Acked(id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            recorder.Error();
        }
    }

    public Task CloseAsync() => _connection?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}
