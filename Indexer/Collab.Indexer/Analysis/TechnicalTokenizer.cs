using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Collab.Indexer.Analysis;

/// <summary>
/// Splits text on whitespace and prose punctuation but keeps technical identifiers whole:
/// <c>nvidia.com/gpu</c>, <c>singleuser.extraResource.limits</c>, <c>--gpus=all</c>, <c>~/.condarc</c>.
/// Trailing sentence punctuation is trimmed; a leading <c>-</c>/<c>--</c> (CLI flag) or <c>.</c> (dotfile) is kept.
/// </summary>
public sealed class TechnicalTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private string? _text;
    private int _position;

    public TechnicalTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>Characters that may join letters and digits inside one identifier.</summary>
    internal static bool IsConnector(char c) =>
        c is '.' or '/' or '-' or '_' or '=' or ':' or '@' or '+' or '#' or '\'' or '~';

    public override bool IncrementToken()
    {
        ClearAttributes();
        _text ??= m_input.ReadToEnd();
        var text = _text;
        while (_position < text.Length)
        {
            while (_position < text.Length && !IsTokenChar(text[_position])) _position++;
            var start = _position;
            while (_position < text.Length && IsTokenChar(text[_position])) _position++;
            if (start == _position) break;

            var (trimmedStart, trimmedEnd) = Trim(text, start, _position);
            if (trimmedEnd <= trimmedStart) continue;

            _term.CopyBuffer(text.ToCharArray(trimmedStart, trimmedEnd - trimmedStart), 0, trimmedEnd - trimmedStart);
            _offset.SetOffset(CorrectOffset(trimmedStart), CorrectOffset(trimmedEnd));
            return true;
        }
        return false;
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || IsConnector(c);

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (end > start && IsConnector(text[end - 1])) end--;
        var s = start;
        while (s < end && IsConnector(text[s])) s++;
        // Keep "--flag", "-f" and ".dotfile" prefixes: they are part of what users type and search for.
        if (s < end && s > start && char.IsLetter(text[s]))
        {
            if (text[s - 1] == '-') s -= s - 2 >= start && text[s - 2] == '-' ? 2 : 1;
            else if (text[s - 1] == '.') s -= 1;
        }
        return (s, end);
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text?.Length ?? 0);
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        _text = null;
        _position = 0;
    }
}
