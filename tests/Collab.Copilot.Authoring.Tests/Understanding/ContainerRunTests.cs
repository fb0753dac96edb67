using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>A pasted <c>docker run</c> command or compose service, read flag by flag and key by key.</summary>
public sealed class ContainerRunTests
{
    [Fact]
    public void Docker_run_flags_are_read_by_meaning_and_what_follows_the_image_is_its_args()
    {
        var run = ContainerRun.Find("k8s version of `docker run -d --name api --gpus \"device=0,1\" --shm-size=8g -p 127.0.0.1:3000:8080 -e A=1 --env B=two -v models:/models -v ./cache:/cache:ro -m 1.5g --cpus 2 ghcr.io/x/api:1.2 --port 8080 --verbose` please")!;

        Assert.Equal("ghcr.io/x/api:1.2", run.Image);
        Assert.Equal("api", run.Name);
        Assert.Equal(2, run.Gpus);
        Assert.Equal("8Gi", run.ShmSize);
        Assert.Equal((3000, 8080), Assert.Single(run.Ports));
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "two" }, run.Env);
        Assert.Equal([new RunVolume("models", "/models", false), new RunVolume("./cache", "/cache", true)], run.Volumes);
        Assert.Equal("1536Mi", run.Memory);
        Assert.Equal("2", run.Cpu);
        Assert.Equal(["--port", "8080", "--verbose"], run.Args);
        Assert.False(run.RunsToCompletion);
    }

    [Fact]
    public void A_removed_foreground_run_is_work_that_completes_and_all_gpus_is_flagged()
    {
        var run = ContainerRun.Find("docker run --rm -it --gpus all \\\n  busybox:1.36 sh -c 'echo hi'")!;

        Assert.True(run.RunsToCompletion);
        Assert.True(run.AllGpus);
        Assert.Equal(["sh", "-c", "echo hi"], run.Args);
    }

    [Fact]
    public void A_compose_service_gives_ports_env_volumes_limits_gpus_and_its_command()
    {
        const string request = "convert this:\n```yaml\nservices:\n  db:\n    image: redis:7.2\n  web:\n    image: ghcr.io/x/web:2.0\n    command: [\"serve\", \"--workers\", \"4\"]\n" +
            "    ports:\n      - target: 8000\n        published: 80\n    environment:\n      MODE: prod\n    volumes:\n      - type: volume\n        source: data\n        target: /data\n" +
            "    mem_limit: 2g\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 2\n              capabilities: [gpu]\n```";

        var run = ContainerRun.Find(request)!;

        Assert.Equal("ghcr.io/x/web:2.0", run.Image);
        Assert.Equal("web", run.Name);
        Assert.Equal((80, 8000), Assert.Single(run.Ports));
        Assert.Equal("prod", run.Env["MODE"]);
        Assert.Equal(new RunVolume("data", "/data", false), Assert.Single(run.Volumes));
        Assert.Equal("2Gi", run.Memory);
        Assert.Equal("0.5", run.Cpu);
        Assert.Equal(2, run.Gpus);
        Assert.Equal(["serve", "--workers", "4"], run.Args);
        Assert.Equal(["db"], run.OtherServices);
        Assert.Equal(request.LastIndexOf("```", StringComparison.Ordinal), run.End);
    }

    [Fact]
    public void The_draft_of_a_pasted_run_keeps_every_value_and_names_what_it_changed()
    {
        var draft = ManifestDrafter.Draft("what is the kubernetes equivalent of: docker run -d -p 8000:8000 -v /srv/models:/models -e TOKEN_PATH=/t vllm/vllm-openai:v0.6.1 --model /models/m");

        Assert.True(draft.Validation.IsClean, string.Join("; ", draft.Validation.Findings));
        Assert.Contains("image: vllm/vllm-openai:v0.6.1", draft.Yaml);
        Assert.Contains("- --model", draft.Yaml);
        Assert.Contains("mountPath: /models", draft.Yaml);
        Assert.Contains("claimName: models", draft.Yaml);
        Assert.Contains("kind: Service", draft.Yaml);
        // The host directory became a claim, and the answer says so.
        Assert.Contains(draft.Assumptions, n => n.Key == "note.run-host-path");
    }

    [Fact]
    public void A_pasted_run_routes_to_drafting_unless_the_words_report_an_error()
    {
        Assert.Equal(RequestIntent.ManifestDraft, RequestUnderstanding.Understand("how would this look in k8s?\ndocker run -p 6379:6379 redis:7.2").Intent);
        Assert.NotEqual(RequestIntent.ManifestDraft, RequestUnderstanding.Understand("docker run -p 6379:6379 redis:7.2 fails with error: port is already allocated").Intent);
    }
    [Fact]
    public void Helm_chart_values_give_image_replicas_ports_resources_and_persistence()
    {
        const string request = "turn these values into a plain statefulset:\n```yaml\nreplicaCount: 2\nimage:\n  repository: qdrant/qdrant\n  tag: v1.10.1\n" +
                               "service:\n  type: NodePort\n  port: 80\n  targetPort: 6333\nresources:\n  limits:\n    memory: 4Gi\n  requests:\n    cpu: 500m\n" +
                               "persistence:\n  size: 50Gi\n  storageClass: ceph-block\nenv:\n  LOG: debug\n```";
        var run = ContainerRun.Find(request)!;

        Assert.Equal("qdrant/qdrant:v1.10.1", run.Image);
        Assert.Equal(2, run.Replicas);
        Assert.Equal((80, 6333), Assert.Single(run.Ports));
        Assert.Equal("4Gi", run.Memory);
        Assert.Equal("500m", run.CpuRequest);
        Assert.Equal("50Gi", run.StorageSize);
        Assert.Equal("ceph-block", run.StorageClass);
        Assert.Equal("NodePort", run.ServiceType);
        Assert.Equal("debug", run.Env["LOG"]);
        Assert.Equal(ResourceKind.StatefulSet, SlotExtractor.Extract(request).Kind);
    }

    [Fact]
    public void A_pasted_manifest_is_not_chart_values() =>
        Assert.Null(ContainerRun.Find("```yaml\napiVersion: v1\nkind: Pod\nimage:\n  repository: x\n```"));

    [Fact]
    public void Chart_values_under_a_subchart_or_singleuser_key_are_read_like_top_level_ones()
    {
        var api = ContainerRun.Find("plain deployment from this\n```yaml\napi:\n  replicaCount: 3\n  image:\n    repository: ghcr.io/acme/api\n    tag: \"2.8.1\"\n  service:\n    port: 9000\n  resources:\n    limits:\n      memory: 3Gi\n```")!;
        Assert.Equal(("ghcr.io/acme/api:2.8.1", 3, "3Gi"), (api.Image, api.Replicas, api.Memory));
        Assert.Equal([(9000, 9000)], api.Ports);

        var singleuser = ContainerRun.Find("```yaml\nsingleuser:\n  image:\n    name: quay.io/jupyter/pytorch-notebook\n    tag: cuda12\n  memory:\n    limit: 16G\n  extraResource:\n    limits:\n      nvidia.com/gpu: \"1\"\n```")!;
        Assert.Equal(("quay.io/jupyter/pytorch-notebook:cuda12", 1, "16G"), (singleuser.Image, singleuser.Gpus, singleuser.Memory));
    }

    [Fact]
    public void A_compose_service_keeps_its_deploy_replicas()
    {
        var run = ContainerRun.Find("services:\n  worker:\n    image: ghcr.io/acme/worker:0.9\n    deploy:\n      replicas: 2\n")!;
        Assert.Equal(2, run.Replicas);
    }

    [Fact]
    public void A_pipeline_step_pasted_to_run_as_a_job_gives_its_container_retries_and_deadline()
    {
        var request = "kannst du diesen Kubeflow/Argo-Schritt als normalen Job schreiben?\n```yaml\n- name: embed\n  retryStrategy:\n    limit: 4\n  activeDeadlineSeconds: 7200\n"
            + "  container:\n    image: ghcr.io/ag/embed:1.1\n    command: [python, embed.py]\n    args: [--batch, \"64\"]\n    resources:\n      limits:\n        nvidia.com/gpu: 1\n        memory: 24Gi\n```";

        var slots = SlotExtractor.Extract(request);

        Assert.Equal(RequestIntent.ManifestDraft, RequestUnderstanding.Understand(request).Intent);
        Assert.Equal(ResourceKind.Job, slots.Kind);
        Assert.Equal("embed", slots.Name);
        Assert.Equal("ghcr.io/ag/embed:1.1", slots.Image);
        Assert.Equal(["python", "embed.py"], slots.Command);
        Assert.Equal(1, slots.Gpu?.Count);
        Assert.Equal("24Gi", slots.Memory);
        Assert.Equal(new JobRunSlot(null, null, 4, null, 7200), slots.JobRun);
    }

    [Fact]
    public void A_step_pasted_without_a_kind_to_write_is_not_read_as_one()
    {
        Assert.Null(ContainerRun.Find("- name: embed\n  container:\n    image: ghcr.io/ag/embed:1.1\n"));
    }

    [Fact]
    public void A_charts_service_node_port_is_kept()
    {
        var run = ContainerRun.Find("```yaml\nimage:\n  repository: bitnami/redis\n  tag: 7.2.4\nservice:\n  type: NodePort\n  port: 6379\n  nodePort: 30379\n```")!;
        Assert.Equal(30379, run.NodePort);
    }
}
