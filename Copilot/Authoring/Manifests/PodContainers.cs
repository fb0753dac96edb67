using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>The containers and init containers of a pod spec, each with its path.</summary>
internal static class PodContainers
{
    public sealed record Container(YamlMappingNode Node, string Path, string Name, bool IsInit);

    public static IReadOnlyList<Container> Of(YamlMappingNode pod, string path, bool includeInit = true)
    {
        var result = new List<Container>();
        foreach (var (key, isInit) in new[] { ("containers", false), ("initContainers", true) })
        {
            if (isInit && !includeInit) continue;
            var items = pod.Seq(key)?.Children ?? [];
            for (var i = 0; i < items.Count; i++)
                if (items[i] is YamlMappingNode c)
                    result.Add(new Container(c, $"{SchemaBinder.Join(path, key)}[{i}]", c.Str("name") ?? $"{key}[{i}]", isInit));
        }
        return result;
    }
}
