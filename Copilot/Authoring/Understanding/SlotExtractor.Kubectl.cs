using System.Globalization;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A request that pastes a kubectl create/run/expose command line: the words around it, then what the command states.</summary>
public static partial class SlotExtractor
{
    /// <summary>
    /// The words around the command are read like any request (they may name the kind, a nodePort, a queue);
    /// the command's own values (name, image, replicas, ports, schedule, env, limits, command) are put over them.
    /// </summary>
    private static RequestSlots FromKubectl(string request, KubectlCommand command)
    {
        var words = Extract(request[..command.Start] + "\n" + request[command.End..]);
        // "kubectl run … — I want it as a deployment": run makes a bare Pod, so the words' kind decides.
        var kind = command.Kind != ResourceKind.Service && words.KindStated && words.Kind is ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.Job or ResourceKind.CronJob or ResourceKind.DaemonSet
            ? words.Kind : command.Kind;
        var env = new Dictionary<string, string>(words.Env);
        foreach (var (k, v) in command.Env) env[k] = v;
        // A ConfigMap's literals are its data (the drafter keeps them as env-like pairs); a Secret's are its keys, values left to fill in.
        if (command.Kind == ResourceKind.ConfigMap) foreach (var (k, v) in command.Literals) env[k] = v;
        // A quota's hard limits are its CPU, memory, pods and GPUs ("requests.cpu" and "cpu" alike).
        string? Hard(string resource) => command.Hard.GetValueOrDefault(resource) ?? command.Hard.GetValueOrDefault("requests." + resource) ?? command.Hard.GetValueOrDefault("limits." + resource);
        var gpus = (command.Limits.GetValueOrDefault("nvidia.com/gpu") ?? Hard("nvidia.com/gpu")) is { } g && int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var service = kind == ResourceKind.Service;
        var serves = kind is ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.DaemonSet;
        return words with
        {
            Kind = kind,
            KindStated = true,
            Name = command.Name is { } name ? ResourceNameOf(name) : words.Name,
            Namespace = command.Namespace ?? words.Namespace,
            Image = command.Image ?? words.Image,
            ImageWord = command.Image is null ? words.ImageWord : null,
            Replicas = command.Replicas ?? words.Replicas,
            ContainerPorts = command.ContainerPorts.Concat(words.ContainerPorts).Distinct().ToList(),
            ServicePort = command.ServicePort ?? words.ServicePort,
            NodePort = command.NodePort ?? words.NodePort,
            ServiceType = command.ServiceType ?? words.ServiceType,
            // "kubectl create deployment … and a service too": a Service or Ingress the words name goes with the command's workload.
            WantsService = !service && (words.WantsService || serves && words.KindStated && words.Kind is ResourceKind.Service or ResourceKind.Ingress),
            WantsIngress = words.WantsIngress || serves && words.KindStated && words.Kind == ResourceKind.Ingress,
            Schedule = command.Schedule ?? words.Schedule,
            Env = env,
            Cpu = command.Limits.GetValueOrDefault("cpu") ?? Hard("cpu") ?? words.Cpu,
            Memory = command.Limits.GetValueOrDefault("memory") ?? Hard("memory") ?? words.Memory,
            PodCount = int.TryParse(Hard("pods"), NumberStyles.None, CultureInfo.InvariantCulture, out var pods) ? pods : words.PodCount,
            Disruption = command.Disruption ?? words.Disruption,
            CpuRequest = command.Requests.GetValueOrDefault("cpu") ?? words.CpuRequest,
            MemoryRequest = command.Requests.GetValueOrDefault("memory") ?? words.MemoryRequest,
            Gpu = gpus is { } count ? new GpuSlot(count, null, false, true, words.Gpu?.Model) : words.Gpu,
            Command = command.Command.Count > 0 ? command.Command : command.Args.Count > 0 ? [] : words.Command,
            Args = command.Args,
            BarePod = command.BarePod && kind == ResourceKind.Deployment && !words.KindStated,
            SecretKeys = command.Kind == ResourceKind.Secret ? [.. words.SecretKeys.Union(command.SecretKeys)] : words.SecretKeys,
            // An account created alone gets the default Role, which the answer names as an assumption.
            Binding = command.Binding ?? words.Binding,
            Access = command.Access ?? words.Access ?? (kind == ResourceKind.ServiceAccount ? new AccessSlot([], []) : null),
            Host = command.Host ?? words.Host,
            BackendService = command.BackendService ?? words.BackendService,
            TlsSecret = command.TlsSecret ?? words.TlsSecret,
            IngressClass = command.IngressClass ?? words.IngressClass,
        };
    }
}
