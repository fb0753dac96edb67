using Collab.Server.Notebooks;
using Collab.Server.Observability;
using Collab.Server.Projects;
using Microsoft.Extensions.Options;

namespace Collab.Server.Execution;

public static class ExecutionExtensions
{
    /// <summary>Running cells on a Jupyter Server (section <c>Jupyter</c>; off without <c>Jupyter:Url</c>).</summary>
    public static IHostApplicationBuilder AddCollabExecution(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JupyterOptions>()
            .Bind(builder.Configuration.GetSection(JupyterOptions.Section))
            .Validate(o => !o.Enabled || IsHttpUrl(o.Url!), "Jupyter:Url must be an absolute http or https URL, e.g. http://127.0.0.1:8888/.")
            .Validate(o => o.RequestTimeoutSeconds is >= 1 and <= 600, "Jupyter:RequestTimeoutSeconds must be between 1 and 600.")
            .Validate(o => o.KernelStartTimeoutSeconds is >= 1 and <= 600, "Jupyter:KernelStartTimeoutSeconds must be between 1 and 600.")
            .Validate(o => o.MaxOutputBytesPerCell is >= 1024 and <= 256 * 1024 * 1024, "Jupyter:MaxOutputBytesPerCell must be between 1024 and 268435456.")
            .Validate(o => o.MaxQueuedCells is >= 1 and <= 100_000, "Jupyter:MaxQueuedCells must be between 1 and 100000.")
            .Validate(o => o.OutputFlushMilliseconds is >= 0 and <= 5000, "Jupyter:OutputFlushMilliseconds must be between 0 and 5000.")
            .Validate(o => o.MaxKernelsPerProject is >= 1 and <= 10_000, "Jupyter:MaxKernelsPerProject must be between 1 and 10000.")
            .Validate(o => o.IdleKernelMinutes is >= 0 and <= 7 * 24 * 60, "Jupyter:IdleKernelMinutes must be between 0 (never) and 10080.")
            .Validate(o => o.SessionPrefix.Length > 0 && !o.SessionPrefix.StartsWith('/') && !o.SessionPrefix.Contains(".."),
                "Jupyter:SessionPrefix must be a relative folder name without '..'.")
            .Validate(o => o.Servers.Count == 0 || o.Enabled, "Jupyter:Servers needs Jupyter:Url, the default server every project starts on.")
            .Validate(o => o.Servers.Keys.All(ValidServerName),
                "Jupyter:Servers names must be 1-40 lowercase letters, digits or '-', and not 'default' (the name of Jupyter:Url).")
            .Validate(o => o.Servers.Values.All(s => s.Url is not null && IsHttpUrl(s.Url)), "Every Jupyter:Servers:{name}:Url must be an absolute http or https URL.")
            .ValidateOnStart();
        // Each call sets its own limit (RequestTimeoutSeconds, KernelStartTimeoutSeconds).
        builder.Services.AddHttpClient(JupyterServers.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<JupyterServers>();
        builder.Services.AddSingleton<ExecutionService>();
        builder.Services.AddHostedService<IdleKernelReaper>();
        return builder;
    }

    /// <summary>
    /// The run endpoints; a deleted notebook or project takes its kernels with it; the queue and
    /// kernel gauges and the cell counter read this replica's runs.
    /// </summary>
    public static IEndpointRouteBuilder MapCollabExecution(this IEndpointRouteBuilder app)
    {
        var execution = app.ServiceProvider.GetRequiredService<ExecutionService>();
        app.ServiceProvider.GetRequiredService<NotebookService>().Deleted += execution.OnNotebookDeletedAsync;
        app.ServiceProvider.GetRequiredService<ProjectDeletions>().Deleted += execution.OnProjectDeletedAsync;
        var metrics = app.ServiceProvider.GetRequiredService<CollabMetrics>();
        metrics.ObserveExecution(() => execution.QueuedCells, () => execution.KernelCount);
        execution.CellFinished += metrics.CellExecuted;
        return app.MapExecutionEndpoints();
    }

    private static bool ValidServerName(string name) =>
        name is { Length: >= 1 and <= 40 } && name != JupyterEndpoint.DefaultName && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
