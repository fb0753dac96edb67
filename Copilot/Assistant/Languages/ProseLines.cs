using System.Text.RegularExpressions;

namespace Collab.Copilot.Assistant.Languages;

/// <summary>
/// The prose of a message: what the asker wrote in their own words, without the artefacts they
/// pasted (code, YAML, <c>kubectl</c> output, logs, stack traces, shell sessions). Language is told
/// from the prose alone, because a log's "de", "la" or "com" says nothing about the asker.
/// </summary>
public static partial class ProseLines
{
    /// <summary>The lines of <paramref name="text"/> that read as prose, joined by newlines; empty when there are none.</summary>
    public static string Extract(string text)
    {
        var withoutCode = Code().Replace(text.Replace("\r\n", "\n"), "\n");
        var lines = withoutCode.Split('\n').SelectMany(Clauses).ToArray();
        // A question of one word at the margin beside a paste ("zašto?", "warum?", "perché?") is too short to read as a
        // sentence, but it is the asker's own, even under an error line that reads as English prose. Only with its question
        // mark, which no line of pasted output ends a lone word with.
        if (lines.Any(IsProse)) return string.Join('\n', lines.Where(l => IsProse(l) || OneWordQuestion().IsMatch(l)));
        var terse = TerseWords(withoutCode);
        if (terse.Length > 0) return terse;
        // A reply of one word and nothing else ("nefunguje", "Servus!", "grazie.") is all the asker wrote.
        if (withoutCode.Trim() is var whole && OneWordReply().IsMatch(whole)) return whole;
        return string.Join('\n', lines.Where(l => OneWordQuestion().IsMatch(l)));
    }

    /// <summary>
    /// A request written only as a heading and terse items above its paste ("izmjene:\n- slika postgres:16.4\n- env X=1"):
    /// the plain words of those items (and of the heading above them), up to the first line of the paste, are all the prose
    /// there is. Items that are YAML ("- name: web") or a single word ("- nginx") say nothing about the asker.
    /// </summary>
    private static string TerseWords(string text)
    {
        var words = new List<string>();
        var items = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            if (line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t')) break;
            if (ListItem().Match(trimmed) is { Success: true } item)
            {
                var content = trimmed[item.Length..];
                var tokens = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (KeyValue().IsMatch(content) || tokens.Length < 2) break;
                words.AddRange(tokens.Where(t => PlainWord().IsMatch(t)));
                items++;
            }
            else if (trimmed.EndsWith(':') && !trimmed.Contains(' ') && items == 0) words.Add(trimmed.TrimEnd(':'));
            else break;
        }
        return items > 0 ? string.Join(' ', words) : "";
    }

    /// <summary>
    /// A line at the margin that mixes a quoted error with the asker's words, split so each is judged on its own: at a dash
    /// between spaces ("Error: ImagePullBackOff — ne znam zašto"), and before an exception quoted mid-sentence ("der Worker
    /// stirbt mit ray.exceptions.OutOfMemoryError: Task was killed …"), whose message is the tool's English, not the asker's.
    /// </summary>
    private static IEnumerable<string> Clauses(string line)
    {
        if (line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t')) return [line];
        return DashBetweenSpaces().Split(line).Select(clause => QuotedException().Match(clause) is { Success: true, Index: > 0 } quoted ? clause[..quoted.Index] : clause);
    }

    [GeneratedRegex(@"\s+[—–]\s+|\s+--?\s+")]
    private static partial Regex DashBetweenSpaces();

    [GeneratedRegex(@"(?<=\s)[\w.]*[A-Z][A-Za-z]*(Error|Exception):\s")]
    private static partial Regex QuotedException();

    private static bool IsProse(string line)
    {
        // Pasted output keeps its indentation; people's sentences start at the margin.
        if (line.Length == 0 || line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t')) return false;
        var trimmed = line.Trim();
        // A list item at the margin ("- replicas to 3, please") is prose written as a list; a YAML item ("- name: web") is not.
        if (ListItem().Match(trimmed) is { Success: true } item) trimmed = trimmed[item.Length..];
        if (trimmed.Length == 0 || Artefact().IsMatch(trimmed) || KeyValue().IsMatch(trimmed)) return false;
        var tokens = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Paths, IPs, key=value, timestamps and CamelCase reasons make up most of a log line; few of a sentence.
        var words = tokens.Count(t => PlainWord().IsMatch(t));
        return words >= 2 && words >= 0.6 * tokens.Length;
    }

    [GeneratedRegex(@"^\p{L}+(['’]\p{L}+)?\?\s*$")]
    private static partial Regex OneWordQuestion();

    [GeneratedRegex(@"^\p{L}+(['’]\p{L}+)?[.!?…]*$")]
    private static partial Regex OneWordReply();

    [GeneratedRegex(@"^[-*•] (?=\S)")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"```.*?(```|$)|`[^`\n]*`", RegexOptions.Singleline)]
    private static partial Regex Code();

    /// <summary>Shell prompts, REPL prompts, log levels and timestamps, tracebacks, table headers, event rows (also as
    /// <c>kubectl get events</c> prints them, behind a namespace and age), YAML and JSON syntax.</summary>
    [GeneratedRegex(@"^(\$ |# |>>> |\.\.\. |[\[{<(]|---|- |\d{2,4}[-/:.]\d|[IWEDF]\d{4}|(INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL)\b|Traceback|File ""|at [\w.$]+\(|Caused by|Exception in|NAME\s|LAST SEEN\s|Type\s+Reason|Warning\s+\w|Normal\s+\w|(\S+\s+)?(\d+[smhd][\dsmh]*|<unknown>)\s+(Warning|Normal)\s+\w|Error from server|FROM |RUN |COPY |ENV |apiVersion|kind:|E\d{4}|\w+Error:|\w+Exception:)")]
    private static partial Regex Artefact();

    /// <summary><c>Key: value</c> lines of YAML and <c>kubectl describe</c>: a single token before the colon.</summary>
    [GeneratedRegex(@"^[\w.\-/""']+:(\s|$)")]
    private static partial Regex KeyValue();

    /// <summary>A word as written in a sentence: letters (with apostrophes or hyphens), optional trailing punctuation.</summary>
    [GeneratedRegex(@"^[""'(¿¡„«]*\p{L}[\p{L}'’·\-]*[""'),.?!:;»“]*$")]
    private static partial Regex PlainWord();
}
