using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// The Node process running <c>tests/interop/yjs-peer.mjs</c>: one per test run, driven with
/// line-delimited JSON (see that script for the commands). Not thread-safe.
/// </summary>
public sealed class YjsPeer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    public YjsPeer()
    {
        var root = RepoRoot();
        var info = new ProcessStartInfo("node", Path.Combine("tests", "interop", "yjs-peer.mjs"))
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        // Drain stderr so the peer never blocks on a full pipe; keep its tail for error messages.
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                if (_stderr.Length > 20_000) _stderr.Remove(0, 10_000);
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Runs one command and returns its result.</summary>
    public JsonNode? Call(JsonObject command)
    {
        var reply = Send(command);
        if (reply["e"] is { } error) throw new YjsPeerException($"yjs peer failed on {command["c"]}: {error}");
        return reply["r"];
    }

    /// <summary>Runs commands in order in one round trip; throws naming the first that failed.</summary>
    public JsonArray Batch(IReadOnlyList<JsonObject> commands)
    {
        var reply = Send(new JsonObject { ["c"] = "batch", ["cmds"] = new JsonArray(commands.Select(c => (JsonNode)c.DeepClone()).ToArray()) });
        if (reply["e"] is { } error)
        {
            var at = (int)reply["at"]!;
            throw new YjsPeerException($"yjs peer failed on {commands[at].ToJsonString()}: {error}") { Results = reply["r"]!.AsArray() };
        }
        return reply["r"]!.AsArray();
    }

    private JsonObject Send(JsonObject command)
    {
        if (_process.HasExited) throw new YjsPeerException("The yjs peer has exited: " + StderrTail());
        _process.StandardInput.WriteLine(command.ToJsonString());
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine()
            ?? throw new YjsPeerException("The yjs peer closed its output: " + StderrTail());
        return JsonNode.Parse(line)!.AsObject();
    }

    private string StderrTail()
    {
        lock (_stderr) return _stderr.ToString();
    }

    /// <summary>The folder holding Collab.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Collab.sln"))) return dir.FullName;
        throw new InvalidOperationException("Collab.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);
    public static byte[] Bytes(JsonNode? node) => Convert.FromBase64String((string)node!);

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}

public sealed class YjsPeerException(string message) : Exception(message)
{
    /// <summary>For a failed batch: the results of the commands before the one that failed.</summary>
    public JsonArray? Results { get; init; }
}

/// <summary>Shares one yjs peer process among the interop test classes, which run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class YjsPeerCollection : ICollectionFixture<YjsPeer>
{
    public const string Name = "yjs peer";
}
