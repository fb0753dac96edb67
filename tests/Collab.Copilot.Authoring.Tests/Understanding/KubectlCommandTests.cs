using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>A pasted kubectl create/run/expose command line, read flag by flag.</summary>
public sealed class KubectlCommandTests
{
    [Fact]
    public void Create_deployment_gives_name_image_replicas_port_and_the_command_after_the_dashes()
    {
        var command = KubectlCommand.Find("as yaml pls: kubectl -n ml create deployment web --image=ghcr.io/x/web:1.0 --replicas 3 --port=8080 -- python serve.py --fast")!;

        Assert.Equal(ResourceKind.Deployment, command.Kind);
        Assert.Equal("web", command.Name);
        Assert.Equal("ghcr.io/x/web:1.0", command.Image);
        Assert.Equal(3, command.Replicas);
        Assert.Equal([8080], command.ContainerPorts);
        Assert.Equal("ml", command.Namespace);
        Assert.Equal(["python", "serve.py", "--fast"], command.Command);
        Assert.Empty(command.Args);
    }

    [Fact]
    public void Create_cronjob_keeps_its_quoted_schedule()
    {
        var command = KubectlCommand.Find("kubectl create cronjob backup --image=busybox:1.36 --schedule=\"30 2 * * *\" -- /backup.sh")!;

        Assert.Equal(ResourceKind.CronJob, command.Kind);
        Assert.Equal("30 2 * * *", command.Schedule);
        Assert.Equal(["/backup.sh"], command.Command);
    }

    [Fact]
    public void Expose_and_create_service_give_the_service_port_its_target_type_and_node_port()
    {
        var exposed = KubectlCommand.Find("`kubectl expose deployment/api --port=80 --target-port=8000 --type=NodePort`")!;
        Assert.Equal(ResourceKind.Service, exposed.Kind);
        Assert.Equal("api", exposed.Name);
        Assert.Equal(80, exposed.ServicePort);
        Assert.Equal([8000], exposed.ContainerPorts);
        Assert.Equal("NodePort", exposed.ServiceType);

        var created = KubectlCommand.Find("kubectl create service nodeport grafana --tcp=3000:3001 --node-port=30300")!;
        Assert.Equal("grafana", created.Name);
        Assert.Equal(3000, created.ServicePort);
        Assert.Equal([3001], created.ContainerPorts);
        Assert.Equal(30300, created.NodePort);
    }

    [Fact]
    public void Run_with_restart_never_is_a_job_and_its_dashes_are_args_unless_command_is_given()
    {
        var job = KubectlCommand.Find("kubectl run t --image=pytorch/pytorch:2.3.1 --restart=Never --env=A=1 --limits=cpu=2,memory=8Gi,nvidia.com/gpu=1 -- --epochs 3")!;
        Assert.Equal(ResourceKind.Job, job.Kind);
        Assert.Equal(["--epochs", "3"], job.Args);
        Assert.Equal("8Gi", job.Limits["memory"]);
        Assert.Equal("1", job.Env["A"]);

        var service = KubectlCommand.Find("kubectl run cache --image=redis:7.2 --port=6379 --command -- redis-server --save 60")!;
        Assert.Equal(ResourceKind.Deployment, service.Kind);
        Assert.Equal(["redis-server", "--save", "60"], service.Command);
    }

    [Theory]
    [InlineData("how does kubectl create deployment work?")]
    [InlineData("kubectl get pods -n ml")]
    [InlineData("kubectl create job --help")]
    public void A_command_that_names_nothing_to_run_is_not_read(string text) => Assert.Null(KubectlCommand.Find(text));

    [Fact]
    public void The_words_around_the_command_add_what_it_cannot_say()
    {
        var slots = SlotExtractor.Extract("declarative version of `kubectl expose deployment api --port=80 --target-port=8000 --type=NodePort`, nodeport pinned to 31080");

        Assert.Equal(ResourceKind.Service, slots.Kind);
        Assert.Equal(31080, slots.NodePort);
        Assert.Equal(80, slots.ServicePort);
        Assert.Equal(RequestIntent.ManifestDraft, RequestUnderstanding.Understand("kubectl create job neteja --image=busybox:1.36 -- sh -c 'rm -rf /tmp/x'").Intent);
    }

    [Fact]
    public void Create_configmap_secret_and_ingress_give_their_data_keys_and_rule()
    {
        var configMap = SlotExtractor.Extract("kubectl create configmap app-settings --from-literal=LOG_LEVEL=debug --from-literal=MAX_CONN=50 -n web");
        Assert.Equal(ResourceKind.ConfigMap, configMap.Kind);
        Assert.Equal("app-settings", configMap.Name);
        Assert.Equal("web", configMap.Namespace);
        Assert.Equal("50", configMap.Env["MAX_CONN"]);

        var secret = SlotExtractor.Extract("kubectl create secret generic db-pass --from-literal=POSTGRES_USER=app --from-literal=POSTGRES_PASSWORD=x");
        Assert.Equal(ResourceKind.Secret, secret.Kind);
        Assert.Equal(["POSTGRES_USER", "POSTGRES_PASSWORD"], secret.SecretKeys);

        var ingress = KubectlCommand.Find("kubectl create ingress notebook --class=nginx --rule=\"jupyter.example.org/=notebook:8888,tls=jupyter-tls\"")!;
        Assert.Equal(ResourceKind.Ingress, ingress.Kind);
        Assert.Equal(("jupyter.example.org", "notebook", 8888, "jupyter-tls", "nginx"), (ingress.Host, ingress.BackendService, ingress.ServicePort, ingress.TlsSecret, ingress.IngressClass));
    }

    [Fact]
    public void Run_without_restart_is_drafted_as_a_deployment_that_says_kubectl_would_make_a_bare_pod()
    {
        var draft = ManifestDrafter.Draft("kubectl run scratchpad --image=python:3.12-slim --port=8888");
        Assert.Equal("Deployment", draft.Spec.Kind);
        Assert.Contains(draft.Assumptions, a => a.Key == "note.kubectl-run-pod");
        // Asked as a deployment, or as a Job by --restart, nothing needs saying.
        Assert.DoesNotContain(ManifestDrafter.Draft("kubectl run redis --image=redis:7.2 --port=6379 — as a deployment please").Assumptions, a => a.Key == "note.kubectl-run-pod");
        Assert.DoesNotContain(ManifestDrafter.Draft("kubectl run once --image=busybox:1.36 --restart=Never -- echo hi").Assumptions, a => a.Key == "note.kubectl-run-pod");
    }

    [Fact]
    public void Create_pdb_and_quota_give_the_bound_the_selector_and_the_hard_limits()
    {
        var pdb = SlotExtractor.Extract("as yaml: kubectl create pdb api-pdb --selector=app=api --min-available=2");
        Assert.Equal(ResourceKind.PodDisruptionBudget, pdb.Kind);
        Assert.Equal(("2", "api"), (pdb.Disruption?.MinAvailable, pdb.Disruption?.Labels["app"]));

        var quota = SlotExtractor.Extract("kubectl create quota team-a --hard=requests.cpu=8,requests.memory=64Gi,pods=20,requests.nvidia.com/gpu=4 -n team-a");
        Assert.Equal(ResourceKind.ResourceQuota, quota.Kind);
        Assert.Equal(("8", "64Gi", 20, 4, "team-a"), (quota.Cpu, quota.Memory, quota.PodCount, quota.Gpu?.Count, quota.Namespace));
    }

    [Fact]
    public void Words_after_the_command_on_its_line_are_the_request_not_arguments()
    {
        var slots = SlotExtractor.Extract("kubectl run redis-cache --image=redis:7.4 --port=6379 but as a deployment with 2 replicas and 1Gi memory limit");
        Assert.Equal((ResourceKind.Deployment, "redis-cache", 2, "1Gi"), (slots.Kind, slots.Name, slots.Replicas, slots.Memory));

        var withService = SlotExtractor.Extract("kubectl create deployment api --image=ghcr.io/x/api:2.1 --port=5000 and a service for it please");
        Assert.Equal((ResourceKind.Deployment, true), (withService.Kind, withService.WantsService));
    }

    [Fact]
    public void Create_secret_tls_and_docker_registry_give_the_keys_their_type_needs()
    {
        var tls = SlotExtractor.Extract("kubectl create secret tls web-tls --cert=tls.crt --key=tls.key <- as a manifest?");
        Assert.Equal((ResourceKind.Secret, "web-tls"), (tls.Kind, tls.Name));
        Assert.Equal(["tls.crt", "tls.key"], tls.SecretKeys);
        Assert.Contains("type: kubernetes.io/tls", ManifestDrafter.Draft("kubectl create secret tls web-tls --cert=tls.crt --key=tls.key <- as a manifest?").Yaml);

        var registry = SlotExtractor.Extract("kubectl create secret docker-registry regcred --docker-server=registry.example.org --docker-username=robot");
        Assert.Equal("regcred", registry.Name);
        Assert.Contains("type: kubernetes.io/dockerconfigjson", ManifestDrafter.Draft("kubectl create secret docker-registry regcred --docker-server=registry.example.org --docker-username=robot").Yaml);
    }

    [Fact]
    public void Create_serviceaccount_and_role_are_read()
    {
        var account = SlotExtractor.Extract("kubectl create serviceaccount ci-runner -n builds");
        Assert.Equal((ResourceKind.ServiceAccount, "ci-runner", "builds"), (account.Kind, account.Name, account.Namespace));
        Assert.Contains(ManifestDrafter.Draft("kubectl create serviceaccount ci-runner -n builds").Assumptions, a => a.Key == "note.rbac-default");

        var role = SlotExtractor.Extract("kubectl create role pod-reader --verb=get,list,watch --resource=pods als yaml bitte");
        Assert.Equal((ResourceKind.ServiceAccount, "pod-reader"), (role.Kind, role.Name));
        Assert.Equal(["pods"], role.Access!.Resources);
        Assert.Equal(["get", "list", "watch"], role.Access.Verbs);
    }
}
