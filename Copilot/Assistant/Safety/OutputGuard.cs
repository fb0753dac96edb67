namespace Collab.Copilot.Assistant.Safety;

/// <summary>
/// Sits between a model's token stream and the asker. Text is released a line (or a long run)
/// at a time, after checking that the model is not repeating its instructions or the data
/// markers; if it is, the answer is cut there. Buffering per line keeps streaming visible while
/// giving each check whole phrases to look at. Secrets are redacted later, with the rest of the
/// answer (<see cref="AnswerRedactor"/>).
/// </summary>
internal sealed class OutputGuard(IReadOnlyList<string> protectedLines, DataBlock block)
{
    public const string Stopped = "\n\n[The answer was stopped: it began to repeat the copilot's instructions.]";
    private const int MaxPending = 240;
    private readonly System.Text.StringBuilder _pending = new();
    private string _tail = "";

    /// <summary>True once the guard has cut the answer; nothing more is released.</summary>
    public bool Tripped { get; private set; }

    /// <summary>Adds model output; returns what may be shown now (possibly empty).</summary>
    public string Push(string text)
    {
        if (Tripped) return "";
        _pending.Append(text);
        var cut = LastBreak();
        return cut < 0 ? "" : Release(cut + 1);
    }

    /// <summary>Releases whatever is still held at the end of the stream.</summary>
    public string Flush() => Tripped || _pending.Length == 0 ? "" : Release(_pending.Length);

    private int LastBreak()
    {
        for (var i = _pending.Length - 1; i >= 0; i--)
            if (_pending[i] == '\n') return i;
        if (_pending.Length < MaxPending) return -1;
        for (var i = _pending.Length - 1; i >= 0; i--)
            if (char.IsWhiteSpace(_pending[i])) return i;
        return _pending.Length - 1;
    }

    private string Release(int length)
    {
        var segment = _pending.ToString(0, length);
        _pending.Remove(0, length);
        // Check across the seam with what was already shown, so a phrase split over two lines is seen whole.
        var window = Normalize(_tail + segment);
        if (block.Mentions(window) || protectedLines.Any(line => window.Contains(line, StringComparison.OrdinalIgnoreCase)))
        {
            Tripped = true;
            return Stopped;
        }
        _tail = (_tail + segment).Length > 400 ? (_tail + segment)[^400..] : _tail + segment;
        return segment;
    }

    /// <summary>Whitespace-collapsed text, as prompt lines are compared after the model re-wraps them.</summary>
    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
