namespace Collab.Copilot.Runtime.Chat;

/// <summary>
/// Finds stop sequences in streamed text. Text that could still be the start of a stop
/// sequence is held back, so a stop sequence never reaches the caller, even split across tokens.
/// </summary>
internal sealed class StopSequenceFilter(IEnumerable<string> stopSequences)
{
    private readonly string[] _stops = stopSequences.Where(s => s.Length > 0).Distinct().ToArray();
    private string _pending = "";

    public bool Stopped { get; private set; }

    /// <summary>Adds text and returns the part that is safe to emit.</summary>
    public string Push(string text)
    {
        if (Stopped) return "";
        if (_stops.Length == 0) return text;
        _pending += text;
        var cut = -1;
        foreach (var stop in _stops)
        {
            var at = _pending.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut)) cut = at;
        }
        if (cut >= 0)
        {
            Stopped = true;
            var emit = _pending[..cut];
            _pending = "";
            return emit;
        }
        var hold = LongestSuffixThatStartsAStop();
        var ready = _pending[..^hold];
        _pending = _pending[^hold..];
        return ready;
    }

    /// <summary>The held-back text once generation has ended without a stop sequence.</summary>
    public string Flush()
    {
        var rest = Stopped ? "" : _pending;
        _pending = "";
        return rest;
    }

    private int LongestSuffixThatStartsAStop()
    {
        var best = 0;
        foreach (var stop in _stops)
            for (var length = Math.Min(stop.Length - 1, _pending.Length); length > best; length--)
                if (_pending.AsSpan(_pending.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    best = length;
                    break;
                }
        return best;
    }
}
