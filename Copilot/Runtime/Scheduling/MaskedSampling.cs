using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// <c>llama_sampler_sample</c> done in steps, so a <see cref="Utf8TokenFilter"/> can set the
/// logits of forbidden tokens to −∞ before the chain (grammar first) sees the candidates.
/// </summary>
internal static unsafe class MaskedSampling
{
    /// <summary>Samples batch output <paramref name="index"/>; <paramref name="buffer"/> is reused by the scheduler's one loop thread.</summary>
    public static int Sample(SafeLlamaSamplerHandle chain, SafeLlamaContextHandle context, int index, Utf8TokenFilter filter, ref LlamaTokenData[] buffer)
    {
        var logits = NativeMethods.llama_get_logits_ith(context, index);
        if (logits is null) throw new InvalidOperationException($"llama.cpp has no logits for batch output {index}.");
        var count = filter.VocabularySize;
        if (buffer.Length != count) buffer = new LlamaTokenData[count];
        for (var token = 0; token < count; token++)
            buffer[token] = new LlamaTokenData { Id = token, Logit = filter.Allows(token) ? logits[token] : float.NegativeInfinity };

        int chosen;
        fixed (LlamaTokenData* data = buffer)
        {
            var array = new LlamaTokenDataArray { Data = data, Size = (nuint)count, Selected = -1 };
            NativeMethods.llama_sampler_apply(chain, &array);
            if (array.Selected < 0 || array.Selected >= (long)array.Size)
                throw new InvalidOperationException("The sampler chain selected no token.");
            chosen = array.Data[array.Selected].Id;
        }
        NativeMethods.llama_sampler_accept(chain, chosen);
        filter.Accept(chosen);
        return chosen;
    }
}
