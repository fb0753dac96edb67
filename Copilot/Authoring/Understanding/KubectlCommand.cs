using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// A <c>kubectl create deployment|job|cronjob|service|configmap|secret generic|tls|docker-registry|ingress|pdb|quota|serviceaccount|role</c>,
/// <c>kubectl run</c> or <c>kubectl expose</c> command line pasted with "as yaml please": each flag read by its meaning, as
/// <see cref="ContainerRun"/> reads <c>docker run</c>. <see cref="Start"/> and <see cref="End"/> delimit the command, so the words
/// around it are read as the request: the command ends where a word stands that it cannot take (a positional word beyond
/// the ones its verb names: "… --port=6379 but as a deployment with 2 replicas").
/// </summary>
public sealed record KubectlCommand
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

    // "kubectl …" to the end of its line, with backslash-newline continuations; a dash of prose ("— as a deployment please") ends it.
    private static readonly Regex Line = new(@"(?:^|(?<=[\s`$>]))kubectl\s+(?:\\\r?\n|[^\n`—–])+", RegexOptions.CultureInvariant);

    // kubectl flags that take no value; every other flag takes the next word unless written as --flag=value.
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
    {
        "--command", "--expose", "--rm", "-i", "-t", "-it", "-ti", "--stdin", "--tty", "--save-config", "--record", "--dry-run", "--attach", "--privileged", "-q", "--quiet",
    };

    /// <summary>The first kubectl create/run/expose command in <paramref name="text"/> that names an object and states something about it, or null.</summary>
    public static KubectlCommand? Find(string text)
    {
        foreach (Match match in Line.Matches(text))
            if (Read(match) is { } command) return command;
        return null;
    }

    private static KubectlCommand? Read(Match match)
    {
        var words = ContainerRun.ShellWords(Regex.Replace(match.Value, @"\\\r?\n", " "));
        var positional = new List<string>();
        var flags = new List<(string Flag, string Value)>();
        var afterDashes = new List<string>();
        var end = match.Length;
        for (var at = 1; at < words.Count; at++)
        {
            var word = words[at];
            if (word == "--") { afterDashes.AddRange(words.Skip(at + 1)); break; }
            if (!word.StartsWith('-') || word == "-")
            {
                // A word beyond the verb's own positional words is prose written after the command on its line.
                if (positional.Count >= PositionalCount(positional)) { end = Offset(match.Value, words, at); break; }
                positional.Add(word);
                continue;
            }
            var (flag, value) = word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=') is var eq and > 0 ? (word[..eq], word[(eq + 1)..]) : (word, null);
            if (Switches.Contains(flag)) { flags.Add((flag, value ?? "true")); continue; }
            if (value is null)
            {
                if (at + 1 >= words.Count) break;
                value = words[++at];
            }
            flags.Add((flag, value));
        }
        string? Flag(params string[] names) => flags.LastOrDefault(f => names.Contains(f.Flag)).Value;
        IEnumerable<string> All(string name) => flags.Where(f => f.Flag == name).Select(f => f.Value);

        var verb = positional.ElementAtOrDefault(0)?.ToLowerInvariant();
        ResourceKind kind;
        string? name, serviceType = null, host = null, backend = null, tls = null;
        var containerPorts = new List<int>();
        int? servicePort = null;
        var barePod = false;
        switch (verb)
        {
            case "create":
                var type = positional.ElementAtOrDefault(1)?.ToLowerInvariant();
                (kind, name) = type switch
                {
                    "deployment" or "deploy" or "deployments" => (ResourceKind.Deployment, positional.ElementAtOrDefault(2)),
                    "job" or "jobs" => (ResourceKind.Job, positional.ElementAtOrDefault(2)),
                    "cronjob" or "cj" or "cronjobs" => (ResourceKind.CronJob, positional.ElementAtOrDefault(2)),
                    "service" or "svc" => (ResourceKind.Service, positional.ElementAtOrDefault(3)),
                    "configmap" or "cm" => (ResourceKind.ConfigMap, positional.ElementAtOrDefault(2)),
                    "secret" when positional.ElementAtOrDefault(2)?.ToLowerInvariant() is "generic" or "tls" or "docker-registry" => (ResourceKind.Secret, positional.ElementAtOrDefault(3)),
                    "serviceaccount" or "sa" => (ResourceKind.ServiceAccount, positional.ElementAtOrDefault(2)),
                    // A Role is drafted with the ServiceAccount it is for (named as the Role) and their RoleBinding.
                    "role" => (ResourceKind.ServiceAccount, positional.ElementAtOrDefault(2)),
                    "ingress" or "ing" => (ResourceKind.Ingress, positional.ElementAtOrDefault(2)),
                    "poddisruptionbudget" or "pdb" => (ResourceKind.PodDisruptionBudget, positional.ElementAtOrDefault(2)),
                    "quota" or "resourcequota" => (ResourceKind.ResourceQuota, positional.ElementAtOrDefault(2)),
                    _ => ((ResourceKind)(-1), null),
                };
                if ((int)kind < 0) return null;
                if (kind == ResourceKind.Service)
                {
                    serviceType = TypeOf(positional.ElementAtOrDefault(2));
                    foreach (var tcp in All("--tcp"))
                    {
                        var parts = tcp.Split(':');
                        if (Number(parts[0]) is not { } port) continue;
                        servicePort ??= port;
                        containerPorts.Add(parts.Length > 1 && Number(parts[1]) is { } targetPort ? targetPort : port);
                    }
                }
                else if (Number(Flag("--port")) is { } port) containerPorts.Add(port);
                if (kind == ResourceKind.Ingress && Flag("--rule") is { } rule) (host, backend, servicePort, tls) = IngressRule(rule);
                break;
            case "run":
                name = positional.ElementAtOrDefault(1);
                kind = Flag("--restart")?.ToLowerInvariant() is "never" or "onfailure" ? ResourceKind.Job : ResourceKind.Deployment;
                barePod = kind == ResourceKind.Deployment;
                if (Number(Flag("--port")) is { } runPort) containerPorts.Add(runPort);
                break;
            case "expose":
                // "expose deployment api" or "expose deployment/api".
                var exposed = positional.ElementAtOrDefault(1) is { } t && t.Contains('/') ? t.Split('/')[1] : positional.ElementAtOrDefault(2);
                name = Flag("--name") ?? exposed;
                kind = ResourceKind.Service;
                servicePort = Number(Flag("--port"));
                serviceType = TypeOf(Flag("--type"));
                if ((Number(Flag("--target-port")) ?? servicePort) is { } exposedPort) containerPorts.Add(exposedPort);
                break;
            default:
                return null;
        }
        var image = Flag("--image");
        var literals = new Dictionary<string, string>();
        foreach (var pair in All("--from-literal"))
            if (pair.IndexOf('=') is var at and > 0) literals[pair[..at]] = pair[(at + 1)..];
        // A command that names nothing to run, reach or hold ("kubectl create job --help") is not a request to draft.
        var selector = Resources(Flag("--selector"));
        var disruption = kind == ResourceKind.PodDisruptionBudget && (Flag("--min-available") ?? Flag("--max-unavailable")) is not null
            ? new DisruptionSlot(Flag("--min-available"), Flag("--max-unavailable"), selector, selector.Values.FirstOrDefault()) : null;
        var hard = kind == ResourceKind.ResourceQuota ? Resources(Flag("--hard")) : new Dictionary<string, string>();
        IReadOnlyList<string> secretKeys = kind != ResourceKind.Secret ? [] : positional.ElementAtOrDefault(2)?.ToLowerInvariant() switch
        {
            "tls" => ["tls.crt", "tls.key"],
            "docker-registry" => [".dockerconfigjson"],
            _ => [.. literals.Keys],
        };
        var access = kind == ResourceKind.ServiceAccount && (All("--resource").Any() || All("--verb").Any())
            ? new AccessSlot([.. All("--resource").SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries))], [.. All("--verb").SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries))])
            : null;
        // A ServiceAccount needs nothing but its name; every other kind must state something to draft.
        if (name is null || kind != ResourceKind.ServiceAccount && image is null && containerPorts.Count == 0 && servicePort is null && secretKeys.Count == 0 && literals.Count == 0
            && host is null && disruption is null && hard.Count == 0) return null;

        var env = new Dictionary<string, string>();
        foreach (var pair in All("--env"))
            if (pair.IndexOf('=') is var i and > 0) env[pair[..i]] = pair[(i + 1)..];
        var command = kind != ResourceKind.Service && (verb == "create" || Flag("--command") is not null);
        return new KubectlCommand
        {
            Kind = kind,
            BarePod = barePod,
            Literals = literals,
            SecretKeys = secretKeys,
            Access = access,
            Host = host,
            BackendService = backend,
            TlsSecret = tls,
            IngressClass = Flag("--class"),
            Disruption = disruption,
            Hard = hard,
            Name = name,
            Image = image,
            Replicas = Number(Flag("--replicas", "-r")),
            ContainerPorts = containerPorts,
            ServicePort = servicePort,
            NodePort = Number(Flag("--node-port")),
            ServiceType = serviceType,
            Schedule = Flag("--schedule"),
            Namespace = Flag("-n", "--namespace"),
            Env = env,
            Limits = Resources(Flag("--limits")),
            Requests = Resources(Flag("--requests")),
            Command = command ? afterDashes : [],
            Args = command ? [] : afterDashes,
            Start = match.Index,
            End = match.Index + end,
        };
    }

    // How many positional words the verb takes, kubectl included: "create deployment NAME", "create service TYPE NAME",
    // "create secret TYPE NAME", "run NAME", "expose TYPE NAME" or "expose TYPE/NAME".
    private static int PositionalCount(List<string> positional) => positional.ElementAtOrDefault(0)?.ToLowerInvariant() switch
    {
        "create" => positional.ElementAtOrDefault(1)?.ToLowerInvariant() is "service" or "svc" or "secret" ? 4 : 3,
        "run" => 2,
        "expose" => positional.ElementAtOrDefault(1)?.Contains('/') == true ? 2 : 3,
        _ => int.MaxValue,
    };

    // Where words[index] starts in the command line: each word is found after the one before it (quotes are dropped from words, so a quoted word is found inside its quotes).
    private static int Offset(string line, List<string> words, int index)
    {
        var cursor = 0;
        for (var i = 0; i <= index; i++)
        {
            var at = line.IndexOf(words[i], cursor, StringComparison.Ordinal);
            if (at < 0) continue;
            if (i == index) return at;
            cursor = at + words[i].Length;
        }
        return line.Length;
    }

    // "portal.example.org/*=portal:8080,tls=portal-tls": host and path, then the Service and its port, then an optional TLS Secret.
    private static (string? Host, string? Service, int? Port, string? Tls) IngressRule(string rule)
    {
        var parts = rule.Split(',');
        var tls = parts.Skip(1).FirstOrDefault(p => p.StartsWith("tls", StringComparison.Ordinal)) is { } t ? (t.IndexOf('=') is var e and > 0 ? t[(e + 1)..] : "") : null;
        if (parts[0].IndexOf('=') is not (var eq and > 0)) return (null, null, null, tls);
        var host = parts[0][..eq].Split('/')[0];
        var backend = parts[0][(eq + 1)..].Split(':');
        return (host.Length > 0 ? host : null, backend[0], backend.Length > 1 ? Number(backend[1]) : null, tls);
    }

    private static string? TypeOf(string? value) => value?.ToLowerInvariant() switch
    {
        "nodeport" => "NodePort",
        "loadbalancer" => "LoadBalancer",
        _ => null,
    };

    private static int? Number(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65536 ? n : null;

    // "cpu=500m,memory=2Gi", "app=api"
    private static Dictionary<string, string> Resources(string? value)
    {
        var result = new Dictionary<string, string>();
        foreach (var pair in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            if (pair.IndexOf('=') is var i and > 0) result[pair[..i].Trim()] = pair[(i + 1)..].Trim();
        return result;
    }
}
