using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
namespace Collab.Server.Execution;

/// <summary>The REST calls Collab makes to one Jupyter Server: kernelspecs, sessions, interrupt, restart.</summary>
public sealed class JupyterServerClient(HttpClient http, JupyterEndpoint endpoint, JupyterOptions options)
{
    public JupyterEndpoint Endpoint => endpoint;

    /// <summary>How messages name the server: the default one plainly, another one by its name.</summary>
    private string Who => endpoint.Name == JupyterEndpoint.DefaultName ? "The Jupyter server" : $"The Jupyter server '{endpoint.Name}'";

    /// <summary>The kernel of a notebook's session on the Jupyter Server.</summary>
    public sealed record KernelSession(string SessionId, string KernelId, string KernelName);

    public async Task<KernelList> KernelSpecsAsync(CancellationToken ct)
    {
        var json = await SendAsync(HttpMethod.Get, "api/kernelspecs", null, ct) ?? new JsonObject();
        var specs = (json["kernelspecs"] as JsonObject ?? []).Select(p => new KernelSpecInfo(
            p.Key,
            (string?)p.Value?["spec"]?["display_name"] ?? p.Key,
            (string?)p.Value?["spec"]?["language"] ?? "")).OrderBy(k => k.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        return new KernelList((string?)json["default"] ?? specs.FirstOrDefault()?.Name ?? "", specs);
    }

    /// <summary>
    /// Opens the session for <paramref name="path"/>, or returns the one the server already has for
    /// it (so a restarted Collab finds its kernels again), with <paramref name="kernelName"/>.
    /// </summary>
    public async Task<KernelSession> OpenSessionAsync(string path, string kernelName, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["path"] = path,
            ["name"] = path[(path.LastIndexOf('/') + 1)..],
            ["type"] = "notebook",
            ["kernel"] = new JsonObject { ["name"] = kernelName },
        };
        var session = await SendAsync(HttpMethod.Post, "api/sessions", body, ct, options.KernelStartTimeoutSeconds) ?? throw new JupyterUnavailableException("The Jupyter server answered no session.");
        var found = Parse(session);
        if (found.KernelName == kernelName) return found;
        // The server keeps an existing session's kernel; change it when another was asked for.
        var patched = await SendAsync(HttpMethod.Patch, $"api/sessions/{found.SessionId}",
            new JsonObject { ["kernel"] = new JsonObject { ["name"] = kernelName } }, ct, options.KernelStartTimeoutSeconds);
        return patched is null ? found : Parse(patched);
    }

    public Task DeleteSessionAsync(string sessionId, CancellationToken ct) => SendAsync(HttpMethod.Delete, $"api/sessions/{sessionId}", null, ct);

    public Task InterruptAsync(string kernelId, CancellationToken ct) => SendAsync(HttpMethod.Post, $"api/kernels/{kernelId}/interrupt", new JsonObject(), ct);

    public Task RestartAsync(string kernelId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"api/kernels/{kernelId}/restart", new JsonObject(), ct, options.KernelStartTimeoutSeconds);

    /// <summary>The kernel's WebSocket (channels) address.</summary>
    public Uri ChannelsUri(string kernelId, string clientSession)
    {
        var uri = new UriBuilder(new Uri(endpoint.BaseUri, $"api/kernels/{kernelId}/channels"))
        {
            Query = $"session_id={Uri.EscapeDataString(clientSession)}",
        };
        uri.Scheme = uri.Scheme == "https" ? "wss" : "ws";
        return uri.Uri;
    }

    private static KernelSession Parse(JsonNode session) => new(
        (string?)session["id"] ?? throw new JupyterUnavailableException("The Jupyter server's session has no id."),
        (string?)session["kernel"]?["id"] ?? throw new JupyterUnavailableException("The Jupyter server's session has no kernel."),
        (string?)session["kernel"]?["name"] ?? "");

    /// <summary>One REST call, given <paramref name="timeoutSeconds"/> (default <c>Jupyter:RequestTimeoutSeconds</c>).</summary>
    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct, int? timeoutSeconds = null)
    {
        var seconds = timeoutSeconds ?? options.RequestTimeoutSeconds;
        using var request = new HttpRequestMessage(method, new Uri(endpoint.BaseUri, path));
        if (!string.IsNullOrEmpty(endpoint.Token))
            request.Headers.Authorization = new AuthenticationHeaderValue("token", endpoint.Token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new JupyterUnavailableException(timeoutSeconds is null
                ? $"{Who} did not answer within {seconds} s (Jupyter:RequestTimeoutSeconds)."
                : $"The kernel did not start within {seconds} s (Jupyter:KernelStartTimeoutSeconds).");
        }
        catch (HttpRequestException ex)
        {
            throw new JupyterUnavailableException($"{Who} is not reachable ({ex.Message}).", ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(timeout.Token);
                var message = TryMessage(detail) ?? response.ReasonPhrase;
                throw new JupyterUnavailableException($"{Who} refused {method} {path}: {(int)response.StatusCode} {message}");
            }
            if (response.Content.Headers.ContentLength == 0) return null;
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
    }

    private static string? TryMessage(string body)
    {
        try { return (string?)JsonNode.Parse(body)?["message"]; }
        catch (System.Text.Json.JsonException) { return body.Length > 200 ? body[..200] : body; }
    }
}

/// <summary>The Jupyter Server can't be reached, refused a call, or its kernel went away.</summary>
public sealed class JupyterUnavailableException(string message, Exception? inner = null, string status = KernelStatus.Unavailable)
    : Exception(message, inner)
{
    /// <summary>What <c>execution.status</c> shows meanwhile.</summary>
    public string Status { get; } = status;
}

public sealed record KernelSpecInfo(string Name, string DisplayName, string Language);

/// <summary>The kernels a notebook may choose from, and the server's default.</summary>
public sealed record KernelList(string Default, IReadOnlyList<KernelSpecInfo> Kernels);
