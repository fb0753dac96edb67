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
    [Theory]
    [InlineData("pvc jménem data, padesát giga", "50Gi")]
    [InlineData("pvc of fifty gigs for the cache", "50Gi")]
    [InlineData("pvc da venti giga per i log", "20Gi")]
    public void Sizes_written_with_number_words_are_read(string request, string size) => Assert.Equal(size, SlotExtractor.Extract(request).StorageSize);

    [Fact]
    public void Bounds_and_counts_after_their_noun_may_be_number_words()
    {
        var scaling = SlotExtractor.Extract("hpa for deployment web, min two max ten pods at 70% cpu").Autoscaling!;
        Assert.Equal((2, 10), (scaling.Min, scaling.Max));
        Assert.Equal(4, SlotExtractor.ExtractChange("porta le repliche a quattro").Replicas);
        Assert.Equal(5, SlotExtractor.ExtractChange("setz die replicas auf fünf").Replicas);
    }

    [Theory]
    [InlineData("deployment web, 1000 millicores and 2Gi", "1000m")]
    [InlineData("deployment web amb mig nucli de cpu", "500m")]
    [InlineData("canvis:\n- límit de cpu 250m", "250m")]
    public void Cpu_is_read_in_millicores_halves_and_right_after_its_word(string request, string cpu)
    {
        var slots = SlotExtractor.Extract(request);
        Assert.Equal(cpu, slots.Cpu);
        Assert.Null(slots.Gpu);
    }

    [Fact]
    public void A_question_mark_before_the_next_sentence_still_makes_a_question()
    {
        var slots = SlotExtractor.ExtractChange("does this cronjob run every night at 3? the timing looks wrong to me");
        Assert.Null(slots.Schedule);
    }

    [Fact]
    public void A_cronjob_keeps_its_stated_concurrency_policy_and_history()
    {
        var slots = SlotExtractor.Extract("cronjob every 15 minutes, concurrencyPolicy replace, keep the last 5 successful jobs");
        Assert.Equal("Replace", slots.ConcurrencyPolicy);
        Assert.Equal(5, slots.SuccessfulJobsHistoryLimit);
        Assert.Equal("dashboard", SlotExtractor.Extract("deployment \"dashboard\", image grafana/grafana:11.1.0").Name);
    }

    [Theory]
    // A number an amount's unit follows is not the hour; a chat timestamp is not a time asked for.
    [InlineData("cronjob every monday morning, image ghcr.io/x/dump:1.0, cap memory at 2 gigs", "0 6 * * 1")]
    [InlineData("[09:14] kim: nightly cronjob for the report please", "0 2 * * *")]
    [InlineData("every monday morning at 6 a cronjob, give it 2 gigs", "0 6 * * 1")]
    public void Schedules_ignore_amounts_and_chat_timestamps(string request, string cron) =>
        Assert.Equal(cron, SlotExtractor.Extract(request).Schedule);

    [Theory]
    [InlineData("reachable at http://notebooks.lab.example.org:8888, deployment, image quay.io/jupyter/scipy-notebook:2024-10-07", "notebooks.lab.example.org", 8888)]
    [InlineData("deployment ghcr.io/x/api:2.0 raggiungibile su https://api.ml.example.it, ascolta sulla 5000", "api.ml.example.it", 5000)]
    public void A_public_address_is_an_ingress_host(string request, string host, int port)
    {
        var slots = SlotExtractor.Extract(request);
        Assert.Equal((host, true, true), (slots.Host, slots.WantsIngress, slots.WantsService));
        Assert.Contains(port, slots.ContainerPorts);
    }

    [Fact]
    public void A_cluster_address_in_a_setting_is_not_an_ingress() =>
        Assert.False(SlotExtractor.Extract("deployment ghcr.io/x/worker:1.0 with env API_URL=http://api.default.svc:8080").WantsIngress);

    [Theory]
    [InlineData("minio: 4 replicas, 500GB per replica")]
    [InlineData("qdrant cluster, tri replike, 50 giga po replici")]
    [InlineData("4 istanze di minio, 1Ti ciascuna")]
    public void A_size_for_every_replica_makes_a_statefulset(string request) =>
        Assert.Equal(ResourceKind.StatefulSet, SlotExtractor.Extract(request).Kind);

    [Fact]
    public void A_hyphenated_word_after_the_kind_is_its_name() =>
        Assert.Equal("dask-worker", SlotExtractor.Extract("deployment dask-worker, 6 replik, image ghcr.io/dask/dask:2024.8.0").Name);

    [Theory]
    [InlineData("deployment za grafanu, između 1 i 3 replike, neka bude 2, port 3000", 2)]
    [InlineData("deployment web, 2-4 replicas, let's say 3.", 3)]
    [InlineData("deployment web, 2 to 8 replicas with autoscaling", 8)]
    public void A_number_chosen_inside_a_stated_range_is_the_count(string request, int replicas) =>
        Assert.Equal(replicas, SlotExtractor.Extract(request).Replicas);

    [Fact]
    public void The_end_of_an_image_tag_before_a_count_noun_is_no_count()
    {
        var slots = SlotExtractor.Extract("| Feld | Wert |\n|---|---|\n| Image | ghcr.io/ag/ocr:0.4 |\n| Replikas | 2 |\n| GPU | 1 |\nbitte als Deployment");

        Assert.Equal(2, slots.Replicas);
        Assert.Equal(1, SlotExtractor.Extract("deployment: name=vllm-api, image=vllm/vllm-openai:v0.5.3, gpu=1").Gpu?.Count);
    }

    [Fact]
    public void A_bullet_list_with_arrows_between_field_and_value_is_read_and_routed()
    {
        const string request = "• name → tagger\n• image → ghcr.io/nlp/tagger:1.2\n• replicas → 3\n• port → 9000";
        var slots = SlotExtractor.Extract(request);

        Assert.Equal(RequestIntent.ManifestDraft, RequestUnderstanding.Understand(request).Intent);
        Assert.Equal(("tagger", 3), (slots.Name, slots.Replicas));
        Assert.Equal([9000], slots.ContainerPorts);
    }

    [Fact]
    public void A_claim_named_after_its_word_takes_no_name_before_it_and_its_path_is_read_whole()
    {
        var slots = SlotExtractor.Extract("trebam PVC scratch 100Gi RWX i Job koji ga montira na /scratch, slika busybox:1.36");

        var claim = Assert.Single(slots.Claims);
        Assert.Equal(("scratch", "/scratch"), (claim.Name, claim.MountPath));
    }
}
