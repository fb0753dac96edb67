namespace Collab.Copilot.Authoring.Diagnosis.Describe;

/// <summary>
/// Facts that a <c>kubectl describe</c> paste states by its structure rather than in a sentence, under the
/// names the signatures' <c>facts</c> use, each with the line that shows it. A signature takes one of these
/// only when none of its own fact patterns found the value in the paste.
/// </summary>
public static class StructuredFacts
{
    public static IReadOnlyDictionary<string, (string Value, int Line)> From(DescribeOutput described)
    {
        var facts = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        // A probe aimed at a port its container does not declare: the declared port is where the app listens.
        foreach (var container in described.Containers)
        {
            if (container.Ports.Count == 0) continue;
            var stray = container.Probes.FirstOrDefault(p => container.Ports.All(d => d.Port != p.Port));
            if (stray is null) continue;
            facts["probe_port"] = (stray.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), stray.Line);
            facts["app_port"] = (container.Ports[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture), container.Ports[0].Line);
            break;
        }
        return facts;
    }
}
