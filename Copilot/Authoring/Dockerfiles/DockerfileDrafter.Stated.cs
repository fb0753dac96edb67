using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Dockerfiles;

// What the words state about any image, applied to whichever stack's draft: the base image, apt packages, the WORKDIR, the UID.
public static partial class DockerfileDrafter
{
    /// <summary>Applies each stated requirement the stack's drafter does not read itself, in the order the image is built.</summary>
    private static string WithStatedImage(string dockerfile, DockerfileRequest asked, List<Note> notes) =>
        WithUid(WithWorkdir(WithAptPackages(WithStatedBase(dockerfile, asked, notes), asked), asked), asked);

    /// <summary>
    /// A full base image the words name replaces, tag and all, the stage drafted on the same image ("golang:1.22-alpine" is the
    /// build stage's), else the final stage's; the answer says it is used as given.
    /// </summary>
    private static string WithStatedBase(string dockerfile, DockerfileRequest asked, List<Note> notes)
    {
        if (asked.StatedBase is not { } stated || dockerfile.Contains("FROM " + stated, StringComparison.Ordinal)) return dockerfile;
        var froms = Regex.Matches(dockerfile, @"^FROM (\S+)", RegexOptions.Multiline);
        static string Repository(string image)
        {
            var name = image.Split('@')[0];
            var colon = name.LastIndexOf(':');
            return colon > name.LastIndexOf('/') ? name[..colon] : name;
        }
        var last = froms.FirstOrDefault(f => Repository(f.Groups[1].Value) == Repository(stated)) ?? froms.LastOrDefault();
        // A shorter reference the draft's own tag extends ("nvidia/cuda:11.8" → nvidia/cuda:11.8.0-runtime-ubuntu22.04) is kept as drafted.
        if (last is null || last.Groups[1].Value.StartsWith(stated, StringComparison.Ordinal)) return dockerfile;
        notes.Add(new Note("note.stated-base", stated, last.Groups[1].Value));
        return dockerfile.Remove(last.Groups[1].Index, last.Groups[1].Length).Insert(last.Groups[1].Index, stated);
    }

    /// <summary>The apt packages the words list, installed in the final stage right after its FROM unless the draft installs them already.</summary>
    private static string WithAptPackages(string dockerfile, DockerfileRequest asked)
    {
        var missing = asked.AptPackages.Where(p => !Regex.IsMatch(dockerfile, $@"(apt-get|apk)[^\n]*\b{Regex.Escape(p)}\b")).ToList();
        var last = Regex.Matches(dockerfile, @"^FROM (\S+)[^\n]*\n", RegexOptions.Multiline).LastOrDefault();
        if (missing.Count == 0 || last is null) return dockerfile;
        // Images that start as a non-root user (Jupyter stacks, micromamba, unprivileged nginx) install as root; the draft's own USER follows later.
        var asRoot = Regex.IsMatch(last.Groups[1].Value, "jupyter/|micromamba|unprivileged") ? "USER root\n" : "";
        var install = asRoot + (BaseImageFamilies.Of(last.Groups[1].Value) == BaseImageFamily.Alpine
            ? $"RUN apk add --no-cache {string.Join(' ', missing)}\n"
            : $"RUN apt-get update \\\n    && apt-get install -y --no-install-recommends {string.Join(' ', missing)} \\\n    && rm -rf /var/lib/apt/lists/*\n");
        return dockerfile.Insert(last.Index + last.Length, "\n" + install);
    }

    /// <summary>
    /// The stated WORKDIR replaces the final stage's own, and the paths the draft wrote under it follow; a final stage without
    /// one gets it after its FROM (its binary's own path is left alone).
    /// </summary>
    private static string WithWorkdir(string dockerfile, DockerfileRequest asked)
    {
        if (asked.Workdir is not { } stated) return dockerfile;
        var last = Regex.Matches(dockerfile, @"^FROM [^\n]*\n", RegexOptions.Multiline).LastOrDefault();
        if (last is null) return dockerfile;
        var head = dockerfile[..(last.Index + last.Length)];
        var stage = dockerfile[(last.Index + last.Length)..];
        if (Regex.Match(stage, @"^WORKDIR (\S+)", RegexOptions.Multiline) is not { Success: true } own)
            return head + $"\nWORKDIR {stated}\n" + stage;
        var old = own.Groups[1].Value;
        if (old == stated) return dockerfile;
        return head + Regex.Replace(stage, $@"(?<![\w./-]){Regex.Escape(old)}(?=[\s/""]|$)", stated);
    }

    /// <summary>The stated UID replaces the draft's non-root UID wherever the draft uses it (useradd, chown, USER).</summary>
    private static string WithUid(string dockerfile, DockerfileRequest asked)
    {
        if (asked.Uid is not { } uid) return dockerfile;
        var user = Regex.Matches(dockerfile, @"^USER (\d+)", RegexOptions.Multiline).LastOrDefault();
        if (user is null || user.Groups[1].Value == uid) return dockerfile;
        return Regex.Replace(dockerfile, $@"(?<![\w.]){user.Groups[1].Value}(?![\w.])", uid);
    }
}
