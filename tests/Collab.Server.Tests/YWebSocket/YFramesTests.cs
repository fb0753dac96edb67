using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;
using Collab.Server.YWebSocket;

namespace Collab.Server.Tests.YWebSocket;

/// <summary>Sync frames are written without a growable writer; they must read back as lib0 framing.</summary>
public sealed class YFramesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16_384)]
    [InlineData(3_000_000)]
    public void Sync_frames_carry_the_payload_behind_lib0_varuint_headers(int size)
    {
        var payload = new byte[size];
        new Random(size).NextBytes(payload);
        foreach (var (frame, type) in new[]
        {
            (YFrames.SyncStep1(payload), SyncProtocol.MessageYjsSyncStep1),
            (YFrames.SyncStep2(payload), SyncProtocol.MessageYjsSyncStep2),
            (YFrames.Update(payload), SyncProtocol.MessageYjsUpdate),
        })
        {
            var expected = new Lib0Writer();
            expected.WriteVarUint((ulong)YMessageType.Sync);
            expected.WriteVarUint((ulong)type);
            expected.WriteVarUint8Array(payload);
            Assert.Equal(expected.ToArray(), frame);
        }
    }
}
