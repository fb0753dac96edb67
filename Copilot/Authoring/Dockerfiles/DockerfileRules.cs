namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>Dockerfile rule ids, in the spirit of hadolint but numbered for Collab.</summary>
public static class DockerfileRules
{
    /// <summary>FROM without a tag.</summary>
    public const string UntaggedBase = "CDF001";
    /// <summary>FROM with :latest.</summary>
    public const string LatestBase = "CDF002";
    /// <summary>The last USER of the final stage is root.</summary>
    public const string RootUser = "CDF003";
    /// <summary>The final stage never sets USER, so it runs as root.</summary>
    public const string NoUser = "CDF004";
    /// <summary>apt-get install without --no-install-recommends.</summary>
    public const string AptRecommends = "CDF005";
    /// <summary>apt-get install without removing /var/lib/apt/lists in the same RUN.</summary>
    public const string AptListsKept = "CDF006";
    /// <summary>apt-get install without -y.</summary>
    public const string AptNoYes = "CDF007";
    /// <summary>apt-get upgrade / dist-upgrade.</summary>
    public const string AptUpgrade = "CDF008";
    /// <summary>apt packages without versions (info).</summary>
    public const string AptUnpinned = "CDF009";
    /// <summary>ADD of a URL.</summary>
    public const string AddUrl = "CDF010";
    /// <summary>ADD of a plain local file (use COPY).</summary>
    public const string AddLocal = "CDF011";
    /// <summary>cd inside RUN instead of WORKDIR.</summary>
    public const string CdInRun = "CDF012";
    /// <summary>pip install without pinned versions.</summary>
    public const string PipUnpinned = "CDF013";
    /// <summary>pip install without --no-cache-dir.</summary>
    public const string PipCache = "CDF014";
    /// <summary>A secret in ENV.</summary>
    public const string SecretEnv = "CDF015";
    /// <summary>A secret in ARG.</summary>
    public const string SecretArg = "CDF016";
    /// <summary>sudo in RUN.</summary>
    public const string Sudo = "CDF017";
    /// <summary>A service image without HEALTHCHECK (info).</summary>
    public const string NoHealthcheck = "CDF018";
    /// <summary>More than one CMD in a stage.</summary>
    public const string MultipleCmd = "CDF019";
    /// <summary>More than one ENTRYPOINT in a stage.</summary>
    public const string MultipleEntrypoint = "CDF020";
    /// <summary>Shell-form CMD or ENTRYPOINT.</summary>
    public const string ShellForm = "CDF021";
    /// <summary>Deprecated MAINTAINER.</summary>
    public const string Maintainer = "CDF022";
    /// <summary>apt instead of apt-get in scripts.</summary>
    public const string AptCli = "CDF023";
    /// <summary>apk add without --no-cache.</summary>
    public const string ApkCache = "CDF024";
    /// <summary>Relative WORKDIR.</summary>
    public const string RelativeWorkdir = "CDF025";
    /// <summary>A download piped into another command (curl … | tar, wget … | sh) without pipefail, so a failed download is not a failed build.</summary>
    public const string PipeWithoutPipefail = "CDF026";
    /// <summary>The whole build context is copied before the dependencies are installed, so a code change reinstalls them.</summary>
    public const string DependenciesAfterCopyAll = "CDF027";
    /// <summary>EXPOSE names a port the CMD/ENTRYPOINT does not listen on.</summary>
    public const string ExposedPortMismatch = "CDF028";
    /// <summary>A downloaded script piped straight into a shell (curl … | sh).</summary>
    public const string RemoteScript = "CDF029";
    /// <summary>A secret file (.env, an SSH or TLS private key, a cloud or registry credentials file) copied into the image.</summary>
    public const string SecretFileCopied = "CDF030";
    /// <summary>A relative COPY/ADD destination before any WORKDIR, so it lands under / and the paths after it depend on that.</summary>
    public const string RelativePathWithoutWorkdir = "CDF031";
    /// <summary>A local archive ADDed (which unpacks it) and then unpacked again with tar.</summary>
    public const string ArchiveUnpackedTwice = "CDF032";
    /// <summary>A command that needs root (chown, apt-get, useradd…) run after USER switched to a non-root user.</summary>
    public const string RootCommandAfterUser = "CDF033";
    /// <summary>apt-get install with no apt-get update in the same RUN or before it in the stage.</summary>
    public const string AptInstallWithoutUpdate = "CDF034";
}
