using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// A <c>kubectl create deployment|job|cronjob|service|configmap|secret generic|tls|docker-registry|ingress|pdb|quota|serviceaccount|role</c>,
/// <c>kubectl run</c> or <c>kubectl expose</c> command line pasted with "as yaml please": each flag read by its meaning, as
/// <see cref="ContainerRun"/> reads <c>docker run</c>. <see cref="Start"/> and <see cref="End"/> delimit the command, so the words
/// around it are read as the request: the command ends where a word stands that it cannot take (a positional word beyond
/// the ones its verb names: "… --port=6379 but as a deployment with 2 replicas").
/// </summary>
public sealed partial record KubectlCommand
{
    /// <summary>The kind the command creates (<c>kubectl run</c>: a Job with <c>--restart=Never|OnFailure</c>, else a Deployment).</summary>
    public required ResourceKind Kind { get; init; }
    /// <summary><c>kubectl run</c> without <c>--restart=Never|OnFailure</c>: kubectl would make a bare Pod, which the drafter replaces by a Deployment (and says so).</summary>
    public bool BarePod { get; init; }
    /// <summary><c>--from-literal=KEY=value</c> of create configmap and create secret generic.</summary>
    public IReadOnlyDictionary<string, string> Literals { get; init; } = new Dictionary<string, string>();
    /// <summary>The keys a Secret holds: its literals, or the keys its type requires (create secret tls: tls.crt and tls.key; docker-registry: .dockerconfigjson).</summary>
    public IReadOnlyList<string> SecretKeys { get; init; } = [];
    /// <summary>create role <c>--resource</c> and <c>--verb</c>: what the Role grants.</summary>
    public AccessSlot? Access { get; init; }
    /// <summary>create rolebinding <c>--role|--clusterrole</c> and <c>--serviceaccount=ns:name|--group|--user</c>: the role given and to whom.</summary>
    public BindingSlot? Binding { get; init; }
    /// <summary>create ingress <c>--rule="host/path=service:port,tls=secret"</c>: the host, the Service and its port, the TLS Secret.</summary>
    public string? Host { get; init; }
    public string? BackendService { get; init; }
    public string? TlsSecret { get; init; }
    /// <summary>create pdb <c>--selector</c>, <c>--min-available</c>, <c>--max-unavailable</c>.</summary>
    public DisruptionSlot? Disruption { get; init; }
    /// <summary>create quota <c>--hard=cpu=…,memory=…,pods=…,requests.nvidia.com/gpu=…</c>, by resource name.</summary>
    public IReadOnlyDictionary<string, string> Hard { get; init; } = new Dictionary<string, string>();
    /// <summary>create ingress <c>--class</c>.</summary>
    public string? IngressClass { get; init; }
    /// <summary>The object's name (for <c>expose</c>, <c>--name</c> or the exposed workload's name).</summary>
    public string? Name { get; init; }
    public string? Image { get; init; }
    public int? Replicas { get; init; }
    /// <summary>The container's ports (<c>--port</c> of create/run, <c>--target-port</c> or <c>--tcp</c>'s target).</summary>
    public IReadOnlyList<int> ContainerPorts { get; init; } = [];
    /// <summary>The Service's port (<c>expose --port</c>, <c>--tcp</c>'s first number).</summary>
    public int? ServicePort { get; init; }
    public int? NodePort { get; init; }
    /// <summary>NodePort or LoadBalancer; null for ClusterIP.</summary>
    public string? ServiceType { get; init; }
    public string? Schedule { get; init; }
    public string? Namespace { get; init; }
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    /// <summary><c>--limits</c>/<c>--requests</c> of <c>kubectl run</c>, by resource name.</summary>
    public IReadOnlyDictionary<string, string> Limits { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Requests { get; init; } = new Dictionary<string, string>();
    /// <summary>What follows <c>--</c>: the command of create deployment/job/cronjob and of <c>run --command</c>.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
    /// <summary>What follows <c>--</c> in <c>kubectl run</c> without <c>--command</c>: arguments to the image's entrypoint.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
    public int Start { get; init; }
    public int End { get; init; }

    /// <summary>The first kubectl create/run/expose command in <paramref name="text"/> that names an object and states something about it, or null.</summary>
    public static KubectlCommand? Find(string text)
    {
        foreach (Match match in Line.Matches(text))
            if (Read(match) is { } command) return command;
        return null;
    }
}
