using Collab.Server.Observability;

namespace Collab.Server.Health;

public static class LoggingExtensions
{
    /// <summary>
    /// One JSON object per line on the console, so log collectors need no parsing rules. The
    /// <c>token</c> command prints only its token on stdout, so it keeps logs to warnings. No
    /// token is ever logged (<see cref="TokenRedactingLoggerFactory"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCollabLogging(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            // Scopes carry the request's TraceId/SpanId (below), so a log line joins its trace.
            o.IncludeScopes = true;
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!builder.Services.TryDecorate<ILoggerFactory>((_, inner) => new TokenRedactingLoggerFactory(inner)))
            throw new InvalidOperationException("No logger factory to wrap: tokens could reach the logs.");
        if (args.FirstOrDefault() == "token")
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter((category, _) => false);
        }
        return builder;
    }
}
