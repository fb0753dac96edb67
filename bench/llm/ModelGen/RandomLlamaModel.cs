using System.Runtime.InteropServices;
using Collab.Copilot.Runtime.Gguf;

namespace Collab.Copilot.ModelGen;

/// <summary>
/// Writes a llama-architecture GGUF with seeded random weights and a real vocabulary. Its
/// output is noise, but every code path (tokenizer, chat template, attention, sampling,
/// batching, grammar) runs exactly as with a trained model.
/// </summary>
public static class RandomLlamaModel
{
    /// <summary>Writes the model to <paramref name="path"/>; the same inputs give the same bytes.</summary>
    public static void Write(string path, LlamaShape shape, BpeVocabulary vocabulary, GgmlType weightType = GgmlType.F32, int seed = 1234)
    {
        if (vocabulary.Tokens.Count != shape.VocabularySize)
            throw new ArgumentException($"The vocabulary has {vocabulary.Tokens.Count} tokens, the shape {shape.VocabularySize}.");
        var writer = new GgufWriter()
            .Add("general.architecture", "llama")
            .Add("general.name", shape.Name)
            .Add("general.file_type", weightType == GgmlType.F16 ? 1u : 0u)
            .Add("llama.vocab_size", (uint)shape.VocabularySize)
            .Add("llama.context_length", (uint)shape.ContextLength)
            .Add("llama.embedding_length", (uint)shape.EmbeddingLength)
            .Add("llama.block_count", (uint)shape.BlockCount)
            .Add("llama.feed_forward_length", (uint)shape.FeedForwardLength)
            .Add("llama.attention.head_count", (uint)shape.HeadCount)
            .Add("llama.attention.head_count_kv", (uint)shape.KvHeadCount)
            .Add("llama.rope.dimension_count", (uint)shape.HeadDimension)
            .Add("llama.rope.freq_base", shape.RopeFreqBase)
            .Add("llama.attention.layer_norm_rms_epsilon", shape.RmsNormEpsilon)
            .Add("tokenizer.ggml.model", "gpt2")
            .Add("tokenizer.ggml.pre", "llama-bpe") // the cl100k_base pre-tokenizer regex
            .Add("tokenizer.ggml.tokens", vocabulary.Tokens)
            .Add("tokenizer.ggml.token_type", vocabulary.TokenTypes)
            .Add("tokenizer.ggml.merges", vocabulary.Merges)
            .Add("tokenizer.ggml.bos_token_id", (uint)vocabulary.BeginOfTextId)
            .Add("tokenizer.ggml.eos_token_id", (uint)vocabulary.EndOfTurnId)
            .Add("tokenizer.ggml.eot_token_id", (uint)vocabulary.EndOfTurnId)
            .Add("tokenizer.ggml.add_bos_token", false)
            .Add("tokenizer.chat_template", vocabulary.ChatTemplate);

        int e = shape.EmbeddingLength, f = shape.FeedForwardLength, v = shape.VocabularySize;
        int kv = shape.KvHeadCount * shape.HeadDimension;
        var tensorSeed = seed;
        writer.AddTensor("token_embd.weight", weightType, [e, v], Random(weightType, (long)e * v, 1.0f, tensorSeed++));
        writer.AddTensor("output_norm.weight", GgmlType.F32, [e], Ones(e));
        for (var layer = 0; layer < shape.BlockCount; layer++)
        {
            var p = $"blk.{layer}.";
            var scale = 1f / MathF.Sqrt(e);
            writer.AddTensor(p + "attn_norm.weight", GgmlType.F32, [e], Ones(e));
            writer.AddTensor(p + "attn_q.weight", weightType, [e, e], Random(weightType, (long)e * e, scale, tensorSeed++));
            writer.AddTensor(p + "attn_k.weight", weightType, [e, kv], Random(weightType, (long)e * kv, scale, tensorSeed++));
            writer.AddTensor(p + "attn_v.weight", weightType, [e, kv], Random(weightType, (long)e * kv, scale, tensorSeed++));
            writer.AddTensor(p + "attn_output.weight", weightType, [e, e], Random(weightType, (long)e * e, scale, tensorSeed++));
            writer.AddTensor(p + "ffn_norm.weight", GgmlType.F32, [e], Ones(e));
            writer.AddTensor(p + "ffn_gate.weight", weightType, [e, f], Random(weightType, (long)e * f, scale, tensorSeed++));
            writer.AddTensor(p + "ffn_up.weight", weightType, [e, f], Random(weightType, (long)e * f, scale, tensorSeed++));
            writer.AddTensor(p + "ffn_down.weight", weightType, [f, e], Random(weightType, (long)f * e, 1f / MathF.Sqrt(f), tensorSeed++));
        }
        // A separate output matrix: with the output tied to token_embd, a random model's residual
        // stream makes each token its own best successor and generation degenerates into repeats.
        writer.AddTensor("output.weight", weightType, [e, v], Random(weightType, (long)e * v, 0.5f, tensorSeed));

        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        writer.WriteTo(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static GgufTensorData Ones(int count) => stream =>
    {
        var row = new float[count];
        Array.Fill(row, 1f);
        stream.Write(MemoryMarshal.AsBytes(row.AsSpan()));
    };

    // Uniform in [-scale·√3, scale·√3): standard deviation `scale`, cheap to generate for 8B weights.
    // Tensors up to one block (all of the tiny test model's) are one seeded sequence, so its
    // bytes never change; larger ones (the 8B model's) are independent blocks generated on
    // every core, which took the GPU machine minutes on one.
    private static GgufTensorData Random(GgmlType type, long count, float scale, int seed) => stream =>
    {
        var range = scale * MathF.Sqrt(3f);
        if (count <= Block)
        {
            stream.Write(Generate(type, (int)count, range, new Random(seed)));
            return;
        }
        var blocks = (count + Block - 1) / Block;
        var wave = Math.Max(1, Environment.ProcessorCount);
        for (long first = 0; first < blocks; first += wave)
        {
            var generated = new byte[(int)Math.Min(wave, blocks - first)][];
            Parallel.For(0, generated.Length, j =>
            {
                var block = first + j;
                var n = (int)Math.Min(Block, count - block * Block);
                generated[j] = Generate(type, n, range, new Random(BlockSeed(seed, block)));
            });
            foreach (var bytes in generated) stream.Write(bytes);
        }
    };

    internal const int Block = 1 << 24;

    // SplitMix64 of (tensor seed, block): deterministic across runs, unlike HashCode.Combine.
    private static int BlockSeed(int seed, long block)
    {
        var z = ((ulong)(uint)seed << 32 | (ulong)block) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    private static byte[] Generate(GgmlType type, int count, float range, Random random)
    {
        var bytes = new byte[(long)count * (type == GgmlType.F16 ? 2 : 4)];
        if (type == GgmlType.F16)
        {
            var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan());
            for (var i = 0; i < count; i++) halves[i] = (Half)((random.NextSingle() * 2f - 1f) * range);
        }
        else
        {
            var floats = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
            for (var i = 0; i < count; i++) floats[i] = (random.NextSingle() * 2f - 1f) * range;
        }
        return bytes;
    }
}
