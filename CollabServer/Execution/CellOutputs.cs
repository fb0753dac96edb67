using System.Text;
using System.Text.Json.Nodes;
using Collab.Crdt.Jupyter;
using Collab.Crdt.Types;

namespace Collab.Server.Execution;

/// <summary>
/// Turns one execution's iopub messages into changes of its cell, as JupyterLab's output area
/// does: streams coalesce, <c>clear_output(wait=True)</c> clears when the next output comes,
/// <c>update_display_data</c> rewrites every output shown with that display id (in any cell).
/// Output past <c>Jupyter:MaxOutputBytesPerCell</c> is dropped, with one note saying so.
/// </summary>
public sealed class CellOutputs(string cellId, NotebookWriter writer, DisplayRegistry displays, int maxBytes)
{
    private const string InputNotSupported =
        "input() is not supported in shared notebooks: everyone runs the same kernel and nobody in particular could answer. Put the value in the code instead.";

    private readonly Lock _chunkGate = new();
    private StreamChunk? _openChunk;
    private long _bytes;
    private bool _clearPending;
    private bool _truncated;

    public void Start() => writer.Enqueue(doc =>
    {
        if (NotebookModel.FindCell(doc, cellId) is not { } cell) return;
        NotebookModel.ClearOutputs(cell);
        NotebookModel.SetExecutionCount(cell, null);
        NotebookModel.SetExecutionState(cell, "running");
    });

    public void Finish(long? executionCount) => writer.Enqueue(doc =>
    {
        if (NotebookModel.FindCell(doc, cellId) is not { } cell) return;
        if (executionCount is not null) NotebookModel.SetExecutionCount(cell, executionCount);
        NotebookModel.SetExecutionState(cell, "idle");
    });

    /// <summary>Applies an iopub message that belongs to this execution.</summary>
    public void Handle(string type, JsonObject content)
    {
        switch (type)
        {
            case "stream":
                var name = (string?)content["name"] == "stderr" ? "stderr" : "stdout";
                var text = (string?)content["text"] ?? "";
                if (!Admit(text.Length)) return;
                AppendStream(name, text);
                break;
            case "display_data" or "execute_result":
                var output = new JsonObject { ["output_type"] = type };
                if (type == "execute_result") output["execution_count"] = content["execution_count"]?.DeepClone();
                output["data"] = content["data"]?.DeepClone() ?? new JsonObject();
                output["metadata"] = content["metadata"]?.DeepClone() ?? new JsonObject();
                if (!Admit(output.ToJsonString().Length)) return;
                var displayId = (string?)content["transient"]?["display_id"];
                Write(cell =>
                {
                    if (NotebookModel.AppendOutput(cell, output) is { } added && displayId is not null) displays.Add(displayId, added);
                });
                break;
            case "update_display_data":
                if ((string?)content["transient"]?["display_id"] is not { } id) return;
                var data = content["data"]?.DeepClone();
                var metadata = content["metadata"]?.DeepClone();
                writer.Enqueue(doc =>
                {
                    foreach (var shown in displays.Live(id, doc)) NotebookModel.ReplaceDisplayData(shown, data, metadata);
                });
                break;
            case "clear_output":
                if ((bool?)content["wait"] == true) _clearPending = true;
                else Clear();
                break;
            case "error":
                var error = new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = (string?)content["ename"] ?? "Error",
                    ["evalue"] = (string?)content["ename"] == "StdinNotImplementedError" ? InputNotSupported : (string?)content["evalue"] ?? "",
                    ["traceback"] = content["traceback"]?.DeepClone() ?? new JsonArray(),
                };
                if (!Admit(error.ToJsonString().Length)) return;
                Write(cell => NotebookModel.AppendOutput(cell, error));
                break;
        }
    }

    /// <summary>A note in the cell for a run that could not finish (kernel lost, restarted, unreachable).</summary>
    public void Fail(string ename, string message) => Write(cell => NotebookModel.AppendOutput(cell, new JsonObject
    {
        ["output_type"] = "error",
        ["ename"] = ename,
        ["evalue"] = message,
        ["traceback"] = new JsonArray(),
    }), admitted: true);

    private void Clear()
    {
        _clearPending = false;
        _bytes = 0;
        _truncated = false;
        lock (_chunkGate) _openChunk = null;
        writer.Enqueue(doc =>
        {
            if (NotebookModel.FindCell(doc, cellId) is { } cell) NotebookModel.ClearOutputs(cell);
        });
    }

    private bool Admit(long bytes)
    {
        if (_clearPending) Clear();
        if (_truncated) return false;
        if (_bytes + bytes <= maxBytes)
        {
            _bytes += bytes;
            return true;
        }
        _truncated = true;
        var note = $"\n[Output truncated: this run wrote more than {maxBytes} bytes (Jupyter:MaxOutputBytesPerCell); the rest was dropped. The code keeps running.]\n";
        Write(cell => NotebookModel.AppendStream(cell, "stderr", note), admitted: true);
        return false;
    }

    /// <summary>
    /// Stream text that arrives before its change was written joins that change, so a loop
    /// printing line by line costs one change per flush, not one per line.
    /// </summary>
    private void AppendStream(string name, string text)
    {
        lock (_chunkGate)
        {
            if (_openChunk is { Written: false } open && open.Name == name)
            {
                open.Text.Append(text);
                return;
            }
        }
        var chunk = new StreamChunk(name, new StringBuilder(text));
        Write(cell =>
        {
            string joined;
            lock (_chunkGate)
            {
                chunk.Written = true;
                joined = chunk.Text.ToString();
            }
            NotebookModel.AppendStream(cell, name, joined);
        });
        lock (_chunkGate) _openChunk = chunk;
    }

    private sealed class StreamChunk(string name, StringBuilder text)
    {
        public string Name { get; } = name;
        public StringBuilder Text { get; } = text;
        public bool Written { get; set; }
    }

    private void Write(Action<YMap> change, bool admitted = false)
    {
        if (!admitted && _clearPending) Clear();
        // Whatever is written next comes after the open stream text, which must not grow past it.
        lock (_chunkGate) _openChunk = null;
        writer.Enqueue(doc =>
        {
            if (NotebookModel.FindCell(doc, cellId) is { } cell) change(cell);
        });
    }
}
