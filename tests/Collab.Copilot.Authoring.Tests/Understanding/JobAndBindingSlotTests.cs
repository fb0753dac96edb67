using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>A Job's run settings, a RoleBinding of a role that exists, node and object labels, taints: read from words or a kubectl line.</summary>
public sealed class JobAndBindingSlotTests
{
    [Fact]
    public void A_jobs_run_settings_are_read_by_their_field_names()
    {
        var slots = SlotExtractor.Extract("job with parallelism: 6, completions 30, backoffLimit 2, ttl 2h, image ghcr.io/lab/sweep:1.0");

        Assert.Equal(new JobRunSlot(6, 30, 2, 7200), slots.JobRun);
    }

    [Fact]
    public void Retries_and_removal_after_finishing_are_read_from_words()
    {
        var slots = SlotExtractor.Extract("a job that retries up to 4 times and deletes itself 30 minutes after it finishes, image ghcr.io/lab/etl:2.0");

        Assert.Equal(new JobRunSlot(null, null, 4, 1800), slots.JobRun);
    }

    [Fact]
    public void A_duration_the_job_works_on_is_not_when_it_is_removed()
    {
        var slots = SlotExtractor.Extract("cronjob that deletes files older than 7 days every night at 2, image busybox:1.36");

        Assert.Null(slots.JobRun);
    }

    [Fact]
    public void Stated_run_settings_are_drafted()
    {
        var draft = ManifestDrafter.Draft("job: parallelism 3, completions 9, backoffLimit 0, image ghcr.io/lab/render:1.2");

        Assert.Contains("parallelism: 3", draft.Yaml);
        Assert.Contains("completions: 9", draft.Yaml);
        Assert.Contains("backoffLimit: 0", draft.Yaml);
        Assert.DoesNotContain("completionMode", draft.Yaml);
        Assert.Empty(DraftChecker.Check(SlotExtractor.Extract("job: parallelism 3, completions 9, backoffLimit 0, image ghcr.io/lab/render:1.2"), draft.Yaml));
    }

    [Fact]
    public void A_role_and_a_subject_named_ask_for_a_role_binding_alone()
    {
        var slots = SlotExtractor.Extract("rolebinding giving the group physics the clusterrole view in namespace lab");

        Assert.Equal(ResourceKind.RoleBinding, slots.Kind);
        Assert.Equal(new BindingSlot("ClusterRole", "view", "Group", "physics", null), slots.Binding);
        Assert.Equal("lab", slots.Namespace);
        var draft = ManifestDrafter.Draft("rolebinding giving the group physics the clusterrole view in namespace lab");
        Assert.Contains("kind: RoleBinding", draft.Yaml);
        Assert.DoesNotContain("kind: ServiceAccount", draft.Yaml);
        Assert.Empty(DraftChecker.Check(slots, draft.Yaml));
    }

    [Theory]
    [InlineData("dej skupině fyzika roli view v namespace lab", "view")]
    [InlineData("daj grupi fizika ulogu deployer u namespaceu lab", "deployer")]
    public void Without_a_kind_word_a_role_and_a_subject_named_are_a_role_binding(string request, string role)
    {
        var slots = SlotExtractor.Extract(request);

        Assert.Equal(ResourceKind.RoleBinding, slots.Kind);
        Assert.Equal(role, slots.Binding?.Role);
        Assert.Equal("Group", slots.Binding?.SubjectKind);
        Assert.Equal("lab", slots.Namespace);
    }

    [Fact]
    public void Permissions_to_grant_still_draft_an_account_with_its_role()
    {
        var slots = SlotExtractor.Extract("serviceaccount reporter with a role that can read pods");

        Assert.Equal(ResourceKind.ServiceAccount, slots.Kind);
        Assert.Null(slots.Binding);
    }

    [Fact]
    public void Kubectl_create_rolebinding_gives_the_role_and_the_account_with_its_namespace()
    {
        var slots = SlotExtractor.Extract("kubectl create rolebinding ci --clusterrole=edit --serviceaccount=build:runner -n build");

        Assert.Equal(ResourceKind.RoleBinding, slots.Kind);
        Assert.Equal("ci", slots.Name);
        Assert.Equal(new BindingSlot("ClusterRole", "edit", "ServiceAccount", "runner", "build"), slots.Binding);
    }

    [Fact]
    public void Node_labels_are_the_node_selector_and_not_the_objects_labels()
    {
        var slots = SlotExtractor.Extract("deployment on nodes labelled pool=gpu-a100, label team=vision, image ghcr.io/lab/seg:1.0");

        Assert.Equal("gpu-a100", slots.NodeSelector["pool"]);
        Assert.Equal("vision", slots.Labels["team"]);
        Assert.False(slots.Labels.ContainsKey("pool"));
    }

    [Fact]
    public void A_taint_with_its_effect_is_a_toleration_to_add_and_not_an_image()
    {
        var slots = SlotExtractor.ExtractChange("the nodes are tainted dedicated.lab/ml:NoSchedule now, add the toleration");

        Assert.Equal("dedicated.lab/ml", Assert.Single(slots.Tolerations).Key);
        Assert.Null(slots.Image);
    }
}
