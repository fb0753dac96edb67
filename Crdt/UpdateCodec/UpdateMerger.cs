using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;

namespace Collab.Crdt.UpdateCodec;

/// <summary>
/// Merging and diffing of v1 updates without a document (yjs <c>updates.js</c>): structs are
/// combined per client, gaps become Skip structs, delete sets are unioned.
/// </summary>
internal static class UpdateMerger
{
    private sealed class StructCursor
    {
        private readonly List<AbstractStruct> _structs;
        private int _index;
        private readonly bool _filterSkips;

        public StructCursor(UpdateDecoderV1 decoder, bool filterSkips)
        {
            _structs = StructReader.ReadStructsInOrder(decoder).SelectMany(c => c.Refs).ToList();
            _filterSkips = filterSkips;
            _index = -1;
            Next();
        }

        public AbstractStruct? Curr { get; private set; }

        public AbstractStruct? Next()
        {
            do
            {
                _index++;
                Curr = _index < _structs.Count ? _structs[_index] : null;
            } while (_filterSkips && Curr is SkipStruct);
            return Curr;
        }
    }

    /// <summary>Writes structs grouped in runs per client, then the run headers (yjs LazyStructWriter).</summary>
    private sealed class StructRunWriter
    {
        private readonly List<(int Written, byte[] Bytes)> _clientStructs = new();
        private UpdateEncoderV1 _current = new();
        private ulong _currClient;
        private int _written;

        public void Write(AbstractStruct s, int offset)
        {
            if (_written > 0 && _currClient != s.Id.Client) Flush();
            if (_written == 0)
            {
                _currClient = s.Id.Client;
                _current.WriteClient(s.Id.Client);
                _current.RestEncoder.WriteVarUint(s.Id.Clock + offset);
            }
            s.Write(_current, offset);
            _written++;
        }

        private void Flush()
        {
            if (_written == 0) return;
            _clientStructs.Add((_written, _current.ToArray()));
            _current = new UpdateEncoderV1();
            _written = 0;
        }

        public void Finish(UpdateEncoderV1 target)
        {
            Flush();
            target.RestEncoder.WriteVarUint((ulong)_clientStructs.Count);
            foreach (var (written, bytes) in _clientStructs)
            {
                target.RestEncoder.WriteVarUint((ulong)written);
                target.RestEncoder.WriteBytes(bytes);
            }
        }
    }

    public static byte[] Merge(IReadOnlyList<byte[]> updates)
    {
        if (updates.Count == 1) return updates[0];
        var decoders = updates.Select(u => new UpdateDecoderV1(u)).ToList();
        var cursors = decoders.Select(d => new StructCursor(d, filterSkips: true)).ToList();
        var writer = new StructRunWriter();
        AbstractStruct? currWrite = null;
        int currOffset = 0;

        while (true)
        {
            cursors.RemoveAll(c => c.Curr is null);
            cursors.Sort((a, b) =>
            {
                var (x, y) = (a.Curr!, b.Curr!);
                if (x.Id.Client == y.Id.Client)
                {
                    int clockDiff = x.Id.Clock.CompareTo(y.Id.Clock);
                    if (clockDiff != 0) return clockDiff;
                    return x.GetType() == y.GetType() ? 0 : x is SkipStruct ? 1 : -1;
                }
                return y.Id.Client.CompareTo(x.Id.Client);
            });
            if (cursors.Count == 0) break;
            var currDecoder = cursors[0];
            ulong firstClient = currDecoder.Curr!.Id.Client;

            if (currWrite is not null)
            {
                var curr = currDecoder.Curr;
                bool iterated = false;
                while (curr is not null && curr.Id.Clock + curr.Length <= currWrite.Id.Clock + currWrite.Length && curr.Id.Client >= currWrite.Id.Client)
                {
                    curr = currDecoder.Next();
                    iterated = true;
                }
                if (curr is null || curr.Id.Client != firstClient || (iterated && curr.Id.Clock > currWrite.Id.Clock + currWrite.Length))
                    continue;

                if (firstClient != currWrite.Id.Client)
                {
                    writer.Write(currWrite, currOffset);
                    currWrite = curr;
                    currOffset = 0;
                    currDecoder.Next();
                }
                else if (currWrite.Id.Clock + currWrite.Length < curr.Id.Clock)
                {
                    if (currWrite is SkipStruct) currWrite.Length = curr.Id.Clock + curr.Length - currWrite.Id.Clock;
                    else
                    {
                        writer.Write(currWrite, currOffset);
                        int diff = curr.Id.Clock - currWrite.Id.Clock - currWrite.Length;
                        currWrite = new SkipStruct(new ID(firstClient, currWrite.Id.Clock + currWrite.Length), diff);
                        currOffset = 0;
                    }
                }
                else
                {
                    int diff = currWrite.Id.Clock + currWrite.Length - curr.Id.Clock;
                    if (diff > 0)
                    {
                        if (currWrite is SkipStruct) currWrite.Length -= diff;
                        else curr = Slice(curr, diff);
                    }
                    if (!currWrite.MergeWith(curr))
                    {
                        writer.Write(currWrite, currOffset);
                        currWrite = curr;
                        currOffset = 0;
                        currDecoder.Next();
                    }
                }
            }
            else
            {
                currWrite = currDecoder.Curr;
                currOffset = 0;
                currDecoder.Next();
            }
            for (var next = currDecoder.Curr;
                 next is not null && next.Id.Client == firstClient && next.Id.Clock == currWrite!.Id.Clock + currWrite.Length && next is not SkipStruct;
                 next = currDecoder.Next())
            {
                writer.Write(currWrite, currOffset);
                currWrite = next;
                currOffset = 0;
            }
        }
        if (currWrite is not null) writer.Write(currWrite, currOffset);
        var encoder = new UpdateEncoderV1();
        writer.Finish(encoder);
        var ds = DeleteSet.Merge(decoders.Select(DeleteSet.Read).ToList());
        ds.Write(encoder);
        return encoder.ToArray();
    }

    public static byte[] Diff(byte[] update, byte[] stateVector)
    {
        var state = UpdateWriter.DecodeStateVector(stateVector);
        var writer = new StructRunWriter();
        var decoder = new UpdateDecoderV1(update);
        var reader = new StructCursor(decoder, filterSkips: false);
        while (reader.Curr is { } curr)
        {
            ulong currClient = curr.Id.Client;
            int svClock = state.GetValueOrDefault(currClient);
            if (curr is SkipStruct) { reader.Next(); continue; }
            if (curr.Id.Clock + curr.Length > svClock)
            {
                writer.Write(curr, Math.Max(svClock - curr.Id.Clock, 0));
                reader.Next();
                while (reader.Curr is { } more && more.Id.Client == currClient)
                {
                    writer.Write(more, 0);
                    reader.Next();
                }
            }
            else
            {
                while (reader.Curr is { } more && more.Id.Client == currClient && more.Id.Clock + more.Length <= svClock) reader.Next();
            }
        }
        var encoder = new UpdateEncoderV1();
        writer.Finish(encoder);
        DeleteSet.Read(decoder).Write(encoder);
        return encoder.ToArray();
    }

    public static byte[] EncodeStateVectorFromUpdate(byte[] update)
    {
        var reader = new StructCursor(new UpdateDecoderV1(update), filterSkips: false);
        var entries = new Lib0Writer();
        int size = 0;
        var curr = reader.Curr;
        if (curr is not null)
        {
            ulong currClient = curr.Id.Client;
            bool stopCounting = curr.Id.Clock != 0;
            int currClock = stopCounting ? 0 : curr.Id.Clock + curr.Length;
            for (; curr is not null; curr = reader.Next())
            {
                if (currClient != curr.Id.Client)
                {
                    if (currClock != 0)
                    {
                        size++;
                        entries.WriteVarUint(currClient);
                        entries.WriteVarUint(currClock);
                    }
                    currClient = curr.Id.Client;
                    currClock = 0;
                    stopCounting = curr.Id.Clock != 0;
                }
                if (curr is SkipStruct) stopCounting = true;
                if (!stopCounting) currClock = curr.Id.Clock + curr.Length;
            }
            if (currClock != 0)
            {
                size++;
                entries.WriteVarUint(currClient);
                entries.WriteVarUint(currClock);
            }
        }
        var result = new Lib0Writer();
        result.WriteVarUint((ulong)size);
        result.WriteBytes(entries.WrittenSpan);
        return result.ToArray();
    }

    private static AbstractStruct Slice(AbstractStruct left, int diff)
    {
        var (client, clock) = (left.Id.Client, left.Id.Clock);
        return left switch
        {
            GcStruct => new GcStruct(new ID(client, clock + diff), left.Length - diff),
            SkipStruct => new SkipStruct(new ID(client, clock + diff), left.Length - diff),
            Item item => new Item(new ID(client, clock + diff), null, new ID(client, clock + diff - 1), null,
                item.RightOrigin, item.Parent, item.ParentSub, Item.SpliceContent(ref item.Content, diff)),
            _ => throw new InvalidOperationException(),
        };
    }
}
