using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>Kinds the drafter does not draft are recognised by the Kubernetes kind vocabulary and named, never replaced silently.</summary>
public sealed class UndraftableKindsTests
{
    [Theory]
    [InlineData("need a clusterrole for the monitoring account", "ClusterRole")]
    [InlineData("trebam persistent volume na NFS serveru", "PersistentVolume")]
    [InlineData("eine StorageClass für nfs bitte", "StorageClass")]
    [InlineData("kserve InferenceService pro sklearn model", "InferenceService")]
    [InlineData("una ClusterQueue di kueue con 8 gpu", "ClusterQueue")]
    public void The_first_kind_asked_is_named_when_it_cannot_be_drafted(string text, string kind) =>
        Assert.Equal(kind, UndraftableKinds.Asked(text)?.Kind);

    [Theory]
    [InlineData("pvc 50Gi, persistent volume claim named data")]
    [InlineData("pvc 50Gi on storageclass nfs-client")]
    [InlineData("deployment api with 3 replicas and a service")]
    [InlineData("multi node training, pytorchjob style, 4 nodes")]
    [InlineData("deployment on a runtime class nvidia")]
    public void Drafted_kinds_and_class_fields_are_not_taken_for_undraftable_kinds(string text) => Assert.Null(UndraftableKinds.Asked(text));

    [Fact]
    public void The_draft_checker_names_the_kind_and_the_rest_of_the_request_is_still_drafted()
    {
        var slots = SlotExtractor.Extract("a clusterrole so our service account ci-runner can list pods");
        Assert.Equal("ClusterRole", slots.NotDrafted);
        Assert.Equal(ResourceKind.ServiceAccount, slots.Kind);

        var draft = ManifestDrafter.Draft("a clusterrole so our service account ci-runner can list pods");
        Assert.Contains(DraftChecker.Check(slots, draft.Yaml), u => u.Slot == "kind" && u.Stated == "ClusterRole");
    }
}
