using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>Which kind a request asks for, and which objects it names beside it (a Service, claim, Ingress or autoscaler for the workload).</summary>
public static partial class SlotExtractor
{
    /// <summary>Where the first sign of a workload is (an image, a GPU, replicas, a script): a Service or PVC named after it is attached to it.</summary>
    private static int WorkloadEvidence(string text, string? image, (KnownImages.Entry Entry, int Index)? mentioned, GpuSlot? gpu, int? members)
    {
        var positions = new List<int>();
        if (image is not null) positions.Add(text.IndexOf(image, StringComparison.OrdinalIgnoreCase) is var i and >= 0 ? i : int.MaxValue);
        if (mentioned is { } m) positions.Add(m.Index);
        if (gpu is not null && GpuWord().Match(text) is { Success: true } g) positions.Add(g.Index);
        foreach (var r in new[] { Vocabulary.ReplicaNoun, Vocabulary.Batch, Vocabulary.Database })
            if (r.Match(text) is { Success: true } hit) positions.Add(hit.Index);
        if (members is not null && Vocabulary.NodeNoun.Match(text) is { Success: true } n) positions.Add(n.Index);
        if (Script().Match(text) is { Success: true } s) positions.Add(s.Index);
        foreach (var k in WorkloadKinds)
            if (Vocabulary.Kinds[k].Match(text) is { Success: true } hit) positions.Add(hit.Index);
        return positions.Count == 0 ? int.MaxValue : positions.Min();
    }

    private static readonly ResourceKind[] WorkloadKinds = [ResourceKind.Deployment, ResourceKind.StatefulSet, ResourceKind.DaemonSet, ResourceKind.Job, ResourceKind.CronJob];

    /// <summary>
    /// The kind asked for, whether a kind word named it, whether a Service goes with it, and the
    /// other objects asked for beside it: a Service, PVC or Ingress named after the workload's evidence
    /// is attached to it, and so is one named first and joined to a workload kind by "and"
    /// ("pvc 25 giga i job koji...", "a PVC plus a Job").
    /// </summary>
    private static (ResourceKind Kind, bool Stated, bool Service, HashSet<ResourceKind> Attached) DecideKind(string text, string? schedule, int workloadAt, bool database, bool batch, int? members, int? replicas)
    {
        var mentions = Vocabulary.Kinds
            .SelectMany(k => k.Value.Matches(text).Select(m => (Kind: k.Key, m.Index, m.Value)))
            // "cronjob" also ends in "job"; the longer word decides.
            .Where(m => !(m.Kind == ResourceKind.Job && Regex.IsMatch(m.Value, "cron", I)))
            // "mount the secret viz-creds as env" loads a Secret into a workload; it does not ask for one.
            .Where(m => !(m.Kind == ResourceKind.Secret && Vocabulary.EnvWord.IsMatch(text)))
            .OrderBy(m => m.Index).ToList();
        // "service account" also starts with "service": of two kind words at one place, the longer decides.
        mentions.RemoveAll(m => mentions.Any(o => o.Index == m.Index && (o.Value.Length > m.Value.Length || o.Value.Length == m.Value.Length && o.Kind == ResourceKind.ServiceAccount && m.Kind != o.Kind)));
        // A requirement list names the kind in an item; a heading above it ("requirements for our label service:") only introduces it.
        var heading = HeadingAboveList(text);
        if (heading is { } h && mentions.Any(m => m.Index >= h.End && WorkloadKinds.Contains(m.Kind)))
            mentions.RemoveAll(m => m.Index >= h.Start && m.Index < h.End);
        var joinedWorkload = mentions.FirstOrDefault(m => WorkloadKinds.Contains(m.Kind) && JoinedByAnd(text, m.Index));
        var attached = new HashSet<ResourceKind>();
        foreach (var m in mentions)
        {
            var joined = joinedWorkload.Value is not null && m.Index < joinedWorkload.Index;
            switch (m.Kind)
            {
                case ResourceKind.Service or ResourceKind.PersistentVolumeClaim or ResourceKind.Ingress or ResourceKind.ConfigMap or ResourceKind.HorizontalPodAutoscaler when m.Index > workloadAt || joined:
                    // Named after a workload (or joined to one): a Service to expose it, a claim to mount, an Ingress to route to it.
                    attached.Add(m.Kind);
                    continue;
                case ResourceKind.Job when schedule is not null:
                    return (ResourceKind.CronJob, true, attached.Contains(ResourceKind.Service) || Later(ResourceKind.Service, m.Index), Attach(m.Index));
                default:
                    return (m.Kind, true, attached.Contains(ResourceKind.Service) || Later(ResourceKind.Service, m.Index) && m.Kind is not ResourceKind.Service and not ResourceKind.Ingress, Attach(m.Index));
            }
        }
        if (schedule is not null) return (ResourceKind.CronJob, false, attached.Contains(ResourceKind.Service), attached);
        // "multi node trening: 2 noda po 8 gpu": members of work that runs to completion are the nodes of one Job.
        if (members is > 1 && batch && !database) return (ResourceKind.Job, false, attached.Contains(ResourceKind.Service), attached);
        if (database || members is > 1) return (ResourceKind.StatefulSet, false, attached.Contains(ResourceKind.Service), attached);
        if (batch && replicas is null) return (ResourceKind.Job, false, attached.Contains(ResourceKind.Service), attached);
        return (ResourceKind.Deployment, false, attached.Contains(ResourceKind.Service), attached);

        bool Later(ResourceKind kind, int after) => mentions.Any(x => x.Kind == kind && x.Index > after);
        HashSet<ResourceKind> Attach(int at)
        {
            foreach (var later in mentions.Where(x => x.Index > at && x.Kind is ResourceKind.Ingress or ResourceKind.PersistentVolumeClaim or ResourceKind.HorizontalPodAutoscaler)) attached.Add(later.Kind);
            return attached;
        }
    }

    /// <summary>The line that introduces a requirement list (ends with ':' and bullet lines follow it), or null.</summary>
    private static (int Start, int End)? HeadingAboveList(string text)
    {
        var m = Regex.Match(text, @"^([^\n]*:)[ \t]*\r?\n(?=[ \t]*(?:[-*•]|\d+[.)])[ \t])", RegexOptions.Multiline);
        return m.Success ? (m.Index, m.Index + m.Groups[1].Length) : null;
    }

    /// <summary>The kind word at <paramref name="index"/> follows "and" (optionally with an article), not "for a": "i job", "and a job", "und ein job".</summary>
    private static bool JoinedByAnd(string text, int index)
    {
        static bool IsAnd(Match m) => m.Success && Vocabulary.And.Match(m.Groups[1].Value) is { Success: true } and && and.Length == m.Groups[1].Value.Length;
        var head = text[..index];
        var before = Regex.Match(head, @"(\S+)\s+$");
        // "pvc 10 giga a job": the Czech "and" is also an article elsewhere, so the word right before the kind is tried first.
        if (!IsAnd(before)) before = Regex.Match(head, @"(\S+)\s+(?:a|an|un|una|uno|ein|eine|einen|jedan|jeden|one)\s+$", I);
        // "und dazu ein Deployment", "and also a job", "i još job": one word may stand between "and" and the kind (or its article).
        if (!IsAnd(before)) before = Regex.Match(head, @"(\S+)\s+[\p{L}]+\s+(?:(?:a|an|un|una|uno|ein|eine|einen|jedan|jeden|one)\s+)?$", I);
        if (!IsAnd(before)) return false;
        var previous = Regex.Match(text[..before.Index], @"(\S+)\s*$");
        return !previous.Success || !Regex.IsMatch(previous.Groups[1].Value, @"^(for|za|pro|per|für|fur|para|to|na|in|of|od)$", I);
    }
}
