using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Dockerfiles;

namespace Collab.Copilot.Authoring.Tests.Dockerfiles;

/// <summary>
/// Wordings beyond set M for the stacks and stated requirements added in its round (.NET, Ollama, a stated base, apt packages,
/// WORKDIR, UID), and the new rules' limits: each draft keeps what was stated and lints clean.
/// </summary>
public sealed class StatedImageTests
{
    [Theory]
    [InlineData("Dockerfile for my Go 1.22 service based on golang:1.22-alpine, port 8080", "golang:1.22-alpine AS build", "distroless")]
    [InlineData("dotnet 8 worker service (console app), project Jobs/Jobs.csproj", "dotnet/runtime:8.0", "COPY Jobs/Jobs.csproj Jobs/")]
    [InlineData("blazor server app on .NET 9, port 8081", "dotnet/aspnet:9.0", "ASPNETCORE_HTTP_PORTS=8081")]
    [InlineData("image with ollama serving qwen2.5:7b", "ollama/ollama", "ollama pull qwen2.5:7b")]
    [InlineData("python 3.12 app running app.py, apt packages curl and git, working directory /srv, user id 2000", "python:3.12", "install -y --no-install-recommends curl git")]
    [InlineData("python 3.12 app running app.py, apt packages curl and git, working directory /srv, user id 2000", "python:3.12", "WORKDIR /srv\n")]
    [InlineData("python 3.12 app running app.py, apt packages curl and git, working directory /srv, user id 2000", "python:3.12", "USER 2000")]
    [InlineData("R 4.4 plumber api in plumber.R", "rocker/r-ver:4.4", "plumber::pr('/app/plumber.R')")]
    [InlineData("Shiny app on R 4.4 with the packages DT and leaflet", "rocker/shiny:4.4", "install2.r --error --skipinstalled --ncpus -1 DT leaflet")]
    public void Stated_requirements_are_kept(string request, string from, string contains)
    {
        var draft = DockerfileDrafter.Draft(request);

        Assert.Contains(Regex.Matches(draft.Dockerfile, @"^FROM\s+(.+)$", RegexOptions.Multiline), m => m.Groups[1].Value.Contains(from, StringComparison.Ordinal));
        Assert.Contains(contains, draft.Dockerfile, StringComparison.Ordinal);
        Assert.True(draft.Lint.Findings.All(f => f.RuleId == DockerfileRules.AptUnpinned), string.Join(" | ", draft.Lint.Findings));
        Assert.Empty(DockerfileDraftChecker.Check(request, draft.Dockerfile));
    }

    [Theory]
    [InlineData("FROM node:20-alpine\nWORKDIR /app\nCOPY .env.example ./\nUSER 1000\nCMD [\"node\", \"a.js\"]\n", DockerfileRules.SecretFileCopied)]
    [InlineData("FROM debian:12-slim\nADD rootfs.tar.gz /\nUSER 1000\nCMD [\"/bin/app\"]\n", DockerfileRules.ArchiveUnpackedTwice)]
    [InlineData("FROM python:3.12-slim\nUSER 1000\nUSER root\nRUN chown -R 1000 /srv\nUSER 1000\nCMD [\"python\", \"/srv/a.py\"]\n", DockerfileRules.RootCommandAfterUser)]
    [InlineData("FROM golang:1.23\nCOPY . src/\nUSER 1000\nCMD [\"go\", \"run\", \"./src\"]\n", DockerfileRules.RelativePathWithoutWorkdir)]
    [InlineData("FROM ubuntu:24.04 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\nCMD [\"curl\"]\n", DockerfileRules.AptInstallWithoutUpdate)]
    public void New_rules_stay_quiet_where_nothing_is_wrong(string dockerfile, string rule)
    {
        Assert.DoesNotContain(DockerfileLinter.Lint(dockerfile).Findings, f => f.RuleId == rule);
    }
}
