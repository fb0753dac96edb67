using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Checks a pod spec against the Pod Security Standards <em>restricted</em> profile.</summary>
internal sealed class PodSecurityChecker(IssueSink sink)
{
    private static readonly HashSet<string> AllowedVolumeSources =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    public void Check(YamlMappingNode pod, string path)
    {
        var podContext = pod.Map("securityContext");
        var podContextPath = SchemaBinder.Join(path, "securityContext");
        var containers = PodContainers.Of(pod, path);

        CheckRunAsNonRoot(pod, podContext, podContextPath, containers);
        CheckRunAsUser(podContext, podContextPath, containers);
        CheckSeccomp(pod, podContext, podContextPath, containers);
        foreach (var c in containers) CheckContainer(c);
        CheckHostNamespaces(pod, path);
        CheckVolumes(pod, path);
    }

    private void CheckRunAsNonRoot(YamlMappingNode pod, YamlMappingNode? podContext, string podContextPath, IReadOnlyList<PodContainers.Container> containers)
    {
        var podTrue = podContext.IsTrue("runAsNonRoot");
        foreach (var c in containers)
        {
            var sc = c.Node.Map("securityContext");
            if (sc.IsFalse("runAsNonRoot"))
            {
                sink.Add(FindingSeverity.Error, ManifestRules.RunAsNonRoot, c.Path + ".securityContext.runAsNonRoot", sc!.Get("runAsNonRoot"),
                    $"Container \"{c.Name}\" sets runAsNonRoot: false; the restricted profile requires non-root.",
                    "Set runAsNonRoot: true and run the image as a non-zero UID.",
                    () => sc!.Set("runAsNonRoot", "true"), $"set runAsNonRoot: true on container \"{c.Name}\"");
            }
            else if (!podTrue && !sc.IsTrue("runAsNonRoot"))
            {
                sink.Add(FindingSeverity.Error, ManifestRules.RunAsNonRoot, podContextPath + ".runAsNonRoot", podContext ?? (YamlNode)pod,
                    $"runAsNonRoot is not set to true for container \"{c.Name}\" (pod or container securityContext).",
                    "Set spec securityContext.runAsNonRoot: true (and runAsUser to a non-zero UID if the image's USER is root).",
                    () => SetPodRunAsNonRoot(pod, containers), "set runAsNonRoot: true in the pod securityContext");
                return;
            }
        }
    }

    private static void SetPodRunAsNonRoot(YamlMappingNode pod, IReadOnlyList<PodContainers.Container> containers)
    {
        pod.EnsureMap("securityContext").Set("runAsNonRoot", "true");
        // Images known to start as root but to support a fixed service UID get that UID, so the pod still starts.
        foreach (var c in containers)
        {
            if (c.Node.Str("image") is not { } image || KnownImages.Find(image)?.RunAsUser is not { } uid) continue;
            var sc = c.Node.EnsureMap("securityContext");
            if (sc.Get("runAsUser") is null) sc.Set("runAsUser", uid.ToString());
        }
    }

    private void CheckRunAsUser(YamlMappingNode? podContext, string podContextPath, IReadOnlyList<PodContainers.Container> containers)
    {
        if (podContext?.Str("runAsUser") == "0")
            sink.Add(FindingSeverity.Error, ManifestRules.RunAsRoot, podContextPath + ".runAsUser", podContext.Get("runAsUser"),
                "runAsUser: 0 runs every container as root.", "Use a non-zero UID such as 1000.",
                () => podContext.Set("runAsUser", "1000"), "set the pod runAsUser to 1000");
        foreach (var c in containers)
        {
            var sc = c.Node.Map("securityContext");
            if (sc?.Str("runAsUser") != "0") continue;
            sink.Add(FindingSeverity.Error, ManifestRules.RunAsRoot, c.Path + ".securityContext.runAsUser", sc.Get("runAsUser"),
                $"Container \"{c.Name}\" runs as root (runAsUser: 0).", "Use a non-zero UID such as 1000.",
                () => sc.Set("runAsUser", "1000"), $"set runAsUser: 1000 on container \"{c.Name}\"");
        }
    }

    private void CheckSeccomp(YamlMappingNode pod, YamlMappingNode? podContext, string podContextPath, IReadOnlyList<PodContainers.Container> containers)
    {
        var podType = podContext?.Map("seccompProfile")?.Str("type");
        var podOk = podType is "RuntimeDefault" or "Localhost";
        foreach (var c in containers)
        {
            var type = c.Node.Map("securityContext")?.Map("seccompProfile")?.Str("type");
            var ok = type is "RuntimeDefault" or "Localhost" || (type is null && podOk);
            if (ok) continue;
            sink.Add(FindingSeverity.Error, ManifestRules.Seccomp, type is null ? podContextPath + ".seccompProfile" : c.Path + ".securityContext.seccompProfile",
                podContext ?? (YamlNode)pod,
                type is null ? "No seccompProfile is set; the restricted profile requires RuntimeDefault or Localhost." : $"Container \"{c.Name}\" uses seccompProfile {type}.",
                "Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec.",
                () =>
                {
                    pod.EnsureMap("securityContext").EnsureMap("seccompProfile").Set("type", "RuntimeDefault");
                    foreach (var each in containers) each.Node.Map("securityContext")?.Remove("seccompProfile");
                }, "set seccompProfile RuntimeDefault on the pod");
            return;
        }
    }

    private void CheckContainer(PodContainers.Container c)
    {
        var sc = c.Node.Map("securityContext");
        var scPath = c.Path + ".securityContext";
        if (!sc.IsFalse("allowPrivilegeEscalation"))
            sink.Add(FindingSeverity.Error, ManifestRules.PrivilegeEscalation, scPath + ".allowPrivilegeEscalation", sc ?? (YamlNode)c.Node,
                $"Container \"{c.Name}\" does not set allowPrivilegeEscalation: false.",
                $"Set {scPath}.allowPrivilegeEscalation: false.",
                () => c.Node.EnsureMap("securityContext").Set("allowPrivilegeEscalation", "false"), $"set allowPrivilegeEscalation: false on \"{c.Name}\"");

        var caps = sc?.Map("capabilities");
        var drop = caps?.Seq("drop")?.Children.OfType<YamlScalarNode>().Select(s => s.Value).ToList() ?? [];
        if (!drop.Contains("ALL"))
            sink.Add(FindingSeverity.Error, ManifestRules.DropCapabilities, scPath + ".capabilities.drop", caps ?? sc ?? (YamlNode)c.Node,
                $"Container \"{c.Name}\" does not drop ALL capabilities.",
                $"Set {scPath}.capabilities.drop: [\"ALL\"].",
                () => c.Node.EnsureMap("securityContext").EnsureMap("capabilities").Set("drop", new YamlSequenceNode(new YamlScalarNode("ALL"))),
                $"dropped ALL capabilities on \"{c.Name}\"");

        var added = caps?.Seq("add")?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList() ?? [];
        var extra = added.Where(a => a != "NET_BIND_SERVICE").ToList();
        if (extra.Count > 0)
            sink.Add(FindingSeverity.Error, ManifestRules.AddedCapabilities, scPath + ".capabilities.add", caps!.Get("add"),
                $"Container \"{c.Name}\" adds capabilities {string.Join(", ", extra)}; only NET_BIND_SERVICE is allowed.",
                "Remove them from capabilities.add.",
                () =>
                {
                    var keep = added.Where(a => a == "NET_BIND_SERVICE").ToList();
                    if (keep.Count == 0) caps!.Remove("add");
                    else caps!.Set("add", new YamlSequenceNode(keep.Select(k => (YamlNode)new YamlScalarNode(k))));
                }, $"removed added capabilities {string.Join(", ", extra)} on \"{c.Name}\"");

        if (sc.IsTrue("privileged"))
            sink.Add(FindingSeverity.Error, ManifestRules.Privileged, scPath + ".privileged", sc!.Get("privileged"),
                $"Container \"{c.Name}\" is privileged (full access to the node).", "Remove privileged: true.",
                () => sc!.Remove("privileged"), $"removed privileged on \"{c.Name}\"");

        var ports = c.Node.Seq("ports")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.Get("hostPort") is not { } hostPort) continue;
            sink.Add(FindingSeverity.Error, ManifestRules.HostPort, $"{c.Path}.ports[{i}].hostPort", hostPort,
                $"Container \"{c.Name}\" binds a host port.", "Remove hostPort and expose the port through a Service.",
                () => port.Remove("hostPort"), $"removed hostPort on \"{c.Name}\"");
        }
    }

    private void CheckHostNamespaces(YamlMappingNode pod, string path)
    {
        foreach (var key in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (!pod.IsTrue(key)) continue;
            sink.Add(FindingSeverity.Error, ManifestRules.HostNamespaces, SchemaBinder.Join(path, key), pod.Get(key),
                $"{key}: true shares the node's namespace with the pod.", $"Remove {key}.",
                () => pod.Remove(key), $"removed {key}");
        }
    }

    private void CheckVolumes(YamlMappingNode pod, string path)
    {
        var volumes = pod.Seq("volumes")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i];
            var vPath = $"{SchemaBinder.Join(path, "volumes")}[{i}]";
            if (volume.Get("hostPath") is { } hostPath)
            {
                sink.Add(FindingSeverity.Error, ManifestRules.HostPath, vPath + ".hostPath", hostPath,
                    $"Volume \"{volume.Str("name")}\" mounts a path from the node (hostPath).",
                    "Use a PersistentVolumeClaim for data that must persist, or emptyDir for scratch space.",
                    () => { volume.Remove("hostPath"); volume.Set("emptyDir", new YamlMappingNode()); },
                    $"replaced hostPath volume \"{volume.Str("name")}\" with emptyDir (data no longer persists; use a PVC if it must)");
                continue;
            }
            var source = volume.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).FirstOrDefault(k => k != "name");
            if (source is not null && !AllowedVolumeSources.Contains(source))
                sink.Add(FindingSeverity.Error, ManifestRules.VolumeType, $"{vPath}.{source}", volume.Get(source),
                    $"Volume type \"{source}\" is not allowed by the restricted profile.",
                    "Use a PersistentVolumeClaim (with a StorageClass for that storage) instead.");
        }
    }
}
