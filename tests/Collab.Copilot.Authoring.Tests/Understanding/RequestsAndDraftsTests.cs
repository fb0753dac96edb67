using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Dockerfiles;
using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;
using static Collab.Copilot.Authoring.Tests.PassRate;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>
/// Routing and drafting of multilingual requests, scored per class and language on two splits:
/// "dev" (developed against) and "held-out" (written first, never looked at while developing).
/// Each class must stay at or above its floor, so a regression fails while the table in
/// docs/copilot-quality.md shows the real figures.
/// </summary>
[Trait("Needs", "Corpus")]
public sealed class RequestsAndDraftsTests(ITestOutputHelper output)
{
    // Floors: the first six classes measured 100% when written (docs/copilot-quality.md, "Requests and drafts");
    // the floors leave room for one or two cases per class and never go below the issue's 90% bar.
    private static readonly Dictionary<(string, string), double> Floors = new()
    {
        [("manifest requests", "dev")] = 0.95,
        [("manifest requests", "held-out")] = 0.90,
        [("dockerfile requests", "dev")] = 0.95,
        [("dockerfile requests", "held-out")] = 0.90,
        [("dockerfile defects", "dev")] = 0.95,
        [("dockerfile defects", "held-out")] = 0.90,
        // Held-out B (issue 19, forum-style, six languages): 18/62, 15/18 and 7/7 before the fixes; floors under the figures after them.
        [("manifest requests", "held-out B")] = 0.95,
        [("dockerfile requests", "held-out B")] = 0.95,
        [("dockerfile defects", "held-out B")] = 0.95,
        // Held-out D (issue 19, third round, written before the fixes for it): 19/20, 5/6 and 5/6 before; 100% after.
        [("manifest requests", "held-out D")] = 0.9,
        [("dockerfile requests", "held-out D")] = 0.8,
        [("dockerfile defects", "held-out D")] = 0.8,
        // Held-out E (issue 19, fourth round, written before the fixes for it): 19/40, 3/15 and 10/10 before; 38/40, 15/15, 10/10 after.
        [("manifest requests", "held-out E")] = 0.9,
        [("dockerfile requests", "held-out E")] = 0.9,
        [("dockerfile defects", "held-out E")] = 0.9,
        // Held-out F (issue 19, fifth round, written before the fixes for it): 9/40, 8/12 and 7/8 before; 40/40, 12/12, 8/8 after.
        [("manifest requests", "held-out F")] = 0.9,
        [("dockerfile requests", "held-out F")] = 0.9,
        [("dockerfile defects", "held-out F")] = 0.9,
        // Held-out H (issue 19, sixth round, written before the fixes for it): 18/40, 8/12 and 8/8 before; 40/40, 12/12, 8/8 after.
        [("manifest requests", "held-out H")] = 0.9,
        [("dockerfile requests", "held-out H")] = 0.9,
        [("dockerfile defects", "held-out H")] = 0.9,
        // Held-out I (issue 19, seventh round, written before the fixes for it): 17/40, 7/12 and 8/8 before; 39/40, 12/12, 8/8 after.
        [("manifest requests", "held-out I")] = 0.9,
        [("dockerfile requests", "held-out I")] = 0.9,
        [("dockerfile defects", "held-out I")] = 0.9,
        // Held-out J (issue 19, eighth round, written before the fixes for it): 28/40, 11/12 and 6/6 before; 40/40, 12/12, 6/6 after.
        [("manifest requests", "held-out J")] = 0.9,
        [("dockerfile requests", "held-out J")] = 0.9,
        [("dockerfile defects", "held-out J")] = 0.9,
        // Held-out K (issue 19, ninth round, manifest requests, written before the fixes for it): 20/40 before, 40/40 after
        // (the last four were requests asked as "what would … look like", routed once a specified question became a draft).
        [("manifest requests", "held-out K")] = 0.9,
        // Held-out K (issue 19, ninth round, Dockerfile cases only, written before the fixes for it): 12/21 and 7/11 before; 20/21, 11/11 after.
        [("dockerfile requests", "held-out K")] = 0.9,
        [("dockerfile defects", "held-out K")] = 0.9,
        // Held-out L (issue 19, tenth round: Slurm jobs, Argo/Kubeflow steps, Helm values, tables and lists, a time without a
        // frequency; written before the fixes for it): 22/31 and 9/11 before; 31/31 and 11/11 after.
        [("manifest requests", "held-out L")] = 0.9,
        [("dockerfile requests", "held-out L")] = 0.9,
        // Held-out M manifests (issue 19, eleventh round: chat shorthand, tables and lists, units written other ways, existing claims, time zones,
        // command and args arrays, spoken clock times; written before the fixes for it): 19/40 before, 40/40 after.
        [("manifest requests", "held-out M")] = 0.9,
        // Held-out M Dockerfiles (issue 19, eleventh round: .NET, Ollama, R plumber and R kernels, stated base images, UIDs and WORKDIRs; new
        // defects: secret files copied, relative paths before WORKDIR, archives unpacked twice, root commands after USER, apt
        // without update; written before the fixes for it): 3/22 and 6/12 before; 22/22 and 12/12 after.
        [("dockerfile requests", "held-out M")] = 0.9,
        [("dockerfile defects", "held-out M")] = 0.9,
    };

    [Fact]
    public void Requests_route_and_drafts_honour_every_stated_requirement_per_language()
    {
        var rates = new ClassRates();
        foreach (var (split, file) in new[] { ("dev", "dev"), ("held-out", "heldout"), ("held-out B", "heldout-b"), ("held-out D", "heldout-d"), ("held-out E", "heldout-e"), ("held-out F", "heldout-f"), ("held-out H", "heldout-h"), ("held-out I", "heldout-i"), ("held-out J", "heldout-j"), ("held-out K", "heldout-k"), ("held-out L", "heldout-l"), ("held-out M", "heldout-m") })
        {
            // Set K (ninth round) holds Dockerfile cases only.
            if (CaseFiles.Exists($"understanding/manifest-requests-{file}.yaml"))
                rates.Run("manifest requests", split, CaseFiles.Load<DraftRequestCase>($"understanding/manifest-requests-{file}.yaml"), c => c.Lang, c => c.Request, CheckManifest);
            var dockerfiles = CaseFiles.Load<DockerfileRequestCase>($"understanding/dockerfiles-{file}.yaml");
            rates.Run("dockerfile requests", split, dockerfiles.Where(c => c.Request is not null), c => c.Lang, c => c.Name, CheckDockerfileDraft);
            rates.Run("dockerfile defects", split, dockerfiles.Where(c => c.Dockerfile is not null), c => c.Lang, c => c.Name, CheckDockerfileDefect);
        }
        // Held-out K has manifest requests only (its Dockerfile cases belong to another round's set).
        rates.Run("manifest requests", "held-out K", CaseFiles.Load<DraftRequestCase>("understanding/manifest-requests-heldout-k.yaml"), c => c.Lang, c => c.Request, CheckManifest);
        // Held-out M (eleventh round) has manifest requests only here; its pasted-manifest edits run in the Assistant's tests.
        rates.Run("manifest requests", "held-out M", CaseFiles.Load<DraftRequestCase>("understanding/manifest-requests-heldout-m.yaml"), c => c.Lang, c => c.Request, CheckManifest);
        rates.Print(output);
        foreach (var ((caseClass, split), floor) in Floors)
            Assert.True(rates.Rate(caseClass, split) >= floor, $"{caseClass} ({split}): {rates.Rate(caseClass, split):P0} is below the floor {floor:P0}");
    }

    [Fact]
    public void Case_sets_cover_six_languages_at_the_size_the_issue_asks()
    {
        var manifests = new[] { "dev", "heldout" }.SelectMany(f => CaseFiles.Load<DraftRequestCase>($"understanding/manifest-requests-{f}.yaml")).ToList();
        var dockerfiles = new[] { "dev", "heldout" }.SelectMany(f => CaseFiles.Load<DockerfileRequestCase>($"understanding/dockerfiles-{f}.yaml")).ToList();
        Assert.True(manifests.Count >= 150, $"{manifests.Count} manifest requests");
        Assert.True(dockerfiles.Count >= 60, $"{dockerfiles.Count} Dockerfile cases");
        foreach (var lang in new[] { "en", "hr", "cs", "ca", "it", "de" })
        {
            Assert.Contains(manifests, c => c.Lang == lang);
            Assert.Contains(dockerfiles, c => c.Lang == lang);
        }
    }

    [Fact]
    public void Held_out_B_has_the_size_and_languages_issue_19_asks()
    {
        var manifests = CaseFiles.Load<DraftRequestCase>("understanding/manifest-requests-heldout-b.yaml");
        var dockerfiles = CaseFiles.Load<DockerfileRequestCase>("understanding/dockerfiles-heldout-b.yaml");
        Assert.True(manifests.Count >= 60, $"{manifests.Count} manifest requests");
        Assert.True(dockerfiles.Count >= 25, $"{dockerfiles.Count} Dockerfile cases");
        foreach (var lang in new[] { "en", "hr", "cs", "ca", "it", "de" })
        {
            Assert.True(manifests.Count(c => c.Lang == lang) >= 8, $"{lang}: {manifests.Count(c => c.Lang == lang)} manifest requests");
            Assert.Contains(dockerfiles, c => c.Lang == lang);
        }
    }

    private static void CheckManifest(DraftRequestCase c)
    {
        var understood = RequestUnderstanding.Understand(c.Request);
        That(understood.Intent.ToString() == c.Intent, $"routed to {understood.Intent}");
        var draft = ManifestDrafter.Draft(understood.Words);
        if (c.NotDrafted is { } refused)
        {
            // A kind the drafter cannot draft is named as not honoured, never silently replaced by another kind.
            var named = DraftChecker.Check(understood.Slots, draft.Yaml).Any(u => u.Slot == "kind" && u.Stated.Equals(refused, StringComparison.OrdinalIgnoreCase));
            That(named, $"{refused} not named as not drafted (drafted {draft.Spec.Kind})");
            return;
        }
        That(draft.Validation.IsClean, "findings: " + string.Join("; ", draft.Validation.Findings));
        That(!draft.Yaml.Contains("kill -0"), "a process-check probe");
        var docs = Documents(draft.Yaml);
        var kinds = docs.Select(d => d.Str("kind")).ToList();
        // "Deployment|StatefulSet": either kind is right (a converted compose service).
        var mainKind = c.Kind.Split('|').FirstOrDefault(kinds.Contains);
        That(mainKind is not null, $"kind {c.Kind} not in [{string.Join(", ", kinds)}]");
        foreach (var k in c.Kinds) That(kinds.Contains(k), $"kind {k} not in [{string.Join(", ", kinds)}]");
        var main = docs.First(d => d.Str("kind") == mainKind);
        var pod = PodSpec(main, mainKind!);
        var container = pod?.Seq("containers")?.Children.OfType<YamlMappingNode>().First();
        var service = docs.LastOrDefault(d => d.Str("kind") == "Service" && d.Map("spec")?.Str("clusterIP") != "None") ?? docs.FirstOrDefault(d => d.Str("kind") == "Service");
        var servicePorts = service?.Map("spec")?.Seq("ports")?.Children.OfType<YamlMappingNode>().ToList() ?? [];

        if (c.Name is { } name) That(main.Map("metadata")?.Str("name") == name, $"name {main.Map("metadata")?.Str("name")}");
        if (c.Replicas is { } r) That(main.Map("spec")?.Str("replicas") == r.ToString(), $"replicas {main.Map("spec")?.Str("replicas")}");
        if (c.Storage is { } size)
            That(Regex.Matches(draft.Yaml, @"\bstorage: ""?([^""\s]+)").Any(m => Quantities.Equal(m.Groups[1].Value, size)), $"storage {size} missing");
        if (c.StorageClass is { } sc) That(draft.Yaml.Contains("storageClassName: " + sc), $"storageClassName {sc} missing");
        if (c.AccessMode is { } am) That(draft.Yaml.Contains("- " + am), $"access mode {am} missing");
        if (c.Schedule is { } s) That(main.Map("spec")?.Str("schedule") == s, $"schedule {main.Map("spec")?.Str("schedule")}");
        if (c.ImageContains is { } img) That(container?.Str("image")?.Contains(img, StringComparison.OrdinalIgnoreCase) == true, $"image {container?.Str("image")}");
        if (c.ContainerPort is { } cp)
            That(container?.Seq("ports")?.Children.OfType<YamlMappingNode>().Any(p => p.Str("containerPort") == cp.ToString()) == true, $"no containerPort {cp}");
        if (c.ServicePort is { } sp)
        {
            var ingressPort = mainKind == "Ingress" ? main.Map("spec")?.Seq("rules")?.Children.OfType<YamlMappingNode>().FirstOrDefault()?.Map("http")?.Seq("paths")?.Children
                .OfType<YamlMappingNode>().FirstOrDefault()?.Map("backend")?.Map("service")?.Map("port")?.Str("number") : null;
            That(ingressPort == sp.ToString() || servicePorts.Any(p => p.Str("port") == sp.ToString()), $"no Service port {sp}");
        }
        if (c.NodePort is { } np) That(servicePorts.Any(p => p.Str("nodePort") == np.ToString()), $"no nodePort {np}");
        if (c.ServiceType is { } st) That(service?.Map("spec")?.Str("type") == st, $"Service type {service?.Map("spec")?.Str("type")}");
        if (c.Host is { } host) That(draft.Yaml.Contains("host: " + host), $"host {host} missing");
        if (c.Gpu is not null)
        {
            var limits = container?.Map("resources")?.Map("limits");
            That(limits?.Str(c.Gpu) == (c.GpuCount ?? 1).ToString(), $"limits.{c.Gpu} is {limits?.Str(c.Gpu) ?? "missing"} ({string.Join(",", limits?.Children.Keys.Select(k => k.ToString()) ?? [])})");
        }
        else if (container is not null)
            That(container.Map("resources")?.Map("limits")?.Children.Keys.All(k => !k.ToString().StartsWith("nvidia.com/", StringComparison.Ordinal)) != false, "unexpected GPU resource");
        var labels = (mainKind == "CronJob" ? main.Map("spec")?.Map("jobTemplate")?.Map("metadata") : main.Map("metadata"))?.Map("labels");
        foreach (var (k, v) in c.Labels) That(labels?.Str(k) == v, $"label {k}={v} missing (got {labels?.Str(k) ?? "none"})");
        var mounts = container?.Seq("volumeMounts")?.Children.OfType<YamlMappingNode>().Select(m => m.Str("mountPath")).ToList() ?? [];
        foreach (var m in c.Mounts) That(mounts.Contains(m), $"mount {m} not in [{string.Join(", ", mounts)}]");
        var claims = pod?.Seq("volumes")?.Children.OfType<YamlMappingNode>().Select(v => v.Map("persistentVolumeClaim")?.Str("claimName")).ToList() ?? [];
        foreach (var cl in c.Claims) That(claims.Contains(cl), $"claim {cl} not in [{string.Join(", ", claims)}]");
        var env = container?.Seq("env")?.Children.OfType<YamlMappingNode>().ToDictionary(e => e.Str("name")!, e => e.Str("value")) ?? [];
        foreach (var (k, v) in c.Env) That(env.GetValueOrDefault(k) == v, $"env {k}={v} missing");
        var limitsOf = container?.Map("resources")?.Map("limits");
        if (c.Cpu is { } cpu) That(Quantities.Equal(limitsOf?.Str("cpu"), cpu), $"cpu limit {limitsOf?.Str("cpu")}");
        if (c.Memory is { } memory) That(Quantities.Equal(limitsOf?.Str("memory"), memory), $"memory limit {limitsOf?.Str("memory")}");
        var requestsOf = container?.Map("resources")?.Map("requests");
        if (c.CpuRequest is { } cpuRequest) That(Quantities.Equal(requestsOf?.Str("cpu"), cpuRequest), $"cpu request {requestsOf?.Str("cpu")}");
        if (c.MemoryRequest is { } memoryRequest) That(Quantities.Equal(requestsOf?.Str("memory"), memoryRequest), $"memory request {requestsOf?.Str("memory")}");
        if (c.GpuModel is { } model)
        {
            var affinity = pod?.Map("affinity")?.Map("nodeAffinity")?.Map("requiredDuringSchedulingIgnoredDuringExecution")?.Seq("nodeSelectorTerms")?.Children
                .OfType<YamlMappingNode>().SelectMany(t => t.Seq("matchExpressions")?.Children.OfType<YamlMappingNode>() ?? []).ToList() ?? [];
            var selector = pod?.Map("nodeSelector");
            That(affinity.Any(e => e.Str("key") == "nvidia.com/gpu.product" && e.Seq("values")?.Children.Any(v => v.ToString().Contains(model, StringComparison.OrdinalIgnoreCase)) == true)
                 || selector?.Str("nvidia.com/gpu.product")?.Contains(model, StringComparison.OrdinalIgnoreCase) == true, $"no node selection for {model}");
        }
        if (c.EnvFromSecret is { } secret)
            That(container?.Seq("envFrom")?.Children.OfType<YamlMappingNode>().Any(e => e.Map("secretRef")?.Str("name") == secret) == true, $"no envFrom secretRef {secret}");
        if (c.Completions is { } n)
        {
            var jobSpec = main.Map("spec");
            That(jobSpec?.Str("completions") == n.ToString() && jobSpec?.Str("parallelism") == n.ToString() && jobSpec?.Str("completionMode") == "Indexed",
                $"completions {jobSpec?.Str("completions")}, parallelism {jobSpec?.Str("parallelism")}, mode {jobSpec?.Str("completionMode")}");
            That(docs.Any(d => d.Str("kind") == "Service" && d.Map("spec")?.Str("clusterIP") == "None"), "no headless Service for the indexed pods");
        }
        foreach (var text in c.Assumes)
            That(draft.Assumptions.Any(a => a.ToString().Contains(text, StringComparison.Ordinal)), $"no assumption saying \"{text}\" in [{string.Join(" | ", draft.Assumptions)}]");
        foreach (var text in c.YamlContains) That(draft.Yaml.Contains(text, StringComparison.Ordinal), $"\"{text}\" missing");
        if (c.InitContainers is { } inits) That((pod?.Seq("initContainers")?.Children.Count ?? 0) == inits, $"{pod?.Seq("initContainers")?.Children.Count ?? 0} init containers");
        if (c.Containers is { } count) That((pod?.Seq("containers")?.Children.Count ?? 0) == count, $"{pod?.Seq("containers")?.Children.Count ?? 0} containers");
        var tolerations = pod?.Seq("tolerations")?.Children.OfType<YamlMappingNode>().Select(t => t.Str("key")).ToList() ?? [];
        foreach (var t in c.Tolerations) That(tolerations.Contains(t), $"no toleration for {t} in [{string.Join(", ", tolerations)}]");
        if (mainKind is "Deployment" or "StatefulSet" or "DaemonSet")
            That(container?.Map("readinessProbe") is { } probe && (probe.Map("tcpSocket") is not null || probe.Map("httpGet") is not null || probe.Map("exec") is not null), "no real readiness probe");
        // The draft checker must agree: nothing stated is missing from the draft.
        var unhonoured = DraftChecker.Check(understood.Slots, draft.Yaml);
        That(unhonoured.Count == 0, "draft checker: " + string.Join("; ", unhonoured));
    }

    private static void CheckDockerfileDraft(DockerfileRequestCase c)
    {
        var understood = RequestUnderstanding.Understand(c.Request!);
        That(understood.Intent == RequestIntent.DockerfileDraft, $"routed to {understood.Intent}");
        var draft = DockerfileDrafter.Draft(understood.Words);
        That(draft.Lint.IsClean && draft.Lint.Findings.All(f => f.RuleId == DockerfileRules.AptUnpinned), "draft findings: " + string.Join(" | ", draft.Lint.Findings));
        var froms = Regex.Matches(draft.Dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        foreach (var b in c.BaseContains) That(froms.Any(f => f.Contains(b)), $"no base containing {b} in [{string.Join(", ", froms)}]");
        if (c.MultiStage is { } multi) That(froms.Count > 1 == multi, $"stages: {froms.Count}");
        var lastUser = Regex.Matches(draft.Dockerfile, @"^USER\s+(\S+)", RegexOptions.Multiline).LastOrDefault()?.Groups[1].Value;
        That(lastUser is not null && Regex.IsMatch(lastUser, @"^[1-9]\d*(:\d+)?$"), $"final USER {lastUser} is not a numeric non-root uid");
        var all = draft.Dockerfile + "\n" + string.Join("\n", draft.SupportingFiles.Values);
        foreach (var s in c.Contains) That(all.Contains(s, StringComparison.OrdinalIgnoreCase), $"missing \"{s}\"");
        That(!draft.Dockerfile.Contains("apiVersion:"), "a manifest instead of a Dockerfile");
        var unhonoured = DockerfileDraftChecker.Check(understood.Words, draft.Dockerfile);
        That(unhonoured.Count == 0, "draft checker: " + string.Join("; ", unhonoured));
    }

    private static void CheckDockerfileDefect(DockerfileRequestCase c)
    {
        var understood = RequestUnderstanding.Understand(c.Dockerfile!);
        That(understood.Intent == RequestIntent.DockerfileCheck, $"routed to {understood.Intent}");
        var lint = DockerfileLinter.Lint(understood.Paste!);
        foreach (var e in c.Expect)
            That(lint.Findings.Any(f => f.RuleId == e.Rule && (e.Line is null || f.Line == e.Line)),
                $"expected {e.Rule} line {e.Line}; got {string.Join(" | ", lint.Findings.Select(f => $"{f.RuleId} L{f.Line}"))}");
        foreach (var a in c.Absent) That(lint.Findings.All(f => f.RuleId != a), $"unexpected {a}");
    }

    private static YamlMappingNode? PodSpec(YamlMappingNode doc, string kind) => kind switch
    {
        "CronJob" => doc.Map("spec")?.Map("jobTemplate")?.Map("spec")?.Map("template")?.Map("spec"),
        "Deployment" or "StatefulSet" or "DaemonSet" or "Job" => doc.Map("spec")?.Map("template")?.Map("spec"),
        _ => null,
    };

    private static List<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }
}
