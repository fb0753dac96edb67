using Collab.Copilot.Assistant.Routing;

namespace Collab.Copilot.Assistant.Tests.Routing;

public sealed class IntentRouterTests
{
    [Theory]
    [InlineData("@copilot how do I request a GPU?", CopilotIntent.DocsQuestion)]
    [InlineData("What is the storage quota of a project volume?", CopilotIntent.DocsQuestion)]
    [InlineData("How do I create a Deployment?", CopilotIntent.DocsQuestion)]
    [InlineData("@copilot draft a Job that trains on one GPU and mounts my dataset PVC", CopilotIntent.ManifestDraft)]
    [InlineData("a Job that trains on one A100 MIG slice with my dataset PVC, in the team queue", CopilotIntent.ManifestDraft)]
    [InlineData("Write a Deployment for nginx with 2 replicas and a Service on port 8080", CopilotIntent.ManifestDraft)]
    [InlineData("generate a CronJob that runs every night at 2am", CopilotIntent.ManifestDraft)]
    [InlineData("@copilot Dockerfile with CUDA 12.6 and PyTorch", CopilotIntent.DockerfileDraft)]
    [InlineData("CUDA 12.6 with PyTorch and JupyterLab image, write me a Dockerfile for the GPU nodes", CopilotIntent.DockerfileDraft)]
    [InlineData("check my manifest", CopilotIntent.ManifestCheck)]
    [InlineData("Back-off restarting failed container trainer in pod train-7xk2p", CopilotIntent.ErrorDiagnosis)]
    [InlineData("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB", CopilotIntent.ErrorDiagnosis)]
    // A command pasted with the output it failed with is a transcript to diagnose, not a command to turn into YAML.
    [InlineData("die app findet die datenbank nicht\n\n$ kubectl run -it --rm t --image=busybox:1.36 --restart=Never -- nslookup pg.db.svc.cluster.local\n** server can't find pg.db.svc.cluster.local: NXDOMAIN", CopilotIntent.ErrorDiagnosis)]
    [InlineData("kubectl run dnstest --image=busybox:1.36 --restart=Never -- sleep 3600 as yaml please", CopilotIntent.ManifestDraft)]
    // A Rust panic is a trace, and a pod row without its header is output whatever its STATUS says.
    [InlineData("co je tohle za chybu?\n\nthread 'main' panicked at src/planner.rs:214:37:\ncalled `Option::unwrap()` on a `None` value", CopilotIntent.ErrorDiagnosis)]
    [InlineData("etl-daily-8kq2   0/1   ContainerStatusUnknown   1   47m\nwhat does this mean?", CopilotIntent.ErrorDiagnosis)]
    [InlineData("what is this error?\n\npsql:migrate.sql:12: ERROR:  relation \"experiments\" does not exist\nLINE 1: SELECT * FROM experiments;", CopilotIntent.ErrorDiagnosis)]
    // A state asked about by name is a documentation question; reported without a question, or quoted as a message, it is diagnosed.
    [InlineData("why does my notebook end up in CrashLoopBackOff after an hour?", CopilotIntent.DocsQuestion)]
    [InlineData("pod je pořád Evicted, co s tím?", CopilotIntent.DocsQuestion)]
    [InlineData("the trainer keeps going into CrashLoopBackOff", CopilotIntent.ErrorDiagnosis)]
    // A yes/no question that states the size of what it names asks for it; a wh-question, one without values, or "can I" with a draft verb asks about it.
    [InlineData("could I have a 100Gi pvc for the imagenet copy?", CopilotIntent.ManifestDraft)]
    [InlineData("why is my 100Gi pvc still pending?", CopilotIntent.DocsQuestion)]
    [InlineData("is 300Gi too much for one pvc?", CopilotIntent.DocsQuestion)]
    [InlineData("mogu li dobiti volumen od 2Ti za arhivu?", CopilotIntent.ManifestDraft)]
    [InlineData("can I mount a PVC in two notebooks at once?", CopilotIntent.DocsQuestion)]
    [InlineData("darf ich ein Deployment mit 4 Replikas erstellen, oder sprengt das die Quota?", CopilotIntent.DocsQuestion)]
    // A log line behind its supervisor's process tag; a fenced paste that tells of a failure in its own words; an exception quoted inside a sentence.
    [InlineData("(pid=2201, ip=10.0.3.7) 2025-01-14 08:00:01,500 ERROR trainer.py:88 -- rank 3 lost its GPU", CopilotIntent.ErrorDiagnosis)]
    [InlineData("the dashboard shows this:\n```\nJob failed due to: task killed, node memory pressure\n```", CopilotIntent.ErrorDiagnosis)]
    [InlineData("il mio job si ferma con botocore.exceptions.NoCredentialsError: Unable to locate credentials", CopilotIntent.ErrorDiagnosis)]
    // A second person with "me" and an indefinite thing asks for it, in a question's form: "mi scrivi un Dockerfile…?", "em prepares una imatge…?".
    [InlineData("mi costruisci un'immagine con JupyterLab e CUDA 12?", CopilotIntent.DockerfileDraft)]
    [InlineData("em prepares una imatge amb R i RStudio?", CopilotIntent.DockerfileDraft)]
    [InlineData("mi dici perché il mio PVC da 50Gi è Pending?", CopilotIntent.DocsQuestion)]
    [InlineData("mi dai una mano con il PVC?", CopilotIntent.DocsQuestion)]
    [InlineData("how do I make this shorter?\n```\nfiles = glob('*.csv')\nprint('not found') if not files else load(files)\n```", CopilotIntent.DocsQuestion)]
    public void Routes_words(string text, CopilotIntent expected) => Assert.Equal(expected, IntentRouter.Route(text).Intent);

    [Fact]
    public void Pasted_manifest_goes_to_validation_with_the_yaml_as_paste()
    {
        var routed = IntentRouter.Route("@copilot check my manifest\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n```");
        Assert.Equal(CopilotIntent.ManifestCheck, routed.Intent);
        Assert.StartsWith("apiVersion: v1", routed.Paste);
    }

    [Fact]
    public void Unfenced_manifest_is_recognised()
    {
        var routed = IntentRouter.Route("what's wrong here?\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
        Assert.Equal(CopilotIntent.ManifestCheck, routed.Intent);
    }

    [Fact]
    public void Pasted_dockerfile_goes_to_lint()
    {
        var routed = IntentRouter.Route("@copilot is this ok?\n```\nFROM python:latest\nRUN pip install torch\nCMD [\"python\"]\n```");
        Assert.Equal(CopilotIntent.DockerfileCheck, routed.Intent);
        Assert.Contains("FROM python:latest", routed.Paste);
    }

    [Fact]
    public void Pasted_describe_output_goes_to_diagnosis()
    {
        var paste = "@copilot my pod won't start\n```\nName: train-0\nStatus: Pending\nEvents:\n  Warning  FailedScheduling  0/4 nodes are available: 4 Insufficient nvidia.com/gpu.\n```";
        var routed = IntentRouter.Route(paste);
        Assert.Equal(CopilotIntent.ErrorDiagnosis, routed.Intent);
        Assert.Contains("Insufficient nvidia.com/gpu", routed.Paste);
    }

    [Fact]
    public void Unknown_error_log_still_goes_to_diagnosis()
    {
        var routed = IntentRouter.Route("help\n```\nfoo.bar.Baz: frobnication failed with error 0x2a\n  at qux\n```");
        Assert.Equal(CopilotIntent.ErrorDiagnosis, routed.Intent);
    }

    [Theory]
    [InlineData("pvc 50 gigs for my conda envs", CopilotIntent.ManifestDraft)]
    [InlineData("nightly at 03:00 clean /scratch", CopilotIntent.ManifestDraft)]
    [InlineData("tri replike našeg API-ja na portu 8000", CopilotIntent.ManifestDraft)]
    [InlineData("každou noc ve 3:00 vyčistit /scratch", CopilotIntent.ManifestDraft)]
    [InlineData("servei NodePort al port 8080 amb nodePort 30080", CopilotIntent.ManifestDraft)]
    [InlineData("mi serve un pvc da 100 giga per i checkpoint", CopilotIntent.ManifestDraft)]
    [InlineData("MinIO mit 4 Knoten", CopilotIntent.ManifestDraft)]
    [InlineData("image with micromamba that builds my environment.yml", CopilotIntent.DockerfileDraft)]
    [InlineData("Docker obraz s condou podle environment.yml", CopilotIntent.DockerfileDraft)]
    [InlineData("Wie erstelle ich ein PVC?", CopilotIntent.DocsQuestion)]
    [InlineData("Kako mogu dobiti GPU?", CopilotIntent.DocsQuestion)]
    public void Routes_requests_without_imperative_verbs_in_six_languages(string text, CopilotIntent expected) => Assert.Equal(expected, IntentRouter.Route(text).Intent);

    // A question in any word order asks for an explanation unless it asks the copilot to produce something;
    // an error quoted in words is reported, not specified, whatever counts or paths it carries.
    [Theory]
    [InlineData("any way to get more than 2 GPUs for my project?", CopilotIntent.DocsQuestion)]
    [InlineData("gilt das Speicherlimit auch für das PVC im Notebook?", CopilotIntent.DocsQuestion)]
    [InlineData("potresti scrivermi un CronJob che ogni notte alle 3 pulisce /scratch?", CopilotIntent.ManifestDraft)]
    [InlineData("NCCL WARN NET/Socket : connect to 10.0.0.4<43210> failed : Connection refused", CopilotIntent.ErrorDiagnosis)]
    [InlineData("0/5 nodes are available: 5 Insufficient nvidia.com/gpu. preemption: 0/5 nodes are available", CopilotIntent.ErrorDiagnosis)]
    public void Questions_in_any_word_order_and_errors_in_words_do_not_become_drafts(string text, CopilotIntent expected) => Assert.Equal(expected, IntentRouter.Route(text).Intent);

    // A question that names a kind and specifies it (two of image, port, size, replicas, schedule) describes what to write;
    // one that asks for a reason, or specifies only one thing, stays a question.
    [Theory]
    [InlineData("how would a statefulset for redis look, image redis:7.2 and 5Gi per replica?", CopilotIntent.ManifestDraft)]
    [InlineData("jak by vypadal cronjob, který každý den v 4:15 spustí quay.io/lab/cleanup:0.3?", CopilotIntent.ManifestDraft)]
    [InlineData("com quedaria un deployment amb 3 rèpliques al port 9000?", CopilotIntent.ManifestDraft)]
    [InlineData("why does my deployment with 3 replicas on port 8080 keep restarting?", CopilotIntent.DocsQuestion)]
    [InlineData("what does a deployment with 2 replicas do when a node drains?", CopilotIntent.DocsQuestion)]
    public void A_question_that_specifies_a_resource_asks_for_it(string text, CopilotIntent expected) => Assert.Equal(expected, IntentRouter.Route(text).Intent);

    [Fact]
    public void Unfenced_dockerfile_is_not_taken_for_a_question()
    {
        var routed = IntentRouter.Route("is this ok?\nFROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"app.py\"]\n");
        Assert.Equal(CopilotIntent.DockerfileCheck, routed.Intent);
        Assert.Equal("is this ok?", routed.Request);
        Assert.StartsWith("FROM python:3.12-slim", routed.Paste);
    }

    [Fact]
    public void Pasted_error_with_a_manifest_excerpt_goes_to_diagnosis_not_the_checker()
    {
        var paste = "my pod keeps restarting\n```\napiVersion: v1\nkind: Pod\nmetadata:\n  name: train\nspec:\n  containers:\n  - name: t\n    image: pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime\n" +
                    "Events:\n  Type     Reason   Age   From     Message\n  Warning  BackOff  2m    kubelet  Back-off restarting failed container t in pod train\n```";
        var routed = IntentRouter.Route(paste);
        Assert.Equal(CopilotIntent.ErrorDiagnosis, routed.Intent);
        Assert.Contains("Back-off restarting", routed.Paste);
    }

    [Fact]
    public void Traceback_with_a_dockerfile_excerpt_goes_to_diagnosis()
    {
        var paste = "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1\nCMD [\"python\", \"train.py\"]\n" +
                    "Traceback (most recent call last):\n  File \"/app/train.py\", line 3, in <module>\n    import numpy\nModuleNotFoundError: No module named 'numpy'";
        Assert.Equal(CopilotIntent.ErrorDiagnosis, IntentRouter.Route(paste).Intent);
    }
}
