using System.Text;

namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>Rewrites a parsed Dockerfile with one instruction replaced, removed, or preceded by new lines.</summary>
internal static class DockerfileEdit
{
    public static string Replace(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction target, params string[] replacement) =>
        Write(all, target, replacement, keepTarget: false);

    public static string InsertBefore(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction target, params string[] lines) =>
        Write(all, target, lines, keepTarget: true);

    public static string Append(IReadOnlyList<DockerfileInstruction> all, params string[] lines)
    {
        var sb = new StringBuilder();
        foreach (var i in all) sb.Append(i.Raw).Append('\n');
        foreach (var l in lines) sb.Append(l).Append('\n');
        return sb.ToString();
    }

    private static string Write(IReadOnlyList<DockerfileInstruction> all, DockerfileInstruction target, string[] lines, bool keepTarget)
    {
        var sb = new StringBuilder();
        foreach (var i in all)
        {
            if (ReferenceEquals(i, target))
            {
                foreach (var l in lines) sb.Append(l).Append('\n');
                if (!keepTarget) continue;
            }
            sb.Append(i.Raw).Append('\n');
        }
        return sb.ToString();
    }
}
