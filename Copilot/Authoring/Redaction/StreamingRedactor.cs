using System.Text;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Redacts text that arrives in pieces (a model's token stream) exactly as <see cref="SecretRedactor"/>
/// redacts it whole. A secret may straddle pieces, so text is released a line at a time and each
/// release is scanned together with the text released before it (for names on an earlier line,
/// such as a <c>data:</c> block); a private key block is held back until it ends.
/// </summary>
public sealed class StreamingRedactor
{
    // How much released text is rescanned with each release, and how long an unbroken run may be
    // held before it is released at a blank (or, failing one, whole).
    private const int ContextChars = 2048;
    private const int MaxHeldLine = 2048;
    private const int MaxHeld = 64 * 1024;

    private readonly StringBuilder _pending = new();
    private string _context = "";

    /// <summary>How many secrets were redacted so far.</summary>
    public int Redactions { get; private set; }

    /// <summary>Adds text; returns what may be shown now, redacted (possibly empty).</summary>
    public string Push(string text)
    {
        _pending.Append(text);
        var length = Releasable();
        return length > 0 ? Release(length) : "";
    }

    /// <summary>Releases whatever is still held, at the end of the stream.</summary>
    public string Flush() => _pending.Length > 0 ? Release(_pending.Length) : "";

    private int Releasable()
    {
        var pending = _pending.ToString();
        if (pending.Length > MaxHeld) return pending.Length;
        var length = pending.LastIndexOf('\n') + 1;
        var block = OpenBlock(pending);
        if (block >= 0) return Math.Min(length, block > 0 ? pending.LastIndexOf('\n', block - 1) + 1 : 0);
        if (length == 0 && pending.Length > MaxHeldLine)
        {
            var blank = pending.LastIndexOfAny([' ', '\t']);
            length = blank > 0 ? blank + 1 : pending.Length;
        }
        return length;
    }

    // Secrets that span lines, by the line that opens them and the line that closes them.
    private static readonly (string Begin, string End)[] Blocks = [("-----BEGIN", "-----END"), ("Private-Lines:", "Private-MAC:")];

    // Where a multi-line secret begins whose closing line has not fully arrived, or -1. Released
    // before its end, it would come out as two markers (or as a marker and the rest of the block).
    private static int OpenBlock(string pending)
    {
        foreach (var (begin, end) in Blocks)
        {
            var at = pending.LastIndexOf(begin, StringComparison.Ordinal);
            if (at < 0 || (begin == "-----BEGIN" && !IsPrivateKeyHeader(pending, at))) continue;
            var closing = pending.IndexOf(end, at, StringComparison.Ordinal);
            if (closing < 0 || pending.IndexOf('\n', closing) < 0) return at;
        }
        return -1;
    }

    private static bool IsPrivateKeyHeader(string pending, int at)
    {
        var lineEnd = pending.IndexOf('\n', at);
        var header = pending.AsSpan(at, (lineEnd < 0 ? pending.Length : lineEnd) - at);
        // A header still arriving may yet say PRIVATE KEY.
        return lineEnd < 0 || header.Contains("PRIVATE KEY", StringComparison.Ordinal);
    }

    private string Release(int length)
    {
        var segment = _pending.ToString(0, length);
        _pending.Remove(0, length);
        var window = _context + segment;
        var offset = _context.Length;
        var output = new StringBuilder(segment.Length);
        var copied = offset;
        foreach (var span in SecretRedactor.Find(window))
        {
            if (span.End <= offset) continue;
            var start = Math.Max(span.Start, offset);
            output.Append(window, copied, start - copied).Append(SecretRedactor.MarkerFor(span.Kind));
            copied = span.End;
            Redactions++;
        }
        output.Append(window, copied, window.Length - copied);
        _context = Tail(window);
        return output.ToString();
    }

    // The last ContextChars of what was released, from a line start, so rules anchored at a line see it whole.
    private static string Tail(string window)
    {
        if (window.Length <= ContextChars) return window;
        var from = window.IndexOf('\n', window.Length - ContextChars);
        return from < 0 ? "" : window[(from + 1)..];
    }
}
