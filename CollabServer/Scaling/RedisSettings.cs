using StackExchange.Redis;

namespace Collab.Server.Scaling;

/// <summary>How every node connects to Redis: never give up, reconnect fast.</summary>
public static class RedisSettings
{
    public static ConfigurationOptions Parse(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // A node starts, and keeps serving its own clients, while Redis is away; rooms resync when it is back.
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        options.ConnectTimeout = 2000;
        options.ClientName ??= $"collab-{Environment.MachineName}-{Environment.ProcessId}";
        return options;
    }
}
