using Collab.Crdt.Encoding;

namespace Collab.Crdt.Tests.Encoding;

/// <summary>A writer that went past one buffer into pooled chunks writes the same bytes, and gives the chunks back only when released.</summary>
public class Lib0WriterPoolingTests
{
    [Fact]
    public void A_large_write_reads_back_the_same_after_growing_through_the_pool()
    {
        var writer = new Lib0Writer();
        for (ulong i = 0; i < 100_000; i++) writer.WriteVarUint(i * 977);
        writer.WriteVarString(new string('é', 50_000));

        var copy = writer.ToArray();
        var released = writer.ToArrayAndRelease();

        Assert.Equal(copy, released);
        Assert.Equal(0, writer.Length);
        var reader = new Lib0Reader(released);
        for (ulong i = 0; i < 100_000; i++) Assert.Equal(i * 977, reader.ReadVarUint());
        Assert.Equal(new string('é', 50_000), reader.ReadVarString());
        Assert.False(reader.HasContent);
    }

    [Fact]
    public void A_released_writer_starts_again_empty()
    {
        var writer = new Lib0Writer();
        writer.WriteBytes(new byte[100_000]);
        writer.ToArrayAndRelease();

        writer.WriteUint8(7);
        writer.WriteVarUint(300UL);

        Assert.Equal([7, 0xAC, 0x02], writer.ToArray());
    }

    [Fact]
    public void A_document_encodes_the_same_bytes_twice_in_a_row()
    {
        // The second encoding reuses the pooled buffer the first gave back.
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var text = doc.GetText("t");
        for (int i = 0; i < 5_000; i++) text.Insert(i * 13 % (text.Length + 1), "word ");

        var first = doc.EncodeStateAsUpdate();
        var second = doc.EncodeStateAsUpdate();

        Assert.True(first.Length > 32 * 1024);
        Assert.Equal(first, second);
        var loaded = new Doc(new DocOptions { ClientId = 2 });
        loaded.ApplyUpdate(second);
        Assert.Equal(text.ToString(), loaded.GetText("t").ToString());
    }

    [Fact]
    public void Bytes_written_across_chunks_read_back_in_order_however_they_are_taken()
    {
        var payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31)).ToArray();
        var writer = new Lib0Writer();
        writer.WriteVarString("head");
        writer.WriteBytes(payload);            // longer than a chunk: spread over several
        writer.WriteVarUint8Array(payload.AsSpan(0, 70_000));
        writer.WriteUint8(9);

        var expected = new Lib0Writer(400_000); // one buffer large enough: no chunks
        expected.WriteVarString("head");
        expected.WriteBytes(payload);
        expected.WriteVarUint8Array(payload.AsSpan(0, 70_000));
        expected.WriteUint8(9);

        Assert.Equal(expected.Length, writer.Length);
        Assert.True(writer.WrittenEquals(expected.WrittenSpan));
        Assert.False(writer.WrittenEquals(expected.WrittenSpan[..^1]));
        Assert.Equal(expected.ToArray(), writer.ToArray());
        Assert.Equal(expected.WrittenSpan.ToArray(), writer.WrittenSpan.ToArray()); // gathers the chunks into one buffer
        writer.WriteUint8(10); // and goes on writing after them
        Assert.Equal([.. expected.ToArray(), 10], writer.ToArrayAndRelease());
    }
}
