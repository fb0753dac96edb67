using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Collab.Copilot.ModelGen;

/// <summary>
/// Builds a <see cref="BpeVocabulary"/> from OpenAI's cl100k_base ranks as shipped in the
/// Microsoft.ML.Tokenizers.Data.Cl100kBase package, plus ChatML control tokens at the ids
/// cl100k's chat format uses, so the vocabulary is real and the chat template is ChatML.
/// </summary>
public static class Cl100kVocabulary
{
    /// <summary>ChatML, which llama.cpp's built-in template matcher recognises.</summary>
    public const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private const string ResourceName = "cl100k_base.tiktoken.deflate";

    private static readonly (int Id, string Text)[] Specials =
    [
        (100257, "<|endoftext|>"),
        (100258, "<|fim_prefix|>"),
        (100259, "<|fim_middle|>"),
        (100260, "<|fim_suffix|>"),
        (100264, "<|im_start|>"),
        (100265, "<|im_end|>"),
        (100276, "<|endofprompt|>"),
    ];

    /// <summary>Builds the vocabulary padded with reserved control tokens to <paramref name="size"/> entries.</summary>
    public static BpeVocabulary Build(int size)
    {
        var ranks = ReadRanks();
        var minimum = Specials.Max(s => s.Id) + 1;
        if (size < minimum) throw new ArgumentOutOfRangeException(nameof(size), $"cl100k_base needs at least {minimum} tokens.");

        var tokens = new string[size];
        var types = new int[size];
        foreach (var (bytes, rank) in ranks)
        {
            tokens[rank] = Gpt2ByteEncoding.Encode(bytes);
            types[rank] = BpeVocabulary.NormalType;
        }
        foreach (var (id, text) in Specials)
        {
            tokens[id] = text;
            types[id] = BpeVocabulary.ControlType;
        }
        for (var id = 0; id < size; id++)
        {
            if (tokens[id] is not null) continue;
            tokens[id] = $"<|reserved_special_token_{id}|>";
            types[id] = BpeVocabulary.ControlType;
        }
        return new BpeVocabulary(tokens, types, DeriveMerges(ranks), 100257, 100265, ChatMlTemplate);
    }

    private static List<(byte[] Bytes, int Rank)> ReadRanks()
    {
        var assembly = Assembly.Load("Microsoft.ML.Tokenizers.Data.Cl100kBase");
        using var compressed = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource {ResourceName}.");
        using var reader = new StreamReader(new DeflateStream(compressed, CompressionMode.Decompress), Encoding.ASCII);
        // The packaged file starts with a "Capacity: N" line, then holds one base64 token per
        // line in rank order; the tiktoken form "<base64> <rank>" is accepted too.
        var ranks = new List<(byte[], int)>(100_300);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith("Capacity:", StringComparison.Ordinal)) continue;
            var space = line.IndexOf(' ');
            ranks.Add(space < 0
                ? (Convert.FromBase64String(line), ranks.Count)
                : (Convert.FromBase64String(line[..space]), int.Parse(line.AsSpan(space + 1))));
        }
        return ranks;
    }

    /// <summary>
    /// tiktoken stores ranks, not merges. The merge that creates a token is found by running
    /// BPE on its bytes with only lower-ranked merges allowed: exactly two parts remain.
    /// </summary>
    private static List<string> DeriveMerges(List<(byte[] Bytes, int Rank)> ranks)
    {
        // Latin-1 keeps one char per byte, so byte sequences can be dictionary keys.
        var rankOf = new Dictionary<string, int>(ranks.Count, StringComparer.Ordinal);
        foreach (var (bytes, rank) in ranks) rankOf[Encoding.Latin1.GetString(bytes)] = rank;

        var merges = new List<(int Rank, string Merge)>(ranks.Count);
        var parts = new List<string>();
        foreach (var (bytes, rank) in ranks)
        {
            if (bytes.Length < 2) continue;
            parts.Clear();
            foreach (var b in bytes) parts.Add(((char)b).ToString());
            while (true)
            {
                int best = -1, bestRank = int.MaxValue;
                for (var i = 0; i < parts.Count - 1; i++)
                {
                    if (rankOf.TryGetValue(parts[i] + parts[i + 1], out var r) && r < rank && r < bestRank)
                    {
                        best = i;
                        bestRank = r;
                    }
                }
                if (best < 0) break;
                parts[best] += parts[best + 1];
                parts.RemoveAt(best + 1);
            }
            if (parts.Count != 2)
                throw new InvalidOperationException($"cl100k_base token {rank} is not the merge of two lower-ranked tokens.");
            merges.Add((rank, Gpt2ByteEncoding.Encode(Encoding.Latin1.GetBytes(parts[0])) + " " +
                              Gpt2ByteEncoding.Encode(Encoding.Latin1.GetBytes(parts[1]))));
        }
        merges.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        return merges.ConvertAll(m => m.Merge);
    }
}
