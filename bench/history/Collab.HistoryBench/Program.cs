using System.Diagnostics;
using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Crdt.Types;
using Collab.Server.History;
using Collab.Server.Storage;
using Collab.Server.Storage.Sqlite;

// Notebook history figures on a fixed, seeded editing run (no server, no network):
//   1. version-store growth: a notebook gets 10,000 edits (typing into cells, new cells, deletions,
//      outputs); a full version is kept every 1,000 edits in a real SQLite version store, as the
//      server keeps them (whole Yjs state, Brotli). Prints each version's raw and stored bytes and
//      the store's bytes per 1,000 edits.
//   2. restore time: the notebook after 10,000 edits is restored to the version kept at 2,000
//      edits: building the restore steps off the room, then applying them to the live document.
var edits = args.Length > 0 ? int.Parse(args[0]) : 10_000;
const int every = 1_000;
var directory = Directory.CreateTempSubdirectory("collab-history-bench-").FullName;
try
{
    var db = new SqliteDatabase(Path.Combine(directory, "collab.db"));
    await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
    await new SqliteVersionSchema(db).EnsureSchemaAsync();
    var key = new DocumentKey("bench", "history.ipynb");
    await new SqliteNotebookStore(db).CreateAsync(key, [0, 0]);
    var store = new SqliteVersionStore(db);

    var doc = NotebookDoc();
    var random = new Random(18);
    long stored = 0, raw = 0;
    long? earlyVersion = null;
    Console.WriteLine($"{"edits",7} {"cells",6} {"state B",10} {"stored B",10} {"ratio",6}");
    for (var i = 1; i <= edits; i++)
    {
        Edit(doc, random, i);
        if (i % every != 0) continue;
        var state = doc.EncodeStateAsUpdate();
        var compressed = VersionState.Compress(state);
        var version = await store.AddAsync(key, new NewVersion(VersionKind.Auto, null, ["bench"], i, compressed, state.Length, DateTimeOffset.UtcNow), onlyIfNewer: true);
        if (i == 2 * every) earlyVersion = version!.Id;
        stored += compressed.Length;
        raw += state.Length;
        Console.WriteLine($"{i,7} {doc.GetArray("cells").Length,6} {state.Length,10} {compressed.Length,10} {(double)state.Length / compressed.Length,6:F1}");
    }
    var versions = edits / every;
    Console.WriteLine($"version_store_bytes_per_1000_edits={stored / Math.Max(1, versions)} (one full version per 1,000 edits; raw {raw / Math.Max(1, versions)})");
    Console.WriteLine($"sqlite_file_bytes={new FileInfo(Path.Combine(directory, "collab.db")).Length + WalBytes(directory)}");

    // Restore the latest state to the version kept at 2,000 edits.
    var target = await store.GetAsync(key, earlyVersion ?? throw new InvalidOperationException("Run at least 2,000 edits."));
    var versionDoc = NotebookDoc();
    versionDoc.ApplyUpdate(VersionState.Decompress(target!.CompressedState));
    var targetJson = NotebookModel.ToNbformat(versionDoc);
    var current = doc.EncodeStateAsUpdate();
    var build = Stopwatch.StartNew();
    var steps = RestoreSteps.Whole(current, targetJson, 4 * 1024 * 1024);
    build.Stop();
    var apply = Stopwatch.StartNew();
    doc.Transact(_ => { foreach (var step in steps) doc.ApplyUpdate(step); });
    apply.Stop();
    var equal = JsonNode.DeepEquals(NotebookModel.ToNbformat(doc)["cells"], targetJson["cells"]);
    Console.WriteLine($"restore_build_ms={build.Elapsed.TotalMilliseconds:F1} restore_apply_ms={apply.Elapsed.TotalMilliseconds:F1} " +
        $"steps={steps.Count} step_bytes={steps.Sum(s => (long)s.Length)} restored_equals_version={equal}");
    return equal ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

static long WalBytes(string directory) =>
    Directory.GetFiles(directory, "*-wal").Sum(f => new FileInfo(f).Length);

static Doc NotebookDoc()
{
    var doc = new Doc();
    doc.GetMap("meta");
    doc.GetArray("cells");
    doc.GetMap("state");
    return doc;
}

// One edit, as people make them: mostly typing a few characters into a cell, sometimes a new cell,
// a deleted stretch of text, a deleted cell or a new output.
static void Edit(Doc doc, Random random, int i) => doc.Transact(_ =>
{
    var cells = doc.GetArray("cells");
    var pick = random.NextDouble();
    if (cells.Length == 0 || pick < 0.03)
    {
        var cell = new YMap();
        cell.Set("id", $"cell-{i}");
        cell.Set("cell_type", "code");
        cell.Set("source", new YText($"# cell {i}\n"));
        cell.Set("metadata", new YMap());
        cell.Set("outputs", new YArray());
        cell.Set("execution_count", null);
        cells.Insert(random.Next(cells.Length + 1), cell);
        return;
    }
    var target = (YMap)cells.Get(random.Next(cells.Length))!;
    var source = (YText)target.Get("source")!;
    if (pick < 0.85) source.Insert(random.Next(source.Length + 1), Words[random.Next(Words.Length)]);
    else if (pick < 0.93 && source.Length > 10) source.Delete(random.Next(source.Length - 5), 5);
    else if (pick < 0.97 && target.Get("outputs") is YArray outputs)
    {
        if (outputs.Length > 0) outputs.Delete(0, outputs.Length);
        var output = new YMap();
        output.Set("output_type", "stream");
        output.Set("name", "stdout");
        output.Set("text", new YText($"result {i}: {random.Next()}\n"));
        outputs.Push(output);
    }
    else if (cells.Length > 5) cells.Delete(random.Next(cells.Length));
});

partial class Program
{
    private static readonly string[] Words = ["x", " = ", "np.", "mean(", ")", "\n", "for i in range(10):\n    ", "df", "[\"col\"]", "print(", "# note ", "import torch\n"];
}
