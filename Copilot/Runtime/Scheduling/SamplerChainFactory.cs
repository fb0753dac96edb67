using System.Text;
using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>Builds a llama.cpp sampler chain from <see cref="SamplingSettings"/>.</summary>
internal static unsafe class SamplerChainFactory
{
    private const uint RandomSeed = 0xFFFFFFFF; // LLAMA_DEFAULT_SEED

    public static SafeLlamaSamplerHandle Create(LlamaModel model, SamplingSettings settings)
    {
        settings.Validate();
        var chain = new SafeLlamaSamplerHandle(NativeMethods.llama_sampler_chain_init(NativeMethods.llama_sampler_chain_default_params()));
        if (chain.IsInvalid) throw new InvalidOperationException("llama.cpp could not create a sampler chain.");
        try
        {
            // The grammar goes first: it masks every token that would break the grammar, so the
            // samplers after it only ever choose among valid continuations.
            if (settings.Grammar is { } grammar) chain.Add(CreateGrammar(model, grammar), "grammar");
            if (settings.RepetitionPenalty != 1f || settings.FrequencyPenalty != 0f || settings.PresencePenalty != 0f)
                chain.Add(NativeMethods.llama_sampler_init_penalties(model.VocabularySize, settings.PenaltyLastN,
                    settings.RepetitionPenalty, settings.FrequencyPenalty, settings.PresencePenalty), "penalties");
            if (settings.Temperature <= 0f)
            {
                chain.Add(NativeMethods.llama_sampler_init_greedy(), "greedy");
                return chain;
            }
            if (settings.TopK > 0) chain.Add(NativeMethods.llama_sampler_init_top_k(settings.TopK), "top-k");
            if (settings.TopP < 1f) chain.Add(NativeMethods.llama_sampler_init_top_p(settings.TopP, 1), "top-p");
            if (settings.MinP > 0f) chain.Add(NativeMethods.llama_sampler_init_min_p(settings.MinP, 1), "min-p");
            chain.Add(NativeMethods.llama_sampler_init_temp(settings.Temperature), "temperature");
            chain.Add(NativeMethods.llama_sampler_init_dist(settings.Seed is { } seed && seed != RandomSeed ? seed : (uint)Random.Shared.Next()), "distribution");
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    private static nint CreateGrammar(LlamaModel model, string grammar)
    {
        var text = Encoding.UTF8.GetBytes(grammar + "\0");
        var root = "root\0"u8;
        fixed (byte* g = text)
        fixed (byte* r = root)
        {
            var sampler = NativeMethods.llama_sampler_init_grammar(model.Vocabulary, g, r);
            return sampler != 0 ? sampler : throw new ArgumentException("The GBNF grammar does not parse (or has no 'root' rule).", nameof(grammar));
        }
    }
}
