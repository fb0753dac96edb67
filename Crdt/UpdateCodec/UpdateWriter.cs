using System.Runtime.CompilerServices;
using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;

namespace Collab.Crdt.UpdateCodec;

/// <summary>Writes structs and state vectors in the v1 format (clients in descending id order, as yjs).</summary>
internal static class UpdateWriter
{
    public static void WriteClientsStructs(UpdateEncoderV1 encoder, StructStore store, Dictionary<ulong, int> targetSv)
    {
        var sm = new List<(ulong Client, int Clock)>();
        foreach (var (client, clock) in targetSv)
            if (store.GetState(client) > clock) sm.Add((client, clock));
        foreach (var client in store.Clients.Keys)
            if (!targetSv.ContainsKey(client)) sm.Add((client, 0));
        sm.Sort((a, b) => b.Client.CompareTo(a.Client));
        encoder.RestEncoder.WriteVarUint((ulong)sm.Count);
        foreach (var (client, clock) in sm) WriteStructs(encoder, store.Clients[client], client, clock);
    }

    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteStructs(UpdateEncoderV1 encoder, List<AbstractStruct> structs, ulong client, int clock)
    {
        clock = Math.Max(clock, structs[0].Id.Clock);
        int start = StructStore.FindIndex(structs, clock);
        encoder.RestEncoder.WriteVarUint((ulong)(structs.Count - start));
        encoder.WriteClient(client);
        encoder.RestEncoder.WriteVarUint(clock);
        var first = structs[start];
        first.Write(encoder, clock - first.Id.Clock);
        for (int i = start + 1; i < structs.Count; i++) structs[i].Write(encoder, 0);
    }

    public static byte[] EncodeStateVector(Dictionary<ulong, int> sv)
    {
        var w = new Lib0Writer();
        w.WriteVarUint((ulong)sv.Count);
        foreach (var (client, clock) in sv.OrderByDescending(kv => kv.Key))
        {
            w.WriteVarUint(client);
            w.WriteVarUint(clock);
        }
        return w.ToArray();
    }

    public static Dictionary<ulong, int> DecodeStateVector(byte[] encoded)
    {
        var r = new Lib0Reader(encoded);
        int n = r.ReadCount("state vector size", 2);
        var sv = new Dictionary<ulong, int>(n);
        for (int i = 0; i < n; i++)
        {
            ulong client = r.ReadVarUint();
            sv[client] = r.ReadVarUintAsInt("clock");
        }
        return sv;
    }
}
