using System.Text;

namespace Collab.Copilot.Runtime.Gguf;

/// <summary>
/// What the header of a GGUF file says: version, counts and the architecture. Reading it
/// walks the whole metadata section with bounds checks, so a truncated or foreign file is
/// reported here, naming the file, before llama.cpp ever opens it.
/// </summary>
public sealed record GgufFileInfo(string Path, uint Version, long TensorCount, long MetadataCount, string? Architecture)
{
    private const long MaxCount = 1L << 24;
    private const long MaxStringLength = 1L << 30;

    /// <summary>Reads and checks the header and metadata of the file at <paramref name="path"/>.</summary>
    /// <exception cref="GgufFormatException">The file is missing, unreadable, not GGUF, or damaged.</exception>
    public static GgufFileInfo Read(string path)
    {
        if (!File.Exists(path)) throw new GgufFormatException(path, "the file does not exist.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(path, stream);
        }
        catch (EndOfStreamException e)
        {
            throw new GgufFormatException(path, "the file ends inside its header (truncated or not GGUF).", e);
        }
        catch (IOException e)
        {
            throw new GgufFormatException(path, $"the file could not be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new GgufFormatException(path, $"the file could not be opened: {e.Message}", e);
        }
    }

    private static GgufFileInfo Read(string path, Stream stream)
    {
        var input = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (stream.Length < 24 || !input.ReadBytes(4).AsSpan().SequenceEqual("GGUF"u8))
            throw new GgufFormatException(path, "not a GGUF file (the first bytes are not 'GGUF').");
        var version = input.ReadUInt32();
        if (version is < 2 or > 3) throw new GgufFormatException(path, $"unsupported GGUF version {version} (2 or 3 expected).");
        var tensorCount = CheckedCount(path, input.ReadUInt64(), "tensor count");
        var metadataCount = CheckedCount(path, input.ReadUInt64(), "metadata count");

        string? architecture = null;
        for (long i = 0; i < metadataCount; i++)
        {
            var key = ReadString(path, input);
            var type = (GgufValueType)input.ReadUInt32();
            if (key == "general.architecture" && type == GgufValueType.String) architecture = ReadString(path, input);
            else SkipValue(path, input, type);
        }
        return new GgufFileInfo(path, version, tensorCount, metadataCount, architecture);
    }

    private static void SkipValue(string path, BinaryReader input, GgufValueType type)
    {
        if (type == GgufValueType.String)
        {
            Skip(path, input, CheckedLength(path, input.ReadUInt64()));
            return;
        }
        if (type == GgufValueType.Array)
        {
            var elementType = (GgufValueType)input.ReadUInt32();
            var count = CheckedCount(path, input.ReadUInt64(), "array length");
            if (elementType == GgufValueType.String)
                for (long i = 0; i < count; i++) Skip(path, input, CheckedLength(path, input.ReadUInt64()));
            else if (elementType == GgufValueType.Array)
                throw new GgufFormatException(path, "nested metadata arrays are not valid GGUF.");
            else Skip(path, input, count * ScalarSize(path, elementType));
            return;
        }
        Skip(path, input, ScalarSize(path, type));
    }

    private static int ScalarSize(string path, GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 => 8,
        _ => throw new GgufFormatException(path, $"unknown metadata value type {(uint)type}."),
    };

    private static string ReadString(string path, BinaryReader input)
    {
        var length = CheckedLength(path, input.ReadUInt64());
        if (input.BaseStream.Position + length > input.BaseStream.Length) throw new EndOfStreamException();
        return Encoding.UTF8.GetString(input.ReadBytes((int)length));
    }

    private static void Skip(string path, BinaryReader input, long bytes)
    {
        var stream = input.BaseStream;
        if (stream.Position + bytes > stream.Length) throw new EndOfStreamException();
        stream.Seek(bytes, SeekOrigin.Current);
    }

    private static long CheckedCount(string path, ulong value, string what) =>
        value <= MaxCount ? (long)value : throw new GgufFormatException(path, $"implausible {what} {value} (damaged header).");

    private static long CheckedLength(string path, ulong value) =>
        value <= MaxStringLength ? (long)value : throw new GgufFormatException(path, $"implausible string length {value} (damaged header).");
}
