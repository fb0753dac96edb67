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
    private static GgufTensorData Random(GgmlType type, long count, float scale, int seed) => stream =>
    {
        var random = new Random(seed);
        var range = scale * MathF.Sqrt(3f);
        const int Chunk = 1 << 16;
        var floats = new float[Chunk];
        var halves = new Half[Chunk];
        for (long done = 0; done < count; done += Chunk)
        {
            var n = (int)Math.Min(Chunk, count - done);
            for (var i = 0; i < n; i++) floats[i] = (random.NextSingle() * 2f - 1f) * range;
            if (type == GgmlType.F16)
            {
                for (var i = 0; i < n; i++) halves[i] = (Half)floats[i];
                stream.Write(MemoryMarshal.AsBytes(halves.AsSpan(0, n)));
            }
            else stream.Write(MemoryMarshal.AsBytes(floats.AsSpan(0, n)));
        }
    };
}
