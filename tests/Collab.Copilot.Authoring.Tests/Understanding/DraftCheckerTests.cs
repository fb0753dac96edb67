using Collab.Copilot.Authoring.Dockerfiles;
using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

public sealed class DraftCheckerTests
{
    [Fact]
    public void A_draft_with_defaults_instead_of_stated_values_is_reported_slot_by_slot()
    {
        // What the old drafter wrote for "pvc 50 gigs for my conda envs, rwx": a PVC "data" of 10Gi, ReadWriteOnce.
        var defaults = ManifestDrafter.FromSpec(new ManifestSpec { Kind = "PersistentVolumeClaim", Name = "data", StorageSize = "10Gi" }).Yaml;
        var slots = SlotExtractor.Extract("pvc named conda-envs, 50 gigs, rwx");

        var missing = DraftChecker.Check(slots, defaults);

        Assert.Contains(missing, m => m.Slot == "name" && m.Stated == "conda-envs");
        Assert.Contains(missing, m => m.Slot == "storage size" && m.Stated == "50Gi");
        Assert.Contains(missing, m => m.Slot == "access mode" && m.Stated == "ReadWriteMany");
        Assert.Empty(DraftChecker.Check(slots, ManifestDrafter.Draft("pvc named conda-envs, 50 gigs, rwx").Yaml));
    }

    [Fact]
    public void A_mig_slice_where_a_whole_gpu_was_asked_is_reported()
    {
        var slots = SlotExtractor.Extract("training job on one full A100, not a MIG slice");
        var mig = ManifestDrafter.FromSpec(new ManifestSpec { Kind = "Job", Name = "train", Image = "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime", Gpu = new GpuRequest { MigProfile = "1g.5gb" }, QueueName = "default" }).Yaml;

        var gpu = Assert.Single(DraftChecker.Check(slots, mig), m => m.Slot == "GPU");
        Assert.Equal("1 × nvidia.com/gpu", gpu.Stated);
    }

    [Fact]
    public void A_4_node_minio_is_a_distributed_statefulset()
    {
        var draft = ManifestDrafter.Draft("4-node minio, 500Gi each");
        Assert.Contains("kind: StatefulSet", draft.Yaml);
        Assert.Contains("replicas: 4", draft.Yaml);
        Assert.Contains("http://minio-{0...3}.minio/data", draft.Yaml);
        Assert.True(draft.Validation.IsClean, string.Join("; ", draft.Validation.Findings));
    }

    [Fact]
    public void Probes_check_the_apps_port_and_never_only_the_process()
    {
        var draft = ManifestDrafter.Draft("3 replicas of our api on port 8000");
        Assert.DoesNotContain("kill -0", draft.Yaml);
        Assert.Contains("tcpSocket:\n", draft.Yaml);
        Assert.Contains("port: 8000", draft.Yaml);
    }

    [Fact]
    public void A_dockerfile_that_cannot_keep_the_stated_cuda_version_says_so()
    {
        var draft = DockerfileDrafter.Draft("pytorch image on CUDA 10.2");
        var missing = DockerfileDraftChecker.Check("pytorch image on CUDA 10.2", draft.Dockerfile);
        Assert.Contains(missing, m => m.Slot == "CUDA version" && m.Stated == "10.2");
        Assert.Contains(draft.Assumptions, a => a.ToString().Contains("10.2"));
    }

    [Fact]
    public void The_final_stage_of_a_multi_stage_dockerfile_is_checked_against_the_image_asked_for_it()
    {
        const string request = "rust 1.80 service, multi-stage build, final image debian:12-slim, port 8080";
        Assert.Equal("debian:12-slim", new DockerfileRequest(request).FinalBase);
        Assert.Empty(DockerfileDraftChecker.Check(request, DockerfileDrafter.Draft(request).Dockerfile));
        var missing = DockerfileDraftChecker.Check(request, "FROM rust:1.80 AS build\nRUN cargo build\n\nFROM gcr.io/distroless/cc-debian12:nonroot\nEXPOSE 8080\n");
        Assert.Contains(missing, m => m.Slot == "final image" && m.Stated == "debian:12-slim");
    }
}
