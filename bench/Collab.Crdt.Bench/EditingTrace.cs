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
        // Read with Utf8JsonReader, not JsonDocument: JsonDocument rents its buffers from the
        // shared ArrayPool, which keeps them, so the process would hold the whole JSON twice over
        // for the rest of the run and its heap and RSS would not show the document.
        byte[] bytes;
        using (var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var buffer = new MemoryStream())
        {
            gz.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        var reader = new Utf8JsonReader(bytes);
        var patches = new List<Patch>();
        string? endContent = null;
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("endContent"u8))
            {
                Expect(ref reader, JsonTokenType.String);
                endContent = reader.GetString();
            }
            else if (reader.ValueTextEquals("txns"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject) ReadTxn(ref reader, patches);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
        return new EditingTrace(endContent ?? throw new InvalidDataException($"{path} has no endContent."), patches);
    }

    private static void ReadTxn(ref Utf8JsonReader reader, List<Patch> patches)
    {
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("patches"u8))
            {
                Next(ref reader);
                reader.Skip();
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray);
            while (Next(ref reader) == JsonTokenType.StartArray)
            {
                Expect(ref reader, JsonTokenType.Number);
                int pos = reader.GetInt32();
                Expect(ref reader, JsonTokenType.Number);
                int del = reader.GetInt32();
                Expect(ref reader, JsonTokenType.String);
                patches.Add(new Patch(pos, del, reader.GetString()!));
                Expect(ref reader, JsonTokenType.EndArray);
            }
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("The trace ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type) throw new InvalidDataException($"Expected {type} in the trace, found {reader.TokenType}.");
    }

    /// <summary>
    /// Several traces (each starting from an empty text) replayed one after the other into one
    /// document: each trace's positions are shifted past the text the earlier ones left, so it
    /// edits its own region at the end, and the result is their end contents concatenated. The
    /// same rule as bench/crdt/yjs-trace.mjs.
    /// </summary>
    public static EditingTrace Concatenate(IReadOnlyList<string> paths)
    {
        if (paths.Count == 1) return Load(paths[0]);
        var patches = new List<Patch>();
        var end = new System.Text.StringBuilder();
        foreach (var path in paths)
        {
            var trace = Load(path);
            int offset = end.Length;
            foreach (var p in trace.Patches) patches.Add(p with { Pos = p.Pos + offset });
            end.Append(trace.EndContent);
        }
        return new EditingTrace(end.ToString(), patches);
    }
}
