using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

public sealed class SlotReadingTests
{
    [Fact]
    public void With_a_NodePort_asked_a_number_in_the_node_port_range_is_the_node_port()
    {
        var slots = SlotExtractor.Extract("nodeport svc exposing 9000 on 30900");

        Assert.Equal("NodePort", slots.ServiceType);
        Assert.Equal(30900, slots.NodePort);
        Assert.Equal(9000, slots.ServicePort);
        Assert.DoesNotContain(30900, slots.ContainerPorts);
    }

    [Fact]
    public void A_claim_named_beside_the_word_pvc_is_read_as_one_to_mount_into_the_paste()
    {
        var slots = SlotExtractor.ExtractChange("add pvc datasets on /data to this");

        var claim = Assert.Single(slots.Claims);
        Assert.Equal(new ClaimSlot("datasets", "/data"), claim);
    }

    [Theory]
    [InlineData("is this fine for 3 replicas?", false)]
    [InlineData("can you set it to 3 replicas?", true)]
    [InlineData("3 replicas", true)]
    public void A_question_states_a_change_only_with_a_change_verb(string request, bool edits)
    {
        var slots = SlotExtractor.ExtractChange(request);

        Assert.Equal(edits ? 3 : null, slots.Replicas);
    }

    [Fact]
    public void Values_in_a_clause_that_takes_something_out_are_not_values_to_set()
    {
        var slots = SlotExtractor.ExtractChange("drop the gpu and the cpu limit, set 2 replicas");

        Assert.Null(slots.Gpu);
        Assert.Contains(Removal.Gpu, slots.Change.Removals);
        Assert.Contains(Removal.CpuLimit, slots.Change.Removals);
        Assert.Equal(2, slots.Replicas);
    }

    [Fact]
    public void A_rename_takes_the_first_name_like_word_after_the_rename_word_and_an_ordinal_counts_containers()
    {
        var slots = SlotExtractor.ExtractChange("rename the deployment to api-v2 and give the second container 2 gpus");

        Assert.Equal("api-v2", slots.Change.NewName);
        Assert.Equal(2, slots.Change.ContainerOrdinal);
        Assert.Equal(2, slots.Gpu?.Count);
    }

    [Fact]
    public void A_size_beside_shared_memory_is_the_shm_size_not_storage_or_memory()
    {
        var slots = SlotExtractor.Extract("job with 2 gpus, 32gi /dev/shm and 64gb ram");

        Assert.Equal("32Gi", slots.ShmSize);
        Assert.Equal("64Gi", slots.Memory);
        Assert.Null(slots.StorageSize);
    }

    [Fact]
    public void A_toleration_keeps_its_key_value_and_effect()
    {
        var slots = SlotExtractor.Extract("job on 1 gpu, toleration dedicated=ml:NoSchedule");

        Assert.Equal(new TolerationSlot("dedicated", "ml", "NoSchedule"), Assert.Single(slots.Tolerations));
    }

    [Theory]
    [InlineData("give the container 2 gpus", null)]
    [InlineData("set container 2 to 4 cpus", 2)]
    [InlineData("the #2 container gets 4 cpus", 2)]
    public void A_number_after_a_container_noun_is_its_position_only_when_it_counts_nothing(string request, int? position)
    {
        Assert.Equal(position, SlotExtractor.ExtractChange(request).Change.ContainerOrdinal);
    }

    [Fact]
    public void Without_is_not_a_removal_a_gpu_without_mig_adds_a_whole_gpu()
    {
        var slots = SlotExtractor.ExtractChange("add a gpu without mig");

        Assert.Equal(1, slots.Gpu?.Count);
        Assert.False(slots.Gpu?.WantsMig);
        Assert.Empty(slots.Change.Removals);
    }
}
