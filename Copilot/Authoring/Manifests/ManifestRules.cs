namespace Collab.Copilot.Authoring.Manifests;

/// <summary>The manifest rule ids, stable so tests, docs and the model can refer to them.</summary>
public static class ManifestRules
{
    /// <summary>The text is not valid YAML.</summary>
    public const string YamlSyntax = "yaml-syntax";
    /// <summary>apiVersion or kind missing.</summary>
    public const string MissingTypeInfo = "k8s-missing-type";
    /// <summary>apiVersion/kind pair the Kubernetes models do not know.</summary>
    public const string UnknownKind = "k8s-unknown-kind";
    /// <summary>A known kind under a wrong or removed apiVersion.</summary>
    public const string ApiVersion = "k8s-api-version";
    /// <summary>A field the model does not have (often misspelled).</summary>
    public const string UnknownField = "k8s-unknown-field";
    /// <summary>A value of the wrong type for its field.</summary>
    public const string WrongType = "k8s-wrong-type";
    /// <summary>A resource quantity that does not parse (e.g. "1GB").</summary>
    public const string InvalidQuantity = "k8s-invalid-quantity";
    /// <summary>A required field is missing.</summary>
    public const string RequiredField = "k8s-required-field";
    /// <summary>A workload's selector does not match its pod template labels.</summary>
    public const string SelectorMismatch = "k8s-selector-mismatch";
    /// <summary>A Job pod template with restartPolicy other than Never/OnFailure.</summary>
    public const string JobRestartPolicy = "k8s-job-restart-policy";
    /// <summary>runAsNonRoot not true.</summary>
    public const string RunAsNonRoot = "pss-run-as-non-root";
    /// <summary>runAsUser 0.</summary>
    public const string RunAsRoot = "pss-run-as-user-root";
    /// <summary>allowPrivilegeEscalation not false.</summary>
    public const string PrivilegeEscalation = "pss-allow-privilege-escalation";
    /// <summary>capabilities.drop does not contain ALL.</summary>
    public const string DropCapabilities = "pss-capabilities-drop-all";
    /// <summary>capabilities.add beyond NET_BIND_SERVICE.</summary>
    public const string AddedCapabilities = "pss-capabilities-add";
    /// <summary>seccompProfile not RuntimeDefault/Localhost.</summary>
    public const string Seccomp = "pss-seccomp-profile";
    /// <summary>privileged: true.</summary>
    public const string Privileged = "pss-privileged";
    /// <summary>hostNetwork, hostPID or hostIPC.</summary>
    public const string HostNamespaces = "pss-host-namespaces";
    /// <summary>hostPath volume.</summary>
    public const string HostPath = "pss-host-path";
    /// <summary>hostPort on a container port.</summary>
    public const string HostPort = "pss-host-port";
    /// <summary>A volume type the restricted profile does not allow.</summary>
    public const string VolumeType = "pss-volume-type";
    /// <summary>cpu/memory requests missing.</summary>
    public const string RequestsMissing = "res-requests-missing";
    /// <summary>cpu/memory limits missing.</summary>
    public const string LimitsMissing = "res-limits-missing";
    /// <summary>GPU (nvidia.com/gpu, nvidia.com/mig-*) limits differ from requests or are missing.</summary>
    public const string GpuLimits = "gpu-limits-equal-requests";
    /// <summary>An image with the :latest tag.</summary>
    public const string LatestTag = "img-latest-tag";
    /// <summary>An image with no tag or digest.</summary>
    public const string Untagged = "img-untagged";
    /// <summary>A long-running container without a readiness probe.</summary>
    public const string ReadinessProbe = "probe-readiness-missing";
    /// <summary>A long-running container without a liveness probe.</summary>
    public const string LivenessProbe = "probe-liveness-missing";
    /// <summary>A GPU Job without the kueue.x-k8s.io/queue-name label.</summary>
    public const string KueueQueueLabel = "kueue-queue-label-missing";
    /// <summary>A CronJob schedule that is not a valid five-field cron expression or macro.</summary>
    public const string CronSchedule = "cron-schedule-invalid";
    /// <summary>A port name that is not a valid IANA service name, or a probe naming a port the container does not declare.</summary>
    public const string PortName = "k8s-port-name";
    /// <summary>A Kueue-managed Job that is not created suspended.</summary>
    public const string KueueSuspend = "kueue-suspend";
    /// <summary>A probe checks a port number its container does not declare.</summary>
    public const string ProbePort = "probe-port-not-declared";
    /// <summary>A cpu or memory limit below its request.</summary>
    public const string LimitBelowRequest = "res-limit-below-request";
    /// <summary>An env name set more than once in one container.</summary>
    public const string DuplicateEnv = "k8s-duplicate-env";
    /// <summary>A Service whose selector matches no pod template in the paste.</summary>
    public const string ServiceSelector = "svc-selector-no-pods";
    /// <summary>A Service targetPort that the selected containers do not declare.</summary>
    public const string ServiceTargetPort = "svc-target-port-not-declared";
    /// <summary>A ReadWriteMany claim on a storage class that serves block volumes (one node at a time).</summary>
    public const string RwxOnBlockStorage = "pvc-rwx-block-storage";
    /// <summary>A liveness probe without a startupProbe that restarts the container within 30 s of its start.</summary>
    public const string LivenessNoGrace = "probe-liveness-no-grace";
    /// <summary>A memory-backed emptyDir whose sizeLimit exceeds the memory limit of a container mounting it.</summary>
    public const string MemoryEmptyDirOverLimit = "vol-memory-emptydir-over-limit";
}
