namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>Splits Dockerfile text into logical instructions (continuations joined), keeping comments and blank lines so a fix can write the file back.</summary>
internal static class DockerfileParser
{
    public static IReadOnlyList<DockerfileInstruction> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new List<DockerfileInstruction>();
        var stage = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                result.Add(new DockerfileInstruction("", "", i + 1, lines[i], stage));
                continue;
            }
            var start = i;
            var parts = new List<string>();
            var raw = new List<string> { lines[i] };
            var current = lines[i].TrimEnd();
            while (current.EndsWith('\\') && i + 1 < lines.Length)
            {
                parts.Add(current[..^1].Trim());
                i++;
                raw.Add(lines[i]);
                current = lines[i].TrimEnd();
                // Comment lines inside a continuation are dropped by Docker, so they are here too.
                while (current.TrimStart().StartsWith('#') && i + 1 < lines.Length) { i++; raw.Add(lines[i]); current = lines[i].TrimEnd(); }
            }
            parts.Add(current.Trim().TrimEnd('\\').Trim());
            var joined = string.Join(' ', parts.Where(p => p.Length > 0));
            var space = joined.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? joined : joined[..space]).ToUpperInvariant();
            var args = space < 0 ? "" : joined[(space + 1)..].Trim();
            if (keyword == "FROM") stage++;
            result.Add(new DockerfileInstruction(keyword, args, start + 1, string.Join('\n', raw), Math.Max(stage, 0)));
        }
        // A trailing newline would otherwise come back as an extra blank line.
        if (result.Count > 0 && result[^1] is { Keyword: "", Raw: "" } && text.EndsWith('\n')) result.RemoveAt(result.Count - 1);
        return result;
    }
}
