namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// How the next token is chosen. Temperature 0 means greedy. Penalties follow llama.cpp:
/// repetition 1.0, frequency 0 and presence 0 are off. <see cref="Grammar"/> is GBNF that
/// every generated token must keep valid (llama.cpp's grammar sampler).
/// </summary>
public sealed record SamplingSettings
{
    /// <summary>Softmax temperature; 0 picks the most likely token.</summary>
    public float Temperature { get; init; } = 0.8f;

    /// <summary>Nucleus sampling threshold (1 = off).</summary>
    public float TopP { get; init; } = 0.95f;

    /// <summary>Keep only the k most likely tokens (0 = off).</summary>
    public int TopK { get; init; } = 40;

    /// <summary>Drop tokens less likely than this fraction of the best one (0 = off).</summary>
    public float MinP { get; init; } = 0.05f;

    /// <summary>Seed of the random choice; null draws a fresh one.</summary>
    public uint? Seed { get; init; }

    /// <summary>Multiplicative penalty on tokens seen in the last <see cref="PenaltyLastN"/> tokens.</summary>
    public float RepetitionPenalty { get; init; } = 1f;

    /// <summary>Subtracted per occurrence of a token (OpenAI's frequency_penalty).</summary>
    public float FrequencyPenalty { get; init; }

    /// <summary>Subtracted once for any token that occurred (OpenAI's presence_penalty).</summary>
    public float PresencePenalty { get; init; }

    /// <summary>How many recent tokens the penalties look at.</summary>
    public int PenaltyLastN { get; init; } = 64;

    /// <summary>GBNF grammar (root rule <c>root</c>) constraining the output, or null.</summary>
    public string? Grammar { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value outside its range.</summary>
    public void Validate()
    {
        Check(float.IsFinite(Temperature) && Temperature is >= 0 and <= 100, nameof(Temperature), Temperature);
        Check(float.IsFinite(TopP) && TopP is > 0 and <= 1, nameof(TopP), TopP);
        Check(TopK >= 0, nameof(TopK), TopK);
        Check(float.IsFinite(MinP) && MinP is >= 0 and <= 1, nameof(MinP), MinP);
        Check(float.IsFinite(RepetitionPenalty) && RepetitionPenalty is > 0 and <= 10, nameof(RepetitionPenalty), RepetitionPenalty);
        Check(float.IsFinite(FrequencyPenalty) && FrequencyPenalty is >= -2 and <= 2, nameof(FrequencyPenalty), FrequencyPenalty);
        Check(float.IsFinite(PresencePenalty) && PresencePenalty is >= -2 and <= 2, nameof(PresencePenalty), PresencePenalty);
        Check(PenaltyLastN is >= 0 and <= 8192, nameof(PenaltyLastN), PenaltyLastN);
    }

    private static void Check(bool ok, string name, object value)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{name} is out of range.");
    }
}
