using System.Text.RegularExpressions;
using Collab.Server.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Collab.Server.Tests.Operations;

/// <summary>
/// <c>.gitlab-ci.yml</c> checked for what GitLab would only find out when it runs: the YAML
/// parses, every job is in a declared stage, <c>needs</c> name jobs that exist and form no cycle,
/// images are built by Kaniko (no Docker daemon anywhere), every image the manifests in
/// <c>deploy/</c> use is built by a job from a Dockerfile that exists, and the manifests job pins
/// each of them by the digest Kaniko wrote (its script run here on sample digests).
/// </summary>
public sealed partial class GitLabPipelineTests
{
    private static readonly HashSet<string> GlobalKeys =
        ["stages", "variables", "default", "include", "workflow", "image", "services", "cache", "before_script", "after_script"];

    private static string PipelinePath => Path.Combine(RepoPaths.Root, ".gitlab-ci.yml");

    [GeneratedRegex(@"^\s*-?\s*image:\s*ghcr\.io/collab-platform/([a-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex DeployImage();

    [Fact]
    public void Every_job_is_in_a_declared_stage_and_needs_form_an_acyclic_graph_of_existing_jobs()
    {
        var (stages, jobs) = Load();
        Assert.Equal(["test", "build", "manifests"], stages);
        Assert.NotEmpty(jobs);
        foreach (var (name, job) in jobs)
        {
            Assert.True(job.ContainsKey("stage"), $"{name} has no stage");
            Assert.Contains(Scalar(job["stage"]), stages);
            Assert.True(job.ContainsKey("script"), $"{name} has no script");
            foreach (var need in Needs(job))
            {
                Assert.True(jobs.ContainsKey(need), $"{name} needs {need}, which is no job");
                // GitLab runs a needed job first, so it may not be in a later stage.
                Assert.True(stages.IndexOf(Scalar(jobs[need]["stage"])) <= stages.IndexOf(Scalar(job["stage"])), $"{name} needs the later {need}");
            }
        }
        var done = new HashSet<string>();
        var path = new HashSet<string>();
        void Visit(string job)
        {
            Assert.True(path.Add(job), $"needs cycle through {job}");
            foreach (var need in Needs(jobs[job]).Where(n => !done.Contains(n))) Visit(need);
            path.Remove(job);
            done.Add(job);
        }
        foreach (var job in jobs.Keys.Where(j => !done.Contains(j))) Visit(job);
    }

    [Fact]
    public void Images_are_built_by_Kaniko_without_a_Docker_daemon()
    {
        var text = File.ReadAllText(PipelinePath);
        Assert.DoesNotContain("dind", text);
        Assert.DoesNotContain("docker build", text);
        Assert.DoesNotContain("DOCKER_HOST", text);
        var (_, jobs) = Load();
        var builds = jobs.Where(j => Scalar(j.Value["stage"]) == "build").ToList();
        Assert.NotEmpty(builds);
        foreach (var (name, job) in builds)
        {
            Assert.Contains("kaniko-project/executor", ImageOf(job));
            var script = string.Join("\n", Sequence(job["script"]));
            Assert.Contains("/kaniko/executor", script);
            Assert.Contains("--digest-file", script);
            Assert.Contains("$CI_REGISTRY_IMAGE/$IMAGE_NAME:$IMAGE_TAG", script);
            Assert.Contains("${CI_COMMIT_TAG:-$CI_COMMIT_SHORT_SHA}", script);
            Assert.False(job.ContainsKey("services"), $"{name} starts services");
        }
    }

    [Fact]
    public void Every_image_in_deploy_is_built_from_an_existing_Dockerfile()
    {
        var (_, jobs) = Load();
        var built = jobs.Values.Where(j => j.ContainsKey("variables") && ((YamlMappingNode)j["variables"]).Children.ContainsKey("IMAGE_NAME"))
            .ToDictionary(j => Scalar(((YamlMappingNode)j["variables"])["IMAGE_NAME"]), j => Scalar(((YamlMappingNode)j["variables"])["DOCKERFILE"]));
        var used = DeployImages();
        Assert.NotEmpty(used);
        foreach (var image in used)
        {
            Assert.True(built.TryGetValue(image, out var dockerfile), $"deploy/ uses {image}, which no job builds");
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, dockerfile)), dockerfile);
        }
    }

    [Fact]
    public async Task The_manifests_job_pins_every_image_by_the_digest_Kaniko_wrote()
    {
        var (_, jobs) = Load();
        var manifests = jobs["manifests"];
        var builds = jobs.Where(j => Scalar(j.Value["stage"]) == "build").Select(j => j.Key).ToHashSet();
        Assert.Equal(builds, Needs(manifests).ToHashSet());
        Assert.Contains("deploy/ci/pin-images.sh", string.Join("\n", Sequence(manifests["script"])));
        Assert.Contains("release/", Sequence(((YamlMappingNode)manifests["artifacts"])["paths"]));

        var work = Directory.CreateTempSubdirectory("collab-pin-").FullName;
        try
        {
            var digests = Directory.CreateDirectory(Path.Combine(work, "digests")).FullName;
            var expected = new Dictionary<string, string>();
            foreach (var image in DeployImages())
            {
                expected[image] = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(image)));
                await File.WriteAllTextAsync(Path.Combine(digests, $"{image}.digest"), expected[image]);
            }
            var release = Path.Combine(work, "release");
            var (code, output) = await Command.RunAsync("sh", [Path.Combine(RepoPaths.Root, "deploy", "ci", "pin-images.sh"), release, "registry.example.org/group/collab", "v1.2.3", digests],
                work, TimeSpan.FromSeconds(30));
            Assert.True(code == 0, output);

            var kustomization = (YamlMappingNode)LoadYaml(Path.Combine(release, "kustomization.yaml")).Documents[0].RootNode;
            var resource = Assert.Single(Sequence(kustomization["resources"]));
            Assert.True(File.Exists(Path.Combine(release, resource, "kustomization.yaml")), resource);
            var pinned = ((YamlSequenceNode)kustomization["images"]).Children.Cast<YamlMappingNode>()
                .ToDictionary(i => Scalar(i["name"]), i => (NewName: Scalar(i["newName"]), Digest: Scalar(i["digest"])));
            Assert.Equal(expected.Count, pinned.Count);
            foreach (var (image, digest) in expected)
                Assert.Equal(($"registry.example.org/group/collab/{image}", digest), pinned[$"ghcr.io/collab-platform/{image}"]);

            // A build that wrote no digest fails the job rather than shipping an unpinned image.
            File.Delete(Path.Combine(digests, $"{expected.Keys.First()}.digest"));
            (code, output) = await Command.RunAsync("sh", [Path.Combine(RepoPaths.Root, "deploy", "ci", "pin-images.sh"), release, "r", "t", digests], work, TimeSpan.FromSeconds(30));
            Assert.NotEqual(0, code);
            Assert.Contains("no digest", output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Image names (without registry and tag) that the Kubernetes manifests under deploy/ run.</summary>
    private static List<string> DeployImages() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "deploy", "k8s"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => DeployImage().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The stages and the jobs (hidden templates left out, <c>extends</c> merged in, the job's own keys winning).</summary>
    private static (List<string> Stages, Dictionary<string, Dictionary<string, YamlNode>> Jobs) Load()
    {
        var root = (YamlMappingNode)LoadYaml(PipelinePath).Documents[0].RootNode;
        var entries = root.Children.ToDictionary(kv => Scalar(kv.Key), kv => kv.Value);
        var stages = Sequence(entries["stages"]);
        var jobs = new Dictionary<string, Dictionary<string, YamlNode>>();
        Dictionary<string, YamlNode> Resolve(string name, int depth)
        {
            Assert.True(depth < 10, $"extends too deep at {name}");
            var own = ((YamlMappingNode)entries[name]).Children.ToDictionary(kv => Scalar(kv.Key), kv => kv.Value);
            if (!own.TryGetValue("extends", out var extends)) return own;
            var merged = new Dictionary<string, YamlNode>();
            foreach (var template in extends is YamlSequenceNode ? Sequence(extends) : [Scalar(extends)])
            {
                Assert.True(entries.ContainsKey(template), $"{name} extends {template}, which does not exist");
                foreach (var (key, value) in Resolve(template, depth + 1)) merged[key] = value;
            }
            foreach (var (key, value) in own) merged[key] = value;
            return merged;
        }
        foreach (var name in entries.Keys.Where(k => !GlobalKeys.Contains(k) && !k.StartsWith('.')))
            jobs[name] = Resolve(name, 0);
        return (stages, jobs);
    }

    private static YamlStream LoadYaml(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return yaml;
    }

    private static IEnumerable<string> Needs(Dictionary<string, YamlNode> job) =>
        job.TryGetValue("needs", out var needs)
            ? ((YamlSequenceNode)needs).Children.Select(n => n is YamlMappingNode m ? Scalar(m["job"]) : Scalar(n))
            : [];

    private static string ImageOf(Dictionary<string, YamlNode> job) =>
        job["image"] is YamlMappingNode m ? Scalar(m["name"]) : Scalar(job["image"]);

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static List<string> Sequence(YamlNode node) => ((YamlSequenceNode)node).Children.Select(Scalar).ToList();
}
