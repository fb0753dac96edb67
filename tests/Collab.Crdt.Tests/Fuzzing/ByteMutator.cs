namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>Byte-level mutations of real inputs, from bit flips to splices of two inputs.</summary>
internal static class ByteMutator
{
    /// <summary>Applies one to three random mutations; <paramref name="donor"/> feeds splices.</summary>
    public static byte[] Mutate(Random rng, byte[] input, byte[] donor)
    {
        var bytes = new List<byte>(input);
        // Half the cases get one small tweak: such inputs often stay well-formed, which is
        // what reaches integration with hostile clocks, clients, lengths and content refs.
        if (rng.Next(2) == 0 && bytes.Count > 0)
        {
            int p = rng.Next(bytes.Count);
            bytes[p] = rng.Next(2) == 0 ? (byte)(bytes[p] ^ (1 << rng.Next(8))) : (byte)(bytes[p] + rng.Next(-3, 4));
            return bytes.ToArray();
        }
        int rounds = rng.Next(1, 4);
        for (int i = 0; i < rounds; i++) MutateOnce(rng, bytes, donor);
        return bytes.ToArray();
    }

    private static void MutateOnce(Random rng, List<byte> b, byte[] donor)
    {
        int Pos() => b.Count == 0 ? 0 : rng.Next(b.Count);
        switch (rng.Next(11))
        {
            case 0 when b.Count > 0: // bit flip
            {
                int p = Pos();
                b[p] ^= (byte)(1 << rng.Next(8));
                break;
            }
            case 1 when b.Count > 0: // small arithmetic: moves clocks, clients, lengths and refs by a little
            {
                int p = Pos();
                b[p] = (byte)(b[p] + rng.Next(-3, 4));
                break;
            }
            case 2 when b.Count > 0:
                b[Pos()] = (byte)rng.Next(256);
                break;
            case 3: // insert random bytes
            {
                var extra = new byte[rng.Next(1, 9)];
                rng.NextBytes(extra);
                b.InsertRange(rng.Next(b.Count + 1), extra);
                break;
            }
            case 4 when b.Count > 0: // delete a range
            {
                int p = Pos();
                b.RemoveRange(p, Math.Min(b.Count - p, rng.Next(1, 9)));
                break;
            }
            case 5: // truncate
            {
                int keep = rng.Next(b.Count + 1);
                b.RemoveRange(keep, b.Count - keep);
                break;
            }
            case 6 when b.Count > 0: // length-field inflation: a byte becomes a large varUint
            {
                int p = Pos();
                b.RemoveAt(p);
                b.InsertRange(p, VarUint(rng.Next(3) switch
                {
                    0 => (ulong)rng.Next(128, 1 << 16),
                    1 => (ulong)int.MaxValue + (ulong)rng.Next(-2, 3),
                    _ => (1UL << 53) - 1,
                }));
                break;
            }
            case 7: // splice: our prefix, the donor's suffix
            {
                int keep = rng.Next(b.Count + 1);
                b.RemoveRange(keep, b.Count - keep);
                b.AddRange(donor.AsSpan(rng.Next(donor.Length + 1)).ToArray());
                break;
            }
            case 8 when b.Count > 1: // duplicate a chunk elsewhere
            {
                int p = Pos();
                var chunk = b.GetRange(p, Math.Min(b.Count - p, rng.Next(1, 17)));
                b.InsertRange(rng.Next(b.Count + 1), chunk);
                break;
            }
            case 9: // random bytes
            {
                var random = new byte[rng.Next(0, 65)];
                rng.NextBytes(random);
                b.Clear();
                b.AddRange(random);
                break;
            }
            default: // overwrite a run with 0x00 or 0xFF
            {
                int p = Pos();
                byte fill = rng.Next(2) == 0 ? (byte)0 : (byte)0xFF;
                for (int i = p; i < Math.Min(b.Count, p + rng.Next(1, 5)); i++) b[i] = fill;
                break;
            }
        }
    }

    private static byte[] VarUint(ulong v)
    {
        var result = new List<byte>();
        while (v > 0x7F) { result.Add((byte)(0x80 | (v & 0x7F))); v >>= 7; }
        result.Add((byte)v);
        return result.ToArray();
    }
}
