using System.Collections;
using System.Numerics;

namespace Collab.Crdt.Encoding;

/// <summary>
/// lib0's <c>writeAny</c>/<c>readAny</c>. Values map to .NET as: null, <see cref="Undefined"/>,
/// bool, double or long (numbers), <see cref="BigInteger"/>, string, byte[],
/// <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>.
/// </summary>
internal static class AnyCodec
{
    private const int MaxDepth = 256;
    private const double Bits31 = 0x7FFFFFFF;

    public static object? Read(Lib0Reader reader, int depth)
    {
        if (depth > MaxDepth) throw new CrdtFormatException("Value nested too deeply.");
        byte tag = reader.ReadUint8();
        switch (tag)
        {
            case 127: return Undefined.Value;
            case 126: return null;
            case 125:
                long v = reader.ReadVarInt(out bool negZero);
                return negZero ? (object)(-0.0) : v;
            case 124: return (double)reader.ReadFloat32();
            case 123: return reader.ReadFloat64();
            case 122: return new BigInteger(reader.ReadBigInt64());
            case 121: return false;
            case 120: return true;
            case 119: return reader.ReadVarString();
            case 118:
            {
                int n = reader.ReadCount("object size", 2);
                var obj = new Dictionary<string, object?>(Math.Min(n, 64));
                for (int i = 0; i < n; i++)
                {
                    string key = reader.ReadVarString();
                    obj[key] = Read(reader, depth + 1);
                }
                return obj;
            }
            case 117:
            {
                int n = reader.ReadCount("array size");
                var list = new List<object?>(Math.Min(n, 64));
                for (int i = 0; i < n; i++) list.Add(Read(reader, depth + 1));
                return list;
            }
            case 116: return reader.ReadVarUint8Array();
            default: throw new CrdtFormatException($"Unknown value tag {tag}.");
        }
    }

    public static void Write(Lib0Writer w, object? value)
    {
        switch (value)
        {
            case null: w.WriteUint8(126); break;
            case Undefined: w.WriteUint8(127); break;
            case string s: w.WriteUint8(119); w.WriteVarString(s); break;
            case bool b: w.WriteUint8(b ? (byte)120 : (byte)121); break;
            case BigInteger big: w.WriteUint8(122); w.WriteBigInt64((long)big); break;
            case byte[] bytes: w.WriteUint8(116); w.WriteVarUint8Array(bytes); break;
            case IDictionary<string, object?> dict:
                w.WriteUint8(118);
                w.WriteVarUint((ulong)dict.Count);
                foreach (var key in JsObjectKeys.Order(dict.Keys))
                {
                    w.WriteVarString(key);
                    Write(w, dict[key]);
                }
                break;
            case IList list:
                w.WriteUint8(117);
                w.WriteVarUint((ulong)list.Count);
                foreach (var item in list) Write(w, item);
                break;
            default:
                if (JsNumber.TryGet(value, out double d)) WriteNumber(w, d);
                else throw new ArgumentException($"A value of type {value.GetType().Name} can't be stored in a shared document.");
                break;
        }
    }

    private static void WriteNumber(Lib0Writer w, double d)
    {
        if (Math.Floor(d) == d && Math.Abs(d) <= Bits31)
        {
            w.WriteUint8(125);
            w.WriteVarInt((long)d, negativeZero: d == 0 && double.IsNegative(d));
        }
        else if (!double.IsNaN(d) && (double)(float)d == d)
        {
            w.WriteUint8(124);
            w.WriteFloat32((float)d);
        }
        else
        {
            w.WriteUint8(123);
            w.WriteFloat64(d);
        }
    }
}
