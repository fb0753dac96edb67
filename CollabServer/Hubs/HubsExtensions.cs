using Collab.Server.Chat;
using Collab.Server.Limits;
using Microsoft.AspNetCore.Http.Connections;

namespace Collab.Server.Hubs;

public static class HubsExtensions
{
    /// <summary>
    /// SignalR with the JSON and MessagePack protocols and stateful reconnect; chat events fan out
    /// through the hub (<see cref="HubChatBroadcaster"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCollabHub(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
        builder.Services.AddSignalR(o =>
            {
                // Room for the envelope and base64 (JSON) around a maximal payload, so an oversized
                // payload reaches the hub and gets a clear error instead of a dropped connection.
                o.MaximumReceiveMessageSize = (long)limits.MaxMessageBytes * 2 + 64 * 1024;
                o.StatefulReconnectBufferSize = Math.Max(1_000_000, (long)limits.MaxMessageBytes * 2);
            })
            .AddMessagePackProtocol();
        builder.Services.AddSingleton<IChatBroadcaster, HubChatBroadcaster>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCollabHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<CollabHub>("/hubs/collab", o =>
        {
            o.AllowStatefulReconnects = true;
            o.CloseOnAuthenticationExpiration = true; // an expired token ends the connection, not only new ones
        });
        return app;
    }
}
