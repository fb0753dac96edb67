using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Understanding;

public sealed partial record ContainerRun
{
    /// <summary>
    /// A pipeline step pasted to run as a plain workload ("turn this Argo step into a Job", a Kubeflow component, a Tekton
    /// step): YAML holding a <c>container:</c> mapping with an <c>image</c> — a key Kubernetes' own pod specs never use (they
    /// list <c>containers:</c>) — read by the keys those tools share with a container: <c>command</c>, <c>args</c>,
    /// <c>env</c>, <c>resources.limits/requests</c> (GPUs included); the step's <c>name</c> names it, its
    /// <c>retryStrategy.limit</c> and <c>activeDeadlineSeconds</c> are the Job's backoffLimit and deadline. A step runs to
    /// completion. Only when the words around the paste name a Kubernetes kind to write, so a step pasted for review stays one.
    /// </summary>
    private static ContainerRun? FromPipelineStep(string text)
    {
        if (YamlPaste(text, @"^[ \t]*(?:-[ \t]+)?(?:name|container|implementation|apiVersion|steps|templates)[ \t]*:") is not { } block) return null;
        if (!Regex.IsMatch(block.Yaml, @"^[ \t]*(?:-[ \t]+)?container[ \t]*:", RegexOptions.Multiline)) return null;
        if (!Vocabulary.Kinds.Values.Any(k => k.IsMatch(text[..block.Start] + " " + text[block.End..]))) return null;
        if (FirstYamlDocument(block.Yaml) is not { } root || StepOf(root) is not var (step, container)) return null;
        var resources = Map(container, "resources");
        return new ContainerRun
        {
            Image = Scalar(container, "image")!,
            Name = step is null ? null : Scalar(step, "name"),
            Entrypoint = Strings(Child(container, "command")),
            Args = Strings(Child(container, "args")),
            Env = (Child(container, "env") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
                .Where(e => Scalar(e, "name") is not null && Scalar(e, "value") is not null)
                .ToDictionary(e => Scalar(e, "name")!, e => Scalar(e, "value")!) ?? new Dictionary<string, string>(),
            Memory = Scalar(Map(resources, "limits"), "memory"),
            Cpu = Scalar(Map(resources, "limits"), "cpu"),
            MemoryRequest = Scalar(Map(resources, "requests"), "memory"),
            CpuRequest = Scalar(Map(resources, "requests"), "cpu"),
            Gpus = Number(Scalar(Map(resources, "limits"), "nvidia.com/gpu")),
            RetryLimit = step is null ? null : Number(Scalar(Map(step, "retryStrategy"), "limit")),
            DeadlineSeconds = step is null ? null : Number(Scalar(step, "activeDeadlineSeconds")),
            RunsToCompletion = true,
            Start = block.Start,
            End = block.End,
        };
    }

    // The first mapping (depth first) whose "container" holds an image, with that mapping (the step) and the container.
    private static (YamlMappingNode? Step, YamlMappingNode Container)? StepOf(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                if (Map(map, "container") is { } container && Scalar(container, "image") is { Length: > 0 }) return (map, container);
                foreach (var child in map.Children.Values)
                    if (StepOf(child) is { } found) return found;
                return null;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                    if (StepOf(child) is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    // "command: [python, train.py]" or "command: python train.py".
    private static IReadOnlyList<string> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        YamlScalarNode { Value: { Length: > 0 } value } => value.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };
}
