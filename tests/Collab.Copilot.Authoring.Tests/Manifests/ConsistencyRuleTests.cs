using Collab.Copilot.Authoring.Manifests;

namespace Collab.Copilot.Authoring.Tests.Manifests;

/// <summary>
/// The set K rules that compare parts of a paste (probe and Service ports, limits and requests, env names,
/// Service selectors, claims and storage classes) stay quiet where nothing disagrees, and their fixes validate.
/// </summary>
public sealed class ConsistencyRuleTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: registry.lab/web:1.0
        {0}
        """;

    private static IEnumerable<string> Rules(string yaml) => ManifestValidator.Validate(yaml).Findings.Select(f => f.RuleId);

    [Fact]
    public void A_probe_port_is_judged_only_against_ports_the_container_declares()
    {
        var undeclared = string.Format(Deployment, "        readinessProbe:\n          tcpSocket:\n            port: 8000");
        Assert.DoesNotContain(ManifestRules.ProbePort, Rules(undeclared));
        var declared = string.Format(Deployment, "        ports:\n        - containerPort: 8000\n        readinessProbe:\n          tcpSocket:\n            port: 8000");
        Assert.DoesNotContain(ManifestRules.ProbePort, Rules(declared));
        var wrong = string.Format(Deployment, "        ports:\n        - containerPort: 8080\n        readinessProbe:\n          tcpSocket:\n            port: 8000");
        Assert.Contains(ManifestRules.ProbePort, Rules(wrong));
        Assert.DoesNotContain(ManifestRules.ProbePort, Rules(ManifestFixer.Fix(wrong).FixedYaml));
    }

    [Fact]
    public void Limits_are_compared_with_requests_as_quantities()
    {
        var equal = string.Format(Deployment, "        resources:\n          requests: {memory: 1024Mi, cpu: 500m}\n          limits: {memory: 1Gi, cpu: \"0.5\"}");
        Assert.DoesNotContain(ManifestRules.LimitBelowRequest, Rules(equal));
        var below = string.Format(Deployment, "        resources:\n          requests: {memory: 2Gi, cpu: 500m}\n          limits: {memory: 1Gi, cpu: \"1\"}");
        Assert.Single(Rules(below), ManifestRules.LimitBelowRequest);
        Assert.DoesNotContain(ManifestRules.LimitBelowRequest, Rules(ManifestFixer.Fix(below).FixedYaml));
    }

    [Fact]
    public void A_service_alone_or_matching_its_pods_is_not_judged()
    {
        const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: other\n  ports:\n  - port: 80\n    targetPort: 9999\n";
        Assert.DoesNotContain(ManifestRules.ServiceSelector, Rules(service));
        var matching = string.Format(Deployment, "        ports:\n        - containerPort: 8080\n          name: http") + "\n" +
                       "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: http\n";
        Assert.DoesNotContain(ManifestRules.ServiceSelector, Rules(matching));
        Assert.DoesNotContain(ManifestRules.ServiceTargetPort, Rules(matching));
        var wrongPort = matching.Replace("targetPort: http", "targetPort: 8000");
        Assert.Contains(ManifestRules.ServiceTargetPort, Rules(wrongPort));
        Assert.DoesNotContain(ManifestRules.ServiceTargetPort, Rules(ManifestFixer.Fix(wrongPort).FixedYaml));
    }

    [Theory]
    [InlineData("gp3", true)]
    [InlineData("rook-ceph-block", true)]
    [InlineData("standard-rwo", true)]
    [InlineData("local-path", true)]
    [InlineData("rook-cephfs", false)]
    [InlineData("efs-sc", false)]
    [InlineData("azurefile-csi-premium", false)]
    [InlineData("nfs-client", false)]
    [InlineData("longhorn", false)]
    public void Read_write_many_is_refused_only_on_block_storage(string storageClass, bool block)
    {
        var claim = $"apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteMany]\n  storageClassName: {storageClass}\n  resources:\n    requests:\n      storage: 10Gi\n";
        Assert.Equal(block, Rules(claim).Contains(ManifestRules.RwxOnBlockStorage));
        Assert.DoesNotContain(ManifestRules.RwxOnBlockStorage, Rules(claim.Replace("ReadWriteMany", "ReadWriteOnce")));
    }
}
