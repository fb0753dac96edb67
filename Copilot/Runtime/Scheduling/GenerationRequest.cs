using System.Threading.Channels;
using Collab.Copilot.Runtime.Native;

namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// One generation in flight: its prompt, budget and sampler, and the channel its tokens are
/// written to. The scheduler's loop owns the mutable decoding state; the caller only reads
/// <see cref="Tokens"/> and may cancel.
/// </summary>
internal sealed class GenerationRequest
{
    private readonly Channel<int> _tokens = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private CancellationTokenRegistration _registration;
    private volatile bool _cancelled;

    public GenerationRequest(int[] prompt, int maxTokens, SafeLlamaSamplerHandle sampler, string fairnessKey, Utf8TokenFilter? utf8Filter = null)
    {
        Utf8Filter = utf8Filter;
        Prompt = prompt;
        MaxTokens = maxTokens;
        Sampler = sampler;
        FairnessKey = fairnessKey;
    }

    public int[] Prompt { get; }

    public int MaxTokens { get; }

    public SafeLlamaSamplerHandle Sampler { get; }

    public string FairnessKey { get; }

    /// <summary>Set for grammar-constrained generations: masks tokens that would break UTF-8.</summary>
    public Utf8TokenFilter? Utf8Filter { get; }

    /// <summary>The generated token ids, completed when generation ends (with the error, if any).</summary>
    public ChannelReader<int> Tokens => _tokens.Reader;

    /// <summary>Set before <see cref="Tokens"/> completes normally.</summary>
    public FinishReason FinishReason { get; private set; }

    public bool IsCancelled => _cancelled;

    public CancellationToken CancellationToken { get; private set; }

    // Decoding state, touched only by the scheduler's loop.
    internal int Slot = -1;
    internal int PromptCursor;
    internal int Position;
    internal int Generated;
    internal int LastToken = -1;
    internal int OutputIndex = -1;
    internal long StartedAt;

    internal void Attach(CancellationToken cancellationToken, Action wake)
    {
        CancellationToken = cancellationToken;
        _registration = cancellationToken.Register(() =>
        {
            _cancelled = true;
            wake();
        });
    }

    internal void MarkCancelled() => _cancelled = true;

    internal void Write(int token) => _tokens.Writer.TryWrite(token);

    internal void Finish(FinishReason reason)
    {
        FinishReason = reason;
        Release();
        _tokens.Writer.TryComplete();
    }

    internal void Fail(Exception error)
    {
        Release();
        _tokens.Writer.TryComplete(error);
    }

    private void Release()
    {
        _registration.Dispose();
        Sampler.Dispose();
    }
}
