using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Collab.Indexer.Analysis;

/// <summary>
/// For a compound identifier emits the whole token first (marked as a keyword so stemming leaves it
/// alone) and then its parts: <c>CrashLoopBackOff</c> → <c>CrashLoopBackOff</c>, Crash, Loop, Back, Off;
/// <c>nvidia.com/gpu</c> → <c>nvidia.com/gpu</c>, nvidia, com, gpu. The whole token matches exact pastes,
/// the parts match prose that mentions the same words.
/// </summary>
public sealed class IdentifierPartsFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IKeywordAttribute _keyword;
    private readonly Queue<string> _pendingParts = new();
    private State? _originalState;

    public IdentifierPartsFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingParts.Count > 0)
        {
            RestoreState(_originalState);
            var part = _pendingParts.Dequeue();
            _term.SetEmpty().Append(part);
            // Parts that are themselves identifiers ("--gpus", "nvidia.com") stay unstemmed like the whole.
            _keyword.IsKeyword = !part.All(char.IsLetterOrDigit);
            _positionIncrement.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken()) return false;

        var token = _term.ToString();
        var parts = IdentifierSplitter.Split(token);
        if (parts.Count == 0) return true;

        foreach (var part in parts) _pendingParts.Enqueue(part);
        _keyword.IsKeyword = true;
        _originalState = CaptureState();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pendingParts.Clear();
        _originalState = null;
    }
}
