namespace Collab.Copilot.Authoring.Understanding;

/// <summary>The Kubernetes kinds a request can ask the drafter for.</summary>
public enum ResourceKind
{
    /// <summary>apps/v1 Deployment.</summary>
    Deployment,
    /// <summary>apps/v1 StatefulSet.</summary>
    StatefulSet,
    /// <summary>batch/v1 Job.</summary>
    Job,
    /// <summary>batch/v1 CronJob.</summary>
    CronJob,
    /// <summary>v1 Service.</summary>
    Service,
    /// <summary>v1 PersistentVolumeClaim.</summary>
    PersistentVolumeClaim,
    /// <summary>v1 ConfigMap.</summary>
    ConfigMap,
    /// <summary>networking.k8s.io/v1 Ingress.</summary>
    Ingress,
    /// <summary>autoscaling/v2 HorizontalPodAutoscaler.</summary>
    HorizontalPodAutoscaler,
    /// <summary>networking.k8s.io/v1 NetworkPolicy.</summary>
    NetworkPolicy,
    /// <summary>v1 ResourceQuota.</summary>
    ResourceQuota,
    /// <summary>v1 LimitRange.</summary>
    LimitRange,
    /// <summary>v1 Secret.</summary>
    Secret,
    /// <summary>apps/v1 DaemonSet.</summary>
    DaemonSet,
    /// <summary>policy/v1 PodDisruptionBudget.</summary>
    PodDisruptionBudget,
    /// <summary>v1 ServiceAccount, drafted with the rbac.authorization.k8s.io/v1 Role and RoleBinding that grant it what the request states.</summary>
    ServiceAccount,
    /// <summary>rbac.authorization.k8s.io/v1 RoleBinding alone: a Role or ClusterRole that exists, given to a group, a ServiceAccount or a user.</summary>
    RoleBinding,
}
