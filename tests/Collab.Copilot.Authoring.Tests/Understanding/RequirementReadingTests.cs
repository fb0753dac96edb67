using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>Requirements written as people write them: lists, units as typed, requests apart from limits, kinds by their API names.</summary>
public sealed class RequirementReadingTests
{
    [Fact]
    public void A_heading_above_a_requirement_list_does_not_decide_the_kind()
    {
        var slots = SlotExtractor.Extract("requirements for our web service:\n- deployment, name web\n- port 8080");

        Assert.Equal(ResourceKind.Deployment, slots.Kind);
        Assert.Equal("web", slots.Name);
    }

    [Fact]
    public void Requests_stated_apart_from_limits_are_kept_apart()
    {
        var slots = SlotExtractor.Extract("deployment, cpu 250m request and 0.5 cpu limit, memory request 1.5Gi, limit 3Gi, port 80");

        Assert.Equal("250m", slots.CpuRequest);
        Assert.Equal("0.5", slots.Cpu);
        Assert.Equal("1536Mi", slots.MemoryRequest);
        Assert.Equal("3Gi", slots.Memory);
    }

    [Theory]
    [InlineData("job with 500M of memory", "500M")]
    [InlineData("job mit 3.5Gi speicher", "3584Mi")]
    public void Memory_units_as_typed(string request, string memory) => Assert.Equal(memory, SlotExtractor.Extract(request).Memory);

    [Theory]
    [InlineData("pvc 40Gi on the ceph-block storage class", "ceph-block")]
    [InlineData("statefulset, 40Gi diska na longhorn", "longhorn")]
    [InlineData("pvc 40Gi, default storage class", null)]
    public void Storage_class_before_its_words_or_named_by_its_provisioner(string request, string? storageClass) =>
        Assert.Equal(storageClass, SlotExtractor.Extract(request).StorageClass);

    [Fact]
    public void Numbers_listed_after_a_port_word_are_ports_but_sizes_and_counts_are_not()
    {
        Assert.Equal([8000, 8001, 8002], SlotExtractor.Extract("deployment, ports 8000 http 8001 grpc 8002 metrics").ContainerPorts);
        Assert.Equal([3000], SlotExtractor.Extract("deployment on port 3000, 64 cpus").ContainerPorts);
    }

    [Fact]
    public void A_mount_path_does_not_take_the_full_stop_after_it()
    {
        var slots = SlotExtractor.Extract("job, pvc datasets should be in /data.");

        Assert.Equal("/data", Assert.Single(slots.Claims).MountPath);
    }

    [Fact]
    public void A_disruption_budget_reads_its_bound_and_the_workload_it_protects()
    {
        var named = SlotExtractor.Extract("pdb pro statefulset etcd, maxUnavailable 1");
        Assert.Equal(ResourceKind.PodDisruptionBudget, named.Kind);
        Assert.Equal("1", named.Disruption!.MaxUnavailable);
        Assert.Null(named.Disruption.MinAvailable);
        Assert.Equal("etcd", named.Disruption.Target);

        var labelled = SlotExtractor.Extract("need a pdb for the api deployment (label app=api) keeping at least 2 pods up").Disruption!;
        Assert.Equal("2", labelled.MinAvailable);
        Assert.Equal("api", labelled.Labels["app"]);
    }

    [Fact]
    public void A_service_account_request_grants_the_resources_and_verbs_it_names()
    {
        var slots = SlotExtractor.Extract("ServiceAccount deployer mit Role und RoleBinding: darf deployments im namespace team-a anlegen, ändern und löschen");

        Assert.Equal(ResourceKind.ServiceAccount, slots.Kind);
        Assert.Equal("deployer", slots.Name);
        Assert.Equal(["deployments"], slots.Access!.Resources);
        Assert.Equal(["create", "update", "patch", "delete"], slots.Access.Verbs);
    }

    [Fact]
    public void Reading_pod_logs_grants_the_log_subresource()
    {
        var access = SlotExtractor.Extract("serviceaccount ci that can read pods and their logs").Access!;

        Assert.Equal(["pods", "pods/log"], access.Resources);
        Assert.Equal(["get", "list", "watch"], access.Verbs);
    }

    [Fact]
    public void A_configmap_from_a_pasted_file_holds_the_file_under_its_name()
    {
        var slots = SlotExtractor.Extract("configmap app-settings from this settings.ini:\n[db]\nhost = pgdb\nport = 5432");

        Assert.Equal(ResourceKind.ConfigMap, slots.Kind);
        Assert.Equal("app-settings", slots.Name);
        Assert.Equal("[db]\nhost = pgdb\nport = 5432\n", slots.Files["settings.ini"]);
    }

    [Fact]
    public void A_daemonset_on_gpu_nodes_asks_for_no_gpu()
    {
        var slots = SlotExtractor.Extract("daemonset for an exporter on the gpu nodes, image ghcr.io/x/exporter:1.0, port 9400");

        Assert.Equal(ResourceKind.DaemonSet, slots.Kind);
        Assert.Null(slots.Gpu);
        Assert.True(slots.GpuNodes);
    }

    [Theory]
    [InlineData("can you bump it to 3 replicas?", 3)]
    [InlineData("könnt ihr das auf 3 replikas anpassen?", 3)]
    [InlineData("is 3 replicas enough?", null)]
    public void A_question_that_asks_someone_to_act_states_a_change(string request, int? replicas) =>
        Assert.Equal(replicas, SlotExtractor.ExtractChange(request).Replicas);

    [Fact]
    public void The_schedule_of_the_clause_that_changes_it_wins_over_the_one_describing_the_paste()
    {
        var slots = SlotExtractor.ExtractChange("it runs every hour which is useless, make it daily at 3");

        Assert.Equal("0 3 * * *", slots.Schedule);
    }

    [Theory]
    [InlineData("stavi limit na 6Gi, a request na 3Gi. ostalo ne diraj", "6Gi", "3Gi")]
    [InlineData("Dej ho prosím jen jednou denně ve 3 ráno a limit paměti sniž na 256Mi.", "256Mi", null)]
    public void A_change_sets_the_limit_and_the_request_it_names(string request, string? memory, string? memoryRequest)
    {
        var slots = SlotExtractor.ExtractChange(request);

        Assert.Equal(memory, slots.Memory);
        Assert.Equal(memoryRequest, slots.MemoryRequest);
    }
}
