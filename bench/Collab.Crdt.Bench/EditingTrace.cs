using System.IO.Compression;
using System.Text.Json;

namespace Collab.Crdt.Bench;

/// <summary>One patch of an editing trace: at <see cref="Pos"/>, delete <see cref="Delete"/> characters, then insert <see cref="Insert"/>.</summary>
internal readonly record struct Patch(int Pos, int Delete, string Insert);

/// <summary>A josephg/editing-traces file: <c>{startContent, endContent, txns:[{patches:[[pos, del, ins]]}]}</c>, gzipped.</summary>
internal sealed record EditingTrace(string EndContent, List<Patch> Patches)
{
    public static EditingTrace Load(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gz);
        var root = json.RootElement;
        var patches = new List<Patch>();
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
            foreach (var p in txn.GetProperty("patches").EnumerateArray())
                patches.Add(new Patch(p[0].GetInt32(), p[1].GetInt32(), p[2].GetString()!));
        return new EditingTrace(root.GetProperty("endContent").GetString()!, patches);
    }
}
