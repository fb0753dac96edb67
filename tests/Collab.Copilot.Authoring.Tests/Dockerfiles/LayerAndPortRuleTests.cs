using Collab.Copilot.Authoring.Dockerfiles;

namespace Collab.Copilot.Authoring.Tests.Dockerfiles;

/// <summary>CDF027, CDF028 and CDF029 (set K) stay quiet on Dockerfiles written the right way, and their fixes lint without them.</summary>
public sealed class LayerAndPortRuleTests
{
    private static IEnumerable<string> Rules(string dockerfile) => DockerfileLinter.Lint(dockerfile).Findings.Select(f => f.RuleId);

    [Theory]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER 1000\nCMD [\"python\", \"app.py\"]\n")]
    [InlineData("FROM node:22-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nUSER 1000\nCMD [\"node\", \"dist/server.js\"]\n")]
    [InlineData("FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n")]
    public void Dependencies_installed_before_the_code_are_not_reported(string dockerfile) =>
        Assert.DoesNotContain(DockerfileRules.DependenciesAfterCopyAll, Rules(dockerfile));

    [Fact]
    public void The_reorder_fix_installs_before_the_code_is_copied()
    {
        var fix = DockerfileFixer.Fix("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nUSER 1000\nCMD [\"python\", \"app.py\"]\n");
        Assert.Contains("COPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .", fix.FixedDockerfile);
        Assert.DoesNotContain(DockerfileRules.DependenciesAfterCopyAll, Rules(fix.FixedDockerfile));
    }

    [Theory]
    [InlineData("EXPOSE 8000\nCMD [\"uvicorn\", \"main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\"]", false)]
    [InlineData("EXPOSE 8000\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:app\"]", false)]
    [InlineData("EXPOSE 8080\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:app\"]", true)]
    [InlineData("EXPOSE 8501\nCMD [\"streamlit\", \"run\", \"app.py\", \"--server.port=8501\"]", false)]
    [InlineData("EXPOSE 5000\nCMD [\"python\", \"app.py\"]", false)]
    public void An_exposed_port_is_compared_with_the_port_the_command_names(string tail, bool reported)
    {
        var dockerfile = $"FROM python:3.12-slim\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\n{tail}\n";
        Assert.Equal(reported, Rules(dockerfile).Contains(DockerfileRules.ExposedPortMismatch));
    }

    [Theory]
    [InlineData("RUN curl -fsSL https://get.example.sh | sh", true)]
    [InlineData("RUN set -o pipefail && wget -qO- https://example.org/install.sh | bash -s -- --yes", true)]
    [InlineData("RUN sh -c \"$(curl -fsSL https://example.org/install.sh)\"", true)]
    [InlineData("RUN curl -fsSL https://example.org/x.tgz | tar xz", false)]
    [InlineData("RUN curl -fsSLO https://example.org/tool.sh && echo \"abc  tool.sh\" | sha256sum -c && sh tool.sh", false)]
    public void A_script_piped_from_a_download_into_a_shell_is_reported(string run, bool reported)
    {
        var dockerfile = $"FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n{run}\nUSER 1000\nCMD [\"/bin/true\"]\n";
        Assert.Equal(reported, Rules(dockerfile).Contains(DockerfileRules.RemoteScript));
    }
}
