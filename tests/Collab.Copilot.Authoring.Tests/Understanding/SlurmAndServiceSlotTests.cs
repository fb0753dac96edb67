using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>A Slurm job moved to Kubernetes (its options as a Job's requirements), a Service's stated selector and target port, and questions that are not drafts.</summary>
public sealed class SlurmAndServiceSlotTests
{
    [Fact]
    public void Sbatch_directives_become_a_jobs_gpus_memory_cpus_name_and_wall_clock_limit()
    {
        var slots = SlotExtractor.Extract("""
            convert this to kubernetes please, image ghcr.io/lab/md:5.1
            #SBATCH --job-name=md-run
            #SBATCH --gres=gpu:v100:3
            #SBATCH --mem=4000
            #SBATCH -c 12
            #SBATCH -t 1-06:00
            """);

        Assert.Equal(ResourceKind.Job, slots.Kind);
        Assert.Equal("md-run", slots.Name);
        Assert.Equal(3, slots.Gpu?.Count);
        Assert.Equal("4000Mi", slots.Memory);
        Assert.Equal("12", slots.Cpu);
        Assert.Equal(30 * 3600, slots.JobRun?.DeadlineSeconds);
    }

    [Theory]
    [InlineData("30", 1800)]
    [InlineData("45:30", 2730)]
    [InlineData("2:15:00", 8100)]
    [InlineData("2-00", 172800)]
    public void A_slurm_time_limit_is_read_in_each_of_its_formats(string time, int seconds)
    {
        var slurm = SlurmBatch.Find($"srun --gpus=1 --time={time} python fit.py");

        Assert.Equal(seconds, slurm?.TimeLimitSeconds);
    }

    [Fact]
    public void A_single_slurm_option_quoted_in_a_question_is_not_a_job_to_move()
    {
        Assert.Null(SlurmBatch.Find("is there a limit like sbatch --time on the platform?"));
        Assert.Equal(RequestIntent.DocsQuestion, RequestUnderstanding.Understand("is there a maximum like sbatch --time=48:00:00 for pods?").Intent);
    }

    [Fact]
    public void Slurm_options_beside_a_question_about_a_reason_stay_a_question()
    {
        Assert.Equal(RequestIntent.DocsQuestion, RequestUnderstanding.Understand("in Slurm I use --time=48:00:00 and --gres=gpu:4, why is my Job on Kubernetes stopped after a day?").Intent);
    }

    [Fact]
    public void A_question_about_the_equivalent_of_an_sbatch_line_asks_for_the_job()
    {
        Assert.Equal(RequestIntent.ManifestDraft, RequestUnderstanding.Understand("how would `sbatch --gpus=2 --mem=20G run.sh` look on k8s?").Intent);
    }

    [Fact]
    public void Slurm_options_written_further_on_in_the_sentence_are_read_too()
    {
        var request = "Mám sbatch skript s --gres=gpu:1 a --time=24:00:00, jak by vypadal Job v Kubernetes? image pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime";

        Assert.Equal(RequestIntent.ManifestDraft, RequestUnderstanding.Understand(request).Intent);
        Assert.Equal(86400, SlotExtractor.Extract(request).JobRun?.DeadlineSeconds);
    }

    [Fact]
    public void An_argo_retry_strategy_is_the_jobs_backoff_limit()
    {
        var slots = SlotExtractor.Extract("job from this argo step: image alpine:3.20, retryStrategy: {limit: 5}");

        Assert.Equal(5, slots.JobRun?.BackoffLimit);
    }

    [Fact]
    public void A_service_drafted_alone_selects_the_stated_labels_and_forwards_to_the_stated_port()
    {
        var slots = SlotExtractor.Extract("NodePort service selecting tier=frontend, port 80 to 8080");

        Assert.Equal("frontend", slots.Selector["tier"]);
        Assert.Equal(80, slots.ServicePort);
        Assert.Contains(8080, slots.ContainerPorts);
    }

    [Fact]
    public void An_article_before_the_kind_is_not_a_replica_count_in_a_question()
    {
        Assert.Equal(RequestIntent.DocsQuestion, RequestUnderstanding.Understand("can I open port 2222 in a pod on the platform?").Intent);
    }

    [Theory]
    [InlineData("is a 3-replica statefulset with 50Gi each too much for our quota?")]
    [InlineData("Ist ein Deployment mit 4 Replikas und 20Gi pro Pod zu groß für unser Kontingent?")]
    [InlineData("je li statefulset s 3 replike i 100Gi previše za našu kvotu?")]
    public void A_yes_no_question_about_a_fact_is_not_a_specification(string question)
    {
        Assert.Equal(RequestIntent.DocsQuestion, RequestUnderstanding.Understand(question).Intent);
    }

    [Fact]
    public void A_question_asking_whether_there_is_a_way_to_get_a_specified_thing_still_asks_for_it()
    {
        Assert.Equal(RequestIntent.ManifestDraft, RequestUnderstanding.Understand("is there a way to get a deployment with 3 replicas on port 8080, image ghcr.io/lab/api:1.0?").Intent);
    }

    [Fact]
    public void A_provisioner_named_storage_class_is_read_with_a_case_ending()
    {
        Assert.Equal("longhorn", SlotExtractor.Extract("PVC 1,5 TB na longhornu za datasete").StorageClass);
    }

    [Theory]
    [InlineData("k8s job pls: 1 gpu, 12 hours max, image ghcr.io/x/train:1", 43200)]
    [InlineData("Job, 4 GPU-a tipa A100, 2 sata maksimalno, slika ghcr.io/x/y:1", 7200)]
    [InlineData("ein Job, der höchstens 90 Minuten laufen darf, Image alpine:3.20", 5400)]
    [InlineData("job with activeDeadlineSeconds 600, image alpine:3.20", 600)]
    public void A_time_limit_in_words_is_the_jobs_deadline(string request, int seconds)
    {
        Assert.Equal(seconds, SlotExtractor.Extract(request).JobRun?.DeadlineSeconds);
    }

    [Fact]
    public void A_removal_after_a_duration_is_no_deadline()
    {
        Assert.Null(SlotExtractor.Extract("a job that deletes itself at most 2 hours after it finishes, image alpine:3.20").JobRun?.DeadlineSeconds);
    }
}
