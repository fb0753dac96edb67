namespace Collab.Server.Execution;

/// <summary>
/// The Jupyter Server that runs notebooks' code (section <c>Jupyter</c>). Without <c>Url</c>
/// nothing runs and run requests are answered "not configured".
/// </summary>
public sealed class JupyterOptions
{
    public const string Section = "Jupyter";

    /// <summary><c>Jupyter:Url</c>: base URL of the Jupyter Server (http or https), e.g. <c>http://127.0.0.1:8888/</c>.</summary>
    public string? Url { get; set; }

    /// <summary><c>Jupyter:Token</c>: the server's token (sent as <c>Authorization: token …</c>).</summary>
    public string? Token { get; set; }

    /// <summary><c>Jupyter:DefaultKernel</c>: kernelspec for notebooks that name none; empty means the server's default.</summary>
    public string? DefaultKernel { get; set; }

    /// <summary><c>Jupyter:SessionPrefix</c>: folder of the session paths Collab opens (<c>{prefix}/{project}/{notebook}</c>).</summary>
    public string SessionPrefix { get; set; } = "collab";

    /// <summary><c>Jupyter:RequestTimeoutSeconds</c>: how long a REST call or connection to the Jupyter Server may take.</summary>
    public int RequestTimeoutSeconds { get; set; } = 20;

    /// <summary><c>Jupyter:KernelStartTimeoutSeconds</c>: how long opening a session (which starts its kernel) may take.</summary>
    public int KernelStartTimeoutSeconds { get; set; } = 120;

    /// <summary><c>Jupyter:MaxOutputBytesPerCell</c>: output one run may write into a cell; the rest is dropped with a note.</summary>
    public int MaxOutputBytesPerCell { get; set; } = 4 * 1024 * 1024;

    /// <summary><c>Jupyter:MaxQueuedCells</c>: cells one notebook may have waiting to run.</summary>
    public int MaxQueuedCells { get; set; } = 1000;

    /// <summary><c>Jupyter:OutputFlushMilliseconds</c>: outputs arriving within this window are written as one change.</summary>
    public int OutputFlushMilliseconds { get; set; } = 50;

    /// <summary><c>Jupyter:MaxKernelsPerProject</c>: notebooks of one project that may hold a kernel at once.</summary>
    public int MaxKernelsPerProject { get; set; } = 10;

    /// <summary><c>Jupyter:IdleKernelMinutes</c>: a kernel with nothing to do this long is shut down (0: never).</summary>
    public int IdleKernelMinutes { get; set; } = 120;

    /// <summary>
    /// <c>Jupyter:Servers:{name}:Url</c> / <c>:Token</c>: further Jupyter Servers a project's owners may
    /// choose instead of the default one (<c>Jupyter:Url</c>, named <c>default</c>). Only these can be
    /// chosen: a project names a server, never a URL, so owners can't point Collab anywhere else.
    /// </summary>
    public Dictionary<string, JupyterServerOptions> Servers { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Every server by name, the default first.</summary>
    public IReadOnlyList<JupyterEndpoint> Endpoints() =>
        Enabled
            ? [new JupyterEndpoint(JupyterEndpoint.DefaultName, Url!, Token),
               .. Servers.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new JupyterEndpoint(s.Key, s.Value.Url!, s.Value.Token))]
            : [];
}

/// <summary>One more Jupyter Server a project may use (<c>Jupyter:Servers:{name}</c>).</summary>
public sealed class JupyterServerOptions
{
    public string? Url { get; set; }
    public string? Token { get; set; }
}

/// <summary>A Jupyter Server by the name projects choose it with.</summary>
public sealed record JupyterEndpoint(string Name, string Url, string? Token)
{
    public const string DefaultName = "default";

    public Uri BaseUri => new(Url.EndsWith('/') ? Url : Url + "/");
}
