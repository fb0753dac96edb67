using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Dockerfiles;

namespace Collab.Copilot.Authoring.Tests.Dockerfiles;

/// <summary>A stated base version stays the base whatever tooling is asked beside it; uv's and pip's --no-cache count as no cache.</summary>
public sealed class DockerfileBaseTests
{
    [Theory]
    [InlineData("micromamba env from environment.yml on cuda 12.4", "nvidia/cuda:12.4", "micromamba")]
    [InlineData("pytorch on cuda 12.2, deps by pip", "nvidia/cuda:12.2", "download.pytorch.org/whl/cu121")]
    [InlineData("multi-stage go 1.21 service, final image scratch", "scratch", "golang:1.21")]
    [InlineData("julia 1.10 image, Project.toml + Manifest.toml, runs julia sim.jl", "julia:1.10", "Pkg.instantiate()")]
    [InlineData("julia 1.11 with a Pluto notebook on port 1234", "julia:1.11", "Pluto.run")]
    [InlineData("fastapi with uv (pyproject.toml and uv.lock), python 3.12", "python:3.12", "uv sync --frozen")]
    public void A_stated_cuda_version_is_the_base(string request, string basePrefix, string alsoContains)
    {
        var draft = DockerfileDrafter.Draft(request);

        var froms = Regex.Matches(draft.Dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(froms, f => f.StartsWith(basePrefix, StringComparison.Ordinal));
        Assert.Contains(alsoContains, draft.Dockerfile, StringComparison.Ordinal);
        Assert.True(draft.Lint.Findings.All(f => f.RuleId == DockerfileRules.AptUnpinned), string.Join(" | ", draft.Lint.Findings));
    }

    [Theory]
    [InlineData("RUN uv pip install --system --no-cache -r requirements.txt")]
    [InlineData("RUN pip install --no-cache -r requirements.txt")]
    public void No_cache_flags_of_uv_and_pip_satisfy_the_cache_rule(string run)
    {
        var lint = DockerfileLinter.Lint($"FROM python:3.12-slim\nCOPY requirements.txt .\n{run}\nUSER 1000\nCMD [\"python\"]\n");

        Assert.DoesNotContain(lint.Findings, f => f.RuleId == DockerfileRules.PipCache);
    }

    [Theory]
    [InlineData("Dockerfile for a Celery worker, python 3.11, requirements.txt, command celery -A tasks worker", "CMD [\"celery\", \"-A\", \"tasks\", \"worker\"]")]
    [InlineData("dockerfile for our snakemake pipeline on micromamba, env in environment.yml, the entrypoint should be snakemake", "CMD [\"snakemake\"]")]
    public void A_command_named_in_the_request_is_the_cmd(string request, string cmd)
    {
        var draft = DockerfileDrafter.Draft(request);

        Assert.Contains(cmd, draft.Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_line_tool_names_no_command()
    {
        Assert.DoesNotContain("\"line\"", DockerfileDrafter.Draft("Dockerfile for a python 3.12 command line tool, runs cli.py").Dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dockerfile für ein Python-3.10-Skript auswertung.py", "python:3.10")]
    [InlineData("dockerfile s Pythonom 3.12 koji pokreće bot.py", "python:3.12")]
    public void A_python_version_joined_by_a_hyphen_or_inflected_is_read(string request, string basePrefix)
    {
        Assert.Contains("FROM " + basePrefix, DockerfileDrafter.Draft(request).Dockerfile, StringComparison.Ordinal);
    }
}
