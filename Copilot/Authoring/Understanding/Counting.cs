using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>Counts and sizes as people write them: "3 replicas", "tri replike", "dvěma replikami", "4-node", "x4", "50 gigs", "1Ti".</summary>
internal static partial class Counting
{
    [GeneratedRegex(@"[\p{L}\p{Mn}\d]+")]
    private static partial Regex Token();

    /// <summary>
    /// The count written just before a match of <paramref name="noun"/>, looking back up to three
    /// words (digits or number words of any language), the nearest first.
    /// </summary>
    public static int? Before(string text, Regex noun, Regex? skip = null)
    {
        foreach (Match m in noun.Matches(text))
        {
            var before = Token().Matches(text[..m.Index]).TakeLast(3).Reverse();
            foreach (var (token, at) in before.Select(t => (t.Value.ToLowerInvariant(), t.Index)))
            {
                // "ghcr.io/ag/ocr:0.4 | Replikas", "vllm-openai:v0.5.3, gpu": the end of a version or tag counts nothing.
                if (at > 0 && text[at - 1] is '.' or ':' or '/') break;
                // "2x H100" counts too.
                var digits = token.EndsWith('x') && token.Length > 1 ? token[..^1] : token;
                if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1000) return n;
                if (Vocabulary.Numbers.TryGetValue(token, out var w)) return w;
                if (skip?.IsMatch(token) != true && token.Length > 3) break;
            }
        }
        return null;
    }

    /// <summary>
    /// The number chosen inside a range written before <paramref name="noun"/>: "između 1 i 3 replike, neka bude 2", "2-4 replicas,
    /// let's say 3". The choice is a number within the range that ends its clause, later in the same sentence; null when there is none.
    /// </summary>
    public static int? ChosenInRange(string text, Regex noun)
    {
        foreach (Match m in noun.Matches(text))
        {
            var range = Regex.Match(text[..m.Index], @"(?<![\w.])(\d{1,3})\s*(?:[-–]|(\p{L}+))\s*(\d{1,3})\s*$");
            if (!range.Success || range.Groups[2].Success && !RangeWord.IsMatch(range.Groups[2].Value)) continue;
            var (low, high) = (int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups[3].Value, CultureInfo.InvariantCulture));
            var choice = Regex.Match(text[(m.Index + m.Length)..], @"^[^.;\n]{0,40}?(?<![\w.:/-])(\d{1,3})\s*(?:[,.;)!]|$)", RegexOptions.Multiline);
            if (low < high && choice.Success && int.Parse(choice.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n >= low && n <= high) return n;
        }
        return null;
    }

    // The words between a range's ends: "and" of every language, and "to" ("2 to 4", "od 1 do 3", "da 2 a 4", "2 bis 4").
    private static readonly Regex RangeWord = new(@"^(?:" + Vocabulary.And + @"|to|do|až|a|fins|bis)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Number words of every lexicon, longer than two letters ("a" and "an" count things, never sizes or bounds).
    private static readonly string NumberWords = string.Join('|', Vocabulary.Numbers.Keys.Where(k => k.Length > 2).OrderByDescending(k => k.Length).Select(Regex.Escape));

    /// <summary>A pattern fragment for a count written in digits or as a number word of any language.</summary>
    public static string CountPattern(int maxDigits) => @"(\d{1," + maxDigits + "}|" + NumberWords + ")";

    /// <summary>The value of a count written in digits or as a number word, or null.</summary>
    public static int? Value(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Vocabulary.Numbers.TryGetValue(token.ToLowerInvariant(), out var w) ? w : null;

    /// <summary>The count written just after a match ("replicas: 3", "Replikas 3"), or after a word for "to" ("replicas to 4", "replike na 4", "Replikas auf 4").</summary>
    public static int? After(string text, Regex noun)
    {
        foreach (Match m in noun.Matches(text))
        {
            // "replicas to 4", "repliche a quattro", "replicas auf fünf".
            var after = Regex.Match(text[(m.Index + m.Length)..], @"^\s*(?:[:=]|to|na|a|al|auf|su)?\s*" + CountPattern(3) + @"(?![\w])", RegexOptions.IgnoreCase);
            if (after.Success && Value(after.Groups[1].Value) is { } n) return n;
        }
        return null;
    }

    private static readonly Regex Size = new(@"(?<![\w.])(\d+(?:[.,]\d+)?)\s*-?\s*(ti|tib|tb|tera\w*|gi|gib|gb|g|mi|mib|mb|megs?|mega\w*|" +
        Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.GigaWords)) + @")(?![\w]|\.\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "500M": a decimal megabyte quantity as Kubernetes writes it (upper case, so "250m" stays millicores).
    private static readonly Regex DecimalMega = new(@"(?<![\w.])(\d+)\s?M(?![\w]|\.\w)", RegexOptions.CultureInvariant);

    // "half a terabyte", "pola terabajta", "mezzo tera", "einem halben Terabyte": 512 of the unit below.
    private static readonly Regex HalfSize = new(@"(?<![\w])(?:" + Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.Half)) + @")\s+(?:a\s+)?(tera\w*|tb|giga\w*|gigs?|gb)(?![\w])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "padesát giga", "fifty gigs", "zwanzig gigs": a size whose number is a word.
    private static readonly Regex WordSize = new(@"(?<![\w])(" + NumberWords + @")\s+(ti|tb|tera\w*|gi|gb|gigs?|mi|mb|megs?|mega\w*|" +
        Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.GigaWords)) + @")(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Sizes in the text, normalised to Kubernetes binary units, each with the words that follow it.</summary>
    public static IEnumerable<(string Quantity, string Following, int Index)> Sizes(string text) => Written(text).OrderBy(s => s.Index);

    private static IEnumerable<(string Quantity, string Following, int Index)> Written(string text)
    {
        foreach (Match m in HalfSize.Matches(text))
        {
            var end = m.Index + m.Length;
            yield return (m.Groups[1].Value.StartsWith('t') || m.Groups[1].Value.StartsWith('T') ? "512Gi" : "512Mi", text[end..Math.Min(text.Length, end + 24)], m.Index);
        }
        foreach (Match m in WordSize.Matches(text))
        {
            var unit = m.Groups[2].Value.ToLowerInvariant();
            var end = m.Index + m.Length;
            yield return ($"{Value(m.Groups[1].Value)}{(unit.StartsWith('t') ? "Ti" : unit.StartsWith('m') ? "Mi" : "Gi")}", text[end..Math.Min(text.Length, end + 24)], m.Index);
        }
        foreach (Match m in DecimalMega.Matches(text))
        {
            var end = m.Index + m.Length;
            yield return (m.Groups[1].Value + "M", text[end..Math.Min(text.Length, end + 24)], m.Index);
        }
        foreach (Match m in Size.Matches(text))
        {
            var number = m.Groups[1].Value.Replace(',', '.');
            var unit = m.Groups[2].Value.ToLowerInvariant();
            var suffix = unit.StartsWith('t') ? "Ti" : unit.StartsWith('m') ? "Mi" : "Gi";
            if (number.Contains('.'))
            {
                // Kubernetes quantities take decimals, but "1.5Gi" reads better as 1536Mi.
                var value = double.Parse(number, CultureInfo.InvariantCulture);
                (number, suffix) = suffix == "Gi" && value < 1024 ? (((int)Math.Round(value * 1024)).ToString(CultureInfo.InvariantCulture), "Mi") : (number, suffix);
            }
            var end = m.Index + m.Length;
            yield return (number + suffix, text[end..Math.Min(text.Length, end + 24)], m.Index);
        }
    }
}
