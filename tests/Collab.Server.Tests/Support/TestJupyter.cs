using System.Diagnostics;
using System.Text;

namespace Collab.Server.Tests.Support;

/// <summary>
/// A real Jupyter Server (Debian's <c>python3-jupyter-server</c> with <c>python3-ipykernel</c>,
/// installed by ./test.sh) on 127.0.0.1, a free port, a token and a throwaway root folder.
/// </summary>
public sealed class TestJupyter : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _root;

    private TestJupyter(Process process, string root, int port, string token)
    {
        (_process, _root, Port, Token) = (process, root, port, token);
    }

    public int Port { get; }
    public string Token { get; }
    public string Url => $"http://127.0.0.1:{Port}/";

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>The Collab settings that point at this server.</summary>
    public Dictionary<string, string> Settings => new() { ["Jupyter:Url"] = Url, ["Jupyter:Token"] = Token };

    public static async Task<TestJupyter> StartAsync()
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: run the tests through ./test.sh, which installs python3-jupyter-server and python3-ipykernel.");
        var root = Directory.CreateTempSubdirectory("collab-jupyter-").FullName;
        var port = FreePort.Next();
        var token = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var info = new ProcessStartInfo(Python, ["-m", "jupyter_server", "--no-browser", "--allow-root", $"--port={port}",
            "--ServerApp.ip=127.0.0.1", $"--ServerApp.token={token}", $"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        info.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, ".runtime");
        info.Environment["JUPYTER_DATA_DIR"] = Path.Combine(root, ".data");
        info.Environment["IPYTHONDIR"] = Path.Combine(root, ".ipython");
        var process = Process.Start(info)!;
        var jupyter = new TestJupyter(process, root, port, token);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (jupyter._log) jupyter._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (jupyter._log) jupyter._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"jupyter_server exited with {process.ExitCode} (is python3-jupyter-server installed?):\n{jupyter.Log}");
            try
            {
                if ((await http.GetAsync($"{jupyter.Url}api/status?token={token}")).IsSuccessStatusCode) return jupyter;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        await jupyter.DisposeAsync();
        throw new TimeoutException($"jupyter_server did not start:\n{jupyter.Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Its kernels are its children: take them down with it.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
