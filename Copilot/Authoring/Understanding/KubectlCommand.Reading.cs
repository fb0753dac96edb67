using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>What a kubectl command creates, read from its verb, its positional words and its flags.</summary>
public sealed partial record KubectlCommand
{
    private static KubectlCommand? Read(Match match)
    {
        var line = Split(match);
        var (positional, afterDashes, end) = (line.Positional, line.AfterDashes, line.End);
        string? Flag(params string[] names) => line.Flag(names);
        IEnumerable<string> All(string name) => line.All(name);

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
                    "rolebinding" => (ResourceKind.RoleBinding, positional.ElementAtOrDefault(2)),
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
        var binding = kind == ResourceKind.RoleBinding ? BindingOf(Flag("--clusterrole"), Flag("--role"), Flag("--serviceaccount"), Flag("--group"), Flag("--user")) : null;
        // A ServiceAccount needs nothing but its name; every other kind must state something to draft.
        if (name is null || kind != ResourceKind.ServiceAccount && image is null && containerPorts.Count == 0 && servicePort is null && secretKeys.Count == 0 && literals.Count == 0
            && host is null && disruption is null && hard.Count == 0 && binding is null) return null;

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
            Binding = binding,
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

    // "--clusterrole=edit --serviceaccount=argo:workflow": the role, then the first subject (a ServiceAccount is written namespace:name).
    private static BindingSlot? BindingOf(string? clusterRole, string? role, string? serviceAccount, string? group, string? user)
    {
        if ((clusterRole ?? role) is not { } roleName) return null;
        var roleKind = clusterRole is not null ? "ClusterRole" : "Role";
        if (serviceAccount is { } account)
            return account.Split(':') is [var ns, var name] ? new BindingSlot(roleKind, roleName, "ServiceAccount", name, ns) : new BindingSlot(roleKind, roleName, "ServiceAccount", account, null);
        if (group is not null) return new BindingSlot(roleKind, roleName, "Group", group, null);
        return user is not null ? new BindingSlot(roleKind, roleName, "User", user, null) : null;
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
