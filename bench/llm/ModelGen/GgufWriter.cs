using System.Text;
using Collab.Copilot.Runtime.Gguf;

namespace Collab.Copilot.ModelGen;

/// <summary>
/// Writes GGUF version 3 files: a header, typed metadata, tensor descriptors, then the tensor
/// data aligned to <see cref="Alignment"/>. Only unquantized tensors (F32, F16) are written;
/// quantized files are made from them with <see cref="GgufQuantizer"/>. It lives with the model
/// generator: only tests and benchmarks write GGUF files; the runtime only reads them.
/// </summary>
public sealed class GgufWriter
{
    /// <summary>The data alignment the format uses when <c>general.alignment</c> is absent.</summary>
    public const int Alignment = 32;

    private readonly List<(string Key, GgufValueType Type, object Value)> metadata = [];
    private readonly List<(string Name, GgmlType Type, long[] Shape, GgufTensorData Data)> tensors = [];

    /// <summary>Adds a string value.</summary>
    public GgufWriter Add(string key, string value) => AddValue(key, GgufValueType.String, value);

    /// <summary>Adds an unsigned 32-bit value.</summary>
    public GgufWriter Add(string key, uint value) => AddValue(key, GgufValueType.UInt32, value);

    /// <summary>Adds a 32-bit float value.</summary>
    public GgufWriter Add(string key, float value) => AddValue(key, GgufValueType.Float32, value);

    /// <summary>Adds a boolean value.</summary>
    public GgufWriter Add(string key, bool value) => AddValue(key, GgufValueType.Bool, value);

    /// <summary>Adds an array of strings.</summary>
    public GgufWriter Add(string key, IReadOnlyList<string> values) => AddValue(key, GgufValueType.Array, values);

    /// <summary>Adds an array of signed 32-bit integers.</summary>
    public GgufWriter Add(string key, IReadOnlyList<int> values) => AddValue(key, GgufValueType.Array, values);

    /// <summary>Adds an array of 32-bit floats.</summary>
    public GgufWriter Add(string key, IReadOnlyList<float> values) => AddValue(key, GgufValueType.Array, values);

    /// <summary>
    /// Adds a tensor. <paramref name="shape"/> lists dimensions innermost first (ggml's ne[0] is
    /// the row length); <paramref name="data"/> must write exactly the tensor's byte size.
    /// </summary>
    public GgufWriter AddTensor(string name, GgmlType type, long[] shape, GgufTensorData data)
    {
        if (type is not (GgmlType.F32 or GgmlType.F16))
            throw new ArgumentException($"Only F32 and F16 tensors can be written directly, not {type}.", nameof(type));
        if (shape.Length is < 1 or > 4 || shape.Any(d => d <= 0))
            throw new ArgumentException($"Tensor '{name}' needs 1 to 4 positive dimensions.", nameof(shape));
        if (tensors.Any(t => t.Name == name)) throw new ArgumentException($"Tensor '{name}' was already added.", nameof(name));
        tensors.Add((name, type, shape, data));
        return this;
    }

    /// <summary>The byte size of a tensor of <paramref name="type"/> and <paramref name="shape"/>.</summary>
    public static long TensorByteSize(GgmlType type, long[] shape) =>
        shape.Aggregate(1L, (n, d) => n * d) * (type == GgmlType.F16 ? 2 : 4);

    /// <summary>Writes the file to <paramref name="path"/> (replacing it).</summary>
    public void WriteTo(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        WriteTo(file);
    }

    /// <summary>Writes the file to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        var output = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        output.Write("GGUF"u8);
        output.Write(3u);
        output.Write((ulong)tensors.Count);
        output.Write((ulong)metadata.Count);
        foreach (var (key, type, value) in metadata)
        {
            WriteString(output, key);
            output.Write((uint)type);
            WriteValue(output, type, value);
        }

        long offset = 0;
        foreach (var (name, type, shape, _) in tensors)
        {
            WriteString(output, name);
            output.Write((uint)shape.Length);
            foreach (var d in shape) output.Write((ulong)d);
            output.Write((uint)type);
            output.Write((ulong)offset);
            offset = Align(offset + TensorByteSize(type, shape));
        }
        output.Flush();
        Pad(stream);

        foreach (var (name, type, shape, data) in tensors)
        {
            var start = stream.Position;
            data(stream);
            var written = stream.Position - start;
            var expected = TensorByteSize(type, shape);
            if (written != expected)
                throw new InvalidOperationException($"Tensor '{name}' wrote {written} bytes, expected {expected}.");
            Pad(stream);
        }
        stream.Flush();
    }

    private GgufWriter AddValue(string key, GgufValueType type, object value)
    {
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("Metadata keys must not be empty.", nameof(key));
        if (metadata.Any(m => m.Key == key)) throw new ArgumentException($"Metadata key '{key}' was already added.", nameof(key));
        metadata.Add((key, type, value));
        return this;
    }

    private static void WriteValue(BinaryWriter output, GgufValueType type, object value)
    {
        switch (value)
        {
            case string s: WriteString(output, s); break;
            case uint u: output.Write(u); break;
            case float f: output.Write(f); break;
            case bool b: output.Write(b ? (byte)1 : (byte)0); break;
            case IReadOnlyList<string> strings:
                output.Write((uint)GgufValueType.String);
                output.Write((ulong)strings.Count);
                foreach (var s in strings) WriteString(output, s);
                break;
            case IReadOnlyList<int> ints:
                output.Write((uint)GgufValueType.Int32);
                output.Write((ulong)ints.Count);
                foreach (var i in ints) output.Write(i);
                break;
            case IReadOnlyList<float> floats:
                output.Write((uint)GgufValueType.Float32);
                output.Write((ulong)floats.Count);
                foreach (var f in floats) output.Write(f);
                break;
            default: throw new InvalidOperationException($"Unsupported GGUF value {type}.");
        }
    }

    private static void WriteString(BinaryWriter output, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        output.Write((ulong)bytes.Length);
        output.Write(bytes);
    }

    private static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    private static void Pad(Stream stream)
    {
        var padding = (int)(Align(stream.Position) - stream.Position);
        if (padding > 0) stream.Write(new byte[padding]);
    }
}
